#include "testutil.h"

#include "contentdocument.h"

#include <QFile>
#include <QJsonDocument>
#include <QMimeData>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

using namespace vw;

namespace
{

// --- Building expected content -------------------------------------------------------------

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

Span t(const char *text)
{
    return Span{u(text)};
}

Span b(const char *text)
{
    return Span{u(text), true, false};
}

Span i(const char *text)
{
    return Span{u(text), false, true};
}

Span bi(const char *text)
{
    return Span{u(text), true, true};
}

Paragraph par(std::initializer_list<Span> spans)
{
    Paragraph p;
    for (const Span &s : spans)
        p.append(s);
    return p;
}

Paragraph par(const char *text)
{
    return Paragraph::plain(u(text));
}

Block P(std::initializer_list<Span> spans)
{
    return Block::para(par(spans));
}

Block P(const char *text)
{
    return Block::para(par(text));
}

Block UL(const QList<Paragraph> &items)
{
    return Block::list(Block::Type::BulletList, items);
}

Block OL(const QList<Paragraph> &items)
{
    return Block::list(Block::Type::NumberedList, items);
}

Block table(const QList<QList<Paragraph>> &rows, bool headerRow = false)
{
    Block blk;
    blk.type = Block::Type::Table;
    blk.rows = rows;
    blk.headerRow = headerRow;
    return blk;
}

std::string dump(const Content &content)
{
    return QJsonDocument(contentToJson(content)).toJson(QJsonDocument::Indented).toStdString();
}

// Compares content and, when it differs, shows both as JSON.
void checkContent(const Content &actual, const Content &expected)
{
    INFO("actual:\n" << dump(actual) << "expected:\n" << dump(expected));
    CHECK(actual == expected);
}

QByteArray fixture(const char *name)
{
    QFile f(testData(QStringLiteral("paste/") + QLatin1String(name)));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// As the clipboard holds it: HTML as bytes, with the plain text word processors put beside it.
std::unique_ptr<QMimeData> htmlMime(const char *name)
{
    auto data = std::make_unique<QMimeData>();
    data->setData(QStringLiteral("text/html"), fixture(name));
    data->setText(QStringLiteral("(plain text beside the HTML)"));
    return data;
}

// --- Random content for the round trip -----------------------------------------------------

class RandomContent
{
public:
    explicit RandomContent(quint32 seed) : mRandom(seed) {}

    Content content()
    {
        Content c;
        const int blocks = int(mRandom.bounded(7));
        for (int n = 0; n < blocks; ++n) {
            const int kind = int(mRandom.bounded(10));
            if (kind < 4)
                c.append(Block::para(paragraph(true)));
            else if (kind < 6)
                c.append(UL(items()));
            else if (kind < 8)
                c.append(OL(items()));
            else
                c.append(table());
        }
        // Trailing empty paragraphs are not content (every document ends in a block).
        while (!c.isEmpty() && c.last().type == Block::Type::Paragraph && c.last().paragraph.spans.isEmpty())
            c.removeLast();
        return c;
    }

private:
    QString text()
    {
        static const QStringList words{
            QStringLiteral("Senat"),      QStringLiteral("Bürgerschaft"),
            QStringLiteral("Maßnahme"),   QStringLiteral("„Vorlage“"),
            QStringLiteral("Ä"),          QStringLiteral("öffentlich"),
            QStringLiteral("Übersicht"),  QStringLiteral("€ 1.250,00"),
            QStringLiteral("§ 3 Abs. 2"), QStringLiteral("(Drs. 21/7)"),
            QStringLiteral("–"),          QStringLiteral("‚x‘"),
            QStringLiteral(" "),          QStringLiteral("  "),
            QStringLiteral("\t"),         QString(QChar::LineSeparator),
            QStringLiteral("1."),         QStringLiteral("• "),
        };
        QString s;
        const int n = 1 + int(mRandom.bounded(4));
        for (int k = 0; k < n; ++k)
            s += words[int(mRandom.bounded(words.size()))];
        return s;
    }

    Paragraph paragraph(bool mayBeEmpty)
    {
        Paragraph p;
        const int spans = int(mRandom.bounded(mayBeEmpty ? 5 : 4)) + (mayBeEmpty ? 0 : 1);
        for (int k = 0; k < spans; ++k)
            p.append(Span{text(), mRandom.bounded(3) == 0, mRandom.bounded(4) == 0});
        return p;
    }

    QList<Paragraph> items()
    {
        QList<Paragraph> list;
        const int n = 1 + int(mRandom.bounded(4));
        for (int k = 0; k < n; ++k)
            list.append(paragraph(mRandom.bounded(6) == 0));
        return list;
    }

    Block table()
    {
        const int rows = 1 + int(mRandom.bounded(4));
        const int columns = 1 + int(mRandom.bounded(4));
        QList<QList<Paragraph>> cells;
        for (int r = 0; r < rows; ++r) {
            QList<Paragraph> row;
            for (int c = 0; c < columns; ++c)
                row.append(mRandom.bounded(3) == 0 ? Paragraph{} : paragraph(false));
            cells.append(row);
        }
        return ::table(cells, mRandom.bounded(2) == 0);
    }

    QRandomGenerator mRandom;
};

} // namespace

// ============================================================================================
// Conversion

TEST_CASE("readContent(writeContent(c)) == c for random content", "[ui]")
{
    QTextDocument doc;
    for (quint32 seed = 1; seed <= 400; ++seed) {
        const Content content = RandomContent(seed).content();
        writeContent(&doc, content);
        const Content back = readContent(&doc);
        INFO("seed " << seed << "\n" << dump(content) << "read back:\n" << dump(back));
        REQUIRE(back == content);
    }
}

TEST_CASE("writeContent lays content out as the PDF does", "[ui]")
{
    QTextDocument doc;
    const Content content{P({t("Ein "), b("fetter"), t(" und ein "), i("kursiver"), t(" Absatz")}),
                          OL({par("eins"), par("zwei")}),
                          UL({par("Punkt")}),
                          table({{par("Kopf"), par("")}, {par("a"), par("b")}}, true),
                          Block::placeholder(Block::Type::Beschluss),
                          P("Schluss")};
    writeContent(&doc, content);

    QList<QTextList *> lists;
    QList<QTextTable *> tables;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (block.textList() && !lists.contains(block.textList()))
            lists.append(block.textList());
        if (auto *t = QTextCursor(block).currentTable(); t && !tables.contains(t))
            tables.append(t);
    }
    REQUIRE(lists.size() == 2);
    CHECK(lists[0]->format().style() == QTextListFormat::ListDecimal);
    CHECK(lists[1]->format().style() == QTextListFormat::ListDisc);
    CHECK(lists[0]->format().indent() == 1);
    CHECK(lists[0]->count() == 2);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0]->rows() == 2);
    CHECK(tables[0]->columns() == 2);
    CHECK(tables[0]->format().border() > 0);
    CHECK(tables[0]->format().borderStyle() == QTextFrameFormat::BorderStyle_Solid);
    CHECK(tables[0]->format().headerRowCount() == 1);

    const QTextBlock first = doc.begin();
    CHECK(first.text() == QStringLiteral("Ein fetter und ein kursiver Absatz"));
    QTextCursor inBold(first);
    inBold.setPosition(first.position() + 6);
    CHECK(inBold.charFormat().fontWeight() == QFont::Bold);

    // The placeholder is skipped: it is not the editor's to change.
    Content expected = content;
    expected.removeAt(4);
    checkContent(readContent(&doc), expected);
}

