#include "vorlagenrepository.h"

#include "database.h"
#include "figurerepository.h"
#include "placetext.h"
#include "reviewrepository.h"
#include "searchindex.h"
#include "sqlvalues.h"
#include "transaction.h"
#include "vorlagejson.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace vw {

using namespace sql;

namespace {

void bindHeader(QSqlQuery &q, const Vorlage &v, const QString &now, const QString &author)
{
    q.bindValue(QStringLiteral(":modified_by"), text(author));
    QJsonArray refs;
    for (const QString &ref : v.references)
        refs.append(ref);
    q.bindValue(QStringLiteral(":kind"), kindKey(v.kind));
    q.bindValue(QStringLiteral(":paper_kind"), paperKindKey(v.paperKind));
    q.bindValue(QStringLiteral(":date"), dateText(v.date));
    q.bindValue(QStringLiteral(":session_date"), dateText(v.sessionDate));
    q.bindValue(QStringLiteral(":body"), text(v.body));
    q.bindValue(QStringLiteral(":question_number"), text(v.questionNumber));
    q.bindValue(QStringLiteral(":title"), text(v.title));
    q.bindValue(QStringLiteral(":subtitle"), text(v.subtitle));
    q.bindValue(QStringLiteral(":refs"), jsonText(refs));
    q.bindValue(QStringLiteral(":file_code"), text(v.fileCode));
    q.bindValue(QStringLiteral(":question_signatories"), text(v.questionSignatories));
    q.bindValue(QStringLiteral(":fraktion"), text(v.fraktion));
    q.bindValue(QStringLiteral(":asked_on"), text(dateText(v.askedOn)));
    q.bindValue(QStringLiteral(":modified"), now);
}

template <typename T> qsizetype indexOfId(const QList<T> &list, const QString &id)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].id == id)
            return i;
    }
    return -1;
}

// Items are written by id; a list with a missing or repeated id (made outside the model's functions) is
// written as a whole.
template <typename T> bool hasUsableIds(const QList<T> &list)
{
    QSet<QString> ids;
    for (const T &item : list) {
        if (item.id.isEmpty() || ids.contains(item.id))
            return false;
        ids.insert(item.id);
    }
    return true;
}

Result<void> run(QSqlQuery &q, std::initializer_list<QVariant> values, const QString &what)
{
    for (const QVariant &value : values)
        q.addBindValue(value);
    return execQuery(q, what);
}

} // namespace

VorlagenRepository::VorlagenRepository(Database &db, const RessortTable &ressorts, const FigureRepository &figures)
    : mDb(db), mRessorts(ressorts), mFigures(figures)
{
}

QString VorlagenRepository::conflictMessage(qint64 id)
{
    return tr("Vorlage %1 wurde inzwischen an anderer Stelle geändert.").arg(id);
}

QString VorlagenRepository::refusedMessage(qint64 id)
{
    return tr("Vorlage %1 dürfen Sie nicht ändern: Sie gehört einem anderen Ressort, der Server lässt die Änderung "
              "nicht zu. Lesen und kommentieren können Sie sie.")
        .arg(id);
}

QString VorlagenRepository::readOnlyMessage(const Vorlage &vorlage)
{
    return tr("Vorlage %1 ist %2 und kann nicht mehr geändert werden. Für Änderungen legen Sie eine Neufassung an.")
        .arg(vorlage.id)
        .arg(statusLabel(vorlage.status).toLower());
}

// ---- Reading --------------------------------------------------------------------------------------

