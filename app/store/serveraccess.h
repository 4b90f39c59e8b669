#pragma once

#include "migrations.h"
#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace vw::ServerAccess {

// Who may do what on a shared workspace (db/migrations/postgresql/0010_rights.sql enforces it; this is the
// program's side: the administrator's commands and what the app needs to know about the user).
enum class Kind {
    Reviewer,      // reads the Vorlagen its Ressort reviews, comments, sets its Ressort's Beteiligung
    Clerk,         // also edits its Ressort's Vorlagen and figures
    Senatskanzlei, // reads everything, changes every status, publishes
    Admin          // members and the workspace's settings
};
QString kindKey(Kind kind); // "reviewer", "clerk", "senatskanzlei", "admin": the `member` table and the CLI
QString kindLabel(Kind kind);
bool kindFromKey(const QString &key, Kind *kind);

struct Member {
    QString login;      // the database role the person logs in as
    QString name;       // printed with every change, comment, version and status change
    Kind kind = Kind::Reviewer;
    QString ressortKey; // empty for an administrator
};

// The logged-in user on `db`: a member, or none (`unchecked`: a superuser or the owner, whom the server's
// rights do not bind — IT, and the tests).
struct Account {
    bool unchecked = false;
    bool member = false;
    Member self;
};
Result<Account> account(QSqlDatabase db);

// Brings the schema to the program's version: the group roles made first where missing (db/server/roles.sql,
// if this login may create roles), the migrations run as the schema's owner (SET ROLE when the login is an
// administrator). A login that may not migrate gets a message naming `server migrate`.
Result<void> migrate(QSqlDatabase db, const QString &location, const Migrations::AfterStep &afterStep);

// The administrator's commands (`vorlagenwerk-cli server user …`), each one transaction. add: the login role
// is created when missing (without a password: Kerberos, or IT sets one with psql's \password), made a member
// of its kind's group role, and entered in `member` (or its entry changed). remove: the entry and the group
// memberships go; the login role stays (it may work in other workspaces on the cluster).
Result<void> addMember(QSqlDatabase db, const Member &member);
Result<void> removeMember(QSqlDatabase db, const QString &login);
Result<QList<Member>> members(QSqlDatabase db);

} // namespace vw::ServerAccess
