#include "documentbuilder.h"

#include "fonts.h"

#include <QAbstractTextDocumentLayout>
#include <QCoreApplication>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextList>
#include <QTextTable>

#include <algorithm>
#include <functional>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Export", text);
}

constexpr int KeepWithNext = KeepWithNextProperty;
// The bookmark title of a heading block (sections, the Anlagen list); see outlineEntries().
constexpr int OutlineTitle = QTextFormat::UserProperty + 2;

// Builds the document with one cursor; formats are made once and reused.
class Builder {
public:
    Builder(QTextDocument *doc, const FigureValues &figures, const QList<TextMarker> &markers)
        : mDoc(doc), mCursor(doc), mFigures(figures), mMarkers(markers)
    {
        const qreal pt = mPt;
        mDoc->setDefaultFont(documentFont(11));
        mDoc->setDocumentMargin(0);
        mDoc->setIndentWidth(18 * pt);

        mBody.setBottomMargin(8 * pt);
        mBody.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        mBody.setAlignment(Qt::AlignLeft);
        mHeading = mBody;
        mHeading.setTopMargin(10 * pt);
        mHeading.setBottomMargin(6 * pt);
        mHeading.setProperty(KeepWithNext, true);
        mLead = mBody;
        mLead.setProperty(KeepWithNext, true);
        mListItem = mBody;
        mListItem.setBottomMargin(4 * pt);
        mCell.setBottomMargin(0);
        mCell.setLineHeight(110, QTextBlockFormat::ProportionalHeight);

        mPlain.setFont(documentFont(11));
        mPlain.setForeground(Qt::black);
        mBold = mPlain;
        mBold.setFontWeight(QFont::Bold);
        mTitle = mBold;
        mTitle.setFontPointSize(12);
        mMarker = mPlain;
        mMarker.setVerticalAlignment(QTextCharFormat::AlignSuperScript);
    }

    void build(const Vorlage &v, const RessortTable &ressorts, const LayoutOptions &options)
    {
        if (!options.stamp.isEmpty())
            stamp(options.stamp);
        header(v, ressorts);
        for (const Section &s : v.sections) {
            const QString title = s.label.isEmpty() ? s.heading : QStringLiteral("%1. %2").arg(s.label, s.heading);
            QTextBlockFormat heading = mHeading;
            heading.setProperty(OutlineTitle, title);
            paragraph(heading, title, mBold);
            beginPlace(Place{Place::Kind::Section, s.label, {}});
            content(v, s.content);
        }
        if (!options.anlagen.isEmpty()) {
            const QString title = options.anlagen.size() == 1 ? tr("Anlage") : tr("Anlagen");
            QTextBlockFormat heading = mHeading;
            heading.setProperty(OutlineTitle, title);
            paragraph(heading, title, mBold);
            QList<Paragraph> items;
            for (const QString &a : options.anlagen)
                items << Paragraph::plain(a);
            list(true, items, [](int) {});
        }
    }

private:
    // The decided version's stamp, first line of the first page, set off from the header below it.
    void stamp(const QString &text)
    {
        QTextBlockFormat f = mBody;
        f.setBottomMargin(14 * mPt);
        mCursor.setBlockFormat(f);
        mCursor.setBlockCharFormat(mBold);
        mCursor.insertText(text, mBold);
        mCursor.insertBlock(mCell);
        // A table right after a block ignores the block's bottom margin: the header table keeps the gap.
        mGapAbove = 14 * mPt;
    }

