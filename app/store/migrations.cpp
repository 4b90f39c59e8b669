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

QStringList migrationFiles()
{
    QDir dir(QStringLiteral(":/db/migrations"));
    return dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

} // namespace

int latestVersion()
{
    return int(migrationFiles().size());
}

QStringList statements(const QString &sql)
{
    QStringList result;
    QString current;
    for (const QString &line : sql.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("--")) || trimmed.isEmpty())
            continue;
        current += line + QLatin1Char('\n');
        if (trimmed.endsWith(QLatin1Char(';'))) {
            result << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        result << current.trimmed();
    return result;
}

Result<void> apply(QSqlDatabase db, const AfterStep &afterStep)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return Error{tr("Die Schemaversion kann nicht gelesen werden.")};
    const int current = q.value(0).toInt();
    q.finish(); // an open statement would lock the tables a C++ step drops (SearchIndex::rebuild)
    const QStringList files = migrationFiles();
    for (int version = current + 1; version <= files.size(); ++version) {
        const QString name = files[version - 1];
        QFile file(QStringLiteral(":/db/migrations/") + name);
        if (!file.open(QIODevice::ReadOnly))
            return Error{tr("Migration %1 fehlt im Programm.").arg(name)};
        Transaction tx(db);
        if (auto r = tx.started(); !r)
            return Error{tr("Migration %1: %2").arg(name, r.error()), r.code()};
        for (const QString &statement : statements(QString::fromUtf8(file.readAll()))) {
            QSqlQuery step(db);
            if (!step.prepare(statement))
                return Error{tr("Migration %1: %2").arg(name, step.lastError().text())};
            if (auto r = execQuery(step, tr("Migration %1").arg(name)); !r)
                return r;
        }
        if (afterStep) {
            if (auto r = afterStep(version); !r)
                return Error{tr("Migration %1: %2").arg(name, r.error())};
        }
        QSqlQuery pragma(db);
        // PRAGMAs take no bound values; both numbers are ours.
        if (!pragma.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))
            || !pragma.exec(QStringLiteral("PRAGMA application_id = %1").arg(applicationId)))
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