Result<QList<VorlageSummary>> VorlagenRepository::summaries(qint64 id) const
{
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT v.id, v.kind, v.paper_kind, v.status, v.title, v.date, v.session_date, v.modified, "
        "       r.ressort_key, r.name "
        "FROM vorlage v LEFT JOIN vorlage_ressort r ON r.vorlage_id = v.id AND r.position = "
        "  (SELECT position FROM vorlage_ressort x WHERE x.vorlage_id = v.id ORDER BY x.lead DESC, x.position LIMIT 1) "
        "%1 ORDER BY v.session_date DESC, v.id")
                  .arg(id ? QStringLiteral("WHERE v.id = ?") : QString()));
    if (id)
        q.addBindValue(id);
    if (auto r = execQuery(q, tr("Vorlagen auflisten")); !r)
        return r.failure();
    QList<VorlageSummary> result;
    while (q.next()) {
        VorlageSummary s;
        s.id = q.value(0).toLongLong();
        kindFromKey(q.value(1).toString(), &s.kind);
        paperKindFromKey(q.value(2).toString(), &s.paperKind);
        statusFromKey(q.value(3).toString(), &s.status);
        s.title = q.value(4).toString();
        s.date = dateFrom(q.value(5));
        s.sessionDate = dateFrom(q.value(6));
        s.modified = timeFrom(q.value(7));
        if (!q.isNull(8))
            s.ressort = mRessorts.displayName(q.value(8).toString(), q.value(9).toString(), s.date);
        result.append(s);
    }
    return result;
}

Result<QList<VorlageSummary>> VorlagenRepository::list() const
{
    return summaries(0);
}

Result<VorlageSummary> VorlagenRepository::summary(qint64 id) const
{
    auto rows = summaries(id);
    if (!rows)
        return rows.failure();
    if (rows->isEmpty())
        return Error{tr("Im Arbeitsbereich gibt es keine Vorlage mit der Nummer %1.").arg(id), ErrorCode::NotFound};
    return rows->first();
}

