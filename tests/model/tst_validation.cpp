#include "testdemo.h"

#include "templates.h"
#include "validation.h"

#include <QElapsedTimer>
#include <QRegularExpression>

#include <functional>

using namespace vw;

namespace {

// The Ressort table a fresh workspace is seeded with, read from the migration that seeds it
// (this test links only the model, not the store).
const RessortTable &seededRessorts()
{
    static const RessortTable table = [] {
        QFile file(QStringLiteral(VW_SOURCE_DIR "/db/migrations/sqlite/0001_initial.sql"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        const QString sql = QString::fromUtf8(file.readAll());
        static const QRegularExpression row(
            QStringLiteral("\\('([^']*)',\\s*'([^']*)',\\s*(NULL|'[^']*'),\\s*(NULL|'[^']*')\\)"));
        const auto date = [](const QString &s) {
            return s == QLatin1String("NULL") ? QDate()
                                              : QDate::fromString(s.mid(1, s.size() - 2), Qt::ISODate);
        };
        QList<RessortName> entries;
        for (auto it = row.globalMatch(sql); it.hasNext();) {
            const auto m = it.next();
            entries << RessortName{m.captured(1), m.captured(2), date(m.captured(3)), date(m.captured(4))};
        }
        REQUIRE(entries.size() > 10);
        return RessortTable(entries);
    }();
    return table;
}

QString lines(const QList<Problem> &problems)
{
    QStringList result;
    for (const Problem &p : problems)
        result << problemLine(p);
    return result.join(QLatin1Char('\n'));
}

const Problem *problemAt(const QList<Problem> &problems, const Place &at)
{
    for (const Problem &p : problems) {
        if (p.place == at)
            return &p;
    }
    return nullptr;
}

void setText(Vorlage &v, const QString &label, const QString &text)
{
    Section *s = v.section(label);
    REQUIRE(s);
    s->content = {Block::para(text)};
}

BeschlussItem item(const QString &text, const QString &id = newItemId())
{
    return BeschlussItem{id, Paragraph::plain(text), {}, {}};
}

Vorlage goodBeschlussvorlage()
{
    Vorlage v = vorlageFromTemplate(VorlageKind::Beschlussvorlage);
    v.ressorts = {{QStringLiteral("kinder-bildung"), {}, true}, {QStringLiteral("finanzen"), {}, false}};
    v.date = QDate(2020, 11, 13);
    v.sessionDate = QDate(2020, 11, 17);
    v.title = QStringLiteral("Leihgeräte für Schülerinnen und Schüler");
    setText(v, QStringLiteral("A"), QStringLiteral("Viele Kinder haben zu Hause kein eigenes Gerät."));
    setText(v, QStringLiteral("B"),
            QStringLiteral("Die Schulen verleihen Tablets für die Dauer der Schulzeit."));
    setText(v, QStringLiteral("C"), QStringLiteral("Keine."));
    setText(v, QStringLiteral("D"),
            QStringLiteral("Die Kosten trägt der Bund. Mädchen und Jungen profitieren gleichermaßen; "
                           "geschlechtsspezifische Wirkungen sind nicht zu erwarten."));
    setText(v, QStringLiteral("E"), QStringLiteral("Der Senator für Finanzen hat zugestimmt."));
    setText(v, QStringLiteral("F"), QStringLiteral("Die Vorlage wird nach Beschluss veröffentlicht."));
    v.beschluss = {
        item(QStringLiteral("Der Senat stimmt dem Verleih von Tablets zu."), QStringLiteral("b1")),
        item(QStringLiteral("Der Senat bittet die Senatorin für Kinder und Bildung, bis zum 30.06.2021 "
                            "zu berichten."),
             QStringLiteral("b2"))};
    v.beschluss[1].ressortKey = QStringLiteral("kinder-bildung");
    v.beschluss[1].dueDate = QDate(2021, 6, 30);
    return v;
}

Vorlage goodFragestunde()
{
    Vorlage v = vorlageFromTemplate(VorlageKind::Fragestunde);
    v.ressorts = {{QStringLiteral("finanzen"), {}, true}};
    v.date = QDate(2020, 5, 4);
    v.sessionDate = QDate(2020, 5, 12);
    v.questionNumber = QStringLiteral("L 11");
    v.title = QStringLiteral("Arbeiten von zu Hause");
    for (const char *label : {"A", "B"})
        v.section(QString::fromLatin1(label))->content.prepend(Block::para(QStringLiteral("Einleitung.")));
    setText(v, QStringLiteral("C"), QStringLiteral("Keine."));
    setText(v, QStringLiteral("D"), QStringLiteral("Keine Kosten. Die Gleichstellung ist nicht berührt."));
    setText(v, QStringLiteral("E"), QStringLiteral("Nicht erforderlich."));
    setText(v, QStringLiteral("F"), QStringLiteral("Veröffentlichung nach Beschluss."));
    for (int i = 0; i < 3; ++i)
        v.questions << Question{QStringLiteral("q%1").arg(i + 1),
                                Paragraph::plain(QStringLiteral("Frage Nummer %1?").arg(i + 1)),
                                {Block::para(QStringLiteral("Antwort Nummer %1.").arg(i + 1))}};
    v.beschluss = {item(QStringLiteral("Der Senat stimmt einer mündlichen Antwort zu."), QStringLiteral("b1"))};
    return v;
}

struct Rule {
    const char *name;
    std::function<Vorlage()> good;
    std::function<void(Vorlage &)> breakIt;
    std::function<void(Vorlage &)> fixIt; // a different valid state, not just the original
    Place at;
    Problem::Severity severity;
    QString fragment; // part of the message
};

const auto bv = goodBeschlussvorlage;
const auto fs = goodFragestunde;
constexpr auto IsError = Problem::Severity::Error;
constexpr auto IsWarning = Problem::Severity::Warning;

// The fixtures' items have fixed ids: "q1" … "q3" (questions), "b1", "b2" (Beschluss items); index from 0.
Place header(const char *field, const QString &itemId = {})
{
    return {Place::Kind::Header, QString::fromLatin1(field), itemId};
}
Place section(const char *label)
{
    return {Place::Kind::Section, QString::fromLatin1(label)};
}
Place questionAt(int i)
{
    return {Place::Kind::Question, {}, QStringLiteral("q%1").arg(i + 1)};
}
Place answerAt(int i)
{
    return {Place::Kind::Answer, {}, QStringLiteral("q%1").arg(i + 1)};
}
Place beschlussAt(int i)
{
    return {Place::Kind::Beschluss, {}, QStringLiteral("b%1").arg(i + 1)};
}

QList<Rule> rules()
{
    return {
        {"empty title", bv, [](Vorlage &v) { v.title = QStringLiteral("  "); },
         [](Vorlage &v) { v.title = QStringLiteral("Ein anderer Titel"); }, header("title"), IsError,
         QStringLiteral("Titel")},
        {"no Ressort", bv, [](Vorlage &v) { v.ressorts.clear(); },
         [](Vorlage &v) {
             v.ressorts = {{QStringLiteral("finanzen"), {}, true}};
         },
         header("ressorts"), IsError, QStringLiteral("kein einreichendes Ressort")},
        {"Ressort key not in the table", bv, [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("haefen"); },
         [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("justiz"); }, header("ressorts", QStringLiteral("haefen")), IsError,
         QStringLiteral("„haefen“")},
        {"Ressort whose name begins after the Vorlage date", bv,
         [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("bau"); },
         [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("justiz"); }, header("ressorts", QStringLiteral("bau")),
         IsError,
         QStringLiteral(
             "„Die Senatorin für Bau, Mobilität und Stadtentwicklung“ hat am 13.11.2020 keinen gültigen "
             "Namen; der Name gilt erst ab dem 05.07.2023")},
        {"Ressort whose name ended before the Vorlage date", bv,
         [](Vorlage &v) {
             v.ressorts[1].key = QStringLiteral("wissenschaft");
             v.date = QDate(2024, 1, 10);
             v.sessionDate = QDate(2024, 1, 16);
             v.beschluss[1].dueDate = QDate(2024, 6, 30);
             v.beschluss[1].text = Paragraph::plain(QStringLiteral("Der Senat bittet um einen Bericht."));
         },
         [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("umwelt"); },
         header("ressorts", QStringLiteral("wissenschaft")), IsError,
         QStringLiteral(
             "„Die Senatorin für Wissenschaft und Häfen“ hat am 10.01.2024 keinen gültigen Namen; der "
             "Name galt bis zum 04.07.2023")},
        {"Ressort only by name", bv,
         [](Vorlage &v) {
             v.ressorts[0] = {{}, QStringLiteral("Der Senator für Häfen"), true};
         },
         [](Vorlage &v) { v.ressorts[0].key = QStringLiteral("wirtschaft"); },
         header("ressorts", QStringLiteral("Der Senator für Häfen")),
         IsWarning, QStringLiteral("„Der Senator für Häfen“ steht nicht in der Ressorttabelle")},
        {"Ressort without key or name", bv, [](Vorlage &v) { v.ressorts[1] = {}; },
         [](Vorlage &v) { v.ressorts[1].key = QStringLiteral("justiz"); }, header("ressorts"), IsError,
         QStringLiteral("Ressort 2")},
        {"no Vorlage date", bv, [](Vorlage &v) { v.date = {}; },
         [](Vorlage &v) { v.date = QDate(2020, 11, 1); }, header("date"), IsError, QStringLiteral("Datum")},
        {"no session date", bv, [](Vorlage &v) { v.sessionDate = {}; },
         [](Vorlage &v) { v.sessionDate = QDate(2020, 11, 24); }, header("sessionDate"), IsError,
         QStringLiteral("Sitzungsdatum")},
        {"session before the Vorlage date", bv, [](Vorlage &v) { v.sessionDate = QDate(2020, 11, 10); },
         [](Vorlage &v) {
             v.sessionDate = v.date; /* a Tischvorlage on the day */
         },
         header("sessionDate"), IsError,
         QStringLiteral("Die Sitzung am 10.11.2020 liegt vor dem Datum der Vorlage (13.11.2020).")},
        {"question number in the wrong form", fs,
         [](Vorlage &v) { v.questionNumber = QStringLiteral("L11"); },
         [](Vorlage &v) { v.questionNumber = QStringLiteral("S 7"); }, header("questionNumber"), IsWarning,
         QStringLiteral("„L11“")},
        {"Fragestunde without question number", fs, [](Vorlage &v) { v.questionNumber.clear(); },
         [](Vorlage &v) { v.questionNumber = QStringLiteral("L 15"); }, header("questionNumber"), IsWarning,
         QStringLiteral("Fragenummer")},
        {"A empty", bv, [](Vorlage &v) { v.section(QStringLiteral("A"))->content.clear(); },
         [](Vorlage &v) { setText(v, QStringLiteral("A"), QStringLiteral("Neu.")); }, section("A"), IsError,
         QStringLiteral("Abschnitt A (Problem) ist leer.")},
        {"B only blank text", bv, [](Vorlage &v) { setText(v, QStringLiteral("B"), QStringLiteral(" \t")); },
         [](Vorlage &v) { setText(v, QStringLiteral("B"), QStringLiteral("Neu.")); }, section("B"), IsError,
         QStringLiteral("Abschnitt B (Lösung) ist leer.")},
        {"C empty", bv, [](Vorlage &v) { v.section(QStringLiteral("C"))->content.clear(); },
         [](Vorlage &v) {
             v.section(QStringLiteral("C"))->content = {
                 Block::list(Block::Type::BulletList, {Paragraph::plain(QStringLiteral("Abwarten"))})};
         },
         section("C"), IsWarning, QStringLiteral("Abschnitt C (Alternativen) ist leer.")},
        {"C missing", bv, [](Vorlage &v) { v.sections.removeAt(2); },
         [](Vorlage &v) {
             v.sections.insert(2, Section{QStringLiteral("C"), {}, {Block::para(QStringLiteral("X"))}});
         },
         section("C"), IsWarning, QStringLiteral("Abschnitt C (Alternativen) fehlt.")},
        {"E empty", bv, [](Vorlage &v) { v.section(QStringLiteral("E"))->content.clear(); },
         [](Vorlage &v) { setText(v, QStringLiteral("E"), QStringLiteral("Abgestimmt.")); }, section("E"),
         IsWarning, QStringLiteral("Abschnitt E")},
        {"F empty", bv, [](Vorlage &v) { v.section(QStringLiteral("F"))->content.clear(); },
         [](Vorlage &v) { setText(v, QStringLiteral("F"), QStringLiteral("Ja.")); }, section("F"), IsWarning,
         QStringLiteral("Abschnitt F")},
        {"D empty", bv, [](Vorlage &v) { v.section(QStringLiteral("D"))->content.clear(); },
         [](Vorlage &v) { setText(v, QStringLiteral("D"), QStringLiteral("Keine Gender-Relevanz.")); },
         section("D"), IsError, QStringLiteral("Abschnitt D ist leer; die Gender-Prüfung fehlt.")},
        {"D missing", bv, [](Vorlage &v) { v.sections.removeAt(3); },
         [](Vorlage &v) {
             v.sections.insert(
                 3, Section{QStringLiteral("D"), {}, {Block::para(QStringLiteral("Frauen und Männer."))}});
         },
         section("D"), IsError, QStringLiteral("Gender-Prüfung")},
        {"D without gender assessment", bv,
         [](Vorlage &v) { setText(v, QStringLiteral("D"), QStringLiteral("Die Kosten trägt der Bund.")); },
         [](Vorlage &v) {
             v.section(QStringLiteral("D"))->content
                 << Block::para(QStringLiteral("Die Maßnahme wirkt sich auf die Gleichstellung nicht aus."));
         },
         section("D"), IsError, QStringLiteral("Abschnitt D: Die Gender-Prüfung fehlt.")},
        {"G empty", bv, [](Vorlage &v) { v.beschluss.clear(); },
         [](Vorlage &v) { v.beschluss << item(QStringLiteral("Der Senat nimmt Kenntnis.")); }, section("G"),
         IsError, QStringLiteral("Abschnitt G (Beschluss) ist leer.")},
        {"G with text but no Beschluss item",
         bv,
         [](Vorlage &v) {
             v.beschluss.clear();
             v.section(QStringLiteral("G"))
                 ->content.prepend(Block::para(QStringLiteral("Beschlussvorschlag:")));
         },
         [](Vorlage &v) { v.beschluss << item(QStringLiteral("Der Senat beschließt den Verleih.")); },
         {Place::Kind::Beschluss},
         IsError,
         QStringLiteral("keinen Beschlusspunkt")},
        {"Beschluss item without text",
         bv,
         [](Vorlage &v) { v.beschluss[0].text = {}; },
         [](Vorlage &v) {
             v.beschluss[0].text = Paragraph::plain(QStringLiteral("Der Senat begrüßt den Verleih."));
         },
         beschlussAt(0),
         IsError,
         QStringLiteral("Beschlusspunkt 1 ist leer.")},
        {"Beschluss item without verb",
         bv,
         [](Vorlage &v) {
             v.beschluss[1].text =
                 Paragraph::plain(QStringLiteral("Der Bericht wird zur Kenntnis genommen."));
         },
         [](Vorlage &v) {
             v.beschluss[1].text =
                 Paragraph::plain(QStringLiteral("Der Senat nimmt den Bericht zur Kenntnis."));
         },
         beschlussAt(1),
         IsError,
         QStringLiteral("Beschlusspunkt 2 enthält kein Beschlussverb")},
        {"Beschluss due date before the session",
         bv,
         [](Vorlage &v) { v.beschluss[1].dueDate = QDate(2020, 6, 30); },
         [](Vorlage &v) { v.beschluss[1].dueDate = QDate(2021, 3, 31); },
         beschlussAt(1),
         IsWarning,
         QStringLiteral(
             "Beschlusspunkt 2 nennt mit dem 30.06.2020 einen Termin vor der Sitzung am 17.11.2020.")},
        {"Beschluss sentence names a deadline before the session",
         bv,
         [](Vorlage &v) {
             v.beschluss[0].text =
                 Paragraph::plain(QStringLiteral("Der Senat bittet die Senatorin für Finanzen, bis "
                                                 "spätestens 1. Oktober 2020 zu berichten."));
         },
         [](Vorlage &v) {
             v.beschluss[0].text =
                 Paragraph::plain(QStringLiteral("Der Senat bittet die Senatorin für Finanzen, bis "
                                                 "spätestens 1. Oktober 2021 zu berichten."));
         },
         beschlussAt(0),
         IsWarning,
         QStringLiteral("01.10.2020")},
        {"Beschluss item addressed to an unknown Ressort",
         bv,
         [](Vorlage &v) { v.beschluss[1].ressortKey = QStringLiteral("haefen"); },
         [](Vorlage &v) { v.beschluss[1].ressortKey.clear(); },
         beschlussAt(1),
         IsWarning,
         QStringLiteral("Beschlusspunkt 2: Der Ressortschlüssel „haefen“")},
        {"Fragestunde without questions",
         fs,
         [](Vorlage &v) { v.questions.clear(); },
         [](Vorlage &v) {
             v.questions << Question{newItemId(),
                                     Paragraph::plain(QStringLiteral("Warum?")),
                                     {Block::para(QStringLiteral("Darum."))}};
         },
         {Place::Kind::Question},
         IsError,
         QStringLiteral("keine Fragen")},
        {"question without text",
         fs,
         [](Vorlage &v) { v.questions[1].text = Paragraph::plain(QStringLiteral(" ")); },
         [](Vorlage &v) { v.questions[1].text = Paragraph::plain(QStringLiteral("Wie viele?")); },
         questionAt(1),
         IsError,
         QStringLiteral("Frage 2 hat keinen Text.")},
        {"question without answer",
         fs,
         [](Vorlage &v) { v.questions[1].answer = {Block::para(QString())}; },
         [](Vorlage &v) {
             v.questions[1].answer = {
                 Block::list(Block::Type::NumberedList, {Paragraph::plain(QStringLiteral("Erstens."))})};
         },
         answerAt(1),
         IsError,
         QStringLiteral("Zu Frage 2 fehlt die Antwort.")},
        // Leftovers of a draft: "{{" prints as typed (an error, as a quote of an unknown figure is), a
        // lone "}}" and an unfilled "…" may be meant, so they are warnings.
        {"a {{ that never became a quote", bv,
         [](Vorlage &v) { setText(v, QStringLiteral("B"), QStringLiteral("Es gibt {{vpn Zugänge.")); },
         [](Vorlage &v) { setText(v, QStringLiteral("B"), QStringLiteral("Es gibt 4750 Zugänge.")); }, section("B"),
         IsError, QStringLiteral("Abschnitt B: „{{“ ist kein Verweis auf eine Zahl")},
        {"a {{key}} typed in an answer", fs,
         [](Vorlage &v) { v.questions[2].answer = {Block::para(QStringLiteral("Bis zu {{vpn-bremen}}."))}; },
         [](Vorlage &v) { v.questions[2].answer = {Block::para(QStringLiteral("Bis zu 4750."))}; },
         answerAt(2), IsError, QStringLiteral("Antwort zu Frage 3: „{{“")},
        {"a lone }} in a question", fs,
         [](Vorlage &v) { v.questions[0].text = Paragraph::plain(QStringLiteral("Wie viele}} gibt es?")); },
         [](Vorlage &v) { v.questions[0].text = Paragraph::plain(QStringLiteral("Wie viele gibt es?")); },
         questionAt(0), IsWarning, QStringLiteral("Frage 1: „}}“ ohne „{{“")},
        {"the … of a new Beschluss item left in", bv,
         [](Vorlage &v) { v.beschluss[0].text = Paragraph::plain(QStringLiteral("Der Senat nimmt … zur Kenntnis.")); },
         [](Vorlage &v) {
             v.beschluss[0].text = Paragraph::plain(QStringLiteral("Der Senat nimmt den Bericht zur Kenntnis."));
         },
         beschlussAt(0), IsWarning,
         QStringLiteral("Beschlusspunkt 1: Der Platzhalter „…“ ist noch nicht ausgefüllt.")},
        {"the … of a standard wording left in", bv,
         [](Vorlage &v) {
             setText(v, QStringLiteral("C"),
                     QStringLiteral("Eine Alternative wäre, auf die Maßnahme zu verzichten. Das wird nicht "
                                    "empfohlen, weil …"));
         },
         [](Vorlage &v) {
             setText(v, QStringLiteral("C"), QStringLiteral("Zitiert wird: „Die Geräte […] sind da.“ (…)"));
         },
         section("C"), IsWarning, QStringLiteral("Abschnitt C: Der Platzhalter „…“")},
        {"a … in the title", bv, [](Vorlage &v) { v.title = QStringLiteral("Leihgeräte für …"); },
         [](Vorlage &v) { v.title = QStringLiteral("Leihgeräte für Schulen"); }, header("title"), IsWarning,
         QStringLiteral("Titel: Der Platzhalter „…“")},
    };
}

} // namespace

TEST_CASE("well-formed Vorlagen have no problems", "[model]")
{
    for (const Vorlage &v : {goodBeschlussvorlage(), goodFragestunde()}) {
        const QList<Problem> problems = validate(v, seededRessorts());
        INFO(lines(problems).toStdString());
        CHECK(problems.isEmpty());
        CHECK_FALSE(hasErrors(problems));
        CHECK(problemSummary(problems) == QStringLiteral("Keine Probleme"));
        CHECK(errorReport(problems).isEmpty());
    }
}

TEST_CASE("a quote is no leftover {{: only typed braces are reported", "[model]")
{
    Vorlage v = goodBeschlussvorlage();
    Section *b = v.section(QStringLiteral("B"));
    b->content = {Block::para(Paragraph{{Span{QStringLiteral("Bis zu ")}, Span::quote(QStringLiteral("vpn-bremen")),
                                         Span{QStringLiteral(" Zugänge.")}}})};
    Figure vpn;
    vpn.key = QStringLiteral("vpn-bremen");
    vpn.value = QStringLiteral("4750");
    const FigureValues figures({vpn}, NumberStyle{});
    const QList<Problem> problems = validate(v, seededRessorts(), &figures);
    INFO(lines(problems).toStdString());
    CHECK(problems.isEmpty());
    // The export refuses a typed "{{": it is an error in the report.
    b->content.append(Block::para(QStringLiteral("Noch {{offen.")));
    const QString report = errorReport(validate(v, seededRessorts(), &figures));
    CHECK(report.contains(QStringLiteral("wird nicht exportiert")));
    CHECK(report.contains(QStringLiteral("Fehler: Abschnitt B: „{{“ ist kein Verweis auf eine Zahl.")));
}

TEST_CASE("the demo Vorlagen validate without errors", "[model]")
{
    const QList<Vorlage> demo = demoVorlagen();
    REQUIRE(demo.size() >= 2);
    for (const Vorlage &v : demo) {
        const QList<Problem> problems = validate(v, seededRessorts());
        INFO(kindKey(v.kind).toStdString() << ": " << lines(problems).toStdString());
        CHECK_FALSE(hasErrors(problems));
        CHECK(problems.isEmpty());
    }
}

TEST_CASE("every rule fires on a bad Vorlage and clears when fixed", "[model]")
{
    for (const Rule &rule : rules()) {
        DYNAMIC_SECTION(rule.name)
        {
            Vorlage v = rule.good();
            REQUIRE(validate(v, seededRessorts()).isEmpty());

            rule.breakIt(v);
            const QList<Problem> bad = validate(v, seededRessorts());
            INFO(lines(bad).toStdString());
            const Problem *p = problemAt(bad, rule.at);
            REQUIRE(p);
            CHECK(p->severity == rule.severity);
            CHECK(p->message.contains(rule.fragment));
            CHECK(hasErrors(bad) == (rule.severity == IsError));
            // One rule, one problem: nothing else fires.
            CHECK(bad.size() == 1);

            rule.fixIt(v);
            const QList<Problem> fixed = validate(v, seededRessorts());
            INFO("after the fix: " << lines(fixed).toStdString());
            CHECK(fixed.isEmpty());
        }
    }
}

TEST_CASE("an empty section with items is reported once, not once per rule", "[model]")
{
    SECTION("a Fragestunde without anything in A and B")
    {
        Vorlage v = goodFragestunde();
        v.questions.clear();
        v.section(QStringLiteral("A"))->content = {Block::placeholder(Block::Type::Questions)};
        v.section(QStringLiteral("B"))->content = {Block::placeholder(Block::Type::Answers)};
        const QList<Problem> problems = validate(v, seededRessorts());
        INFO(lines(problems).toStdString());
        REQUIRE(problems.size() == 2);
        CHECK(problems[0].place == section("A"));
        CHECK(problems[1].place == section("B"));
    }
    SECTION("answers missing in B: one problem per question, B itself is not empty")
    {
        Vorlage v = goodFragestunde();
        v.section(QStringLiteral("B"))->content = {Block::placeholder(Block::Type::Answers)};
        for (Question &q : v.questions)
            q.answer.clear();
        const QList<Problem> problems = validate(v, seededRessorts());
        INFO(lines(problems).toStdString());
        REQUIRE(problems.size() == 3);
        for (int i = 0; i < 3; ++i)
            CHECK(problems[i].place == answerAt(i));
    }
}

TEST_CASE("problems come in document order", "[model]")
{
    Vorlage v = goodFragestunde();
    v.title.clear();
    v.ressorts.clear();
    v.beschluss[0].text = Paragraph::plain(QStringLiteral("Antwort wie vorgeschlagen."));
    v.section(QStringLiteral("D"))->content.clear();
    v.questions[2].answer.clear();
    v.questions[0].text = {};
    const QList<Problem> problems = validate(v, seededRessorts());
    INFO(lines(problems).toStdString());
    const QList<Place> expected{header("ressorts"), header("title"), questionAt(0), answerAt(2), section("D"),
                                beschlussAt(0)};
    QList<Place> got;
    for (const Problem &p : problems)
        got << p.place;
    CHECK(got == expected);
    CHECK(errorCount(problems) == 6);
    CHECK(warningCount(problems) == 0);
}

TEST_CASE("kinds without the Fragestunde rules", "[model]")
{
    SECTION("a Kleine Anfrage prints its answer as an Anlage: no answers demanded, question texts are")
    {
        Vorlage v = goodBeschlussvorlage();
        Vorlage k = vorlageFromTemplate(VorlageKind::KleineAnfrage);
        k.ressorts = v.ressorts;
        k.date = v.date;
        k.sessionDate = v.sessionDate;
        k.title = v.title;
        k.beschluss = v.beschluss;
        for (Section &s : k.sections) {
            if (s.label != QLatin1String("A") && s.label != QLatin1String("G"))
                s.content = v.section(s.label)->content;
        }
        k.questions << Question{newItemId(), Paragraph::plain(QStringLiteral("Wie viele?")), {}}
                    << Question{newItemId(), Paragraph::plain(QStringLiteral("Wann?")), {}};
        CHECK(validate(k, seededRessorts()).isEmpty());
        k.questions[1].text = {};
        const QList<Problem> problems = validate(k, seededRessorts());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].place == Place{Place::Kind::Question, {}, k.questions[1].id});
    }
    SECTION("Vorträge der Senatskanzlei have no A–G")
    {
        Vorlage v = vorlageFromTemplate(VorlageKind::SenatskanzleiVortraege);
        v.ressorts = {{QStringLiteral("senatskanzlei"), {}, true}};
        v.date = QDate(2020, 5, 15);
        v.sessionDate = QDate(2020, 5, 19);
        v.title = QStringLiteral("Vorträge der Senatskanzlei");
        CHECK(validate(v, seededRessorts()).isEmpty());
        v.sections << Section{QStringLiteral("2"), QStringLiteral("Vortrag"), {}};
        const QList<Problem> problems = validate(v, seededRessorts());
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].severity == IsWarning);
        CHECK(problems[0].place == section("2"));
    }
}

