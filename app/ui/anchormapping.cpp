#include "anchormapping.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

namespace vw {

namespace {

struct Collector {
    QList<AnchorLine> lines;
    QList<bool> droppable; // an empty top-level paragraph (dropped when nothing follows it)

    void frame(QTextFrame *frame)
    {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                if (auto *table = qobject_cast<QTextTable *>(child))
                    this->table(table);
                else
                    this->frame(child);
                continue;
            }
            const QTextBlock block = it.currentBlock();
            if (!block.isValid())
                continue;
            auto next = it;
            ++next;
            const bool beforeTable = !next.atEnd() && qobject_cast<QTextTable *>(next.currentFrame());
            const bool empty = block.length() <= 1;
            if (beforeTable && empty && !block.textList())
                continue; // the paragraph a table is anchored to
            lines.append({block.position(), block.length() - 1});
            droppable.append(empty && !block.textList());
        }
    }

    void table(QTextTable *table)
    {
        for (int r = 0; r < table->rows(); ++r) {
            for (int c = 0; c < table->columns(); ++c) {
                const QTextTableCell cell = table->cellAt(r, c);
                if (cell.row() == r && cell.column() == c) {
                    const int from = cell.firstPosition();
                    lines.append({from, cell.lastPosition() - from});
                } else {
                    // A covered cell is an empty line of the model; it has no place in the document.
                    lines.append({cell.lastPosition(), 0});
                }
                droppable.append(false);
            }
        }
    }
};

} // namespace

QList<AnchorLine> anchorLines(const QTextDocument *doc)
{
    Collector c;
    c.frame(doc->rootFrame());
    while (!c.lines.isEmpty() && c.droppable.last()) {
        c.lines.removeLast();
        c.droppable.removeLast();
    }
    return c.lines;
}

QList<DocumentRange> documentRanges(const QList<AnchorLine> &lines, int firstOffset, int start, int end)
{
    QList<DocumentRange> result;
    int offset = firstOffset;
    for (int i = 0; i < lines.size(); ++i) {
        const AnchorLine &line = lines[i];
        const int lineEnd = offset + line.length;
        if (start == end) {
            if (start >= offset && start <= lineEnd)
                return {{i, line.position + start - offset, line.position + start - offset}};
        } else if (start < lineEnd + 1 && end > offset) {
            // The '\n' after a line belongs to no document range.
            const int from = std::max(start, offset);
            const int to = std::min(end, lineEnd);
            if (from < to)
                result.append({i, line.position + from - offset, line.position + to - offset});
        }
        offset = lineEnd + 1;
    }
    return result;
}

int anchorOffset(const QList<AnchorLine> &lines, int firstOffset, int position)
{
    int offset = firstOffset;
    for (const AnchorLine &line : lines) {
        if (position < line.position)
            return offset;
        if (position <= line.position + line.length)
            return offset + position - line.position;
        offset += line.length + 1;
    }
    return lines.isEmpty() ? -1 : offset - 1;
}

int anchorLength(const QList<AnchorLine> &lines)
{
    int length = 0;
    for (const AnchorLine &line : lines)
        length += line.length + 1;
    return std::max(0, length - 1);
}

} // namespace vw
