#pragma once

// Conversion between section content (the model) and a QTextDocument (what the editor shows),
// and the cleaning of pasted HTML and plain text down to what the model keeps.
// Qt Gui only: usable without widgets.

#include "richtext.h"

#include <QTextFormat>

class QMimeData;
class QTextBlock;
class QTextCursor;
class QTextDocument;
class QTextTable;

namespace vw {

// Replaces the document's content. Lists use QTextListFormat (ListDecimal/ListDisc, indent 1),
// tables a bordered QTextTable as in the PDF; placeholder blocks are skipped.
// Every table is preceded by an empty "anchor" paragraph, so that the cursor can always be placed
// before it; readContent() drops an empty, list-less paragraph directly in front of a table.
void writeContent(QTextDocument *doc, const Content &content);

// The inverse of writeContent(): readContent(writeContent(c)) == c for every content without
// placeholders, empty lists, empty tables, line feeds in text or trailing empty paragraphs.
// Consecutive items of one QTextList form one list block, nested lists join the list they are
// nested in (the model has one level), the blocks of a table cell are joined by
// QChar::LineSeparator, and every format the model does not keep (fonts, colours, sizes, links,
// images) is dropped.
Content readContent(const QTextDocument *doc);

// Inserts content at the cursor as formatted text, the way a paste does: the first paragraph
// continues the text before the cursor, the last one is followed by the text after it; inside a
// list, pasted paragraphs and items become items of that list; inside a table cell everything is
// inserted as paragraphs of that cell. Placeholders are skipped.
void insertContent(QTextCursor &cursor, const Content &content);

// Clipboard or drop data cleaned down to what the model keeps. HTML (word processors, browsers)
// is preferred, plain text is the fallback.
Content contentFromMimeData(const QMimeData *data);
Content contentFromHtml(const QString &html);
// Paragraphs are split at blank lines (or at every line when there are none); lines starting
// with "•", "-", "–" or "*" become bullet items, two or more lines numbered "1.", "2." …
// (or "a)", "b)" …) a numbered list.
Content contentFromPlainText(const QString &text);

// The formats writeContent() uses, shared with the editor so that what the user makes looks the same.
namespace contentformat {
QTextBlockFormat paragraphFormat();
QTextCharFormat spanFormat(bool bold, bool italic);
// A quoted figure is one inline object (U+FFFC) of this type; its format holds the key (and a frozen
// value), and the editor's FigureTokens handler draws the current value as a token.
constexpr int figureObjectType = QTextFormat::UserObject + 1;
constexpr int figureKeyProperty = QTextFormat::UserProperty + 100;
constexpr int figureFrozenProperty = QTextFormat::UserProperty + 101;
QTextCharFormat figureFormat(const Span &quote);
bool isFigureFormat(const QTextFormat &format);
QTextListFormat listFormat(bool numbered);
bool isNumbered(const QTextListFormat &format);
QTextTableFormat tableFormat(bool headerRow);
// Grey background on the heading row (the PDF sets it in bold); call after changing rows.
void styleTable(QTextTable *table);
// Inserts a table at the cursor (outside tables) behind an empty anchor paragraph: text before the
// cursor stays in front of it, text after it follows the table. A list the cursor is in ends
// before the table. The cursor is left at the start of the block after the table.
QTextTable *insertTable(QTextCursor &cursor, int rows, int columns, bool headerRow);
// The items of block's list after block move to a new list with the same format.
void splitListAfter(const QTextBlock &block);
// Takes the block out of its list (no indent left); the items after it form a list of their own.
void takeOutOfList(const QTextBlock &block);
} // namespace contentformat

} // namespace vw
