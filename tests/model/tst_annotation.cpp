#include "publishdemo.h"
#include "testutil.h"

#include "annotation.h"

#include <QSet>

#include <random>

using namespace vw;

namespace {

const QChar obj(0xFFFC);

Span bold(const QString &t) { return Span{t, true, false}; }
Span italic(const QString &t) { return Span{t, false, true}; }

Paragraph para(std::initializer_list<Span> spans)
{
    Paragraph p;
    for (const Span &s : spans)
        p.append(s);
    return p;
}

Place header(const QString &field) { return {Place::Kind::Header, field, {}}; }
Place section(const QString &label) { return {Place::Kind::Section, label, {}}; }
Place question(const QString &id) { return {Place::Kind::Question, {}, id}; }
Place answer(const QString &id) { return {Place::Kind::Answer, {}, id}; }
Place beschluss(const QString &id) { return {Place::Kind::Beschluss, {}, id}; }

// A Fragestunde-like Vorlage with every kind of content.
Vorlage sample()
{
    Vorlage v;
    v.title = QStringLiteral("Ausbau der Radwege in Bremen-Nord");
    v.subtitle = QStringLiteral("Mitteilung des Senats");
    v.fileCode = QStringLiteral("VI-12/2021");

    Block table;
    table.type = Block::Type::Table;
    table.headerRow = true;
    table.rows = {{Paragraph::plain(QStringLiteral("Jahr")), Paragraph::plain(QStringLiteral("Kosten"))},
                  {Paragraph::plain(QStringLiteral("2021")), para({Span::quote(QStringLiteral("radwege.kosten"))})}};
    v.sections = {
        Section{QStringLiteral("A"), QStringLiteral("Problem"),
                {Block::para(para({Span{QStringLiteral("Der Radverkehr wächst um ")},
                                   Span::quote(QStringLiteral("rad.zuwachs"), true),
                                   Span{QStringLiteral(" Prozent im Jahr.")}})),
                 Block::list(Block::Type::BulletList,
                             {Paragraph::plain(QStringLiteral("Vegesack")), Paragraph::plain(QStringLiteral("Blumenthal"))})}},
        Section{QStringLiteral("B"), QStringLiteral("Lösung"),
                {Block::placeholder(Block::Type::Answers),
                 Block::para(para({Span{QStringLiteral("Der Senat "), false, false}, bold(QStringLiteral("stimmt")),
                                   italic(QStringLiteral(" der Vorlage")), Span{QStringLiteral(" zu.")}}))}},
        Section{QStringLiteral("C"), QStringLiteral("Finanzielle Auswirkungen"),
                {table, Block::list(Block::Type::NumberedList, {Paragraph::plain(QStringLiteral("Planung")),
                                                                Paragraph::plain(QStringLiteral("Bau"))})}},
        Section{QStringLiteral("G"), QStringLiteral("Beschlussvorschlag"), {Block::placeholder(Block::Type::Beschluss)}},
    };
    v.questions = {
        Question{QStringLiteral("q1"), Paragraph::plain(QStringLiteral("Wie viele Radwege gibt es?")),
                 {Block::para(QStringLiteral("Es gibt viele Radwege.")), Block::para(QStringLiteral("Mehr folgen."))}},
        Question{QStringLiteral("q2"), Paragraph::plain(QStringLiteral("Was kosten sie?")),
                 {Block::para(QStringLiteral("Sie kosten Geld."))}},
    };
    v.beschluss = {BeschlussItem{QStringLiteral("b1"), Paragraph::plain(QStringLiteral("Der Senat stimmt zu.")), {}, {}},
                   BeschlussItem{QStringLiteral("b2"), Paragraph::plain(QStringLiteral("Der Senat bittet um Bericht.")),
                                 {}, {}}};
    return v;
}

Anchor anchorOn(const Vorlage &v, const Place &place, const QString &quote, int occurrence = 0)
{
    const Result<Anchor> a = findAnchor(v, place, quote, occurrence);
    INFO(a.error().toStdString());
    REQUIRE(a.ok());
    return a.value();
}

QString anchored(const Vorlage &v, const Anchor &a)
{
    return anchorText(v, a.place).mid(a.start, a.end - a.start);
}

} // namespace

TEST_CASE("anchor place keys round-trip and bad keys are refused", "[model][annotation]")
{
    const QList<std::pair<Place, QString>> cases{
        {header(QStringLiteral("title")), QStringLiteral("header:title")},
        {section(QStringLiteral("C")), QStringLiteral("section:C")},
        {question(QStringLiteral("q1")), QStringLiteral("question:q1")},
        {answer(QStringLiteral("q1")), QStringLiteral("answer:q1")},
        {beschluss(QStringLiteral("b-2")), QStringLiteral("beschluss:b-2")},
    };
    for (const auto &[place, key] : cases) {
        CHECK(placeKey(place) == key);
        Place back;
        REQUIRE(placeFromKey(key, &back));
        CHECK(back == place);
    }
    Place untouched = section(QStringLiteral("A"));
    for (const QString &bad : {QString(), QStringLiteral("section"), QStringLiteral("section:"),
                               QStringLiteral(":A"), QStringLiteral("absatz:A")}) {
        CHECK_FALSE(placeFromKey(bad, &untouched));
        CHECK(untouched == section(QStringLiteral("A")));
    }
}

