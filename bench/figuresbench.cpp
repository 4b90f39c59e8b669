// Figures at scale: a workspace with 100,000 figures and a Vorlage quoting 10,000 of them. Measures what
// the figure panel and the preview need: storing them (one transaction), loading all, filtering by a
// substring, formatting, where one figure is used, CSV export and import, and the PDF of the Vorlage.
// Prints medians; run through bench/figures-speed.sh.
#include "demo.h"
#include "figurecsv.h"
#include "pdfexporter.h"
#include "workspace.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHash>
#include <QPdfDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr int figureCount = 100000;
constexpr int quoteCount = 10000;
constexpr int quotesPerParagraph = 5;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

// Median time of `runs` calls, in ms.
double timeMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    QElapsedTimer t;
    for (int i = 0; i < runs; ++i) {
        t.start();
        work();
        times << t.nsecsElapsed() / 1e6;
    }
    return median(times);
}

const char *const districts[] = {"Mitte", "Neustadt", "Findorff", "Vegesack", "Blumenthal", "Huchting", "Osterholz",
                                 "Schwachhausen", "Gröpelingen", "Hemelingen", "Obervieland", "Horn-Lehe"};
const char *const subjects[] = {"Notebooks an Schulen", "VPN-Zugänge", "Beschäftigte im Homeoffice", "Kita-Plätze",
                                "Ausgaben Digitalpakt", "Anteil Glasfaser", "Anträge Soforthilfe", "Stichtag Meldung"};

