#include "serveraccess.h"

#include "sqlvalues.h"
#include "transaction.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

namespace vw::ServerAccess {

using sql::tr;

namespace {

struct KindInfo {
    Kind kind;
    const char *key;
    const char *label;
    const char *groupRole;
};

constexpr KindInfo kinds[] = {
    {Kind::Reviewer, "reviewer", QT_TRANSLATE_NOOP("vw::Workspace", "Prüfung"), "vorlagenwerk_reviewer"},
    {Kind::Clerk, "clerk", QT_TRANSLATE_NOOP("vw::Workspace", "Sachbearbeitung"), "vorlagenwerk_clerk"},
    {Kind::Senatskanzlei, "senatskanzlei", QT_TRANSLATE_NOOP("vw::Workspace", "Senatskanzlei"), "vorlagenwerk_senatskanzlei"},
    {Kind::Admin, "admin", QT_TRANSLATE_NOOP("vw::Workspace", "Verwaltung des Arbeitsbereichs"), "vorlagenwerk_admin"},
};

const KindInfo &info(Kind kind)
{
    return kinds[int(kind)];
}

// One row of one value, or the failure with `what` in front.
Result<QVariant> single(QSqlDatabase db, const QString &sqlText, const QVariantList &values, const QString &what)
{
    QSqlQuery q(db);
    q.prepare(sqlText);
    for (const QVariant &value : values)
        q.addBindValue(value);
    if (auto r = execQuery(q, what); !r)
        return r.failure();
    return q.next() ? q.value(0) : QVariant();
}

Result<void> exec(QSqlDatabase db, const QString &statement, const QString &what)
{
    QSqlQuery q(db);
    if (!q.exec(statement))
        return sqlFailure(q.lastError(), q.driver(), what);
    return {};
}

QString identifier(QSqlDatabase db, const QString &name)
{
    return db.driver()->escapeIdentifier(name, QSqlDriver::TableName);
}

// The group roles, where this login may create them and they are missing.
Result<void> ensureRoles(QSqlDatabase db)
{
    auto may = single(db, QStringLiteral("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"), {},
                      tr("Rechte lesen"));
    if (!may)
        return may.failure();
    if (!may->toBool())
        return {}; // an administrator's login: `server init` made them
    QFile file(QStringLiteral(":/db/server/roles.sql"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("db/server/roles.sql fehlt im Programm.")};
    Transaction tx(db);
    if (auto r = tx.started(); !r)
        return r;
    for (const QString &statement : Migrations::statements(QString::fromUtf8(file.readAll()))) {
        if (auto r = exec(db, statement, tr("Rollen anlegen")); !r)
            return r;
    }
    return tx.commit();
}

} // namespace

QString kindKey(Kind kind)
{
    return QString::fromLatin1(info(kind).key);
}

QString kindLabel(Kind kind)
{
    return tr(info(kind).label);
}

bool kindFromKey(const QString &key, Kind *kind)
{
    for (const KindInfo &k : kinds) {
        if (key == QLatin1String(k.key)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

Result<Account> account(QSqlDatabase db)
{
    Account a;
    auto unchecked = single(db, QStringLiteral("SELECT rolsuper OR rolbypassrls OR rolname = 'vorlagenwerk_owner' FROM pg_roles "
                                               "WHERE rolname = current_user"),
                            {}, tr("Rechte lesen"));
    if (!unchecked)
        return unchecked.failure();
    a.unchecked = unchecked->toBool();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT login, name, kind, ressort_key FROM member WHERE login = session_user"));
    if (auto r = execQuery(q, tr("Rechte lesen")); !r)
        return r.failure();
    if (q.next()) {
        a.member = kindFromKey(q.value(2).toString(), &a.self.kind);
        a.self.login = q.value(0).toString();
        a.self.name = q.value(1).toString();
        a.self.ressortKey = q.value(3).toString();
    }
    return a;
}

Result<void> migrate(QSqlDatabase db, const QString &location, const Migrations::AfterStep &afterStep)
{
    auto version = Migrations::schemaVersion(db, Dialect::Postgres);
    if (!version)
        return version.failure();
    if (version.value() >= Migrations::latestVersion())
        return {};
    if (auto r = ensureRoles(db); !r)
        return r;
    // Run as the owner of what is there (a fresh database: the owner role), becoming it where that is allowed.
    auto owner = single(db,
                        QStringLiteral("SELECT COALESCE((SELECT tableowner FROM pg_tables WHERE schemaname = 'public' AND "
                                       "tablename = 'schema_version'), (SELECT rolname FROM pg_roles WHERE rolname = "
                                       "'vorlagenwerk_owner'), current_user)"),
                        {}, tr("Rechte lesen"));
    if (!owner)
        return owner.failure();
    auto may = single(db,
                      QStringLiteral("SELECT ? = current_user OR pg_has_role(session_user, ?, 'MEMBER') OR "
                                     "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"),
                      {owner.value(), owner.value()}, tr("Rechte lesen"));
    if (!may)
        return may.failure();
    if (!may->toBool()) {
        if (version.value() == 0)
            return Error{tr("Auf %1 ist noch kein Arbeitsbereich eingerichtet. Das macht die IT mit "
                            "„vorlagenwerk-cli --workspace … server init“ (docs/server.md).")
                             .arg(location),
                         ErrorCode::Refused};
        return Error{tr("Der Arbeitsbereich auf %1 hat das Schema %2, dieses Programm braucht %3. Aktualisieren darf ihn nur "
                        "die Verwaltung des Arbeitsbereichs: „vorlagenwerk-cli --workspace … server migrate“.")
                         .arg(location)
                         .arg(version.value())
                         .arg(Migrations::latestVersion()),
                     ErrorCode::Refused};
    }
    const bool become = owner->toString() != single(db, QStringLiteral("SELECT current_user"), {}, {})->toString();
    if (become) {
        if (auto r = exec(db, QStringLiteral("SET ROLE %1").arg(identifier(db, owner->toString())), tr("Rolle wechseln")); !r)
            return r;
    }
    auto applied = Migrations::apply(db, Dialect::Postgres, afterStep);
    if (become)
        QSqlQuery(db).exec(QStringLiteral("RESET ROLE"));
    return applied;
}

Result<void> addMember(QSqlDatabase db, const Member &member)
{
    static const QRegularExpression loginPattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$"));
    if (!loginPattern.match(member.login).hasMatch())
        return Error{tr("„%1“ ist kein Anmeldename: Buchstaben, Ziffern und _ . @ -, höchstens 63 Zeichen, vorn ein Buchstabe.")
                         .arg(member.login),
                     ErrorCode::Invalid};
    if (member.name.trimmed().isEmpty())
        return Error{tr("Für %1 fehlt der Name, der bei Änderungen und Kommentaren steht (--name).").arg(member.login),
                     ErrorCode::Invalid};
    if (member.kind != Kind::Admin && member.ressortKey.isEmpty())
        return Error{tr("Für %1 fehlt das Ressort (--ressort).").arg(member.login), ErrorCode::Invalid};
    Transaction tx(db);
    if (auto r = tx.started(); !r)
        return r;
    if (!member.ressortKey.isEmpty()) {
        auto known = single(db, QStringLiteral("SELECT count(*) FROM ressort_name WHERE ressort_key = ?"), {member.ressortKey},
                            tr("Ressorts lesen"));
        if (!known)
            return known.failure();
        if (known->toInt() == 0)
            return Error{tr("Das Ressort „%1“ kennt dieser Arbeitsbereich nicht.").arg(member.ressortKey), ErrorCode::Invalid};
    }
    auto exists = single(db, QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = ?"), {member.login},
                         tr("Anmeldung %1 nachsehen").arg(member.login));
    if (!exists)
        return exists.failure();
    const QString login = identifier(db, member.login);
    if (exists->toInt() == 0) {
        if (auto r = exec(db, QStringLiteral("CREATE ROLE %1 LOGIN").arg(login), tr("Anmeldung %1 anlegen").arg(member.login)); !r)
            return r;
    }
    // Group roles are cluster-wide and only add: what the login may do here is its entry below.
    const QString group = QString::fromLatin1(info(member.kind).groupRole);
    auto inGroup = single(db, QStringLiteral("SELECT pg_has_role(?, ?, 'MEMBER')"), {member.login, group}, tr("Rechte lesen"));
    if (!inGroup)
        return inGroup.failure();
    if (!inGroup->toBool()) {
        if (auto r = exec(db, QStringLiteral("GRANT %1 TO %2").arg(group, login),
                          tr("%1 die Rolle „%2“ geben").arg(member.login, kindLabel(member.kind)));
            !r)
            return r;
    }
    if (member.kind == Kind::Admin) {
        if (auto r = exec(db, QStringLiteral("ALTER ROLE %1 CREATEROLE").arg(login), tr("%1 zur Verwaltung machen").arg(member.login)); !r)
            return r;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO member (login, name, kind, ressort_key) VALUES (?, ?, ?, ?) ON CONFLICT (login) "
                             "DO UPDATE SET name = excluded.name, kind = excluded.kind, ressort_key = excluded.ressort_key"));
    for (const QVariant &value : {QVariant(member.login), QVariant(member.name.trimmed()), QVariant(kindKey(member.kind)),
                                  QVariant(sql::text(member.ressortKey))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("%1 eintragen").arg(member.login)); !r)
        return r;
    return tx.commit();
}

Result<void> removeMember(QSqlDatabase db, const QString &login)
{
    Transaction tx(db);
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM member WHERE login = ?"));
    q.addBindValue(login);
    if (auto r = execQuery(q, tr("%1 austragen").arg(login)); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return Error{tr("%1 ist in diesem Arbeitsbereich nicht eingetragen.").arg(login), ErrorCode::NotFound};
    return tx.commit();
}

Result<QList<Member>> members(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT login, name, kind, ressort_key FROM member ORDER BY login")))
        return sqlFailure(q.lastError(), q.driver(), tr("Mitglieder lesen"));
    QList<Member> result;
    while (q.next()) {
        Member m;
        m.login = q.value(0).toString();
        m.name = q.value(1).toString();
        kindFromKey(q.value(2).toString(), &m.kind);
        m.ressortKey = q.value(3).toString();
        result << m;
    }
    return result;
}

} // namespace vw::ServerAccess