Result<Vorlage> VorlagenRepository::load(qint64 id) const
{
    const QSqlDatabase db = mDb.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, paper_kind, status, date, session_date, body, question_number, title, "
                             "subtitle, refs, file_code, question_signatories, modified, revision, fraktion, asked_on, "
                             "outcome, predecessor_id FROM vorlage WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = execQuery(q, tr("Vorlage %1 lesen").arg(id)); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Im Arbeitsbereich gibt es keine Vorlage mit der Nummer %1.").arg(id), ErrorCode::NotFound};

    const auto damaged = [id](const QString &what) {
        return Error{tr("Vorlage %1 ist beschädigt (%2).").arg(id).arg(what), ErrorCode::Damaged};
    };
    Vorlage v;
    v.id = id;
    const QString kind = q.value(0).toString();
    if (!kindFromKey(kind, &v.kind) || !paperKindFromKey(q.value(1).toString(), &v.paperKind)
        || !statusFromKey(q.value(2).toString(), &v.status))
        return damaged(tr("unbekannte Art „%1“").arg(kind));
    v.date = dateFrom(q.value(3));
    v.sessionDate = dateFrom(q.value(4));
    v.body = q.value(5).toString();
    v.questionNumber = q.value(6).toString();
    v.title = q.value(7).toString();
    v.subtitle = q.value(8).toString();
    for (const QJsonValue &ref : jsonArray(q.value(9)))
        v.references << ref.toString();
    v.fileCode = q.value(10).toString();
    v.questionSignatories = q.value(11).toString();
    v.modified = timeFrom(q.value(12));
    v.revision = q.value(13).toInt();
    v.fraktion = q.value(14).toString();
    v.askedOn = dateFrom(q.value(15));
    if (!outcomeFromKey(q.value(16).toString(), &v.outcome))
        return damaged(tr("unbekanntes Ergebnis „%1“").arg(q.value(16).toString()));
    v.predecessorId = q.value(17).toLongLong();

    const auto rows = [&db, id](const char *sql, const QString &what) -> Result<QSqlQuery> {
        QSqlQuery r(db);
        r.setForwardOnly(true);
        r.prepare(QString::fromLatin1(sql));
        r.addBindValue(id);
        if (auto e = execQuery(r, what); !e)
            return e.failure();
        return r;
    };
    auto r = rows("SELECT ressort_key, name, lead FROM vorlage_ressort WHERE vorlage_id = ? ORDER BY position",
                  tr("Ressorts der Vorlage %1 lesen").arg(id));
    if (!r)
        return r.failure();
    while (r->next())
        v.ressorts.append({r->value(0).toString(), r->value(1).toString(), r->value(2).toBool()});

    auto s = rows("SELECT label, heading, content FROM section WHERE vorlage_id = ? ORDER BY position",
                  tr("Abschnitte der Vorlage %1 lesen").arg(id));
    if (!s)
        return s.failure();
    while (s->next()) {
        Section section{s->value(0).toString(), s->value(1).toString(), {}};
        if (!contentFromJson(jsonArray(s->value(2)), &section.content))
            return damaged(tr("Abschnitt %1").arg(section.label));
        v.sections.append(section);
    }

    auto qu = rows("SELECT id, text, answer FROM question WHERE vorlage_id = ? ORDER BY position",
                   tr("Fragen der Vorlage %1 lesen").arg(id));
    if (!qu)
        return qu.failure();
    while (qu->next()) {
        Question question{qu->value(0).toString(), paragraphFromJson(jsonArray(qu->value(1))), {}};
        if (!contentFromJson(jsonArray(qu->value(2)), &question.answer))
            return damaged(tr("eine Antwort"));
        v.questions.append(question);
    }

    auto b = rows("SELECT id, text, ressort_key, due_date, quoted_from_vorlage, quoted_from_item FROM beschluss_item "
                  "WHERE vorlage_id = ? ORDER BY position",
                  tr("Beschlusspunkte der Vorlage %1 lesen").arg(id));
    if (!b)
        return b.failure();
    while (b->next())
        v.beschluss.append({b->value(0).toString(), paragraphFromJson(jsonArray(b->value(1))), b->value(2).toString(),
                            dateFrom(b->value(3)), b->value(4).toLongLong(), b->value(5).toString()});

    auto p = rows("SELECT id, ressort_key, name, state, date, text, resolved FROM participation "
                  "WHERE vorlage_id = ? ORDER BY position",
                  tr("Beteiligung der Vorlage %1 lesen").arg(id));
    if (!p)
        return p.failure();
    while (p->next()) {
        Participation entry;
        entry.id = p->value(0).toString();
        entry.ressortKey = p->value(1).toString();
        entry.name = p->value(2).toString();
        if (!participationStateFromKey(p->value(3).toString(), &entry.state))
            return damaged(tr("Beteiligung"));
        entry.date = dateFrom(p->value(4));
        entry.text = p->value(5).toString();
        entry.resolved = p->value(6).toBool();
        v.beteiligung.append(entry);
    }

    auto a = rows("SELECT id, title, file_name, media_type, sha256, size, text, internal, licence, accessible "
                  "FROM anlage WHERE vorlage_id = ? ORDER BY position",
                  tr("Anlagen der Vorlage %1 lesen").arg(id));
    if (!a)
        return a.failure();
    while (a->next())
        v.anlagen.append({a->value(0).toString(), a->value(1).toString(), a->value(2).toString(), a->value(3).toString(),
                          a->value(4).toString(), a->value(5).toLongLong(), a->value(6).toString(), a->value(7).toBool(),
                          a->value(8).toString(), a->value(9).toBool()});
    return v;
}

// ---- Writing the parts ----------------------------------------------------------------------------

Result<void> VorlagenRepository::deleteRows(const char *table, qint64 vorlageId, const QString &id)
{
    QSqlQuery del(mDb.connection());
    del.prepare(QStringLiteral("DELETE FROM %1 WHERE vorlage_id = ?%2")
                    .arg(QString::fromLatin1(table), id.isNull() ? QString() : QStringLiteral(" AND id = ?")));
    del.addBindValue(vorlageId);
    if (!id.isNull())
        del.addBindValue(id);
    return execQuery(del, tr("Vorlage %1 schreiben").arg(vorlageId));
}