TEST_CASE("the gender assessment is recognised in its usual wordings", "[model]")
{
    const QStringList assessments{
        QStringLiteral("Eine Gender-Prüfung ergab keine Auswirkungen."),
        QStringLiteral("Genderrelevante Aspekte sind nicht berührt."),
        QStringLiteral("Geschlechtsspezifische Auswirkungen sind nicht zu erwarten."),
        QStringLiteral("Die Daten werden nicht nach Geschlechtern getrennt erhoben."),
        QStringLiteral("Belange der Gleichstellung sind nicht betroffen."),
        QStringLiteral("Der Anteil der FRAUEN liegt bei 40 %."),
        QStringLiteral("Männer sind stärker betroffen."),
        QStringLiteral("Die ZGF wurde beteiligt."),
    };
    for (const QString &text : assessments) {
        Vorlage v = goodBeschlussvorlage();
        setText(v, QStringLiteral("D"), QStringLiteral("Keine Kosten. ") + text);
        INFO(text.toStdString());
        CHECK(validate(v, seededRessorts()).isEmpty());
    }
    for (const QString &text : {QStringLiteral("Keine Kosten."), QStringLiteral("Das Vertrauen wächst.")}) {
        Vorlage v = goodBeschlussvorlage();
        setText(v, QStringLiteral("D"), text);
        INFO(text.toStdString());
        CHECK(problemAt(validate(v, seededRessorts()), section("D")));
    }
}