    void header(const Vorlage &v, const RessortTable &ressorts)
    {
        QStringList names;
        for (const RessortRef &r : v.ressorts)
            names << ressorts.displayName(r.key, r.name, v.date);
        if (v.kind == VorlageKind::SenatskanzleiVortraege) {
            // Senatskanzlei papers: place and date in one line, the file code on the right.
            ressortLine({tr("%1 Bremen, %2").arg(names.join(QStringLiteral(", ")), germanLongDate(v.date))},
                        v.fileCode);
        } else if (!names.isEmpty() || v.date.isValid() || !v.fileCode.isEmpty()) {
            QStringList right{germanDate(v.date)};
            if (!v.fileCode.isEmpty())
                right << v.fileCode;
            ressortLine(names, right.join(QChar::LineSeparator));
        }
        // The cursor now sits in the block after the header: use it as the first paragraph.
        mFirst = true;
        if (!v.questionNumber.isEmpty()) {
            beginPlace(Place{Place::Kind::Header, QStringLiteral("questionNumber"), {}});
            nextLine();
            markedParagraph(mBody, v.questionNumber, mPlain);
        }
        QTextBlockFormat sessionFormat = mBody;
        sessionFormat.setBottomMargin(14 * mPt);
        paragraph(sessionFormat, sessionLine(v), mBold);
        // "(Anfrage in der Fragestunde der Fraktion … vom …)" from the fields, unless the subtitle says it already.
        QString asked = questionLine(v);
        QString typedFraktion;
        QDate typedDate;
        if (parseQuestionLine(v.subtitle, &typedFraktion, &typedDate))
            asked.clear();
        QTextBlockFormat titleFormat = mBody;
        titleFormat.setBottomMargin(v.subtitle.isEmpty() && asked.isEmpty() && v.references.isEmpty() ? 14 * mPt : 4 * mPt);
        beginPlace(Place{Place::Kind::Header, QStringLiteral("title"), {}});
        nextLine();
        markedParagraph(titleFormat, v.title, mTitle);
        if (!v.subtitle.isEmpty()) {
            QTextBlockFormat f = mBody;
            f.setBottomMargin(asked.isEmpty() && v.references.isEmpty() ? 14 * mPt : 4 * mPt);
            beginPlace(Place{Place::Kind::Header, QStringLiteral("subtitle"), {}});
            nextLine();
            markedParagraph(f, v.subtitle, mPlain);
        }
        beginPlace({});
        if (!asked.isEmpty()) {
            QTextBlockFormat f = mBody;
            f.setBottomMargin(v.references.isEmpty() ? 14 * mPt : 4 * mPt);
            paragraph(f, asked, mPlain);
        }
        if (!v.references.isEmpty()) {
            QTextBlockFormat f = mBody;
            f.setBottomMargin(14 * mPt);
            paragraph(f, QStringLiteral("(%1)").arg(v.references.join(QStringLiteral("; "))), mPlain);
        }
    }

