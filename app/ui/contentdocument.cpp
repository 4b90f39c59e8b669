#include "contentdocument.h"

#include <QMimeData>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <variant>

namespace vw {

namespace {

// ---------------------------------------------------------------------------------------------
// Writing

// Text for QTextCursor::insertText, which would turn line feeds into new blocks.
QString insertableText(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    for (QChar &ch : text) {
        if (ch == QLatin1Char('\n') || ch == QLatin1Char('\r') || ch == QChar::ParagraphSeparator)
            ch = QChar::LineSeparator;
    }
    return text;
}

void insertSpans(QTextCursor &cursor, const Paragraph &paragraph)
{
    for (const Span &span : paragraph.spans) {
        if (span.isFigure())
            cursor.insertText(QString(QChar::ObjectReplacementCharacter), contentformat::figureFormat(span));
        else
            cursor.insertText(insertableText(span.text), contentformat::spanFormat(span.bold, span.italic));
    }
}

int columnCount(const Block &table)
{
    int columns = 0;
    for (const auto &row : table.rows)
        columns = std::max(columns, int(row.size()));
    return columns;
}

bool isWritable(const Block &b)
{
    switch (b.type) {
    case Block::Type::Paragraph:
        return true;
    case Block::Type::BulletList:
    case Block::Type::NumberedList:
        return !b.items.isEmpty();
    case Block::Type::Table:
        return !b.rows.isEmpty() && columnCount(b) > 0;
    default:
        return false;
    }
}

void fillTable(QTextTable *table, const Block &b)
{
    for (int r = 0; r < b.rows.size(); ++r) {
        for (int c = 0; c < b.rows[r].size(); ++c) {
            QTextCursor cell = table->cellAt(r, c).firstCursorPosition();
            insertSpans(cell, b.rows[r][c]);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading

Paragraph blockParagraph(const QTextBlock &block)
{
    Paragraph p;
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        if (!fragment.isValid())
            continue;
        QString text = fragment.text();
        const QTextCharFormat format = fragment.charFormat();
        const bool bold = format.fontWeight() >= QFont::Bold;
        if (contentformat::isFigureFormat(format)) {
            // One fragment may hold several adjacent quotes of the same figure, and text typed right
            // behind a quote, which takes the quote's format: that stays text ("91.430 Geräte").
            Span quote = Span::quote(format.property(contentformat::figureKeyProperty).toString(), bold,
                                     format.fontItalic());
            quote.frozen = format.property(contentformat::figureFrozenProperty).toString();
            QString typed;
            for (const QChar ch : text) {
                if (ch != QChar::ObjectReplacementCharacter) {
                    typed += ch;
                    continue;
                }
                p.append(Span{typed, bold, format.fontItalic()});
                typed.clear();
                p.append(quote);
            }
            p.append(Span{typed, bold, format.fontItalic()});
            continue;
        }
        text.remove(QChar::ObjectReplacementCharacter); // images and other inline objects
        p.append(Span{text, bold, format.fontItalic()});
    }
    return p;
}

void appendParagraph(Paragraph &to, const Paragraph &from)
{
    for (const Span &s : from.spans)
        to.append(s);
}

// All text of a frame (a table cell, a nested table) as one paragraph; blocks are joined by line breaks.
void appendFrameText(Paragraph &p, QTextFrame::iterator it, bool &first)
{
    for (; !it.atEnd(); ++it) {
        if (QTextFrame *frame = it.currentFrame()) {
            if (auto *table = qobject_cast<QTextTable *>(frame)) {
                for (int r = 0; r < table->rows(); ++r) {
                    for (int c = 0; c < table->columns(); ++c) {
                        const QTextTableCell cell = table->cellAt(r, c);
                        if (cell.row() == r && cell.column() == c)
                            appendFrameText(p, cell.begin(), first);
                    }
                }
            } else {
                appendFrameText(p, frame->begin(), first);
            }
            continue;
        }
        const QTextBlock block = it.currentBlock();
        if (!block.isValid())
            continue;
        if (!first) {
            const Span last = p.spans.isEmpty() ? Span{} : p.spans.last();
            p.append(Span{QString(QChar::LineSeparator), last.bold, last.italic});
        }
        first = false;
        appendParagraph(p, blockParagraph(block));
    }
}

class Reader {
public:
    Content content;

    void frame(QTextFrame *frame)
    {
        std::vector<std::variant<QTextBlock, QTextFrame *>> children;
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame())
                children.emplace_back(child);
            else if (it.currentBlock().isValid())
                children.emplace_back(it.currentBlock());
        }
        for (size_t i = 0; i < children.size(); ++i) {
            if (auto *child = std::get_if<QTextFrame *>(&children[i])) {
                if (auto *table = qobject_cast<QTextTable *>(*child))
                    this->table(table);
                else
                    this->frame(*child);
                continue;
            }
            const bool beforeTable = i + 1 < children.size() &&
                                     std::holds_alternative<QTextFrame *>(children[i + 1]) &&
                                     qobject_cast<QTextTable *>(std::get<QTextFrame *>(children[i + 1]));
            block(std::get<QTextBlock>(children[i]), beforeTable);
        }
    }

    void finish()
    {
        while (!content.isEmpty() && content.last().type == Block::Type::Paragraph &&
               content.last().paragraph.spans.isEmpty())
            content.removeLast();
    }

private:
    void block(const QTextBlock &block, bool beforeTable)
    {
        const Paragraph p = blockParagraph(block);
        if (QTextList *list = block.textList()) {
            const int indent = list->format().indent();
            // Nested lists join the list they are nested in: the model has one level.
            if (mList && (list == mList || indent > mListIndent)) {
                content.last().items.append(p);
                return;
            }
            mList = list;
            mListIndent = indent;
            content.append(Block::list(contentformat::isNumbered(list->format()) ? Block::Type::NumberedList
                                                                                 : Block::Type::BulletList,
                                       {p}));
            return;
        }
        mList = nullptr;
        if (beforeTable && p.spans.isEmpty())
            return; // the paragraph a table is anchored to
        content.append(Block::para(p));
    }

    void table(QTextTable *table)
    {
        mList = nullptr;
        Block b;
        b.type = Block::Type::Table;
        b.headerRow = table->format().headerRowCount() > 0;
        for (int r = 0; r < table->rows(); ++r) {
            QList<Paragraph> row;
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                Paragraph p;
                // A merged cell keeps its text in its first position; the others stay empty.
                if (cell.row() == r && cell.column() == c) {
                    bool first = true;
                    appendFrameText(p, cell.begin(), first);
                }
                row.append(p);
            }
            b.rows.append(row);
        }
        content.append(b);
    }

