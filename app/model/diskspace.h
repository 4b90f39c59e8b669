#pragma once

#include <QString>

namespace vw {

// True when the file system that holds (or would hold) `path` has no room left to speak of — the reason a
// write failed with ENOSPC, or with SQLite's SQLITE_FULL or an I/O error it reports on a full disk.
bool isDiskFull(const QString &path);

// The message for a file that could not be written: "Der Datenträger ist voll …" when that is why, else
// "%1 kann nicht geschrieben werden: detail".
QString writeFailureMessage(const QString &path, const QString &detail);
// "Der Datenträger ist voll: %1 kann nicht geschrieben werden. …", for a write known to have failed with ENOSPC.
QString diskFullMessage(const QString &path);

// The message for a workspace that cannot be written (or, with `opening`, not even opened: SQLite needs room
// for its -wal and -shm) because its disk is full. It says the workspace is sound and unchanged.
QString workspaceDiskFullMessage(const QString &workspacePath, bool opening = false);

} // namespace vw