TEST_CASE("the verb of a Beschluss sentence is recognised", "[model]")
{
    using V = BeschlussVerb;
    const QList<std::pair<QString, V>> table{
        {QStringLiteral("Der Senat nimmt den Bericht der Senatorin für Finanzen zur Kenntnis."), V::Kenntnis},
        {QStringLiteral("Der Senat nimmt Kenntnis."), V::Kenntnis},
        {QStringLiteral("Beschluss: Der Senat nimmt Kenntnis."), V::Kenntnis},
        {QStringLiteral("Die staatliche Deputation für Kinder und Bildung nimmt den Sachstand zur Kenntnis."),
         V::Kenntnis},
        {QStringLiteral("Die Deputationen nehmen die beiden Zwischenberichte zustimmend zur Kenntnis."),
         V::Kenntnis},
        {QStringLiteral("Der Senat nimmt den Bericht zur Kenntnis und bittet um Fortschreibung."),
         V::Kenntnis},
        {QStringLiteral("Der Senat stimmt dem Entwurf der Verordnung zu."), V::Zustimmung},
        {QStringLiteral(
             "Der Senat stimmt entsprechend der Vorlage vom 04.05.2020 einer mündlichen Antwort auf die "
             "Anfrage zu."),
         V::Zustimmung},
        {QStringLiteral(
             "Senat und Magistrat stimmen dem gemeinsamen Vorgehen zu, sofern Mittel bereitstehen."),
         V::Zustimmung},
        {QStringLiteral("Der Senat stimmt … zu."), V::Zustimmung},
        {QStringLiteral("Der Senat stimmt zu und bittet, bis zum 01.03.2021 zu berichten."), V::Zustimmung},
        {QStringLiteral("Der Senat beschließt die Freigabe von 120.000 € für das Projekt."), V::Beschluss},
        {QStringLiteral("Der Senat beschliesst den Entwurf eines Gesetzes über die Feiertage."),
         V::Beschluss},
        {QStringLiteral(
             "Der Senat bittet die Senatorin für Justiz und Verfassung, bis zum 31.03.2022 zu berichten."),
         V::Bitte},
        {QStringLiteral("Der Senat bittet, den Bericht zur Kenntnis zu nehmen."), V::Bitte},
        {QStringLiteral("Der Senat beauftragt den Senator für Inneres, einen Gesetzentwurf vorzulegen."),
         V::Auftrag},
        {QStringLiteral("Die Deputation beauftragt die Verwaltung mit einer Prüfung."), V::Auftrag},
        {QStringLiteral("Der Senat begrüßt die Initiative der Handelskammer."), V::Begruessung},
        {QStringLiteral("Die Ressorts begrüßen, dass der Bund die Kosten trägt."), V::Begruessung},
        // Negatives: nouns, passives, reports, infinitives, other verbs.
        {QString(), V::None},
        {QStringLiteral("Der Senat …"), V::None},
        {QStringLiteral("Kenntnisnahme des Berichts."), V::None},
        {QStringLiteral("Der Bericht wird zur Kenntnis genommen."), V::None},
        {QStringLiteral("Die Senatorin für Finanzen wird beauftragt, einen Bericht vorzulegen."), V::None},
        {QStringLiteral("Der Senat hat die Initiative im Mai begrüßt."), V::None},
        {QStringLiteral("Mit der Bitte um Beschlussfassung."), V::None},
        {QStringLiteral("Die Zahlen stimmen mit dem Haushaltsplan überein."), V::None},
        {QStringLiteral("Die Zahlen stimmen, die Deputation wird zu Recht informiert."), V::None},
        {QStringLiteral("Es wird vorgeschlagen, dem Entwurf zuzustimmen."), V::None},
        {QStringLiteral("Der Senat ist gebeten worden, darüber zu beschließen."), V::None},
        {QStringLiteral("Der Senat wird darüber in der nächsten Sitzung beschließen."), V::None},
        {QStringLiteral("Der Senat nimmt Stellung."), V::None},
        {QStringLiteral("Der Senat beschloss die Vorlage am 12.05.2020."), V::None},
        {QStringLiteral("Zustimmung zur Vorlage."), V::None},
    };
    for (const auto &[sentence, verb] : table) {
        INFO(sentence.toStdString());
        CHECK(beschlussVerbLabel(beschlussVerb(sentence)) == beschlussVerbLabel(verb));
    }
}