TEST_CASE("readContent keeps only what the model holds", "[ui]")
{
    QTextDocument doc;
    doc.setHtml(u(
        "<p style=\"font-family: Arial; font-size: 20pt; color: red\">Farbe <u>unterstrichen</u> "
        "<a href=\"https://example.org\">Verweis</a> <img src=\"x.png\"> <b>fe</b><b>tt</b> "
        "<span style=\"font-weight: 600\">halbfett</span> <span style=\"font-weight: 900\">schwarz</span></p>"
        "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>"
        "<ol><li>e</li></ol>"
        "<table border=\"1\"><tr><td colspan=\"2\">über zwei</td></tr><tr><td>x</td><td></td></tr></table>"
        "<p></p><p></p>"));
    // A cell of two paragraphs is one paragraph with a line break.
    QTextTable *cells = nullptr;
    for (auto it = doc.rootFrame()->begin(); !it.atEnd() && !cells; ++it)
        cells = qobject_cast<QTextTable *>(it.currentFrame());
    REQUIRE(cells);
    QTextCursor cursor = cells->cellAt(1, 0).lastCursorPosition();
    cursor.insertBlock();
    cursor.insertText(QStringLiteral("y"));

    checkContent(readContent(&doc),
                 {P({t("Farbe unterstrichen Verweis  "), b("fett"), t(" halbfett "), b("schwarz")}),
                  // Nested lists join the list they are nested in, whatever their kind.
                  UL({par("a"), par("b"), par("c"), par("d")}), OL({par("e")}),
                  table({{par("über zwei"), par("")}, {Paragraph::plain(u("x\u2028y")), par("")}})});
}

TEST_CASE("pasted Word HTML is cleaned down to the model", "[ui]")
{
    checkContent(contentFromMimeData(htmlMime("word.html").get()),
                 {P({b("Problem")}),
                  P({t("Die "), b("Senatorin für Kinder und Bildung"), t(" legt den Entwurf einer "),
                     i("Verwaltungsvorschrift"), t(" vor. Sie regelt die Ausstattung der Schulen mit "),
                     b("digitalen"), t(" Endgeräten.")}),
                  OL({par("Der Senat nimmt den Bericht zur Kenntnis."),
                      par({t("Der Senat stimmt der "), b("Veröffentlichung"), t(" zu.")}),
                      par("Die Kosten trägt das Ressort.")}),
                  P("Beteiligt wurden:"),
                  // The second level ("o" in Courier New) joins the list: the model has one level.
                  UL({par("die Senatorin für Finanzen,"), par("Referat 20 (Haushalt),"),
                      par("der Gesamtpersonalrat.")}),
                  P("1. Januar 2025 ist der Stichtag."),
                  table({{par({b("Haushaltsjahr")}), par({b("Betrag in Euro")})},
                         {par("2025"), par("1.250.000")},
                         {par("2026"), par("")}},
                        true)});
}

