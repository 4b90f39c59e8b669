#include "testdemo.h"

#include "commands.h"
#include "documentsaver.h"
#include "vorlagedocument.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vw;

namespace {

Content text(const QString &t)
{
    return {Block::para(t)};
}

} // namespace

TEST_CASE("typing in one field is one undo step, undo and redo work across fields", "[commands]")
{
    VorlageDocument doc(demoVorlagen()[1]);
    QUndoStack *stack = doc.undoStack();
    const Vorlage original = doc.vorlage();

    Commands::setTitle(&doc, QStringLiteral("D"));
    Commands::setTitle(&doc, QStringLiteral("Di"));
    Commands::setTitle(&doc, QStringLiteral("Die"));
    CHECK(stack->count() == 1);
    Commands::setSectionContent(&doc, QStringLiteral("C"), text(QStringLiteral("Keine.")), 6);
    Commands::setSectionContent(&doc, QStringLiteral("C"), text(QStringLiteral("Keine!")), 6);
    CHECK(stack->count() == 2);
    Commands::setSessionDate(&doc, QDate(2020, 11, 24));
    CHECK(stack->count() == 3);

    QSignalSpy focus(&doc, &VorlageDocument::focusRequested);
    stack->undo();
    CHECK(doc.vorlage().sessionDate == original.sessionDate);
    stack->undo();
    CHECK(doc.vorlage().section(QStringLiteral("C"))->content == original.section(QStringLiteral("C"))->content);
    REQUIRE(focus.count() == 2);
    CHECK(focus.last().first().value<Place>() == Place{Place::Kind::Section, QStringLiteral("C")});
    CHECK(focus.last().last().toInt() == -1);
    stack->undo();
    CHECK(doc.vorlage() == original);

    stack->redo();
    stack->redo();
    CHECK(doc.vorlage().title == QStringLiteral("Die"));
    CHECK(contentPlainText(doc.vorlage().section(QStringLiteral("C"))->content) == QStringLiteral("Keine!"));
    CHECK(focus.last().first().value<Place>() == Place{Place::Kind::Section, QStringLiteral("C")});
    CHECK(focus.last().last().toInt() == 6);
}

TEST_CASE("a pause in typing starts a new undo step", "[commands]")
{
    VorlageDocument doc(demoVorlagen()[1]);
    Commands::setTitle(&doc, QStringLiteral("Erster Teil"));
    QTest::qWait(Commands::pauseMs + 100);
    Commands::setTitle(&doc, QStringLiteral("Erster Teil, zweiter Teil"));
    CHECK(doc.undoStack()->count() == 2);
    doc.undoStack()->undo();
    CHECK(doc.vorlage().title == QStringLiteral("Erster Teil"));
}

TEST_CASE("setting the value already there pushes nothing", "[commands]")
{
    VorlageDocument doc(demoVorlagen()[0]);
    QSignalSpy changed(&doc, &VorlageDocument::changed);
    Commands::setTitle(&doc, doc.vorlage().title);
    Commands::setSectionContent(&doc, QStringLiteral("C"), doc.vorlage().section(QStringLiteral("C"))->content);
    CHECK(doc.undoStack()->count() == 0);
    CHECK(changed.count() == 0);
}

TEST_CASE("questions move with their answers, and edits follow a moved question", "[commands]")
{
    VorlageDocument doc(demoVorlagen()[0]);
    const QList<Question> before = doc.vorlage().questions;
    REQUIRE(before.size() == 3);

    Commands::moveQuestion(&doc, 0, 2);
    CHECK(doc.vorlage().questions[2] == before[0]);
    CHECK(doc.vorlage().questions[0] == before[1]);
    Commands::setAnswer(&doc, 2, text(QStringLiteral("Neue Antwort")));
    CHECK(doc.vorlage().questions[2].answer == text(QStringLiteral("Neue Antwort")));
    CHECK(doc.vorlage().questions[2].id == before[0].id);

    Commands::addQuestion(&doc, 3);
    CHECK(doc.vorlage().questions.size() == 4);
    Commands::removeQuestion(&doc, 0);
    CHECK(doc.vorlage().questions.size() == 3);
    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    CHECK(doc.vorlage().questions == before);
}