    QTextList *mList = nullptr;
    int mListIndent = 0;
};

} // namespace

namespace contentformat {

QTextBlockFormat paragraphFormat()
{
    QTextBlockFormat f;
    f.setBottomMargin(4);
    return f;
}

QTextCharFormat figureFormat(const Span &quote)
{
    QTextCharFormat format = spanFormat(quote.bold, quote.italic);
    format.setObjectType(figureObjectType);
    format.setProperty(figureKeyProperty, quote.figure);
    if (!quote.frozen.isEmpty())
        format.setProperty(figureFrozenProperty, quote.frozen);
    return format;
}

bool isFigureFormat(const QTextFormat &format)
{
    return format.objectType() == figureObjectType && format.hasProperty(figureKeyProperty);
}

QTextCharFormat spanFormat(bool bold, bool italic)
{
    QTextCharFormat f;
    if (bold)
        f.setFontWeight(QFont::Bold);
    if (italic)
        f.setFontItalic(true);
    return f;
}

QTextListFormat listFormat(bool numbered)
{
    QTextListFormat f;
    f.setStyle(numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
    f.setIndent(1);
    return f;
}

bool isNumbered(const QTextListFormat &format)
{
    switch (format.style()) {
    case QTextListFormat::ListDecimal:
    case QTextListFormat::ListLowerAlpha:
    case QTextListFormat::ListUpperAlpha:
    case QTextListFormat::ListLowerRoman:
    case QTextListFormat::ListUpperRoman:
        return true;
    default:
        return false;
    }
}

QTextTableFormat tableFormat(bool headerRow)
{
    // As the PDF draws it (documentbuilder.cpp), in screen pixels.
    QTextTableFormat f;
    f.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    f.setBorder(1);
    f.setBorderBrush(Qt::black);
    f.setBorderCollapse(true);
    f.setCellPadding(4);
    f.setCellSpacing(0);
    f.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    f.setTopMargin(2);
    f.setBottomMargin(8);
    f.setHeaderRowCount(headerRow ? 1 : 0);
    return f;
}

void styleTable(QTextTable *table)
{
    const int headerRows = table->format().headerRowCount();
    for (int r = 0; r < table->rows(); ++r) {
        for (int c = 0; c < table->columns(); ++c) {
            QTextTableCell cell = table->cellAt(r, c);
            if (cell.row() != r || cell.column() != c)
                continue;
            QTextCharFormat f = cell.format();
            const bool heading = r < headerRows;
            const bool hasBackground = f.hasProperty(QTextFormat::BackgroundBrush);
            if (heading == hasBackground)
                continue;
            if (heading)
                f.setBackground(QColor(0xe6, 0xe6, 0xe6));
            else
                f.clearBackground();
            cell.setFormat(f);
        }
    }
}

void splitListAfter(const QTextBlock &block)
{
    QTextList *list = block.textList();
    if (!list)
        return;
    QList<QTextBlock> rest;
    for (int i = list->itemNumber(block) + 1; i < list->count(); ++i)
        rest.append(list->item(i));
    if (rest.isEmpty())
        return;
    QTextCursor cursor(rest.first());
    QTextList *next = cursor.createList(list->format());
    for (int i = 1; i < rest.size(); ++i)
        next->add(rest[i]);
}

void takeOutOfList(const QTextBlock &block)
{
    if (!block.textList())
        return;
    splitListAfter(block);
    QTextBlockFormat f = block.blockFormat();
    f.setObjectIndex(-1);
    f.setIndent(0);
    QTextCursor(block).setBlockFormat(f);
}

QTextTable *insertTable(QTextCursor &cursor, int rows, int columns, bool headerRow)
{
    cursor.beginEditBlock();
    splitListAfter(cursor.block());
    if (cursor.positionInBlock() > 0)
        cursor.insertBlock(paragraphFormat(), QTextCharFormat());
    else
        takeOutOfList(cursor.block());
    QTextTable *table = cursor.insertTable(rows, columns, tableFormat(headerRow));
    styleTable(table);
    cursor = table->lastCursorPosition();
    cursor.movePosition(QTextCursor::NextBlock);
    cursor.setBlockFormat(paragraphFormat());
    cursor.endEditBlock();
    return table;
}

} // namespace contentformat

void writeContent(QTextDocument *doc, const Content &content)
{
    doc->clear();
    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    cursor.setBlockFormat(contentformat::paragraphFormat());
    cursor.setBlockCharFormat(QTextCharFormat());
    // The cursor's block is empty and takes the next block's content: the document's first block
    // and the block Qt keeps after every table.
    bool fresh = true;
    auto newBlock = [&] {
        if (fresh)
            cursor.setBlockFormat(contentformat::paragraphFormat());
        else
            cursor.insertBlock(contentformat::paragraphFormat(), QTextCharFormat());
        fresh = false;
    };
    for (const Block &b : content) {
        if (!isWritable(b))
            continue;
        switch (b.type) {
        case Block::Type::Paragraph:
            newBlock();
            insertSpans(cursor, b.paragraph);
            break;
        case Block::Type::BulletList:
        case Block::Type::NumberedList: {
            QTextList *list = nullptr;
            for (const Paragraph &item : b.items) {
                newBlock();
                if (list)
                    list->add(cursor.block());
                else
                    list = cursor.createList(contentformat::listFormat(b.type == Block::Type::NumberedList));
                insertSpans(cursor, item);
            }
            break;
        }
        case Block::Type::Table: {
            newBlock(); // the empty paragraph in front of the table
            QTextTable *table =
                contentformat::insertTable(cursor, int(b.rows.size()), columnCount(b), b.headerRow);
            fillTable(table, b);
            fresh = true;
            break;
        }
        default:
            break;
        }
    }
    cursor.endEditBlock();
}

Content readContent(const QTextDocument *doc)
{
    Reader reader;
    reader.frame(doc->rootFrame());
    reader.finish();
    return reader.content;
}

void insertContent(QTextCursor &cursor, const Content &content)
{
    Content blocks;
    for (const Block &b : content) {
        if (isWritable(b))
            blocks.append(b);
    }
    if (blocks.isEmpty())
        return;

    cursor.beginEditBlock();
    if (cursor.hasSelection())
        cursor.removeSelectedText();

    if (cursor.currentTable()) {
        // A cell holds one paragraph: everything becomes blocks of this cell.
        bool first = true;
        auto paragraph = [&](const Paragraph &p) {
            if (!first)
                cursor.insertBlock();
            first = false;
            insertSpans(cursor, p);
        };
        for (const Block &b : blocks) {
            if (b.type == Block::Type::Paragraph) {
                paragraph(b.paragraph);
            } else if (b.type == Block::Type::Table) {
                for (const auto &row : b.rows) {
                    Paragraph line;
                    for (const Paragraph &cell : row) {
                        if (!line.spans.isEmpty() && !cell.spans.isEmpty())
                            line.append(Span{QStringLiteral(" ")});
                        appendParagraph(line, cell);
                    }
                    paragraph(line);
                }
            } else {
                for (const Paragraph &item : b.items)
                    paragraph(item);
            }
        }
        cursor.endEditBlock();
        return;
    }

    // Pasted into a list item, paragraphs and items continue that list.
    bool inList = cursor.currentList() != nullptr;
    bool fresh = true; // nothing inserted yet, or the cursor is in the block after a pasted table
    for (const Block &b : blocks) {
        switch (b.type) {
        case Block::Type::Paragraph:
            if (!fresh)
                cursor.insertBlock(inList ? cursor.blockFormat() : contentformat::paragraphFormat(),
                                   QTextCharFormat());
            insertSpans(cursor, b.paragraph);
            fresh = false;
            break;
        case Block::Type::BulletList:
        case Block::Type::NumberedList:
            if (inList) {
                for (const Paragraph &item : b.items) {
                    if (!fresh)
                        cursor.insertBlock(cursor.blockFormat(), QTextCharFormat());
                    insertSpans(cursor, item);
                    fresh = false;
                }
            } else {
                // The list starts on a line of its own.
                if (!fresh || cursor.positionInBlock() > 0)
                    cursor.insertBlock(contentformat::paragraphFormat(), QTextCharFormat());
                QTextList *list = nullptr;
                for (const Paragraph &item : b.items) {
                    if (list) {
                        cursor.insertBlock(contentformat::paragraphFormat(), QTextCharFormat());
                        list->add(cursor.block());
                    } else {
                        list =
                            cursor.createList(contentformat::listFormat(b.type == Block::Type::NumberedList));
                    }
                    insertSpans(cursor, item);
                }
                fresh = false;
            }
            break;
        case Block::Type::Table: {
            if (!fresh && cursor.positionInBlock() == 0)
                cursor.insertBlock(contentformat::paragraphFormat(), QTextCharFormat());
            QTextTable *table =
                contentformat::insertTable(cursor, int(b.rows.size()), columnCount(b), b.headerRow);
            fillTable(table, b);
            inList = false;
            fresh = true;
            break;
        }
        default:
            break;
        }
    }
    cursor.endEditBlock();
}

// ---------------------------------------------------------------------------------------------
// Cleaning pasted content

namespace {

// Marks put in front of Word's list paragraphs before the HTML is parsed (private use characters).
const QChar wordListLevel1(0xE000);
const QChar wordListStyleOnly(0xE001);
const QChar wordListNested(0xE002);
const QChar headingMark(0xE003);
// A run of two or more line breaks inside a paragraph, while cleaning.
const QChar paragraphBreak = QChar::ParagraphSeparator;

bool isMark(QChar ch)
{
    return ch == wordListLevel1 || ch == wordListStyleOnly || ch == wordListNested || ch == headingMark;
}

bool isSpace(QChar ch)
{
    return ch.isSpace() && ch != QChar::LineSeparator && ch != QChar::ParagraphSeparator;
}

bool isIgnorable(QChar ch)
{
    return ch == QChar(0x200B) || ch == QChar(0xFEFF) || ch == QChar(0x00AD) || ch == QChar(0x200C) ||
           ch == QChar(0x200D) || ch == QChar::ObjectReplacementCharacter || isMark(ch);
}

// Spaces collapsed to one (a space takes the formats both of its neighbours have), no space at the
// start, the end or around line breaks; one line break stays, several become a paragraphBreak.
Paragraph cleanParagraph(const Paragraph &p, bool allowParagraphBreaks)
{
    struct Char {
        QChar ch;
        bool bold, italic;
    };
    std::vector<Char> out;
    bool pendingSpace = false;
    Char spaceBefore{};
    int pendingBreaks = 0;
    for (const Span &s : p.spans) {
        for (const QChar ch : s.text) {
            if (isIgnorable(ch))
                continue;
            if (isSpace(ch)) {
                if (!out.empty() && pendingBreaks == 0 && !pendingSpace) {
                    pendingSpace = true;
                    spaceBefore = out.back();
                }
                continue;
            }
            if (ch == QChar::LineSeparator || ch == QChar::ParagraphSeparator) {
                pendingBreaks += ch == QChar::ParagraphSeparator ? 2 : 1;
                pendingSpace = false;
                continue;
            }
            if (pendingBreaks > 0 && !out.empty()) {
                const QChar br =
                    pendingBreaks > 1 && allowParagraphBreaks ? paragraphBreak : QChar(QChar::LineSeparator);
                out.push_back({br, s.bold && out.back().bold, s.italic && out.back().italic});
            } else if (pendingSpace) {
                out.push_back({QLatin1Char(' '), s.bold && spaceBefore.bold, s.italic && spaceBefore.italic});
            }
            pendingBreaks = 0;
            pendingSpace = false;
            out.push_back({ch, s.bold, s.italic});
        }
    }
    Paragraph result;
    for (const Char &c : out)
        result.append(Span{QString(c.ch), c.bold, c.italic});
    return result;
}

QList<Paragraph> splitAtParagraphBreaks(const Paragraph &p)
{
    QList<Paragraph> parts{Paragraph{}};
    for (const Span &s : p.spans) {
        const QStringList pieces = s.text.split(paragraphBreak);
        for (int i = 0; i < pieces.size(); ++i) {
            if (i > 0)
                parts.append(Paragraph{});
            parts.last().append(Span{pieces[i], s.bold, s.italic});
        }
    }
    return parts;
}

// Removes the first n characters.
Paragraph chopFront(const Paragraph &p, qsizetype n)
{
    Paragraph result;
    for (const Span &s : p.spans) {
        if (n >= s.text.size()) {
            n -= s.text.size();
            continue;
        }
        result.append(Span{s.text.mid(n), s.bold, s.italic});
        n = 0;
    }
    return result;
}

struct ListMark {
    enum Kind { None, Bullet, Number } kind = None;
    qsizetype length = 0; // of the mark and the spaces after it
    int number = 0;       // Number: 1 for "1.", "a)", "i."
};

int letterNumber(const QString &s)
{
    return s.size() == 1 && s[0].isLetter() ? s[0].toLower().unicode() - 'a' + 1 : 0;
}

// "1.", "2)", "a)" (and with wide = true, as Word writes them: "a.", "iv.", "A.") or a bullet glyph,
// followed by a space. wide also takes Word's bullets for deeper levels and symbol fonts.
ListMark listMark(const QString &text, bool wide)
{
    static const QRegularExpression number(QStringLiteral("^(\\d{1,3})[.)]\\s+"));
    static const QRegularExpression letter(QStringLiteral("^([a-z])\\)\\s+"));
    static const QRegularExpression wordNumber(
        QStringLiteral("^(\\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]\\s+"));
    static const QRegularExpression bullet(QStringLiteral("^[•·▪◦‣∙●○■□*\\-–—]\\s+"));
    static const QRegularExpression wordBullet(
        QStringLiteral("^[•·▪◦‣∙●○■□*\\-–—o§Ø\\x{F0B7}\\x{F0A7}\\x{F0D8}\\x{F076}\\x{F0FC}\\x{F0A8}]\\s+"));
    ListMark mark;
    if (const auto m = (wide ? wordNumber : number).match(text); m.hasMatch()) {
        bool isInt = false;
        mark.number = m.captured(1).toInt(&isInt);
        if (!isInt)
            mark.number = letterNumber(m.captured(1));
        mark.kind = ListMark::Number;
        mark.length = m.capturedLength();
    } else if (const auto l = letter.match(text); l.hasMatch()) {
        mark.kind = ListMark::Number;
        mark.number = letterNumber(l.captured(1));
        mark.length = l.capturedLength();
    } else if (const auto b = (wide ? wordBullet : bullet).match(text); b.hasMatch()) {
        mark.kind = ListMark::Bullet;
        mark.length = b.capturedLength();
    }
    return mark;
}

// One paragraph of pasted text on its way to a block.
struct Unit {
    enum Kind { Para, Item, Other } kind = Para;
    Paragraph paragraph; // Para, Item: without the list mark
    Paragraph original;  // Item: with it, for a numbered mark that turns out not to start a list
    Block::Type listType = Block::Type::BulletList;
    bool certain = false;   // Item: a real or Word list item, not a guess from the text
    bool nested = false;    // Item: a deeper level, joins the list before it whatever its type
    bool continues = false; // plain text: unless a list item, this line continues the unit before
    int number = 0;
    Block block; // Other: a list or a table
};

Unit paragraphUnit(const Paragraph &p, QChar wordMark)
{
    Unit u;
    u.paragraph = p;
    const QString text = p.plainText();
    const bool word = !wordMark.isNull();
    const ListMark mark = listMark(text, word);
    if (mark.kind != ListMark::None) {
        u.kind = Unit::Item;
        u.original = p;
        u.paragraph = chopFront(p, mark.length);
        u.listType = mark.kind == ListMark::Number ? Block::Type::NumberedList : Block::Type::BulletList;
        u.number = mark.number;
        u.certain = word || mark.kind == ListMark::Bullet;
        u.nested = wordMark == wordListNested;
    } else if (wordMark == wordListLevel1 || wordMark == wordListNested) {
        // A Word list whose bullet is a glyph of a symbol font we do not know.
        u.kind = Unit::Item;
        u.certain = true;
        u.nested = wordMark == wordListNested;
        static const QRegularExpression glyph(QStringLiteral("^\\S{1,2}\\s+"));
        if (const auto m = glyph.match(text); m.hasMatch())
            u.paragraph = chopFront(p, m.capturedLength());
    }
    return u;
}

// Numbers guessed from the text make a list only in a run of two or more consecutive numbers;
// wrapped continuation lines of plain text may lie between them.
void confirmNumberedRuns(QList<Unit> &units)
{
    auto guessed = [&](qsizetype i) { return units[i].kind == Unit::Item && !units[i].certain; };
    auto nextGuess = [&](qsizetype i) -> qsizetype {
        for (qsizetype j = i + 1; j < units.size(); ++j) {
            if (guessed(j))
                return j;
            if (!units[j].continues)
                break;
        }
        return -1;
    };
    for (qsizetype i = 0; i < units.size(); ++i) {
        if (!guessed(i))
            continue;
        QList<qsizetype> run{i};
        for (qsizetype j = nextGuess(i); j >= 0 && units[j].number == units[run.last()].number + 1;
             j = nextGuess(j))
            run.append(j);
        for (const qsizetype j : run) {
            if (run.size() >= 2) {
                units[j].certain = true;
            } else {
                units[j].kind = Unit::Para;
                units[j].paragraph = units[j].original;
            }
        }
    }
}

Content assemble(const QList<Unit> &units)
{
    Content content;
    auto lastIsList = [&](Block::Type type) { return !content.isEmpty() && content.last().type == type; };
    for (const Unit &u : units) {
        switch (u.kind) {
        case Unit::Para:
            if (!u.paragraph.isEmpty())
                content.append(Block::para(u.paragraph));
            break;
        case Unit::Item:
            if (u.paragraph.isEmpty())
                break;
            if (lastIsList(u.listType) || (u.nested && !content.isEmpty() &&
                                           (content.last().type == Block::Type::BulletList ||
                                            content.last().type == Block::Type::NumberedList)))
                content.last().items.append(u.paragraph);
            else
                content.append(Block::list(u.listType, {u.paragraph}));
            break;
        case Unit::Other:
            if (lastIsList(u.block.type) && u.block.type != Block::Type::Table)
                content.last().items += u.block.items;
            else
                content.append(u.block);
            break;
        }
    }
    return content;
}

bool allBold(const QList<Paragraph> &cells)
{
    bool any = false;
    for (const Paragraph &cell : cells) {
        for (const Span &s : cell.spans) {
            if (s.text.trimmed().isEmpty())
                continue;
            if (!s.bold)
                return false;
            any = true;
        }
    }
    return any;
}

Block cleanTable(const Block &table)
{
    Block b = table;
    for (auto &row : b.rows) {
        for (Paragraph &cell : row)
            cell = cleanParagraph(cell, false);
    }
    // <th> cells and Word's bold first rows: a heading row, as long as not every row is bold.
    if (!b.headerRow && b.rows.size() > 1 && allBold(b.rows.first())) {
        bool everyRow = true;
        for (const auto &row : b.rows)
            everyRow = everyRow && allBold(row);
        b.headerRow = !everyRow;
    }
    return b;
}

// Marks headings <h1>–<h3> (bold, whatever their style says) and Word's list paragraphs
// (<p class=MsoListParagraph… style='mso-list:l0 level1 lfo1'>): after parsing, only text is left.
QString markStructure(const QString &html)
{
    static const QRegularExpression paragraphTag(QStringLiteral("<(p|h[1-3])(\\s[^>]*)?>"),
                                                 QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression msoList(QStringLiteral("mso-list:\\s*l\\d+\\s+level(\\d+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression listClass(QStringLiteral("class=[\"']?MsoListParagraph"),
                                              QRegularExpression::CaseInsensitiveOption);
    QString out;
    out.reserve(html.size() + 64);
    qsizetype last = 0;
    auto it = paragraphTag.globalMatch(html);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(html).mid(last, m.capturedEnd() - last);
        last = m.capturedEnd();
        if (m.captured(1).size() == 2) {
            out += headingMark;
            continue;
        }
        const QString attributes = m.captured(2);
        if (const auto level = msoList.match(attributes); level.hasMatch())
            out += level.captured(1).toInt() > 1 ? wordListNested : wordListLevel1;
        else if (listClass.match(attributes).hasMatch())
            out += wordListStyleOnly;
    }
    out += QStringView(html).mid(last);
    return out;
}

QChar leadingMark(const Paragraph &p)
{
    for (const Span &s : p.spans) {
        for (const QChar ch : s.text) {
            if (isMark(ch))
                return ch;
            if (!isSpace(ch))
                return {};
        }
    }
    return {};
}

} // namespace

Content contentFromHtml(const QString &html)
{
    QString source = html;
    // The Windows clipboard format starts with a header ("Version:0.9 StartHTML:…").
    if (source.startsWith(QLatin1String("Version:"))) {
        const qsizetype start = source.indexOf(QLatin1Char('<'));
        if (start >= 0)
            source = source.mid(start);
    }
    QTextDocument doc;
    doc.setUndoRedoEnabled(false);
    doc.setHtml(markStructure(source));
    const Content raw = readContent(&doc);

    QList<Unit> units;
    for (const Block &b : raw) {
        switch (b.type) {
        case Block::Type::Paragraph: {
            const QChar mark = leadingMark(b.paragraph);
            if (mark == headingMark) {
                Paragraph bold;
                for (const Span &s : b.paragraph.spans)
                    bold.append(Span{s.text, true, s.italic});
                for (const Paragraph &part : splitAtParagraphBreaks(cleanParagraph(bold, true))) {
                    Unit u;
                    u.paragraph = part;
                    units.append(u);
                }
                break;
            }
            if (!mark.isNull()) {
                // Word's list paragraphs end at the paragraph, whatever line breaks they hold.
                units.append(paragraphUnit(cleanParagraph(b.paragraph, false), mark));
                break;
            }
            for (const Paragraph &part : splitAtParagraphBreaks(cleanParagraph(b.paragraph, true)))
                units.append(paragraphUnit(part, QChar()));
            break;
        }
        case Block::Type::BulletList:
        case Block::Type::NumberedList: {
            Unit u;
            u.kind = Unit::Other;
            u.block = b;
            u.block.items.clear();
            for (const Paragraph &item : b.items) {
                const Paragraph cleaned = cleanParagraph(item, false);
                if (!cleaned.isEmpty())
                    u.block.items.append(cleaned);
            }
            if (!u.block.items.isEmpty())
                units.append(u);
            break;
        }
        case Block::Type::Table: {
            Unit u;
            u.kind = Unit::Other;
            u.block = cleanTable(b);
            units.append(u);
            break;
        }
        default:
            break;
        }
    }
    confirmNumberedRuns(units);
    return assemble(units);
}

Content contentFromPlainText(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));