TEST_CASE("anchor place labels are German and numbered by position", "[model][annotation]")
{
    Vorlage v = sample();
    CHECK(placeLabel(v, header(QStringLiteral("title"))) == QStringLiteral("Titel"));
    CHECK(placeLabel(v, header(QStringLiteral("subtitle"))) == QStringLiteral("Untertitel"));
    CHECK(placeLabel(v, section(QStringLiteral("C"))) == QStringLiteral("Abschnitt C"));
    CHECK(placeLabel(v, question(QStringLiteral("q2"))) == QStringLiteral("Frage 2"));
    CHECK(placeLabel(v, answer(QStringLiteral("q2"))) == QStringLiteral("Antwort zu Frage 2"));
    CHECK(placeLabel(v, beschluss(QStringLiteral("b1"))) == QStringLiteral("Beschlusspunkt 1"));
    // Reordering renumbers: the anchor keeps the item, the label follows its position.
    std::swap(v.questions[0], v.questions[1]);
    std::swap(v.beschluss[0], v.beschluss[1]);
    CHECK(placeLabel(v, question(QStringLiteral("q2"))) == QStringLiteral("Frage 1"));
    CHECK(placeLabel(v, answer(QStringLiteral("q2"))) == QStringLiteral("Antwort zu Frage 1"));
    CHECK(placeLabel(v, beschluss(QStringLiteral("b1"))) == QStringLiteral("Beschlusspunkt 2"));
}

TEST_CASE("anchor text of every kind of place", "[model][annotation]")
{
    Vorlage v = sample();
    CHECK(anchorText(v, header(QStringLiteral("title"))) == QStringLiteral("Ausbau der Radwege in Bremen-Nord"));
    CHECK(anchorText(v, header(QStringLiteral("subtitle"))) == QStringLiteral("Mitteilung des Senats"));
    CHECK(anchorText(v, header(QStringLiteral("fileCode"))) == QStringLiteral("VI-12/2021"));
    // A paragraph with a quoted figure (one U+FFFC), then one line per list item.
    CHECK(anchorText(v, section(QStringLiteral("A")))
          == QStringLiteral("Der Radverkehr wächst um ") + obj + QStringLiteral(" Prozent im Jahr.\nVegesack\nBlumenthal"));
    // The placeholder adds no line; formats add nothing.
    CHECK(anchorText(v, section(QStringLiteral("B"))) == QStringLiteral("Der Senat stimmt der Vorlage zu."));
    // Table cells row by row, then the numbered list.
    CHECK(anchorText(v, section(QStringLiteral("C")))
          == QStringLiteral("Jahr\nKosten\n2021\n") + obj + QStringLiteral("\nPlanung\nBau"));
    CHECK(anchorText(v, section(QStringLiteral("G"))).isEmpty());
    CHECK(anchorText(v, question(QStringLiteral("q1"))) == QStringLiteral("Wie viele Radwege gibt es?"));
    CHECK(anchorText(v, answer(QStringLiteral("q1"))) == QStringLiteral("Es gibt viele Radwege.\nMehr folgen."));
    CHECK(anchorText(v, beschluss(QStringLiteral("b2"))) == QStringLiteral("Der Senat bittet um Bericht."));

    // Gone places: no text, and placeExists() says so.
    for (const Place &gone : {section(QStringLiteral("F")), question(QStringLiteral("q9")),
                                    answer(QStringLiteral("q9")), beschluss(QStringLiteral("b9")),
                                    header(QStringLiteral("nonsense"))}) {
        CHECK_FALSE(placeExists(v, gone));
        CHECK(anchorText(v, gone).isEmpty());
    }
    for (const Place &there : {section(QStringLiteral("G")), question(QStringLiteral("q2")),
                                     answer(QStringLiteral("q2")), beschluss(QStringLiteral("b1")),
                                     header(QStringLiteral("title"))})
        CHECK(placeExists(v, there));
}

TEST_CASE("suggestion keys round-trip", "[model][annotation]")
{
    for (const auto s : {Annotation::Suggestion::None, Annotation::Suggestion::Open, Annotation::Suggestion::Accepted,
                         Annotation::Suggestion::Rejected}) {
        Annotation::Suggestion back = s == Annotation::Suggestion::Open ? Annotation::Suggestion::None
                                                                        : Annotation::Suggestion::Open;
        REQUIRE(suggestionFromKey(suggestionKey(s), &back));
        CHECK(back == s);
    }
    CHECK(suggestionKey(Annotation::Suggestion::None).isEmpty());
    CHECK(suggestionKey(Annotation::Suggestion::Accepted) == QStringLiteral("accepted"));
    Annotation::Suggestion s = Annotation::Suggestion::Open;
    CHECK_FALSE(suggestionFromKey(QStringLiteral("maybe"), &s));
    CHECK(s == Annotation::Suggestion::Open);
}

