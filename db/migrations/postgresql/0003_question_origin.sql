-- Who asked (the Fraktion) and when, for answers to parliamentary questions.
ALTER TABLE vorlage ADD COLUMN fraktion TEXT NOT NULL DEFAULT '';

ALTER TABLE vorlage ADD COLUMN asked_on TEXT NOT NULL DEFAULT '';
