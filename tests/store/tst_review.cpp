// The review part of the workspace: annotations whose anchors follow edits, immutable versions,
// status changes, read-only decided Vorlagen, Neufassungen and the publication record.

#include "testdemo.h"

#include "demo.h"
#include "vorlagejson.h"
#include "workspace.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace vw;

namespace {

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;
    qint64 id = 0; // the demo Beschlussvorlage

    Fixture()
    {
        auto opened = openOrCreateWithDemo(dir.filePath(QStringLiteral("w.vorlagen")));
        REQUIRE(opened.ok());
        ws = std::move(opened.value());
        ws->setAuthor(QStringLiteral("Erika Prüferin"));
        auto rows = ws->list();
        REQUIRE(rows.ok());
        for (const VorlageSummary &s : rows.value()) {
            if (s.kind == VorlageKind::Beschlussvorlage)
                id = s.id;
        }
        REQUIRE(id != 0);
    }

    Vorlage load() const
    {
        auto v = ws->load(id);
        REQUIRE(v.ok());
        return v.value();
    }

    qint64 comment(const QString &section, const QString &quote, const QString &text = QStringLiteral("Bitte prüfen"))
    {
        auto anchor = findAnchor(load(), {Place::Kind::Section, section, {}}, quote);
        REQUIRE(anchor.ok());
        Annotation a;
        a.vorlageId = id;
        a.anchor = anchor.value();
        a.text = text;
        auto created = ws->addAnnotation(a);
        REQUIRE(created.ok());
        return created.value();
    }

    Annotation annotation(qint64 annotationId) const
    {
        auto a = ws->annotation(annotationId);
        REQUIRE(a.ok());
        return a.value();
    }

    // Changes the first paragraph of a section's text and saves, as the editor's autosave does.
    void editFirstParagraph(const QString &section, const std::function<void(QString &)> &edit)
    {
        Vorlage v = load();
        Paragraph &p = v.section(section)->content.first().paragraph;
        QString text = p.plainText();
        edit(text);
        p = Paragraph::plain(text);
        REQUIRE(ws->save(v).ok());
    }

    void decide()
    {
        REQUIRE(ws->setStatus(id, Status::InAbstimmung).ok());
        REQUIRE(ws->setStatus(id, Status::Beschlussreif).ok());
        const auto r = ws->setStatus(id, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert);
        INFO((r.ok() ? QString() : r.error()).toStdString());
        REQUIRE(r.ok());
    }
};

QString anchoredText(const Vorlage &v, const Anchor &a)
{
    return anchorText(v, a.place).mid(a.start, a.end - a.start);
}

} // namespace

TEST_CASE("a comment stays on its words when text is typed before it and is detached when they go", "[store][review]")
{
    Fixture f;
    const qint64 c = f.comment(QStringLiteral("C"), QStringLiteral("Entschädigung"));
    Annotation a = f.annotation(c);
    CHECK(a.author == QStringLiteral("Erika Prüferin"));
    CHECK(a.created.isValid());
    CHECK(anchoredText(f.load(), a.anchor) == QStringLiteral("Entschädigung"));

    f.editFirstParagraph(QStringLiteral("C"), [](QString &t) { t.prepend(QStringLiteral("Vorab: ")); });
    a = f.annotation(c);
    CHECK_FALSE(a.anchor.detached);
    CHECK(a.anchor.start > 7);
    CHECK(anchoredText(f.load(), a.anchor) == QStringLiteral("Entschädigung"));

    // Editing another section leaves it alone.
    f.editFirstParagraph(QStringLiteral("A"), [](QString &t) { t.append(QStringLiteral(" Ergänzt.")); });
    CHECK(f.annotation(c).anchor == a.anchor);

    f.editFirstParagraph(QStringLiteral("C"), [](QString &t) { t.replace(QStringLiteral("Entschädigung"), QStringLiteral("Pauschale")); });
    a = f.annotation(c);
    CHECK(a.anchor.detached);
    CHECK(a.anchor.quote == QStringLiteral("Entschädigung"));
}