vw::Figure makeFigure(int i)
{
    vw::Figure f;
    f.key = QStringLiteral("zahl-%1").arg(i, 6, 10, QLatin1Char('0'));
    const int subject = i % 8;
    f.label = QStringLiteral("%1, %2 (%3)")
                  .arg(QString::fromUtf8(subjects[subject]), QString::fromUtf8(districts[(i / 8) % 12]))
                  .arg(i);
    f.type = QList<vw::FigureType>{vw::FigureType::Integer, vw::FigureType::Integer, vw::FigureType::Integer,
                                   vw::FigureType::Integer, vw::FigureType::Amount, vw::FigureType::Percentage,
                                   vw::FigureType::Integer, vw::FigureType::Date}[subject];
    switch (f.type) {
    case vw::FigureType::Integer:
        f.value = QString::number(1000 + (i * 7919) % 900000);
        f.unit = QStringLiteral("Stück");
        break;
    case vw::FigureType::Amount:
        f.value = QStringLiteral("%1.50").arg(100000 + (i * 104729) % 90000000);
        f.millions = i % 2 == 0;
        break;
    case vw::FigureType::Percentage:
        f.value = QStringLiteral("%1.5").arg(i % 100);
        break;
    case vw::FigureType::Date:
        f.value = QDate(2020, 1, 1).addDays(i % 1500).toString(Qt::ISODate);
        break;
    default:
        break;
    }
    f.asOf = QDate(2020, 1, 1).addDays(i % 1000);
    f.source = QStringLiteral("Monatsbericht %1").arg(i % 12 + 1);
    f.ressortKey = i % 3 == 0 ? QStringLiteral("finanzen") : QStringLiteral("kinder-bildung");
    return f;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("figures.vorlagen"));
    auto opened = vw::openOrCreateWithDemo(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error()));
        return 1;
    }
    vw::Workspace &ws = *opened.value();
    QElapsedTimer t;

    QList<vw::Figure> figures;
    figures.reserve(figureCount);
    for (int i = 0; i < figureCount; ++i)
        figures.append(makeFigure(i));
    t.start();
    if (auto r = ws.setFigures(figures, QStringLiteral("bench")); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    const double storeAll = t.nsecsElapsed() / 1e6;

    // The demo Beschlussvorlage quoting 10,000 figures, five to a paragraph, in section B.
    vw::Vorlage v = ws.load(2).value();
    vw::Section *b = v.section(QStringLiteral("B"));
    for (int p = 0; p < quoteCount / quotesPerParagraph; ++p) {
        vw::Paragraph paragraph = vw::Paragraph::plain(QStringLiteral("Absatz %1: ").arg(p + 1));
        for (int q = 0; q < quotesPerParagraph; ++q) {
            const int i = (p * quotesPerParagraph + q) * (figureCount / quoteCount);
            paragraph.append(vw::Span{QStringLiteral("In %1 meldet die Behörde ").arg(QString::fromUtf8(districts[(i / 8) % 12]))});
            paragraph.append(vw::Span::quote(figures[i].key));
            paragraph.append(vw::Span{q + 1 < quotesPerParagraph ? QStringLiteral(", ") : QStringLiteral(".")});
        }
        b->content.append(vw::Block::para(paragraph));
    }
    t.start();
    if (auto r = ws.save(v); !r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    const double saveVorlage = t.nsecsElapsed() / 1e6;
    v = ws.load(2).value();
    b = v.section(QStringLiteral("B"));

    // Opening the panel: every figure from the store, then each row's shown value.
    QList<vw::Figure> loaded;
    const double loadAll = timeMs(5, [&] { loaded = ws.figures().value(); });
    if (loaded.size() < figureCount) // and the demo workspace's own figures
        return 1;
    const vw::NumberStyle style = ws.numberStyle();
    QStringList shown;
    const double formatAll = timeMs(5, [&] {
        shown.clear();
        shown.reserve(loaded.size());
        for (const vw::Figure &f : loaded)
            shown << vw::formatFigureValue(f, style);
    });

    // Filtering as a proxy model would: a plain loop, key or label containing the text.
    const QStringList needles = {QStringLiteral("vegesack"), QStringLiteral("zahl-0421"), QStringLiteral("Kita"),
                                 QStringLiteral("gibt es nicht")};
    qsizetype matches = 0;
    QList<double> filterTimes;
    for (const QString &needle : needles) {
        filterTimes << timeMs(5, [&] {
            matches = 0;
            for (const vw::Figure &f : loaded)
                if (f.key.contains(needle, Qt::CaseInsensitive) || f.label.contains(needle, Qt::CaseInsensitive))
                    ++matches;
        });
    }
    // A filter typed letter by letter on 1, 2, 3 … characters: the worst case is the short prefix.
    const double filterOneLetter = timeMs(5, [&] {
        matches = 0;
        for (const vw::Figure &f : loaded)
            if (f.key.contains(QLatin1Char('v'), Qt::CaseInsensitive)
                || f.label.contains(QLatin1Char('v'), Qt::CaseInsensitive))
                ++matches;
    });

    const QString quotedKey = figures[figureCount / 2].key;
    qsizetype uses = 0;
    const double usesOne = timeMs(5, [&] { uses = ws.figureUses(quotedKey).value().size(); });

    // What re-rendering needs: the workspace's figures as FigureValues, and every quote resolved through it.
    vw::FigureValues values;
    const double buildValues = timeMs(3, [&] { values = ws.figureValues().value(); });
    qsizetype resolved = 0;
    const double resolveQuotes = timeMs(5, [&] {
        resolved = 0;
        for (const vw::Block &block : std::as_const(b->content))
            for (const vw::Span &s : block.paragraph.spans)
                if (s.isFigure() && values.find(s.figure)) {
                    (void)s.printed(&values);
                    ++resolved;
                }
    });

    QByteArray csv;
    const double csvWrite = timeMs(3, [&] { csv = vw::writeFigureCsv(loaded); });
    QList<vw::CsvProblem> problems;
    qsizetype csvRead = 0;
    const double csvReadTime = timeMs(3, [&] {
        auto back = vw::readFigureCsv(csv, &problems, &ws.ressorts());
        csvRead = back ? back->size() : -1;
    });

    const vw::PdfExporter exporter(ws.ressorts(), values);
    QByteArray pdf;
    const double exportPdf = timeMs(3, [&] { pdf = exporter.toBytes(v).value(); });
    QBuffer buffer(&pdf);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    const int pages = document.pageCount();

    std::printf("Workspace with %d figures, a Vorlage quoting %lld of them (in %lld paragraphs)\n", figureCount,
                qint64(resolved), qint64(quoteCount / quotesPerParagraph));
    std::printf("  store all figures, one transaction:    %8.0f ms (once)\n", storeAll);
    std::printf("  save the quoting Vorlage:              %8.0f ms (once)\n", saveVorlage);
    std::printf("  load all figures (Workspace::figures): %8.1f ms (median of 5)\n", loadAll);
    std::printf("  format all values (formatFigureValue): %8.1f ms (median of 5)\n", formatAll);
    std::printf("  filter by substring in key or label:   %8.1f ms (median over %lld needles x 5)\n", median(filterTimes),
                qint64(needles.size()));
    std::printf("  filter by one letter ('v'):            %8.1f ms (median of 5, %lld matches)\n", filterOneLetter,
                qint64(matches));
    std::printf("  figureUses(one key):                   %8.1f ms (median of 5, %lld uses found)\n", usesOne, qint64(uses));
    std::printf("  all figures as FigureValues (re-render): %6.1f ms (median of 3)\n", buildValues);
    std::printf("  resolve 10,000 quotes to values:       %8.1f ms (median of 5)\n", resolveQuotes);
    std::printf("  CSV export of all figures:             %8.1f ms (median of 3, %.1f MB)\n", csvWrite, csv.size() / 1e6);
    std::printf("  CSV import of all figures (parse):     %8.1f ms (median of 3, %lld rows)\n", csvReadTime, qint64(csvRead));
    std::printf("  PDF of the quoting Vorlage (toBytes):  %8.0f ms (median of 3, %d pages)\n", exportPdf, pages);
    return 0;
}
