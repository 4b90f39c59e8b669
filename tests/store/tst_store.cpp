#include "testdemo.h"

#include "demo.h"
#include "migrations.h"
#include "vorlagejson.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace vw;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

std::unique_ptr<Workspace> createWorkspace(const QString &path)
{
    auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    return std::move(ws.value());
}

// Runs SQL on a file behind the program's back, as another program (or a newer version) would.
void rawSql(const QString &path, const QStringList &statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        for (const QString &s : statements)
            REQUIRE(q.exec(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

int count(Workspace &ws, const QString &table)
{
    QSqlQuery q(ws.database());
    REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM ") + table));
    REQUIRE(q.next());
    return q.value(0).toInt();
}

} // namespace

TEST_CASE("a new workspace is migrated, in WAL mode, with the Ressorts seeded", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("neu.vorlagen")));
    QSqlQuery q(ws->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA user_version")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == Migrations::latestVersion());
    REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode")));
    REQUIRE(q.next());
    CHECK(q.value(0).toString() == QStringLiteral("wal"));
    REQUIRE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    CHECK(ws->ressorts().nameOn(QStringLiteral("finanzen"), QDate(2020, 5, 4)) == QStringLiteral("Der Senator für Finanzen"));
    CHECK(ws->ressorts().nameOn(QStringLiteral("finanzen"), QDate(2015, 1, 1)) == QStringLiteral("Die Senatorin für Finanzen"));
    CHECK(ws->list()->isEmpty());
}

TEST_CASE("Vorlagen are stored and read back unchanged", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.vorlagen"));
    const QList<Vorlage> demo = demoVorlagen();
    QList<qint64> ids;
    {
        auto ws = createWorkspace(path);
        auto added = ws->addAll(demo);
        REQUIRE(added.ok());
        ids = added.value();
    }
    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    REQUIRE(ws.ok());
    for (int i = 0; i < demo.size(); ++i) {
        auto loaded = ws.value()->load(ids[i]);
        REQUIRE(loaded.ok());
        Vorlage expected = demo[i];
        expected.id = ids[i];
        expected.modified = loaded->modified;
        expected.revision = loaded->revision;
        CHECK(loaded.value() == expected);
    }
    auto rows = ws.value()->list();
    REQUIRE(rows->size() == 2);
    // Newest session first; the Ressort column shows the lead Ressort's name on the Vorlage's date.
    CHECK(rows->at(0).title == demo[1].title);
    CHECK(rows->at(0).ressort == QStringLiteral("Die Senatorin für Kinder und Bildung"));
    CHECK(rows->at(1).sessionDate == QDate(2020, 5, 12));
}

TEST_CASE("one Vorlage's summary is its row of the list, and follows a save", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("ws.vorlagen")));
    auto ids = ws->addAll(demoVorlagen());
    REQUIRE(ids.ok());
    const QList<VorlageSummary> rows = ws->list().value();
    for (const VorlageSummary &row : rows) {
        auto one = ws->summary(row.id);
        REQUIRE(one.ok());
        CHECK(one->id == row.id);
        CHECK(one->kind == row.kind);
        CHECK(one->status == row.status);
        CHECK(one->title == row.title);
        CHECK(one->date == row.date);
        CHECK(one->sessionDate == row.sessionDate);
        CHECK(one->ressort == row.ressort);
        CHECK(one->modified == row.modified);
    }

    Vorlage v = ws->load(ids->first()).value();
    v.title = QStringLiteral("Neuer Titel");
    v.sessionDate = QDate(2021, 3, 2);
    v.ressorts = {{QStringLiteral("finanzen"), {}, false}, {QStringLiteral("inneres"), {}, true}};
    REQUIRE(ws->save(v).ok());
    auto saved = ws->summary(v.id);
    REQUIRE(saved.ok());
    CHECK(saved->title == QStringLiteral("Neuer Titel"));
    CHECK(saved->sessionDate == QDate(2021, 3, 2));
    CHECK(saved->ressort == ws->ressortName({QStringLiteral("inneres"), {}, true}, v.date)); // the lead one

    auto missing = ws->summary(999);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error() == QStringLiteral("Im Arbeitsbereich gibt es keine Vorlage mit der Nummer 999."));
}

TEST_CASE("saving replaces a Vorlage, removing it leaves nothing behind", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("ws.vorlagen")));
    auto id = ws->add(demoVorlagen().first());
    REQUIRE(id.ok());
    Vorlage v = ws->load(id.value()).value();
    v.title = QStringLiteral("Geänderter Titel");
    v.questions.removeLast();
    REQUIRE(ws->save(v).ok());
    auto loaded = ws->load(v.id);
    REQUIRE(loaded.ok());
    CHECK(loaded->title == QStringLiteral("Geänderter Titel"));
    CHECK(loaded->questions.size() == 2);

    REQUIRE(ws->remove(v.id).ok());
    CHECK_FALSE(ws->load(v.id).ok());
    for (const char *table : {"section", "question", "beschluss_item", "vorlage_ressort"})
        CHECK(count(*ws, QString::fromLatin1(table)) == 0);
}

