#include "reviewdocument.h"

#include "documentbuilder.h"
#include "fonts.h"

#include <QCoreApplication>
#include <QTextCursor>
#include <QTextTable>

#include <algorithm>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Export", text);
}

constexpr qreal pt = 96.0 / 72.0; // one typographic point in layout pixels

QString quoted(const QString &text)
{
    return tr("„%1“").arg(text);
}

// Appends blocks to a document in the look of the Vorlage (font, spacing).
class Appender {
public:
    explicit Appender(QTextDocument *doc) : mCursor(doc)
    {
        mCursor.movePosition(QTextCursor::End);
        mBody.setBottomMargin(6 * pt);
        mBody.setLineHeight(115, QTextBlockFormat::ProportionalHeight);
        mPlain.setFont(documentFont(11));
        mPlain.setForeground(Qt::black);
        mBold = mPlain;
        mBold.setFontWeight(QFont::Bold);
        mSmall = mPlain;
        mSmall.setFontPointSize(10);
    }

    QTextCursor &cursor() { return mCursor; }
    const QTextCharFormat &plain() const { return mPlain; }
    const QTextCharFormat &bold() const { return mBold; }
    const QTextCharFormat &small() const { return mSmall; }

    // `indent` in levels of the document's indent width (a left margin would not scale to the device).
    QTextBlockFormat body(int indent = 0, qreal bottom = 6) const
    {
        QTextBlockFormat f = mBody;
        f.setIndent(indent);
        f.setBottomMargin(bottom * pt);
        return f;
    }

    void block(const QTextBlockFormat &format, const QTextCharFormat &cf)
    {
        if (mFirst) {
            mCursor.setBlockFormat(format);
            mFirst = false;
        } else {
            mCursor.insertBlock(format);
        }
        mCursor.setBlockCharFormat(cf);
    }

    void heading(const QString &text, bool newPage)
    {
        QTextBlockFormat f = body(0, 8);
        f.setTopMargin(12 * pt);
        if (newPage)
            f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCharFormat cf = mBold;
        cf.setFontPointSize(12);
        block(f, cf);
        mCursor.insertText(text, cf);
    }

    void line(const QString &text, const QTextCharFormat &cf, int indent = 0, qreal bottom = 6)
    {
        block(body(indent, bottom), cf);
        mCursor.insertText(text, cf);
    }

    // Starts the first block in place of the empty one the cursor sits in (a fresh document).
    void reuseFirstBlock() { mFirst = true; }

private:
    QTextCursor mCursor;
    bool mFirst = false;
    QTextBlockFormat mBody;
    QTextCharFormat mPlain, mBold, mSmall;
};

// Rank of each place in reading order, as buildDocument() prints them.
QHash<QString, int> placeRanks(const Vorlage &v)
{
    QHash<QString, int> ranks;
    int rank = 0;
    const auto add = [&ranks, &rank](Place::Kind kind, const QString &field, const QString &id) {
        ranks.insert(QStringLiteral("%1|%2|%3").arg(int(kind)).arg(field, id), rank++);
    };
    add(Place::Kind::Header, QStringLiteral("questionNumber"), {});
    add(Place::Kind::Header, QStringLiteral("title"), {});
    add(Place::Kind::Header, QStringLiteral("subtitle"), {});
    for (const Section &s : v.sections) {
        add(Place::Kind::Section, s.label, {});
        for (const Block &b : s.content) {
            if (b.type == Block::Type::Questions) {
                for (const Question &q : v.questions)
                    add(Place::Kind::Question, {}, q.id);
                add(Place::Kind::Header, QStringLiteral("questionSignatories"), {});
            } else if (b.type == Block::Type::Answers) {
                for (const Question &q : v.questions)
                    add(Place::Kind::Answer, {}, q.id);
            } else if (b.type == Block::Type::Beschluss) {
                for (const BeschlussItem &item : v.beschluss)
                    add(Place::Kind::Beschluss, {}, item.id);
            }
        }
    }
    return ranks;
}

QString rankKey(const Place &p)
{
    return QStringLiteral("%1|%2|%3").arg(int(p.kind)).arg(p.field, p.itemId);
}

QString participantName(const Participation &p, const RessortTable &ressorts, const QDate &date)
{
    QString name = p.ressortKey.isEmpty() ? QString() : ressorts.nameOn(p.ressortKey, date);
    if (name.isEmpty())
        name = p.name.isEmpty() ? p.ressortKey : p.name;
    return name;
}