TEST_CASE("replies, resolving and reopening are recorded with who and when", "[store][review]")
{
    Fixture f;
    const qint64 c = f.comment(QStringLiteral("A"), QStringLiteral("Lehrkräfte"));
    f.ws->setAuthor(QStringLiteral("Max Sachbearbeiter"));
    REQUIRE(f.ws->addReply(c, QStringLiteral("Erledigt in B")).ok());
    REQUIRE_FALSE(f.ws->addReply(c, QStringLiteral("  ")).ok());
    REQUIRE(f.ws->setResolved(c, true).ok());
    Annotation a = f.annotation(c);
    REQUIRE(a.replies.size() == 1);
    CHECK(a.replies.first().author == QStringLiteral("Max Sachbearbeiter"));
    CHECK(a.resolved);
    CHECK(a.resolvedBy == QStringLiteral("Max Sachbearbeiter"));
    CHECK_FALSE(a.isOpen());
    REQUIRE(f.ws->setResolved(c, false).ok());
    CHECK(f.annotation(c).isOpen());
    CHECK_FALSE(f.ws->setResolved(9999, true).ok());
}

TEST_CASE("an accepted suggestion replaces its words, a rejected one changes nothing", "[store][review]")
{
    Fixture f;
    auto anchor = findAnchor(f.load(), {Place::Kind::Section, QStringLiteral("A"), {}}, QStringLiteral("nicht länger tragbar"));
    REQUIRE(anchor.ok());
    Annotation s;
    s.vorlageId = f.id;
    s.anchor = anchor.value();
    s.suggestion = Annotation::Suggestion::Open;
    s.replacement = QStringLiteral("nicht mehr vertretbar");
    auto accepted = f.ws->addAnnotation(s);
    s.replacement = QStringLiteral("untragbar");
    auto rejected = f.ws->addAnnotation(s);
    REQUIRE(accepted.ok());
    REQUIRE(rejected.ok());

    REQUIRE(f.ws->decideSuggestion(rejected.value(), Annotation::Suggestion::Rejected).ok());
    CHECK(f.annotation(rejected.value()).suggestion == Annotation::Suggestion::Rejected);
    CHECK(contentPlainText(f.load().section(QStringLiteral("A"))->content).contains(QStringLiteral("nicht länger tragbar")));

    REQUIRE(f.ws->acceptSuggestion(accepted.value()).ok());
    const QString text = contentPlainText(f.load().section(QStringLiteral("A"))->content);
    CHECK(text.contains(QStringLiteral("nicht mehr vertretbar")));
    CHECK_FALSE(text.contains(QStringLiteral("tragbar.")));
    const Annotation a = f.annotation(accepted.value());
    CHECK(a.suggestion == Annotation::Suggestion::Accepted);
    CHECK(a.decidedBy == QStringLiteral("Erika Prüferin"));
    // Accepting twice is refused.
    CHECK_FALSE(f.ws->acceptSuggestion(accepted.value()).ok());
}

TEST_CASE("a comment on words that are not at the place is refused", "[store][review]")
{
    Fixture f;
    Annotation a;
    a.vorlageId = f.id;
    a.anchor = {{Place::Kind::Section, QStringLiteral("C"), {}}, 0, 5, QStringLiteral("Falsch"), false};
    a.text = QStringLiteral("x");
    CHECK_FALSE(f.ws->addAnnotation(a).ok());
    a.anchor.place.field = QStringLiteral("Z");
    CHECK_FALSE(f.ws->addAnnotation(a).ok());
    CHECK(f.ws->annotations(f.id)->isEmpty());
}

