-- No reserved words as column names (END is reserved in PostgreSQL): an annotation's range in its place.
ALTER TABLE annotation RENAME COLUMN start TO start_offset;

ALTER TABLE annotation RENAME COLUMN "end" TO end_offset;