Result<void> VorlagenRepository::writeRessorts(const Vorlage &v)
{
    if (auto r = deleteRows("vorlage_ressort", v.id); !r)
        return r;
    for (int i = 0; i < v.ressorts.size(); ++i) {
        QSqlQuery q(mDb.connection());
        q.prepare(QStringLiteral("INSERT INTO vorlage_ressort (vorlage_id, position, ressort_key, name, lead) "
                                 "VALUES (?, ?, ?, ?, ?)"));
        if (auto r = run(q, {v.id, i, text(v.ressorts[i].key), text(v.ressorts[i].name), flag(v.ressorts[i].lead)},
                         tr("Ressorts der Vorlage %1 schreiben").arg(v.id));
            !r)
            return r;
    }
    return {};
}

// The sections at `positions` (all of them: empty list and no section rows yet, or a changed order).
Result<void> VorlagenRepository::writeSections(const Vorlage &v, const QList<int> &positions)
{
    for (const int i : positions) {
        QSqlQuery q(mDb.connection());
        q.prepare(QStringLiteral("INSERT INTO section (vorlage_id, position, label, heading, content) VALUES (?, ?, ?, ?, ?) "
                                 "ON CONFLICT (vorlage_id, position) DO UPDATE SET label = excluded.label, "
                                 "heading = excluded.heading, content = excluded.content"));
        const Section &s = v.sections[i];
        if (auto r = run(q, {v.id, i, text(s.label), text(s.heading), jsonText(contentToJson(s.content))},
                         tr("Abschnitt %1 schreiben").arg(s.label));
            !r)
            return r;
    }
    return {};
}

Result<void> VorlagenRepository::insertQuestion(const Vorlage &v, int i)
{
    const Question &question = v.questions[i];
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO question (id, vorlage_id, position, text, answer) VALUES (?, ?, ?, ?, ?)"));
    return run(q, {question.id.isEmpty() ? newItemId() : question.id, v.id, i, jsonText(paragraphToJson(question.text)),
                   jsonText(contentToJson(question.answer))},
               tr("Frage %1 schreiben").arg(i + 1));
}

Result<void> VorlagenRepository::insertBeschluss(const Vorlage &v, int i)
{
    const BeschlussItem &item = v.beschluss[i];
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO beschluss_item (id, vorlage_id, position, text, ressort_key, due_date, "
                             "quoted_from_vorlage, quoted_from_item) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    return run(q, {item.id.isEmpty() ? newItemId() : item.id, v.id, i, jsonText(paragraphToJson(item.text)),
                   text(item.ressortKey), text(dateText(item.dueDate)), item.quotedFromVorlage,
                   text(item.quotedFromItem)},
               tr("Beschlusspunkt %1 schreiben").arg(i + 1));
}

Result<void> VorlagenRepository::insertParticipation(const Vorlage &v, int i)
{
    const Participation &entry = v.beteiligung[i];
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO participation (id, vorlage_id, position, ressort_key, name, state, date, "
                             "text, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return run(q, {entry.id.isEmpty() ? newItemId() : entry.id, v.id, i, text(entry.ressortKey), text(entry.name),
                   participationStateKey(entry.state), text(dateText(entry.date)), text(entry.text), flag(entry.resolved)},
               tr("Beteiligung schreiben"));
}

Result<void> VorlagenRepository::insertAnlage(const Vorlage &v, int i)
{
    const Anlage &anlage = v.anlagen[i];
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO anlage (id, vorlage_id, position, title, file_name, media_type, sha256, "
                             "size, text, internal, licence, accessible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return run(q, {anlage.id.isEmpty() ? newItemId() : anlage.id, v.id, i, text(anlage.title), text(anlage.fileName),
                   text(anlage.mediaType), anlage.sha256.isEmpty() ? QVariant() : QVariant(anlage.sha256), anlage.size,
                   text(anlage.text), flag(anlage.internal), text(anlage.licence), flag(anlage.accessible)},
               tr("Anlage „%1“ schreiben").arg(anlage.title));
}

