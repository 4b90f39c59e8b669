-- Beschluss items name an addressed Ressort and a due date, kept beside the sentence for follow-up.
ALTER TABLE beschluss_item ADD COLUMN ressort_key TEXT NOT NULL DEFAULT '';

ALTER TABLE beschluss_item ADD COLUMN due_date TEXT NOT NULL DEFAULT '';
