#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QString>

namespace vw {

// The SQL dialects the store speaks: SQLite for a workspace file, PostgreSQL for a shared workspace on a
// server. Each has its own migration files, one per number (db/migrations/<dialectFolder>/NNNN_name.sql).
enum class Dialect { Sqlite, Postgres };

inline QString dialectFolder(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

// The dialect of an open connection (code that is handed a QSqlDatabase rather than a Database).
inline Dialect dialectOf(const QSqlDatabase &db)
{
    return db.driver() && db.driver()->dbmsType() == QSqlDriver::PostgreSQL ? Dialect::Postgres : Dialect::Sqlite;
}

} // namespace vw
