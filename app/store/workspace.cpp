#include "workspace.h"

#include "diskspace.h"
#include "migrations.h"
#include "searchindex.h"
#include "sqlitelocks.h"
#include "transaction.h"
#include "vorlagejson.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("vw-workspace-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate dateFrom(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// A failure while opening: on a full disk SQLite cannot even create the -wal and -shm it reads through.
QString openFailure(const QSqlError &error, const QString &path, const QString &message)
{
    return isDiskFullError(error, path) ? workspaceDiskFullMessage(path, true) : message;
}

struct Inspection {
    bool empty = false;
    int version = 0;
};

// Looks at a file without changing it: opened read-only through SQLite, no WAL switch, no migration. Never
// through another descriptor: the file may be open in this process, and a foreign close would cost locks.
Result<Inspection> inspect(const QString &path)
{
    const QString connection = newConnectionName();
    Result<Inspection> result = Inspection{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = Error{openFailure(db.lastError(), path,
                                       tr("%1 kann nicht geöffnet werden: %2").arg(path, db.lastError().text()))};
        } else {
            QSqlQuery q(db);
            bool ok = true;
            const auto number = [&q, &ok](const QString &sql) {
                ok = ok && q.exec(sql) && q.next();
                return ok ? q.value(0).toInt() : 0;
            };
            const int appId = number(QStringLiteral("PRAGMA application_id"));
            const int version = number(QStringLiteral("PRAGMA user_version"));
            const int tables = number(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
            if (!ok && q.lastError().nativeErrorCode() == QLatin1String("26")) { // SQLITE_NOTADB
                result = Error{tr("%1 ist kein Vorlagenwerk-Arbeitsbereich (keine SQLite-Datenbank).").arg(path)};
            } else if (!ok) {
                result = Error{openFailure(q.lastError(), path,
                                           tr("%1 ist beschädigt und kann nicht gelesen werden (%2). Die Datei "
                                              "wurde nicht verändert.")
                                               .arg(path, q.lastError().text()))};
            } else if (appId == 0 && version == 0 && tables == 0) {
                result = Inspection{true, 0};
            } else if (appId != Migrations::workspaceApplicationId()) {
                result = Error{tr("%1 ist eine SQLite-Datenbank, aber kein Vorlagenwerk-Arbeitsbereich. Die "
                                  "Datei wurde nicht verändert.")
                                   .arg(path)};
            } else if (version > Migrations::latestVersion()) {
                result = Error{tr("%1 wurde von einer neueren Version von Vorlagenwerk geschrieben "
                                  "(Schema %2, dieses Programm kennt bis %3). Bitte aktualisieren Sie "
                                  "Vorlagenwerk; die Datei wurde nicht verändert.")
                                   .arg(path)
                                   .arg(version)
                                   .arg(Migrations::latestVersion())};
            } else {
                result = Inspection{false, version};
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

Result<void> applyPragmas(QSqlDatabase db, const QString &path)
{
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return Error{openFailure(q.lastError(), path,
                                     tr("%1 fehlgeschlagen: %2").arg(QString::fromLatin1(pragma), q.lastError().text()))};
    }
    if (!q.exec(QStringLiteral("PRAGMA journal_mode")) || !q.next())
        return Error{openFailure(q.lastError(), path, tr("%1 kann nicht gelesen werden: %2").arg(path, q.lastError().text()))};
    if (q.value(0).toString() == QLatin1String("wal"))
        return {};
    // Switching to WAL rewrites the header: make sure first that the file is sound.
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok"))
        return Error{tr("%1 ist beschädigt und kann nicht gelesen werden. Die Datei wurde nicht verändert.").arg(path)};
    if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
        return Error{openFailure(q.lastError(), path,
                                 tr("%1 kann nicht eingerichtet werden: %2").arg(path, q.lastError().text()))};
    return {};
}

} // namespace

Workspace::Workspace(QString path, QString connection) : mPath(std::move(path)), mConnection(std::move(connection)) {}

Workspace::~Workspace()
{
    {
        QSqlDatabase db = QSqlDatabase::database(mConnection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(mConnection);
}

QString Workspace::defaultPath()
{
    // Independent of the application name, so that the app and the CLI share it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/vorlagenwerk/arbeitsbereich.vorlagen");
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, Mode mode,
                                                   const std::function<void(int, int)> &progress)
{
    installSqliteLocks();
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        return Error{tr("%1 ist keine Datei.").arg(path)};
    if (!info.exists() && mode == Mode::OpenExisting)
        return Error{tr("Den Arbeitsbereich %1 gibt es nicht.").arg(path)};
    if (info.exists()) {
        auto inspection = inspect(path);
        if (!inspection)
            return Error{inspection.error()};
        if (inspection->empty && mode == Mode::OpenExisting)
            return Error{tr("%1 ist leer und kein Vorlagenwerk-Arbeitsbereich.").arg(path)};
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{tr("Der Ordner %1 kann nicht angelegt werden.").arg(info.absolutePath())};
    }

    std::unique_ptr<Workspace> ws(new Workspace(path, newConnectionName()));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), ws->mConnection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Error{openFailure(db.lastError(), path,
                                 tr("%1 kann nicht geöffnet werden: %2").arg(path, db.lastError().text()))};
    if (auto r = applyPragmas(db, path); !r)
        return Error{r.error()};
    Workspace *w = ws.get();
    const auto fillSearchIndex = [w, &progress](int version) -> Result<void> {
        if (version != 6) // 0006_search.sql: its rows are rendered in C++
            return {};
        if (auto r = w->loadRessorts(); !r)
            return r;
        return SearchIndex::rebuild(*w, progress);
    };
    if (auto r = Migrations::apply(db, fillSearchIndex); !r)
        return Error{tr("%1 kann nicht eingerichtet werden: %2").arg(path, r.error())};
    if (auto r = ws->loadRessorts(); !r)
        return Error{r.error()};
    if (auto r = ws->repairSearchIndex(progress); !r)
        return Error{tr("%1: Der Suchindex kann nicht neu aufgebaut werden: %2").arg(path, r.error())};
    return ws;
}

QSqlDatabase Workspace::database() const
{
    return QSqlDatabase::database(mConnection, false);
}

Result<void> Workspace::loadRessorts()
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT ressort_key, name, valid_from, valid_to FROM ressort_name ORDER BY id"));
    if (auto r = execQuery(q, tr("Ressorts lesen")); !r)
        return r;
    QList<RessortName> entries;
    while (q.next())
        entries.append({q.value(0).toString(), q.value(1).toString(), dateFrom(q.value(2)), dateFrom(q.value(3))});
    mRessorts = RessortTable(entries);
    return {};
}

// A missing or damaged search index is rebuilt from the Vorlagen (nothing else is touched) and the user told.
Result<void> Workspace::repairSearchIndex(const std::function<void(int, int)> &progress)
{
    if (SearchIndex::isSound(database()))
        return {};
    Transaction tx(database());
    if (!tx.active())
        return Error{tx.error()};
    if (auto r = SearchIndex::rebuild(*this, progress); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return r;
    mOpenNotice = tr("Der Suchindex von %1 fehlte oder war beschädigt und wurde neu aufgebaut; die Vorlagen sind "
                     "unverändert.")
                      .arg(QDir::toNativeSeparators(mPath));
    return {};
}

QString Workspace::ressortName(const RessortRef &ref, const QDate &date) const
{
    return mRessorts.displayName(ref.key, ref.name, date);
}

Result<QList<VorlageSummary>> Workspace::list() const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT v.id, v.kind, v.paper_kind, v.status, v.title, v.date, v.session_date, v.modified, "
        "       r.ressort_key, r.name "
        "FROM vorlage v LEFT JOIN vorlage_ressort r ON r.vorlage_id = v.id AND r.position = "
        "  (SELECT position FROM vorlage_ressort x WHERE x.vorlage_id = v.id ORDER BY x.lead DESC, x.position LIMIT 1) "
        "ORDER BY v.session_date DESC, v.id"));
    if (auto r = execQuery(q, tr("Vorlagen auflisten")); !r)
        return Error{r.error()};
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
        s.modified = QDateTime::fromString(q.value(7).toString(), Qt::ISODate);
        if (!q.isNull(8))
            s.ressort = ressortName({q.value(8).toString(), q.value(9).toString(), true}, s.date);
        result.append(s);
    }
    return result;
}

