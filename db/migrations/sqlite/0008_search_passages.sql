-- The search index in passages (#12): a place's text (a section may run to 50 pages) is indexed in passages
-- of a few paragraphs each (SearchIndex::passages), so that a save re-indexes only the passages that changed,
-- and the words of a hit stand near each other. The index is derived data: the index of 0006 is dropped,
-- created again in this form and filled from the Vorlagen. Also the statements of a repair (re-run as a whole).
DROP TRIGGER IF EXISTS search_place_insert;

DROP TRIGGER IF EXISTS search_place_delete;

DROP TRIGGER IF EXISTS search_place_update;

-- Dropping the FTS5 table drops its shadow tables; leftovers of a half-dropped one go by name.
DROP TABLE IF EXISTS search_fts;

DROP TABLE IF EXISTS search_fts_data;

DROP TABLE IF EXISTS search_fts_idx;

DROP TABLE IF EXISTS search_fts_docsize;

DROP TABLE IF EXISTS search_fts_config;

DROP TABLE IF EXISTS search_place_figure;

DROP TABLE IF EXISTS search_place;

-- One row per passage of a place of a Vorlage (header field, section, question, answer, Beschluss item,
-- Beteiligung entry, Anlage, the labels of the quoted figures): the place's label, the passage as printed and
-- the same folded for German matching (foldForSearch). The FTS5 index is an external-content table over
-- `folded`, kept in step by the triggers; snippets come from `text`.
CREATE TABLE search_place (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    folded TEXT NOT NULL
);

CREATE INDEX search_place_vorlage ON search_place(vorlage_id, place);

-- Which figures a place quotes: a changed value re-indexes exactly the Vorlagen quoting it.
CREATE TABLE search_place_figure (
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    figure_key TEXT NOT NULL,
    PRIMARY KEY (vorlage_id, place, figure_key)
);

CREATE INDEX search_place_figure_key ON search_place_figure(figure_key);

CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_place', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER search_place_insert AFTER INSERT ON search_place BEGIN
    INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END;

CREATE TRIGGER search_place_delete AFTER DELETE ON search_place BEGIN
    INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END;

-- A passage's label changes (a question moved up) without its text: only a changed text is indexed again.
CREATE TRIGGER search_place_update AFTER UPDATE OF folded ON search_place BEGIN
    INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END;