TEST_CASE("a failed write leaves the workspace exactly as it was", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("ws.vorlagen")));
    const QList<Vorlage> demo = demoVorlagen();
    auto id = ws->add(demo[1]);
    REQUIRE(id.ok());
    // The last part of every write fails, as a full disk would fail it.
    QSqlQuery q(ws->database());
    REQUIRE(q.exec(QStringLiteral("CREATE TRIGGER fail BEFORE INSERT ON beschluss_item "
                                  "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")));

    auto added = ws->addAll(demo);
    REQUIRE_FALSE(added.ok());
    CHECK(added.error().contains(QStringLiteral("disk is full")));
    CHECK(ws->list()->size() == 1);
    CHECK(count(*ws, QStringLiteral("section")) == 7);

    Vorlage changed = ws->load(id.value()).value();
    const Vorlage before = changed;
    changed.title = QStringLiteral("Soll nicht ankommen");
    changed.sections.removeFirst();
    // A save writes only the changed places: the title and the sections are written before the
    // Beschluss item whose insert fails.
    REQUIRE_FALSE(changed.beschluss.isEmpty());
    changed.beschluss.first().text = Paragraph::plain(QStringLiteral("Geändert"));
    REQUIRE_FALSE(ws->save(changed).ok());
    CHECK(ws->load(id.value()).value() == before);
}

TEST_CASE("a file that is not a workspace is refused and left untouched", "[store]")
{
    QTemporaryDir dir;
    SECTION("a text file")
    {
        const QString path = dir.filePath(QStringLiteral("notiz.vorlagen"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Das ist keine Datenbank, sondern eine Notiz.\n");
        f.close();
        const QByteArray hash = fileHash(path);
        auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
        REQUIRE_FALSE(ws.ok());
        CHECK(ws.error().contains(QStringLiteral("kein Vorlagenwerk-Arbeitsbereich")));
        CHECK(fileHash(path) == hash);
    }
    SECTION("another program's SQLite database")
    {
        const QString path = dir.filePath(QStringLiteral("fremd.db"));
        rawSql(path, {QStringLiteral("CREATE TABLE kunden (name TEXT)"),
                      QStringLiteral("INSERT INTO kunden VALUES ('x')")});
        const QByteArray hash = fileHash(path);
        auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
        REQUIRE_FALSE(ws.ok());
        CHECK(ws.error().contains(QStringLiteral("kein Vorlagenwerk-Arbeitsbereich")));
        CHECK(fileHash(path) == hash);
    }
    SECTION("an empty file is no workspace to open, but can become one")
    {
        const QString path = dir.filePath(QStringLiteral("leer.vorlagen"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.close();
        CHECK_FALSE(Workspace::open(path, Workspace::Mode::OpenExisting).ok());
        CHECK(Workspace::open(path, Workspace::Mode::CreateIfMissing).ok());
    }
    SECTION("a missing file is not created when opening")
    {
        const QString path = dir.filePath(QStringLiteral("fehlt.vorlagen"));
        auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
        REQUIRE_FALSE(ws.ok());
        CHECK(ws.error().contains(QStringLiteral("gibt es nicht")));
        CHECK_FALSE(QFile::exists(path));
    }
}

TEST_CASE("a workspace from a newer version is refused and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("neuer.vorlagen"));
    createWorkspace(path).reset();
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"),
                  QStringLiteral("PRAGMA user_version = %1").arg(Migrations::latestVersion() + 1)});
    const QByteArray hash = fileHash(path);
    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    REQUIRE_FALSE(ws.ok());
    CHECK(ws.error().contains(QStringLiteral("neueren Version")));
    CHECK(fileHash(path) == hash);
    CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
}

TEST_CASE("a damaged workspace gives a message, never a crash, and is not modified", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("kaputt.vorlagen"));
    {
        auto ws = createWorkspace(path);
        REQUIRE(addDemoContent(*ws).ok());
    }
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE")});
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    REQUIRE(size > 8192);

    SECTION("damaged pages after the schema")
    {
        f.seek(size / 2);
        f.write(QByteArray(int(size / 2), '\xA5'));
    }
    SECTION("a damaged schema page")
    {
        f.seek(100);
        f.write(QByteArray(3000, '\x5A'));
    }
    f.close();
    const QByteArray hash = fileHash(path);

    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    if (ws.ok()) {
        bool anyError = false;
        auto rows = ws.value()->list();
        anyError = !rows.ok();
        for (qint64 id : {1, 2}) {
            auto v = ws.value()->load(id);
            if (!v.ok()) {
                anyError = true;
                CHECK_FALSE(v.error().isEmpty());
            }
        }
        CHECK(anyError);
    } else {
        CHECK_FALSE(ws.error().isEmpty());
    }
    ws = Error{QString()}; // close before looking at the file
    CHECK(fileHash(path) == hash);
}

TEST_CASE("openOrCreateWithDemo fills only a new workspace", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/ordner/demo.vorlagen"));
    {
        auto ws = openOrCreateWithDemo(path);
        REQUIRE(ws.ok());
        auto rows = ws.value()->list();
        REQUIRE(rows->size() == 2);
        QList<VorlageKind> kinds{rows->at(0).kind, rows->at(1).kind};
        CHECK(kinds.contains(VorlageKind::Fragestunde));
        CHECK(kinds.contains(VorlageKind::Beschlussvorlage));
    }
    auto again = openOrCreateWithDemo(path);
    REQUIRE(again.ok());
    CHECK(again.value()->list()->size() == 2);
}

TEST_CASE("migration files split into single statements", "[store]")
{
    const QStringList s = Migrations::statements(QStringLiteral("-- note\nCREATE TABLE a (x);\n\nINSERT INTO a VALUES\n  (1),\n  (2);\n"));
    REQUIRE(s.size() == 2);
    CHECK(s[0] == QStringLiteral("CREATE TABLE a (x);"));
    CHECK(s[1].startsWith(QStringLiteral("INSERT INTO a VALUES")));
}

// db/schema/sqlite.sql is regenerated from a fresh workspace, so that schema changes show up in review.
TEST_CASE("db/schema/sqlite.sql matches the migrations", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("schema.vorlagen")));
    QSqlQuery q(ws->database());
    REQUIRE(q.exec(QStringLiteral("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type DESC, name")));
    QString schema = QStringLiteral("-- Generated by tests/store (\"db/schema/sqlite.sql matches the migrations\"). Do not edit.\n"
                                    "-- PRAGMA user_version = %1\n\n")
                         .arg(Migrations::latestVersion());
    while (q.next())
        schema += q.value(0).toString() + QStringLiteral(";\n\n");

    QFile file(QStringLiteral(VW_SCHEMA_FILE));
    const QString current = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    file.close();
    if (current != schema) {
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(schema.toUtf8());
    }
    CHECK(current == schema); // fails once after a schema change; commit the regenerated file
}

