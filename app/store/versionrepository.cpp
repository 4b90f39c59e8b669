#include "versionrepository.h"

#include "database.h"
#include "figurerepository.h"
#include "reviewrepository.h"
#include "sqlvalues.h"
#include "transaction.h"
#include "validation.h"
#include "vorlagejson.h"
#include "vorlagenrepository.h"

#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace vw {

using namespace sql;

VersionRepository::VersionRepository(Database &db, VorlagenRepository &vorlagen, const FigureRepository &figures,
                                     ReviewRepository &review, const RessortTable &ressorts)
    : mDb(db), mVorlagen(vorlagen), mFigures(figures), mReview(review), mRessorts(ressorts)
{
}

// ---- Versions -------------------------------------------------------------------------------------

namespace {

VersionRepository::VersionInfo versionFrom(const QSqlQuery &q)
{
    VersionRepository::VersionInfo v;
    v.id = q.value(0).toLongLong();
    v.vorlageId = q.value(1).toLongLong();
    v.number = q.value(2).toInt();
    v.name = q.value(3).toString();
    v.automatic = q.value(4).toBool();
    statusFromKey(q.value(5).toString(), &v.status);
    v.author = q.value(6).toString();
    v.created = timeFrom(q.value(7));
    return v;
}

const QString versionColumns = QStringLiteral("id, vorlage_id, number, name, automatic, status, author, created");

} // namespace

Result<QList<VersionRepository::VersionInfo>> VersionRepository::versions(qint64 vorlageId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM version WHERE vorlage_id = ? ORDER BY number").arg(versionColumns));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Versionen lesen")); !r)
        return r.failure();
    QList<VersionInfo> result;
    while (q.next())
        result.append(versionFrom(q));
    return result;
}