Result<Vorlage> Workspace::load(qint64 id) const
{
    const QSqlDatabase db = database();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT kind, paper_kind, status, date, session_date, body, question_number, title, "
                             "subtitle, refs, file_code, question_signatories, modified, revision, fraktion, asked_on, "
                             "outcome, predecessor_id FROM vorlage WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = execQuery(q, tr("Vorlage %1 lesen").arg(id)); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Im Arbeitsbereich gibt es keine Vorlage mit der Nummer %1.").arg(id)};

    Vorlage v;
    v.id = id;
    const QString kind = q.value(0).toString();
    if (!kindFromKey(kind, &v.kind) || !paperKindFromKey(q.value(1).toString(), &v.paperKind)
        || !statusFromKey(q.value(2).toString(), &v.status))
        return Error{tr("Vorlage %1 ist beschädigt (unbekannte Art „%2“).").arg(id).arg(kind)};
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
    v.modified = QDateTime::fromString(q.value(12).toString(), Qt::ISODate);
    v.revision = q.value(13).toInt();
    v.fraktion = q.value(14).toString();
    v.askedOn = dateFrom(q.value(15));
    if (!outcomeFromKey(q.value(16).toString(), &v.outcome))
        return Error{tr("Vorlage %1 ist beschädigt (unbekanntes Ergebnis „%2“).").arg(id).arg(q.value(16).toString())};
    v.predecessorId = q.value(17).toLongLong();

    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT ressort_key, name, lead FROM vorlage_ressort WHERE vorlage_id = ? ORDER BY position"));
    r.addBindValue(id);
    if (auto e = execQuery(r, tr("Ressorts der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (r.next())
        v.ressorts.append({r.value(0).toString(), r.value(1).toString(), r.value(2).toBool()});

    QSqlQuery s(db);
    s.prepare(QStringLiteral("SELECT label, heading, content FROM section WHERE vorlage_id = ? ORDER BY position"));
    s.addBindValue(id);
    if (auto e = execQuery(s, tr("Abschnitte der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (s.next()) {
        Section section{s.value(0).toString(), s.value(1).toString(), {}};
        if (!contentFromJson(jsonArray(s.value(2)), &section.content))
            return Error{tr("Abschnitt %1 der Vorlage %2 ist beschädigt.").arg(section.label).arg(id)};
        v.sections.append(section);
    }

    QSqlQuery qu(db);
    qu.prepare(QStringLiteral("SELECT id, text, answer FROM question WHERE vorlage_id = ? ORDER BY position"));
    qu.addBindValue(id);
    if (auto e = execQuery(qu, tr("Fragen der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (qu.next()) {
        Question question{qu.value(0).toString(), paragraphFromJson(jsonArray(qu.value(1))), {}};
        if (!contentFromJson(jsonArray(qu.value(2)), &question.answer))
            return Error{tr("Eine Antwort der Vorlage %1 ist beschädigt.").arg(id)};
        v.questions.append(question);
    }

    QSqlQuery b(db);
    b.prepare(QStringLiteral(
        "SELECT id, text, ressort_key, due_date FROM beschluss_item WHERE vorlage_id = ? ORDER BY position"));
    b.addBindValue(id);
    if (auto e = execQuery(b, tr("Beschlusspunkte der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (b.next())
        v.beschluss.append({b.value(0).toString(), paragraphFromJson(jsonArray(b.value(1))), b.value(2).toString(),
                            dateFrom(b.value(3))});

    QSqlQuery p(db);
    p.prepare(QStringLiteral("SELECT id, ressort_key, name, state, date, text, resolved FROM participation "
                             "WHERE vorlage_id = ? ORDER BY position"));
    p.addBindValue(id);
    if (auto e = execQuery(p, tr("Beteiligung der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (p.next()) {
        Participation entry;
        entry.id = p.value(0).toString();
        entry.ressortKey = p.value(1).toString();
        entry.name = p.value(2).toString();
        if (!participationStateFromKey(p.value(3).toString(), &entry.state))
            return Error{tr("Die Beteiligung der Vorlage %1 ist beschädigt.").arg(id)};
        entry.date = dateFrom(p.value(4));
        entry.text = p.value(5).toString();
        entry.resolved = p.value(6).toBool();
        v.beteiligung.append(entry);
    }

    QSqlQuery a(db);
    a.prepare(QStringLiteral("SELECT id, title, file_name, media_type, sha256, size, text, internal, licence, accessible "
                             "FROM anlage WHERE vorlage_id = ? ORDER BY position"));
    a.addBindValue(id);
    if (auto e = execQuery(a, tr("Anlagen der Vorlage %1 lesen").arg(id)); !e)
        return Error{e.error()};
    while (a.next())
        v.anlagen.append({a.value(0).toString(), a.value(1).toString(), a.value(2).toString(), a.value(3).toString(),
                          a.value(4).toString(), a.value(5).toLongLong(), a.value(6).toString(), a.value(7).toBool(),
                          a.value(8).toString(), a.value(9).toBool()});
    return v;
}

Result<void> Workspace::writeParts(const Vorlage &v, qint64 id)
{
    const QSqlDatabase db = database();
    for (const char *table : {"vorlage_ressort", "section", "question", "beschluss_item", "participation", "anlage"}) {
        QSqlQuery del(db);
        del.prepare(QStringLiteral("DELETE FROM %1 WHERE vorlage_id = ?").arg(QString::fromLatin1(table)));
        del.addBindValue(id);
        if (auto r = execQuery(del, tr("Vorlage %1 schreiben").arg(id)); !r)
            return r;
    }
    for (int i = 0; i < v.ressorts.size(); ++i) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO vorlage_ressort (vorlage_id, position, ressort_key, name, lead) "
                                 "VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(id), QVariant(i), QVariant(text(v.ressorts[i].key)),
                                      QVariant(text(v.ressorts[i].name)), QVariant(v.ressorts[i].lead)})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Ressorts der Vorlage %1 schreiben").arg(id)); !r)
            return r;
    }
    for (int i = 0; i < v.sections.size(); ++i) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO section (vorlage_id, position, label, heading, content) "
                                 "VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(id), QVariant(i), QVariant(text(v.sections[i].label)),
                                      QVariant(text(v.sections[i].heading)),
                                      QVariant(jsonText(contentToJson(v.sections[i].content)))})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Abschnitt %1 schreiben").arg(v.sections[i].label)); !r)
            return r;
    }
    for (int i = 0; i < v.questions.size(); ++i) {
        const Question &question = v.questions[i];
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO question (id, vorlage_id, position, text, answer) VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(question.id.isEmpty() ? newItemId() : question.id), QVariant(id),
                                      QVariant(i), QVariant(jsonText(paragraphToJson(question.text))),
                                      QVariant(jsonText(contentToJson(question.answer)))})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Frage %1 schreiben").arg(i + 1)); !r)
            return r;
    }
    for (int i = 0; i < v.beschluss.size(); ++i) {
        const BeschlussItem &item = v.beschluss[i];
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO beschluss_item (id, vorlage_id, position, text, ressort_key, due_date) "
                                 "VALUES (?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(item.id.isEmpty() ? newItemId() : item.id), QVariant(id), QVariant(i),
                                      QVariant(jsonText(paragraphToJson(item.text))), QVariant(text(item.ressortKey)),
                                      QVariant(text(dateText(item.dueDate)))})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Beschlusspunkt %1 schreiben").arg(i + 1)); !r)
            return r;
    }
    for (int i = 0; i < v.beteiligung.size(); ++i) {
        const Participation &entry = v.beteiligung[i];
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO participation (id, vorlage_id, position, ressort_key, name, state, date, "
                                 "text, resolved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(entry.id.isEmpty() ? newItemId() : entry.id), QVariant(id), QVariant(i),
                                      QVariant(text(entry.ressortKey)), QVariant(text(entry.name)),
                                      QVariant(participationStateKey(entry.state)), QVariant(text(dateText(entry.date))),
                                      QVariant(text(entry.text)), QVariant(entry.resolved)})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Beteiligung schreiben")); !r)
            return r;
    }
    for (int i = 0; i < v.anlagen.size(); ++i) {
        const Anlage &anlage = v.anlagen[i];
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO anlage (id, vorlage_id, position, title, file_name, media_type, sha256, "
                                 "size, text, internal, licence, accessible) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value :
             {QVariant(anlage.id.isEmpty() ? newItemId() : anlage.id), QVariant(id), QVariant(i),
              QVariant(text(anlage.title)), QVariant(text(anlage.fileName)), QVariant(text(anlage.mediaType)),
              anlage.sha256.isEmpty() ? QVariant() : QVariant(anlage.sha256), QVariant(anlage.size),
              QVariant(text(anlage.text)), QVariant(anlage.internal), QVariant(text(anlage.licence)),
              QVariant(anlage.accessible)})
            q.addBindValue(value);
        if (auto r = execQuery(q, tr("Anlage „%1“ schreiben").arg(anlage.title)); !r)
            return r;
    }
    return {};
}

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

} // namespace