    // With blank lines between paragraphs, the other line ends are only where the text was wrapped.
    bool blankLines = false;
    bool seenText = false;
    bool blankAfterText = false;
    for (const QString &line : lines) {
        const bool blank = line.trimmed().isEmpty();
        if (!blank && blankAfterText)
            blankLines = true;
        if (blank && seenText)
            blankAfterText = true;
        seenText = seenText || !blank;
    }

    QList<Unit> units;
    bool open = false; // the last unit may continue on the next non-blank line
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty()) {
            open = false;
            continue;
        }
        units.append(paragraphUnit(cleanParagraph(Paragraph::plain(trimmed), false), QChar()));
        units.last().continues = blankLines && open;
        open = true;
    }
    // Only now is it known which numbers start list items ("12. Mai" in a wrapped line does not).
    confirmNumberedRuns(units);
    QList<Unit> joined;
    for (const Unit &u : std::as_const(units)) {
        if (u.continues && u.kind == Unit::Para && !joined.isEmpty()) {
            Paragraph &p = joined.last().paragraph;
            p.append(Span{QStringLiteral(" ")});
            appendParagraph(p, u.paragraph);
            continue;
        }
        joined.append(u);
    }
    return assemble(joined);
}

Content contentFromMimeData(const QMimeData *data)
{
    if (!data)
        return {};
    if (data->hasHtml()) {
        const Content content = contentFromHtml(data->html());
        if (!contentIsEmpty(content) || !data->hasText())
            return content;
    }
    if (data->hasText())
        return contentFromPlainText(data->text());
    return {};
}

} // namespace vw
