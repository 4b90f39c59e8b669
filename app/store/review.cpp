// The review part of the workspace: annotations, versions, status changes, Neufassungen and the
// file contents of Anlagen. Same class as workspace.cpp; split only to keep each file readable.

#include "workspace.h"

#include "transaction.h"
#include "validation.h"
#include "vorlagejson.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonDocument>
#include <QSqlQuery>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QDateTime timeFrom(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

QString orEmpty(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

const QString annotationColumns = QStringLiteral(
    "id, vorlage_id, place, start, end, quote, detached, author, created, text, suggestion, replacement, "
    "decided_by, decided, resolved, resolved_by, resolved_at");

Annotation annotationFrom(const QSqlQuery &q)
{
    Annotation a;
    a.id = q.value(0).toLongLong();
    a.vorlageId = q.value(1).toLongLong();
    anchorPlaceFromKey(q.value(2).toString(), &a.anchor.place);
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

Result<void> begin(Transaction &tx)
{
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    return {};
}

} // namespace

QString Workspace::readOnlyMessage(const Vorlage &vorlage)
{
    return tr("Vorlage %1 ist %2 und kann nicht mehr geändert werden. Für Änderungen legen Sie eine Neufassung an.")
        .arg(vorlage.id)
        .arg(statusLabel(vorlage.status).toLower());
}

// ---- Annotations ----------------------------------------------------------------------------------

Result<QList<Annotation>> Workspace::annotations(qint64 vorlageId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM annotation WHERE vorlage_id = ? ORDER BY id").arg(annotationColumns));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Kommentare lesen")); !r)
        return Error{r.error()};
    QList<Annotation> result;
    while (q.next())
        result.append(annotationFrom(q));
    if (result.isEmpty())
        return result;

    QSqlQuery r(database());
    r.prepare(QStringLiteral("SELECT r.id, r.annotation_id, r.author, r.created, r.text FROM annotation_reply r "
                             "JOIN annotation a ON a.id = r.annotation_id WHERE a.vorlage_id = ? ORDER BY r.id"));
    r.addBindValue(vorlageId);
    if (auto e = execQuery(r, tr("Antworten lesen")); !e)
        return Error{e.error()};
    while (r.next()) {
        const qint64 annotationId = r.value(1).toLongLong();
        for (Annotation &a : result) {
            if (a.id == annotationId)
                a.replies.append({r.value(0).toLongLong(), r.value(2).toString(), timeFrom(r.value(3)), r.value(4).toString()});
        }
    }
    return result;
}

Result<Annotation> Workspace::annotation(qint64 annotationId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT vorlage_id FROM annotation WHERE id = ?"));
    q.addBindValue(annotationId);
    if (auto r = execQuery(q, tr("Kommentar lesen")); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Einen Kommentar mit der Nummer %1 gibt es im Arbeitsbereich nicht.").arg(annotationId)};
    auto all = annotations(q.value(0).toLongLong());
    if (!all)
        return Error{all.error()};
    for (const Annotation &a : all.value()) {
        if (a.id == annotationId)
            return a;
    }
    return Error{tr("Einen Kommentar mit der Nummer %1 gibt es im Arbeitsbereich nicht.").arg(annotationId)};
}

Result<qint64> Workspace::addAnnotation(const Annotation &annotation)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    auto vorlage = load(annotation.vorlageId);
    if (!vorlage)
        return Error{vorlage.error()};
    if (isReadOnly(vorlage->status))
        return Error{readOnlyMessage(vorlage.value())};
    if (annotation.text.trimmed().isEmpty() && !annotation.isSuggestion())
        return Error{tr("Ein Kommentar braucht einen Text.")};
    const Anchor &anchor = annotation.anchor;
    if (!placeExists(vorlage.value(), anchor.place))
        return Error{tr("Die Stelle des Kommentars gibt es in der Vorlage nicht.")};
    const QString placeText = anchorText(vorlage.value(), anchor.place);
    if (anchor.start < 0 || anchor.end < anchor.start || anchor.end > placeText.size()
        || placeText.mid(anchor.start, anchor.end - anchor.start) != anchor.quote)
        return Error{tr("Der markierte Text „%1“ steht nicht (mehr) an dieser Stelle der Vorlage.").arg(anchor.quote)};

    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO annotation (vorlage_id, place, start, end, quote, detached, author, created, "
                             "text, suggestion, replacement) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)"));
    const QString author = annotation.author.trimmed().isEmpty() ? mAuthor : annotation.author.trimmed();
    const QString created = annotation.created.isValid() ? annotation.created.toUTC().toString(Qt::ISODate) : nowText();
    const Annotation::Suggestion suggestion = annotation.isSuggestion() ? Annotation::Suggestion::Open
                                                                        : Annotation::Suggestion::None;
    for (const QVariant &value : {QVariant(annotation.vorlageId), QVariant(anchorPlaceKey(anchor.place)),
                                  QVariant(anchor.start), QVariant(anchor.end), QVariant(orEmpty(anchor.quote)),
                                  QVariant(orEmpty(author)), QVariant(created), QVariant(orEmpty(annotation.text)),
                                  QVariant(orEmpty(suggestionKey(suggestion))), QVariant(orEmpty(annotation.replacement))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Kommentar speichern")); !r)
        return Error{r.error()};
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return id;
}

Result<qint64> Workspace::addReply(qint64 annotationId, const QString &replyText)
{
    if (replyText.trimmed().isEmpty())
        return Error{tr("Eine Antwort braucht einen Text.")};
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    if (auto a = annotation(annotationId); !a)
        return Error{a.error()};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO annotation_reply (annotation_id, author, created, text) VALUES (?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(annotationId), QVariant(orEmpty(mAuthor)), QVariant(nowText()),
                                  QVariant(replyText.trimmed())})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Antwort speichern")); !r)
        return Error{r.error()};
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return id;
}

