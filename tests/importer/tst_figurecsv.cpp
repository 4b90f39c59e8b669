#include "testutil.h"

#include "figurecsv.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSet>

using namespace vw;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray dataFile(const char *name)
{
    QFile f(testData(QStringLiteral("figures/") + QLatin1String(name)));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

Figure figure(const char *key, const char *label, FigureType type, const char *value)
{
    Figure f;
    f.key = QString::fromUtf8(key);
    f.label = QString::fromUtf8(label);
    f.type = type;
    f.value = QString::fromUtf8(value);
    return f;
}

// "line: message" for each problem, so failures show what was found.
QStringList describe(const QList<CsvProblem> &problems)
{
    QStringList lines;
    for (const CsvProblem &p : problems)
        lines << QStringLiteral("%1: %2").arg(p.line).arg(p.message);
    return lines;
}

QList<int> problemLines(const QList<CsvProblem> &problems)
{
    QList<int> lines;
    for (const CsvProblem &p : problems)
        lines << p.line;
    return lines;
}

bool hasProblem(const QList<CsvProblem> &problems, int line, const char *fragment)
{
    for (const CsvProblem &p : problems)
        if (p.line == line && p.message.contains(S(fragment)))
            return true;
    return false;
}

RessortTable testRessorts()
{
    return RessortTable({{QStringLiteral("finanzen"), S("Der Senator für Finanzen"), QDate(2019, 8, 15), {}},
                         {QStringLiteral("kinder-bildung"), S("Die Senatorin für Kinder und Bildung"), {}, {}}});
}

} // namespace

TEST_CASE("a CSV file with every type, quoting, BOM, CRLF and German numbers gives exact figures", "[import]")
{
    QList<CsvProblem> problems;
    auto read = readFigureCsv(dataFile("good.csv"), &problems);
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    REQUIRE(read.ok());
    CHECK(problems.isEmpty());
    const QList<Figure> &figures = read.value();
    REQUIRE(figures.size() == 10);

    Figure vpn = figure("vpn-bremen", "VPN-Zugänge Bremen, gleichzeitig", FigureType::Integer, "4750");
    vpn.unit = QStringLiteral("Nutzer");
    vpn.asOf = QDate(2020, 4, 30);
    vpn.source = QStringLiteral("Dataport, Monatsbericht April");
    vpn.ressortKey = QStringLiteral("finanzen");
    CHECK(figures[0] == vpn);

    Figure notebooks = figure("notebooks", "Notebooks; ausgegeben", FigureType::Integer, "91430");
    notebooks.unit = S("Geräte");
    notebooks.asOf = QDate(2020, 5, 4);
    notebooks.source = S("Senatorin für Kinder und Bildung, \"Digitalpakt\"");
    notebooks.ressortKey = QStringLiteral("kinder-bildung");
    notebooks.note = QStringLiteral("Zweite Zeile:\nmit Umbruch"); // CRLF inside the quotes becomes LF
    CHECK(figures[1] == notebooks);

    Figure auslastung = figure("auslastung", "Auslastung der Leitungen", FigureType::Percentage, "12.5");
    auslastung.asOf = QDate(2020, 5, 4);
    CHECK(figures[2] == auslastung);

    Figure laufzeit = figure("laufzeit", "Laufzeit je Sitzung", FigureType::Decimal, "1234.75");
    laufzeit.unit = QStringLiteral("Stunden");
    laufzeit.asOf = QDate(2020, 5, 4);
    CHECK(figures[3] == laufzeit);

    Figure budget = figure("budget", "Budget Homeoffice", FigureType::Amount, "7500000.00");
    budget.asOf = QDate(2020, 5, 12);
    budget.ressortKey = S("Der Senator für Finanzen"); // taken as written without a Ressort table
    budget.millions = true;
    CHECK(figures[4] == budget);

    CHECK(figures[5] == figure("kosten", "Kosten je Zugang", FigureType::Amount, "350.25"));
    CHECK(figures[6] == figure("beginn", "Beginn des Homeoffice", FigureType::Date, "2020-03-16"));
    // Unquoted fields are trimmed, quoted ones kept as they are.
    CHECK(figures[7] == figure("leerzeichen", "  mit Leerzeichen  ", FigureType::Integer, "12"));
    // Without a type: integer when whole, else decimal.
    CHECK(figures[8] == figure("ohne-typ", "Ohne Typ", FigureType::Integer, "-12"));
    CHECK(figures[9] == figure("ohne-typ-dezimal", "Ohne Typ, dezimal", FigureType::Decimal, "0.5"));
}