// A Beteiligung entry that stayed in its position is updated in the columns that changed, not rewritten: a
// reviewing Ressort may answer (state, date, text) but neither add nor remove entries (on a server, the
// server's rights). Those ids are taken out of `changed`; writeItems() writes the rest.
Result<void> VorlagenRepository::updateParticipation(const Vorlage &before, const Vorlage &after, QSet<QString> *changed)
{
    if (!hasUsableIds(after.beteiligung) || !hasUsableIds(before.beteiligung))
        return {};
    for (auto it = changed->begin(); it != changed->end();) {
        const qsizetype i = indexOfId(after.beteiligung, *it);
        if (i < 0 || indexOfId(before.beteiligung, *it) != i) {
            ++it;
            continue;
        }
        const Participation &old = before.beteiligung[i];
        const Participation &now = after.beteiligung[i];
        QStringList columns;
        QVariantList values;
        const auto column = [&](bool differs, const char *name, const QVariant &value) {
            if (differs) {
                columns << QString::fromLatin1(name) + QStringLiteral(" = ?");
                values << value;
            }
        };
        column(old.ressortKey != now.ressortKey, "ressort_key", text(now.ressortKey));
        column(old.name != now.name, "name", text(now.name));
        column(old.state != now.state, "state", participationStateKey(now.state));
        column(old.date != now.date, "date", text(dateText(now.date)));
        column(old.text != now.text, "text", text(now.text));
        column(old.resolved != now.resolved, "resolved", flag(now.resolved));
        if (!columns.isEmpty()) {
            QSqlQuery q(mDb.connection());
            q.prepare(QStringLiteral("UPDATE participation SET %1 WHERE vorlage_id = ? AND id = ?").arg(columns.join(QStringLiteral(", "))));
            for (const QVariant &value : values)
                q.addBindValue(value);
            q.addBindValue(after.id);
            q.addBindValue(now.id);
            if (auto r = execQuery(q, tr("Beteiligung schreiben")); !r)
                return r;
            if (q.numRowsAffected() != 1) // the server's row-level security: another Ressort's entry
                return Error{tr("Die Beteiligung „%1“ dürfen Sie nicht ändern: Sie antworten nur für Ihr eigenes Ressort.")
                                 .arg(mRessorts.displayName(now.ressortKey, now.name, after.date)),
                             ErrorCode::Refused};
        }
        it = changed->erase(it);
    }
    return {};
}

// The rows of one list: those of the changed ids (deleted, then inserted where the item still is), or, for
// a list whose ids cannot be trusted, all of them.
template <typename T>
Result<void> VorlagenRepository::writeItems(const Vorlage &v, const QList<T> &list, const QSet<QString> &changed,
                                            const char *table, Insert insert)
{
    if (changed.isEmpty())
        return {};
    if (!hasUsableIds(list)) {
        if (auto r = deleteRows(table, v.id); !r)
            return r;
        for (int i = 0; i < list.size(); ++i) {
            if (auto r = (this->*insert)(v, i); !r)
                return r;
        }
        return {};
    }
    for (const QString &id : changed) {
        if (auto r = deleteRows(table, v.id, id); !r)
            return r;
        if (const qsizetype i = indexOfId(list, id); i >= 0) {
            if (auto r = (this->*insert)(v, int(i)); !r)
                return r;
        }
    }
    return {};
}