Result<Vorlage> VersionRepository::versionSnapshot(qint64 vorlageId, int number) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT snapshot FROM version WHERE vorlage_id = ? AND number = ?"));
    q.addBindValue(vorlageId);
    q.addBindValue(number);
    if (auto r = execQuery(q, tr("Version lesen")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Vorlage %1 hat keine Version %2.").arg(vorlageId).arg(number), ErrorCode::NotFound};
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return Error{tr("Version %2 der Vorlage %1 ist beschädigt.").arg(vorlageId).arg(number), ErrorCode::Damaged};
    auto v = vorlageFromJson(json.object());
    if (!v)
        return Error{tr("Version %2 der Vorlage %1 ist beschädigt: %3").arg(vorlageId).arg(number).arg(v.error()), ErrorCode::Damaged};
    v->id = vorlageId;
    return v;
}

Result<VersionRepository::VersionInfo> VersionRepository::insertVersion(const Vorlage &vorlage, const QString &name, bool automatic)
{
    Vorlage snapshot = vorlage;
    auto values = mFigures.figureValues(&vorlage);
    if (!values)
        return values.failure();
    freezeFigures(snapshot, values.value());

    QSqlQuery n(mDb.connection());
    n.prepare(QStringLiteral("SELECT COALESCE(MAX(number), 0) + 1 FROM version WHERE vorlage_id = ?"));
    n.addBindValue(vorlage.id);
    if (auto r = execQuery(n, tr("Version anlegen")); !r || !n.next())
        return Error{tr("Die Version kann nicht angelegt werden.")};
    VersionInfo info;
    info.vorlageId = vorlage.id;
    info.number = n.value(0).toInt();
    info.name = name.trimmed();
    info.automatic = automatic;
    info.status = vorlage.status;
    info.author = mDb.author();
    info.created = QDateTime::currentDateTimeUtc();

    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO version (vorlage_id, number, name, automatic, status, author, created, snapshot) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const QByteArray json = QJsonDocument(vorlageToJson(snapshot)).toJson(QJsonDocument::Compact);
    for (const QVariant &value : {QVariant(info.vorlageId), QVariant(info.number), QVariant(text(info.name)),
                                  QVariant(flag(automatic)), QVariant(statusKey(info.status)), QVariant(text(info.author)),
                                  QVariant(info.created.toString(Qt::ISODate)), QVariant(QString::fromUtf8(json))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Version anlegen")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Die Version kann nicht angelegt werden.")};
    info.id = q.value(0).toLongLong();
    return info;
}

Result<VersionRepository::VersionInfo> VersionRepository::addVersion(qint64 vorlageId, const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error{tr("Eine Version braucht einen Namen, etwa „zur Mitzeichnung“."), ErrorCode::Invalid};
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    auto vorlage = mVorlagen.load(vorlageId);
    if (!vorlage)
        return vorlage.failure();
    auto info = insertVersion(vorlage.value(), name, false);
    if (!info)
        return info;
    if (auto r = tx.commit(); !r)
        return r.failure();
    return info;
}

Result<qint64> VersionRepository::restoreVersion(qint64 vorlageId, int number)
{
    auto snapshot = versionSnapshot(vorlageId, number);
    if (!snapshot)
        return snapshot.failure();
    Vorlage draft = neufassung(snapshot.value());
    draft.paperKind = snapshot->paperKind;
    auto ids = mVorlagen.addAll({draft});
    if (!ids)
        return ids.failure();
    return ids->first();
}

// ---- Status ---------------------------------------------------------------------------------------

Result<void> VersionRepository::setStatus(qint64 vorlageId, Status to, const QDate &sessionDate, Outcome outcome)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    auto loaded = mVorlagen.load(vorlageId);
    if (!loaded)
        return loaded.failure();
    Vorlage v = loaded.value();
    const Status from = v.status;
    const bool deferred = to == Status::Beschlossen && outcome == Outcome::Zurueckgestellt;
    if (to == Status::Veroeffentlicht)
        return Error{tr("Veröffentlicht wird eine Vorlage nur durch die Veröffentlichung selbst (Registerpaket)."), ErrorCode::Invalid};
    if (!statusTransitionAllowed(from, to))
        return Error{tr("Vorlage %1 kann nicht von „%2“ nach „%3“ wechseln.")
                         .arg(vorlageId)
                         .arg(statusLabel(from), statusLabel(to)),
                     ErrorCode::Invalid};
    if (to == Status::Beschlossen) {
        if (outcome == Outcome::Keins)
            outcome = Outcome::Unveraendert;
        const QDate session = sessionDate.isValid() ? sessionDate : v.sessionDate;
        if (!session.isValid())
            return Error{tr("Für „Beschlossen“ fehlt das Datum der Senatssitzung."), ErrorCode::Invalid};
        v.sessionDate = session;
    } else if (outcome != Outcome::Keins) {
        return Error{tr("Ein Ergebnis der Sitzung gibt es nur mit dem Status „Beschlossen“."), ErrorCode::Invalid};
    }
    auto values = mFigures.figureValues(&v);
    if (!values)
        return values.failure();
    if (to == Status::Beschlussreif || to == Status::Beschlossen) {
        QStringList errors;
        for (const Problem &p : validate(v, mRessorts, &values.value())) {
            if (p.severity == Problem::Severity::Error)
                errors << p.message;
        }
        if (!errors.isEmpty())
            return Error{tr("Vorlage %1 hat noch Fehler und kann nicht „%2“ werden:\n%3")
                             .arg(vorlageId)
                             .arg(statusLabel(to), errors.join(QLatin1Char('\n'))),
                         ErrorCode::Invalid};
    }

    QString versionName;
    if (deferred) {
        versionName = tr("In der Sitzung am %1 zurückgestellt").arg(germanDate(v.sessionDate));
        to = from;
    } else {
        if (to == Status::Beschlossen) {
            // The decided version keeps the figure values it was decided with.
            freezeFigures(v, values.value());
            if (auto r = mVorlagen.writePlaces(loaded.value(), v, changedPlaces(loaded.value(), v)); !r)
                return r;
            versionName = tr("In der Senatssitzung am %1 beschlossen").arg(germanDate(v.sessionDate));
        } else {
            versionName = tr("Status: %1").arg(statusLabel(to));
        }
        v.status = to;
        v.outcome = outcome;
    }

    if (auto r = writeStatus(v, from, deferred ? Outcome::Zurueckgestellt : v.outcome, versionName); !r)
        return r.failure();
    return tx.commit();
}