TEST_CASE("Beschluss items are added, edited, moved and removed", "[commands]")
{
    VorlageDocument doc(demoVorlagen()[1]);
    const QList<BeschlussItem> before = doc.vorlage().beschluss;
    Commands::addBeschlussItem(&doc, 0, Paragraph::plain(QStringLiteral("Der Senat begrüßt die Initiative.")));
    REQUIRE(doc.vorlage().beschluss.size() == before.size() + 1);
    Commands::setBeschlussText(&doc, 0, Paragraph::plain(QStringLiteral("Der Senat begrüßt die Initiative sehr.")));
    Commands::setBeschlussDetails(&doc, 0, QStringLiteral("finanzen"), QDate(2021, 3, 31));
    Commands::moveBeschlussItem(&doc, 0, 1);
    CHECK(doc.vorlage().beschluss[1].ressortKey == QStringLiteral("finanzen"));
    Commands::removeBeschlussItem(&doc, 1);
    CHECK(doc.vorlage().beschluss == before);
}

TEST_CASE("a Beschluss item is taken over word for word, with its source, as one undo step", "[commands]")
{
    BeschlussItem source{QStringLiteral("b-src"), {}, QStringLiteral("finanzen"), QDate(2021, 6, 30)};
    source.text.append(Span{QStringLiteral("Der Senat beschließt die Freigabe von ")});
    Span amount = Span::quote(QStringLiteral("fonds"), true);
    amount.frozen = QStringLiteral("750.000 €"); // the value it was decided with
    source.text.append(amount);
    source.text.append(Span{QStringLiteral(" aus dem Bremen-Fonds.")});
    FigureValues now;
    Figure fonds;
    fonds.key = QStringLiteral("fonds");
    fonds.type = FigureType::Amount;
    fonds.value = QStringLiteral("800000.00"); // changed since the decision
    now.set(fonds);

    VorlageDocument doc(demoVorlagen()[1]);
    const QList<BeschlussItem> before = doc.vorlage().beschluss;
    const int at = Commands::quoteBeschlussItem(&doc, 42, source, &now);
    REQUIRE(at == before.size());
    const BeschlussItem &quoted = doc.vorlage().beschluss[at];
    CHECK(quoted.text.plainText() == QStringLiteral("Der Senat beschließt die Freigabe von 750.000 € aus dem Bremen-Fonds."));
    CHECK_FALSE(std::any_of(quoted.text.spans.cbegin(), quoted.text.spans.cend(), [](const Span &s) { return s.isFigure(); }));
    CHECK(quoted.text.spans[1].bold); // formatting kept
    CHECK(quoted.quotedFromVorlage == 42);
    CHECK(quoted.quotedFromItem == QStringLiteral("b-src"));
    CHECK(quoted.id != source.id);
    CHECK(quoted.ressortKey.isEmpty()); // the source's Ressort and date were for that decision
    CHECK(doc.undoStack()->undoText() == QStringLiteral("Beschlusspunkt übernehmen"));
    doc.undoStack()->undo();
    CHECK(doc.vorlage().beschluss == before);
}

TEST_CASE("header fields are parsed and checked before they change anything", "[commands]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("w.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    const RessortTable &ressorts = ws.value()->ressorts();
    VorlageDocument doc(demoVorlagen()[1]);

    CHECK(Commands::setHeaderField(&doc, QStringLiteral("sessionDate"), QStringLiteral("24.11.2020"), ressorts).ok());
    CHECK(doc.vorlage().sessionDate == QDate(2020, 11, 24));
    CHECK(Commands::setHeaderField(&doc, QStringLiteral("ressorts"), QStringLiteral("finanzen,inneres"), ressorts).ok());
    REQUIRE(doc.vorlage().ressorts.size() == 2);
    CHECK(doc.vorlage().ressorts[0].lead);
    CHECK(Commands::setHeaderField(&doc, QStringLiteral("kind"), QStringLiteral("bericht"), ressorts).ok());
    CHECK(doc.vorlage().kind == VorlageKind::Bericht);
    CHECK(Commands::setHeaderField(&doc, QStringLiteral("references"), QStringLiteral("Drs. 20/1; Drs. 20/2"), ressorts).ok());
    CHECK(doc.vorlage().references == QStringList{QStringLiteral("Drs. 20/1"), QStringLiteral("Drs. 20/2")});

    const int steps = doc.undoStack()->count();
    for (const auto &[field, value] : {std::pair{"sessionDate", "31.02.2020"}, std::pair{"kind", "roman"},
                                       std::pair{"ressorts", "zauberei"}, std::pair{"title", " "},
                                       std::pair{"farbe", "rot"}, std::pair{"paperKind", "flugblatt"}}) {
        auto r = Commands::setHeaderField(&doc, QString::fromLatin1(field), QString::fromLatin1(value), ressorts);
        INFO(field);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.error().isEmpty());
    }
    CHECK(doc.undoStack()->count() == steps);
}

