#pragma once

#include "result.h"

#include <QSqlDatabase>

class QSqlDriver;
class QSqlError;
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

    // Whether BEGIN succeeded; if not, "Der Arbeitsbereich kann nicht geschrieben werden: …" with its code.
    Result<void> started() const;
    Result<void> commit();

private:
    QSqlDatabase mDb;
    bool mActive = false;
    Error mError;
};

// Runs a prepared query; on failure returns the driver's message with `what` in front.
Result<void> execQuery(QSqlQuery &query, const QString &what);

// The error for a failed statement on `db`, with its code: "Der Datenträger ist voll …" (and nothing else)
// when that is why, else the driver's message, with `what` in front if given.
Error sqlFailure(const QSqlError &error, const QSqlDriver *driver, const QString &what = {});

// True when SQLite failed because the disk holding `path` is full (SQLITE_FULL, or an I/O error on a full disk).
bool isDiskFullError(const QSqlError &error, const QString &path);

} // namespace vw