Result<void> Workspace::setResolved(qint64 annotationId, bool resolved)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    if (auto a = annotation(annotationId); !a)
        return Error{a.error()};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE annotation SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(resolved), QVariant(resolved ? orEmpty(mAuthor) : QStringLiteral("")),
                                  resolved ? QVariant(nowText()) : QVariant(), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Kommentar ändern")); !r)
        return r;
    return tx.commit();
}

Result<void> Workspace::decideSuggestion(qint64 annotationId, Annotation::Suggestion decision)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    auto a = annotation(annotationId);
    if (!a)
        return Error{a.error()};
    if (!a->isSuggestion())
        return Error{tr("Kommentar %1 ist kein Änderungsvorschlag.").arg(annotationId)};
    if (decision == Annotation::Suggestion::None)
        return Error{tr("Ein Änderungsvorschlag bleibt ein Änderungsvorschlag.")};
    auto vorlage = load(a->vorlageId);
    if (!vorlage)
        return Error{vorlage.error()};
    // Rejecting leaves the text as it is: a decided Vorlage still takes it, so that an open suggestion
    // can always be settled and does not block the publication forever. Accepting would change the
    // decided text, and opening a decision again would bring back what blocks.
    if (isReadOnly(vorlage->status)
        && (decision != Annotation::Suggestion::Rejected || a->suggestion != Annotation::Suggestion::Open))
        return Error{readOnlyMessage(vorlage.value())};
    const bool open = decision == Annotation::Suggestion::Open;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE annotation SET suggestion = ?, decided_by = ?, decided = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(suggestionKey(decision)), QVariant(open ? QStringLiteral("") : orEmpty(mAuthor)),
                                  open ? QVariant() : QVariant(nowText()), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Änderungsvorschlag entscheiden")); !r)
        return r;
    return tx.commit();
}

Result<int> Workspace::acceptSuggestion(qint64 annotationId)
{
    auto a = annotation(annotationId);
    if (!a)
        return Error{a.error()};
    if (a->suggestion != Annotation::Suggestion::Open)
        return Error{tr("Kommentar %1 ist kein offener Änderungsvorschlag.").arg(annotationId)};
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    auto vorlage = load(a->vorlageId);
    if (!vorlage)
        return Error{vorlage.error()};
    if (isReadOnly(vorlage->status))
        return Error{readOnlyMessage(vorlage.value())};
    Vorlage changed = vorlage.value();
    if (auto r = replaceAnchoredText(changed, a->anchor, a->replacement); !r)
        return Error{r.error()};
    auto revision = saveInTransaction(changed);
    if (!revision)
        return revision;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE annotation SET suggestion = ?, decided_by = ?, decided = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(suggestionKey(Annotation::Suggestion::Accepted)), QVariant(orEmpty(mAuthor)),
                                  QVariant(nowText()), QVariant(annotationId)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Änderungsvorschlag annehmen")); !r)
        return Error{r.error()};
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return revision;
}