TEST_CASE("with a Ressort table the Ressort column takes keys and names and stores the key", "[import]")
{
    const RessortTable ressorts = testRessorts();
    QList<CsvProblem> problems;
    auto read = readFigureCsv(dataFile("good.csv"), &problems, &ressorts);
    REQUIRE(read.ok());
    CHECK(read->at(0).ressortKey == QStringLiteral("finanzen"));
    CHECK(read->at(1).ressortKey == QStringLiteral("kinder-bildung"));
    CHECK(read->at(4).ressortKey == QStringLiteral("finanzen"));

    const QByteArray unknown = S("Schlüssel;Bezeichnung;Wert;Ressort\nx;X;1;finanzen\ny;Y;2;Senator für Häfen\n").toUtf8();
    CHECK_FALSE(readFigureCsv(unknown, &problems, &ressorts).ok());
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 3);
    CHECK(problems[0].message.contains(S("Senator für Häfen")));
    // Without a table any text is taken.
    CHECK(readFigureCsv(unknown, &problems).ok());
}

TEST_CASE("columns are found by their header names in any order, optional ones may be left out", "[import]")
{
    QList<CsvProblem> problems;
    auto read = readFigureCsv(dataFile("reordered.csv"), &problems);
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    REQUIRE(read.ok());
    REQUIRE(read->size() == 2); // blank lines and rows of empty fields are skipped
    CHECK(read->at(0) == figure("vpn-bremen", "VPN-Zugänge Bremen, gleichzeitig", FigureType::Integer, "4750"));
    CHECK(read->at(1) == figure("auslastung", "Auslastung", FigureType::Percentage, "12.5"));

    // A header alone is a valid, empty file.
    auto empty = readFigureCsv(S("Schlüssel;Bezeichnung;Wert\r\n").toUtf8(), &problems);
    REQUIRE(empty.ok());
    CHECK(empty->isEmpty());
    // Header names are matched without regard to case; "Schluessel" is understood.
    auto lower = readFigureCsv(QByteArray("schluessel;BEZEICHNUNG;wert\nx;X;1"), &problems);
    REQUIRE(lower.ok());
    CHECK(lower->at(0) == figure("x", "X", FigureType::Integer, "1"));
}

TEST_CASE("empty columns without a name, as spreadsheets leave them, are ignored while they stay empty", "[import]")
{
    QList<CsvProblem> problems;
    auto read = readFigureCsv(S("Schlüssel;Bezeichnung;Wert;;\nx;X;1;;\ny;Y;2;;\n").toUtf8(), &problems);
    REQUIRE(read.ok());
    CHECK(read->size() == 2);
    CHECK_FALSE(readFigureCsv(S("Schlüssel;Bezeichnung;Wert;;\nx;X;1;;\ny;Y;2;;vergessen\n").toUtf8(), &problems).ok());
    CHECK(problemLines(problems) == QList<int>{3});
    CHECK(hasProblem(problems, 3, "Spalte 5 hat keinen Namen in der Kopfzeile, aber hier den Wert „vergessen“"));
}