TEST_CASE("Beschluss sentence templates carry their verb", "[model]")
{
    const QList<BeschlussVerb> verbs = allBeschlussVerbs();
    CHECK(verbs.size() == 6);
    CHECK_FALSE(verbs.contains(BeschlussVerb::None));
    QStringList labels;
    for (BeschlussVerb verb : verbs) {
        const QString sentence = beschlussSentence(verb);
        INFO(sentence.toStdString());
        CHECK(sentence.startsWith(QStringLiteral("Der Senat ")));
        CHECK(sentence.contains(QStringLiteral("…")));
        CHECK(beschlussVerb(sentence) == verb);
        CHECK(beschlussVerb(beschlussSentence(verb, QStringLiteral("Die Deputation"))) == verb);
        labels << beschlussVerbLabel(verb);
    }
    CHECK(beschlussSentence(BeschlussVerb::Kenntnis) == QStringLiteral("Der Senat nimmt … zur Kenntnis."));
    CHECK(beschlussSentence(BeschlussVerb::Zustimmung) == QStringLiteral("Der Senat stimmt … zu."));
    labels.removeDuplicates();
    CHECK(labels.size() == 6);
    CHECK(labels[0] == QStringLiteral("nimmt … zur Kenntnis"));
    CHECK(beschlussVerb(beschlussSentence(BeschlussVerb::None)) == BeschlussVerb::None);
}

