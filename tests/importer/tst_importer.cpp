#include "testutil.h"

#include "importdetail.h"
#include "pdfimporter.h"
#include "textimporter.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextDocument>

#include <algorithm>

using namespace vw;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QString readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

QString referencePath()
{
    return QStringLiteral(VW_SOURCE_DIR "/../shared/reference/senatsvorlage-homeoffice-2020-05-12.txt");
}

// 1-based number of the first line of `text` that contains `needle`.
int lineOf(const QString &text, const QString &needle)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines[i].contains(needle))
            return i + 1;
    }
    return -1;
}

RessortTable bremenRessorts()
{
    return RessortTable({
        {S("finanzen"), S("Der Senator für Finanzen"), QDate(2019, 8, 15), QDate()},
        {S("kinder"), S("Die Senatorin für Kinder und Bildung"), QDate(2019, 8, 15), QDate()},
        {S("sk"), S("Senatskanzlei"), QDate(), QDate()},
    });
}

ImportResult importOk(const QString &text, const RessortTable &ressorts = bremenRessorts())
{
    const Result<ImportResult> r = importText(text, ressorts);
    INFO(r.error().toStdString());
    REQUIRE(r.ok());
    return r.value();
}

QString blockTypeName(Block::Type t)
{
    switch (t) {
    case Block::Type::Paragraph:
        return S("P");
    case Block::Type::BulletList:
        return S("UL");
    case Block::Type::NumberedList:
        return S("OL");
    case Block::Type::Table:
        return S("TABLE");
    case Block::Type::Questions:
        return S("[questions]");
    case Block::Type::Answers:
        return S("[answers]");
    case Block::Type::Beschluss:
        return S("[beschluss]");
    }
    return QString();
}

// The block types of a section's content, e.g. "P P [questions]".
QString shape(const Content &content)
{
    QStringList names;
    for (const Block &b : content)
        names << blockTypeName(b.type);
    return names.join(QLatin1Char(' '));
}

const Section &sectionOf(const Vorlage &v, const char *label)
{
    const Section *s = v.section(QString::fromLatin1(label));
    REQUIRE(s != nullptr);
    return *s;
}

// A readable picture of an import, printed when a check fails.
QString dump(const ImportResult &r)
{
    const Vorlage &v = r.vorlage;
    QString s = QStringLiteral("kind=%1 paper=%2 body=%3 date=%4 session=%5 title=%6 subtitle=%7\n")
                    .arg(kindKey(v.kind), paperKindKey(v.paperKind), v.body, germanDate(v.date),
                         germanDate(v.sessionDate), v.title, v.subtitle);
    for (const Section &sec : v.sections)
        s += QStringLiteral("== %1 %2 [%3]\n%4\n")
                 .arg(sec.label, sec.heading, shape(sec.content), contentPlainText(sec.content));
    for (const Question &q : v.questions)
        s += QStringLiteral("Q: %1\n   A: %2\n").arg(q.text.plainText(), contentPlainText(q.answer));
    for (const BeschlussItem &b : v.beschluss)
        s += QStringLiteral("B: %1\n").arg(b.text.plainText());
    for (const ImportMessage &m : r.unplaced)
        s += QStringLiteral("unplaced %1: %2\n").arg(m.line).arg(m.text);
    return s;
}

// Every text the import kept: header fields, headings, content, questions, answers, Beschluss, reports.
QString everything(const ImportResult &r)
{
    const Vorlage &v = r.vorlage;
    // What an export prints around the fields: the session line, long dates, "Zu Frage N:", numbers.
    QStringList parts{v.title,
                      v.subtitle,
                      v.references.join(QLatin1Char(' ')),
                      v.questionNumber,
                      v.fileCode,
                      v.questionSignatories,
                      germanDate(v.date),
                      germanDate(v.sessionDate),
                      v.body,
                      germanLongDate(v.date),
                      germanLongDate(v.sessionDate),
                      QStringLiteral("%1 für die Sitzung des Senats am").arg(paperKindLabel(v.paperKind))};
    for (int i = 1; i <= qMax(v.questions.size(), v.beschluss.size()); ++i)
        parts << QStringLiteral("Zu Frage %1:").arg(i);
    for (const RessortRef &ref : v.ressorts)
        parts << ref.key << ref.name;
    for (const Section &s : v.sections)
        parts << s.label << s.heading << contentPlainText(s.content);
    for (const Question &q : v.questions)
        parts << q.text.plainText() << contentPlainText(q.answer);
    for (const BeschlussItem &b : v.beschluss)
        parts << b.text.plainText();
    for (const ImportMessage &m : r.unplaced)
        parts << m.text;
    return parts.join(QLatin1Char('\n'));
}

QSet<QString> words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QSet<QString> result;
    for (auto it = word.globalMatch(text); it.hasNext();)
        result.insert(it.next().captured(0));
    return result;
}

// Words of `input` that the import lost.
QStringList lostWords(const QString &input, const ImportResult &r)
{
    const QSet<QString> kept = words(everything(r));
    QStringList lost;
    for (const QString &w : words(input)) {
        if (!kept.contains(w))
            lost << w;
    }
    lost.sort();
    return lost;
}

} // namespace

TEST_CASE("import: the reference Vorlage in Markdown-like form is imported completely", "[import]")
{
    REQUIRE(QFile::exists(referencePath()));
    const QString input = readFile(referencePath());
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());

    CHECK(v.kind == VorlageKind::Fragestunde);
    CHECK(v.paperKind == PaperKind::Vorlage);
    CHECK(v.sessionDate == QDate(2020, 5, 12));
    CHECK(v.title == S("Digitalisierung der Verwaltung: Homeoffice im öffentlichen Dienst"));
    // The line under the title stays as written; the fields it is made of learn from it.
    CHECK(v.subtitle == S("(Anfrage in der Fragestunde der Fraktion der SPD vom 30.4.20)"));
    CHECK(v.fraktion == S("der SPD"));
    CHECK(v.askedOn == QDate(2020, 4, 30));
    CHECK(questionLine(v) == S("(Anfrage in der Fragestunde der Fraktion der SPD vom 30.4.20)"));
    // The header names neither Ressort nor date: G does, and the report says where they come from.
    CHECK(v.ressorts == QList<RessortRef>{RessortRef{S("finanzen"), QString(), true}});
    CHECK(v.date == QDate(2020, 5, 4));
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].line == lineOf(input, S("entsprechend der Vorlage")));

    REQUIRE(v.questions.size() == 3);
    CHECK(v.questions[0].text.plainText().startsWith(
        S("Wie viele Mitarbeiter*innen der Bremer Kernverwaltung")));
    CHECK(v.questions[1].text.plainText().endsWith(S("bestmögliche Datensicherheit zu gewährleisten?")));
    CHECK(v.questions[2].text.plainText() ==
          S("Gibt es Bestrebungen des Senats, mobiles Arbeiten künftig als festen Bestandteil des "
            "Arbeitsalltags in der Bremer Verwaltung zu etablieren?"));
    CHECK(v.questionSignatories == S("Martin Günthner, Mustafa Güngör und Fraktion der SPD"));
    for (const Question &q : v.questions) {
        CHECK_FALSE(q.id.isEmpty());
        REQUIRE(q.answer.size() == 1);
        CHECK(q.answer.first().type == Block::Type::Paragraph);
    }
    CHECK(v.questions[0].answer.first().paragraph.plainText().startsWith(
        S("Im Bereich der Bremer Kernverwaltung sind 3027")));
    CHECK(v.questions[1].answer.first().paragraph.plainText().contains(
        S("aus Sicherheits- und datenschutzrechtlichen Gründen")));
    CHECK(v.questions[2].answer.first().paragraph.plainText().endsWith(S("von mobiler Arbeit regelt.")));

    const Section &a = sectionOf(v, "A");
    CHECK(a.heading == S("Problem"));
    CHECK(shape(a.content) == S("P P [questions]"));
    CHECK(a.content[1].paragraph.plainText() == S("Wir fragen den Senat:"));
    const Section &b = sectionOf(v, "B");
    CHECK(b.heading == S("Lösung"));
    CHECK(shape(b.content) == S("P [answers]"));
    CHECK(b.content[0].paragraph.plainText() ==
          S("Auf die vorgenannte Anfrage wird dem Senat folgende Antwort vorgeschlagen:"));
    CHECK(contentPlainText(sectionOf(v, "C").content) == S("Werden nicht vorgeschlagen."));
    CHECK(sectionOf(v, "D").heading ==
          S("Finanzielle und Personalwirtschaftliche Auswirkungen, Gender-Prüfung"));
    CHECK(sectionOf(v, "F").heading ==
          S("Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz"));
    CHECK(contentPlainText(sectionOf(v, "F").content)
              .startsWith(S("Die Senatsvorlage soll nach Beschlussfassung")));

    const Section &g = sectionOf(v, "G");
    CHECK(g.heading == S("Beschluss"));
    CHECK(shape(g.content) == S("[beschluss]"));
    REQUIRE(v.beschluss.size() == 1);
    CHECK(v.beschluss[0].text.plainText().startsWith(
        S("Der Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020")));
    CHECK_FALSE(v.beschluss[0].id.isEmpty());

    CHECK(r.unplaced.isEmpty());
    // Nothing of the input is lost (markup aside).
    CHECK(lostWords(input, r) == QStringList());
}