Result<qint64> Workspace::add(const Vorlage &vorlage)
{
    auto ids = addAll({vorlage});
    if (!ids)
        return Error{ids.error()};
    return ids->first();
}

Result<QList<qint64>> Workspace::addAll(const QList<Vorlage> &vorlagen)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    QList<qint64> ids;
    for (const Vorlage &vorlage : vorlagen) {
        auto id = insertInTransaction(vorlage);
        if (!id)
            return Error{id.error()};
        ids << id.value();
    }
    if (auto r = tx.commit(); !r)
        return Error{tr("Die Vorlage konnte nicht gespeichert werden: %1").arg(r.error())};
    return ids;
}

Result<qint64> Workspace::insertInTransaction(const Vorlage &vorlage)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO vorlage (kind, paper_kind, date, session_date, body, question_number, title, "
        "subtitle, refs, file_code, question_signatories, fraktion, asked_on, created, modified, modified_by, "
        "status, outcome, predecessor_id) VALUES (:kind, :paper_kind, :date, :session_date, :body, "
        ":question_number, :title, :subtitle, :refs, :file_code, :question_signatories, :fraktion, :asked_on, "
        ":modified, :modified, :modified_by, :status, :outcome, :predecessor)"));
    bindHeader(q, vorlage, now, mAuthor);
    q.bindValue(QStringLiteral(":status"), statusKey(vorlage.status));
    q.bindValue(QStringLiteral(":outcome"), outcomeKey(vorlage.outcome));
    q.bindValue(QStringLiteral(":predecessor"), vorlage.predecessorId ? QVariant(vorlage.predecessorId) : QVariant());
    if (auto r = execQuery(q, tr("Vorlage anlegen")); !r)
        return Error{r.error()};
    const qint64 id = q.lastInsertId().toLongLong();
    if (auto r = writeParts(vorlage, id); !r)
        return Error{r.error()};
    if (auto r = SearchIndex::writeStored(*this, id); !r)
        return Error{r.error()};
    return id;
}

