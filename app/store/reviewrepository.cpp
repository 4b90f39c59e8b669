#include "reviewrepository.h"

#include "database.h"
#include "sqlvalues.h"
#include "transaction.h"
#include "vorlagenrepository.h"

#include <QHash>
#include <QSqlQuery>

namespace vw {

using namespace sql;

namespace {

const QString annotationColumns = QStringLiteral(
    "id, vorlage_id, place, start_offset, end_offset, quote, detached, author, created, text, suggestion, replacement, "
    "decided_by, decided, resolved, resolved_by, resolved_at");

Annotation annotationFrom(const QSqlQuery &q)
{
    Annotation a;
    a.id = q.value(0).toLongLong();
    a.vorlageId = q.value(1).toLongLong();
    placeFromKey(q.value(2).toString(), &a.anchor.place);
    a.anchor.start = q.value(3).toInt();
    a.anchor.end = q.value(4).toInt();
    a.anchor.quote = q.value(5).toString();
    a.anchor.detached = q.value(6).toBool();
    a.author = q.value(7).toString();
    a.created = timeFrom(q.value(8));
    a.text = q.value(9).toString();
    suggestionFromKey(q.value(10).toString(), &a.suggestion);
    a.replacement = q.value(11).toString();
    a.decidedBy = q.value(12).toString();
    a.decided = timeFrom(q.value(13));
    a.resolved = q.value(14).toBool();
    a.resolvedBy = q.value(15).toString();
    a.resolvedAt = timeFrom(q.value(16));
    return a;
}

Error notFound(qint64 annotationId)
{
    return {tr("Einen Kommentar mit der Nummer %1 gibt es im Arbeitsbereich nicht.").arg(annotationId), ErrorCode::NotFound};
}

Error wordsGone(const Anchor &anchor)
{
    return {tr("Der markierte Text „%1“ steht nicht (mehr) an dieser Stelle der Vorlage.").arg(anchor.quote),
            ErrorCode::Invalid};
}

bool fits(const Vorlage &v, const Anchor &anchor)
{
    const QString placeText = anchorText(v, anchor.place);
    return placeExists(v, anchor.place) && anchor.start >= 0 && anchor.end >= anchor.start && anchor.end <= placeText.size()
           && placeText.mid(anchor.start, anchor.end - anchor.start) == anchor.quote;
}

} // namespace

ReviewRepository::ReviewRepository(Database &db, VorlagenRepository &vorlagen) : mDb(db), mVorlagen(vorlagen) {}

Result<QList<Annotation>> ReviewRepository::read(Database &db, qint64 vorlageId, const QStringList &placeKeys)
{
    QSqlQuery q(db.connection());
    q.setForwardOnly(true);
    QString places;
    if (!placeKeys.isEmpty())
        places = QStringLiteral(" AND place IN (%1)").arg(QStringList(placeKeys.size(), QStringLiteral("?")).join(u','));
    q.prepare(QStringLiteral("SELECT %1 FROM annotation WHERE vorlage_id = ?%2 ORDER BY id").arg(annotationColumns, places));
    q.addBindValue(vorlageId);
    for (const QString &key : placeKeys)
        q.addBindValue(key);
    if (auto r = execQuery(q, tr("Kommentare lesen")); !r)
        return r.failure();
    QList<Annotation> result;
    QHash<qint64, qsizetype> index;
    while (q.next()) {
        index.insert(q.value(0).toLongLong(), result.size());
        result.append(annotationFrom(q));
    }
    if (result.isEmpty())
        return result;

    QSqlQuery r(db.connection());
    r.setForwardOnly(true);
    r.prepare(QStringLiteral("SELECT r.id, r.annotation_id, r.author, r.created, r.text FROM annotation_reply r "
                             "JOIN annotation a ON a.id = r.annotation_id WHERE a.vorlage_id = ? ORDER BY r.id"));
    r.addBindValue(vorlageId);
    if (auto e = execQuery(r, tr("Antworten lesen")); !e)
        return e.failure();
    while (r.next()) {
        if (const auto it = index.constFind(r.value(1).toLongLong()); it != index.constEnd())
            result[it.value()].replies.append(
                {r.value(0).toLongLong(), r.value(2).toString(), timeFrom(r.value(3)), r.value(4).toString()});
    }
    return result;
}

Result<QList<Annotation>> ReviewRepository::annotations(qint64 vorlageId) const
{
    return read(mDb, vorlageId);
}

Result<Annotation> ReviewRepository::annotation(qint64 annotationId) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT vorlage_id FROM annotation WHERE id = ?"));
    q.addBindValue(annotationId);
    if (auto r = execQuery(q, tr("Kommentar lesen")); !r)
        return r.failure();
    if (!q.next())
        return notFound(annotationId);
    auto all = annotations(q.value(0).toLongLong());
    if (!all)
        return all.failure();
    for (const Annotation &a : all.value()) {
        if (a.id == annotationId)
            return a;
    }
    return notFound(annotationId);
}