TEST_CASE("versions are frozen snapshots that nobody can change", "[store][review]")
{
    Fixture f;
    auto v1 = f.ws->addVersion(f.id, QStringLiteral("zur Mitzeichnung"));
    REQUIRE(v1.ok());
    CHECK(v1->number == 1);
    CHECK(v1->author == QStringLiteral("Erika Prüferin"));
    CHECK_FALSE(f.ws->addVersion(f.id, QStringLiteral(" ")).ok());
    const Vorlage before = f.load();

    f.editFirstParagraph(QStringLiteral("A"), [](QString &t) { t.append(QStringLiteral(" Neu.")); });
    auto snapshot = f.ws->versionSnapshot(f.id, 1);
    REQUIRE(snapshot.ok());
    CHECK(snapshot->section(QStringLiteral("A"))->content == before.section(QStringLiteral("A"))->content);

    QSqlQuery q(f.ws->database());
    CHECK_FALSE(q.exec(QStringLiteral("UPDATE version SET name = 'x', snapshot = '{}'")));
    CHECK_FALSE(q.exec(QStringLiteral("DELETE FROM version")));
    auto again = f.ws->versions(f.id);
    REQUIRE(again->size() == 1);
    CHECK(again->first().name == QStringLiteral("zur Mitzeichnung"));
    CHECK(f.ws->versionSnapshot(f.id, 1)->section(QStringLiteral("A"))->content
          == before.section(QStringLiteral("A"))->content);

    // A restored version is a new draft; the Vorlage itself is unchanged.
    auto restored = f.ws->restoreVersion(f.id, 1);
    REQUIRE(restored.ok());
    const Vorlage draft = f.ws->load(restored.value()).value();
    CHECK(draft.status == Status::Entwurf);
    CHECK(draft.predecessorId == f.id);
    CHECK(draft.section(QStringLiteral("A"))->content == before.section(QStringLiteral("A"))->content);
    CHECK(f.load().section(QStringLiteral("A"))->content != before.section(QStringLiteral("A"))->content);
}

TEST_CASE("status changes follow the process, are recorded and make versions", "[store][review]")
{
    Fixture f;
    CHECK_FALSE(f.ws->setStatus(f.id, Status::Beschlossen, QDate(2020, 11, 17)).ok());
    CHECK_FALSE(f.ws->setStatus(f.id, Status::Veroeffentlicht).ok());
    REQUIRE(f.ws->setStatus(f.id, Status::InAbstimmung).ok());
    REQUIRE(f.ws->setStatus(f.id, Status::Entwurf).ok()); // sent back
    REQUIRE(f.ws->setStatus(f.id, Status::InAbstimmung).ok());
    REQUIRE(f.ws->setStatus(f.id, Status::Beschlussreif).ok());

    // Deferred: the session is recorded, the Vorlage stays Beschlussreif.
    const auto deferred = f.ws->setStatus(f.id, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Zurueckgestellt);
    INFO((deferred.ok() ? QString() : deferred.error()).toStdString());
    REQUIRE(deferred.ok());
    CHECK(f.load().status == Status::Beschlussreif);

    Vorlage noDate = f.load();
    noDate.sessionDate = QDate();
    REQUIRE(f.ws->save(noDate).ok());
    CHECK_FALSE(f.ws->setStatus(f.id, Status::Beschlossen).ok());
    REQUIRE(f.ws->setStatus(f.id, Status::Beschlossen, QDate(2020, 11, 24), Outcome::Geaendert).ok());
    const Vorlage decided = f.load();
    CHECK(decided.status == Status::Beschlossen);
    CHECK(decided.outcome == Outcome::Geaendert);
    CHECK(decided.sessionDate == QDate(2020, 11, 24));

    auto history = f.ws->statusHistory(f.id);
    REQUIRE(history.ok());
    REQUIRE(history->size() == 6);
    CHECK(history->at(4).outcome == Outcome::Zurueckgestellt);
    CHECK(history->last().to == Status::Beschlossen);
    CHECK(history->last().author == QStringLiteral("Erika Prüferin"));
    auto versions = f.ws->versions(f.id);
    REQUIRE(versions->size() == 6);
    CHECK(versions->last().automatic);
    CHECK(history->last().versionNumber == versions->last().number);
    auto decidedVersion = f.ws->decidedVersion(f.id);
    REQUIRE(decidedVersion.ok());
    CHECK(decidedVersion->status == Status::Beschlossen);

    // No way back after the decision.
    CHECK_FALSE(f.ws->setStatus(f.id, Status::Beschlussreif).ok());
}

