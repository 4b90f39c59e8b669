#pragma once

#include "dialect.h"
#include "result.h"
#include "serveraccess.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace vw {

// The connection under a workspace: opening (inspection, pragmas, migrations), the SQL dialect, who
// is working, and the error mapping. The repositories (vorlagenrepository.h, …) speak only through it,
// so a second dialect is one more way to open a Database.
class Database {
public:
    using Dialect = vw::Dialect;
    enum class Mode {
        OpenExisting,   // the file must be a workspace already
        CreateIfMissing // a missing (or empty) file becomes a new workspace
    };

    // A SQLite workspace file. Refuses, with a specific message and code, what is not a workspace, is
    // damaged or was written by a newer version; never changes such a file.
    // `afterMigration` runs inside the transaction of each migration applied, after its SQL (filling what
    // needs C++, such as the search index of migration 6).
    using AfterMigration = std::function<Result<void>(Database &db, int version)>;
    static Result<std::unique_ptr<Database>> openFile(const QString &path, Mode mode,
                                                      const AfterMigration &afterMigration = {});

    // A shared workspace on a PostgreSQL server: `postgresql://[user@]host[:port]/database[?option=value&…]` or
    // libpq's `service=NAME` (pg_service.conf) or `key=value …`; libpq options such as sslmode=verify-full pass
    // through. Connects, refuses a schema newer than the program (ErrorCode::NewerSchema), migrates an older one.
    static Result<std::unique_ptr<Database>> openServer(const QString &conninfo,
                                                        const AfterMigration &afterMigration = {});
    // Whether `location` names a server rather than a workspace file.
    static bool isServer(const QString &location);
    // `location` without a password in it (postgresql://anna:geheim@… or password=…): what a window title
    // shows and the recent workspaces keep. Passwords belong in the desktop's keyring, never in a setting.
    static QString withoutPassword(const QString &location);
    // A further connection of its own to the workspace at `location`, added under `connectionName` for the
    // thread that calls this (a search while the user types): read-only on a file. The caller removes it.
    static Result<void> addReadConnection(const QString &location, const QString &connectionName);

    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return mPath; }
    Dialect dialect() const { return mDialect; }
    QSqlDatabase connection() const;

    // Recorded with every change, comment, version and status change. On a server, a member's name there: the
    // server refuses any other (a forged author), so setAuthor() does not change it.
    void setAuthor(const QString &name)
    {
        if (!mMember)
            mAuthor = name;
    }
    const QString &author() const { return mAuthor; }
    // On a server: who is logged in, as the workspace's `member` table has it; none for a file, a superuser, the owner.
    const std::optional<ServerAccess::Member> &member() const { return mMember; }

private:
    Database(QString path, QString connection, Dialect dialect);

    QString mPath;
    QString mConnection;
    Dialect mDialect;
    QString mAuthor;
    std::optional<ServerAccess::Member> mMember;
};

} // namespace vw
