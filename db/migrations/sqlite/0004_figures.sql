-- Figures: numbers kept once and quoted by key; every change of a value is kept.
CREATE TABLE figure (
    key TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    as_of TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    ressort_key TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    millions INTEGER NOT NULL DEFAULT 0,
    modified TEXT NOT NULL
);

CREATE TABLE figure_change (
    id INTEGER PRIMARY KEY,
    figure_key TEXT NOT NULL REFERENCES figure(key) ON DELETE CASCADE,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE INDEX figure_change_key ON figure_change(figure_key, id);

-- Workspace-wide settings such as the number style and the age at which a figure is old.
CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