    // Ressort(s) on the left, one per line, the date on the right of the first line.
    void ressortLine(const QStringList &names, const QString &right)
    {
        QTextTableFormat tf;
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_None);
        tf.setBorder(0);
        tf.setCellPadding(0);
        tf.setCellSpacing(0);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 75),
                                      QTextLength(QTextLength::PercentageLength, 25)});
        tf.setBottomMargin(14 * mPt);
        tf.setTopMargin(mGapAbove);
        QTextTable *table = mCursor.insertTable(1, 2, tf);
        QTextCursor left = table->cellAt(0, 0).firstCursorPosition();
        left.setBlockFormat(mCell);
        left.insertText(names.join(QChar::LineSeparator), mPlain);
        QTextCursor rightCell = table->cellAt(0, 1).firstCursorPosition();
        QTextBlockFormat rightAligned = mCell;
        rightAligned.setAlignment(Qt::AlignRight);
        rightCell.setBlockFormat(rightAligned);
        rightCell.insertText(right, mPlain);
        mCursor.movePosition(QTextCursor::End);
    }

    void content(const Vorlage &v, const Content &blocks)
    {
        for (const Block &b : blocks) {
            switch (b.type) {
            case Block::Type::Paragraph:
                nextLine();
                if (!b.paragraph.isEmpty())
                    richParagraph(mBody, b.paragraph);
                else
                    skip(b.paragraph);
                break;
            case Block::Type::BulletList:
            case Block::Type::NumberedList:
                list(b.type == Block::Type::NumberedList, b.items, [this](int) { nextLine(); });
                break;
            case Block::Type::Table:
                table(b);
                break;
            case Block::Type::Questions: {
                const PlaceState outer = mPlace;
                QList<Paragraph> questions;
                for (const Question &q : v.questions)
                    questions << q.text;
                list(true, questions, [this, &v](int i) {
                    beginPlace(Place{Place::Kind::Question, {}, v.questions[i].id});
                    nextLine();
                });
                if (!v.questionSignatories.isEmpty()) {
                    beginPlace(Place{Place::Kind::Header, QStringLiteral("questionSignatories"), {}});
                    nextLine();
                    markedParagraph(mBody, v.questionSignatories, mPlain);
                }
                mPlace = outer;
                break;
            }
            case Block::Type::Answers: {
                const PlaceState outer = mPlace;
                for (int i = 0; i < v.questions.size(); ++i) {
                    paragraph(mLead, tr("Zu Frage %1:").arg(i + 1), mPlain);
                    beginPlace(Place{Place::Kind::Answer, {}, v.questions[i].id});
                    content(v, v.questions[i].answer);
                }
                mPlace = outer;
                break;
            }
            case Block::Type::Beschluss: {
                const PlaceState outer = mPlace;
                QList<Paragraph> items;
                for (const BeschlussItem &item : v.beschluss)
                    items << item.text;
                const auto place = [this, &v](int i) {
                    beginPlace(Place{Place::Kind::Beschluss, {}, v.beschluss[i].id});
                    nextLine();
                };
                if (items.size() == 1) {
                    place(0);
                    richParagraph(mBody, items.first());
                } else {
                    list(true, items, place);
                }
                mPlace = outer;
                break;
            }
            }
        }
    }

    void newBlock(const QTextBlockFormat &format)
    {
        if (mFirst) {
            mCursor.setBlockFormat(format);
            mFirst = false;
        } else {
            mCursor.insertBlock(format);
        }
    }

    void paragraph(const QTextBlockFormat &format, const QString &text, const QTextCharFormat &cf)
    {
        newBlock(format);
        mCursor.setBlockCharFormat(cf);
        mCursor.insertText(text, cf);
    }

    // A paragraph that is the whole text of a place (title, subtitle).
    void markedParagraph(const QTextBlockFormat &format, const QString &text, const QTextCharFormat &cf)
    {
        newBlock(format);
        mCursor.setBlockCharFormat(cf);
        insertMarked(mCursor, text, int(text.size()), cf);
    }

    // `force`: one format for every span (a table's heading row).
    void spans(QTextCursor &cursor, const Paragraph &p, const QTextCharFormat *force = nullptr)
    {
        for (const Span &s : p.spans) {
            const QTextCharFormat *cf = force ? force : s.bold ? &mBold : &mPlain;
            // A quote counts as one character in anchor offsets (the editor's inline object).
            const int length = s.isFigure() ? 1 : int(s.text.size());
            if (s.italic && !force) {
                QTextCharFormat italic = *cf;
                italic.setFontItalic(true);
                insertMarked(cursor, s.printed(&mFigures), length, italic);
            } else {
                insertMarked(cursor, s.printed(&mFigures), length, *cf);
            }
        }
    }

    // Where the builder is in the text of a place (see anchorText()), for the markers of a review export.
    struct PlaceState {
        QList<const TextMarker *> markers; // of the current place
        int offset = 0;
        int lines = 0;
    };

    void beginPlace(const Place &place)
    {
        mPlace = PlaceState{};
        for (const TextMarker &m : mMarkers) {
            if (m.place == place)
                mPlace.markers << &m;
        }
    }

    // Lines of a place's text are joined by one '\n'.
    void nextLine()
    {
        if (mPlace.lines++ > 0)
            ++mPlace.offset;
    }

    // A paragraph that is not printed still counts.
    void skip(const Paragraph &p)
    {
        for (const Span &s : p.spans)
            mPlace.offset += s.isFigure() ? 1 : int(s.text.size());
    }

    // Inserts text that stands for `length` characters of the place's text, with the markers that end
    // inside it. A quote (length 1 for a longer printed value) takes its markers after the value.
    void insertMarked(QTextCursor &cursor, const QString &text, int length, const QTextCharFormat &cf)
    {
        const int start = mPlace.offset;
        mPlace.offset += length;
        if (mPlace.markers.isEmpty()) {
            cursor.insertText(text, cf);
            return;
        }
        QList<const TextMarker *> here;
        for (const TextMarker *m : std::as_const(mPlace.markers)) {
            if (m->offset > start && m->offset <= start + length)
                here << m;
        }
        std::stable_sort(here.begin(), here.end(),
                         [](const TextMarker *a, const TextMarker *b) { return a->offset < b->offset; });
        int done = 0;
        for (const TextMarker *m : std::as_const(here)) {
            const int at = text.size() == length ? m->offset - start : int(text.size());
            if (at > done) {
                cursor.insertText(text.mid(done, at - done), cf);
                done = at;
            }
            cursor.insertText(m->text, mMarker);
        }
        if (done < text.size())
            cursor.insertText(text.mid(done), cf);
    }

    void richParagraph(const QTextBlockFormat &format, const Paragraph &p)
    {
        newBlock(format);
        mCursor.setBlockCharFormat(mPlain);
        spans(mCursor, p);
    }

    // `beforeItem` is called before each item is written (to move to its place in the anchor text).
    void list(bool numbered, const QList<Paragraph> &items, const std::function<void(int)> &beforeItem)
    {
        if (items.isEmpty())
            return;
        QTextListFormat lf;
        lf.setStyle(numbered ? QTextListFormat::ListDecimal : QTextListFormat::ListDisc);
        lf.setIndent(1);
        QTextList *list = nullptr;
        for (int i = 0; i < items.size(); ++i) {
            QTextBlockFormat f = mListItem;
            if (i == items.size() - 1)
                f.setBottomMargin(mBody.bottomMargin());
            beforeItem(i);
            richParagraph(f, items[i]);
            if (!list)
                list = mCursor.createList(lf);
            else
                list->add(mCursor.block());
        }
    }

    void table(const Block &b)
    {
        if (b.rows.isEmpty())
            return;
        int columns = 0;
        for (const auto &row : b.rows)
            columns = std::max(columns, int(row.size()));
        if (columns == 0)
            return;
        newBlock(mCell); // the table follows this (empty, zero-margin) block
        QTextTableFormat tf;
        tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        tf.setBorder(0.75 * mPt);
        tf.setBorderBrush(Qt::black);
        tf.setBorderCollapse(true);
        tf.setCellPadding(3 * mPt);
        tf.setCellSpacing(0);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setBottomMargin(8 * mPt);
        if (b.headerRow)
            tf.setHeaderRowCount(1);
        QTextTable *t = mCursor.insertTable(int(b.rows.size()), columns, tf);
        // Columns of figures are right-aligned, their heading too; the first column holds labels.
        QList<bool> numeric(columns, false);
        for (int r = b.headerRow ? 1 : 0; r < b.rows.size(); ++r) {
            for (int c = 1; c < b.rows[r].size(); ++c)
                numeric[c] = numeric[c] || looksNumeric(b.rows[r][c].plainText(&mFigures));
        }
        for (int r = 0; r < b.rows.size(); ++r) {
            for (int c = 0; c < b.rows[r].size(); ++c) {
                QTextCursor cell = t->cellAt(r, c).firstCursorPosition();
                QTextBlockFormat cf = mCell;
                if (numeric[c])
                    cf.setAlignment(Qt::AlignRight);
                cell.setBlockFormat(cf);
                nextLine();
                spans(cell, b.rows[r][c], b.headerRow && r == 0 ? &mBold : nullptr);
            }
        }
        mCursor.movePosition(QTextCursor::End);
        mFirst = true; // reuse the block the table left behind
    }

    static bool looksNumeric(const QString &text)
    {
        const QString t = text.trimmed();
        return !t.isEmpty() && (t[0].isDigit() || t[0] == QLatin1Char('-')) && t.size() < 24;
    }

    QTextDocument *mDoc;
    QTextCursor mCursor;
    const FigureValues &mFigures;
    const QList<TextMarker> &mMarkers;
    PlaceState mPlace;
    const qreal mPt = 96.0 / 72.0; // one typographic point in layout pixels
    bool mFirst = false;
    qreal mGapAbove = 0;
    QTextBlockFormat mBody, mHeading, mLead, mListItem, mCell;
    QTextCharFormat mPlain, mBold, mTitle, mMarker;
};