TEST_CASE("import: Markdown emphasis becomes span formats, headings and titles lose their markup", "[import]")
{
    using importdetail::parseInline;
    const Paragraph p = parseInline(S("Die **Mitarbeiter\\*innen** arbeiten *mobil* und __sicher__."), true);
    REQUIRE(p.spans.size() == 7);
    CHECK(p.spans[0] == Span{S("Die "), false, false});
    CHECK(p.spans[1] == Span{S("Mitarbeiter*innen"), true, false});
    CHECK(p.spans[3] == Span{S("mobil"), false, true});
    CHECK(p.spans[5] == Span{S("sicher"), true, false});
    CHECK(p.plainText() == S("Die Mitarbeiter*innen arbeiten mobil und sicher."));

    // A gender star or a lone asterisk is text, as is everything in plain (non-Markdown) input.
    CHECK(parseInline(S("Kolleg*innen und Bürger*innen"), true).spans.size() == 1);
    CHECK(parseInline(S("3 * 4 = 12"), true).plainText() == S("3 * 4 = 12"));
    CHECK(parseInline(S("**nicht geschlossen"), true).plainText() == S("**nicht geschlossen"));
    CHECK(parseInline(S("***beides***"), true).spans == QList<Span>{Span{S("beides"), true, true}});
    CHECK(parseInline(S("**fett**"), false).plainText() == S("**fett**"));
    CHECK(importdetail::stripMarkup(S("## **B. Lösung**")) == S("B. Lösung"));

    const QString text =
        S("**Vorlage für die Sitzung des Senats am 02.02.2021**\n\n**Ein *kursiver* Titel**\n\n"
          "**A. Problem**\n\nDas ist **wichtig** und *dringend*.\n\n"
          "**G. Beschluss**\n\nDer Senat **beschließt** die Vorlage.\n");
    const ImportResult r = importOk(text);
    CHECK(r.vorlage.title == S("Ein kursiver Titel"));
    const Paragraph body = sectionOf(r.vorlage, "A").content.first().paragraph;
    REQUIRE(body.spans.size() == 5);
    CHECK(body.spans[1] == Span{S("wichtig"), true, false});
    CHECK(body.spans[3] == Span{S("dringend"), false, true});
    REQUIRE(r.vorlage.beschluss.size() == 1);
    CHECK(r.vorlage.beschluss[0].text.spans[1] == Span{S("beschließt"), true, false});
}

TEST_CASE("import: pdftotext output of a Beschlussvorlage: pages, hyphenation, two Ressorts, lists",
          "[import]")
{
    const QString input = readFile(testData(S("import/beschlussvorlage-pdftotext.txt")));
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());

    CHECK(v.kind == VorlageKind::Beschlussvorlage);
    REQUIRE(v.ressorts.size() == 2);
    CHECK(v.ressorts[0] == RessortRef{S("finanzen"), QString(), true});
    CHECK(v.ressorts[1] == RessortRef{S("kinder"), QString(), false});
    CHECK(v.date == QDate(2020, 11, 10));
    CHECK(v.sessionDate == QDate(2020, 11, 17));
    CHECK(v.title == S("Leihgeräte für den Distanzunterricht an Bremer Grundschulen"));
    CHECK(v.subtitle.isEmpty());
    CHECK(v.references == QStringList{S("Drucksache 20/712 S")});

    const Content &a = sectionOf(v, "A").content;
    REQUIRE(shape(a) == S("P P UL"));
    CHECK(a[0].paragraph.plainText().endsWith(
        S("Die Verwaltung hat daraufhin den Bedarf bei allen Grundschulen erhoben.")));
    REQUIRE(a[2].items.size() == 3);
    CHECK(
        a[2].items[0].plainText() ==
        S("Kinder aus Familien mit mehreren schulpflichtigen Geschwistern teilen sich häufig ein einziges Gerät."));
    CHECK(a[2].items[2].plainText() ==
          S("Lehrkräfte berichten von Schwierigkeiten bei der Einrichtung der Lernplattform."));

    const Content &b = sectionOf(v, "B").content;
    REQUIRE(shape(b) == S("P P OL P"));
    const QString lead = b[0].paragraph.plainText();
    CHECK(lead.contains(S("im Rahmen des Corona-Sofortprogramms 4800 Tablets")));
    CHECK(lead.contains(S("als Leihgeräte auszugeben")));
    CHECK(lead.contains(S("als öffentlich-rechtlicher Partner")));
    CHECK(lead.contains(S("Aus Sicherheits- und datenschutzrechtlichen Gründen")));
    REQUIRE(b[2].items.size() == 3);
    CHECK(b[2].items[1].plainText() ==
          S("Der Dienstleister richtet die Geräte ein und liefert sie bis Mitte Januar an die Schulen aus."));
    // Page 2 starts with a running head and continues B: neither footer nor head is text.
    CHECK(
        b[3].paragraph.plainText() ==
        S("Ein Wartungsvertrag mit dem Dienstleister stellt sicher, dass defekte Geräte innerhalb einer Woche "
          "ersetzt werden. Die öffentlich-rechtliche Trägerschaft bleibt unberührt."));

    CHECK(sectionOf(v, "D").heading ==
          S("Finanzielle und Personalwirtschaftliche Auswirkungen, Gender-Prüfung"));
    CHECK(sectionOf(v, "F").heading ==
          S("Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz"));

    REQUIRE(v.beschluss.size() == 3);
    CHECK(v.beschluss[0].text.plainText() ==
          S("Der Senat stimmt der Beschaffung von 4800 Tablets für die Bremer Grundschulen zu."));
    CHECK(
        v.beschluss[2].text.plainText() ==
        S("Der Senat bittet die Senatorin für Kinder und Bildung, ihm bis zum 30.06.2021 über die Nutzung der "
          "Geräte zu berichten."));
    CHECK(v.beschluss[0].id != v.beschluss[1].id);
    CHECK(shape(sectionOf(v, "G").content) == S("[beschluss]"));

    // The attachment line after G is reported with its line number; nothing else is.
    REQUIRE(r.unplaced.size() == 1);
    CHECK(r.unplaced[0].line == lineOf(input, S("Anlage: Kostenübersicht")));
    CHECK(r.unplaced[0].text == S("Anlage: Kostenübersicht nach Schulen"));

    const QString all = everything(r);
    CHECK_FALSE(all.contains(S("Seite 1 von 2")));
    CHECK_FALSE(all.contains(S("beschlossene Fassung")));
    CHECK_FALSE(all.contains(S("Verwal-")));
}

TEST_CASE("import: a Fragestunde in plain text: question number, title in quotes, Zu Frage variants",
          "[import]")
{
    const QString input = readFile(testData(S("import/fragestunde-plain.txt")));
    // Only Finanzen is known: the Ressort of this Vorlage keeps its name, without a key.
    const RessortTable table({{S("finanzen"), S("Der Senator für Finanzen"), QDate(), QDate()}});
    const ImportResult r = importOk(input, table);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());

    CHECK(v.kind == VorlageKind::Fragestunde);
    REQUIRE(v.ressorts.size() == 1);
    CHECK(v.ressorts[0] == RessortRef{QString(), S("Die Senatorin für Kinder und Bildung"), true});
    CHECK(v.date == QDate(2020, 11, 13));
    CHECK(v.sessionDate == QDate(2020, 11, 17));
    CHECK(v.questionNumber == S("L 15"));
    CHECK(v.title == S("„Wie geht es weiter mit den Schulschwimmkursen während der Pandemie?“"));
    CHECK(v.subtitle == S("(Anfrage in der Fragestunde der Fraktion DIE LINKE vom 5.11.2020)"));

    REQUIRE(v.questions.size() == 3);
    CHECK(
        v.questions[1].text.plainText() ==
        S("Welche Bäder stehen den Schulen derzeit für den Unterricht zur Verfügung, und wie viele Stunden pro "
          "Woche können dort angeboten werden?"));
    CHECK(v.questionSignatories == S("Anna Beispiel, Bernd Muster und Fraktion DIE LINKE"));
    CHECK(contentPlainText(v.questions[0].answer) ==
          S("Seit März sind rund 310 Kurse ausgefallen, weil die Bäder geschlossen waren."));
    REQUIRE(v.questions[1].answer.size() == 2); // "Zu Frage 2" without colon, two paragraphs
    CHECK(v.questions[1].answer[1].paragraph.plainText() ==
          S("Die übrigen Bäder öffnen voraussichtlich im Frühjahr wieder."));
    CHECK(contentPlainText(v.questions[2].answer) ==
          S("Ja. In den Osterferien sollen zwölf Intensivkurse stattfinden.")); // "Zu Frage 3."

    CHECK(sectionOf(v, "A").heading == S("Problem")); // "A Problem"
    CHECK(shape(sectionOf(v, "A").content) == S("P P [questions]"));
    CHECK(sectionOf(v, "B").heading == S("Lösung")); // "B) Lösung"
    CHECK(shape(sectionOf(v, "B").content) == S("P [answers]"));
    CHECK(sectionOf(v, "F").heading ==
          S("Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz"));
    REQUIRE(v.beschluss.size() == 1);
    CHECK(r.unplaced.isEmpty());
    CHECK(lostWords(input, r) == QStringList());
}

