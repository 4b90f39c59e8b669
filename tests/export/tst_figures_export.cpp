#include "testdemo.h"

#include "pdfexporter.h"
#include "textimporter.h"
#include "validation.h"
#include "workspace.h"

#include <QBuffer>
#include <QPdfDocument>
#include <QTemporaryDir>

using namespace vw;

namespace {

QString pdfText(const QByteArray &bytes)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument pdf;
    pdf.load(&buffer);
    QString text;
    for (int i = 0; i < pdf.pageCount(); ++i)
        text += pdf.getAllText(i).text() + QLatin1Char('\n');
    return text.simplified();
}

Figure figure(const QString &key, const QString &value, const QDate &asOf = QDate(2020, 4, 30))
{
    Figure f;
    f.key = key;
    f.label = key;
    f.value = value;
    f.asOf = asOf;
    return f;
}

} // namespace

TEST_CASE("a quoted figure prints its value, and the new one after a change", "[export][import]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("f.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Workspace &w = *ws.value();
    REQUIRE(w.setFigure(figure(QStringLiteral("vpn-bremen"), QStringLiteral("4750")), QStringLiteral("t")).ok());

    // {{key}} in the text form that import and `section --text-file` read.
    Vorlage v = demoVorlagen()[0];
    auto section = importSectionText(QStringLiteral("Bis zu **{{vpn-bremen}}** Personen können sich gleichzeitig anmelden."),
                                     QStringLiteral("C"), w.ressorts());
    REQUIRE(section.ok());
    v.section(QStringLiteral("C"))->content = section->vorlage.section(QStringLiteral("C"))->content;
    const Span &quote = v.section(QStringLiteral("C"))->content.first().paragraph.spans.at(1);
    CHECK(quote.figure == QStringLiteral("vpn-bremen"));
    CHECK(quote.bold);
    auto id = w.add(v);
    REQUIRE(id.ok());
    const Vorlage stored = w.load(id.value()).value();
    CHECK(quotedFigureKeys(stored).first() == QStringLiteral("vpn-bremen"));

    auto first = PdfExporter(w.ressorts(), w.figureValues(&stored).value()).toBytes(stored);
    CHECK(pdfText(first.value()).contains(QStringLiteral("Bis zu 4750 Personen")));

    REQUIRE(w.setFigure(figure(QStringLiteral("vpn-bremen"), QStringLiteral("91430")), QStringLiteral("t")).ok());
    auto second = PdfExporter(w.ressorts(), w.figureValues(&stored).value()).toBytes(stored);
    CHECK(pdfText(second.value()).contains(QStringLiteral("Bis zu 91.430 Personen")));

    // A decided Vorlage keeps the value it was decided with.
    Vorlage decided = stored;
    freezeFigures(decided, w.figureValues(&decided).value());
    REQUIRE(w.setFigure(figure(QStringLiteral("vpn-bremen"), QStringLiteral("5000")), QStringLiteral("t")).ok());
    auto third = PdfExporter(w.ressorts(), w.figureValues(&decided).value()).toBytes(decided);
    CHECK(pdfText(third.value()).contains(QStringLiteral("Bis zu 91.430 Personen")));
}

TEST_CASE("a missing figure is an error naming its key, an old one a warning", "[export][model]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("f.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Vorlage v = demoVorlagen()[1];
    REQUIRE(validate(v, ws.value()->ressorts(), nullptr).isEmpty());
    v.section(QStringLiteral("C"))->content.append(Block::para(Paragraph{{Span::quote(QStringLiteral("fehlt-noch"))}}));
    v.beschluss[0].text.append(Span::quote(QStringLiteral("alt")));

    Figure costs = figure(QStringLiteral("tablets-lehrkraefte-kosten"), QStringLiteral("7500000.00"), QDate(2020, 11, 10));
    costs.type = FigureType::Amount;
    const FigureValues figures({figure(QStringLiteral("alt"), QStringLiteral("3"), QDate(2019, 1, 1)), costs},
                               NumberStyle{}, 90);
    const QList<Problem> problems = validate(v, ws.value()->ressorts(), &figures);
    for (const Problem &p : problems)
        UNSCOPED_INFO(p.message.toStdString());
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].severity == Problem::Severity::Error);
    CHECK(problems[0].message.contains(QStringLiteral("fehlt-noch")));
    CHECK(problems[0].place.field == QStringLiteral("C"));
    CHECK(problems[1].severity == Problem::Severity::Warning);
    CHECK(problems[1].place.kind == Place::Kind::Beschluss);
    // Printed as a placeholder, so nobody mistakes it for a number.
    CHECK(v.section(QStringLiteral("C"))->content.last().paragraph.plainText(&figures) == QStringLiteral("{{fehlt-noch}}"));
}

TEST_CASE("a typed number that is a figure's value is offered as a quote", "[model]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("s.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Vorlage v = demoVorlagen()[0];
    v.questions[1].answer = {Block::para(QStringLiteral("Bis zu 4750 Personen, Stand 31.12.2021, davon 31 neu."))};
    Figure same = figure(QStringLiteral("vpn-bremen"), QStringLiteral("4750"), QDate(2020, 5, 1));
    Figure day = figure(QStringLiteral("tage"), QStringLiteral("31"), QDate(2020, 5, 1));
    Figure twin = figure(QStringLiteral("zwilling"), QStringLiteral("31"), QDate(2020, 5, 1));
    QList<Figure> all = FigureValues(ws.value()->figureValues().value()).all();
    all << same << day << twin;
    const FigureValues figures(all, NumberStyle{}, 90);

    QList<Problem> suggestions;
    for (const Problem &p : validate(v, ws.value()->ressorts(), &figures))
        if (!p.suggestedFigure.isEmpty())
            suggestions << p;
    // 4750 is one figure's value; 31 belongs to two figures (no guess), and the 31 of a date is no number.
    REQUIRE(suggestions.size() == 1);
    CHECK(suggestions[0].typedNumber == QStringLiteral("4750"));
    CHECK(suggestions[0].suggestedFigure == QStringLiteral("vpn-bremen"));
    CHECK(suggestions[0].place == Place{Place::Kind::Answer, {}, v.questions[1].id});
    CHECK(suggestions[0].severity == Problem::Severity::Warning);

    REQUIRE(applyFigureSuggestion(v, suggestions[0]));
    const Paragraph &p = v.questions[1].answer.first().paragraph;
    REQUIRE(p.spans.size() == 3);
    CHECK(p.spans[1].figure == QStringLiteral("vpn-bremen"));
    CHECK(p.plainText(&figures) == QStringLiteral("Bis zu 4750 Personen, Stand 31.12.2021, davon 31 neu."));
    CHECK_FALSE(applyFigureSuggestion(v, suggestions[0])); // the number is a quote now
}