// "staatliche Deputation für …" is stored as named; the session line needs the genitive.
QString bodyGenitive(const QString &body)
{
    if (body.isEmpty() || body == QLatin1String("Senat"))
        return tr("des Senats");
    QString words = body;
    const qsizetype space = words.indexOf(QLatin1Char(' '));
    if (space > 0 && words.at(space - 1) == QLatin1Char('e') && words.mid(space + 1).startsWith(QLatin1String("Deputation")))
        words.insert(space, QLatin1Char('n'));
    return tr("der %1").arg(words);
}

} // namespace

namespace {

void breakBefore(const QTextBlock &block)
{
    QTextBlockFormat format = block.blockFormat();
    format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    QTextCursor(block).setBlockFormat(format);
}

bool breaksBefore(const QTextBlock &block)
{
    return block.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore;
}

// The block to move to the next page so that `block` goes there: the headings just before it go along.
QTextBlock withItsHeadings(QTextBlock block)
{
    for (QTextBlock previous = block.previous(); previous.isValid() && !breaksBefore(block)
                                                 && previous.blockFormat().boolProperty(KeepWithNext);
         previous = block.previous())
        block = previous;
    return block;
}

// A paragraph split so that one line stands alone at the foot of a page (orphan) or at the head of the
// next (widow) moves to the next page whole. Only paragraphs of the body, not of table cells.
bool keepLinesTogether(QTextDocument *doc, qreal pageHeight)
{
    bool moved = false;
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        layout->blockBoundingRect(block); // lays the document out up to here
        const QTextLayout *lines = block.layout();
        const int count = lines ? lines->lineCount() : 0;
        if (count < 2 || breaksBefore(block) || QTextCursor(block).currentFrame() != doc->rootFrame())
            continue;
        const qreal top = lines->position().y(); // line positions are relative to their layout's
        const auto pageOfLine = [&](int i) { return int((top + lines->lineAt(i).rect().center().y()) / pageHeight); };
        int onFirstPage = 1;
        while (onFirstPage < count && pageOfLine(onFirstPage) == pageOfLine(0))
            ++onFirstPage;
        if (onFirstPage < count && (onFirstPage == 1 || count - onFirstPage == 1)) {
            breakBefore(withItsHeadings(block));
            moved = true;
        }
    }
    return moved;
}