TEST_CASE("import: section headings in their variants, and body lines that only look like headings",
          "[import]")
{
    const QString input = S("Vorlage für die Sitzung des Senats am 09.03.2021\n"
                            "\n"
                            "Ein Titel\n"
                            "\n"
                            "**A. Problem**\n"
                            "\n"
                            "Text zu A.\n"
                            "\n"
                            "## B Lösung\n"
                            "\n"
                            "Text zu B.\n"
                            "A. Müller hat dazu eine Stellungnahme abgegeben\n"
                            "\n"
                            "C) Alternativen\n"
                            "\n"
                            "E. Beispiel hat angerufen\n"
                            "\n"
                            "### **D. Finanzielle und Personalwirtschaftliche Auswirkungen,**\n"
                            "\n"
                            "### **Gender-Prüfung**\n"
                            "\n"
                            "Keine.\n"
                            "\n"
                            "E Beteiligung und Abstimmung\n"
                            "Abgestimmt.\n"
                            "\n"
                            "G. Beschluss\n"
                            "\n"
                            "Der Senat beschließt.\n");
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());
    CHECK(v.title == S("Ein Titel"));
    CHECK(sectionOf(v, "A").heading == S("Problem"));
    CHECK(contentPlainText(sectionOf(v, "A").content) == S("Text zu A."));
    CHECK(sectionOf(v, "B").heading == S("Lösung"));
    CHECK(contentPlainText(sectionOf(v, "B").content) ==
          S("Text zu B. A. Müller hat dazu eine Stellungnahme abgegeben"));
    CHECK(sectionOf(v, "C").heading == S("Alternativen"));
    CHECK(contentPlainText(sectionOf(v, "C").content) == S("E. Beispiel hat angerufen"));
    CHECK(sectionOf(v, "D").heading ==
          S("Finanzielle und Personalwirtschaftliche Auswirkungen, Gender-Prüfung"));
    CHECK(contentPlainText(sectionOf(v, "D").content) == S("Keine."));
    CHECK(sectionOf(v, "E").heading == S("Beteiligung und Abstimmung"));
    CHECK(contentPlainText(sectionOf(v, "E").content) == S("Abgestimmt."));
    // F is missing: the template's heading stays, without content.
    CHECK(sectionOf(v, "F").heading ==
          S("Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz"));
    CHECK(sectionOf(v, "F").content.isEmpty());
    REQUIRE(v.beschluss.size() == 1);
    CHECK(r.unplaced.isEmpty());
}

TEST_CASE("import: Senatskanzlei header and Vorträge der Senatskanzlei", "[import]")
{
    const QString input = readFile(testData(S("import/senatskanzlei-vortraege.txt")));
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());

    CHECK(v.kind == VorlageKind::SenatskanzleiVortraege);
    REQUIRE(v.ressorts.size() == 1);
    CHECK(v.ressorts[0] == RessortRef{S("sk"), QString(), true});
    CHECK(v.date == QDate(2020, 5, 15));
    CHECK(v.fileCode == S("10-3"));
    CHECK(v.sessionDate == QDate(2020, 5, 19));
    REQUIRE(v.sections.size() == 2);
    CHECK(v.sections[0].label == S("1"));
    CHECK(v.sections[0].heading == S("Besuch einer Delegation aus der Partnerstadt Danzig"));
    CHECK(shape(v.sections[0].content) == S("P P"));
    CHECK(v.sections[0].content[1].paragraph.plainText() == S("Beschluss: Der Senat nimmt Kenntnis."));
    CHECK(v.sections[1].label == S("2"));
    CHECK(v.sections[1].heading == S("Verleihung der Bremer Ehrenmedaille"));
    // A numbered list inside an item does not start new items.
    CHECK(shape(v.sections[1].content) == S("P OL P"));
    CHECK(v.sections[1].content[1].items.size() == 2);
    CHECK(r.unplaced.isEmpty());
    CHECK(lostWords(input, r) == QStringList());
}

TEST_CASE("import: Vorträge for a session date in words, unnumbered, each closing with its Beschluss", "[import]")
{
    SECTION("the session on the title line, Vorträge without numbers")
    {
        const QString input = S("Senatskanzlei                                             14.05.2020\n\n"
                                "Vorträge der Senatskanzlei für die Sitzung des Senats am 19. Mai 2020\n\n"
                                "Empfang für die Schulsiegerinnen im Rathaus\n\n"
                                "Der Bürgermeister lädt die Siegerinnen des Schreibwettbewerbs ein.\n\n"
                                "Beschluss: Der Senat nimmt Kenntnis.\n\n"
                                "Gedenkstunde am 8. Mai\n\n"
                                "Die Gedenkstunde fand ohne Publikum statt.\nEin Kranz wurde niedergelegt.\n\n"
                                "Beschluss: Der Senat nimmt Kenntnis.\n");
        const ImportResult r = importOk(input);
        const Vorlage &v = r.vorlage;
        INFO(dump(r).toStdString());
        CHECK(v.kind == VorlageKind::SenatskanzleiVortraege);
        CHECK(v.sessionDate == QDate(2020, 5, 19));
        CHECK(v.date == QDate(2020, 5, 14));
        CHECK(v.ressorts == QList<RessortRef>{RessortRef{S("sk"), QString(), true}});
        CHECK(v.title == S("Vorträge der Senatskanzlei"));
        REQUIRE(v.sections.size() == 2);
        CHECK(v.sections[0].label == S("1"));
        CHECK(v.sections[0].heading == S("Empfang für die Schulsiegerinnen im Rathaus"));
        CHECK(shape(v.sections[0].content) == S("P P"));
        CHECK(v.sections[0].content[1].paragraph.plainText() == S("Beschluss: Der Senat nimmt Kenntnis."));
        CHECK(v.sections[1].label == S("2"));
        CHECK(v.sections[1].heading == S("Gedenkstunde am 8. Mai"));
        CHECK(contentPlainText(v.sections[1].content) ==
              S("Die Gedenkstunde fand ohne Publikum statt. Ein Kranz wurde niedergelegt.\n"
                "Beschluss: Der Senat nimmt Kenntnis."));
        CHECK(r.unplaced.isEmpty());
        CHECK(lostWords(input, r) == QStringList());
    }
    SECTION("the session on the line below, numbered Vorträge, \"Beschluss:\" on a line of its own")
    {
        const ImportResult r = importOk(S("Senatskanzlei                                             14.05.2020\n\n"
                                          "Vorträge der Senatskanzlei\nfür die Sitzung des Senats am 19. Mai 2020\n\n"
                                          "1. Empfang für die Schulsiegerinnen im Rathaus\n\n"
                                          "Der Bürgermeister lädt ein.\n\nBeschluss:\n\nDer Senat nimmt Kenntnis.\n\n"
                                          "2. Gedenkstunde am 8. Mai\n\n"
                                          "Sie fand ohne Publikum statt.\n\nBeschluss:\nDer Senat nimmt Kenntnis.\n"));
        const Vorlage &v = r.vorlage;
        INFO(dump(r).toStdString());
        CHECK(v.kind == VorlageKind::SenatskanzleiVortraege);
        CHECK(v.sessionDate == QDate(2020, 5, 19));
        CHECK(v.title == S("Vorträge der Senatskanzlei"));
        REQUIRE(v.sections.size() == 2);
        for (const Section &s : v.sections) {
            CHECK(shape(s.content) == S("P P"));
            CHECK(s.content.last().paragraph.plainText() == S("Beschluss: Der Senat nimmt Kenntnis."));
        }
        CHECK(v.sections[1].heading == S("Gedenkstunde am 8. Mai"));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("a \"Beschluss:\" with nothing after it is kept")
    {
        const ImportResult r = importOk(S("Vorträge der Senatskanzlei für die Sitzung des Senats am 19. Mai 2020\n\n"
                                          "1. Empfang im Rathaus\n\nText.\n\nBeschluss:\n"));
        INFO(dump(r).toStdString());
        REQUIRE(r.vorlage.sections.size() == 1);
        CHECK(contentPlainText(r.vorlage.sections[0].content) == S("Text.\nBeschluss:"));
        CHECK(r.unplaced.isEmpty());
    }
}

TEST_CASE("import: a Vorlage for a Deputation", "[import]")
{
    const ImportResult r = importOk(readFile(testData(S("import/deputation.txt"))));
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());
    CHECK(v.kind == VorlageKind::Deputation);
    CHECK(v.body == S("staatliche Deputation für Kinder und Bildung"));
    CHECK(v.sessionDate == QDate(2020, 12, 3));
    CHECK(v.date == QDate(2020, 11, 24));
    CHECK(v.ressorts == QList<RessortRef>{RessortRef{S("kinder"), QString(), true}});
    CHECK(v.title == S("Bericht über den Ausbau der Ganztagsschulen"));
    CHECK(sectionOf(v, "G").heading == S("Beschlussvorschlag"));
    REQUIRE(v.beschluss.size() == 1);
    CHECK(v.beschluss[0].text.plainText() ==
          S("Die staatliche Deputation für Kinder und Bildung nimmt den Bericht zur Kenntnis."));
    CHECK(r.unplaced.isEmpty());
}