TEST_CASE("pasted LibreOffice Writer HTML is cleaned down to the model", "[ui]")
{
    checkContent(contentFromMimeData(htmlMime("libreoffice.html").get()),
                 {P({b("Finanzielle Auswirkungen")}),
                  P({t("Die Maßnahme wird aus dem "), b("Produktplan 21"),
                     t(" finanziert. Mehrkosten entstehen "), i("nicht"), t(".")}),
                  P("Bremen, den 3. März\u2028Die Senatorin für Finanzen"),
                  OL({par("Personalkosten für zwei Stellen"), par("davon eine befristet"),
                      par({b("Sachkosten"), t(" für Lizenzen")})}),
                  table({{par({b("Posten")}), par({b("Betrag")})},
                         {par("Gebäudeunterhaltung"), par("80.000 €")},
                         {par("„Digitale Schule“"), par("")}},
                        true)});
}

TEST_CASE("pasted web pages are cleaned down to the model", "[ui]")
{
    const Content firefox{
        P({b("Senat beschließt "), bi("Klimaschutz"), b("strategie")}),
        P("Bremen, 14. Mai – Der Senat hat heute die Strategie 2038 beschlossen."),
        P({t("Zu den "), b("wichtigsten Maßnahmen"), t(" gehören:")}),
        UL({par("der Ausbau der Wärmenetze,"), par("die Sanierung öffentlicher Gebäude und\u2028Schulen,"),
            par("mehr Radwege.")}),
        P({b("Kosten:"), t(" rund 150 Mio. Euro")}),
        P({b("Ablauf")}),
        OL({par("Beteiligung der Deputation"), par("Befassung der Bürgerschaft")}),
        table({{par({b("Jahr")}), par({b("Mittel")})}, {par("2025"), par("40 Mio.")}, {par("2026"), par("")}},
              true),
        P("Erste Zeile"),
        P("Zweiter Absatz")};
    checkContent(contentFromMimeData(htmlMime("firefox.html").get()), firefox);

    SECTION("also when the browser puts UTF-16 on the clipboard")
    {
        const QString html = QString::fromUtf8(fixture("firefox.html"));
        QByteArray utf16("\xff\xfe", 2);
        utf16.append(reinterpret_cast<const char *>(html.utf16()), html.size() * 2);
        QMimeData data;
        data.setData(QStringLiteral("text/html"), utf16);
        checkContent(contentFromMimeData(&data), firefox);
    }

    SECTION("Google Docs wraps everything in <b style=\"font-weight:normal\">")
    {
        checkContent(contentFromMimeData(htmlMime("googledocs.html").get()),
                     {P({b("Beschlussvorschlag")}),
                      P({t("Der Senat bittet die "), i("Senatskanzlei"), t(", zu berichten.")}),
                      UL({par("bis Ende des Jahres"), par("schriftlich")})});
    }
}

TEST_CASE("pasted plain text becomes paragraphs and lists", "[ui]")
{
    SECTION("blank lines between paragraphs: other line ends only wrap")
    {
        QMimeData data;
        data.setText(QString::fromUtf8(fixture("plain-paragraphs.txt")));
        checkContent(
            contentFromMimeData(&data),
            {P("Der Senat hat in seiner Sitzung am 12. Mai 2025 beschlossen:"),
             OL({par("Der Bericht wird zur Kenntnis genommen."), par("Die Mittel werden freigegeben.")}),
             UL({par("erstens"), par("zweitens"), par("ein Spiegelstrich")}),
             // A lone number is a date, not a list.
             P("1. Januar ist der Stichtag.")});
    }
    SECTION("no blank lines (as word processors copy): every line is a paragraph")
    {
        QMimeData data;
        data.setText(QString::fromUtf8(fixture("plain-lines.txt")));
        checkContent(contentFromMimeData(&data),
                     {P("Zusammenfassung"), P("Die Vorlage ist mit dem Personalrat abgestimmt."),
                      OL({par("Stellenplan"), par("Sachmittel")})});
    }
    SECTION("HTML with nothing in it falls back to the text")
    {
        QMimeData data;
        data.setHtml(QStringLiteral("<p>&nbsp;</p><img src=\"bild.png\">"));
        data.setText(QStringLiteral("- Bild"));
        checkContent(contentFromMimeData(&data), {UL({par("Bild")})});
    }
}
