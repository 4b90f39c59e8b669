#include "transaction.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace vw {

Transaction::Transaction(QSqlDatabase db) : mDb(std::move(db))
{
    QSqlQuery q(mDb);
    mActive = q.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!mActive)
        mError = q.lastError().text();
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
        return Error{q.lastError().text()};
    mActive = false;
    return {};
}

Result<void> execQuery(QSqlQuery &query, const QString &what)
{
    if (query.exec())
        return {};
    return Error{QCoreApplication::translate("vw::Workspace", "%1: %2").arg(what, query.lastError().text())};
}

} // namespace vw