void annotationNotes(Appender &out, const Vorlage &v, const QList<Annotation> &ordered)
{
    out.heading(tr("Anmerkungen"), true);
    if (ordered.isEmpty()) {
        out.line(tr("Zu diesem Entwurf gibt es keine Anmerkungen."), out.plain());
        return;
    }
    for (int i = 0; i < ordered.size(); ++i) {
        const Annotation &a = ordered[i];
        // "[1] Abschnitt C: „die gesamte Verwaltung“"
        QTextBlockFormat head = out.body(0, 2);
        head.setTopMargin(8 * pt);
        out.block(head, out.bold());
        out.cursor().insertText(QStringLiteral("[%1] ").arg(i + 1), out.bold());
        out.cursor().insertText(placeLabel(v, a.anchor.place), out.bold());
        if (!a.anchor.quote.isEmpty())
            out.cursor().insertText(QStringLiteral(": ") + quoted(a.anchor.quote), out.plain());
        if (a.anchor.detached)
            out.cursor().insertText(QStringLiteral(" ") + tr("(Text nicht mehr vorhanden)"), out.bold());

        const int indent = 1;
        QStringList meta{a.isSuggestion() ? tr("Änderungsvorschlag von %1").arg(a.author)
                                          : tr("Kommentar von %1").arg(a.author)};
        if (a.created.isValid())
            meta << germanDateTime(a.created);
        out.line(meta.join(QStringLiteral(", ")), out.small(), indent, 2);
        if (!a.text.isEmpty())
            out.line(a.text, out.plain(), indent, 4);
        if (a.isSuggestion()) {
            out.block(out.body(indent, 4), out.plain());
            out.cursor().insertText(tr("Vorschlag: "), out.bold());
            out.cursor().insertText(tr("%1 ersetzen durch %2").arg(quoted(a.anchor.quote), quoted(a.replacement)),
                                    out.plain());
            QString decision;
            switch (a.suggestion) {
            case Annotation::Suggestion::Accepted:
                decision = tr("Entscheidung: angenommen");
                break;
            case Annotation::Suggestion::Rejected:
                decision = tr("Entscheidung: abgelehnt");
                break;
            default:
                decision = tr("Entscheidung: offen");
                break;
            }
            if (a.suggestion == Annotation::Suggestion::Accepted || a.suggestion == Annotation::Suggestion::Rejected) {
                QStringList who;
                if (!a.decidedBy.isEmpty())
                    who << tr("von %1").arg(a.decidedBy);
                if (a.decided.isValid())
                    who << tr("am %1").arg(germanDateTime(a.decided));
                if (!who.isEmpty())
                    decision += QLatin1Char(' ') + who.join(QLatin1Char(' '));
            }
            out.line(decision, out.small(), indent, 4);
        }
        for (const Reply &r : a.replies) {
            out.line(tr("Antwort von %1, %2").arg(r.author, germanDateTime(r.created)), out.small(), 2 * indent, 2);
            out.line(r.text, out.plain(), 2 * indent, 4);
        }
        QString state;
        if (a.resolved) {
            state = tr("Erledigt");
            if (!a.resolvedBy.isEmpty())
                state += QLatin1Char(' ') + tr("von %1").arg(a.resolvedBy);
            if (a.resolvedAt.isValid())
                state += QLatin1Char(' ') + tr("am %1").arg(germanDateTime(a.resolvedAt));
        } else {
            state = tr("Offen");
        }
        out.line(state, out.small(), indent, 4);
    }
}

