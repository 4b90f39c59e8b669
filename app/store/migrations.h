#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace vw {

// The workspace schema lives in db/migrations/NNNN_name.sql (embedded as :/db/migrations).
// PRAGMA user_version holds the number of the last migration applied.
namespace Migrations {

int latestVersion();
// Applies every migration newer than the file's user_version, each in its own transaction.
Result<void> apply(QSqlDatabase db);
// The statements of one migration file: split at lines that end with ';', comments dropped.
QStringList statements(const QString &sql);
// The PRAGMA application_id of a workspace.
int workspaceApplicationId();

} // namespace Migrations
} // namespace vw