TEST_CASE("changes reach the workspace within a second without saving by hand", "[commands][store]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("w.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    auto id = ws.value()->add(demoVorlagen()[1]);
    REQUIRE(id.ok());
    VorlageDocument doc(ws.value()->load(id.value()).value());
    DocumentSaver saver(ws.value().get(), &doc);
    QSignalSpy saved(&saver, &DocumentSaver::saved);

    Commands::setTitle(&doc, QStringLiteral("Automatisch gespeichert"));
    CHECK(saver.hasUnsavedChanges());
    REQUIRE(saved.wait(1000));
    CHECK_FALSE(saver.hasUnsavedChanges());
    CHECK(ws.value()->load(id.value())->title == QStringLiteral("Automatisch gespeichert"));

    // Undo is a change like any other.
    doc.undoStack()->undo();
    REQUIRE(saved.wait(1000));
    CHECK(ws.value()->load(id.value())->title == demoVorlagen()[1].title);
}

TEST_CASE("two instances on one workspace: the second save is a conflict and loses nothing", "[commands][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.vorlagen"));
    auto first = Workspace::open(path, Workspace::Mode::CreateIfMissing);
    auto second = Workspace::open(path, Workspace::Mode::OpenExisting);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    auto id = first.value()->add(demoVorlagen()[1]);
    REQUIRE(id.ok());

    VorlageDocument mine(first.value()->load(id.value()).value());
    VorlageDocument theirs(second.value()->load(id.value()).value());
    DocumentSaver mySaver(first.value().get(), &mine);
    DocumentSaver theirSaver(second.value().get(), &theirs);
    QSignalSpy conflict(&mySaver, &DocumentSaver::conflictDetected);

    Commands::setTitle(&theirs, QStringLiteral("Ihre Änderung"));
    REQUIRE(theirSaver.saveNow().ok());
    Commands::setTitle(&mine, QStringLiteral("Meine Änderung"));
    CHECK_FALSE(mySaver.saveNow().ok());
    CHECK(conflict.count() == 1);
    CHECK(mySaver.inConflict());
    CHECK(mySaver.hasUnsavedChanges());
    CHECK(mine.vorlage().title == QStringLiteral("Meine Änderung"));
    CHECK(first.value()->load(id.value())->title == QStringLiteral("Ihre Änderung"));

    // Keeping mine as a copy: nothing is lost.
    auto copyId = first.value()->add(duplicateVorlage(mine.vorlage()));
    REQUIRE(copyId.ok());
    CHECK(first.value()->load(copyId.value())->title == QStringLiteral("Meine Änderung"));
}

TEST_CASE("Beteiligung and Anlagen change as whole lists, one undo step each, and are saved", "[commands]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("b.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Vorlage v = demoVorlagen()[1];
    auto id = ws.value()->add(v);
    REQUIRE(id.ok());
    VorlageDocument doc(ws.value()->load(id.value()).value());
    DocumentSaver saver(ws.value().get(), &doc);
    QUndoStack *stack = doc.undoStack();

    QList<Participation> list = doc.vorlage().beteiligung;
    Participation entry;
    entry.id = newItemId();
    entry.name = QStringLiteral("Magistrat Bremerhaven");
    entry.state = Participation::State::Einwaende;
    entry.text = QStringLiteral("Die Kosten für Bremerhaven fehlen.");
    list.append(entry);
    Commands::setBeteiligung(&doc, list);
    CHECK(stack->count() == 1);
    list.last().resolved = true;
    Commands::setBeteiligung(&doc, list);
    CHECK(stack->count() == 2); // not typing: no merge
    Commands::setBeteiligung(&doc, list);
    CHECK(stack->count() == 2); // the same value pushes nothing

    Anlage anlage;
    anlage.id = newItemId();
    anlage.title = QStringLiteral("Kostenaufstellung");
    anlage.internal = true;
    Commands::setAnlagen(&doc, doc.vorlage().anlagen + QList<Anlage>{anlage});
    CHECK(stack->count() == 3);
    REQUIRE(saver.saveNow().ok());
    const Vorlage stored = ws.value()->load(id.value()).value();
    REQUIRE(stored.beteiligung.size() == list.size());
    CHECK(stored.beteiligung.last().resolved);
    CHECK(stored.beteiligung.last().name == QStringLiteral("Magistrat Bremerhaven"));
    CHECK(stored.anlagen.last().title == QStringLiteral("Kostenaufstellung"));

    stack->undo();
    stack->undo();
    CHECK(doc.vorlage().anlagen == v.anlagen);
    CHECK_FALSE(doc.vorlage().beteiligung.last().resolved);
    stack->undo();
    CHECK(doc.vorlage().beteiligung == v.beteiligung);
}