TEST_CASE("a Vorlage with errors cannot become Beschlussreif", "[store][review]")
{
    Fixture f;
    Vorlage v = f.load();
    v.title.clear();
    REQUIRE(f.ws->save(v).ok());
    REQUIRE(f.ws->setStatus(f.id, Status::InAbstimmung).ok());
    const auto r = f.ws->setStatus(f.id, Status::Beschlussreif);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(QStringLiteral("Fehler")));
    CHECK(f.load().status == Status::InAbstimmung);
}

TEST_CASE("a decided Vorlage refuses every change and keeps its figure values", "[store][review]")
{
    Fixture f;
    const qint64 c = f.comment(QStringLiteral("C"), QStringLiteral("Entschädigung"));
    Vorlage withObjection = f.load();
    Participation p;
    p.id = newItemId();
    p.name = QStringLiteral("Gesamtpersonalrat");
    p.state = Participation::State::Einwaende;
    p.text = QStringLiteral("Mitbestimmung fehlt");
    withObjection.beteiligung << p;
    REQUIRE(f.ws->save(withObjection).ok());
    f.decide();
    const Vorlage decided = f.load();
    const auto refusedSave = [&](const std::function<void(Vorlage &)> &change) {
        Vorlage v = decided;
        change(v);
        const auto r = f.ws->save(v);
        CHECK_FALSE(r.ok());
        if (!r.ok())
            CHECK(r.error() == Workspace::readOnlyMessage(decided));
    };
    refusedSave([](Vorlage &v) { v.title = QStringLiteral("Anders"); });
    refusedSave([](Vorlage &v) { v.sections.first().content.clear(); });
    refusedSave([](Vorlage &v) { v.beteiligung.clear(); });
    refusedSave([](Vorlage &v) { v.anlagen.append(Anlage{}); });
    CHECK_FALSE(f.ws->remove(f.id).ok());
    Annotation a = f.annotation(c);
    a.id = 0;
    CHECK_FALSE(f.ws->addAnnotation(a).ok());
    CHECK_FALSE(f.ws->setStatus(f.id, Status::Entwurf).ok());
    CHECK(f.load() == decided);

    // Resolving comments and settling objections stay possible: they are records, not text.
    CHECK(f.ws->setResolved(c, true).ok());
    CHECK(f.ws->setObjectionResolved(f.id, p.id, true).ok());
    CHECK(f.load().beteiligung.first().resolved);
    CHECK_FALSE(f.ws->setObjectionResolved(f.id, QStringLiteral("nope"), true).ok());

    // Figures quoted by the decided version keep their values.
    const QStringList keys = quotedFigureKeys(decided);
    if (!keys.isEmpty()) {
        auto figure = f.ws->figure(keys.first());
        REQUIRE(figure.ok());
        Figure changed = figure.value();
        changed.value = QStringLiteral("8000000.00");
        const auto set = f.ws->setFigure(changed, QStringLiteral("t"));
        INFO((set.ok() ? QString() : set.error()).toStdString());
        REQUIRE(set.ok());
        auto values = f.ws->figureValues();
        const QString printed = sectionPlainText(f.load(), f.load().sections.first(), &values.value());
        CHECK(printed == sectionPlainText(decided, decided.sections.first(), &values.value()));
    }
}