Result<void> VorlagenRepository::writePlaces(const Vorlage &before, const Vorlage &after, const QList<Place> &places)
{
    QSet<QString> questions, beschluss, participation, anlagen;
    QList<int> sections;
    bool allSections = before.sections.size() != after.sections.size();
    for (const Place &p : places) {
        switch (p.kind) {
        case Place::Kind::Header:
            if (p.field == QLatin1String("ressorts")) {
                if (auto r = writeRessorts(after); !r)
                    return r;
            }
            break; // the other header fields are columns of the vorlage row, written with the revision
        case Place::Kind::Section: {
            const qsizetype i = std::find_if(after.sections.cbegin(), after.sections.cend(),
                                             [&p](const Section &s) { return s.label == p.field; })
                                - after.sections.cbegin();
            if (i < after.sections.size() && i < before.sections.size() && before.sections[i].label == p.field)
                sections << int(i);
            else
                allSections = true;
            break;
        }
        case Place::Kind::Question:
        case Place::Kind::Answer:
            questions.insert(p.itemId);
            break;
        case Place::Kind::Beschluss:
            beschluss.insert(p.itemId);
            break;
        case Place::Kind::Beteiligung:
            participation.insert(p.itemId);
            break;
        case Place::Kind::Anlage:
            anlagen.insert(p.itemId);
            break;
        }
    }
    if (allSections) {
        if (auto r = deleteRows("section", after.id); !r)
            return r;
        sections.clear();
        for (int i = 0; i < after.sections.size(); ++i)
            sections << i;
    }
    if (auto r = writeSections(after, sections); !r)
        return r;
    if (auto r = writeItems(after, after.questions, questions, "question", &VorlagenRepository::insertQuestion); !r)
        return r;
    if (auto r = writeItems(after, after.beschluss, beschluss, "beschluss_item", &VorlagenRepository::insertBeschluss); !r)
        return r;
    if (auto r = updateParticipation(before, after, &participation); !r)
        return r;
    if (auto r = writeItems(after, after.beteiligung, participation, "participation",
                            &VorlagenRepository::insertParticipation);
        !r)
        return r;
    return writeItems(after, after.anlagen, anlagen, "anlage", &VorlagenRepository::insertAnlage);
}

// ---- Adding, saving, removing ---------------------------------------------------------------------

Result<QList<qint64>> VorlagenRepository::addAll(const QList<Vorlage> &vorlagen)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    QList<qint64> ids;
    for (const Vorlage &vorlage : vorlagen) {
        auto id = insertInTransaction(vorlage);
        if (!id)
            return id.failure();
        ids << id.value();
    }
    if (auto r = tx.commit(); !r)
        return Error{tr("Die Vorlage konnte nicht gespeichert werden: %1").arg(r.error()), r.code()};
    return ids;
}

Result<qint64> VorlagenRepository::insertInTransaction(const Vorlage &vorlage)
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO vorlage (kind, paper_kind, date, session_date, body, question_number, title, "
        "subtitle, refs, file_code, question_signatories, fraktion, asked_on, created, modified, modified_by, "
        "status, outcome, predecessor_id) VALUES (:kind, :paper_kind, :date, :session_date, :body, "
        ":question_number, :title, :subtitle, :refs, :file_code, :question_signatories, :fraktion, :asked_on, "
        ":modified, :modified, :modified_by, :status, :outcome, :predecessor) RETURNING id"));
    bindHeader(q, vorlage, nowText(), mDb.author());
    q.bindValue(QStringLiteral(":status"), statusKey(vorlage.status));
    q.bindValue(QStringLiteral(":outcome"), outcomeKey(vorlage.outcome));
    q.bindValue(QStringLiteral(":predecessor"), vorlage.predecessorId ? QVariant(vorlage.predecessorId) : QVariant());
    if (auto r = execQuery(q, tr("Vorlage anlegen")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Vorlage anlegen: keine Nummer erhalten.")};
    Vorlage stored = vorlage;
    stored.id = q.value(0).toLongLong();
    q.finish();
    // Items get their ids here, so that the rows and the index name them alike.
    const auto ensureIds = [](auto &list) {
        for (auto &item : list) {
            if (item.id.isEmpty())
                item.id = newItemId();
        }
    };
    ensureIds(stored.questions);
    ensureIds(stored.beschluss);
    ensureIds(stored.beteiligung);
    ensureIds(stored.anlagen);
    // Everything is new: every place of an empty Vorlage has changed.
    Vorlage empty;
    empty.id = stored.id;
    empty.kind = stored.kind;
    if (auto r = writePlaces(empty, stored, changedPlaces(empty, stored)); !r)
        return r.failure();
    if (auto r = indexWhole(stored); !r)
        return r.failure();
    return stored.id;
}

Result<int> VorlagenRepository::save(const Vorlage &vorlage, const Vorlage *base)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    auto revision = saveInTransaction(vorlage, base);
    if (!revision)
        return revision;
    if (auto r = tx.commit(); !r)
        return r.failure();
    return revision;
}