TEST_CASE("every bad row is reported with its line and nothing is returned", "[import]")
{
    QList<CsvProblem> problems;
    auto read = readFigureCsv(dataFile("bad-rows.csv"), &problems, nullptr);
    CHECK_FALSE(read.ok());
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    CHECK(problemLines(problems) == QList<int>{3, 4, 5, 6, 7, 10, 11, 12, 13});
    CHECK(hasProblem(problems, 3, "„VPN Bremen“ ist kein gültiger Schlüssel"));
    CHECK(hasProblem(problems, 4, "Unbekannter Typ „Zahlwert“"));
    CHECK(hasProblem(problems, 5, "keine ganze Zahl"));
    CHECK(hasProblem(problems, 6, "Stand: „31.02.2020“ ist kein Datum"));
    CHECK(hasProblem(problems, 7, "Die Zeile hat 4 Felder, die Kopfzeile 10"));
    CHECK(hasProblem(problems, 10, "Der Schlüssel „vpn-bremen“ steht schon in Zeile 2"));
    CHECK(hasProblem(problems, 11, "nur für Beträge"));
    CHECK(hasProblem(problems, 12, "Die Bezeichnung fehlt"));
    CHECK(hasProblem(problems, 13, "kein Betrag"));
    CHECK(read.error().startsWith(S("Zeile 3: „VPN Bremen“")));
    CHECK(read.error().contains(S("8 weitere")));

    // With the Ressort table the unknown Ressort in line 14 is one more.
    const RessortTable ressorts = testRessorts();
    CHECK_FALSE(readFigureCsv(dataFile("bad-rows.csv"), &problems, &ressorts).ok());
    CHECK(problemLines(problems).last() == 14);
    CHECK(hasProblem(problems, 14, "„gibt-es-nicht“ ist weder Schlüssel noch Name"));
}

TEST_CASE("a row can have several problems, each reported", "[import]")
{
    QList<CsvProblem> problems;
    const QByteArray data = S("Schlüssel;Bezeichnung;Typ;Wert;Stand;Mio\n"
                              "Falsch;;integer;zwölf;gestern;vielleicht\n")
                                .toUtf8();
    CHECK_FALSE(readFigureCsv(data, &problems).ok());
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    CHECK(problemLines(problems) == QList<int>{2, 2, 2, 2, 2});
    CHECK(hasProblem(problems, 2, "Mio: „vielleicht“"));
}

TEST_CASE("a decimal comma with three places is a decimal, a dot before three digits groups thousands", "[import]")
{
    QList<CsvProblem> problems;
    const QByteArray data = S("Schlüssel;Bezeichnung;Typ;Wert\n"
                              "a;A;decimal;1,5\n"
                              "b;B;decimal;1,234\n"
                              "c;C;decimal;1.234\n")
                                .toUtf8();
    auto figures = readFigureCsv(data, &problems);
    REQUIRE(figures.ok());
    CHECK(figures->at(1).value == QStringLiteral("1.234"));
    CHECK(figures->at(2).value == QStringLiteral("1234"));
}

TEST_CASE("a bad header is refused before any row is read", "[import]")
{
    QList<CsvProblem> problems;
    CHECK_FALSE(readFigureCsv(dataFile("bad-header.csv"), &problems).ok());
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    CHECK(problemLines(problems) == QList<int>{1, 1});
    CHECK(hasProblem(problems, 1, "Unbekannte Spalte „Farbe“"));
    CHECK(hasProblem(problems, 1, "„Typ“ steht zweimal"));

    CHECK_FALSE(readFigureCsv(dataFile("no-header.csv"), &problems).ok());
    CHECK(hasProblem(problems, 1, "Die erste Zeile muss die Spalten nennen"));

    CHECK_FALSE(readFigureCsv(QByteArray("Schlüssel;Typ\nx;integer\n"), &problems).ok());
    CHECK(hasProblem(problems, 1, "„Bezeichnung“ nicht"));
    CHECK(hasProblem(problems, 1, "„Wert“ nicht"));

    CHECK_FALSE(readFigureCsv(QByteArray(), &problems).ok());
    CHECK(hasProblem(problems, 1, "Die Datei ist leer"));
    CHECK_FALSE(readFigureCsv(QByteArray("\xEF\xBB\xBF\r\n\r\n"), &problems).ok());
    CHECK(hasProblem(problems, 1, "Die Datei ist leer"));
}