Result<qint64> ReviewRepository::insert(const Annotation &a, qint64 vorlageId, const Place &place)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO annotation (vorlage_id, place, start_offset, end_offset, quote, detached, author, created, "
                             "text, suggestion, replacement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    const QString author = a.author.trimmed().isEmpty() ? mDb.author() : a.author.trimmed();
    const QString created = a.created.isValid() ? a.created.toUTC().toString(Qt::ISODate) : nowText();
    for (const QVariant &value : {QVariant(vorlageId), QVariant(placeKey(place)), QVariant(a.anchor.start),
                                  QVariant(a.anchor.end), QVariant(text(a.anchor.quote)), QVariant(flag(a.anchor.detached)),
                                  QVariant(text(author)), QVariant(created), QVariant(text(a.text)),
                                  QVariant(text(suggestionKey(a.suggestion))), QVariant(text(a.replacement))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Kommentar speichern")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Kommentar speichern: keine Nummer erhalten.")};
    return q.value(0).toLongLong();
}

Result<qint64> ReviewRepository::addAnnotation(const Annotation &annotation)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    auto vorlage = mVorlagen.load(annotation.vorlageId);
    if (!vorlage)
        return vorlage.failure();
    if (isReadOnly(vorlage->status))
        return Error{VorlagenRepository::readOnlyMessage(vorlage.value()), ErrorCode::ReadOnly};
    if (annotation.text.trimmed().isEmpty() && !annotation.isSuggestion())
        return Error{tr("Ein Kommentar braucht einen Text."), ErrorCode::Invalid};
    const Anchor &anchor = annotation.anchor;
    if (!placeExists(vorlage.value(), anchor.place))
        return Error{tr("Die Stelle des Kommentars gibt es in der Vorlage nicht."), ErrorCode::Invalid};
    if (!fits(vorlage.value(), anchor))
        return wordsGone(anchor);
    Annotation fresh = annotation;
    fresh.anchor.detached = false;
    fresh.suggestion = annotation.isSuggestion() ? Annotation::Suggestion::Open : Annotation::Suggestion::None;
    auto id = insert(fresh, annotation.vorlageId, anchor.place);
    if (!id)
        return id;
    if (auto r = tx.commit(); !r)
        return r.failure();
    return id;
}

Result<qint64> ReviewRepository::addReply(qint64 annotationId, const QString &replyText)
{
    if (replyText.trimmed().isEmpty())
        return Error{tr("Eine Antwort braucht einen Text."), ErrorCode::Invalid};
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    if (auto a = annotation(annotationId); !a)
        return a.failure();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO annotation_reply (annotation_id, author, created, text) VALUES (?, ?, ?, ?) RETURNING id"));
    for (const QVariant &value :
         {QVariant(annotationId), QVariant(text(mDb.author())), QVariant(nowText()), QVariant(replyText.trimmed())})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Antwort speichern")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Antwort speichern: keine Nummer erhalten.")};
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (auto r = tx.commit(); !r)
        return r.failure();
    return id;
}

Result<void> ReviewRepository::setResolved(qint64 annotationId, bool resolved)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    if (auto a = annotation(annotationId); !a)
        return a.failure();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE annotation SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(flag(resolved)), QVariant(resolved ? text(mDb.author()) : QStringLiteral("")),
                                  resolved ? QVariant(nowText()) : QVariant(), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Kommentar ändern")); !r)
        return r;
    return tx.commit();
}

Result<void> ReviewRepository::decideSuggestion(qint64 annotationId, Annotation::Suggestion decision)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    auto a = annotation(annotationId);
    if (!a)
        return a.failure();
    if (!a->isSuggestion())
        return Error{tr("Kommentar %1 ist kein Änderungsvorschlag.").arg(annotationId), ErrorCode::Invalid};
    if (decision == Annotation::Suggestion::None)
        return Error{tr("Ein Änderungsvorschlag bleibt ein Änderungsvorschlag."), ErrorCode::Invalid};
    auto vorlage = mVorlagen.load(a->vorlageId);
    if (!vorlage)
        return vorlage.failure();
    // Rejecting leaves the text as it is: a decided Vorlage still takes it, so that an open suggestion
    // can always be settled and does not block the publication forever. Accepting would change the
    // decided text, and opening a decision again would bring back what blocks.
    if (isReadOnly(vorlage->status)
        && (decision != Annotation::Suggestion::Rejected || a->suggestion != Annotation::Suggestion::Open))
        return Error{VorlagenRepository::readOnlyMessage(vorlage.value()), ErrorCode::ReadOnly};
    const bool open = decision == Annotation::Suggestion::Open;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE annotation SET suggestion = ?, decided_by = ?, decided = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(suggestionKey(decision)), QVariant(open ? QStringLiteral("") : text(mDb.author())),
                                  open ? QVariant() : QVariant(nowText()), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Änderungsvorschlag entscheiden")); !r)
        return r;
    return tx.commit();
}

