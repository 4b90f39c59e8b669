#include "testutil.h"

#include "contentdocument.h"
#include "contentedit.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStringDecoder>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QMenu>
#include <QVBoxLayout>

using namespace vw;

namespace {

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

// --- Driving the editor --------------------------------------------------------------------

// Types text the way a user does; umlauts go through sendKeyEvent (QTest::keyClicks aborts on them).
void type(QWidget *w, const QString &text)
{
    for (const QChar ch : text) {
        if (ch == QLatin1Char('\n'))
            QTest::keyClick(w, Qt::Key_Return);
        else if (ch.unicode() < 128)
            QTest::keyClick(w, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

void type(QWidget *w, const char *utf8)
{
    type(w, u(utf8));
}

// An editor in an active window, focused, so that shortcuts reach it.
struct Window {
    QWidget window;
    ContentEdit *edit = new ContentEdit(&window);
    QAction *undo = new QAction(QStringLiteral("Rückgängig"), &window);
    QAction *redo = new QAction(QStringLiteral("Wiederholen"), &window);

    Window()
    {
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(edit->createFormatBar(&window));
        layout->addWidget(edit);
        undo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Z));
        redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        window.addAction(undo);
        window.addAction(redo);
        window.resize(640, 480);
        window.show();
        window.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&window));
        edit->setFocus();
    }
};

// First table of the editor's document.
QTextTable *firstTable(const ContentEdit *edit)
{
    for (auto it = edit->document()->rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame()))
            return table;
    }
    return nullptr;
}

void putCursorInCell(ContentEdit *edit, int row, int column)
{
    QTextTable *table = firstTable(edit);
    REQUIRE(table);
    edit->setCursorPosition(table->cellAt(row, column).firstPosition());
}

// --- Random content for the round trip -----------------------------------------------------