void beteiligungTable(Appender &out, const Vorlage &v, const RessortTable &ressorts)
{
    out.heading(tr("Beteiligung"), false);
    if (v.beteiligung.isEmpty()) {
        out.line(tr("Es sind keine Beteiligten eingetragen."), out.plain());
        return;
    }
    QTextCursor &c = out.cursor();
    QTextBlockFormat cell;
    cell.setLineHeight(110, QTextBlockFormat::ProportionalHeight);
    out.block(cell, out.plain()); // the table follows this (empty) block
    QTextTableFormat tf;
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setBorder(0.75 * pt);
    tf.setBorderBrush(Qt::black);
    tf.setBorderCollapse(true);
    tf.setCellPadding(3 * pt);
    tf.setCellSpacing(0);
    tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    tf.setHeaderRowCount(1);
    tf.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 30), QTextLength(QTextLength::PercentageLength, 20),
                                  QTextLength(QTextLength::PercentageLength, 14), QTextLength(QTextLength::PercentageLength, 36)});
    tf.setBottomMargin(8 * pt);
    QTextTable *t = c.insertTable(int(v.beteiligung.size()) + 1, 4, tf);
    const auto put = [&](int row, int column, const QString &text, const QTextCharFormat &cf) {
        QTextCursor cc = t->cellAt(row, column).firstCursorPosition();
        cc.setBlockFormat(cell);
        cc.insertText(text, cf);
    };
    const QStringList heads{tr("Ressort/Stelle"), tr("Status"), tr("Datum"), tr("Maßgabe/Einwände")};
    for (int column = 0; column < heads.size(); ++column)
        put(0, column, heads[column], out.bold());
    for (int i = 0; i < v.beteiligung.size(); ++i) {
        const Participation &p = v.beteiligung[i];
        QString state = participationStateLabel(p.state);
        if (p.state == Participation::State::Einwaende)
            state += QLatin1Char(' ') + (p.resolved ? tr("(ausgeräumt)") : tr("(offen)"));
        put(i + 1, 0, participantName(p, ressorts, v.date), out.plain());
        put(i + 1, 1, state, out.plain());
        put(i + 1, 2, germanDate(p.date), out.plain());
        put(i + 1, 3, p.text, out.plain());
    }
    c.movePosition(QTextCursor::End);
    out.reuseFirstBlock();
}

void anlagenList(Appender &out, const Vorlage &v)
{
    if (v.anlagen.isEmpty())
        return;
    out.heading(tr("Anlagen"), false);
    for (int i = 0; i < v.anlagen.size(); ++i) {
        const Anlage &a = v.anlagen[i];
        QString text = tr("Anlage %1: %2").arg(i + 1).arg(a.title);
        if (!a.fileName.isEmpty())
            text += QStringLiteral(" (%1)").arg(a.fileName);
        if (a.internal)
            text += QLatin1Char(' ') + tr("– nur für den internen Gebrauch");
        out.line(text, out.plain(), 0, a.text.isEmpty() ? 6 : 2);
        if (!a.text.isEmpty())
            out.line(a.text, out.small(), 1, 6);
    }
}

// A changed stretch with the spaces at its ends left unmarked, so the marks cover words only
// ("an öffentlichen Schulen" strikes „öffentlichen“, not the space before it). A change that is
// only spaces stays marked.
void insertChange(QTextCursor &cursor, const QString &text, const QTextCharFormat &mark, const QTextCharFormat &plain)
{
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    qsizetype end = text.size();
    while (end > start && text.at(end - 1).isSpace())
        --end;
    if (start == end) {
        cursor.insertText(text, mark);
        return;
    }
    cursor.insertText(text.left(start), plain);
    cursor.insertText(text.mid(start, end - start), mark);
    cursor.insertText(text.mid(end), plain);
}

} // namespace

QList<Annotation> annotationsInReadingOrder(const Vorlage &vorlage, const QList<Annotation> &annotations)
{
    const QHash<QString, int> ranks = placeRanks(vorlage);
    QList<Annotation> ordered = annotations;
    const auto key = [&ranks](const Annotation &a) {
        const int rank = a.anchor.detached ? INT_MAX : ranks.value(rankKey(a.anchor.place), INT_MAX - 1);
        return std::make_tuple(rank, a.anchor.detached ? 0 : a.anchor.start, a.created, a.id);
    };
    std::stable_sort(ordered.begin(), ordered.end(),
                     [&key](const Annotation &a, const Annotation &b) { return key(a) < key(b); });
    return ordered;
}

std::unique_ptr<QTextDocument> buildReviewDocument(const Vorlage &vorlage, const QList<Annotation> &annotations,
                                                   const RessortTable &ressorts, const FigureValues &figures)
{
    const QList<Annotation> ordered = annotationsInReadingOrder(vorlage, annotations);
    QList<TextMarker> markers;
    for (int i = 0; i < ordered.size(); ++i) {
        const Anchor &a = ordered[i].anchor;
        if (!a.detached)
            markers.append(TextMarker{a.place, a.end, QStringLiteral("[%1]").arg(i + 1)});
    }
    std::unique_ptr<QTextDocument> doc = buildDocument(vorlage, ressorts, figures, {}, markers);
    Appender out(doc.get());
    annotationNotes(out, vorlage, ordered);
    beteiligungTable(out, vorlage, ressorts);
    anlagenList(out, vorlage);
    return doc;
}