TEST_CASE("an open suggestion of a decided Vorlage can still be rejected, never accepted", "[store][review]")
{
    Fixture f;
    auto anchor = findAnchor(f.load(), {Place::Kind::Section, QStringLiteral("C"), {}}, QStringLiteral("Entschädigung"));
    REQUIRE(anchor.ok());
    Annotation s;
    s.vorlageId = f.id;
    s.anchor = anchor.value();
    s.suggestion = Annotation::Suggestion::Open;
    s.replacement = QStringLiteral("Prämie");
    const qint64 left = f.ws->addAnnotation(s).value();
    const qint64 other = f.ws->addAnnotation(s).value();
    f.decide();
    const Vorlage decided = f.load();

    // Accepting would change the decided text: refused, in both ways.
    CHECK_FALSE(f.ws->acceptSuggestion(left).ok());
    CHECK_FALSE(f.ws->decideSuggestion(left, Annotation::Suggestion::Accepted).ok());
    CHECK(f.annotation(left).isOpen());

    // Rejecting leaves the text: allowed, recorded with who and when, and no longer open.
    const auto rejected = f.ws->decideSuggestion(left, Annotation::Suggestion::Rejected);
    INFO((rejected.ok() ? QString() : rejected.error()).toStdString());
    REQUIRE(rejected.ok());
    const Annotation a = f.annotation(left);
    CHECK(a.suggestion == Annotation::Suggestion::Rejected);
    CHECK(a.decidedBy == QStringLiteral("Erika Prüferin"));
    CHECK(a.decided.isValid());
    CHECK_FALSE(a.isOpen());
    CHECK(f.load() == decided);
    // A rejection is not opened again after the decision.
    CHECK_FALSE(f.ws->decideSuggestion(left, Annotation::Suggestion::Open).ok());
    CHECK(f.annotation(left).suggestion == Annotation::Suggestion::Rejected);
    CHECK(f.annotation(other).isOpen());
}

TEST_CASE("a Neufassung is an editable draft that points to the decided Vorlage", "[store][review]")
{
    Fixture f;
    f.decide();
    auto created = f.ws->addNeufassung(f.id);
    REQUIRE(created.ok());
    Vorlage draft = f.ws->load(created.value()).value();
    CHECK(draft.status == Status::Entwurf);
    CHECK(draft.paperKind == PaperKind::Neufassung);
    CHECK(draft.predecessorId == f.id);
    draft.title = QStringLiteral("Neufassung");
    CHECK(f.ws->save(draft).ok());
    CHECK(f.load().title != QStringLiteral("Neufassung"));
}

