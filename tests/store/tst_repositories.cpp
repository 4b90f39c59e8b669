// The store's parts each on their own (Database and one repository per concern), and the place-level
// save: a save writes the rows of the places that changed and no other.
#include "publishdemo.h"

#include "database.h"
#include "figurerepository.h"
#include "publicationrepository.h"
#include "reviewrepository.h"
#include "settingsrepository.h"
#include "versionrepository.h"
#include "vorlagejson.h"
#include "vorlagenrepository.h"
#include "workspace.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

using namespace vw;

namespace {

std::unique_ptr<Database> openDatabase(const QTemporaryDir &dir)
{
    auto db = Database::openFile(dir.filePath(QStringLiteral("ws.vorlagen")), Database::Mode::CreateIfMissing);
    REQUIRE(db.ok());
    return std::move(db.value());
}

// Every row of every table of the Vorlagen, as text, keyed by table and primary key.
QMap<QString, QString> rows(const QSqlDatabase &db)
{
    QMap<QString, QString> result;
    for (const char *table : {"vorlage", "vorlage_ressort", "section", "question", "beschluss_item", "participation",
                              "anlage", "annotation"}) {
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT rowid, * FROM %1").arg(QLatin1String(table))));
        while (q.next()) {
            QStringList values;
            for (int i = 1; i < q.record().count(); ++i)
                values << q.record().fieldName(i) + QLatin1Char('=') + q.value(i).toString();
            result.insert(QStringLiteral("%1/%2").arg(QLatin1String(table), q.value(0).toString()),
                          values.join(QLatin1Char('|')));
        }
    }
    return result;
}

// The keys of the rows that differ between two states (changed, added or removed).
QStringList changedRows(const QMap<QString, QString> &before, const QMap<QString, QString> &after)
{
    QStringList keys;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (after.value(it.key()) != it.value())
            keys << it.key();
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            keys << it.key();
    }
    return keys;
}

QString rowKey(const QSqlDatabase &db, const QString &table, const QString &where, const QVariantList &values)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT rowid FROM %1 WHERE %2").arg(table, where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    REQUIRE(q.exec());
    REQUIRE(q.next());
    return QStringLiteral("%1/%2").arg(table, q.value(0).toString());
}

Paragraph plain(const char *text)
{
    return Paragraph::plain(QString::fromUtf8(text));
}

} // namespace

TEST_CASE("the Vorlagen repository stores, lists and loads on its own", "[store][repositories]")
{
    QTemporaryDir dir;
    auto db = openDatabase(dir);
    SettingsRepository settings(*db);
    auto ressorts = settings.ressorts();
    REQUIRE(ressorts.ok());
    FigureRepository figures(*db, settings);
    VorlagenRepository vorlagen(*db, ressorts.value(), figures);
    const QList<Vorlage> demo = demoVorlagen();
    auto ids = vorlagen.addAll(demo);
    REQUIRE(ids.ok());
    REQUIRE(ids->size() == 2);

    auto loaded = vorlagen.load(ids->at(1));
    REQUIRE(loaded.ok());
    CHECK(loaded->title == demo[1].title);
    CHECK(loaded->beschluss == demo[1].beschluss);
    CHECK(loaded->sections == demo[1].sections);
    auto summary = vorlagen.summary(ids->at(1));
    REQUIRE(summary.ok());
    CHECK(summary->title == demo[1].title);
    CHECK(summary->ressort == QStringLiteral("Die Senatorin für Kinder und Bildung"));
    auto list = vorlagen.list();
    REQUIRE(list.ok());
    CHECK(list->contains(summary.value()));

    // A Beschluss item taken from another Vorlage keeps its source, in the store and in the JSON form.
    Vorlage quoting = loaded.value();
    quoting.beschluss[0].quotedFromVorlage = ids->at(0);
    quoting.beschluss[0].quotedFromItem = QStringLiteral("b-src");
    REQUIRE(vorlagen.save(quoting, &loaded.value()).ok());
    auto reloaded = vorlagen.load(ids->at(1));
    REQUIRE(reloaded.ok());
    CHECK(reloaded->beschluss[0].quotedFromVorlage == ids->at(0));
    CHECK(reloaded->beschluss[0].quotedFromItem == QStringLiteral("b-src"));
    CHECK(reloaded->beschluss[1].quotedFromVorlage == 0);
    auto fromJson = vorlageFromJson(vorlageToJson(reloaded.value()));
    REQUIRE(fromJson.ok());
    CHECK(fromJson->beschluss == reloaded->beschluss);

    CHECK(vorlagen.load(999).code() == ErrorCode::NotFound);
    CHECK(vorlagen.summary(999).code() == ErrorCode::NotFound);
    REQUIRE(vorlagen.remove(ids->at(0)).ok());
    CHECK(vorlagen.list()->size() == 1);
}