TEST_CASE("a file that is not UTF-8 is refused, naming the lines", "[import]")
{
    QList<CsvProblem> problems;
    CHECK_FALSE(readFigureCsv(dataFile("latin1.csv"), &problems).ok());
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    CHECK(problemLines(problems) == QList<int>{1, 3, 5});
    CHECK(hasProblem(problems, 1, "UTF-8"));

    CHECK_FALSE(readFigureCsv(QByteArray("Schl\0ssel;Wert", 14), &problems).ok());
    CHECK(hasProblem(problems, 1, "keine Textdatei"));
}

TEST_CASE("quoting mistakes are reported at their line", "[import]")
{
    QList<CsvProblem> problems;
    CHECK_FALSE(readFigureCsv(dataFile("unclosed-quote.csv"), &problems).ok());
    CHECK(problemLines(problems) == QList<int>{3});
    CHECK(hasProblem(problems, 3, "nicht geschlossen"));

    const QByteArray stray = S("Schlüssel;Bezeichnung;Wert\n"
                               "a;\"Zitat\" danach;1\n"
                               "b;\"mehrere\nZeilen\"x;2\n"
                               "c;gut;3\n")
                                 .toUtf8();
    CHECK_FALSE(readFigureCsv(stray, &problems).ok());
    INFO(describe(problems).join(QLatin1Char('\n')).toStdString());
    CHECK(problemLines(problems) == QList<int>{2, 4});
    CHECK(hasProblem(problems, 2, "nur ein Semikolon"));
}

TEST_CASE("the writer quotes where needed and writes German values without grouping", "[import]")
{
    Figure a = figure("budget", "Budget; \"Homeoffice\"", FigureType::Amount, "7500000.00");
    a.millions = true;
    a.asOf = QDate(2020, 5, 12);
    a.note = QStringLiteral("zwei\nZeilen");
    Figure b = figure("quote", " Zitat ", FigureType::Percentage, "12.5");
    Figure c = figure("start", "Beginn", FigureType::Date, "2020-03-16");
    Figure d = figure("zahl", "Zahl", FigureType::Integer, "91430");
    d.ressortKey = QStringLiteral("finanzen");
    const QByteArray csv = writeFigureCsv({a, b, c, d});
    const QByteArray expected = QByteArray("\xEF\xBB\xBF")
                                + S("Schlüssel;Bezeichnung;Typ;Wert;Einheit;Stand;Quelle;Ressort;Notiz;Mio\r\n"
                                  "budget;\"Budget; \"\"Homeoffice\"\"\";amount;7500000,00;;12.05.2020;;;\"zwei\nZeilen\";ja\r\n"
                                  "quote;\" Zitat \";percentage;12,5;;;;;;\r\n"
                                  "start;Beginn;date;16.03.2020;;;;;;\r\n"
                                  "zahl;Zahl;integer;91430;;;;finanzen;;\r\n")
                                    .toUtf8();
    CHECK(csv == expected);
    QList<CsvProblem> problems;
    auto back = readFigureCsv(csv, &problems);
    REQUIRE(back.ok());
    CHECK(back.value() == QList<Figure>{a, b, c, d});
}

