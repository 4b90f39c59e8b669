#pragma once

#include <QString>

namespace vw {

// The SQL dialects the store speaks: SQLite for a workspace file, PostgreSQL for a shared workspace on a
// server. Each has its own migration files, one per number (db/migrations/<dialectFolder>/NNNN_name.sql).
enum class Dialect { Sqlite, Postgres };

inline QString dialectFolder(Dialect dialect)
{
    return dialect == Dialect::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

} // namespace vw
