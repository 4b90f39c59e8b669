-- Rights on a shared workspace (#13): on a file (one user) only the columns and tables, so that both dialects
-- have the same ones; the server's roles, policies and triggers are in postgresql/0010_rights.sql.
CREATE TABLE member (
    login TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('reviewer', 'clerk', 'senatskanzlei', 'admin')),
    ressort_key TEXT NOT NULL DEFAULT ''
);

ALTER TABLE vorlage ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

-- A publication is a record of what went out: never changed, deleted only with its Vorlage (as versions).
CREATE TRIGGER publication_no_update BEFORE UPDATE ON publication BEGIN SELECT RAISE(ABORT, 'publication is immutable'); END;

CREATE TRIGGER publication_no_delete BEFORE DELETE ON publication WHEN EXISTS (SELECT 1 FROM vorlage WHERE id = OLD.vorlage_id) BEGIN SELECT RAISE(ABORT, 'publication is immutable'); END;
