-- Full-text search (#12). One row per place of a Vorlage (header field, section, question, answer, Beschluss
-- item, Beteiligung entry, Anlage, the labels of the quoted figures): its label, its text as printed and the
-- same text folded for German matching (app/store/searchindex.cpp, foldForSearch). The FTS5 index is an
-- external-content table over `folded`, kept in step by the triggers; snippets come from `text`.
-- The rows are written by the program in the transaction that writes the place; this migration's rows are
-- filled by its C++ step (SearchIndex::rebuild). Re-run as a whole to repair a damaged index: IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS search_place (
    id INTEGER PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    place TEXT NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    folded TEXT NOT NULL,
    UNIQUE (vorlage_id, place)
);

-- Which figures a place quotes: a changed value re-indexes exactly those places' Vorlagen.
CREATE TABLE IF NOT EXISTS search_place_figure (
    place_id INTEGER NOT NULL REFERENCES search_place(id) ON DELETE CASCADE,
    figure_key TEXT NOT NULL,
    PRIMARY KEY (place_id, figure_key)
);

CREATE INDEX IF NOT EXISTS search_place_figure_key ON search_place_figure(figure_key);

CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(folded, content='search_place', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER IF NOT EXISTS search_place_insert AFTER INSERT ON search_place BEGIN
    INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END;

CREATE TRIGGER IF NOT EXISTS search_place_delete AFTER DELETE ON search_place BEGIN
    INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); END;

CREATE TRIGGER IF NOT EXISTS search_place_update AFTER UPDATE ON search_place BEGIN
    INSERT INTO search_fts(search_fts, rowid, folded) VALUES ('delete', old.id, old.folded); INSERT INTO search_fts(rowid, folded) VALUES (new.id, new.folded); END;