// The status, the outcome and the predecessor are not written here: setStatus() and addNeufassung()
// own them. The revision check and the refusal of a decided Vorlage are one conditional UPDATE; only when
// it changes no row is the reason looked up.
Result<int> VorlagenRepository::saveInTransaction(const Vorlage &vorlage, const Vorlage *base)
{
    Result<Vorlage> loaded = Error{};
    if (!base) {
        loaded = load(vorlage.id);
        if (!loaded)
            return loaded.failure();
        base = &loaded.value();
    }
    const QList<Place> places = changedPlaces(*base, vorlage);
    // The header's columns only when one of them changed: who may not change them (a reviewer saving its
    // Beteiligung, on a server) still records the save in the row.
    const bool headerChanged = std::any_of(places.cbegin(), places.cend(), [](const Place &p) {
        return p.kind == Place::Kind::Header && p.field != QLatin1String("ressorts");
    });
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("UPDATE vorlage SET %1modified = :modified, modified_by = :modified_by, "
                             "revision = revision + 1 WHERE id = :id AND revision = :revision AND status NOT IN (:decided, :published)")
                  .arg(headerChanged ? QStringLiteral("kind = :kind, paper_kind = :paper_kind, date = :date, "
                                                      "session_date = :session_date, body = :body, question_number = :question_number, "
                                                      "title = :title, subtitle = :subtitle, refs = :refs, file_code = :file_code, "
                                                      "question_signatories = :question_signatories, fraktion = :fraktion, "
                                                      "asked_on = :asked_on, ")
                                     : QString()));
    if (headerChanged) {
        bindHeader(q, vorlage, nowText(), mDb.author());
    } else {
        q.bindValue(QStringLiteral(":modified"), nowText());
        q.bindValue(QStringLiteral(":modified_by"), text(mDb.author()));
    }
    q.bindValue(QStringLiteral(":id"), vorlage.id);
    q.bindValue(QStringLiteral(":revision"), vorlage.revision);
    q.bindValue(QStringLiteral(":decided"), statusKey(Status::Beschlossen));
    q.bindValue(QStringLiteral(":published"), statusKey(Status::Veroeffentlicht));
    if (auto r = execQuery(q, tr("Vorlage %1 schreiben").arg(vorlage.id)); !r)
        return r.failure();
    if (q.numRowsAffected() != 1) {
        auto stored = load(vorlage.id);
        if (!stored)
            return stored.failure();
        if (isReadOnly(stored->status))
            return Error{readOnlyMessage(stored.value()), ErrorCode::ReadOnly};
        // Unchanged since it was loaded, and yet no row: the server's row-level security hid it from the UPDATE.
        if (stored->revision == vorlage.revision)
            return Error{refusedMessage(vorlage.id), ErrorCode::Refused};
        return Error{conflictMessage(vorlage.id), ErrorCode::Conflict};
    }
    if (auto r = writePlaces(*base, vorlage, places); !r)
        return r.failure();
    if (auto r = ReviewRepository::moveAnchors(mDb, *base, vorlage, places); !r)
        return r.failure();
    if (auto r = indexPlaces(vorlage, places); !r)
        return r.failure();
    return vorlage.revision + 1;
}