TEST_CASE("finding an anchor, and the messages when it cannot be found", "[model][annotation]")
{
    const Vorlage v = sample();
    const Anchor a = anchorOn(v, section(QStringLiteral("B")), QStringLiteral("stimmt der"));
    CHECK(a.start == 10);
    CHECK(a.end == 20);
    CHECK(a.quote == QStringLiteral("stimmt der"));
    CHECK_FALSE(a.detached);

    // Across a figure quote, and in a table cell.
    const Anchor f = anchorOn(v, section(QStringLiteral("A")), QStringLiteral("um ") + obj);
    CHECK(anchored(v, f) == QStringLiteral("um ") + obj);
    CHECK(anchored(v, anchorOn(v, section(QStringLiteral("C")), QStringLiteral("2021"))) == QStringLiteral("2021"));

    Result<Anchor> r = findAnchor(v, section(QStringLiteral("C")), QStringLiteral("Radweg"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == QStringLiteral("Der Text „Radweg“ kommt in Abschnitt C nicht vor."));

    r = findAnchor(v, answer(QStringLiteral("q1")), QStringLiteral("e"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error()
          == QStringLiteral("Der Text „e“ kommt in der Antwort zu Frage 1 6-mal vor; geben Sie an, welches Vorkommen "
                            "gemeint ist."));
    // The n-th occurrence, counted in the place's text: "Der Radverkehr".
    const Anchor third = anchorOn(v, section(QStringLiteral("A")), QStringLiteral("e"), 3);
    CHECK(third.start == 11);
    CHECK(anchorOn(v, answer(QStringLiteral("q1")), QStringLiteral("Radwege"), 1).start == 14);

    r = findAnchor(v, answer(QStringLiteral("q1")), QStringLiteral("Radwege"), 2);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(QStringLiteral("nur 1-mal")));

    r = findAnchor(v, header(QStringLiteral("title")), QStringLiteral("Radwegen"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == QStringLiteral("Der Text „Radwegen“ kommt im Titel nicht vor."));

    r = findAnchor(v, question(QStringLiteral("q7")), QStringLiteral("Radwege"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(QStringLiteral("gibt es in der Vorlage nicht")));

    r = findAnchor(v, section(QStringLiteral("B")), QString());
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().isEmpty());
}

TEST_CASE("a quote in a section is also found in the answers, questions and Beschluss items printed in it",
          "[model][annotation]")
{
    const Vorlage v = sample();
    const auto inSection = [&v](const QString &label, const QString &quote, int occurrence = 0) {
        const Result<Anchor> a = findAnchorInSection(v, label, quote, occurrence);
        INFO(a.error().toStdString());
        REQUIRE(a.ok());
        return a.value();
    };
    // B prints the answers (placeholder first), then its own paragraph.
    Anchor a = inSection(QStringLiteral("B"), QStringLiteral("viele Radwege"));
    CHECK(a.place == answer(QStringLiteral("q1")));
    CHECK(anchored(v, a) == QStringLiteral("viele Radwege"));
    a = inSection(QStringLiteral("B"), QStringLiteral("der Vorlage"));
    CHECK(a.place == section(QStringLiteral("B")));
    CHECK(anchored(v, a) == QStringLiteral("der Vorlage"));
    // Occurrences count in reading order over all of them: "Radwege" and "folgen" of the answer, then "Vorlage".
    Result<Anchor> r = findAnchorInSection(v, QStringLiteral("B"), QStringLiteral("ge"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(QStringLiteral("in Abschnitt B 3-mal vor")));
    CHECK(inSection(QStringLiteral("B"), QStringLiteral("ge"), 2).place == answer(QStringLiteral("q1")));
    CHECK(anchored(v, inSection(QStringLiteral("B"), QStringLiteral("ge"), 2)) == QStringLiteral("ge"));
    CHECK(inSection(QStringLiteral("B"), QStringLiteral("ge"), 2).start == 23 + 8); // "Mehr fol|ge|n." on the second line
    CHECK(inSection(QStringLiteral("B"), QStringLiteral("ge"), 3).place == section(QStringLiteral("B")));
    // G holds the Beschluss items.
    CHECK(inSection(QStringLiteral("G"), QStringLiteral("um Bericht")).place == beschluss(QStringLiteral("b2")));
    CHECK(inSection(QStringLiteral("G"), QStringLiteral("Der Senat"), 1).place == beschluss(QStringLiteral("b1")));
    // A question is not printed in B: not found there.
    r = findAnchorInSection(v, QStringLiteral("B"), QStringLiteral("Was kosten sie?"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error() == QStringLiteral("Der Text „Was kosten sie?“ kommt in Abschnitt B nicht vor."));
    CHECK_FALSE(findAnchorInSection(v, QStringLiteral("X"), QStringLiteral("Radwege")).ok());
}

TEST_CASE("a quote finds a figure by its printed value: the demo's „3027 Notebooks“ in the answer of B",
          "[model][annotation]")
{
    const Vorlage v = demoVorlagen()[0]; // the Fragestunde
    REQUIRE(v.kind == VorlageKind::Fragestunde);
    const FigureValues figures = demoFigures();
    const QString quote = QStringLiteral("3027 Notebooks");
    const Result<Anchor> a = findAnchorInSection(v, QStringLiteral("B"), quote, 0, &figures);
    INFO(a.error().toStdString());
    REQUIRE(a.ok());
    CHECK(a->place == answer(v.questions.first().id));
    // The anchor counts the figure as one character, as the editor does.
    CHECK(a->quote == QString(obj) + QStringLiteral(" Notebooks"));
    CHECK(anchored(v, a.value()) == a->quote);
    // Part of the printed value takes the whole figure.
    const Result<Anchor> part = findAnchor(v, a->place, QStringLiteral("27 Notebooks"), 0, &figures);
    REQUIRE(part.ok());
    CHECK(part.value() == a.value());
    // Without the values nothing prints "3027"; a decided Vorlage has it frozen.
    CHECK_FALSE(findAnchorInSection(v, QStringLiteral("B"), quote).ok());
    CHECK(findAnchorInSection(decidedDemo(0), QStringLiteral("B"), quote).ok());
}

TEST_CASE("anchors move with their words and detach when they are deleted", "[model][annotation]")
{
    const Vorlage before = sample();
    Anchor inB = anchorOn(before, section(QStringLiteral("B")), QStringLiteral("stimmt der"));
    Anchor inA = anchorOn(before, section(QStringLiteral("A")), QStringLiteral("Blumenthal"));
    Anchor inQ2 = anchorOn(before, answer(QStringLiteral("q2")), QStringLiteral("Geld"));
    Anchor inTitle = anchorOn(before, header(QStringLiteral("title")), QStringLiteral("Radwege"));
    const QList<Anchor *> all{&inB, &inA, &inQ2, &inTitle};

    // Nothing changed: nothing to do.
    CHECK_FALSE(remapAnchors(before, before, all));

    Vorlage after = before;
    after.sections[1].content[1].paragraph.spans[0].text = QStringLiteral("Der Bremer Senat ");
    after.sections[0].content[1].items.removeFirst(); // "Vegesack"
    after.title = QStringLiteral("Ausbau der sicheren Radwege in Bremen-Nord");
    const Anchor untouchedQ2 = inQ2;
    CHECK(remapAnchors(before, after, all));
    CHECK(anchored(after, inB) == QStringLiteral("stimmt der"));
    CHECK(anchored(after, inA) == QStringLiteral("Blumenthal"));
    CHECK(anchored(after, inTitle) == QStringLiteral("Radwege"));
    CHECK(inQ2 == untouchedQ2);

    // Words typed inside the range belong to it; the quote stays as it was made.
    Vorlage third = after;
    third.sections[1].content[1].paragraph.spans[1].text = QStringLiteral("stimmt nun");
    CHECK(remapAnchors(after, third, all));
    CHECK(anchored(third, inB) == QStringLiteral("stimmt nun der"));
    CHECK(inB.quote == QStringLiteral("stimmt der"));

    // The words deleted, the question deleted: detached, with their quotes.
    Vorlage fourth = third;
    fourth.sections[0].content.removeLast(); // the list, now only "Blumenthal"
    fourth.questions.removeLast();
    CHECK(remapAnchors(third, fourth, all));
    CHECK(inA.detached);
    CHECK(inA.quote == QStringLiteral("Blumenthal"));
    CHECK(inQ2.detached);
    CHECK_FALSE(inB.detached);

    // Detached anchors stay detached, even when the words come back.
    CHECK_FALSE(remapAnchors(fourth, before, {&inA, &inQ2}));
    CHECK(inA.detached);
}

TEST_CASE("accepting a suggestion replaces the anchored words", "[model][annotation]")
{
    SECTION("across spans of different formats: the first replaced character's format")
    {
        Vorlage v = sample();
        const Anchor a = anchorOn(v, section(QStringLiteral("B")), QStringLiteral("Senat stimmt der"));
        REQUIRE(replaceAnchoredText(v, a, QStringLiteral("Rat billigt die")).ok());
        CHECK(anchorText(v, a.place) == QStringLiteral("Der Rat billigt die Vorlage zu."));
        CHECK(v.sections[1].content[1].paragraph
              == para({Span{QStringLiteral("Der Rat billigt die")}, italic(QStringLiteral(" Vorlage")),
                       Span{QStringLiteral(" zu.")}}));
        // The placeholder before it is untouched.
        CHECK(v.sections[1].content[0] == Block::placeholder(Block::Type::Answers));

        Vorlage w = sample();
        const Anchor b = anchorOn(w, section(QStringLiteral("B")), QStringLiteral("mt der Vor"));
        REQUIRE(replaceAnchoredText(w, b, QStringLiteral("mt einer Vor")).ok());
        CHECK(w.sections[1].content[1].paragraph
              == para({Span{QStringLiteral("Der Senat ")}, bold(QStringLiteral("stimmt einer Vor")),
                       italic(QStringLiteral("lage")), Span{QStringLiteral(" zu.")}}));
    }
    SECTION("a figure quote inside the range goes, one outside stays")
    {
        Vorlage v = sample();
        const Anchor a = anchorOn(v, section(QStringLiteral("A")), QStringLiteral("um ") + obj + QStringLiteral(" Pro"));
        REQUIRE(replaceAnchoredText(v, a, QStringLiteral("kräftig, um zehn Pro")).ok());
        CHECK(anchorText(v, a.place)
              == QStringLiteral("Der Radverkehr wächst kräftig, um zehn Prozent im Jahr.\nVegesack\nBlumenthal"));
        QStringList keys;
        collectFigureKeys(v.sections[0].content, &keys);
        CHECK(keys.isEmpty());

        Vorlage w = sample();
        const Anchor b = anchorOn(w, section(QStringLiteral("A")), QStringLiteral("Prozent"));
        REQUIRE(replaceAnchoredText(w, b, QStringLiteral("%")).ok());
        CHECK(w.sections[0].content[0].paragraph
              == para({Span{QStringLiteral("Der Radverkehr wächst um ")}, Span::quote(QStringLiteral("rad.zuwachs"), true),
                       Span{QStringLiteral(" % im Jahr.")}}));
    }
    SECTION("a whole line, a table cell, a list item, a header field, an answer, a Beschluss item")
    {
        Vorlage v = sample();
        REQUIRE(replaceAnchoredText(v, anchorOn(v, section(QStringLiteral("C")), QStringLiteral("2021")),
                                    QStringLiteral("2022"))
                    .ok());
        REQUIRE(replaceAnchoredText(v, anchorOn(v, section(QStringLiteral("C")), QStringLiteral("Bau")), QString()).ok());
        CHECK(anchorText(v, section(QStringLiteral("C")))
              == QStringLiteral("Jahr\nKosten\n2022\n") + obj + QStringLiteral("\nPlanung\n"));
        REQUIRE(replaceAnchoredText(v, anchorOn(v, header(QStringLiteral("title")), QStringLiteral("Bremen-Nord")),
                                    QStringLiteral("Vegesack"))
                    .ok());
        CHECK(v.title == QStringLiteral("Ausbau der Radwege in Vegesack"));
        REQUIRE(replaceAnchoredText(v, anchorOn(v, answer(QStringLiteral("q1")), QStringLiteral("Mehr")),
                                    QStringLiteral("Weitere"))
                    .ok());
        CHECK(anchorText(v, answer(QStringLiteral("q1"))) == QStringLiteral("Es gibt viele Radwege.\nWeitere folgen."));
        REQUIRE(replaceAnchoredText(v, anchorOn(v, beschluss(QStringLiteral("b1")), QStringLiteral("stimmt zu")),
                                    QStringLiteral("lehnt ab"))
                    .ok());
        CHECK(v.beschluss[0].text == Paragraph::plain(QStringLiteral("Der Senat lehnt ab.")));
    }
    SECTION("refusals")
    {
        Vorlage v = sample();
        const Vorlage original = v;
        // Over two lines.
        Anchor twoLines = anchorOn(v, answer(QStringLiteral("q1")), QStringLiteral("Radwege.\nMehr"));
        Result<void> r = replaceAnchoredText(v, twoLines, QStringLiteral("Radwege, mehr"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().contains(QStringLiteral("mehrere Absätze")));

        // A replacement that would split the paragraph.
        r = replaceAnchoredText(v, anchorOn(v, section(QStringLiteral("B")), QStringLiteral("Senat")),
                                QStringLiteral("Senat\nund Rat"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().contains(QStringLiteral("Absatzwechsel")));

        // The words changed since the suggestion was made (and no remap carried the anchor).
        const Anchor stale = anchorOn(v, section(QStringLiteral("B")), QStringLiteral("stimmt der"));
        v.sections[1].content[1].paragraph.spans[1].text = QStringLiteral("stimmte");
        const Vorlage edited = v;
        r = replaceAnchoredText(v, stale, QStringLiteral("billigt die"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error()
              == QStringLiteral("Der Text „stimmt der“ wurde inzwischen geändert; der Vorschlag kann nicht übernommen "
                                "werden."));

        Anchor detached = anchorOn(original, header(QStringLiteral("title")), QStringLiteral("Radwege"));
        detached.detached = true;
        r = replaceAnchoredText(v, detached, QStringLiteral("Fußwege"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().contains(QStringLiteral("gelöscht")));

        Anchor gone = anchorOn(original, answer(QStringLiteral("q2")), QStringLiteral("Geld"));
        v.questions.removeLast();
        r = replaceAnchoredText(v, gone, QStringLiteral("viel Geld"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().contains(QStringLiteral("gibt es in der Vorlage nicht")));
        v.questions = edited.questions;
        CHECK(v == edited); // nothing refused changed anything
    }
}

// ---------------------------------------------------------------------------------------------
// The property the review feature stands on: across many random edits every comment still
// points at its words or is marked detached, and detached only when all its words are gone.
//
// Every character typed into this Vorlage is distinct (figure quotes and line breaks aside, and
// each place has at most one figure), so the test knows where each character went without a diff
// and can check each anchor exactly after every remapAnchors():
//  - detached exactly when none of the characters it covered survived (or its place is gone);
//  - otherwise its range holds all surviving characters it covered and, besides them, only
//    characters inserted since the last remap (text typed inside the range);
//  - it starts with its first character and ends with its last one when those survived, so text
//    typed right before or after the words stays outside;
//  - the words as made (the quote) are never overwritten, and the anchored text read without the
//    inserted characters is exactly the quote without the deleted ones.
// ---------------------------------------------------------------------------------------------
namespace {

class RandomEdits {
public:
    explicit RandomEdits(unsigned seed) : mRng(seed) {}

    int rand(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(mRng); }

    QString fresh(int n, bool remember = true)
    {
        QString s;
        for (int i = 0; i < n; ++i) {
            const QChar c(mNext++);
            s += c;
            if (remember)
                mInserted.insert(c);
        }
        return s;
    }

    Paragraph freshParagraph(int minLength, int maxLength, bool remember)
    {
        Paragraph p;
        for (int n = rand(minLength, maxLength); n > 0;) {
            const int chunk = std::min(n, rand(1, 8));
            p.append(Span{fresh(chunk, remember), rand(0, 3) == 0, rand(0, 4) == 0});
            n -= chunk;
        }
        return p;
    }

    Vorlage build()
    {
        Vorlage v;
        v.title = fresh(30, false);
        v.subtitle = fresh(12, false);
        Paragraph withFigure = freshParagraph(10, 30, false);
        withFigure.append(Span::quote(QStringLiteral("a.zahl"), true));
        const Paragraph tail = freshParagraph(10, 30, false);
        for (const Span &s : tail.spans)
            withFigure.append(s);
        Block table;
        table.type = Block::Type::Table;
        for (int r = 0; r < 3; ++r) {
            QList<Paragraph> row;
            for (int c = 0; c < 3; ++c)
                row.append(freshParagraph(3, 12, false));
            table.rows.append(row);
        }
        table.rows[1][2].append(Span::quote(QStringLiteral("c.zahl")));
        const auto items = [&](int n) {
            QList<Paragraph> list;
            for (int i = 0; i < n; ++i)
                list.append(freshParagraph(5, 25, false));
            return list;
        };
        v.sections = {
            Section{QStringLiteral("A"), {},
                    {Block::para(freshParagraph(20, 60, false)), Block::para(withFigure),
                     Block::para(freshParagraph(20, 60, false))}},
            Section{QStringLiteral("B"), {},
                    {Block::list(Block::Type::BulletList, items(4)), Block::placeholder(Block::Type::Answers),
                     Block::list(Block::Type::NumberedList, items(3)), Block::para(freshParagraph(20, 50, false))}},
            Section{QStringLiteral("C"), {}, {table, Block::para(freshParagraph(20, 50, false))}},
            Section{QStringLiteral("D"), {}, {Block::placeholder(Block::Type::Beschluss)}},
        };
        for (int i = 1; i <= 3; ++i) {
            Paragraph q = freshParagraph(10, 40, false);
            v.questions.append(Question{QStringLiteral("q%1").arg(i), q,
                                        {Block::para(freshParagraph(20, 50, false)), Block::list(Block::Type::BulletList, items(2))}});
        }
        for (int i = 1; i <= 2; ++i)
            v.beschluss.append(BeschlussItem{QStringLiteral("b%1").arg(i), freshParagraph(20, 50, false), {}, {}});
        return v;
    }

    static QList<Place> places(const Vorlage &v)
    {
        QList<Place> list{header(QStringLiteral("title")), header(QStringLiteral("subtitle"))};
        for (const Section &s : v.sections)
            list.append(section(s.label));
        for (const Question &q : v.questions)
            list << question(q.id) << answer(q.id);
        for (const BeschlussItem &b : v.beschluss)
            list.append(beschluss(b.id));
        return list;
    }

    // The test's own walk over the editable lines of a place (paragraphs, items, cells).
    static QList<Paragraph *> lines(Vorlage &v, const Place &place)
    {
        const auto ofContent = [](Content &content) {
            QList<Paragraph *> out;
            for (Block &b : content) {
                if (b.type == Block::Type::Paragraph)
                    out.append(&b.paragraph);
                for (Paragraph &p : b.items)
                    out.append(&p);
                for (QList<Paragraph> &row : b.rows) {
                    for (Paragraph &cell : row)
                        out.append(&cell);
                }
            }
            return out;
        };
        for (Section &s : v.sections) {
            if (place.kind == Place::Kind::Section && s.label == place.field)
                return ofContent(s.content);
        }
        for (Question &q : v.questions) {
            if (q.id != place.itemId)
                continue;
            if (place.kind == Place::Kind::Question)
                return {&q.text};
            if (place.kind == Place::Kind::Answer)
                return ofContent(q.answer);
        }
        for (BeschlussItem &b : v.beschluss) {
            if (place.kind == Place::Kind::Beschluss && b.id == place.itemId)
                return {&b.text};
        }
        return {};
    }

    // A paragraph as units: one character of text with its format, or one figure quote.
    static QList<Span> units(const Paragraph &p)
    {
        QList<Span> out;
        for (const Span &s : p.spans) {
            if (s.isFigure())
                out.append(s);
            else
                for (const QChar c : s.text)
                    out.append(Span{QString(c), s.bold, s.italic});
        }
        return out;
    }
    static Paragraph fromUnits(const QList<Span> &units)
    {
        Paragraph p;
        for (const Span &u : units)
            p.append(u);
        return p;
    }

    // Edits one line of a place (the header field is a line of its own) through its units.
    void editLine(Vorlage &v, const Place &place, int line, const std::function<void(QList<Span> &)> &edit)
    {
        if (place.kind == Place::Kind::Header) {
            QString &field = place.field == QLatin1String("title") ? v.title : v.subtitle;
            QList<Span> u = units(Paragraph::plain(field));
            edit(u);
            field = fromUnits(u).plainText();
            return;
        }
        Paragraph *p = lines(v, place).at(line);
        QList<Span> u = units(*p);
        edit(u);
        *p = fromUnits(u);
    }

    // Where a position of anchorText() lies: line and offset in it.
    static std::pair<int, int> lineOf(const QString &text, int pos)
    {
        const int line = int(text.left(pos).count(QLatin1Char('\n')));
        // (lastIndexOf() with -1 would search from the end)
        const int lineStart = pos == 0 ? 0 : int(text.lastIndexOf(QLatin1Char('\n'), pos - 1)) + 1;
        return {line, pos - lineStart};
    }

    void insertAt(Vorlage &v, const Place &place, int pos)
    {
        const auto [line, offset] = lineOf(anchorText(v, place), pos);
        const QString add = fresh(rand(1, 5));
        const bool b = rand(0, 2) == 0;
        const bool i = rand(0, 3) == 0;
        editLine(v, place, line, [&](QList<Span> &u) {
            for (int k = int(add.size()) - 1; k >= 0; --k)
                u.insert(offset, Span{QString(add.at(k)), b, i});
        });
    }

    // Deletes [from, to) of anchorText(), clipped to the line `from` is in.
    void deleteRange(Vorlage &v, const Place &place, int from, int to)
    {
        const QString text = anchorText(v, place);
        const auto [line, offset] = lineOf(text, from);
        const int lineEnd = int(text.indexOf(QLatin1Char('\n'), from));
        const int stop = std::min(to, lineEnd < 0 ? int(text.size()) : lineEnd);
        editLine(v, place, line, [&](QList<Span> &u) { u.remove(offset, std::max(0, stop - from)); });
    }

    void deleteLine(Vorlage &v, const Place &place)
    {
        const auto removeFrom = [&](Content &content) {
            if (content.isEmpty())
                return;
            const int b = rand(0, int(content.size()) - 1);
            Block &block = content[b];
            if (block.isPlaceholder())
                return;
            if (!block.items.isEmpty() && block.items.size() > 1)
                block.items.removeAt(rand(0, int(block.items.size()) - 1));
            else if (block.rows.size() > 1)
                block.rows.removeAt(rand(0, int(block.rows.size()) - 1));
            else
                content.removeAt(b);
        };
        for (Section &s : v.sections) {
            if (place.kind == Place::Kind::Section && s.label == place.field)
                removeFrom(s.content);
        }
        for (Question &q : v.questions) {
            if (place.kind == Place::Kind::Answer && q.id == place.itemId)
                removeFrom(q.answer);
        }
    }

    void insertLine(Vorlage &v, const Place &place)
    {
        Content *content = nullptr;
        for (Section &s : v.sections) {
            if (place.kind == Place::Kind::Section && s.label == place.field)
                content = &s.content;
        }
        for (Question &q : v.questions) {
            if (place.kind == Place::Kind::Answer && q.id == place.itemId)
                content = &q.answer;
        }
        if (content)
            content->insert(rand(0, int(content->size())), Block::para(freshParagraph(5, 20, true)));
    }

    std::mt19937 mRng;
    char16_t mNext = 0x4E00;
    QSet<QChar> mInserted; // characters typed since the last remap
};

struct Tracked {
    Anchor anchor;
    QString made;  // the quote as made, to compare with anchor.quote
    QString range; // the characters the range held at the last remap
};

} // namespace

TEST_CASE("Anchors across many random edits: insert and delete text around comments, every comment still points at "
          "its words or is marked detached",
          "[model][annotation]")
{
    RandomEdits r(20200512);
    Vorlage v = r.build();
    QList<Tracked> tracked;

    const auto addAnchors = [&](int count) {
        const QList<Place> places = RandomEdits::places(v);
        for (int n = 0; n < count; ++n) {
            const Place place = places.at(r.rand(0, int(places.size()) - 1));
            const QString text = anchorText(v, place);
            if (text.isEmpty())
                continue;
            // A random stretch of one line.
            const int pos = r.rand(0, int(text.size()) - 1);
            if (text.at(pos) == QLatin1Char('\n'))
                continue;
            int end = pos + 1;
            const int want = r.rand(1, 15);
            while (end < text.size() && end - pos < want && text.at(end) != QLatin1Char('\n'))
                ++end;
            const QString quote = text.mid(pos, end - pos);
            const Result<Anchor> a = findAnchor(v, place, quote);
            INFO(a.error().toStdString());
            REQUIRE(a.ok());
            REQUIRE(a->start == pos);
            tracked.append({a.value(), quote, quote});
        }
    };
    addAnchors(60);
    REQUIRE(tracked.size() > 40);

    // The characters an anchor's words still have in the current text, in order.
    const auto surviving = [&](const Tracked &t) {
        const QString text = anchorText(v, t.anchor.place);
        QString out;
        for (const QChar c : t.range) {
            if (text.contains(c))
                out += c;
        }
        return out;
    };

    int detachedSeen = 0;
    int insideSeen = 0;
    int edits = 0;
    for (int step = 0; step < 500; ++step) {
        const Vorlage before = v;
        // Usually one edit per remap (an undo command), sometimes a batch (autosave every 500 ms).
        const int batch = r.rand(0, 9) < 7 ? 1 : r.rand(2, 6);
        for (int e = 0; e < batch; ++e, ++edits) {
            const QList<Place> places = RandomEdits::places(v);
            const int kind = r.rand(0, 99);
            // Edits aimed at an anchor use where its words are now (ranges are only updated at remap).
            QList<int> live;
            for (int i = 0; i < tracked.size(); ++i) {
                if (!tracked[i].anchor.detached && placeExists(v, tracked[i].anchor.place)
                    && !surviving(tracked[i]).isEmpty())
                    live.append(i);
            }
            if (kind < 30 || live.isEmpty()) {
                // Typing anywhere.
                const Place place = places.at(r.rand(0, int(places.size()) - 1));
                if (RandomEdits::lines(v, place).isEmpty() && place.kind != Place::Kind::Header)
                    continue;
                r.insertAt(v, place, r.rand(0, int(anchorText(v, place).size())));
            } else if (kind < 50) {
                // Typing inside, right before or right after an anchor's words.
                const Tracked &t = tracked[live.at(r.rand(0, int(live.size()) - 1))];
                const QString words = surviving(t);
                const QString text = anchorText(v, t.anchor.place);
                const int first = int(text.indexOf(words.front()));
                const int last = int(text.indexOf(words.back()));
                const int where = r.rand(0, 2);
                r.insertAt(v, t.anchor.place, where == 0 ? first : where == 1 ? last + 1 : r.rand(first, last + 1));
            } else if (kind < 62) {
                // Deleting a few characters anywhere.
                const Place place = places.at(r.rand(0, int(places.size()) - 1));
                const QString text = anchorText(v, place);
                if (text.isEmpty())
                    continue;
                const int from = r.rand(0, int(text.size()) - 1);
                r.deleteRange(v, place, from, from + r.rand(1, 10));
            } else if (kind < 74) {
                // Deleting an anchor's words: all of them (maybe with a neighbour), or across one edge.
                const Tracked &t = tracked[live.at(r.rand(0, int(live.size()) - 1))];
                const QString words = surviving(t);
                const QString text = anchorText(v, t.anchor.place);
                int first = int(text.indexOf(words.front()));
                int last = int(text.indexOf(words.back())) + 1;
                switch (r.rand(0, 3)) {
                case 0:
                    break; // exactly the words
                case 1:
                    first = std::max(0, first - r.rand(0, 3));
                    last = std::min(int(text.size()), last + r.rand(0, 3));
                    break;
                case 2:
                    last = r.rand(first + 1, last); // the start and some
                    break;
                case 3:
                    first = r.rand(first, last - 1); // the end and some after
                    last = std::min(int(text.size()), last + r.rand(0, 3));
                    break;
                }
                r.deleteRange(v, t.anchor.place, first, last);
            } else if (kind < 80) {
                // A whole paragraph, list item or table row goes.
                r.deleteLine(v, places.at(r.rand(0, int(places.size()) - 1)));
            } else {
                r.insertLine(v, places.at(r.rand(0, int(places.size()) - 1)));
            }
        }
        if (step == 350)
            v.questions.removeAt(1); // with its question and answer anchors

        QList<Anchor *> pointers;
        QList<Anchor> old;
        for (Tracked &t : tracked) {
            pointers.append(&t.anchor);
            old.append(t.anchor);
        }
        const bool changed = remapAnchors(before, v, pointers);
        bool reallyChanged = false;
        for (int i = 0; i < tracked.size(); ++i)
            reallyChanged = reallyChanged || !(tracked[i].anchor == old[i]);
        CHECK(changed == reallyChanged);

        for (int i = 0; i < tracked.size(); ++i) {
            Tracked &t = tracked[i];
            INFO("step " << step << ", anchor " << i << " in " << placeKey(t.anchor.place).toStdString());
            REQUIRE(t.anchor.quote == t.made);
            if (old[i].detached) {
                REQUIRE(t.anchor.detached);
                continue;
            }
            const QString words = placeExists(v, t.anchor.place) ? surviving(t) : QString();
            if (words.isEmpty()) {
                REQUIRE(t.anchor.detached);
                ++detachedSeen;
                continue;
            }
            // Words replaced by others detach the comment too (isReplaced(), tested on its own below).
            if (isReplaced(diffChars(anchorText(before, old[i].place), anchorText(v, t.anchor.place)), old[i].start,
                           old[i].end)) {
                REQUIRE(t.anchor.detached);
                ++detachedSeen;
                continue;
            }
            REQUIRE_FALSE(t.anchor.detached);
            const QString text = anchorText(v, t.anchor.place);
            REQUIRE(0 <= t.anchor.start);
            REQUIRE(t.anchor.start < t.anchor.end);
            REQUIRE(t.anchor.end <= text.size());
            const QString range = text.mid(t.anchor.start, t.anchor.end - t.anchor.start);
            for (const QChar c : range)
                REQUIRE((words.contains(c) || r.mInserted.contains(c)));
            for (const QChar c : words)
                REQUIRE(range.contains(c));
            if (words.front() == t.range.front())
                REQUIRE(range.front() == t.range.front());
            if (words.back() == t.range.back())
                REQUIRE(range.back() == t.range.back());
            // Read without what was typed into it, the range is the quote without what was deleted.
            QString quoteLeft, rangeFromQuote;
            for (const QChar c : t.made) {
                if (text.contains(c))
                    quoteLeft += c;
            }
            for (const QChar c : range) {
                if (t.made.contains(c))
                    rangeFromQuote += c;
            }
            REQUIRE(rangeFromQuote == quoteLeft);
            if (range.size() > words.size())
                ++insideSeen;
            t.range = range;
        }
        r.mInserted.clear();
        if (step % 50 == 49)
            addAnchors(10);
    }
    // The run exercised what it claims to.
    CHECK(edits > 600);
    CHECK(detachedSeen > 10);
    CHECK(insideSeen > 10);
    int stillAttached = 0;
    for (const Tracked &t : tracked)
        stillAttached += t.anchor.detached ? 0 : 1;
    INFO("edits " << edits << ", detached " << detachedSeen << ", typed inside " << insideSeen << ", anchors "
                  << tracked.size() << ", still attached " << stillAttached);
    CHECK(stillAttached > 10);

}

TEST_CASE("accepting a suggestion in a copy leaves the Vorlage it was copied from alone", "[model][annotation]")
{
    // The app accepts in a copy of the open document's Vorlage and pushes the change as an undo step:
    // the copy shares its lists with the document until it is written.
    const Vorlage original = sample(); // built on its own: shares nothing with the document below
    const struct {
        Place place;
        QString quote;
    } cases[] = {{section(QStringLiteral("A")), QStringLiteral("Blumenthal")},
                 {section(QStringLiteral("C")), QStringLiteral("Planung")},
                 {answer(QStringLiteral("q1")), QStringLiteral("Mehr folgen.")},
                 {question(QStringLiteral("q2")), QStringLiteral("Was kosten")},
                 {beschluss(QStringLiteral("b2")), QStringLiteral("Bericht")},
                 {header(QStringLiteral("title")), QStringLiteral("Radwege")}};
    for (const auto &c : cases) {
        const Vorlage document = sample();
        Vorlage copy = document;
        REQUIRE(replaceAnchoredText(copy, anchorOn(copy, c.place, c.quote), QStringLiteral("Neu")).ok());
        INFO(placeKey(c.place).toStdString());
        CHECK(anchorText(copy, c.place).contains(QStringLiteral("Neu")));
        CHECK(anchorText(document, c.place) == anchorText(original, c.place));
        CHECK(document == original);
    }
}

TEST_CASE("a comment detaches when its words are replaced, not when they are corrected or shortened", "[model][annotation]")
{
    const auto replaced = [](const QString &before, const QString &after, const QString &words) {
        const int start = int(before.indexOf(words));
        REQUIRE(start >= 0);
        return isReplaced(diffChars(before, after), start, start + int(words.size()));
    };
    const QString text = QStringLiteral("Eine Entschädigung wurde geprüft.");
    CHECK(replaced(text, QStringLiteral("Eine Pauschale wurde geprüft."), QStringLiteral("Entschädigung")));
    CHECK(replaced(text, QStringLiteral("Eine Zahlung wurde geprüft."), QStringLiteral("Entschädigung")));
    CHECK_FALSE(replaced(QStringLiteral("Eine Entschädgung wurde geprüft."), text, QStringLiteral("Entschädgung")));
    CHECK_FALSE(replaced(text, QStringLiteral("Eine Entschädigungszahlung wurde geprüft."), QStringLiteral("Entschädigung")));
    CHECK_FALSE(replaced(QStringLiteral("nicht länger tragbar."), QStringLiteral("nicht."), QStringLiteral("nicht länger tragbar")));
    CHECK_FALSE(replaced(text, text, QStringLiteral("Entschädigung")));
    // Stray letters of a rewritten sentence do not keep a comment alive.
    CHECK(replaced(QStringLiteral("Sie löst die Datenschutzfragen nicht und wird deshalb nicht vorgeschlagen."),
                   QStringLiteral("Eine Entschädigung wurde geprüft und wird nicht vorgeschlagen."),
                   QStringLiteral("Datenschutzfragen")));
}

TEST_CASE("changedPlaces names exactly the places an edit touched", "[place]")
{
    const QList<Vorlage> demo = demoVorlagen();
    const Vorlage v = demo[0]; // Fragestunde: questions with answers
    REQUIRE(v.questions.size() >= 2);
    const auto keys = [](const QList<Place> &places) {
        QStringList list;
        for (const Place &p : places)
            list << placeKey(p);
        return list;
    };
    CHECK(changedPlaces(v, v).isEmpty());

    Vorlage changed = v;
    changed.title += QStringLiteral(" (neu)");
    changed.questions[1].answer.first().paragraph.append(Span{QStringLiteral(" Ergänzt.")});
    CHECK(keys(changedPlaces(v, changed))
          == QStringList{QStringLiteral("header:title"), QStringLiteral("answer:") + v.questions[1].id});

    Vorlage moved = v;
    moved.questions.move(0, 1);
    CHECK(keys(changedPlaces(v, moved)).size() == 4); // both questions moved: text and answer of each

    Vorlage removed = v;
    removed.questions.removeLast();
    removed.sections.first().heading = QStringLiteral("Anders");
    CHECK(keys(changedPlaces(v, removed))
          == QStringList{QStringLiteral("section:") + v.sections.first().label,
                         QStringLiteral("question:") + v.questions.last().id,
                         QStringLiteral("answer:") + v.questions.last().id});

    Place parsed;
    REQUIRE(placeFromKey(QStringLiteral("anlage:abc"), &parsed));
    CHECK(parsed == Place{Place::Kind::Anlage, {}, QStringLiteral("abc")});
    CHECK_FALSE(placeFromKey(QStringLiteral("unbekannt:x"), &parsed));
}