TEST_CASE("problems print as lines and a summary", "[model]")
{
    const Problem gender{Problem::Severity::Error, section("D"),
                         QStringLiteral("Abschnitt D: Die Gender-Prüfung fehlt.")};
    const Problem answer{Problem::Severity::Error, answerAt(1), QStringLiteral("Zu Frage 2 fehlt die Antwort.")};
    const Problem number{Problem::Severity::Warning, header("questionNumber"),
                         QStringLiteral("Fragenummer.")};
    CHECK(problemLine(gender) == QStringLiteral("Fehler: Abschnitt D: Die Gender-Prüfung fehlt."));
    CHECK(problemLine(number) == QStringLiteral("Warnung: Fragenummer."));
    CHECK(problemSummary({gender, answer, number}) == QStringLiteral("2 Fehler, 1 Warnung"));
    CHECK(problemSummary({number, number}) == QStringLiteral("2 Warnungen"));
    CHECK(problemSummary({gender}) == QStringLiteral("1 Fehler"));
    CHECK(problemSummary({}) == QStringLiteral("Keine Probleme"));
    CHECK(hasErrors({number, gender}));
    CHECK_FALSE(hasErrors({number}));
    CHECK(errorReport({number}).isEmpty());
    CHECK(errorReport({gender, number, answer}) ==
          QStringLiteral("Die Vorlage hat 2 Fehler und wird nicht exportiert:\n"
                         "Fehler: Abschnitt D: Die Gender-Prüfung fehlt.\n"
                         "Fehler: Zu Frage 2 fehlt die Antwort."));
}