TEST_CASE("a Neufassung takes the open threads with their replies onto the same places; settled ones stay", "[store][review]")
{
    Fixture f;
    const qint64 open = f.comment(QStringLiteral("C"), QStringLiteral("Entschädigung"), QStringLiteral("Höhe?"));
    REQUIRE(f.ws->addReply(open, QStringLiteral("Wird im Haushalt geklärt.")).ok());
    const qint64 resolved = f.comment(QStringLiteral("C"), QStringLiteral("geprüft"), QStringLiteral("Von wem?"));
    REQUIRE(f.ws->setResolved(resolved, true).ok());
    Annotation s = f.annotation(open);
    s.id = 0;
    s.replies.clear();
    s.text = QStringLiteral("kürzer");
    s.suggestion = Annotation::Suggestion::Open;
    s.replacement = QStringLiteral("Prämie");
    const qint64 suggestion = f.ws->addAnnotation(s).value();
    const qint64 rejected = f.ws->addAnnotation(s).value();
    REQUIRE(f.ws->decideSuggestion(rejected, Annotation::Suggestion::Rejected).ok());
    const Vorlage before = f.load();
    REQUIRE_FALSE(before.beschluss.isEmpty());
    const Place item{Place::Kind::Beschluss, {}, before.beschluss.last().id};
    const QString itemWords = anchorText(before, item).left(10);
    Annotation onItem;
    onItem.vorlageId = f.id;
    onItem.anchor = findAnchor(before, item, itemWords).value();
    onItem.text = QStringLiteral("Frist?");
    const qint64 itemComment = f.ws->addAnnotation(onItem).value();
    f.decide();

    auto created = f.ws->addNeufassung(f.id);
    REQUIRE(created.ok());
    const Vorlage draft = f.ws->load(created.value()).value();
    const QList<Annotation> copied = f.ws->annotations(created.value()).value();
    REQUIRE(copied.size() == 3);
    const auto byText = [&copied](const QString &text) {
        for (const Annotation &a : copied)
            if (a.text == text)
                return a;
        FAIL("no copied thread " << text.toStdString());
        return Annotation{};
    };
    const Annotation comment = byText(QStringLiteral("Höhe?"));
    CHECK(comment.anchor.place == Place{Place::Kind::Section, QStringLiteral("C"), {}});
    CHECK(anchoredText(draft, comment.anchor) == QStringLiteral("Entschädigung"));
    CHECK(comment.author == f.annotation(open).author);
    CHECK(comment.created == f.annotation(open).created);
    REQUIRE(comment.replies.size() == 1);
    CHECK(comment.replies.first().text == QStringLiteral("Wird im Haushalt geklärt."));
    CHECK(comment.replies.first().author == QStringLiteral("Erika Prüferin"));
    CHECK(comment.isOpen());
    const Annotation copiedSuggestion = byText(QStringLiteral("kürzer"));
    CHECK(copiedSuggestion.suggestion == Annotation::Suggestion::Open);
    CHECK(copiedSuggestion.replacement == QStringLiteral("Prämie"));
    CHECK(anchoredText(draft, copiedSuggestion.anchor) == QStringLiteral("Entschädigung"));
    // The item of the draft has its own id; the thread is on it.
    const Annotation onCopy = byText(QStringLiteral("Frist?"));
    CHECK(onCopy.anchor.place == Place{Place::Kind::Beschluss, {}, draft.beschluss.last().id});
    CHECK(draft.beschluss.last().id != before.beschluss.last().id);
    CHECK(anchoredText(draft, onCopy.anchor) == itemWords);

    // The draft takes a decision on it; the decided Vorlage keeps all its threads as they were.
    CHECK(f.ws->acceptSuggestion(copiedSuggestion.id).ok());
    CHECK(f.ws->annotations(f.id).value().size() == 5);
    CHECK(f.annotation(suggestion).isOpen());
    CHECK(f.annotation(itemComment).isOpen());
}

TEST_CASE("a publication is recorded with its checksum and makes the Vorlage Veröffentlicht", "[store][review]")
{
    Fixture f;
    CHECK_FALSE(f.ws->recordPublication(f.id, QStringLiteral("abc"), QStringLiteral("/tmp/x")).ok());
    f.decide();
    REQUIRE(f.ws->recordPublication(f.id, QStringLiteral("abc"), QStringLiteral("/tmp/x")).ok());
    CHECK(f.load().status == Status::Veroeffentlicht);
    auto publications = f.ws->publications(f.id);
    REQUIRE(publications->size() == 1);
    CHECK(publications->first().sha512 == QStringLiteral("abc"));
    CHECK(publications->first().author == QStringLiteral("Erika Prüferin"));
    CHECK(f.ws->statusHistory(f.id)->last().to == Status::Veroeffentlicht);

    REQUIRE(f.ws->setProtectedPersons({QStringLiteral("Anna Beispiel"), QStringLiteral(" "), QStringLiteral("Bernd Muster")}).ok());
    CHECK(f.ws->protectedPersons().value() == QStringList{QStringLiteral("Anna Beispiel"), QStringLiteral("Bernd Muster")});
}

TEST_CASE("Anlage files are kept once by their checksum", "[store][review]")
{
    Fixture f;
    const QByteArray data("%PDF-1.4 test");
    auto sha = f.ws->storeBlob(data);
    REQUIRE(sha.ok());
    CHECK(f.ws->storeBlob(data).value() == sha.value());
    CHECK(f.ws->blob(sha.value()).value() == data);
    CHECK_FALSE(f.ws->blob(QStringLiteral("0000")).ok());
}
