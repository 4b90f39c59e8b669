#include "transaction.h"

#include "diskspace.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace vw {

Transaction::Transaction(QSqlDatabase db) : mDb(std::move(db))
{
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!mActive)
        mError = sqlFailure(q.lastError(), mDb.driver());
}

Transaction::~Transaction()
{
    if (mActive)
        QSqlQuery(mDb).exec(QStringLiteral("ROLLBACK"));
}

Result<void> Transaction::commit()
{
    if (!mActive)
        return Error{mError};
    QSqlQuery q(mDb);
    if (!q.exec(QStringLiteral("COMMIT")))
        return Error{sqlFailure(q.lastError(), mDb.driver())};
    mActive = false;
    return {};
}

Result<void> execQuery(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Error{sqlFailure(query.lastError(), query.driver(), what)};
}

bool isDiskFullError(const QSqlError &error, const QString &path)
{
    const int code = error.nativeErrorCode().toInt() & 0xff; // the primary code of an extended one
    return code == SQLITE_FULL || (code == SQLITE_IOERR && isDiskFull(path));
}

QString sqlFailure(const QSqlError &error, const QSqlDriver *driver, const QString &what)
{
    QString path;
    if (const QVariant handle = driver ? driver->handle() : QVariant();
        handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        if (sqlite3 *db = *static_cast<sqlite3 *const *>(handle.constData()))
            path = QString::fromUtf8(sqlite3_db_filename(db, "main"));
    }
    if (!path.isEmpty() && isDiskFullError(error, path))
        return workspaceDiskFullMessage(path);
    if (what.isEmpty())
        return error.text();
    return QCoreApplication::translate("vw::Workspace", "%1: %2").arg(what, error.text());
}

} // namespace vw