Result<void> VorlagenRepository::remove(qint64 id)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    auto v = load(id);
    if (!v)
        return v.failure();
    if (isReadOnly(v->status))
        return Error{readOnlyMessage(v.value()), ErrorCode::ReadOnly};
    if (auto r = SearchIndex::removeVorlage(mDb.connection(), id); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("DELETE FROM vorlage WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = execQuery(q, tr("Vorlage %1 löschen").arg(id)); !r)
        return r;
    return tx.commit();
}

// ---- Search index ---------------------------------------------------------------------------------

Result<void> VorlagenRepository::indexWhole(const Vorlage &vorlage)
{
    auto figures = mFigures.figureValues(&vorlage);
    if (!figures)
        return figures.failure();
    return SearchIndex::writeVorlage(mDb.connection(), vorlage, figures.value(), &mRessorts);
}

// The index rows of the changed places, and of the figure labels the Vorlage quotes. Items without usable ids
// got new ones in the store: then the whole Vorlage is indexed as stored.
Result<void> VorlagenRepository::indexPlaces(const Vorlage &vorlage, const QList<Place> &places)
{
    if (places.isEmpty())
        return {};
    if (!hasUsableIds(vorlage.questions) || !hasUsableIds(vorlage.beschluss) || !hasUsableIds(vorlage.beteiligung)
        || !hasUsableIds(vorlage.anlagen)) {
        auto stored = load(vorlage.id);
        if (!stored)
            return stored.failure();
        return indexWhole(stored.value());
    }
    // The figures the Vorlage quotes are a place of the index too; a Beteiligung answer quotes none (and a
    // reviewing Ressort, on a server, may write only its answer's entry).
    QSet<QString> keys;
    for (const Place &p : places) {
        keys.insert(placeKey(p));
        if (p.kind != Place::Kind::Beteiligung)
            keys.insert(QStringLiteral("figures"));
    }
    auto figures = mFigures.figureValues(&vorlage);
    if (!figures)
        return figures.failure();
    QList<PlaceText> texts;
    for (const PlaceText &t : placeTexts(vorlage, figures.value(), &mRessorts)) {
        if (keys.remove(t.key))
            texts << t;
    }
    if (auto r = SearchIndex::writePlaces(mDb.connection(), vorlage.id, texts); !r)
        return r;
    // What is left has no text now (a deleted question, an emptied subtitle).
    return SearchIndex::removePlaces(mDb.connection(), vorlage.id, QStringList(keys.cbegin(), keys.cend()));
}

Result<void> VorlagenRepository::reindex(const QList<qint64> &ids)
{
    for (const qint64 id : ids) {
        auto stored = load(id);
        if (!stored)
            return stored.failure();
        if (auto r = indexWhole(stored.value()); !r)
            return r;
    }
    return {};
}

Result<void> VorlagenRepository::rebuildSearchIndex(const std::function<void(int, int)> &progress)
{
    if (auto r = SearchIndex::recreate(mDb.connection()); !r)
        return r;
    QSqlQuery q(mDb.connection());
    if (!q.exec(QStringLiteral("SELECT id FROM vorlage ORDER BY id")))
        return sqlFailure(q.lastError(), q.driver(), tr("Vorlagen für den Suchindex lesen"));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    for (int i = 0; i < ids.size(); ++i) {
        if (progress)
            progress(i, int(ids.size()));
        // A Vorlage that cannot be read (damaged JSON) stays unindexed rather than keep the workspace from
        // opening; load() reports it when someone opens it.
        auto stored = load(ids[i]);
        if (!stored)
            continue;
        if (auto r = indexWhole(stored.value()); !r)
            return r;
    }
    if (progress)
        progress(int(ids.size()), int(ids.size()));
    return {};
}

Result<QList<SearchHit>> VorlagenRepository::search(const SearchQuery &query) const
{
    return SearchIndex::search(mDb.connection(), query);
}

// ---- Blobs ----------------------------------------------------------------------------------------

Result<QString> VorlagenRepository::storeBlob(const QByteArray &data)
{
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r.failure();
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO blob (sha256, data) VALUES (?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(sha);
    q.addBindValue(data);
    if (auto r = execQuery(q, tr("Datei speichern")); !r)
        return r.failure();
    if (auto r = tx.commit(); !r)
        return r.failure();
    return sha;
}

Result<QByteArray> VorlagenRepository::blob(const QString &sha256) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT data FROM blob WHERE sha256 = ?"));
    q.addBindValue(sha256);
    if (auto r = execQuery(q, tr("Datei lesen")); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Die Datei %1 fehlt im Arbeitsbereich.").arg(sha256.left(12)), ErrorCode::NotFound};
    return q.value(0).toByteArray();
}

} // namespace vw
