#include "sqlitelocks.h"

#include <sqlite3.h>

#include <cstdarg>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

namespace vw {

namespace {

struct FileId {
    dev_t device;
    ino_t inode;
    auto operator<=>(const FileId &) const = default;
};

// For every file SQLite has locked: a duplicate of the first descriptor SQLite locked it through. Its open
// file description owns all of the process's locks on the file, as POSIX locks would, but a close() of any
// other descriptor leaves them alone. The duplicate lives while SQLite keeps a descriptor of the file open;
// SQLite never closes a descriptor while the file is still locked (its "pending close" list).
struct LockTable {
    std::mutex mutex;
    std::map<FileId, int> lockDescriptor;
    std::map<FileId, int> openDescriptors; // SQLite's descriptors of the file that we have seen
    std::map<int, FileId> fileOf;          // SQLite's descriptor → file

    void forget(int fd) // with mutex held
    {
        const auto seen = fileOf.find(fd);
        if (seen == fileOf.end())
            return;
        const FileId id = seen->second;
        fileOf.erase(seen);
        if (--openDescriptors[id] == 0) {
            openDescriptors.erase(id);
            ::close(lockDescriptor[id]);
            lockDescriptor.erase(id);
        }
    }

    int descriptorFor(int fd)
    {
        struct stat st;
        if (::fstat(fd, &st) != 0)
            return fd;
        const FileId id{st.st_dev, st.st_ino};
        const std::lock_guard guard(mutex);
        if (const auto seen = fileOf.find(fd); seen == fileOf.end() || seen->second != id) {
            forget(fd); // a number SQLite closed without us noticing and reused
            if (!lockDescriptor.contains(id)) {
                const int duplicate = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
                if (duplicate < 0)
                    return fd; // still an OFD lock, only on SQLite's own descriptor
                lockDescriptor[id] = duplicate;
            }
            fileOf[fd] = id;
            ++openDescriptors[id];
        }
        return lockDescriptor[id];
    }
};

LockTable &table()
{
    static LockTable *instance = new LockTable; // never destroyed: SQLite may close files during exit
    return *instance;
}

int ofdCommand(int command)
{
    switch (command) {
    case F_GETLK:
        return F_OFD_GETLK;
    case F_SETLK:
        return F_OFD_SETLK;
    case F_SETLKW:
        return F_OFD_SETLKW;
    default:
        return 0;
    }
}

// SQLite calls fcntl() for its byte-range locks and, on some platforms, F_GETFD/F_SETFD with an int.
int lockingFcntl(int fd, int command, ...)
{
    va_list args;
    va_start(args, command);
    int result;
    if (const int ofd = ofdCommand(command)) {
        auto *lock = va_arg(args, struct flock *);
        lock->l_pid = 0; // required for OFD locks
        result = ::fcntl(table().descriptorFor(fd), ofd, lock);
    } else {
        result = ::fcntl(fd, command, va_arg(args, int));
    }
    va_end(args);
    return result;
}

int trackingClose(int fd)
{
    {
        LockTable &t = table();
        const std::lock_guard guard(t.mutex);
        t.forget(fd);
    }
    return ::close(fd);
}

bool install()
{
    sqlite3_vfs *vfs = sqlite3_vfs_find(nullptr);
    if (!vfs || vfs->iVersion < 3 || !vfs->xSetSystemCall)
        return false;
    // The unix VFSes share one system-call table: setting it on the default one covers them all.
    if (vfs->xSetSystemCall(vfs, "close", reinterpret_cast<sqlite3_syscall_ptr>(&trackingClose)) != SQLITE_OK)
        return false;
    if (vfs->xSetSystemCall(vfs, "fcntl", reinterpret_cast<sqlite3_syscall_ptr>(&lockingFcntl)) != SQLITE_OK) {
        vfs->xSetSystemCall(vfs, "close", nullptr);
        return false;
    }
    return true;
}

} // namespace

bool installSqliteLocks()
{
    static const bool installed = install();
    return installed;
}

} // namespace vw