TEST_CASE("the settings and figure repositories work without a Workspace", "[store][repositories]")
{
    QTemporaryDir dir;
    auto db = openDatabase(dir);
    SettingsRepository settings(*db);
    FigureRepository figures(*db, settings);
    REQUIRE(settings.setNumberStyle(NumberStyle{0}).ok());
    CHECK(settings.numberStyle().groupFrom == 0);
    REQUIRE(settings.addDictionaryWord(QStringLiteral("Homeoffice")).ok());
    CHECK(settings.dictionaryWords()->contains(QStringLiteral("Homeoffice")));
    CHECK(settings.addDictionaryWord(QStringLiteral("zwei Wörter")).code() == ErrorCode::Invalid);

    Figure f;
    f.key = QStringLiteral("geraete");
    f.label = QStringLiteral("Geräte");
    f.type = FigureType::Integer;
    f.value = QStringLiteral("91430");
    REQUIRE(figures.setFigure(f, QStringLiteral("Test")).ok());
    CHECK(figures.figure(QStringLiteral("geraete"))->value == QStringLiteral("91430"));
    CHECK(figures.figure(QStringLiteral("fehlt")).code() == ErrorCode::NotFound);
    f.value = QStringLiteral("9,5 Stück");
    CHECK(figures.setFigure(f, QStringLiteral("Test")).code() == ErrorCode::Invalid);
    // The number style of the settings repository is the one values are printed in (never grouped here).
    CHECK(figures.figureValues()->text(QStringLiteral("geraete")) == QStringLiteral("91430"));
}

