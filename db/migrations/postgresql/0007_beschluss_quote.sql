-- A Beschluss item taken word for word from an earlier decided Vorlage (from a search result) keeps where it
-- came from: that Vorlage's id and the item's stable id there. No foreign key: the record of the source stays
-- even when the earlier Vorlage is deleted.
ALTER TABLE beschluss_item ADD COLUMN quoted_from_vorlage INTEGER NOT NULL DEFAULT 0;

ALTER TABLE beschluss_item ADD COLUMN quoted_from_item TEXT NOT NULL DEFAULT '';
