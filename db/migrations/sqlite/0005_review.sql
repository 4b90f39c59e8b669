-- Review and publication: Beteiligung, Anlagen, annotations, versions, status history, publications.

ALTER TABLE vorlage ADD COLUMN outcome TEXT NOT NULL DEFAULT '';
ALTER TABLE vorlage ADD COLUMN predecessor_id INTEGER REFERENCES vorlage(id) ON DELETE SET NULL;
ALTER TABLE vorlage ADD COLUMN modified_by TEXT NOT NULL DEFAULT '';

-- Ressorts and bodies involved (Mitzeichnung) and what they said.
CREATE TABLE participation (
    id TEXT PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ressort_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    date TEXT,
    text TEXT NOT NULL DEFAULT '',
    resolved INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX participation_vorlage ON participation(vorlage_id, position);

-- File contents, addressed by their SHA-256; never changed, so versions can point to them.
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE anlage (
    id TEXT PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    file_name TEXT NOT NULL DEFAULT '',
    media_type TEXT NOT NULL DEFAULT '',
    sha256 TEXT REFERENCES blob(sha256),
    size INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    internal INTEGER NOT NULL DEFAULT 0,
    licence TEXT NOT NULL DEFAULT '',
    accessible INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX anlage_vorlage ON anlage(vorlage_id, position);

-- Comments and suggestions: beside the Vorlage, never part of it or of its versions.
CREATE TABLE annotation (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    quote TEXT NOT NULL,
    detached INTEGER NOT NULL DEFAULT 0,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    suggestion TEXT NOT NULL DEFAULT '',
    replacement TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    decided TEXT,
    resolved INTEGER NOT NULL DEFAULT 0,
    resolved_by TEXT NOT NULL DEFAULT '',
    resolved_at TEXT
);

CREATE INDEX annotation_vorlage ON annotation(vorlage_id);

CREATE TABLE annotation_reply (
    id INTEGER PRIMARY KEY,
    annotation_id INTEGER NOT NULL REFERENCES annotation(id) ON DELETE CASCADE,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    text TEXT NOT NULL
);

CREATE INDEX annotation_reply_annotation ON annotation_reply(annotation_id, id);

-- Frozen snapshots (the Vorlage as JSON with the figure values of that moment). Nobody changes or
-- deletes one; they go only with their Vorlage.
CREATE TABLE version (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    automatic INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    author TEXT NOT NULL,
    created TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    UNIQUE (vorlage_id, number)
);

CREATE TRIGGER version_no_update BEFORE UPDATE ON version BEGIN SELECT RAISE(ABORT, 'version is immutable'); END;

CREATE TRIGGER version_no_delete BEFORE DELETE ON version WHEN EXISTS (SELECT 1 FROM vorlage WHERE id = OLD.vorlage_id) BEGIN SELECT RAISE(ABORT, 'version is immutable'); END;

CREATE TABLE status_change (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    outcome TEXT NOT NULL DEFAULT '',
    session_date TEXT,
    author TEXT NOT NULL,
    at TEXT NOT NULL,
    version_id INTEGER REFERENCES version(id)
);

CREATE INDEX status_change_vorlage ON status_change(vorlage_id, id);

-- What went to the Informationsregister, from which version, with the package's checksum.
CREATE TABLE publication (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    version_id INTEGER REFERENCES version(id),
    published_at TEXT NOT NULL,
    author TEXT NOT NULL,
    sha512 TEXT NOT NULL,
    package TEXT NOT NULL DEFAULT ''
);

-- Names that must not appear in a published document (checked before publication).
CREATE TABLE protected_person (
    name TEXT PRIMARY KEY
);

-- Words the spell check accepts in this workspace (Ressort names, places, abbreviations).
CREATE TABLE dictionary_word (
    word TEXT PRIMARY KEY
);
