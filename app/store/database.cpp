#include "database.h"

#include "diskspace.h"
#include "migrations.h"
#include "serveraccess.h"
#include "sqlitelocks.h"
#include "sqlvalues.h"
#include "transaction.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QSqlError>
#include <QSqlQuery>

namespace vw {

using sql::tr;

namespace {

QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("vw-workspace-%1").arg(counter.fetchAndAddRelaxed(1));
}

// A failure while opening: on a full disk SQLite cannot even create the -wal and -shm it reads through.
Error openFailure(const QSqlError &error, const QString &path, const QString &message, ErrorCode code = ErrorCode::Failed)
{
    if (isDiskFullError(error, path))
        return {workspaceDiskFullMessage(path, true), ErrorCode::DiskFull};
    return {message, code};
}

struct Inspection {
    bool empty = false;
    int version = 0;
};

// Looks at a file without changing it: opened read-only through SQLite, no WAL switch, no migration. Never
// through another descriptor: the file may be open in this process, and a foreign close would cost locks.
Result<Inspection> inspect(const QString &path)
{
    const QString connection = newConnectionName();
    Result<Inspection> result = Inspection{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = openFailure(db.lastError(), path,
                                 tr("%1 kann nicht geöffnet werden: %2").arg(path, db.lastError().text()),
                                 ErrorCode::Refused);
        } else {
            QSqlQuery q(db);
            bool ok = true;
            const auto number = [&q, &ok](const QString &sql) {
                ok = ok && q.exec(sql) && q.next();
                return ok ? q.value(0).toInt() : 0;
            };
            const int appId = number(QStringLiteral("PRAGMA application_id"));
            const int version = number(QStringLiteral("PRAGMA user_version"));
            const int tables = number(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
            if (!ok && q.lastError().nativeErrorCode() == QLatin1String("26")) { // SQLITE_NOTADB
                result = Error{tr("%1 ist kein Vorlagenwerk-Arbeitsbereich (keine SQLite-Datenbank).").arg(path),
                               ErrorCode::NotAWorkspace};
            } else if (!ok) {
                result = openFailure(q.lastError(), path,
                                     tr("%1 ist beschädigt und kann nicht gelesen werden (%2). Die Datei "
                                        "wurde nicht verändert.")
                                         .arg(path, q.lastError().text()),
                                     ErrorCode::Damaged);
            } else if (appId == 0 && version == 0 && tables == 0) {
                result = Inspection{true, 0};
            } else if (appId != Migrations::workspaceApplicationId()) {
                result = Error{tr("%1 ist eine SQLite-Datenbank, aber kein Vorlagenwerk-Arbeitsbereich. Die "
                                  "Datei wurde nicht verändert.")
                                   .arg(path),
                               ErrorCode::NotAWorkspace};
            } else if (version > Migrations::latestVersion()) {
                result = Error{tr("%1 wurde von einer neueren Version von Vorlagenwerk geschrieben "
                                  "(Schema %2, dieses Programm kennt bis %3). Bitte aktualisieren Sie "
                                  "Vorlagenwerk; die Datei wurde nicht verändert.")
                                   .arg(path)
                                   .arg(version)
                                   .arg(Migrations::latestVersion()),
                               ErrorCode::NewerSchema};
            } else {
                result = Inspection{false, version};
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<void> applyPragmas(QSqlDatabase db, const QString &path)
{
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return openFailure(q.lastError(), path,
                               tr("%1 fehlgeschlagen: %2").arg(QString::fromLatin1(pragma), q.lastError().text()));
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return openFailure(q.lastError(), path, tr("%1 kann nicht gelesen werden: %2").arg(path, q.lastError().text()));
    if (q.value(0).toString() == QLatin1String("wal"))
        return {};
    // Switching to WAL rewrites the header: make sure first that the file is sound.
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
        return Error{tr("%1 ist beschädigt und kann nicht gelesen werden. Die Datei wurde nicht verändert.").arg(path),
                     ErrorCode::Damaged};
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return openFailure(q.lastError(), path, tr("%1 kann nicht eingerichtet werden: %2").arg(path, q.lastError().text()),
                           ErrorCode::Refused);
    return {};
}

} // namespace

Database::Database(QString path, QString connection, Dialect dialect)
    : mPath(std::move(path)), mConnection(std::move(connection)), mDialect(dialect)
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(mConnection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(mConnection);
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(mConnection, false);
}

bool Database::isServer(const QString &location)
{
    // libpq's key=value form starts with one of its keywords ("service=NAME", "host=… dbname=…"); a file
    // name with a '=' in it does not.
    static const QRegularExpression keyValue(
        QStringLiteral("^\\s*(service|host|hostaddr|port|dbname|user|password|passfile|sslmode|sslrootcert|sslcert|"
                       "sslkey|connect_timeout|application_name|options|gssencmode|krbsrvname|target_session_attrs)\\s*="));
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"))
           || keyValue.match(location).hasMatch();
}

namespace {

// libpq's key=value form quotes values with ' and escapes ' and \ in them.
QString conninfoValue(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// The QPSQL connection for a server location: the URI's parts as host, port, database and user, everything
// else (and all of a key=value location) as connect options, which QPSQL hands to libpq as they are.
Result<void> configureServer(QSqlDatabase &db, const QString &location)
{
    if (!location.startsWith(QLatin1String("postgres"))) {
        db.setConnectOptions(location);
        return {};
    }
    const QUrl url(location, QUrl::StrictMode);
    if (!url.isValid() || url.path().size() < 2)
        return Error{QCoreApplication::translate("vw::Database",
                                                 "„%1“ ist keine Serveradresse der Form postgresql://server/datenbank.")
                         .arg(location),
                     ErrorCode::Invalid};
    db.setHostName(url.host());
    if (url.port() > 0)
        db.setPort(url.port());
    db.setDatabaseName(url.path().mid(1));
    if (!url.userName().isEmpty())
        db.setUserName(url.userName());
    if (!url.password().isEmpty())
        db.setPassword(url.password());
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        options << key + QLatin1Char('=') + conninfoValue(value);
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return {};
}

} // namespace

QString Database::withoutPassword(const QString &location)
{
    if (!isServer(location))
        return location;
    if (location.startsWith(QLatin1String("postgres"))) {
        QUrl url(location);
        url.setPassword(QString());
        QUrlQuery query(url);
        query.removeAllQueryItems(QStringLiteral("password"));
        url.setQuery(query);
        return url.toString();
    }
    QString kept = location;
    return kept.remove(QRegularExpression(QStringLiteral("\\s*password\\s*=\\s*('(\\\\.|[^'])*'|\\S*)"))).trimmed();
}

Result<void> Database::addReadConnection(const QString &location, const QString &connectionName)
{
    const bool server = isServer(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(server ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connectionName);
    if (server) {
        if (auto r = configureServer(db, location); !r)
            return r;
    } else {
        db.setDatabaseName(location);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    }
    if (!db.open())
        return Error{tr("%1 kann nicht gelesen werden: %2").arg(location, db.lastError().text()), ErrorCode::Refused};
    return {};
}

Result<std::unique_ptr<Database>> Database::openServer(const QString &conninfo, const AfterMigration &afterMigration)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error{tr("Der PostgreSQL-Treiber von Qt fehlt (Paket libqt6sql6-psql): %1 kann nicht geöffnet werden.")
                         .arg(conninfo),
                     ErrorCode::Refused};
    std::unique_ptr<Database> db(new Database(conninfo, newConnectionName(), Dialect::Postgres));
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), db->mConnection);
    if (auto r = configureServer(connection, conninfo); !r)
        return r.failure();
    if (!connection.open())
        return Error{tr("Der Server %1 ist nicht erreichbar: %2")
                         .arg(withoutPassword(conninfo), connection.lastError().databaseText().simplified()),
                     ErrorCode::Refused};
    auto version = Migrations::schemaVersion(connection, Dialect::Postgres);
    if (!version)
        return version.failure();
    if (version.value() > Migrations::latestVersion())
        return Error{tr("Der Arbeitsbereich auf %1 stammt aus einer neueren Version von Vorlagenwerk (Schema %2, "
                        "dieses Programm kennt bis %3). Bitte aktualisieren Sie das Programm; der Server bleibt "
                        "unverändert.")
                         .arg(conninfo)
                         .arg(version.value())
                         .arg(Migrations::latestVersion()),
                     ErrorCode::NewerSchema};
    Database *opened = db.get();
    const auto afterStep = [opened, &afterMigration](int step) -> Result<void> {
        return afterMigration ? afterMigration(*opened, step) : Result<void>();
    };
    const QString shown = withoutPassword(conninfo);
    if (auto r = ServerAccess::migrate(connection, shown, afterStep); !r)
        return r.code() == ErrorCode::Refused ? r.failure()
                                              : Error{tr("%1 kann nicht eingerichtet werden: %2").arg(shown, r.error()), r.code()};
    auto account = ServerAccess::account(connection);
    if (!account)
        return account.failure();
    if (!account->unchecked && !account->member)
        return Error{tr("Ihre Anmeldung „%1“ ist im Arbeitsbereich %2 nicht eingetragen. Die Verwaltung des Arbeitsbereichs "
                        "nimmt Sie auf („vorlagenwerk-cli server user add“).")
                         .arg(connection.userName().isEmpty() ? qEnvironmentVariable("USER") : connection.userName(), shown),
                     ErrorCode::Refused};
    if (account->member) {
        db->mMember = account->self;
        db->mAuthor = account->self.name;
    }
    return db;
}

Result<std::unique_ptr<Database>> Database::openFile(const QString &path, Mode mode, const AfterMigration &afterMigration)
{
    installSqliteLocks();
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error{tr("%1 ist keine Datei.").arg(path), ErrorCode::NotAWorkspace};
    if (!info.exists() && mode == Mode::OpenExisting)
        return Error{tr("Den Arbeitsbereich %1 gibt es nicht.").arg(path), ErrorCode::NotFound};
    if (info.exists()) {
        auto inspection = inspect(path);
        if (!inspection)
            return inspection.failure();
        if (inspection->empty && mode == Mode::OpenExisting)
            return Error{tr("%1 ist leer und kein Vorlagenwerk-Arbeitsbereich.").arg(path), ErrorCode::NotAWorkspace};
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{tr("Der Ordner %1 kann nicht angelegt werden.").arg(info.absolutePath()), ErrorCode::Refused};
    }

    std::unique_ptr<Database> db(new Database(path, newConnectionName(), Dialect::Sqlite));
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), db->mConnection);
    connection.setDatabaseName(path);
    connection.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!connection.open())
        return openFailure(connection.lastError(), path,
                           tr("%1 kann nicht geöffnet werden: %2").arg(path, connection.lastError().text()),
                           ErrorCode::Refused);
    if (auto r = applyPragmas(connection, path); !r)
        return r.failure();
    Database *opened = db.get();
    const auto afterStep = [opened, &afterMigration](int version) -> Result<void> {
        return afterMigration ? afterMigration(*opened, version) : Result<void>();
    };
    if (auto r = Migrations::apply(connection, Dialect::Sqlite, afterStep); !r)
        return Error{tr("%1 kann nicht eingerichtet werden: %2").arg(path, r.error()), r.code()};
    return db;
}

} // namespace vw