TEST_CASE("validation is quick enough for every keystroke of a long Vorlage", "[model]")
{
    Vorlage v = goodFragestunde();
    // About 50 pages: 800 paragraphs (the gender assessment last in D), 40 questions, 20 Beschluss items.
    for (int i = 0; i < 600; ++i)
        v.section(QStringLiteral("B"))->content
            << Block::para(QStringLiteral("Absatz %1 mit etwas Text, der eine "
                                          "Zeile und mehr füllt.")
                               .arg(i));
    for (int i = 0; i < 200; ++i)
        v.section(QStringLiteral("D"))
            ->content.prepend(Block::para(QStringLiteral("Kosten im Jahr %1.").arg(2000 + i)));
    const Question question = v.questions[0];
    for (int i = 0; i < 37; ++i)
        v.questions << question;
    for (int i = 0; i < 19; ++i)
        v.beschluss << item(
            QStringLiteral("Der Senat bittet die Senatorin für Finanzen, bis zum 30.06.2021 zu "
                           "berichten."));
    REQUIRE(validate(v, seededRessorts()).isEmpty());
    QElapsedTimer timer;
    timer.start();
    constexpr int runs = 50;
    for (int i = 0; i < runs; ++i)
        REQUIRE(validate(v, seededRessorts()).isEmpty());
    // Generous: a few hundred microseconds here; the bound only catches a regression by orders of magnitude.
    CHECK(timer.elapsed() / runs < 20);
}

