#pragma once

namespace vw {

// SQLite's unix VFS locks the workspace with POSIX advisory locks, which belong to the process: when any code
// in the process opens and closes the workspace file (or its -shm) through another descriptor — a file
// dialog sniffing the MIME type, a backup, a QFile — the kernel drops all of the process's locks on it. The next
// process that closes the workspace then believes it is the last one, checkpoints and deletes the -wal and -shm
// this process still writes to: its later writes go to deleted files and are lost. installSqliteLocks() makes
// SQLite take open-file-description locks instead, on one descriptor per file that only we hold, so no close
// elsewhere in the process can cancel them. Call it before the first connection is opened; it is idempotent.
// Returns false (and SQLite keeps its default) if the SQLite library refuses the replacement.
bool installSqliteLocks();

} // namespace vw