Result<void> Workspace::restoreAnchor(qint64 annotationId, const Anchor &anchor)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    auto a = annotation(annotationId);
    if (!a)
        return Error{a.error()};
    auto vorlage = load(a->vorlageId);
    if (!vorlage)
        return Error{vorlage.error()};
    const QString placeText = anchorText(vorlage.value(), anchor.place);
    if (!placeExists(vorlage.value(), anchor.place) || anchor.start < 0 || anchor.end < anchor.start
        || anchor.end > placeText.size() || placeText.mid(anchor.start, anchor.end - anchor.start) != anchor.quote)
        return Error{tr("Der markierte Text „%1“ steht nicht (mehr) an dieser Stelle der Vorlage.").arg(anchor.quote)};
    Annotation restored = a.value();
    restored.anchor = anchor;
    restored.anchor.detached = false;
    if (auto r = writeAnnotationAnchor(restored); !r)
        return r;
    return tx.commit();
}

Result<void> Workspace::moveAnchors(const Vorlage &before, const Vorlage &after)
{
    auto stored = annotations(before.id);
    if (!stored)
        return Error{stored.error()};
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
            if (auto r = writeAnnotationAnchor(list[i]); !r)
                return r;
        }
    }
    return {};
}

Result<void> Workspace::writeAnnotationAnchor(const Annotation &a)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE annotation SET place = ?, start = ?, end = ?, detached = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(anchorPlaceKey(a.anchor.place)), QVariant(a.anchor.start),
                                  QVariant(a.anchor.end), QVariant(a.anchor.detached), QVariant(a.id)})
        q.addBindValue(value);
    return execQuery(q, tr("Kommentar verschieben"));
}

// ---- Versions -------------------------------------------------------------------------------------

namespace {

Workspace::VersionInfo versionFrom(const QSqlQuery &q)
{
    Workspace::VersionInfo v;
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

Result<QList<Workspace::VersionInfo>> Workspace::versions(qint64 vorlageId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM version WHERE vorlage_id = ? ORDER BY number").arg(versionColumns));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Versionen lesen")); !r)
        return Error{r.error()};
    QList<VersionInfo> result;
    while (q.next())
        result.append(versionFrom(q));
    return result;
}