TEST_CASE("the review, version and publication repositories work on their own", "[store][repositories]")
{
    QTemporaryDir dir;
    auto db = openDatabase(dir);
    db->setAuthor(QStringLiteral("Frau Test"));
    SettingsRepository settings(*db);
    auto ressorts = settings.ressorts();
    REQUIRE(ressorts.ok());
    FigureRepository figures(*db, settings);
    VorlagenRepository vorlagen(*db, ressorts.value(), figures);
    ReviewRepository review(*db, vorlagen);
    VersionRepository versions(*db, vorlagen, figures, review, ressorts.value());
    PublicationRepository publications(*db, vorlagen, versions);

    auto ids = vorlagen.addAll({demoVorlagen()[1]});
    REQUIRE(ids.ok());
    const qint64 id = ids->first();
    REQUIRE(figures.setFigures(demoFigures().all(), QStringLiteral("Test")).ok());
    const Vorlage v = vorlagen.load(id).value();

    Annotation comment;
    comment.vorlageId = id;
    comment.anchor = {Place{Place::Kind::Header, QStringLiteral("title"), {}}, 0, 7, v.title.left(7), false};
    comment.text = QStringLiteral("Titel kürzen?");
    auto annotationId = review.addAnnotation(comment);
    REQUIRE(annotationId.ok());
    CHECK(review.annotation(annotationId.value())->author == QStringLiteral("Frau Test"));
    CHECK(review.annotation(4711).code() == ErrorCode::NotFound);

    REQUIRE(versions.addVersion(id, QStringLiteral("zur Mitzeichnung")).ok());
    CHECK(versions.versions(id)->size() == 1);
    CHECK(versions.addVersion(id, QString()).code() == ErrorCode::Invalid);
    CHECK(versions.setStatus(id, Status::Veroeffentlicht).code() == ErrorCode::Invalid);

    REQUIRE(review.setResolved(annotationId.value(), true).ok());
    REQUIRE(versions.setStatus(id, Status::InAbstimmung).ok());
    REQUIRE(versions.setStatus(id, Status::Beschlussreif).ok());
    REQUIRE(versions.setStatus(id, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    CHECK(vorlagen.load(id)->status == Status::Beschlossen);
    REQUIRE(publications.recordPublication(id, QStringLiteral("abc"), QStringLiteral("/tmp/paket")).ok());
    CHECK(publications.publications(id)->size() == 1);
    CHECK(vorlagen.load(id)->status == Status::Veroeffentlicht);
}

TEST_CASE("a save writes only the rows of the places that changed", "[store][repositories]")
{
    QTemporaryDir dir;
    auto opened = Workspace::open(dir.filePath(QStringLiteral("ws.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(opened.ok());
    Workspace &ws = *opened.value();
    const QList<Vorlage> demo = demoVorlagen();
    auto ids = ws.addAll(demo);
    REQUIRE(ids.ok());
    const QSqlDatabase db = ws.database();
    const Vorlage fragestunde = ws.load(ids->at(0)).value();
    const Vorlage beschluss = ws.load(ids->at(1)).value();
    // A comment on the other answer must not move.
    Annotation comment;
    comment.vorlageId = fragestunde.id;
    const Question &second = fragestunde.questions.at(1);
    const Place secondAnswer{Place::Kind::Answer, {}, second.id};
    auto anchor = findAnchor(fragestunde, secondAnswer, anchorText(fragestunde, secondAnswer).left(12));
    REQUIRE(anchor.ok());
    comment.anchor = anchor.value();
    comment.text = QStringLiteral("Quelle?");
    REQUIRE(ws.addAnnotation(comment).ok());
    const auto before = rows(db);

    SECTION("a section")
    {
        Vorlage changed = beschluss;
        Section *b = changed.section(QStringLiteral("B"));
        REQUIRE(b);
        b->content.first().paragraph.append(Span{QStringLiteral(" Ergänzt.")});
        auto revision = ws.save(changed, &beschluss);
        REQUIRE(revision.ok());
        CHECK(revision.value() == beschluss.revision + 1);
        const int position = int(changed.sections.indexOf(*b));
        CHECK(changedRows(before, rows(db))
              == QStringList{rowKey(db, QStringLiteral("section"), QStringLiteral("vorlage_id = ? AND position = ?"),
                                    {beschluss.id, position}),
                             rowKey(db, QStringLiteral("vorlage"), QStringLiteral("id = ?"), {beschluss.id})});
        CHECK(ws.load(beschluss.id).value().sections == changed.sections);
    }
    SECTION("one answer")
    {
        Vorlage changed = fragestunde;
        changed.questions[0].answer.first().paragraph.append(Span{QStringLiteral(" Ergänzt.")});
        REQUIRE(ws.save(changed, &fragestunde).ok());
        // The question's row is deleted and inserted again (a new rowid); nothing else but the header row changes.
        const auto after = rows(db);
        const QString header = rowKey(db, QStringLiteral("vorlage"), QStringLiteral("id = ?"), {fragestunde.id});
        const QStringList changedKeys = changedRows(before, after);
        CHECK(changedKeys.contains(header));
        for (const QString &key : changedKeys) {
            if (key != header)
                CHECK(before.value(key, after.value(key)).contains(QStringLiteral("id=") + changed.questions[0].id));
        }
        CHECK(after.size() == before.size());
        const Vorlage stored = ws.load(fragestunde.id).value();
        CHECK(stored.questions == changed.questions);
        CHECK(ws.annotations(fragestunde.id)->first().anchor == comment.anchor);
    }
    SECTION("a Beschluss item, without a base (read first)")
    {
        Vorlage changed = beschluss;
        changed.beschluss.last().text = plain("Der Senat nimmt Kenntnis.");
        REQUIRE(ws.save(changed).ok());
        for (const QString &key : changedRows(before, rows(db)))
            CHECK((key.startsWith(QLatin1String("beschluss_item/")) || key == rowKey(db, QStringLiteral("vorlage"),
                                                                                  QStringLiteral("id = ?"), {beschluss.id})));
        CHECK(ws.load(beschluss.id).value().beschluss == changed.beschluss);
    }
    SECTION("nothing changed: only the revision")
    {
        REQUIRE(ws.save(beschluss, &beschluss).ok());
        CHECK(changedRows(before, rows(db))
              == QStringList{rowKey(db, QStringLiteral("vorlage"), QStringLiteral("id = ?"), {beschluss.id})});
    }
}

TEST_CASE("conflicts and decided Vorlagen are refused by error code, and change nothing", "[store][repositories]")
{
    QTemporaryDir dir;
    auto opened = Workspace::open(dir.filePath(QStringLiteral("ws.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(opened.ok());
    Workspace &ws = *opened.value();
    auto id = ws.add(demoVorlagen()[1]);
    REQUIRE(id.ok());
    REQUIRE(ws.setFigures(demoFigures().all(), QStringLiteral("Test")).ok());
    const Vorlage mine = ws.load(id.value()).value();

    Vorlage theirs = mine;
    theirs.title = QStringLiteral("Ihre Fassung");
    REQUIRE(ws.save(theirs, &mine).ok());
    const auto stored = rows(ws.database());

    Vorlage late = mine;
    late.title = QStringLiteral("Meine Fassung");
    auto conflict = ws.save(late, &mine);
    CHECK(conflict.code() == ErrorCode::Conflict);
    CHECK(rows(ws.database()) == stored);

    Vorlage current = ws.load(id.value()).value();
    REQUIRE(ws.setStatus(id.value(), Status::InAbstimmung).ok());
    REQUIRE(ws.setStatus(id.value(), Status::Beschlussreif).ok());
    REQUIRE(ws.setStatus(id.value(), Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    current = ws.load(id.value()).value();
    const auto decided = rows(ws.database());
    current.title = QStringLiteral("Nachträglich");
    auto readOnly = ws.save(current);
    CHECK(readOnly.code() == ErrorCode::ReadOnly);
    CHECK(ws.save(current, &current).code() == ErrorCode::ReadOnly);
    CHECK(ws.remove(id.value()).code() == ErrorCode::ReadOnly);
    CHECK(rows(ws.database()) == decided);

    Vorlage gone = current;
    gone.id = 4711;
    CHECK(ws.save(gone).code() == ErrorCode::NotFound);
}