Result<int> Workspace::save(const Vorlage &vorlage)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    auto revision = saveInTransaction(vorlage);
    if (!revision)
        return revision;
    if (auto r = tx.commit(); !r)
        return Error{r.error()};
    return revision;
}

// The status, the outcome and the predecessor are not written here: setStatus() and addNeufassung()
// own them. A decided Vorlage is refused; the anchors of its annotations move with the text.
Result<int> Workspace::saveInTransaction(const Vorlage &vorlage)
{
    auto before = load(vorlage.id);
    if (!before)
        return Error{before.error()};
    if (vorlage.revision != before->revision)
        return Error{conflictMessage(vorlage.id)};
    if (isReadOnly(before->status))
        return Error{readOnlyMessage(before.value())};

    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE vorlage SET kind = :kind, paper_kind = :paper_kind, date = :date, "
        "session_date = :session_date, body = :body, question_number = :question_number, title = :title, "
        "subtitle = :subtitle, refs = :refs, file_code = :file_code, question_signatories = :question_signatories, "
        "fraktion = :fraktion, asked_on = :asked_on, modified = :modified, modified_by = :modified_by, "
        "revision = revision + 1 WHERE id = :id"));
    bindHeader(q, vorlage, QDateTime::currentDateTimeUtc().toString(Qt::ISODate), mAuthor);
    q.bindValue(QStringLiteral(":id"), vorlage.id);
    if (auto r = execQuery(q, tr("Vorlage %1 schreiben").arg(vorlage.id)); !r)
        return Error{r.error()};
    if (auto r = writeParts(vorlage, vorlage.id); !r)
        return Error{r.error()};
    if (auto r = moveAnchors(before.value(), vorlage); !r)
        return Error{r.error()};
    if (auto r = SearchIndex::writeStored(*this, vorlage.id); !r)
        return Error{r.error()};
    return before->revision + 1;
}

