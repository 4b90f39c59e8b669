-- Vorlagenwerk workspace, version 1.
-- One statement per ';'-terminated line group; the runner executes them one by one in a transaction.

CREATE TABLE ressort_name (
    id INTEGER PRIMARY KEY,
    ressort_key TEXT NOT NULL,
    name TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT
);

CREATE INDEX ressort_name_key ON ressort_name(ressort_key);

CREATE TABLE vorlage (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    paper_kind TEXT NOT NULL,
    status TEXT NOT NULL,
    date TEXT,
    session_date TEXT,
    body TEXT NOT NULL,
    question_number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '[]',
    file_code TEXT NOT NULL DEFAULT '',
    question_signatories TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE vorlage_ressort (
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ressort_key TEXT NOT NULL,
    name TEXT NOT NULL,
    lead INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (vorlage_id, position)
);

CREATE TABLE section (
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    heading TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (vorlage_id, position)
);

CREATE TABLE question (
    id TEXT PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    answer TEXT NOT NULL
);

CREATE INDEX question_vorlage ON question(vorlage_id, position);

CREATE TABLE beschluss_item (
    id TEXT PRIMARY KEY,
    vorlage_id INTEGER NOT NULL REFERENCES vorlage(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL
);

CREATE INDEX beschluss_item_vorlage ON beschluss_item(vorlage_id, position);

-- The Ressorts of the Senate formed in 2023, and earlier names still needed for older Vorlagen.
INSERT INTO ressort_name (ressort_key, name, valid_from, valid_to) VALUES
    ('senatskanzlei', 'Senatskanzlei', NULL, NULL),
    ('praesident', 'Der Präsident des Senats', '2019-08-15', NULL),
    ('finanzen', 'Die Senatorin für Finanzen', '2007-07-01', '2019-08-14'),
    ('finanzen', 'Der Senator für Finanzen', '2019-08-15', NULL),
    ('inneres', 'Der Senator für Inneres', '2007-07-01', '2023-07-04'),
    ('inneres', 'Der Senator für Inneres und Sport', '2023-07-05', NULL),
    ('kinder-bildung', 'Die Senatorin für Kinder und Bildung', '2015-07-15', NULL),
    ('wirtschaft', 'Die Senatorin für Wirtschaft, Arbeit und Europa', '2019-08-15', '2023-07-04'),
    ('wirtschaft', 'Die Senatorin für Wirtschaft, Häfen und Transformation', '2023-07-05', NULL),
    ('justiz', 'Die Senatorin für Justiz und Verfassung', '2019-08-15', NULL),
    ('gesundheit', 'Die Senatorin für Gesundheit, Frauen und Verbraucherschutz', '2019-08-15', NULL),
    ('soziales', 'Die Senatorin für Soziales, Jugend, Integration und Sport', '2019-08-15', '2023-07-04'),
    ('soziales', 'Die Senatorin für Arbeit, Soziales, Jugend und Integration', '2023-07-05', NULL),
    ('umwelt', 'Die Senatorin für Klimaschutz, Umwelt, Mobilität, Stadtentwicklung und Wohnungsbau', '2019-08-15', '2023-07-04'),
    ('umwelt', 'Die Senatorin für Umwelt, Klima und Wissenschaft', '2023-07-05', NULL),
    ('bau', 'Die Senatorin für Bau, Mobilität und Stadtentwicklung', '2023-07-05', NULL),
    ('wissenschaft', 'Die Senatorin für Wissenschaft und Häfen', '2019-08-15', '2023-07-04'),
    ('kultur', 'Der Senator für Kultur', '2019-08-15', NULL),
    ('bund-europa', 'Die Bevollmächtigte beim Bund und für Europa', '2019-08-15', NULL);