Result<qint64> VersionRepository::writeStatus(const Vorlage &v, Status from, Outcome recorded, const QString &versionName)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE vorlage SET status = ?, outcome = ?, session_date = ?, modified = ?, "
                             "modified_by = ?, revision = revision + 1 WHERE id = ?"));
    const QVariant session = v.sessionDate.isValid() ? QVariant(v.sessionDate.toString(Qt::ISODate)) : QVariant();
    for (const QVariant &value : {QVariant(statusKey(v.status)), QVariant(outcomeKey(v.outcome)), session,
                                  QVariant(nowText()), QVariant(text(mDb.author())), QVariant(v.id)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Status ändern")); !r)
        return r.failure();
    auto version = insertVersion(v, versionName, true);
    if (!version)
        return version.failure();

    QSqlQuery c(mDb.connection());
    c.prepare(QStringLiteral("INSERT INTO status_change (vorlage_id, from_status, to_status, outcome, session_date, "
                             "author, at, version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(v.id), QVariant(statusKey(from)), QVariant(statusKey(v.status)),
                                  QVariant(outcomeKey(recorded)), session, QVariant(text(mDb.author())),
                                  QVariant(nowText()), QVariant(version->id)})
        c.addBindValue(value);
    if (auto r = execQuery(c, tr("Statuswechsel festhalten")); !r)
        return r.failure();
    return version->id;
}

Result<QList<VersionRepository::StatusChange>> VersionRepository::statusHistory(qint64 vorlageId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT c.from_status, c.to_status, c.outcome, c.session_date, c.author, c.at, v.number "
                             "FROM status_change c LEFT JOIN version v ON v.id = c.version_id "
                             "WHERE c.vorlage_id = ? ORDER BY c.id"));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Statusverlauf lesen")); !r)
        return r.failure();
    QList<StatusChange> result;
    while (q.next()) {
        StatusChange c;
        statusFromKey(q.value(0).toString(), &c.from);
        statusFromKey(q.value(1).toString(), &c.to);
        outcomeFromKey(q.value(2).toString(), &c.outcome);
        c.sessionDate = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        c.author = q.value(4).toString();
        c.at = timeFrom(q.value(5));
        c.versionNumber = q.value(6).toInt();
        result.append(c);
    }
    return result;
}

Result<void> VersionRepository::setObjectionResolved(qint64 vorlageId, const QString &participationId, bool resolved)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE participation SET resolved = ? WHERE vorlage_id = ? AND id = ? AND state = ?"));
    for (const QVariant &value : {QVariant(resolved), QVariant(vorlageId), QVariant(participationId),
                                  QVariant(participationStateKey(Participation::State::Einwaende))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Einwände als ausgeräumt markieren")); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return Error{tr("Vorlage %1 hat diese Einwände nicht.").arg(vorlageId), ErrorCode::NotFound};
    QSqlQuery r(mDb.connection());
    r.prepare(QStringLiteral("UPDATE vorlage SET revision = revision + 1, modified = ?, modified_by = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(nowText()), QVariant(text(mDb.author())), QVariant(vorlageId)})
        r.addBindValue(value);
    if (auto e = execQuery(r, tr("Einwände als ausgeräumt markieren")); !e)
        return e;
    return tx.commit();
}

Result<qint64> VersionRepository::addNeufassung(qint64 vorlageId)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    auto v = mVorlagen.load(vorlageId);
    if (!v)
        return v.failure();
    const Vorlage draft = neufassung(v.value());
    auto id = mVorlagen.insertInTransaction(draft);
    if (!id)
        return id;
    // The open threads go on to the draft, on the same places: the copy's questions and Beschluss items
    // have ids of their own, in the same order.
    QHash<QString, QString> itemIds;
    for (int i = 0; i < v->questions.size() && i < draft.questions.size(); ++i)
        itemIds.insert(v->questions[i].id, draft.questions[i].id);
    for (int i = 0; i < v->beschluss.size() && i < draft.beschluss.size(); ++i)
        itemIds.insert(v->beschluss[i].id, draft.beschluss[i].id);
    if (auto r = mReview.copyOpenThreads(vorlageId, id.value(), itemIds); !r)
        return r.failure();
    if (auto r = tx.commit(); !r)
        return r.failure();
    return id;
}

Result<Vorlage> VersionRepository::decidedVersion(qint64 vorlageId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT v.number FROM status_change c JOIN version v ON v.id = c.version_id "
                             "WHERE c.vorlage_id = ? AND c.to_status = ? ORDER BY c.id DESC LIMIT 1"));
    q.addBindValue(vorlageId);
    q.addBindValue(statusKey(Status::Beschlossen));
    if (auto r = execQuery(q, tr("Beschlossene Fassung suchen")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Vorlage %1 ist nicht beschlossen: es gibt keine beschlossene Fassung.").arg(vorlageId),
                     ErrorCode::NotFound};
    return versionSnapshot(vorlageId, q.value(0).toInt());
}

} // namespace vw