TEST_CASE("a read-only document takes no change and pushes no undo step", "[commands]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("r.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Vorlage decided = demoVorlagen()[1];
    decided.status = Status::Beschlossen;
    auto id = ws.value()->add(decided);
    REQUIRE(id.ok());
    VorlageDocument doc(ws.value()->load(id.value()).value());
    REQUIRE(doc.isReadOnly());
    DocumentSaver saver(ws.value().get(), &doc);
    const Vorlage before = doc.vorlage();

    Commands::setTitle(&doc, QStringLiteral("Geändert"));
    Commands::setSectionContent(&doc, QStringLiteral("C"), text(QStringLiteral("Keine.")));
    Commands::setBeteiligung(&doc, {});
    Commands::replaceSection(&doc, QStringLiteral("C"), demoVorlagen()[0]);
    CHECK_FALSE(Commands::setHeaderField(&doc, QStringLiteral("title"), QStringLiteral("X"), ws.value()->ressorts()).ok());
    CHECK(doc.undoStack()->count() == 0);
    CHECK(doc.vorlage() == before);
    CHECK_FALSE(saver.hasUnsavedChanges());

    // A draft shown for reading only (a version's snapshot) is read-only too.
    VorlageDocument snapshot(demoVorlagen()[1]);
    CHECK_FALSE(snapshot.isReadOnly());
    snapshot.setReadOnly(true);
    Commands::setTitle(&snapshot, QStringLiteral("Geändert"));
    CHECK(snapshot.undoStack()->count() == 0);
    CHECK(snapshot.vorlage().title == demoVorlagen()[1].title);
}

TEST_CASE("find and replace changes every text of the Vorlage in one undo step", "[commands][replace]")
{
    VorlageDocument doc(demoVorlagen()[1]);
    QUndoStack *stack = doc.undoStack();
    // C: a bold word, a figure quote whose key holds the word, and plain text.
    Paragraph p;
    p.append(Span{QStringLiteral("Tablets für "), false, false});
    p.append(Span{QStringLiteral("alle Lehrkräfte"), true, false});
    p.append(Span::quote(QStringLiteral("lehrkräfte-zahl")));
    p.append(Span{QStringLiteral(" (LEHRKRÄFTE)"), false, false});
    Commands::setSectionContent(&doc, QStringLiteral("C"), {Block::para(p)});
    const Vorlage before = doc.vorlage();
    const int steps = stack->count();
    REQUIRE(before.title.contains(QStringLiteral("Lehrkräfte")));

    const int n = Commands::replaceText(&doc, QStringLiteral("Lehrkräfte"), QStringLiteral("Lehrerinnen und Lehrer"));
    CHECK(n >= 4);
    CHECK(stack->count() == steps + 1);
    const Vorlage &after = doc.vorlage();
    CHECK_FALSE(after.title.contains(QStringLiteral("Lehrkräfte")));
    CHECK(after.title.contains(QStringLiteral("Lehrerinnen und Lehrer")));
    const Paragraph &c = after.section(QStringLiteral("C"))->content.first().paragraph;
    REQUIRE(c.spans.size() == 4);
    CHECK(c.spans[1].text == QStringLiteral("alle Lehrerinnen und Lehrer"));
    CHECK(c.spans[1].bold);
    CHECK(c.spans[2].figure == QStringLiteral("lehrkräfte-zahl")); // a quote is no text
    CHECK(c.spans[3].text == QStringLiteral(" (Lehrerinnen und Lehrer)")); // case aside
    CHECK_FALSE(contentPlainText(after.section(QStringLiteral("A"))->content).contains(QStringLiteral("Lehrkräfte")));
    bool beschlussChanged = false;
    for (qsizetype i = 0; i < after.beschluss.size(); ++i)
        beschlussChanged |= after.beschluss[i].text != before.beschluss[i].text;
    CHECK(beschlussChanged);

    stack->undo();
    CHECK(doc.vorlage() == before);
    // Nothing found: nothing recorded.
    CHECK(Commands::replaceText(&doc, QStringLiteral("Gibtesnicht"), QStringLiteral("x")) == 0);
    CHECK(stack->count() == steps + 1);
    CHECK(stack->index() == steps);
}
