#pragma once

#include "result.h"

#include <QSqlDatabase>

#include <functional>

namespace vw {

// The workspace schema lives in db/migrations/NNNN_name.sql (embedded as :/db/migrations).
// PRAGMA user_version holds the number of the last migration applied.
namespace Migrations {

int latestVersion();
// A step in C++ after the SQL of migration `version`, inside its transaction (e.g. filling the search index,
// whose text rendition is C++): a failure rolls the whole migration back.
using AfterStep = std::function<Result<void>(int version)>;
// Applies every migration newer than the file's user_version, each in its own transaction.
Result<void> apply(QSqlDatabase db, const AfterStep &afterStep = {});
// The statements of one migration file: split at lines that end with ';', comments dropped.
QStringList statements(const QString &sql);
// The PRAGMA application_id of a workspace.
int workspaceApplicationId();

} // namespace Migrations
} // namespace vw