Result<int> ReviewRepository::acceptSuggestion(qint64 annotationId)
{
    auto a = annotation(annotationId);
    if (!a)
        return a.failure();
    if (a->suggestion != Annotation::Suggestion::Open)
        return Error{tr("Kommentar %1 ist kein offener Änderungsvorschlag.").arg(annotationId), ErrorCode::Invalid};
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    auto vorlage = mVorlagen.load(a->vorlageId);
    if (!vorlage)
        return vorlage.failure();
    if (isReadOnly(vorlage->status))
        return Error{VorlagenRepository::readOnlyMessage(vorlage.value()), ErrorCode::ReadOnly};
    Vorlage changed = vorlage.value();
    if (auto r = replaceAnchoredText(changed, a->anchor, a->replacement); !r)
        return r.failure();
    auto revision = mVorlagen.saveInTransaction(changed, &vorlage.value());
    if (!revision)
        return revision;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE annotation SET suggestion = ?, decided_by = ?, decided = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(suggestionKey(Annotation::Suggestion::Accepted)), QVariant(text(mDb.author())),
                                  QVariant(nowText()), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Änderungsvorschlag annehmen")); !r)
        return r.failure();
    if (auto r = tx.commit(); !r)
        return r.failure();
    return revision;
}

Result<void> ReviewRepository::restoreAnchor(qint64 annotationId, const Anchor &anchor)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    auto a = annotation(annotationId);
    if (!a)
        return a.failure();
    auto vorlage = mVorlagen.load(a->vorlageId);
    if (!vorlage)
        return vorlage.failure();
    if (!fits(vorlage.value(), anchor))
        return wordsGone(anchor);
    Annotation restored = a.value();
    restored.anchor = anchor;
    restored.anchor.detached = false;
    if (auto r = writeAnchor(mDb, restored); !r)
        return r;
    return tx.commit();
}

Result<void> ReviewRepository::moveAnchors(Database &db, const Vorlage &before, const Vorlage &after,
                                           const QList<Place> &places)
{
    if (places.isEmpty())
        return {};
    QStringList keys;
    for (const Place &p : places)
        keys << placeKey(p);
    auto stored = read(db, before.id, keys);
    if (!stored)
        return stored.failure();
    if (stored->isEmpty())
        return {};
    QList<Annotation> list = stored.value();
    QList<Anchor *> anchors;
    for (Annotation &a : list)
        anchors << &a.anchor;
    if (!remapAnchors(before, after, anchors))
        return {};
    for (int i = 0; i < list.size(); ++i) {
        if (list[i].anchor != stored->at(i).anchor) {
            if (auto r = writeAnchor(db, list[i]); !r)
                return r;
        }
    }
    return {};
}

Result<void> ReviewRepository::writeAnchor(Database &db, const Annotation &a)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("UPDATE annotation SET place = ?, start_offset = ?, end_offset = ?, detached = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(placeKey(a.anchor.place)), QVariant(a.anchor.start), QVariant(a.anchor.end),
                                  QVariant(flag(a.anchor.detached)), QVariant(a.id)})
        q.addBindValue(value);
    return execQuery(q, tr("Kommentar verschieben"));
}

Result<void> ReviewRepository::copyOpenThreads(qint64 from, qint64 to, const QHash<QString, QString> &itemIds)
{
    auto threads = annotations(from);
    if (!threads)
        return threads.failure();
    for (const Annotation &a : threads.value()) {
        if (!a.isOpen())
            continue;
        Place place = a.anchor.place;
        if (!place.itemId.isEmpty())
            place.itemId = itemIds.value(place.itemId, place.itemId);
        Annotation copy = a;
        copy.created = a.created.isValid() ? a.created : QDateTime::currentDateTimeUtc();
        auto copied = insert(copy, to, place);
        if (!copied)
            return copied.failure();
        for (const Reply &reply : a.replies) {
            QSqlQuery r(mDb.connection());
            r.prepare(QStringLiteral("INSERT INTO annotation_reply (annotation_id, author, created, text) VALUES (?, ?, ?, ?)"));
            for (const QVariant &value : {QVariant(copied.value()), QVariant(text(reply.author)),
                                          QVariant(reply.created.toUTC().toString(Qt::ISODate)), QVariant(text(reply.text))})
                r.addBindValue(value);
            if (auto e = execQuery(r, tr("Kommentare übernehmen")); !e)
                return e;
        }
    }
    return {};
}

} // namespace vw