TEST_CASE("a typed number's proposed key comes from the nouns around it", "[model]")
{
    Vorlage v = goodBeschlussvorlage();
    setText(v, QStringLiteral("B"),
            QStringLiteral("Bremerhaven plant 500 VPN-Zugänge. Es gibt 452 Arbeitsplätze in Bremerhaven. "
                           "In Bremerhaven sind es zur Zeit 311 gleichzeitige Zugriffe, an der Aufstockung auf "
                           "über 620 wird zur Zeit gearbeitet. Im Bereich der Kernverwaltung sind 3027 Notebooks "
                           "im Betrieb. Aktuell sind ca. 1200 Nutzerinnen und Nutzer parallel aktiv. Die "
                           "Förderung beträgt 7,5 Mio. €. Dafür sind 4100 Geräte nötig; weitere 4200 Geräte "
                           "folgen. Es bleiben 77."));
    Figure taken;
    taken.key = QStringLiteral("geraete");
    const FigureValues existing({taken}, NumberStyle{});
    QHash<QString, QString> keys;
    for (const NumberCandidate &c : numberCandidates(v, existing))
        keys.insert(c.typed, c.proposal.key);
    CHECK(keys.value(QStringLiteral("500")) == QStringLiteral("vpn-zugaenge"));
    CHECK(keys.value(QStringLiteral("452")) == QStringLiteral("arbeitsplaetze-bremerhaven"));
    CHECK(keys.value(QStringLiteral("311")) == QStringLiteral("zugriffe")); // the adjective is passed over
    // Nothing counted after it ("wird zur Zeit …"): the noun before it in its clause, not "zeit".
    CHECK(keys.value(QStringLiteral("620")) == QStringLiteral("aufstockung"));
    CHECK(keys.value(QStringLiteral("3027")) == QStringLiteral("notebooks-betrieb"));
    CHECK(keys.value(QStringLiteral("1200")) == QStringLiteral("nutzerinnen-nutzer")); // "ca." ends no sentence
    CHECK(keys.value(QStringLiteral("7,5")) == QStringLiteral("foerderung"));
    // Unique against the workspace's keys and each other.
    CHECK(keys.value(QStringLiteral("4100")) == QStringLiteral("geraete-2"));
    CHECK(keys.value(QStringLiteral("4200")) == QStringLiteral("geraete-3"));
    // No noun near it at all.
    CHECK(keys.value(QStringLiteral("77")) == QStringLiteral("zahl"));
    for (const QString &key : keys)
        CHECK(isValidFigureKey(key));
}
