#include "transaction.h"

#include "diskspace.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QRegularExpression>
#include <QSqlQuery>

#include <sqlite3.h>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

bool isSqlite(const QSqlDriver *driver)
{
    const QVariant handle = driver ? driver->handle() : QVariant();
    return handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0;
}

QString sqliteFileName(const QSqlDriver *driver)
{
    if (!isSqlite(driver))
        return {};
    const QVariant handle = driver->handle();
    sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData());
    return db ? QString::fromUtf8(sqlite3_db_filename(db, "main")) : QString();
}

// The code of a failed SQLite statement (its primary result code).
ErrorCode sqliteCode(const QSqlError &error)
{
    switch (error.nativeErrorCode().toInt() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::Busy;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
    case SQLITE_CANTOPEN:
        return ErrorCode::Refused;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::Damaged;
    case SQLITE_FULL:
        return ErrorCode::DiskFull;
    case SQLITE_CONSTRAINT:
        return ErrorCode::Invalid;
    default:
        return ErrorCode::Failed;
    }
}

// The code of a failed statement on a PostgreSQL server, from its SQLSTATE (QPSQL's native error code).
ErrorCode serverCode(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (state == QLatin1String("42501")) // insufficient_privilege: a GRANT, a policy or one of our triggers
        return ErrorCode::Refused;
    if (state == QLatin1String("53100")) // disk_full
        return ErrorCode::DiskFull;
    if (state == QLatin1String("40001") || state == QLatin1String("40P01") || state == QLatin1String("55P03"))
        return ErrorCode::Busy; // serialization failure, deadlock, lock not available
    if (state.startsWith(QLatin1String("23")))
        return ErrorCode::Invalid; // integrity constraint violation
    return ErrorCode::Failed;
}

} // namespace

Transaction::Transaction(QSqlDatabase db) : mDb(std::move(db))
{
    QSqlQuery q(mDb);
    mActive = q.exec(isSqlite(mDb.driver()) ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    if (!mActive) {
        mError = sqlFailure(q.lastError(), mDb.driver());
        mError.message = tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(mError.message);
    }
}

Transaction::~Transaction()
{
    if (mActive)
        QSqlQuery(mDb).exec(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::started() const
{
    if (!mActive)
        return mError;
    return {};
}

Result<void> Transaction::commit()
{
    if (!mActive)
        return mError;
    QSqlQuery q(mDb);
    if (!q.exec(QStringLiteral("COMMIT")))
        return sqlFailure(q.lastError(), mDb.driver());
    mActive = false;
    return {};
}

Result<void> execQuery(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return sqlFailure(query.lastError(), query.driver(), what);
}

bool isDiskFullError(const QSqlError &error, const QString &path)
{
    const int code = error.nativeErrorCode().toInt() & 0xff; // the primary code of an extended one
    return code == SQLITE_FULL || (code == SQLITE_IOERR && isDiskFull(path));
}

Error sqlFailure(const QSqlError &error, const QSqlDriver *driver, const QString &what)
{
    if (const QString path = sqliteFileName(driver); !path.isEmpty() && isDiskFullError(error, path))
        return {workspaceDiskFullMessage(path), ErrorCode::DiskFull};
    const ErrorCode code = isSqlite(driver) ? sqliteCode(error) : serverCode(error);
    if (code == ErrorCode::Refused && !isSqlite(driver)) {
        // Our triggers say in German what is not allowed; the server's own refusals (a GRANT, a policy) are
        // English and technical: then the role is the reason, and the server's words follow in brackets.
        QString reason = error.databaseText().simplified();
        reason.remove(QRegularExpression(QStringLiteral("^(ERROR|FEHLER):\\s*"))).remove(QRegularExpression(QStringLiteral("\\s*\\(42501\\)$")));
        if (reason.startsWith(QLatin1String("permission denied")) || reason.startsWith(QLatin1String("new row violates")))
            reason = tr("Ihre Rolle in diesem Arbeitsbereich lässt es nicht zu (Server: %1).").arg(reason);
        if (what.isEmpty())
            return {tr("Das ist Ihnen nicht erlaubt: %1").arg(reason), code};
        return {tr("„%1“ ist Ihnen nicht erlaubt: %2").arg(what, reason), code};
    }
    if (what.isEmpty())
        return {error.text(), code};
    return {tr("%1: %2").arg(what, error.text()), code};
}

} // namespace vw