std::unique_ptr<QTextDocument> buildComparisonDocument(const VorlageDiff &diff, const QString &title,
                                                       const VersionLabel &before, const VersionLabel &after)
{
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(documentFont(11));
    doc->setDocumentMargin(0);
    doc->setIndentWidth(18 * pt);
    Appender out(doc.get());
    out.reuseFirstBlock();

    QTextCharFormat inserted = out.plain();
    inserted.setFontUnderline(true);
    inserted.setForeground(QColor(0x0b, 0x6b, 0x1f));
    QTextCharFormat deleted = out.plain();
    deleted.setFontStrikeOut(true);
    deleted.setForeground(QColor(0xa8, 0x14, 0x1b));

    QTextCharFormat titleFormat = out.bold();
    titleFormat.setFontPointSize(13);
    out.line(tr("Vergleich: %1").arg(title), titleFormat, 0, 6);
    out.block(out.body(0, 10), out.plain());
    out.cursor().insertText(versionLabelText(before), out.plain());
    out.cursor().insertText(QStringLiteral(" → "), out.plain());
    out.cursor().insertText(versionLabelText(after), out.plain());

    // The legend: the marks, not the colours, carry the meaning (black-and-white printing).
    out.block(out.body(0, 4), out.plain());
    out.cursor().insertText(tr("Legende: "), out.bold());
    out.cursor().insertText(tr("eingefügter Text"), inserted);
    out.cursor().insertText(tr(" (unterstrichen) · "), out.plain());
    out.cursor().insertText(tr("gelöschter Text"), deleted);
    out.cursor().insertText(tr(" (durchgestrichen) · ¶ markiert einen eingefügten oder gelöschten Absatzwechsel."),
                            out.plain());
    const int changed = diff.changedCount();
    out.line(changed == 0 ? tr("Die beiden Fassungen stimmen überein.")
                          : changed == 1 ? tr("1 Stelle ist geändert.") : tr("%1 Stellen sind geändert.").arg(changed),
             out.plain(), 0, 6);

    QStringList unchanged;
    for (const PlaceDiff &p : diff.places) {
        if (!p.changed) {
            unchanged << p.label;
            continue;
        }
        QString label = p.label;
        if (p.kind == PlaceDiff::Kind::Section && p.added)
            label = tr("%1 (neu)").arg(label);
        else if (p.kind == PlaceDiff::Kind::Section && p.removed)
            label = tr("%1 (entfallen)").arg(label);
        QTextBlockFormat head = out.body(0, 4);
        head.setTopMargin(10 * pt);
        head.setProperty(KeepWithNextProperty, true);
        out.block(head, out.bold());
        out.cursor().insertText(label, out.bold());
        out.block(out.body(0, 4), out.plain());
        for (const DiffRun &r : p.runs) {
            const QTextCharFormat &cf = r.kind == DiffRun::Kind::Insert   ? inserted
                                        : r.kind == DiffRun::Kind::Delete ? deleted
                                                                          : out.plain();
            const QStringList lines = r.text.split(QLatin1Char('\n'));
            for (int i = 0; i < lines.size(); ++i) {
                if (i > 0) {
                    // A paragraph break that only one version has is shown, so the marks stay exact.
                    if (r.kind != DiffRun::Kind::Equal)
                        out.cursor().insertText(QStringLiteral("¶"), cf);
                    out.block(out.body(0, 4), out.plain());
                }
                if (r.kind == DiffRun::Kind::Equal)
                    out.cursor().insertText(lines[i], cf);
                else
                    insertChange(out.cursor(), lines[i], cf, out.plain());
            }
        }
    }
    if (!unchanged.isEmpty()) {
        QTextBlockFormat f = out.body(0, 6);
        f.setTopMargin(12 * pt);
        out.block(f, out.plain());
        out.cursor().insertText(tr("Unverändert: "), out.bold());
        out.cursor().insertText(unchanged.join(QStringLiteral("; ")), out.plain());
    }
    return doc;
}

} // namespace vw