TEST_CASE("export then import gives the same figures, for random figures", "[import]")
{
    QRandomGenerator random(20200512);
    const QString alphabet = S("abcxyzÄÖÜäöüß€;\"' ,.-\n\t0123456789%§");
    const auto randomText = [&](int maxLength, bool nonEmpty) {
        QString text;
        const int length = random.bounded(nonEmpty ? 1 : 0, maxLength + 1);
        for (int i = 0; i < length; ++i)
            text += alphabet[random.bounded(int(alphabet.size()))];
        if (nonEmpty)
            text += QLatin1Char('x'); // a label is more than white space
        return text;
    };
    const auto digits = [&](int min, int max) {
        QString text = QString::number(random.bounded(1, 10));
        const int length = random.bounded(min, max + 1);
        for (int i = 1; i < length; ++i)
            text += QString::number(random.bounded(10));
        return text;
    };
    const QStringList ressortKeys = {QString(), QStringLiteral("finanzen"), QStringLiteral("kinder-bildung")};

    for (int round = 0; round < 50; ++round) {
        QList<Figure> figures;
        const int count = random.bounded(0, 40);
        for (int i = 0; i < count; ++i) {
            Figure f;
            f.key = QStringLiteral("zahl-%1-%2").arg(round).arg(i);
            f.label = randomText(30, true);
            f.type = allFigureTypes()[random.bounded(int(allFigureTypes().size()))];
            // What the store holds: a canonical value. (Decimals like "62.781" are not: read again they are
            // 62781, and the store refuses them.)
            do {
                const QString sign = random.bounded(4) == 0 ? QStringLiteral("-") : QString();
                switch (f.type) {
                case FigureType::Integer:
                    f.value = random.bounded(5) == 0 ? QStringLiteral("0") : sign + digits(1, 12);
                    break;
                case FigureType::Decimal:
                case FigureType::Percentage:
                    f.value = sign + (random.bounded(3) == 0 ? QStringLiteral("0") : digits(1, 6)) + QLatin1Char('.')
                              + QString::number(random.bounded(10)) + digits(0, 4);
                    break;
                case FigureType::Amount:
                    f.value = sign + digits(1, 11) + QLatin1Char('.') + QString::number(random.bounded(10))
                              + QString::number(random.bounded(10));
                    f.millions = random.bounded(2) == 1;
                    break;
                case FigureType::Date:
                    f.value = QDate(1990, 1, 1).addDays(random.bounded(20000)).toString(Qt::ISODate);
                    break;
                }
            } while (parseFigureValue(f.type, f.value).value() != f.value);
            f.unit = randomText(8, false);
            if (random.bounded(3) > 0)
                f.asOf = QDate(2000, 1, 1).addDays(random.bounded(10000));
            f.source = randomText(40, false);
            f.ressortKey = ressortKeys[random.bounded(int(ressortKeys.size()))];
            f.note = randomText(60, false);
            figures.append(f);
        }
        const QByteArray csv = writeFigureCsv(figures);
        QList<CsvProblem> problems;
        auto back = readFigureCsv(csv, &problems);
        INFO("round " << round << ": " << describe(problems).join(QLatin1Char('\n')).toStdString());
        REQUIRE(back.ok());
        REQUIRE(back->size() == figures.size());
        for (qsizetype i = 0; i < figures.size(); ++i) {
            INFO("figure " << i << " label " << figures[i].label.toStdString() << " value " << figures[i].value.toStdString());
            CHECK(back->at(i) == figures[i]);
        }
        // The same file again, with LF line ends and without the byte order mark.
        QByteArray lf = csv.mid(3);
        lf.replace("\r\n", "\n");
        auto again = readFigureCsv(lf, &problems);
        REQUIRE(again.ok());
        CHECK(again.value() == figures);
    }
}

TEST_CASE("the reader survives any bytes and names only lines of the file", "[import]")
{
    QRandomGenerator random(4750);
    const QByteArray base = dataFile("good.csv") + dataFile("bad-rows.csv");
    const QByteArray pieces[] = {";", "\"", "\r\n", "\n", "\r", "\"\"", "ä", "\xC3", "x", " ", "12,5", "ja"};
    for (int round = 0; round < 300; ++round) {
        QByteArray data = base.left(random.bounded(int(base.size()) + 1));
        const int edits = random.bounded(1, 10);
        for (int e = 0; e < edits; ++e) {
            const int at = random.bounded(int(data.size()) + 1);
            if (random.bounded(2) == 0 && at < data.size())
                data.remove(at, random.bounded(1, 5));
            else
                data.insert(at, pieces[random.bounded(int(std::size(pieces)))]);
        }
        const int lines = int(data.count('\n') + data.count('\r')) + 1;
        QList<CsvProblem> problems;
        auto read = readFigureCsv(data, &problems);
        CHECK(read.ok() == problems.isEmpty());
        for (const CsvProblem &p : problems) {
            CHECK(p.line >= 1);
            CHECK(p.line <= lines);
            CHECK_FALSE(p.message.isEmpty());
        }
    }
}