class RandomContent {
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

TEST_CASE("the editor gives back random content it was given", "[ui]")
{
    ContentEdit edit;
    for (quint32 seed = 1000; seed <= 1100; ++seed) {
        const Content content = RandomContent(seed).content();
        edit.setContent(content);
        INFO("seed " << seed << "\n" << dump(content));
        REQUIRE(edit.content() == content);
        REQUIRE(readContent(edit.document()) == content);
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

namespace {

// What each fixture in tests/data/paste is cleaned to.
Content expectedPaste(const std::string &fixture)
{
    if (fixture == "word.html")
        return {P({b("Problem")}), // Word's heading style says "not bold": a heading is bold all the same
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
                // A bold first row of a table that is not bold throughout is its heading row.
                table({{par({b("Haushaltsjahr")}), par({b("Betrag in Euro")})},
                       {par("2025"), par("1.250.000")},
                       {par("2026"), par("")}},
                      true)};
    if (fixture == "libreoffice.html")
        return {P({b("Finanzielle Auswirkungen")}),
                P({t("Die Maßnahme wird aus dem "), b("Produktplan 21"),
                   t(" finanziert. Mehrkosten entstehen "), i("nicht"), t(".")}),
                P("Bremen, den 3. März\u2028Die Senatorin für Finanzen"),
                OL({par("Personalkosten für zwei Stellen"), par("davon eine befristet"),
                    par({b("Sachkosten"), t(" für Lizenzen")})}),
                table({{par({b("Posten")}), par({b("Betrag")})},
                       {par("Gebäudeunterhaltung"), par("80.000 €")},
                       {par("„Digitale Schule“"), par("")}},
                      true)};
    if (fixture == "firefox.html")
        return {P({b("Senat beschließt "), bi("Klimaschutz"), b("strategie")}),
                P("Bremen, 14. Mai – Der Senat hat heute die Strategie 2038 beschlossen."),
                P({t("Zu den "), b("wichtigsten Maßnahmen"), t(" gehören:")}),
                UL({par("der Ausbau der Wärmenetze,"),
                    par("die Sanierung öffentlicher Gebäude und\u2028Schulen,"), par("mehr Radwege.")}),
                P({b("Kosten:"), t(" rund 150 Mio. Euro")}), P({b("Ablauf")}),
                OL({par("Beteiligung der Deputation"), par("Befassung der Bürgerschaft")}),
                table({{par({b("Jahr")}), par({b("Mittel")})},
                       {par("2025"), par("40 Mio.")},
                       {par("2026"), par("")}},
                      true),
                // <br><br> separates paragraphs.
                P("Erste Zeile"), P("Zweiter Absatz")};
    if (fixture == "googledocs.html") // everything wrapped in <b style="font-weight:normal">
        return {P({b("Beschlussvorschlag")}),
                P({t("Der Senat bittet die "), i("Senatskanzlei"), t(", zu berichten.")}),
                UL({par("bis Ende des Jahres"), par("schriftlich")})};
    FAIL("no expected content for " << fixture);
    return {};
}

const char *const htmlFixtures[] = {"word.html", "libreoffice.html", "firefox.html", "googledocs.html"};

} // namespace

TEST_CASE("pasted HTML from Word, LibreOffice and browsers is cleaned down to the model", "[ui]")
{
    for (const char *name : htmlFixtures) {
        INFO(name);
        checkContent(contentFromMimeData(htmlMime(name).get()), expectedPaste(name));
    }

    SECTION("also when the browser puts UTF-16 on the clipboard")
    {
        const QString html = QString::fromUtf8(fixture("firefox.html"));
        QByteArray utf16("\xff\xfe", 2);
        utf16.append(reinterpret_cast<const char *>(html.utf16()), html.size() * 2);
        QMimeData data;
        data.setData(QStringLiteral("text/html"), utf16);
        checkContent(contentFromMimeData(&data), expectedPaste("firefox.html"));
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

// ============================================================================================
// The editor

TEST_CASE("typing umlauts and paragraphs", "[ui]")
{
    Window w;
    QSignalSpy edited(w.edit, &ContentEdit::contentEdited);
    type(w.edit, "Bürgerschaft „Vorlage“ Maß\nÄnderung");
    checkContent(w.edit->content(), {P("Bürgerschaft „Vorlage“ Maß"), P("Änderung")});
    // One per key that changed the content; Return at the end only adds an empty last paragraph.
    CHECK(edited.count() == 34);
}

TEST_CASE("Ctrl+B and Ctrl+I format what is typed next, the actions follow the cursor", "[ui]")
{
    Window w;
    type(w.edit, "normal ");
    QTest::keyClick(w.edit, Qt::Key_B, Qt::ControlModifier);
    CHECK(w.edit->boldAction()->isChecked());
    type(w.edit, "fett");
    QTest::keyClick(w.edit, Qt::Key_I, Qt::ControlModifier);
    type(w.edit, "kursiv");
    QTest::keyClick(w.edit, Qt::Key_B, Qt::ControlModifier);
    QTest::keyClick(w.edit, Qt::Key_I, Qt::ControlModifier);
    CHECK_FALSE(w.edit->boldAction()->isChecked());
    type(w.edit, " wieder");
    checkContent(w.edit->content(), {P({t("normal "), b("fett"), bi("kursiv"), t(" wieder")})});

    w.edit->setCursorPosition(9); // in "fett"
    CHECK(w.edit->boldAction()->isChecked());
    CHECK_FALSE(w.edit->italicAction()->isChecked());
    w.edit->setCursorPosition(13); // in "kursiv"
    CHECK(w.edit->italicAction()->isChecked());
    w.edit->setCursorPosition(3);
    CHECK_FALSE(w.edit->boldAction()->isChecked());

    SECTION("bold on a selection is an edit")
    {
        QSignalSpy edited(w.edit, &ContentEdit::contentEdited);
        QTest::keyClick(w.edit, Qt::Key_Home);
        for (int k = 0; k < 6; ++k)
            QTest::keyClick(w.edit, Qt::Key_Right, Qt::ShiftModifier);
        w.edit->boldAction()->trigger();
        checkContent(w.edit->content(), {P({b("normal"), t(" "), b("fett"), bi("kursiv"), t(" wieder")})});
        CHECK(edited.count() == 1);
    }
}

TEST_CASE("lists: toggle, continue with Return, end with Return on an empty item", "[ui]")
{
    Window w;
    type(w.edit, "Erstens\nZweitens");
    QTest::keyClick(w.edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(w.edit, Qt::Key_7, Qt::ControlModifier | Qt::ShiftModifier);
    checkContent(w.edit->content(), {OL({par("Erstens"), par("Zweitens")})});
    CHECK(w.edit->numberedListAction()->isChecked());
    CHECK_FALSE(w.edit->bulletListAction()->isChecked());

    QTest::keyClick(w.edit, Qt::Key_End, Qt::ControlModifier);
    type(w.edit, "\nDrittens\n\nDanach");
    checkContent(w.edit->content(), {OL({par("Erstens"), par("Zweitens"), par("Drittens")}), P("Danach")});
    CHECK_FALSE(w.edit->numberedListAction()->isChecked());

    // Ctrl+Shift+8 in a numbered list makes it a bullet list; again, paragraphs.
    w.edit->setCursorPosition(2);
    QTest::keyClick(w.edit, Qt::Key_8, Qt::ControlModifier | Qt::ShiftModifier);
    checkContent(w.edit->content(), {UL({par("Erstens"), par("Zweitens"), par("Drittens")}), P("Danach")});
    CHECK(w.edit->bulletListAction()->isChecked());
    // A selection partly of another kind becomes all of this kind; then all paragraphs again.
    QTest::keyClick(w.edit, Qt::Key_A, Qt::ControlModifier);
    w.edit->bulletListAction()->trigger();
    checkContent(w.edit->content(), {UL({par("Erstens"), par("Zweitens"), par("Drittens"), par("Danach")})});
    w.edit->bulletListAction()->trigger();
    checkContent(w.edit->content(), {P("Erstens"), P("Zweitens"), P("Drittens"), P("Danach")});

    // A paragraph right below a numbered list continues it.
    w.edit->setContent({OL({par("eins")}), P("zwei")});
    w.edit->setCursorPosition(6);
    w.edit->numberedListAction()->trigger();
    checkContent(w.edit->content(), {OL({par("eins"), par("zwei")})});
}

TEST_CASE("indent and outdent move between paragraph and list item", "[ui]")
{
    Window w;
    w.edit->setContent({UL({par("a"), par("b")}), P("c"), P("d")});
    w.edit->setCursorPosition(4); // in "c"
    CHECK(w.edit->indentAction()->isEnabled());
    CHECK_FALSE(w.edit->outdentAction()->isEnabled());
    QTest::keyClick(w.edit, Qt::Key_M, Qt::ControlModifier);
    checkContent(w.edit->content(), {UL({par("a"), par("b"), par("c")}), P("d")});
    CHECK(w.edit->outdentAction()->isEnabled());

    // Shift+Tab in the middle item: it becomes a paragraph and splits the list.
    w.edit->setCursorPosition(2); // in "b"
    QTest::keyClick(w.edit, Qt::Key_Backtab, Qt::ShiftModifier);
    checkContent(w.edit->content(), {UL({par("a")}), P("b"), UL({par("c")}), P("d")});

    // Tab in a list item: the model has one level, nothing changes and no tab is typed.
    w.edit->setCursorPosition(0);
    QSignalSpy edited(w.edit, &ContentEdit::contentEdited);
    QTest::keyClick(w.edit, Qt::Key_Tab);
    CHECK(edited.count() == 0);

    // Indent on a paragraph between lists joins the list above.
    w.edit->setCursorPosition(2);
    w.edit->indentAction()->trigger();
    checkContent(w.edit->content(), {UL({par("a"), par("b")}), UL({par("c")}), P("d")});

    // Outdent on a whole selection; Backspace at the start of an item does the same.
    QTest::keyClick(w.edit, Qt::Key_A, Qt::ControlModifier);
    w.edit->outdentAction()->trigger();
    checkContent(w.edit->content(), {P("a"), P("b"), P("c"), P("d")});
    w.edit->setContent({UL({par("a"), par("b")})});
    w.edit->setCursorPosition(2);
    QTest::keyClick(w.edit, Qt::Key_Backspace);
    checkContent(w.edit->content(), {UL({par("a")}), P("b")});
}

TEST_CASE("tables: insert, type, Tab between cells, rows and columns", "[ui]")
{
    Window w;
    type(w.edit, "Vorher");
    CHECK_FALSE(w.edit->insertRowAction()->isEnabled());
    QSignalSpy edited(w.edit, &ContentEdit::contentEdited);
    w.edit->insertTable(2, 2);
    CHECK(edited.count() == 1);
    CHECK(w.edit->insertRowAction()->isEnabled());
    CHECK_FALSE(w.edit->insertTableAction()->isEnabled());
    CHECK_FALSE(w.edit->numberedListAction()->isEnabled());
    type(w.edit, "Jahr");
    QTest::keyClick(w.edit, Qt::Key_Tab);
    type(w.edit, "Höhe");
    QTest::keyClick(w.edit, Qt::Key_Tab);
    type(w.edit, "2025");
    QTest::keyClick(w.edit, Qt::Key_Tab);
    type(w.edit, "5 €");
    checkContent(w.edit->content(),
                 {P("Vorher"), table({{par("Jahr"), par("Höhe")}, {par("2025"), par("5 €")}})});

    // Tab in the last cell adds a row; Shift+Tab goes back and selects the cell.
    QTest::keyClick(w.edit, Qt::Key_Tab);
    type(w.edit, "2026");
    QTest::keyClick(w.edit, Qt::Key_Backtab, Qt::ShiftModifier);
    QTest::keyClick(w.edit, Qt::Key_Backtab, Qt::ShiftModifier);
    type(w.edit, "2024");
    checkContent(w.edit->content(),
                 {P("Vorher"),
                  table({{par("Jahr"), par("Höhe")}, {par("2024"), par("5 €")}, {par("2026"), par("")}})});

    // A column right of the first, a row below the first, the heading row: one edit each.
    putCursorInCell(w.edit, 0, 0);
    edited.clear();
    w.edit->insertColumnAction()->trigger();
    CHECK(edited.count() == 1);
    w.edit->insertRowAction()->trigger();
    CHECK(edited.count() == 2);
    w.edit->headerRowAction()->trigger();
    CHECK(edited.count() == 3);
    CHECK(w.edit->headerRowAction()->isChecked());
    putCursorInCell(w.edit, 1, 1);
    type(w.edit, "neu");
    checkContent(w.edit->content(), {P("Vorher"), table({{par("Jahr"), par(""), par("Höhe")},
                                                         {par(""), par("neu"), par("")},
                                                         {par("2024"), par(""), par("5 €")},
                                                         {par("2026"), par(""), par("")}},
                                                        true)});

    // Remove the new row and the last column.
    edited.clear();
    w.edit->removeRowAction()->trigger();
    CHECK(edited.count() == 1);
    putCursorInCell(w.edit, 0, 2);
    w.edit->removeColumnAction()->trigger();
    checkContent(
        w.edit->content(),
        {P("Vorher"), table({{par("Jahr"), par("")}, {par("2024"), par("")}, {par("2026"), par("")}}, true)});

    // Removing the last column removes the table; "Vorher" stays.
    putCursorInCell(w.edit, 0, 0);
    w.edit->removeColumnAction()->trigger();
    putCursorInCell(w.edit, 0, 0);
    w.edit->removeColumnAction()->trigger();
    checkContent(w.edit->content(), {P("Vorher")});
}

TEST_CASE("a table inserted between paragraphs sits between them", "[ui]")
{
    ContentEdit edit;
    edit.setContent({P("oben"), UL({par("Punkt")}), P("unten")});
    edit.setCursorPosition(1);
    edit.insertTable(1, 2);
    checkContent(edit.content(), {P("oben"), table({{par(""), par("")}}), UL({par("Punkt")}), P("unten")});
    edit.setCursorPosition(int(edit.document()->find(QStringLiteral("Punkt")).selectionStart()));
    edit.insertTable(1, 1, true);
    checkContent(edit.content(), {P("oben"), table({{par(""), par("")}}), UL({par("Punkt")}),
                                  table({{par("")}}, true), P("unten")});
}

TEST_CASE("the insert-table action asks for the size, by keyboard", "[ui]")
{
    Window w;
    bool asked = false;
    QTimer::singleShot(0, [&] {
        // No REQUIRE in here: an exception must not cross the dialog's event loop.
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->focusWidget())
            return;
        asked = true;
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Down); // rows: 3 -> 2
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Tab);
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Up); // columns: 3 -> 4
        QTest::keyClick(dialog->focusWidget(), Qt::Key_Return);
        if (dialog->isVisible())
            dialog->reject();
    });
    QTest::keyClick(w.edit, Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(asked);
    const Content content = w.edit->content();
    REQUIRE(content.size() == 1);
    REQUIRE(content[0].type == Block::Type::Table);
    REQUIRE(content[0].rows.size() == 2);
    CHECK(content[0].rows[0].size() == 4);
    CHECK_FALSE(content[0].headerRow);
}

TEST_CASE("pasting through the clipboard inserts the cleaned content", "[ui]")
{
    Window w;
    QSignalSpy edited(w.edit, &ContentEdit::contentEdited);

    SECTION("LibreOffice into an empty editor")
    {
        QApplication::clipboard()->setMimeData(htmlMime("libreoffice.html").release());
        QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
        CHECK(edited.count() == 1);
        checkContent(w.edit->content(), expectedPaste("libreoffice.html"));
    }
    SECTION("every fixture gives exactly the expected content")
    {
        for (const char *name : htmlFixtures) {
            w.edit->setContent({});
            edited.clear();
            QApplication::clipboard()->setMimeData(htmlMime(name).release());
            QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
            INFO(name);
            CHECK(edited.count() == 1);
            checkContent(w.edit->content(), expectedPaste(name));
        }
    }
    SECTION("plain text into the middle of a paragraph")
    {
        type(w.edit, "Anfang Ende");
        w.edit->setCursorPosition(7);
        auto *data = new QMimeData;
        data->setText(QStringLiteral("eingefügt "));
        QApplication::clipboard()->setMimeData(data);
        QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
        checkContent(w.edit->content(), {P("Anfang eingefügt Ende")});
        CHECK(w.edit->cursorPosition() == 17);
    }
    SECTION("paragraphs pasted into a list item become items")
    {
        w.edit->setContent({UL({par("erstes"), par("letztes")})});
        w.edit->setCursorPosition(6);
        auto *data = new QMimeData;
        data->setHtml(QStringLiteral("<p>, <b>zweites</b></p><p>drittes</p>"));
        QApplication::clipboard()->setMimeData(data);
        QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
        checkContent(w.edit->content(),
                     {UL({par({t("erstes, "), b("zweites")}), par("drittes"), par("letztes")})});
    }
    SECTION("a list and a table pasted into a paragraph; the text after the cursor follows them")
    {
        w.edit->setContent({P("vorher nachher")});
        w.edit->setCursorPosition(7);
        auto *data = new QMimeData;
        data->setHtml(QStringLiteral("<p>Text</p><ol><li>eins</li></ol><table><tr><td>z</td></tr></table>"));
        QApplication::clipboard()->setMimeData(data);
        QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
        checkContent(w.edit->content(),
                     {P("vorher Text"), OL({par("eins")}), table({{par("z")}}), P("nachher")});
    }
    SECTION("a table pasted into a cell becomes text of that cell")
    {
        w.edit->setContent({table({{par("a"), par("")}})});
        putCursorInCell(w.edit, 0, 1);
        QApplication::clipboard()->setMimeData(htmlMime("googledocs.html").release());
        QTest::keyClick(w.edit, Qt::Key_V, Qt::ControlModifier);
        checkContent(
            w.edit->content(),
            {table({{par("a"),
                     par({b("Beschlussvorschlag\u2028"), t("Der Senat bittet die "), i("Senatskanzlei"),
                          t(", zu berichten.\u2028bis Ende des Jahres\u2028schriftlich")})}})});
    }
}

TEST_CASE("copy and paste between editors keeps the content", "[ui]")
{
    const Content content{P({t("Der "), b("Senat"), t(" "), i("beschließt:")}),
                          OL({par("eins"), par({b("zwei")})}), UL({par("Punkt")}),
                          table({{par({b("Jahr")}), par({b("Betrag")})}, {par("2025"), par("")}}, true),
                          P("Ende")};
    ContentEdit from;
    from.setContent(content);
    from.selectAll();
    from.copy();
    ContentEdit to;
    to.paste();
    checkContent(to.content(), content);
}

TEST_CASE("setContent does not emit contentEdited, user changes do", "[ui]")
{
    Window w;
    QSignalSpy edited(w.edit, &ContentEdit::contentEdited);
    const Content content{P({t("Die "), b("Vorlage")}), UL({par("ein Punkt")})};
    w.edit->setContent(content);
    CHECK(edited.count() == 0);
    checkContent(w.edit->content(), content);

    // Setting what is already there changes nothing, not even the cursor.
    w.edit->setCursorPosition(5);
    w.edit->setContent(content);
    CHECK(w.edit->cursorPosition() == 5);

    type(w.edit, "x");
    CHECK(edited.count() == 1);
    checkContent(w.edit->content(), {P({t("Die "), b("Vxorlage")}), UL({par("ein Punkt")})});

    // Ctrl+B with nothing selected changes no content yet.
    QTest::keyClick(w.edit, Qt::Key_B, Qt::ControlModifier);
    CHECK(edited.count() == 1);

    w.edit->setContent({});
    CHECK(edited.count() == 1);
    CHECK(w.edit->content().isEmpty());
    CHECK(w.edit->toPlainText().isEmpty());
}

TEST_CASE("Ctrl+Z and Ctrl+Shift+Z are left to the application", "[ui]")
{
    Window w;
    QSignalSpy undo(w.undo, &QAction::triggered);
    QSignalSpy redo(w.redo, &QAction::triggered);
    type(w.edit, "Text");
    w.edit->boldAction()->trigger();
    type(w.edit, "fett");
    CHECK_FALSE(w.edit->document()->isUndoRedoEnabled());

    QTest::keyClick(w.edit, Qt::Key_Z, Qt::ControlModifier);
    CHECK(undo.count() == 1);
    CHECK(w.edit->toPlainText() == QStringLiteral("Textfett"));
    QTest::keyClick(w.edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(redo.count() == 1);
    CHECK(w.edit->toPlainText() == QStringLiteral("Textfett"));
    checkContent(w.edit->content(), {P({t("Text"), b("fett")})});

    // Even without window actions, the editor does not undo on its own.
    ContentEdit alone;
    alone.setContent({P("bleibt")});
    QTest::keyClick(&alone, Qt::Key_Z, Qt::ControlModifier);
    CHECK(alone.toPlainText() == QStringLiteral("bleibt"));
    CHECK_FALSE(alone.document()->isUndoRedoEnabled());
}

TEST_CASE("an undo from outside restores content and cursor", "[ui]")
{
    Window w;
    QList<std::pair<Content, int>> history{{w.edit->content(), w.edit->cursorPosition()}};
    QObject::connect(w.edit, &ContentEdit::contentEdited, w.edit, [&] {
        history.append({w.edit->content(), w.edit->cursorPosition()});
    });
    type(w.edit, "Eins\nZwei");
    REQUIRE(history.size() == 9); // Return at the end changed no content

    const auto [content, cursor] = history[5]; // "Eins", "Z"
    w.edit->setContent(content);
    w.edit->setCursorPosition(cursor);
    checkContent(w.edit->content(), {P("Eins"), P("Z")});
    CHECK(w.edit->cursorPosition() == 6);
    type(w.edit, "ehn");
    checkContent(w.edit->content(), {P("Eins"), P("Zehn")});

    w.edit->setCursorPosition(1000);
    CHECK(w.edit->cursorPosition() == w.edit->document()->characterCount() - 1);
    w.edit->setCursorPosition(-3);
    CHECK(w.edit->cursorPosition() == 0);
}

TEST_CASE("format actions: German names, shortcuts, a tool bar", "[ui]")
{
    ContentEdit edit;
    const QList<QAction *> actions = edit.formatActions();
    REQUIRE(actions.size() == 12);
    CHECK(edit.boldAction()->text() == QStringLiteral("Fett"));
    CHECK(edit.italicAction()->text() == QStringLiteral("Kursiv"));
    CHECK(edit.numberedListAction()->text() == QStringLiteral("Nummerierte Liste"));
    CHECK(edit.bulletListAction()->text() == QStringLiteral("Aufzählung"));
    CHECK(edit.indentAction()->text() == QStringLiteral("Einrücken"));
    CHECK(edit.outdentAction()->text() == QStringLiteral("Ausrücken"));
    CHECK(edit.insertTableAction()->text() == QStringLiteral("Tabelle einfügen"));
    CHECK(edit.insertRowAction()->text() == QStringLiteral("Zeile einfügen"));
    CHECK(edit.insertColumnAction()->text() == QStringLiteral("Spalte einfügen"));
    CHECK(edit.removeRowAction()->text() == QStringLiteral("Zeile löschen"));
    CHECK(edit.removeColumnAction()->text() == QStringLiteral("Spalte löschen"));
    CHECK(edit.boldAction()->shortcut() == QKeySequence(QStringLiteral("Ctrl+B")));
    CHECK(edit.italicAction()->shortcut() == QKeySequence(QStringLiteral("Ctrl+I")));
    CHECK(edit.numberedListAction()->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+7")));
    CHECK(edit.bulletListAction()->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+8")));
    CHECK(edit.insertTableAction()->shortcut() == QKeySequence(QStringLiteral("Ctrl+Shift+T")));
    for (QAction *a : {edit.boldAction(), edit.italicAction(), edit.numberedListAction(),
                       edit.bulletListAction(), edit.headerRowAction()})
        CHECK(a->isCheckable());

    QWidget parent;
    QToolBar *bar = edit.createFormatBar(&parent);
    CHECK(bar->parent() == &parent);
    // Every action is on the bar, or in the drop-down of one of its buttons (the table commands).
    QList<QAction *> reachable = bar->actions();
    for (QToolButton *button : bar->findChildren<QToolButton *>())
        if (button->menu())
            reachable += button->menu()->actions();
    for (QAction *a : actions)
        CHECK(reachable.contains(a));
}

TEST_CASE("text typed right behind a figure quote stays text, its space included", "[ui][figures]")
{
    // #11: "91.430 Geräte" in the editor printed as "91.430Geräte": the space took the quote's format.
    Window w;
    Content content;
    content << P({t("Es gibt "), Span::quote(QStringLiteral("vpn-zugaenge")), t(".")});
    w.edit->setContent(content);
    w.edit->setCursorPosition(9); // behind the quote
    QTest::keyClicks(w.edit, QStringLiteral(" neue"));
    const Paragraph expected = par({t("Es gibt "), Span::quote(QStringLiteral("vpn-zugaenge")), t(" neue.")});
    CHECK(w.edit->content().first().paragraph == expected);

    // A document where the typed text carries the quote's format (as in files saved before the fix).
    QTextDocument doc;
    QTextCursor cursor(&doc);
    cursor.insertText(QString(QChar::ObjectReplacementCharacter) + QStringLiteral(" Geräte"),
                      contentformat::figureFormat(Span::quote(QStringLiteral("geraete"))));
    const Paragraph read = readContent(&doc).first().paragraph;
    CHECK(read == par({Span::quote(QStringLiteral("geraete")), Span{QStringLiteral(" Geräte")}}));
}