QString Workspace::conflictMessage(qint64 id)
{
    return tr("Vorlage %1 wurde inzwischen an anderer Stelle geändert.").arg(id);
}

bool Workspace::isConflict(const QString &error, qint64 id)
{
    return error == conflictMessage(id);
}

Result<void> Workspace::remove(qint64 id)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    if (auto v = load(id); v && isReadOnly(v->status))
        return Error{readOnlyMessage(v.value())};
    if (auto r = SearchIndex::removeVorlage(database(), id); !r)
        return r;
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM vorlage WHERE id = ?"));
    q.addBindValue(id);
    if (auto r = execQuery(q, tr("Vorlage %1 löschen").arg(id)); !r)
        return r;
    return tx.commit();
}

} // namespace vw

namespace vw {

namespace {

Figure figureFrom(const QSqlQuery &q)
{
    Figure f;
    f.key = q.value(0).toString();
    f.label = q.value(1).toString();
    figureTypeFromKey(q.value(2).toString(), &f.type);
    f.value = q.value(3).toString();
    f.unit = q.value(4).toString();
    f.asOf = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    f.source = q.value(6).toString();
    f.ressortKey = q.value(7).toString();
    f.note = q.value(8).toString();
    f.millions = q.value(9).toBool();
    return f;
}

const QString figureColumns = QStringLiteral("key, label, type, value, unit, as_of, source, ressort_key, note, millions");

} // namespace

Result<QList<Figure>> Workspace::figures() const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM figure ORDER BY key").arg(figureColumns));
    if (auto r = execQuery(q, tr("Zahlen lesen")); !r)
        return Error{r.error()};
    QList<Figure> result;
    while (q.next())
        result.append(figureFrom(q));
    return result;
}