TEST_CASE("import: header variants: Tischvorlage, stamp date, Neufassung, Gesetzentwurf, Kleine Anfrage",
          "[import]")
{
    SECTION("Tischvorlage; the session date comes from the stamp when the header line has none")
    {
        const ImportResult r =
            importOk(S("In der Senatssitzung am 8. Dezember 2020 beschlossene Fassung\n\n"
                       "Der Senator für Finanzen\n\nTischvorlage\n\n"
                       "Entwurf eines Gesetzes zur Änderung des Bremischen Besoldungsgesetzes\n\n"
                       "A. Problem\n\nText.\n\nG. Beschluss\n\nDer Senat beschließt den Entwurf.\n"));
        CHECK(r.vorlage.paperKind == PaperKind::Tischvorlage);
        CHECK(r.vorlage.sessionDate == QDate(2020, 12, 8));
        CHECK(r.vorlage.kind == VorlageKind::Gesetzentwurf);
        CHECK(r.vorlage.title == S("Entwurf eines Gesetzes zur Änderung des Bremischen Besoldungsgesetzes"));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("Neufassung in the header line, title over two lines, Kleine Anfrage in the subtitle")
    {
        const ImportResult r =
            importOk(S("Der Senator für Finanzen 2.3.2021\n"
                       "Neufassung der Vorlage für die Sitzung des Senats am 09.03.2021\n"
                       "Wie viele Dienstfahrräder\nnutzt die Verwaltung?\n"
                       "(Kleine Anfrage der Fraktion der FDP vom 1. Februar 2021;\nDrucksache 20/880 S)\n"
                       "A. Problem\nDie Fraktion hat gefragt.\nG. Beschluss\nDer Senat stimmt zu.\n"));
        const Vorlage &v = r.vorlage;
        INFO(dump(r).toStdString());
        CHECK(v.paperKind == PaperKind::Neufassung);
        CHECK(v.date == QDate(2021, 3, 2));
        CHECK(v.sessionDate == QDate(2021, 3, 9));
        CHECK(v.title == S("Wie viele Dienstfahrräder nutzt die Verwaltung?"));
        CHECK(v.kind == VorlageKind::KleineAnfrage);
        CHECK(v.subtitle ==
              S("(Kleine Anfrage der Fraktion der FDP vom 1. Februar 2021; Drucksache 20/880 S)"));
        CHECK(v.references == QStringList{S("Drucksache 20/880 S")});
        CHECK(contentPlainText(sectionOf(v, "A").content) == S("Die Fraktion hat gefragt."));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("a session line broken before its date; a städtische Deputation; a session line without date")
    {
        const ImportResult broken = importOk(S("Vorlage für die Sitzung des Senats am\n12.05.2020\n\nTitel\n\n"
                                               "A. Problem\n\nText.\n"));
        CHECK(broken.vorlage.sessionDate == QDate(2020, 5, 12));
        CHECK(broken.vorlage.title == S("Titel"));
        CHECK(broken.unplaced.isEmpty());

        const ImportResult city = importOk(S("Vorlage für die Sitzung der städtischen Deputation für Mobilität, Bau "
                                             "und Stadtentwicklung am 4.2.2021\nTitel\nA. Problem\nText.\n"));
        CHECK(city.vorlage.kind == VorlageKind::Deputation);
        CHECK(city.vorlage.body == S("städtische Deputation für Mobilität, Bau und Stadtentwicklung"));
        CHECK(city.vorlage.sessionDate == QDate(2021, 2, 4));

        const ImportResult undated =
            importOk(S("Vorlage für die Sitzung des Senats\n\nTitel ohne Datum\n\nA. Problem\n\nText.\n"));
        CHECK_FALSE(undated.vorlage.sessionDate.isValid());
        CHECK(undated.vorlage.title == S("Titel ohne Datum"));
        CHECK(undated.unplaced.isEmpty());
    }
}

TEST_CASE("import: a subtitle in quotation marks below the title", "[import]")
{
    SECTION("on its own paragraph")
    {
        const ImportResult r = importOk(S("Der Senator für Finanzen                                  4.5.2020\n\n"
                                          "Vorlage für die Sitzung des Senats am 12.05.2020\n\n"
                                          "Neue Dienstfahrräder für die Ortsämter\n\n"
                                          "„Ein Versuch in Vegesack und Huchting“\n\n"
                                          "A. Problem\n\nDie Ortsämter brauchen Fahrzeuge.\n\n"
                                          "G. Beschluss\n\nDer Senat stimmt dem Versuch zu.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.title == S("Neue Dienstfahrräder für die Ortsämter"));
        CHECK(r.vorlage.subtitle == S("„Ein Versuch in Vegesack und Huchting“"));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("right below the title, wrapped, before the parenthesised subtitle")
    {
        const ImportResult r = importOk(S("Der Senator für Finanzen                                  4.5.2020\n"
                                          "Vorlage für die Sitzung des Senats am 12.05.2020\n"
                                          "„Wann fahren die Ortsämter Rad?“\n"
                                          "„Ein Versuch in Vegesack\nund Huchting“\n"
                                          "(Anfrage in der Fragestunde der Fraktion der FDP vom 2.5.20)\n"
                                          "A. Problem\nDie Fraktion hat gefragt.\n"
                                          "G. Beschluss\nDer Senat stimmt einer mündlichen Antwort zu.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.title == S("„Wann fahren die Ortsämter Rad?“"));
        CHECK(r.vorlage.subtitle ==
              S("„Ein Versuch in Vegesack und Huchting“ (Anfrage in der Fragestunde der Fraktion der FDP vom 2.5.20)"));
        CHECK(r.vorlage.kind == VorlageKind::Fragestunde);
        CHECK(r.unplaced.isEmpty());
    }
}

TEST_CASE("import: two submitting Ressorts on lines of their own, the second without its article", "[import]")
{
    SECTION("the date on a line below them")
    {
        const ImportResult r = importOk(S("Senatskanzlei\nSenator für Finanzen\n11.05.2020\n\n"
                                          "Vorlage für die Sitzung des Senats am 19.05.2020\n\n"
                                          "Gemeinsame Beschaffung von Dienstausweisen\n\n"
                                          "A. Problem\n\nDie Ausweise laufen ab.\n\n"
                                          "G. Beschluss\n\nDer Senat stimmt der Beschaffung zu.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.ressorts ==
              QList<RessortRef>{RessortRef{S("sk"), QString(), true}, RessortRef{S("finanzen"), QString(), false}});
        CHECK(r.vorlage.date == QDate(2020, 5, 11));
        CHECK(r.vorlage.title == S("Gemeinsame Beschaffung von Dienstausweisen"));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("the date right of the first; a Senatorin the table does not know keeps her printed name")
    {
        const ImportResult r = importOk(S("Die Senatorin für Kinder und Bildung                 11.05.2020\n"
                                          "Senatorin für Hafenfragen\n\n"
                                          "Vorlage für die Sitzung des Senats am 19.05.2020\n\n"
                                          "Schulschiffe im Überseehafen\n\n"
                                          "A. Problem\n\nDie Schiffe liegen fest.\n\n"
                                          "G. Beschluss\n\nDer Senat nimmt Kenntnis.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.ressorts == QList<RessortRef>{RessortRef{S("kinder"), QString(), true},
                                                      RessortRef{QString(), S("Senatorin für Hafenfragen"), false}});
        CHECK(r.vorlage.date == QDate(2020, 5, 11));
        CHECK(r.vorlage.title == S("Schulschiffe im Überseehafen"));
        CHECK(r.unplaced.isEmpty());
    }
}

TEST_CASE("import: a title continued on a second line", "[import]")
{
    auto vorlage = [](const char *title) {
        return S("Der Senator für Finanzen                                  4.5.2020\n\n"
                 "Vorlage für die Sitzung des Senats am 12.05.2020\n\n") +
               S(title) +
               S("\n\nA. Problem\n\nDie Dächer sind undicht.\n\nG. Beschluss\n\nDer Senat nimmt Kenntnis.\n");
    };
    SECTION("after a linking word, over a blank line")
    {
        const ImportResult r =
            importOk(vorlage("Sanierung der Dienstgebäude am Brill und\n\nan der Contrescarpe 2021 bis 2024"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.title == S("Sanierung der Dienstgebäude am Brill und an der Contrescarpe 2021 bis 2024"));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("after a colon; in lower case")
    {
        const ImportResult colon = importOk(vorlage("Dienstgebäude der Verwaltung:\n\nSanierung der Dächer"));
        CHECK(colon.vorlage.title == S("Dienstgebäude der Verwaltung: Sanierung der Dächer"));
        CHECK(colon.unplaced.isEmpty());
        const ImportResult lower = importOk(vorlage("Sanierung der Dienstgebäude\n\nam Brill"));
        CHECK(lower.vorlage.title == S("Sanierung der Dienstgebäude am Brill"));
        CHECK(lower.unplaced.isEmpty());
    }
    SECTION("a date that continues the title is not taken for the date of the Vorlage")
    {
        const ImportResult r = importOk(vorlage("Bericht über die Sturmschäden vom\n19. Mai 2020"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.title == S("Bericht über die Sturmschäden vom 19. Mai 2020"));
        CHECK(r.vorlage.date == QDate(2020, 5, 4));
        CHECK(r.unplaced.isEmpty());
    }
    SECTION("a complete title and a line after it stay apart")
    {
        const ImportResult r = importOk(vorlage("Sanierung der Dienstgebäude.\n\nNoch ein Satz"));
        CHECK(r.vorlage.title == S("Sanierung der Dienstgebäude."));
        REQUIRE(r.unplaced.size() == 1);
        CHECK(r.unplaced[0].text == S("Noch ein Satz"));
    }
}

TEST_CASE("import: Ressort and date missing in the header are taken from G, and the report says so", "[import]")
{
    SECTION("both missing")
    {
        const QString input = S("Vorlage für die Sitzung des Senats am 12.05.2020\n\n"
                                "Mobiles Arbeiten in der Verwaltung\n\n"
                                "A. Problem\n\nDie Fraktion hat gefragt.\n\n"
                                "G. Beschluss\n\n"
                                "Der Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020\n"
                                "einer mündlichen Antwort zu.\n");
        const ImportResult r = importOk(input);
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.ressorts == QList<RessortRef>{RessortRef{S("finanzen"), QString(), true}});
        CHECK(r.vorlage.date == QDate(2020, 5, 4));
        REQUIRE(r.vorlage.beschluss.size() == 1);
        CHECK(r.vorlage.beschluss[0].text.plainText() ==
              S("Der Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020 einer "
                "mündlichen Antwort zu."));
        CHECK(r.unplaced.isEmpty());
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].line == lineOf(input, S("entsprechend der Vorlage")));
        CHECK(r.notes[0].text ==
              S("Ressort und Datum fehlen im Kopf und sind aus dem Beschluss übernommen („entsprechend der "
                "Vorlage des Senators für Finanzen vom 4.5.2020“): Der Senator für Finanzen, 04.05.2020."));
    }
    SECTION("only the date missing; two Ressorts named in G do not replace the one in the header")
    {
        const ImportResult r = importOk(S("Die Senatorin für Kinder und Bildung\n\n"
                                          "Vorlage für die Sitzung des Senats am 12.05.2020\n\nSchulwege\n\n"
                                          "A. Problem\n\nText.\n\nG. Beschluss\n\n"
                                          "Der Senat beschließt gemäß der Vorlage der Senatorin für Kinder und "
                                          "Bildung und der Senatskanzlei vom 5. Mai 2020 die Schulwegpläne.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.ressorts == QList<RessortRef>{RessortRef{S("kinder"), QString(), true}});
        CHECK(r.vorlage.date == QDate(2020, 5, 5));
        CHECK(r.unplaced.isEmpty());
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].text.startsWith(S("Das Datum fehlt im Kopf")));
        CHECK(r.notes[0].text.endsWith(S(": 05.05.2020.")));
    }
    SECTION("only the Ressorts missing, two of them")
    {
        const ImportResult r = importOk(S("4.5.2020\n\nVorlage für die Sitzung des Senats am 12.05.2020\n\n"
                                          "Schulwege\n\nA. Problem\n\nText.\n\nG. Beschluss\n\n"
                                          "Der Senat beschließt gemäß der Vorlage der Senatorin für Kinder und "
                                          "Bildung und der Senatskanzlei vom 5. Mai 2020 die Schulwegpläne.\n"));
        INFO(dump(r).toStdString());
        CHECK(r.vorlage.ressorts == QList<RessortRef>{RessortRef{S("kinder"), QString(), true},
                                                      RessortRef{S("sk"), QString(), false}});
        CHECK(r.vorlage.date == QDate(2020, 5, 4));
        REQUIRE(r.notes.size() == 1);
        CHECK(r.notes[0].text.startsWith(S("Das Ressort fehlt im Kopf")));
        CHECK(r.notes[0].text.endsWith(S(": Die Senatorin für Kinder und Bildung und Senatskanzlei.")));
    }
    SECTION("a G section imported on its own takes nothing for the header")
    {
        const Result<ImportResult> r = importSectionText(
            S("Der Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020 zu.\n"), S("G"),
            bremenRessorts());
        REQUIRE(r.ok());
        REQUIRE(r->vorlage.beschluss.size() == 1);
        CHECK(r->notes.isEmpty());
        CHECK(r->unplaced.isEmpty());
    }
    SECTION("a header with both, or a G without the wording: no note")
    {
        const ImportResult complete = importOk(
            S("Der Senator für Finanzen 3.5.2020\n\nVorlage für die Sitzung des Senats am 12.05.2020\n\nTitel\n\n"
              "G. Beschluss\n\nDer Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020 zu.\n"));
        CHECK(complete.vorlage.date == QDate(2020, 5, 3));
        CHECK(complete.notes.isEmpty());
        const ImportResult plain = importOk(S("Vorlage für die Sitzung des Senats am 12.05.2020\n\nTitel\n\n"
                                              "G. Beschluss\n\nDer Senat stimmt zu.\n"));
        CHECK(plain.vorlage.ressorts.isEmpty());
        CHECK(plain.notes.isEmpty());
    }
}

TEST_CASE("import: bulleted and numbered lists in their written forms", "[import]")
{
    const QString input = S("Vorlage für die Sitzung des Senats am 09.03.2021\n\nListen\n\n"
                            "A. Problem\n\n"
                            "Gründe:\n"
                            "- der erste Grund,\n"
                            "  der über zwei Zeilen geht,\n"
                            "- der zweite Grund.\n"
                            "\n"
                            "– ein Gedankenstrich\n"
                            "– noch einer\n"
                            "\n"
                            "Schritte:\n"
                            "1) anmelden\n"
                            "2) warten\n"
                            "\n"
                            "•\n"
                            "\n"
                            "Punkt nach leerer Zeile\n"
                            "\n"
                            "Am\n"
                            "12. Mai 2020 begann der Versuch, der mit 3 Stellen und\n"
                            "2. Wahl endete.\n"
                            "\n"
                            "G. Beschluss\n\nDer Senat nimmt Kenntnis.\n");
    const ImportResult r = importOk(input);
    INFO(dump(r).toStdString());
    const Content &a = sectionOf(r.vorlage, "A").content;
    REQUIRE(shape(a) == S("P UL UL P OL UL P"));
    CHECK(a[1].items == QList<Paragraph>{Paragraph::plain(S("der erste Grund, der über zwei Zeilen geht,")),
                                         Paragraph::plain(S("der zweite Grund."))});
    CHECK(a[2].items.size() == 2);
    CHECK(a[4].items == QList<Paragraph>{Paragraph::plain(S("anmelden")), Paragraph::plain(S("warten"))});
    CHECK(a[5].items == QList<Paragraph>{Paragraph::plain(S("Punkt nach leerer Zeile"))});
    // A date or a number at the start of a wrapped line does not start a list.
    CHECK(a[6].paragraph.plainText() ==
          S("Am 12. Mai 2020 begann der Versuch, der mit 3 Stellen und 2. Wahl endete."));

    // In the Markdown form "* " is a bullet, "*…*" emphasis.
    const ImportResult md = importOk(
        S("## **A. Problem**\n\n* *erstens*\n* zweitens\n\n**G. Beschluss**\n\nDer Senat nimmt Kenntnis.\n"));
    const Content &mdA = sectionOf(md.vorlage, "A").content;
    REQUIRE(shape(mdA) == S("UL"));
    CHECK(mdA[0].items[0].spans == QList<Span>{Span{S("erstens"), false, true}});
    CHECK(mdA[0].items[1].plainText() == S("zweitens"));
}

TEST_CASE("import: running heads and feet repeated on several pages are dropped", "[import]")
{
    const QString head = S("Senatsvorlage Radverkehr – Stand 01.03.2021");
    const QString foot = S("Freie Hansestadt Bremen");
    const QString input = S("Der Senator für Finanzen\n\nVorlage für die Sitzung des Senats am 09.03.2021\n\n"
                            "Radverkehr\n\nA. Problem\n\nDer erste Absatz endet hier.\n\n") +
                          foot + S("\n3\n\f") + head +
                          S("\nB. Lösung\n\nDer zweite Absatz beginnt und läuft über die\n\n") + foot +
                          S("\n\f") + head +
                          S("\nSeite hinaus.\n\nG. Beschluss\n\nDer Senat stimmt zu.\n\n") + foot + S("\n");
    const ImportResult r = importOk(input);
    INFO(dump(r).toStdString());
    CHECK(contentPlainText(sectionOf(r.vorlage, "A").content) == S("Der erste Absatz endet hier."));
    CHECK(contentPlainText(sectionOf(r.vorlage, "B").content) ==
          S("Der zweite Absatz beginnt und läuft über die Seite hinaus."));
    REQUIRE(r.vorlage.beschluss.size() == 1);
    CHECK(r.vorlage.beschluss[0].text.plainText() == S("Der Senat stimmt zu."));
    CHECK(r.vorlage.ressorts.size() == 1);
    CHECK(r.unplaced.isEmpty());
}

TEST_CASE("import: one answer to several questions, a Vorlage number, a subtitle without parentheses",
          "[import]")
{
    const QString input =
        S("Vorlage Nr. 20/311 für die Sitzung des Senats am 16.03.2021\n\n"
          "Bäderkonzept\n\n"
          "Große Anfrage der Fraktion der CDU vom 2. Februar 2021\n\n"
          "A. Problem\n\nWir fragen den Senat:\n\n1. Wie viele Bäder gibt es?\n2. Wann öffnen sie?\n"
          "3. Was kostet das?\n\nFraktion der CDU\n\n"
          "B. Lösung\n\nZu Frage 1:\nAcht.\n\n**Zu den Fragen 2 und 3:**\nIm Mai, zu bekannten Preisen.\n\n"
          "G. Beschluss\n\nDer Senat stimmt zu.\n");
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());
    CHECK(v.sessionDate == QDate(2021, 3, 16));
    CHECK(v.title == S("Bäderkonzept"));
    CHECK(v.subtitle == S("Große Anfrage der Fraktion der CDU vom 2. Februar 2021"));
    CHECK(v.kind == VorlageKind::GrosseAnfrage);
    REQUIRE(v.questions.size() == 3);
    CHECK(v.questionSignatories == S("Fraktion der CDU"));
    CHECK(contentPlainText(v.questions[0].answer) == S("Acht."));
    CHECK(contentPlainText(v.questions[1].answer) == S("Im Mai, zu bekannten Preisen."));
    CHECK(v.questions[2].answer.isEmpty());
    // Answers live on the questions; B shows where (the Große Anfrage template has no placeholder for them).
    CHECK(shape(sectionOf(v, "B").content) == S("[answers]"));
    REQUIRE(r.unplaced.size() == 1);
    CHECK(r.unplaced[0].line == lineOf(input, S("Zu den Fragen 2 und 3")));
    CHECK(r.unplaced[0].text.contains(S("Zu den Fragen 2 und 3")));
}

TEST_CASE("import: what cannot be placed is reported with its line number", "[import]")
{
    const QString input = S("Entwurf – bitte nicht weitergeben\n"
                            "\n"
                            "Vorlage für die Sitzung des Senats am 12.05.2020\n"
                            "\n"
                            "Ein Titel\n"
                            "\n"
                            "A. Problem\n"
                            "\n"
                            "Wir fragen den Senat:\n"
                            "1. Erste Frage?\n"
                            "2. Zweite Frage?\n"
                            "\n"
                            "B. Lösung\n"
                            "\n"
                            "Zu Frage 1:\n"
                            "Antwort eins.\n"
                            "\n"
                            "Zu Frage 4:\n"
                            "Antwort vier.\n"
                            "\n"
                            "G. Beschluss\n"
                            "\n"
                            "Der Senat stimmt zu.\n"
                            "\n"
                            "Anlagen:\n"
                            "1. Tabelle\n"
                            "2. Karte\n");
    const ImportResult r = importOk(input);
    const Vorlage &v = r.vorlage;
    INFO(dump(r).toStdString());
    CHECK(v.kind == VorlageKind::Fragestunde); // from the "Zu Frage" blocks
    // "Zu Frage 4" has no question 4: the questions up to 4 are created (empty) and it is reported.
    REQUIRE(v.questions.size() == 4);
    CHECK(v.questions[1].text.plainText() == S("Zweite Frage?"));
    CHECK(v.questions[2].text.isEmpty());
    CHECK(contentPlainText(v.questions[3].answer) == S("Antwort vier."));

    REQUIRE(r.unplaced.size() == 5);
    CHECK(r.unplaced[0].line == 1);
    CHECK(r.unplaced[0].text == S("Entwurf – bitte nicht weitergeben"));
    CHECK(r.unplaced[1].line == 18);
    CHECK(r.unplaced[1].text.contains(S("Zu Frage 4")));
    CHECK(r.unplaced[2].line == 25);
    CHECK(r.unplaced[2].text == S("Anlagen:"));
    CHECK(r.unplaced[3].line == 26);
    CHECK(r.unplaced[4].line == 27);
}

TEST_CASE("import: line ends: hyphenation, CRLF, form feeds and page furniture", "[import]")
{
    using importdetail::joinWrappedLines;
    CHECK(joinWrappedLines({S("Die Verwal-"), S("tung arbeitet.")}) == S("Die Verwaltung arbeitet."));
    CHECK(joinWrappedLines({S("die Corona-"), S("Krise")}) == S("die Corona-Krise"));
    CHECK(joinWrappedLines({S("aus Sicherheits-"), S("und datenschutzrechtlichen Gründen")}) ==
          S("aus Sicherheits- und datenschutzrechtlichen Gründen"));
    CHECK(joinWrappedLines({S("Bau-"), S("oder Sanierungskosten")}) == S("Bau- oder Sanierungskosten"));
    CHECK(joinWrappedLines({S("ein öffentlich-"), S("rechtlicher Träger")},
                           S("der öffentlich-rechtliche Dienstleister")) ==
          S("ein öffentlich-rechtlicher Träger"));
    CHECK(joinWrappedLines({S("Preis -"), S("Leistung")}) == S("Preis - Leistung"));
    CHECK(joinWrappedLines({S("weich\u00AD"), S("es Trennen")}) == S("weiches Trennen"));

    QList<importdetail::SourceLine> lines =
        importdetail::splitSourceLines(S("eins\r\nzwei\rdrei\n\fvier\fund fünf\n"));
    REQUIRE(lines.size() == 5);
    CHECK(lines[2].text == S("drei"));
    CHECK(lines[3].number == 4);
    CHECK(lines[3].pageStart);
    CHECK(lines[4].text == S("und fünf"));
    CHECK(lines[4].number == 4);

    // Qt PDF text: CRLF line ends, pages separated by form feeds, footers "- 2 -" and a lone page number.
    const QString qtPdf =
        S("Der Senator für Finanzen\r\nVorlage für die Sitzung des Senats am 04.05.2021\r\n\r\n"
          "Ein Titel\r\n\r\nA. Problem\r\nDer Text läuft über die\r\n- 1 -\f2\r\nSeite hinaus.\r\n\r\n"
          "G. Beschluss\r\nDer Senat nimmt Kenntnis.\r\n- 2 -");
    const ImportResult r = importOk(qtPdf);
    INFO(dump(r).toStdString());
    CHECK(contentPlainText(sectionOf(r.vorlage, "A").content) == S("Der Text läuft über die Seite hinaus."));
    CHECK(r.vorlage.ressorts.size() == 1);
    CHECK(r.vorlage.beschluss.size() == 1);
    CHECK(r.unplaced.isEmpty());
}

TEST_CASE("import: text that is not a Vorlage is refused with a message", "[import]")
{
    const Result<ImportResult> empty = importText(S(" \n\n\t\n"), bremenRessorts());
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().contains(S("leer")));

    const Result<ImportResult> letter =
        importText(S("Liebe Kolleginnen und Kollegen,\n\nanbei das Protokoll der "
                     "letzten Sitzung.\n\n1. Begrüßung\n2. Verschiedenes\n\nViele Grüße\n"),
                   bremenRessorts());
    REQUIRE_FALSE(letter.ok());
    CHECK(letter.error().contains(S("keine Senatsvorlage")));
    CHECK(letter.error().contains(S("A–G")));

    const Result<ImportResult> nul =
        importText(S("A. Problem\n") + QChar(0) + S("\nG. Beschluss\n"), bremenRessorts());
    REQUIRE_FALSE(nul.ok());
    CHECK(nul.error().contains(S("Binärdaten")));
}

TEST_CASE("import: files that are not text or not readable are refused", "[import]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto write = [&](const char *name, const QByteArray &data) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(data);
        return path;
    };

    const Result<ImportResult> missing = importFile(dir.filePath(S("gibt-es-nicht.txt")), bremenRessorts());
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().contains(S("gibt es nicht")));

    QByteArray binary;
    QRandomGenerator rng(4711);
    for (int i = 0; i < 4096; ++i)
        binary.append(char(rng.bounded(256)));
    binary[10] = '\0';
    const Result<ImportResult> bin = importFile(write("zufall.bin", binary), bremenRessorts());
    REQUIRE_FALSE(bin.ok());
    CHECK(bin.error().contains(S("Binärdaten")));
    CHECK(bin.error().contains(S("„zufall.bin“")));

    const QByteArray latin1 =
        S("Vorlage für die Sitzung des Senats am 12.05.2020\n\nA. Problem\nGröße\n").toLatin1();
    const Result<ImportResult> wrongEncoding = importFile(write("latin1.txt", latin1), bremenRessorts());
    REQUIRE_FALSE(wrongEncoding.ok());
    CHECK(wrongEncoding.error().contains(S("UTF-8")));

    const Result<ImportResult> notVorlage =
        importFile(write("notiz.txt", "Einkaufsliste: Brot, Milch, Kaffee\n"), bremenRessorts());
    REQUIRE_FALSE(notVorlage.ok());
    CHECK(notVorlage.error() ==
          S("„notiz.txt“ ist keine Senatsvorlage: keine Abschnittsüberschriften A–G gefunden "
            "und keine Zeile „Vorlage für die Sitzung …“."));

    // UTF-8 with a byte order mark is fine.
    const Result<ImportResult> bom = importFile(
        write("bom.txt", QByteArray("\xEF\xBB\xBF") + S("A. Problem\n\nText.\n").toUtf8()), bremenRessorts());
    REQUIRE(bom.ok());
    CHECK(contentPlainText(sectionOf(bom->vorlage, "A").content) == S("Text."));

    const Result<QString> fakePdf =
        pdfText(write("kaputt.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nMüll"));
    REQUIRE_FALSE(fakePdf.ok());
    CHECK(fakePdf.error().contains(S("keine lesbare PDF-Datei")));
    const Result<ImportResult> fakePdfImport = importFile(dir.filePath(S("kaputt.pdf")), bremenRessorts());
    REQUIRE_FALSE(fakePdfImport.ok());

    const Result<QString> notPdf = pdfText(write("text.pdf", "nur Text"));
    REQUIRE_FALSE(notPdf.ok());

    const Result<QString> encrypted = pdfText(testData(S("import/verschluesselt.pdf")));
    REQUIRE_FALSE(encrypted.ok());
    CHECK(encrypted.error().contains(S("verschlüsselt")));

    const Result<QString> noFile = pdfText(dir.filePath(S("fehlt.pdf")));
    REQUIRE_FALSE(noFile.ok());
    CHECK(noFile.error().contains(S("gibt es nicht")));
}

TEST_CASE("import: garbage and truncated input never crash the importer", "[import]")
{
    // Fixed by default; "--rng-seed N" (or "time") fuzzes with other inputs.
    QRandomGenerator rng(20200512 + Catch::rngSeed());
    int refused = 0;
    for (int round = 0; round < 300; ++round) {
        QByteArray bytes;
        const int size = int(rng.bounded(3000));
        for (int i = 0; i < size; ++i)
            bytes.append(char(rng.bounded(256)));
        const Result<ImportResult> a = importText(QString::fromUtf8(bytes), bremenRessorts());
        const Result<ImportResult> b = importText(QString::fromLatin1(bytes), bremenRessorts());
        refused += (a.ok() ? 0 : 1) + (b.ok() ? 0 : 1);
        CHECK((a.ok() || !a.error().isEmpty()));
    }
    CHECK(refused == 600);

    // Structure words in random order, and every fixture cut off and shuffled.
    const QStringList pieces{S("A. Problem"),
                             S("B. Lösung"),
                             S("G. Beschluss"),
                             S("Zu Frage 3:"),
                             S("1. Frage?"),
                             S("2."),
                             S("•"),
                             S("- Punkt"),
                             S("\f"),
                             S("Seite 1 von 2"),
                             S("**"),
                             S("„Titel"),
                             S("(Drucksache 20/1 S)"),
                             S("Der Senat stimmt zu."),
                             S("Anlage: x"),
                             S("Verwal-"),
                             S("Vorlage für die Sitzung des Senats am"),
                             S("31.02.2020"),
                             S("Der Senator für"),
                             S(""),
                             S("Vorträge der Senatskanzlei"),
                             S("L 11"),
                             S("\\*"),
                             S("Senatskanzlei Bremen, 1. Mai 2020"),
                             S("Vorlage für die Sitzung der staatlichen Deputation für X am 1.1.2021"),
                             S("Wir fragen den Senat:")};
    for (int round = 0; round < 300; ++round) {
        QStringList lines;
        const int n = int(rng.bounded(40));
        for (int i = 0; i < n; ++i)
            lines << pieces.at(int(rng.bounded(pieces.size())));
        const Result<ImportResult> r = importText(lines.join(QLatin1Char('\n')), bremenRessorts());
        if (r.ok()) {
            for (const ImportMessage &m : r->unplaced)
                CHECK((m.line >= 1 && m.line <= n));
        }
    }
    // Damaged PDFs: cut off, or with bytes overwritten.
    QFile pdfFile(testData(S("import/beschlussvorlage-libreoffice.pdf")));
    REQUIRE(pdfFile.open(QIODevice::ReadOnly));
    const QByteArray pdf = pdfFile.readAll();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    for (int round = 0; round < 12; ++round) {
        QByteArray damaged = pdf.left(int(rng.bounded(pdf.size())));
        if (round % 2) {
            damaged = pdf;
            for (int i = 0; i < 50; ++i)
                damaged[int(rng.bounded(pdf.size()))] = char(rng.bounded(256));
        }
        const QString path = dir.filePath(QStringLiteral("kaputt-%1.pdf").arg(round));
        QFile out(path);
        REQUIRE(out.open(QIODevice::WriteOnly));
        out.write(damaged);
        out.close();
        const Result<ImportResult> r = importFile(path, bremenRessorts());
        CHECK((r.ok() || !r.error().isEmpty()));
    }

    QStringList fixtures{readFile(referencePath())};
    for (const char *name : {"beschlussvorlage-pdftotext.txt", "fragestunde-plain.txt", "deputation.txt",
                             "senatskanzlei-vortraege.txt"})
        fixtures << readFile(testData(S("import/") + QString::fromLatin1(name)));
    for (const QString &fixture : fixtures) {
        for (int cut = 0; cut < fixture.size(); cut += 1 + int(rng.bounded(60))) {
            const Result<ImportResult> r = importText(fixture.left(cut), bremenRessorts());
            CHECK((r.ok() || !r.error().isEmpty()));
        }
        QStringList lines = fixture.split(QLatin1Char('\n'));
        for (int round = 0; round < 20; ++round) {
            std::shuffle(lines.begin(), lines.end(), rng);
            const Result<ImportResult> r = importText(lines.join(QLatin1Char('\n')), bremenRessorts());
            CHECK((r.ok() || !r.error().isEmpty()));
        }
    }
}

namespace {

// Writes `html` as an A4 PDF with a footer "Seite N von M" on each page, painting page slices as an
// exporter does.
void writePdf(const QString &path, const QString &html)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(25, 20, 25, 25), QPageLayout::Millimeter);
    writer.setResolution(300);
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&writer);
    QFont font(S("Liberation Sans"));
    font.setPointSize(11);
    doc.setDefaultFont(font);
    doc.setHtml(html);
    const QRect body = writer.pageLayout().paintRectPixels(writer.resolution());
    const QSizeF pageSize(body.width(), body.height() - 200);
    doc.setPageSize(pageSize);
    const int pages = doc.pageCount();

    QPainter painter;
    REQUIRE(painter.begin(&writer));
    for (int page = 0; page < pages; ++page) {
        if (page > 0)
            writer.newPage();
        painter.save();
        const QRectF clip(0, page * pageSize.height(), pageSize.width(), pageSize.height());
        painter.translate(0, -clip.top());
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = clip;
        context.palette.setColor(QPalette::Text, Qt::black);
        painter.setClipRect(clip);
        doc.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(font);
        painter.drawText(QRectF(0, body.height() - 120, body.width(), 120),
                         Qt::AlignHCenter | Qt::AlignBottom, S("Seite %1 von %2").arg(page + 1).arg(pages));
    }
    painter.end();
}

} // namespace

TEST_CASE("import: a PDF is read through Qt PDF and imported", "[import]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(S("vorlage.pdf"));
    const QString html = S(
        "<p>Der Senator für Finanzen&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;04.05.2021</p>"
        "<p><b>Vorlage für die Sitzung des Senats am 11.05.2021</b></p>"
        "<p><b>Neue Dienstfahrräder für die Bremer Verwaltung</b></p>"
        "<p><b>A. Problem</b></p>"
        "<p>Viele Dienststellen der Verwaltung liegen nah beieinander. Für kurze Wege zwischen ihnen nutzen die "
        "Beschäftigten bisher meist Dienstwagen oder den öffentlichen Nahverkehr, was Zeit und Geld kostet und die "
        "Luft belastet.</p>"
        "<p>Eine Umfrage unter den Beschäftigten hat drei Wünsche ergeben:</p>"
        "<p>• sichere Abstellplätze an allen Standorten,</p>"
        "<p>• Lastenräder für den Transport von Akten,</p>"
        "<p>• eine einfache Buchung über das Intranet.</p>"
        "<p><b>B. Lösung</b></p>"
        "<p>Die Verwaltung beschafft in zwei Stufen insgesamt 120 Dienstfahrräder:</p>"
        "<p>1. Im Jahr 2021 werden 80 Räder für die Innenstadt beschafft.</p>"
        "<p>2. Im Jahr 2022 folgen 40 Räder für die übrigen Stadtteile.</p>"
        "<p><b>C. Alternativen</b></p><p>Keine.</p>"
        "<p style=\"page-break-before: always\"><b>D. Finanzielle und Personalwirtschaftliche Auswirkungen, "
        "Gender-Prüfung</b></p>"
        "<p>Die Kosten betragen rund 150.000 Euro. Frauen und Männer profitieren gleichermaßen.</p>"
        "<p><b>E. Beteiligung und Abstimmung</b></p><p>Der Gesamtpersonalrat ist beteiligt worden.</p>"
        "<p><b>F. Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz</b></p>"
        "<p>Die Vorlage wird veröffentlicht.</p>"
        "<p><b>G. Beschluss</b></p>"
        "<p>1. Der Senat stimmt der Beschaffung von 120 Dienstfahrrädern zu.</p>"
        "<p>2. Der Senat bittet den Senator für Finanzen, im Herbst 2022 über die Nutzung zu berichten.</p>");
    writePdf(path, html);

    const Result<QString> text = pdfText(path);
    INFO(text.error().toStdString());
    REQUIRE(text.ok());
    CHECK(text->count(QLatin1Char('\f')) == 1); // two pages

    const Result<ImportResult> r = importFile(path, bremenRessorts());
    INFO(r.error().toStdString());
    REQUIRE(r.ok());
    const Vorlage &v = r->vorlage;
    INFO(dump(r.value()).toStdString());
    INFO(text.value().toStdString());

    CHECK(v.kind == VorlageKind::Beschlussvorlage);
    CHECK(v.ressorts == QList<RessortRef>{RessortRef{S("finanzen"), QString(), true}});
    CHECK(v.date == QDate(2021, 5, 4));
    CHECK(v.sessionDate == QDate(2021, 5, 11));
    CHECK(v.title == S("Neue Dienstfahrräder für die Bremer Verwaltung"));

    const Content &a = sectionOf(v, "A").content;
    REQUIRE(shape(a) == S("P P UL"));
    CHECK(a[0].paragraph.plainText().startsWith(
        S("Viele Dienststellen der Verwaltung liegen nah beieinander. Für kurze")));
    CHECK(a[0].paragraph.plainText().endsWith(S("was Zeit und Geld kostet und die Luft belastet.")));
    REQUIRE(a[2].items.size() == 3);
    CHECK(a[2].items[1].plainText() == S("Lastenräder für den Transport von Akten,"));

    const Content &b = sectionOf(v, "B").content;
    REQUIRE(shape(b) == S("P OL"));
    CHECK(b[1].items[1].plainText() == S("Im Jahr 2022 folgen 40 Räder für die übrigen Stadtteile."));
    CHECK(contentPlainText(sectionOf(v, "C").content) == S("Keine."));
    CHECK(sectionOf(v, "D").heading ==
          S("Finanzielle und Personalwirtschaftliche Auswirkungen, Gender-Prüfung"));
    CHECK(contentPlainText(sectionOf(v, "D").content) ==
          S("Die Kosten betragen rund 150.000 Euro. Frauen und Männer profitieren gleichermaßen."));
    CHECK(sectionOf(v, "F").heading ==
          S("Öffentlichkeitsarbeit und Veröffentlichung nach dem Informationsfreiheitsgesetz"));
    REQUIRE(v.beschluss.size() == 2);
    CHECK(v.beschluss[1].text.plainText() ==
          S("Der Senat bittet den Senator für Finanzen, im Herbst 2022 über die Nutzung zu berichten."));

    CHECK(r->unplaced.isEmpty());
    CHECK_FALSE(everything(r.value()).contains(S("Seite")));
    QTextDocument source;
    source.setHtml(html);
    CHECK(lostWords(source.toPlainText(), r.value()) == QStringList());
}

TEST_CASE("import: a PDF with two Ressort lines, a title in two paragraphs, a quoted subtitle, the date in G",
          "[import]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(S("vorlage.pdf"));
    writePdf(path, S("<p>Senatskanzlei</p><p>Senator für Finanzen</p>"
                     "<p><b>Vorlage für die Sitzung des Senats am 11.05.2021</b></p>"
                     "<p><b>Sanierung der Dienstgebäude am Brill und</b></p><p><b>an der Contrescarpe</b></p>"
                     "<p><b>„Ein Programm für vier Jahre“</b></p>"
                     "<p><b>A. Problem</b></p><p>Die Dächer sind undicht.</p>"
                     "<p><b>G. Beschluss</b></p>"
                     "<p>Der Senat stimmt entsprechend der Vorlage der Senatskanzlei vom 5.5.2021 dem Programm zu.</p>"));
    const Result<ImportResult> r = importFile(path, bremenRessorts());
    INFO(r.error().toStdString());
    REQUIRE(r.ok());
    const Vorlage &v = r->vorlage;
    INFO(dump(r.value()).toStdString());
    CHECK(v.ressorts ==
          QList<RessortRef>{RessortRef{S("sk"), QString(), true}, RessortRef{S("finanzen"), QString(), false}});
    CHECK(v.title == S("Sanierung der Dienstgebäude am Brill und an der Contrescarpe"));
    CHECK(v.subtitle == S("„Ein Programm für vier Jahre“"));
    CHECK(v.date == QDate(2021, 5, 5));
    CHECK(r->unplaced.isEmpty());
    REQUIRE(r->notes.size() == 1);
    CHECK(r->notes[0].text ==
          S("Das Datum fehlt im Kopf und ist aus dem Beschluss übernommen („entsprechend der Vorlage der "
            "Senatskanzlei vom 5.5.2021“): 05.05.2021."));
}

TEST_CASE("import: an office-suite PDF and its pdftotext output give the same Vorlage", "[import]")
{
    // beschlussvorlage-libreoffice.pdf is beschlussvorlage-libreoffice.fodt converted by LibreOffice
    // (soffice --headless --convert-to pdf); the .pdftotext.txt is what pdftotext makes of that PDF.
    for (const char *name :
         {"beschlussvorlage-libreoffice.pdf", "beschlussvorlage-libreoffice.pdftotext.txt"}) {
        DYNAMIC_SECTION(name)
        {
            const Result<ImportResult> r =
                importFile(testData(S("import/") + QString::fromLatin1(name)), bremenRessorts());
            INFO(r.error().toStdString());
            REQUIRE(r.ok());
            const Vorlage &v = r->vorlage;
            INFO(dump(r.value()).toStdString());
            CHECK(v.kind == VorlageKind::Beschlussvorlage);
            CHECK(v.ressorts == QList<RessortRef>{RessortRef{S("finanzen"), QString(), true},
                                                  RessortRef{S("kinder"), QString(), false}});
            CHECK(v.date == QDate(2020, 11, 10));
            CHECK(v.sessionDate == QDate(2020, 11, 17));
            CHECK(v.title == S("Leihgeräte für den Distanzunterricht an Bremer Grundschulen"));
            CHECK(v.references == QStringList{S("Drucksache 20/712 S")});

            const Content &a = sectionOf(v, "A").content;
            REQUIRE(shape(a) == S("P P UL"));
            CHECK(a[0].paragraph.plainText().endsWith(
                S("haben die Ergebnisse mit den Elternvertretungen besprochen.")));
            CHECK(a[2].items ==
                  QList<Paragraph>{
                      Paragraph::plain(S("Kinder aus Familien mit mehreren schulpflichtigen Geschwistern "
                                         "teilen sich häufig ein einziges Gerät.")),
                      Paragraph::plain(S("In den Stadtteilen des Bremer Westens fehlt es zusätzlich an "
                                         "Internetzugängen."))});
            const Content &b = sectionOf(v, "B").content;
            REQUIRE(shape(b) == S("P P OL"));
            CHECK(b[0].paragraph.plainText().count(
                      S("Aus Sicherheits- und datenschutzrechtlichen Gründen")) == 3);
            CHECK(
                b[2].items[1].plainText() ==
                S("Der Dienstleister richtet die Geräte ein und liefert sie bis Mitte Januar an die Schulen aus, "
                  "wobei Grundschulen in benachteiligten Stadtteilen zuerst beliefert werden."));
            // D runs over the page break, past the footer "Seite 1 von 2".
            const Content &d = sectionOf(v, "D").content;
            REQUIRE(shape(d) == S("P"));
            CHECK(d[0].paragraph.plainText().count(
                      S("Die Kosten von 1,9 Mio. Euro werden aus dem Bremen-Fonds gedeckt.")) == 4);
            REQUIRE(v.beschluss.size() == 2);
            CHECK(
                v.beschluss[1].text.plainText() ==
                S("Der Senat bittet die Senatorin für Kinder und Bildung, ihm bis zum 30.06.2021 über die Nutzung "
                  "der Geräte zu berichten."));
            CHECK(r->unplaced.isEmpty());
            CHECK_FALSE(everything(r.value()).contains(S("Seite")));
        }
    }
}
