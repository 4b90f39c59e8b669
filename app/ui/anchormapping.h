#pragma once

// Maps between the offsets of an annotation anchor (anchorText(): one line per paragraph, list item
// or table cell, joined by '\n') and positions in the QTextDocument an editor shows. Qt Gui only.

#include <QList>

class QTextDocument;

namespace vw {

// One line of anchorText() as it sits in a document: `length` characters from `position`.
struct AnchorLine {
    int position = 0;
    int length = 0;

    bool operator==(const AnchorLine &) const = default;
};

// The lines of a document written by writeContent(), in the order anchorText() counts them: the
// paragraphs and list items of the root frame, the cells of each table row by row (a cell's blocks
// are one line, joined by one separator as in the model). Left out, as readContent() leaves them
// out: the empty paragraph in front of a table and empty paragraphs at the end.
QList<AnchorLine> anchorLines(const QTextDocument *doc);

// A piece of an anchor range in one document: [from, to) in document positions.
struct DocumentRange {
    int line = 0; // index into the lines
    int from = 0;
    int to = 0;
};

// The document ranges of the anchor range [start, end) over `lines` (one per line it touches; an
// empty range gives one empty range). `firstOffset` is the anchorText offset of lines[0] (a section
// split into several editors continues counting). Empty when the range lies outside these lines.
QList<DocumentRange> documentRanges(const QList<AnchorLine> &lines, int firstOffset, int start, int end);

// The anchorText offset of a document position, or -1 when the lines do not cover it; positions
// between lines (a table's anchor paragraph) count as the start of the next line.
int anchorOffset(const QList<AnchorLine> &lines, int firstOffset, int position);

// The anchorText length of the lines (their text and the '\n' between them).
int anchorLength(const QList<AnchorLine> &lines);

} // namespace vw