Result<Figure> Workspace::figure(const QString &key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT %1 FROM figure WHERE key = ?").arg(figureColumns));
    q.addBindValue(key);
    if (auto r = execQuery(q, tr("Zahl %1 lesen").arg(key)); !r)
        return Error{r.error()};
    if (!q.next())
        return Error{tr("Eine Zahl mit dem Schlüssel „%1“ gibt es im Arbeitsbereich nicht.").arg(key)};
    return figureFrom(q);
}

// The three statements a figure is written with, prepared once for a whole batch (100,000 figures).
struct Workspace::FigureStatements {
    explicit FigureStatements(const QSqlDatabase &db) : old(db), upsert(db), change(db)
    {
        old.prepare(QStringLiteral("SELECT value FROM figure WHERE key = ?"));
        upsert.prepare(QStringLiteral(
            "INSERT INTO figure (key, label, type, value, unit, as_of, source, ressort_key, note, millions, modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET label = excluded.label, "
            "type = excluded.type, value = excluded.value, unit = excluded.unit, as_of = excluded.as_of, "
            "source = excluded.source, ressort_key = excluded.ressort_key, note = excluded.note, "
            "millions = excluded.millions, modified = excluded.modified"));
        change.prepare(QStringLiteral(
            "INSERT INTO figure_change (figure_key, old_value, new_value, who, at) VALUES (?, ?, ?, ?, ?)"));
    }
    QSqlQuery old;
    QSqlQuery upsert;
    QSqlQuery change;
};

Result<void> Workspace::writeFigure(const Figure &f, const QString &who, const QString &now, FigureStatements &st)
{
    if (!isValidFigureKey(f.key))
        return Error{tr("„%1“ ist kein gültiger Schlüssel (Kleinbuchstaben, Ziffern und Bindestriche, "
                        "am Anfang ein Buchstabe).")
                         .arg(f.key)};
    if (!isCanonicalFigureValue(f.type, f.value))
        return Error{tr("Zahl %1: „%2“ ist kein Wert vom Typ %3.").arg(f.key, f.value, figureTypeLabel(f.type))};
    st.old.bindValue(0, f.key);
    if (auto r = execQuery(st.old, tr("Zahl %1 lesen").arg(f.key)); !r)
        return r;
    const bool exists = st.old.next();
    const QString oldValue = exists ? st.old.value(0).toString() : QString();
    st.old.finish();

    int i = 0;
    for (const QVariant &v : {QVariant(f.key), QVariant(text(f.label)), QVariant(figureTypeKey(f.type)), QVariant(f.value),
                              QVariant(text(f.unit)), QVariant(text(dateText(f.asOf))), QVariant(text(f.source)),
                              QVariant(text(f.ressortKey)), QVariant(text(f.note)), QVariant(f.millions), QVariant(now)})
        st.upsert.bindValue(i++, v);
    if (auto r = execQuery(st.upsert, tr("Zahl %1 schreiben").arg(f.key)); !r)
        return r;
    if (exists && oldValue == f.value)
        return {};
    i = 0;
    for (const QVariant &v : {QVariant(f.key), QVariant(text(oldValue)), QVariant(f.value), QVariant(text(who)), QVariant(now)})
        st.change.bindValue(i++, v);
    return execQuery(st.change, tr("Änderung der Zahl %1 festhalten").arg(f.key));
}

