// One numbered migration list, one file per dialect per number (#13): no number for one dialect only, and both
// dialects migrated from nothing end with the same tables and columns (the SQLite FTS5 table and its shadow
// tables aside: the server indexes the same column with a GIN index).
#include "testutil.h"

#include "../pgcluster.h"

#include "database.h"
#include "migrations.h"
#include "serveraccess.h"
#include "workspacecopy.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace vw;

namespace {

using Columns = QMap<QString, QStringList>; // table → its columns in order

// "0007" of "0007_beschluss_quote.sql", for every migration file of the dialect in the source tree.
QStringList numbersIn(const QString &folder)
{
    QStringList numbers;
    for (const QString &name : QDir(QStringLiteral(VW_SOURCE_DIR "/db/migrations/") + folder)
                                   .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        numbers << name.left(4);
    return numbers;
}

Columns sqliteColumns(QSqlDatabase db)
{
    Columns columns;
    QSqlQuery tables(db);
    REQUIRE(tables.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                       "AND name NOT LIKE 'search_fts%' ORDER BY name")));
    while (tables.next()) {
        QSqlQuery info(db);
        REQUIRE(info.exec(QStringLiteral("SELECT name FROM pragma_table_info('%1') ORDER BY cid").arg(tables.value(0).toString())));
        while (info.next())
            columns[tables.value(0).toString()] << info.value(0).toString();
    }
    return columns;
}

Columns postgresColumns(QSqlDatabase db)
{
    Columns columns;
    QSqlQuery q(db);
    REQUIRE(q.exec(QStringLiteral("SELECT table_name, column_name FROM information_schema.columns "
                                  "WHERE table_schema = current_schema() AND table_name <> 'schema_version' "
                                  "ORDER BY table_name, ordinal_position")));
    while (q.next())
        columns[q.value(0).toString()] << q.value(1).toString();
    return columns;
}

} // namespace

TEST_CASE("every migration number has a file for each dialect", "[store][dialects]")
{
    const QStringList sqlite = numbersIn(QStringLiteral("sqlite"));
    const QStringList postgres = numbersIn(QStringLiteral("postgresql"));
    CHECK_FALSE(sqlite.isEmpty());
    CHECK(sqlite == postgres);
    for (int i = 0; i < sqlite.size(); ++i)
        CHECK(sqlite[i] == QStringLiteral("%1").arg(i + 1, 4, 10, QLatin1Char('0'))); // no gaps, none twice
    // What the program embeds is what the tree has.
    CHECK(Migrations::files(Dialect::Sqlite).size() == sqlite.size());
    CHECK(Migrations::files(Dialect::Postgres).size() == postgres.size());
    CHECK(Migrations::latestVersion() == sqlite.size());
}

TEST_CASE("both dialects migrate to the same tables and columns", "[store][dialects][postgresql]")
{
    QTemporaryDir dir;
    auto workspace = Database::openFile(dir.filePath(QStringLiteral("ws.vorlagen")), Database::Mode::CreateIfMissing);
    REQUIRE(workspace.ok());
    const Columns fromSqlite = sqliteColumns(workspace.value()->connection());

    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    const QString name = cluster.createDatabase();
    REQUIRE(cluster.error().isEmpty());
    {
        QSqlDatabase server = cluster.connect(name, QStringLiteral("dialects"));
        INFO(server.lastError().text().toStdString());
        REQUIRE(server.isOpen());
        auto migrated = ServerAccess::migrate(server, name, {}); // the group roles first
        INFO(migrated.error().toStdString());
        REQUIRE(migrated.ok());
        CHECK(Migrations::schemaVersion(server, Dialect::Postgres).value() == Migrations::latestVersion());
        const Columns fromServer = postgresColumns(server);
        CHECK(fromServer.keys() == fromSqlite.keys());
        for (auto it = fromSqlite.cbegin(); it != fromSqlite.cend(); ++it) {
            INFO(it.key().toStdString());
            CHECK(fromServer.value(it.key()) == it.value());
        }
        // Applied again, nothing is left to do.
        CHECK(ServerAccess::migrate(server, name, {}).ok());

        // Versions are immutable on the server too; they go only with their Vorlage.
        QSqlQuery q(server);
        REQUIRE(q.exec(QStringLiteral("INSERT INTO vorlage (kind, paper_kind, status, body, title, created, modified) "
                                      "VALUES ('beschlussvorlage', 'vorlage', 'entwurf', 'Senat', 'T', 'x', 'x') RETURNING id")));
        REQUIRE(q.next());
        const qint64 id = q.value(0).toLongLong();
        REQUIRE(q.exec(QStringLiteral("INSERT INTO version (vorlage_id, number, name, status, author, created, snapshot) "
                                      "VALUES (%1, 1, 'Stand', 'entwurf', 'A', 'x', '{}')").arg(id)));
        CHECK_FALSE(q.exec(QStringLiteral("UPDATE version SET name = 'anders'")));
        CHECK(q.lastError().text().contains(QStringLiteral("version is immutable")));
        CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM version")));
        REQUIRE(q.exec(QStringLiteral("DELETE FROM vorlage WHERE id = %1").arg(id)));
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM version")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 0);
        server.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("dialects"));

    // db/schema/postgresql.sql is the server's schema as pg_dump writes it (regenerated here, like sqlite.sql).
    const QString dumped = cluster.dumpSchema(name);
    REQUIRE_FALSE(dumped.isEmpty());
    QFile file(QStringLiteral(VW_SOURCE_DIR "/db/schema/postgresql.sql"));
    const QString current = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    file.close();
    const QString schema = QStringLiteral("-- Generated by tests/store (\"both dialects migrate to the same tables and "
                                          "columns\"). Do not edit.\n-- schema_version = %1\n\n")
                               .arg(Migrations::latestVersion())
                           + dumped;
    if (current != schema) {
        REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(schema.toUtf8());
    }
    CHECK(current == schema); // fails once after a schema change; commit the regenerated file
}

TEST_CASE("the workspace copy knows every table of the workspace", "[store][dialects]")
{
    QTemporaryDir dir;
    auto workspace = Database::openFile(dir.filePath(QStringLiteral("ws.vorlagen")), Database::Mode::CreateIfMissing);
    REQUIRE(workspace.ok());
    QStringList copied = WorkspaceCopy::tables();
    copied.sort();
    CHECK(copied == sqliteColumns(workspace.value()->connection()).keys());
}
