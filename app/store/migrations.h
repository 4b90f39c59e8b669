#pragma once

#include "dialect.h"
#include "result.h"

#include <QSqlDatabase>

#include <functional>

namespace vw {

// The workspace schema lives in db/migrations/<dialect>/NNNN_name.sql (embedded as :/db/migrations): one
// numbered list, one file per dialect per number. A SQLite file keeps the number of the last migration applied
// in PRAGMA user_version, a server in the table schema_version.
namespace Migrations {

int latestVersion();
// The migration files of a dialect, by number ("0001_initial.sql", …).
QStringList files(Dialect dialect);
// A step in C++ after the SQL of migration `version`, inside its transaction (e.g. filling the search index,
// whose text rendition is C++): a failure rolls the whole migration back.
using AfterStep = std::function<Result<void>(int version)>;
// The number of the last migration applied to the database (0: none yet).
Result<int> schemaVersion(QSqlDatabase db, Dialect dialect);
// Applies every migration newer than the database's schema version, each in its own transaction.
Result<void> apply(QSqlDatabase db, Dialect dialect, const AfterStep &afterStep = {});
// The statements of one migration file: split at lines that end with ';' (not inside a $$ body), comments dropped.
QStringList statements(const QString &sql);
// The PRAGMA application_id of a workspace.
int workspaceApplicationId();

} // namespace Migrations
} // namespace vw
