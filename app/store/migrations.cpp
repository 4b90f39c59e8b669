#include "migrations.h"

#include "transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace vw::Migrations {

namespace {

// 'VORL': marks a SQLite file as a Vorlagenwerk workspace.
constexpr int applicationId = 0x564F524C;

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

} // namespace

QStringList files(Dialect dialect)
{
    QDir dir(QStringLiteral(":/db/migrations/") + dialectFolder(dialect));
    return dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

int latestVersion()
{
    return int(files(Dialect::Sqlite).size()); // the same for every dialect (tests/store/tst_dialects.cpp)
}

Result<int> schemaVersion(QSqlDatabase db, Dialect dialect)
{
    QSqlQuery q(db);
    if (dialect == Dialect::Postgres) {
        // A server without the table has no schema yet.
        if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) || !q.next())
            return Error{tr("Die Schemaversion kann nicht gelesen werden: %1").arg(q.lastError().text())};
        if (!q.value(0).toBool())
            return 0;
    }
    if (!q.exec(dialect == Dialect::Sqlite ? QStringLiteral("PRAGMA user_version")
                                           : QStringLiteral("SELECT max(version) FROM schema_version"))
        || !q.next())
        return Error{tr("Die Schemaversion kann nicht gelesen werden: %1").arg(q.lastError().text())};
    return q.value(0).toInt();
}

QStringList statements(const QString &sql)
{
    QStringList result;
    QString current;
    bool inBody = false; // between the $$ of a PL/pgSQL body, whose lines end with ';' too
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (line.count(QLatin1String("$$")) % 2)
            inBody = !inBody;
        if (!inBody && trimmed.endsWith(QLatin1Char(';'))) {
            result << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result << current.trimmed();
    return result;
}

Result<void> apply(QSqlDatabase db, Dialect dialect, const AfterStep &afterStep)
{
    auto current = schemaVersion(db, dialect);
    if (!current)
        return current.failure();
    const QStringList names = files(dialect);
    for (int version = current.value() + 1; version <= names.size(); ++version) {
        const QString name = names[version - 1];
        QFile file(QStringLiteral(":/db/migrations/%1/%2").arg(dialectFolder(dialect), name));
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("Migration %1 fehlt im Programm.").arg(name)};
        Transaction tx(db);
        if (auto r = tx.started(); !r)
            return Error{tr("Migration %1: %2").arg(name, r.error()), r.code()};
        for (const QString &statement : statements(QString::fromUtf8(file.readAll()))) {
            QSqlQuery step(db); // executed directly: PostgreSQL prepares no DDL
            if (!step.exec(statement))
                return sqlFailure(step.lastError(), step.driver(), tr("Migration %1").arg(name));
        }
        if (afterStep) {
            if (auto r = afterStep(version); !r)
                return Error{tr("Migration %1: %2").arg(name, r.error())};
        }
        QSqlQuery mark(db);
        // PRAGMAs take no bound values; both numbers are ours.
        const bool marked = dialect == Dialect::Sqlite
                                ? mark.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))
                                      && mark.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId))
                            : version == 1
                                ? mark.exec(QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"))
                                      && mark.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (1)"))
                                : mark.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(version));
        if (!marked)
            return Error{tr("Migration %1: Schemaversion nicht gesetzt.").arg(name)};
        if (auto r = tx.commit(); !r)
            return Error{tr("Migration %1: %2").arg(name, r.error()), r.code()};
    }
    return {};
}

int workspaceApplicationId()
{
    return applicationId;
}

} // namespace vw::Migrations
