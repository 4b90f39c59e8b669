#include "publicationrepository.h"

#include "database.h"
#include "sqlvalues.h"
#include "transaction.h"
#include "versionrepository.h"
#include "vorlagenrepository.h"

#include <QSqlQuery>

namespace vw {

using namespace sql;

PublicationRepository::PublicationRepository(Database &db, VorlagenRepository &vorlagen, VersionRepository &versions)
    : mDb(db), mVorlagen(vorlagen), mVersions(versions)
{
}

Result<void> PublicationRepository::recordPublication(qint64 vorlageId, const QString &sha512, const QString &package)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    auto loaded = mVorlagen.load(vorlageId);
    if (!loaded)
        return loaded.failure();
    Vorlage v = loaded.value();
    if (v.status != Status::Beschlossen && v.status != Status::Veroeffentlicht)
        return Error{tr("Vorlage %1 ist nicht beschlossen und kann nicht veröffentlicht werden.").arg(vorlageId),
                     ErrorCode::Invalid};
    const Status from = v.status;
    v.status = Status::Veroeffentlicht;
    auto version = mVersions.writeStatus(v, from, v.outcome, tr("Veröffentlicht am %1").arg(germanDate(QDate::currentDate())));
    if (!version)
        return version.failure();
    QSqlQuery p(mDb.connection());
    p.prepare(QStringLiteral("INSERT INTO publication (vorlage_id, version_id, published_at, author, sha512, package) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(vorlageId), QVariant(version.value()), QVariant(nowText()),
                                  QVariant(text(mDb.author())), QVariant(text(sha512)), QVariant(text(package))})
        p.addBindValue(value);
    if (auto r = execQuery(p, tr("Veröffentlichung festhalten")); !r)
        return r;
    return tx.commit();
}

Result<QList<PublicationRepository::Publication>> PublicationRepository::publications(qint64 vorlageId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT published_at, author, sha512, package FROM publication WHERE vorlage_id = ? "
                             "ORDER BY id"));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Veröffentlichungen lesen")); !r)
        return r.failure();
    QList<Publication> result;
    while (q.next())
        result.append({timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return result;
}

} // namespace vw