Result<Vorlage> Workspace::versionSnapshot(qint64 vorlageId, int number) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT snapshot FROM version WHERE vorlage_id = ? AND number = ?"));
    q.addBindValue(vorlageId);
    q.addBindValue(number);
    if (auto r = execQuery(q, tr("Version lesen")); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Vorlage %1 hat keine Version %2.").arg(vorlageId).arg(number)};
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(q.value(0).toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return Error{tr("Version %2 der Vorlage %1 ist beschädigt.").arg(vorlageId).arg(number)};
    auto v = vorlageFromJson(json.object());
    if (!v)
        return Error{tr("Version %2 der Vorlage %1 ist beschädigt: %3").arg(vorlageId).arg(number).arg(v.error())};
    v->id = vorlageId;
    return v;
}

Result<Workspace::VersionInfo> Workspace::insertVersion(const Vorlage &vorlage, const QString &name, bool automatic)
{
    Vorlage snapshot = vorlage;
    auto values = figureValues(&vorlage);
    if (!values)
        return Error{values.error()};
    freezeFigures(snapshot, values.value());

    QSqlQuery n(database());
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
    info.author = mAuthor;
    info.created = QDateTime::currentDateTimeUtc();

    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO version (vorlage_id, number, name, automatic, status, author, created, snapshot) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QByteArray json = QJsonDocument(vorlageToJson(snapshot)).toJson(QJsonDocument::Compact);
    for (const QVariant &value : {QVariant(info.vorlageId), QVariant(info.number), QVariant(orEmpty(info.name)),
                                  QVariant(automatic), QVariant(statusKey(info.status)), QVariant(orEmpty(info.author)),
                                  QVariant(info.created.toString(Qt::ISODate)), QVariant(QString::fromUtf8(json))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Version anlegen")); !r)
        return Error{r.error()};
    info.id = q.lastInsertId().toLongLong();
    return info;
}

Result<Workspace::VersionInfo> Workspace::addVersion(qint64 vorlageId, const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error{tr("Eine Version braucht einen Namen, etwa „zur Mitzeichnung“.")};
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    auto vorlage = load(vorlageId);
    if (!vorlage)
        return Error{vorlage.error()};
    auto info = insertVersion(vorlage.value(), name, false);
    if (!info)
        return info;
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return info;
}

Result<qint64> Workspace::restoreVersion(qint64 vorlageId, int number)
{
    auto snapshot = versionSnapshot(vorlageId, number);
    if (!snapshot)
        return Error{snapshot.error()};
    Vorlage draft = neufassung(snapshot.value());
    draft.paperKind = snapshot->paperKind;
    return add(draft);
}

// ---- Status ---------------------------------------------------------------------------------------

Result<void> Workspace::setStatus(qint64 vorlageId, Status to, const QDate &sessionDate, Outcome outcome)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    auto loaded = load(vorlageId);
    if (!loaded)
        return Error{loaded.error()};
    Vorlage v = loaded.value();
    const Status from = v.status;
    const bool deferred = to == Status::Beschlossen && outcome == Outcome::Zurueckgestellt;
    if (to == Status::Veroeffentlicht)
        return Error{tr("Veröffentlicht wird eine Vorlage nur durch die Veröffentlichung selbst (Registerpaket).")};
    if (!statusTransitionAllowed(from, to))
        return Error{tr("Vorlage %1 kann nicht von „%2“ nach „%3“ wechseln.")
                         .arg(vorlageId)
                         .arg(statusLabel(from), statusLabel(to))};
    if (to == Status::Beschlossen) {
        if (outcome == Outcome::Keins)
            outcome = Outcome::Unveraendert;
        const QDate session = sessionDate.isValid() ? sessionDate : v.sessionDate;
        if (!session.isValid())
            return Error{tr("Für „Beschlossen“ fehlt das Datum der Senatssitzung.")};
        v.sessionDate = session;
    } else if (outcome != Outcome::Keins) {
        return Error{tr("Ein Ergebnis der Sitzung gibt es nur mit dem Status „Beschlossen“.")};
    }
    auto values = figureValues(&v);
    if (!values)
        return Error{values.error()};
    if (to == Status::Beschlussreif || to == Status::Beschlossen) {
        QStringList errors;
        for (const Problem &p : validate(v, ressorts(), &values.value())) {
            if (p.severity == Problem::Severity::Error)
                errors << p.message;
        }
        if (!errors.isEmpty())
            return Error{tr("Vorlage %1 hat noch Fehler und kann nicht „%2“ werden:\n%3")
                             .arg(vorlageId)
                             .arg(statusLabel(to), errors.join(QLatin1Char('\n')))};
    }

    QString versionName;
    if (deferred) {
        versionName = tr("In der Sitzung am %1 zurückgestellt").arg(germanDate(v.sessionDate));
        to = from;
    } else {
        if (to == Status::Beschlossen) {
            // The decided version keeps the figure values it was decided with.
            freezeFigures(v, values.value());
            if (auto r = writeParts(v, v.id); !r)
                return r;
            versionName = tr("In der Senatssitzung am %1 beschlossen").arg(germanDate(v.sessionDate));
        } else {
            versionName = tr("Status: %1").arg(statusLabel(to));
        }
        v.status = to;
        v.outcome = outcome;
    }

    if (auto r = writeStatus(v, from, deferred ? Outcome::Zurueckgestellt : v.outcome, versionName); !r)
        return Error{r.error()};
    return tx.commit();
}

Result<qint64> Workspace::writeStatus(const Vorlage &v, Status from, Outcome recorded, const QString &versionName)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE vorlage SET status = ?, outcome = ?, session_date = ?, modified = ?, "
                             "modified_by = ?, revision = revision + 1 WHERE id = ?"));
    const QVariant session = v.sessionDate.isValid() ? QVariant(v.sessionDate.toString(Qt::ISODate)) : QVariant();
    for (const QVariant &value : {QVariant(statusKey(v.status)), QVariant(outcomeKey(v.outcome)), session,
                                  QVariant(nowText()), QVariant(orEmpty(mAuthor)), QVariant(v.id)})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Status ändern")); !r)
        return Error{r.error()};
    auto version = insertVersion(v, versionName, true);
    if (!version)
        return Error{version.error()};

    QSqlQuery c(database());
    c.prepare(QStringLiteral("INSERT INTO status_change (vorlage_id, from_status, to_status, outcome, session_date, "
                             "author, at, version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(v.id), QVariant(statusKey(from)), QVariant(statusKey(v.status)),
                                  QVariant(outcomeKey(recorded)), session, QVariant(orEmpty(mAuthor)),
                                  QVariant(nowText()), QVariant(version->id)})
        c.addBindValue(value);
    if (auto r = execQuery(c, tr("Statuswechsel festhalten")); !r)
        return Error{r.error()};
    return version->id;
}