Result<void> Workspace::setFigure(const Figure &figure, const QString &who)
{
    return setFigures({figure}, who);
}

Result<void> Workspace::setFigures(const QList<Figure> &figures, const QString &who)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    FigureStatements statements(database());
    QStringList keys;
    for (const Figure &f : figures) {
        if (auto r = writeFigure(f, who, now, statements); !r)
            return r;
        keys << f.key;
    }
    if (auto r = SearchIndex::refreshFigures(*this, keys); !r)
        return r;
    return tx.commit();
}

Result<QList<FigureChange>> Workspace::figureHistory(const QString &key) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT old_value, new_value, who, at FROM figure_change WHERE figure_key = ? ORDER BY id"));
    q.addBindValue(key);
    if (auto r = execQuery(q, tr("Verlauf der Zahl %1 lesen").arg(key)); !r)
        return Error{r.error()};
    QList<FigureChange> result;
    while (q.next())
        result.append({key, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       QDateTime::fromString(q.value(3).toString(), Qt::ISODate)});
    return result;
}

Result<QList<Workspace::FigureUse>> Workspace::figureUses(const QString &key) const
{
    // Quotes are spans {"f": key} in the stored content JSON; answers print in B, Beschluss items in G.
    const QString needle = QStringLiteral("%\"f\":\"%1\"%").arg(key);
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "SELECT v.id, v.title, s.label FROM section s JOIN vorlage v ON v.id = s.vorlage_id WHERE s.content LIKE :n "
        "UNION SELECT v.id, v.title, (SELECT label FROM section x WHERE x.vorlage_id = v.id AND x.content LIKE "
        "'%\"answers\"%') FROM question qu JOIN vorlage v ON v.id = qu.vorlage_id WHERE qu.answer LIKE :n OR qu.text LIKE :n "
        "UNION SELECT v.id, v.title, (SELECT label FROM section x WHERE x.vorlage_id = v.id AND x.content LIKE "
        "'%\"beschluss\"%') FROM beschluss_item b JOIN vorlage v ON v.id = b.vorlage_id WHERE b.text LIKE :n "
        "ORDER BY 1, 3"));
    q.bindValue(QStringLiteral(":n"), needle);
    if (auto r = execQuery(q, tr("Verwendungen der Zahl %1 suchen").arg(key)); !r)
        return Error{r.error()};
    QList<FigureUse> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

QString Workspace::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM setting WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

Result<void> Workspace::setSetting(const QString &key, const QString &value)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (auto r = execQuery(q, tr("Einstellung %1 schreiben").arg(key)); !r)
        return r;
    return tx.commit();
}

NumberStyle Workspace::numberStyle() const
{
    NumberStyle style;
    style.groupFrom = setting(QStringLiteral("numberStyle.groupFrom"), QString::number(style.groupFrom)).toInt();
    return style;
}

Result<void> Workspace::setNumberStyle(const NumberStyle &style)
{
    return setSetting(QStringLiteral("numberStyle.groupFrom"), QString::number(style.groupFrom));
}

int Workspace::figureMaxAgeDays() const
{
    return setting(QStringLiteral("figures.maxAgeDays"), QStringLiteral("90")).toInt();
}

Result<void> Workspace::setFigureMaxAgeDays(int days)
{
    return setSetting(QStringLiteral("figures.maxAgeDays"), QString::number(days));
}

Result<FigureValues> Workspace::figureValues(const Vorlage *vorlage) const
{
    QList<Figure> list;
    if (!vorlage) {
        auto all = figures();
        if (!all)
            return Error{all.error()};
        list = all.value();
    } else {
        for (const QString &key : quotedFigureKeys(*vorlage)) {
            if (auto f = figure(key))
                list << f.value();
        }
    }
    return FigureValues(list, numberStyle(), figureMaxAgeDays());
}

} // namespace vw

// --- Workspace dictionary (spell check) ---------------------------------------------------------