bool keepHeadingsWithNext(QTextDocument *doc, qreal pageHeight)
{
    bool moved = false;
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const QTextBlock next = block.next();
        if (!next.isValid() || !block.blockFormat().boolProperty(KeepWithNext) || breaksBefore(block))
            continue;
        const QRectF here = layout->blockBoundingRect(block);
        QRectF there = layout->blockBoundingRect(next);
        if (next.layout() && next.layout()->lineCount() > 0)
            there.setHeight(next.layout()->lineAt(0).rect().bottom());
        if (int(here.top() / pageHeight) != int(there.bottom() / pageHeight)) {
            breakBefore(block);
            moved = true;
        }
    }
    return moved;
}

} // namespace

void keepHeadingsWithText(QTextDocument *doc)
{
    const qreal pageHeight = doc->pageSize().height();
    if (pageHeight <= 0)
        return;
    // A moved paragraph can leave its heading alone, a moved heading can split the paragraph before it
    // anew: repeat until nothing moves (every step only adds page breaks, so this ends).
    for (int pass = 0; pass < 8; ++pass) {
        const bool lines = keepLinesTogether(doc, pageHeight);
        const bool headings = keepHeadingsWithNext(doc, pageHeight);
        if (!lines && !headings)
            break;
        // Lay everything out anew before looking again: Qt's incremental relayout after a new page break
        // can leave later blocks where they were (and the painter would miss them).
        doc->markContentsDirty(0, doc->characterCount());
    }
}

QString sessionLine(const Vorlage &v)
{
    const QString body = bodyGenitive(v.body);
    const QString date = germanDate(v.sessionDate);
    switch (v.paperKind) {
    case PaperKind::Tischvorlage:
        return tr("Tischvorlage für die Sitzung %1 am %2").arg(body, date);
    case PaperKind::Neufassung:
        return tr("Neufassung der Vorlage für die Sitzung %1 am %2").arg(body, date);
    case PaperKind::Vorlage:
        break;
    }
    return tr("Vorlage für die Sitzung %1 am %2").arg(body, date);
}

std::unique_ptr<QTextDocument> buildDocument(const Vorlage &vorlage, const RessortTable &ressorts,
                                             const FigureValues &figures, const LayoutOptions &options,
                                             const QList<TextMarker> &markers)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    Builder(doc.get(), figures, markers).build(vorlage, ressorts, options);
    return doc;
}

QList<OutlineEntry> outlineEntries(QTextDocument *doc)
{
    QList<OutlineEntry> entries;
    const qreal pageHeight = doc->pageSize().height();
    QAbstractTextDocumentLayout *layout = doc->documentLayout();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        const QString title = block.blockFormat().property(OutlineTitle).toString();
        if (title.isEmpty())
            continue;
        // The middle of the first line decides: a heading moved to the next page starts there.
        qreal y = layout->blockBoundingRect(block).top();
        if (block.layout() && block.layout()->lineCount() > 0) {
            const QTextLine line = block.layout()->lineAt(0);
            y = block.layout()->position().y() + line.y() + line.height() / 2;
        }
        entries.append({title, pageHeight > 0 ? int(y / pageHeight) : 0});
    }
    return entries;
}

} // namespace vw
