#pragma once

#include "result.h"

#include <QSqlDatabase>

class QSqlQuery;

namespace vw {

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() succeeded.
// Every write to a workspace goes through one, so a failed operation leaves the file as it was.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool active() const { return mActive; }
    const QString &error() const { return mError; }
    Result<void> commit();

private:
    QSqlDatabase mDb;
    bool mActive = false;
    QString mError;
};

// Runs a prepared query; on failure returns the driver's message with `what` in front.
Result<void> execQuery(QSqlQuery &query, const QString &what);

} // namespace vw