namespace vw {

namespace {

Result<QString> dictionaryWord(const QString &word)
{
    const QString w = word.trimmed();
    if (w.isEmpty())
        return Error{tr("Das Wort ist leer.")};
    for (const QChar c : w) {
        if (c.isSpace())
            return Error{tr("„%1“ ist kein einzelnes Wort: Das Wörterbuch nimmt Wörter ohne Leerzeichen auf.").arg(w)};
    }
    if (w.size() > 100)
        return Error{tr("„%1…“ ist zu lang für ein Wort.").arg(w.left(30))};
    return w;
}

} // namespace

Result<QStringList> Workspace::dictionaryWords() const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT word FROM dictionary_word"));
    if (auto r = execQuery(q, tr("Wörterbuch des Arbeitsbereichs lesen")); !r)
        return Error{r.error()};
    QStringList words;
    while (q.next())
        words << q.value(0).toString();
    words.sort(Qt::CaseInsensitive);
    return words;
}

Result<void> Workspace::addDictionaryWord(const QString &word)
{
    auto w = dictionaryWord(word);
    if (!w)
        return Error{w.error()};
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO dictionary_word (word) VALUES (?)"));
    q.addBindValue(w.value());
    if (auto r = execQuery(q, tr("„%1“ ins Wörterbuch aufnehmen").arg(w.value())); !r)
        return r;
    return tx.commit();
}

Result<void> Workspace::removeDictionaryWord(const QString &word)
{
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("DELETE FROM dictionary_word WHERE word = ?"));
    q.addBindValue(word.trimmed());
    if (auto r = execQuery(q, tr("„%1“ aus dem Wörterbuch entfernen").arg(word.trimmed())); !r)
        return r;
    return tx.commit();
}

QStringList Workspace::standardDictionaryWords()
{
    // Terms of Bremen's administration the German dictionary lacks (or that must never be flagged):
    // the Ressorts' short names, places, bodies and companies often named in Vorlagen.
    return {
        QStringLiteral("ZGF"), QStringLiteral("SK"), QStringLiteral("SF"), QStringLiteral("SI"),
        QStringLiteral("SKB"), QStringLiteral("SJV"), QStringLiteral("SGFV"), QStringLiteral("SWHT"),
        QStringLiteral("SWAE"), QStringLiteral("SASJI"), QStringLiteral("SJIS"), QStringLiteral("SUKW"),
        QStringLiteral("SKUMS"), QStringLiteral("SBMS"), QStringLiteral("SWH"), QStringLiteral("SfK"),
        QStringLiteral("Senatskanzlei"), QStringLiteral("Bremerhaven"), QStringLiteral("Vegesack"),
        QStringLiteral("Deputation"), QStringLiteral("Deputationen"), QStringLiteral("Deputationsvorlage"),
        QStringLiteral("Drucksache"), QStringLiteral("Drucksachen"), QStringLiteral("Bürgerschaftsfraktion"),
        QStringLiteral("Bürgerschaftsfraktionen"), QStringLiteral("Stadtbürgerschaft"),
        QStringLiteral("Senatsressort"), QStringLiteral("Mitzeichnung"), QStringLiteral("BSAG"),
        QStringLiteral("GEWOBA"), QStringLiteral("Ortsamt"), QStringLiteral("Ortsämter"),
        QStringLiteral("bremisch"), QStringLiteral("bremische"), QStringLiteral("bremischen"),
        QStringLiteral("bremischer"), QStringLiteral("bremisches"), QStringLiteral("Bremerhavener"),
        QStringLiteral("Dataport"), QStringLiteral("DigitalPakt"),
    };
}

Result<void> Workspace::seedDictionary()
{
    const QString seededKey = QStringLiteral("dictionary.seeded");
    if (setting(seededKey, QString()) == QLatin1String("1"))
        return {};
    Transaction tx(database());
    if (!tx.active())
        return Error{tr("Der Arbeitsbereich kann nicht geschrieben werden: %1").arg(tx.error())};
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO dictionary_word (word) VALUES (?)"));
    for (const QString &word : standardDictionaryWords()) {
        q.addBindValue(word);
        if (auto r = execQuery(q, tr("Wörterbuch des Arbeitsbereichs anlegen")); !r)
            return r;
    }
    QSqlQuery s(database());
    s.prepare(QStringLiteral("INSERT INTO setting (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    s.addBindValue(seededKey);
    if (auto r = execQuery(s, tr("Wörterbuch des Arbeitsbereichs anlegen")); !r)
        return r;
    return tx.commit();
}

} // namespace vw