Result<QList<Workspace::StatusChange>> Workspace::statusHistory(qint64 vorlageId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT c.from_status, c.to_status, c.outcome, c.session_date, c.author, c.at, v.number "
                             "FROM status_change c LEFT JOIN version v ON v.id = c.version_id "
                             "WHERE c.vorlage_id = ? ORDER BY c.id"));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Statusverlauf lesen")); !r)
        return Error{r.error()};
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

Result<void> Workspace::setObjectionResolved(qint64 vorlageId, const QString &participationId, bool resolved)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("UPDATE participation SET resolved = ? WHERE vorlage_id = ? AND id = ? AND state = ?"));
    for (const QVariant &value : {QVariant(resolved), QVariant(vorlageId), QVariant(participationId),
                                  QVariant(participationStateKey(Participation::State::Einwaende))})
        q.addBindValue(value);
    if (auto r = execQuery(q, tr("Einwände als ausgeräumt markieren")); !r)
        return r;
    if (q.numRowsAffected() != 1)
        return Error{tr("Vorlage %1 hat diese Einwände nicht.").arg(vorlageId)};
    QSqlQuery r(database());
    r.prepare(QStringLiteral("UPDATE vorlage SET revision = revision + 1, modified = ?, modified_by = ? WHERE id = ?"));
    for (const QVariant &value : {QVariant(nowText()), QVariant(orEmpty(mAuthor)), QVariant(vorlageId)})
        r.addBindValue(value);
    if (auto e = execQuery(r, tr("Einwände als ausgeräumt markieren")); !e)
        return e;
    return tx.commit();
}

Result<qint64> Workspace::addNeufassung(qint64 vorlageId)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    auto v = load(vorlageId);
    if (!v)
        return Error{v.error()};
    auto threads = annotations(vorlageId);
    if (!threads)
        return Error{threads.error()};
    const Vorlage draft = neufassung(v.value());
    auto id = insertInTransaction(draft);
    if (!id)
        return id;

    // The open threads go on to the draft, on the same places: the copy's questions and Beschluss items
    // have ids of their own, in the same order.
    QHash<QString, QString> itemIds;
    for (int i = 0; i < v->questions.size() && i < draft.questions.size(); ++i)
        itemIds.insert(v->questions[i].id, draft.questions[i].id);
    for (int i = 0; i < v->beschluss.size() && i < draft.beschluss.size(); ++i)
        itemIds.insert(v->beschluss[i].id, draft.beschluss[i].id);
    for (const Annotation &a : threads.value()) {
        if (!a.isOpen())
            continue;
        AnchorPlace place = a.anchor.place;
        if (!place.itemId.isEmpty())
            place.itemId = itemIds.value(place.itemId, place.itemId);
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT INTO annotation (vorlage_id, place, start, end, quote, detached, author, created, "
                                 "text, suggestion, replacement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(id.value()), QVariant(anchorPlaceKey(place)), QVariant(a.anchor.start),
                                      QVariant(a.anchor.end), QVariant(orEmpty(a.anchor.quote)), QVariant(a.anchor.detached),
                                      QVariant(orEmpty(a.author)), QVariant(a.created.toUTC().toString(Qt::ISODate)),
                                      QVariant(orEmpty(a.text)), QVariant(orEmpty(suggestionKey(a.suggestion))),
                                      QVariant(orEmpty(a.replacement))})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Kommentare übernehmen")); !r)
            return Error{r.error()};
        const qint64 copied = q.lastInsertId().toLongLong();
        for (const Reply &reply : a.replies) {
            QSqlQuery r(database());
            r.prepare(QStringLiteral("INSERT INTO annotation_reply (annotation_id, author, created, text) VALUES (?, ?, ?, ?)"));
            for (const QVariant &value : {QVariant(copied), QVariant(orEmpty(reply.author)),
                                          QVariant(reply.created.toUTC().toString(Qt::ISODate)), QVariant(orEmpty(reply.text))})
                r.addBindValue(value);
            if (auto e = execQuery(r, tr("Kommentare übernehmen")); !e)
                return Error{e.error()};
        }
    }
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return id;
}