TEST_CASE("a workspace of schema 1 is upgraded in place and keeps its Vorlagen", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alt.vorlagen"));
    QFile first(QStringLiteral(VW_SOURCE_DIR "/db/migrations/sqlite/0001_initial.sql"));
    REQUIRE(first.open(QIODevice::ReadOnly));
    QStringList setup = Migrations::statements(QString::fromUtf8(first.readAll()));
    setup << QStringLiteral("INSERT INTO vorlage (id, kind, paper_kind, status, body, title, created, modified) VALUES "
                            "(7, 'beschlussvorlage', 'vorlage', 'entwurf', 'Senat', 'Alt', '2020-01-01', '2020-01-01')")
          << QStringLiteral("INSERT INTO beschluss_item (id, vorlage_id, position, text) VALUES "
                            "('b1', 7, 0, '[{\"t\":\"Der Senat beschließt.\"}]')")
          << QStringLiteral("PRAGMA user_version = 1")
          << QStringLiteral("PRAGMA application_id = %1").arg(Migrations::workspaceApplicationId());
    rawSql(path, setup);

    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    REQUIRE(ws.ok());
    QSqlQuery q(ws.value()->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA user_version")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == Migrations::latestVersion());
    auto v = ws.value()->load(7);
    REQUIRE(v.ok());
    CHECK(v->title == QStringLiteral("Alt"));
    REQUIRE(v->beschluss.size() == 1);
    CHECK(v->beschluss[0].text.plainText() == QStringLiteral("Der Senat beschließt."));
    CHECK(v->beschluss[0].ressortKey.isEmpty());
}

TEST_CASE("a save over someone else's newer save is refused, nothing is lost", "[store]")
{
    QTemporaryDir dir;
    auto ws = createWorkspace(dir.filePath(QStringLiteral("ws.vorlagen")));
    auto id = ws->add(demoVorlagen().first());
    REQUIRE(id.ok());
    Vorlage mine = ws->load(id.value()).value();
    Vorlage theirs = ws->load(id.value()).value();

    theirs.title = QStringLiteral("Ihre Fassung");
    auto saved = ws->save(theirs);
    REQUIRE(saved.ok());
    CHECK(saved.value() == theirs.revision + 1);

    mine.title = QStringLiteral("Meine Fassung");
    auto refused = ws->save(mine);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.code() == ErrorCode::Conflict);
    CHECK(refused.error() == Workspace::conflictMessage(mine.id));
    CHECK(ws->load(id.value())->title == QStringLiteral("Ihre Fassung"));

    // Loading again gives the current revision, and saving works from there.
    Vorlage reloaded = ws->load(id.value()).value();
    reloaded.title = QStringLiteral("Zusammengeführt");
    CHECK(ws->save(reloaded).ok());
}