// ---- Publication ---------------------------------------------------------------------------------

Result<Vorlage> Workspace::decidedVersion(qint64 vorlageId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT v.number FROM status_change c JOIN version v ON v.id = c.version_id "
                             "WHERE c.vorlage_id = ? AND c.to_status = ? ORDER BY c.id DESC LIMIT 1"));
    q.addBindValue(vorlageId);
    q.addBindValue(statusKey(Status::Beschlossen));
    if (auto r = execQuery(q, tr("Beschlossene Fassung suchen")); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Vorlage %1 ist nicht beschlossen: es gibt keine beschlossene Fassung.").arg(vorlageId)};
    return versionSnapshot(vorlageId, q.value(0).toInt());
}

Result<void> Workspace::recordPublication(qint64 vorlageId, const QString &sha512, const QString &package)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    auto loaded = load(vorlageId);
    if (!loaded)
        return Error{loaded.error()};
    Vorlage v = loaded.value();
    if (v.status != Status::Beschlossen && v.status != Status::Veroeffentlicht)
        return Error{tr("Vorlage %1 ist nicht beschlossen und kann nicht veröffentlicht werden.").arg(vorlageId)};
    const Status from = v.status;
    v.status = Status::Veroeffentlicht;
    auto version = writeStatus(v, from, v.outcome, tr("Veröffentlicht am %1").arg(germanDate(QDate::currentDate())));
    if (!version)
        return Error{version.error()};
    QSqlQuery p(database());
    p.prepare(QStringLiteral("INSERT INTO publication (vorlage_id, version_id, published_at, author, sha512, package) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value : {QVariant(vorlageId), QVariant(version.value()), QVariant(nowText()),
                                  QVariant(orEmpty(mAuthor)), QVariant(orEmpty(sha512)), QVariant(orEmpty(package))})
        p.addBindValue(value);
    if (auto r = execQuery(p, tr("Veröffentlichung festhalten")); !r)
        return r;
    return tx.commit();
}

Result<QList<Workspace::Publication>> Workspace::publications(qint64 vorlageId) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT published_at, author, sha512, package FROM publication WHERE vorlage_id = ? "
                             "ORDER BY id"));
    q.addBindValue(vorlageId);
    if (auto r = execQuery(q, tr("Veröffentlichungen lesen")); !r)
        return Error{r.error()};
    QList<Publication> result;
    while (q.next())
        result.append({timeFrom(q.value(0)), q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});
    return result;
}

Result<QStringList> Workspace::protectedPersons() const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT name FROM protected_person ORDER BY name"));
    if (auto r = execQuery(q, tr("Geschützte Namen lesen")); !r)
        return Error{r.error()};
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

Result<void> Workspace::setProtectedPersons(const QStringList &names)
{
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return r;
    QSqlQuery d(database());
    d.prepare(QStringLiteral("DELETE FROM protected_person"));
    if (auto r = execQuery(d, tr("Geschützte Namen schreiben")); !r)
        return r;
    for (const QString &name : names) {
        if (name.trimmed().isEmpty())
            continue;
        QSqlQuery q(database());
        q.prepare(QStringLiteral("INSERT OR IGNORE INTO protected_person (name) VALUES (?)"));
        q.addBindValue(name.trimmed());
        if (auto r = execQuery(q, tr("Geschützte Namen schreiben")); !r)
            return r;
    }
    return tx.commit();
}

// ---- Blobs ----------------------------------------------------------------------------------------

Result<QString> Workspace::storeBlob(const QByteArray &data)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    Transaction tx(database());
    if (auto r = begin(tx); !r)
        return Error{r.error()};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO blob (sha256, data) VALUES (?, ?)"));
    q.addBindValue(sha);
    q.addBindValue(data);
    if (auto r = execQuery(q, tr("Datei speichern")); !r)
        return Error{r.error()};
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return sha;
}

Result<QByteArray> Workspace::blob(const QString &sha256) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT data FROM blob WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (auto r = execQuery(q, tr("Datei lesen")); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Die Datei %1 fehlt im Arbeitsbereich.").arg(sha256.left(12))};
    return q.value(0).toByteArray();
}

} // namespace vw
