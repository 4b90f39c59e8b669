#include "vorlagediff.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Diff", text);
}

const QChar newline = QLatin1Char('\n');

QStringList splitLines(const QString &text)
{
    // An empty text has no lines (not one empty line), so that a new place is one insertion.
    if (text.isEmpty())
        return {};
    return text.split(newline);
}

// Appends a run, merging it with the previous one of the same kind; empty runs are dropped.
void appendRun(QList<DiffRun> &runs, DiffRun::Kind kind, const QString &text)
{
    if (text.isEmpty())
        return;
    if (!runs.isEmpty() && runs.last().kind == kind)
        runs.last().text += text;
    else
        runs.append(DiffRun{kind, text});
}

// Words, whitespace runs and single punctuation marks, as diffWords() splits, except that a number
// keeps its separators ("7.500.000", "12,5", "12.05.2020"): a changed figure is marked as a whole.
QStringList readingTokens(const QString &text)
{
    QStringList tokens;
    const int n = int(text.size());
    const auto isWordChar = [&text](int k) {
        const QChar c = text.at(k);
        return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
    };
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        int j = i + 1;
        if (c.isLetterOrNumber() || c.isMark()) {
            while (j < n) {
                if (isWordChar(j)) {
                    ++j;
                } else if ((text.at(j) == QLatin1Char('.') || text.at(j) == QLatin1Char(',')) && j + 1 < n
                           && text.at(j - 1).isDigit() && text.at(j + 1).isDigit()) {
                    j += 2;
                } else {
                    break;
                }
            }
        } else if (c.isSpace()) {
            while (j < n && text.at(j).isSpace())
                ++j;
        } else if (c.isHighSurrogate() && j < n && text.at(j).isLowSurrogate()) {
            ++j;
        }
        tokens.append(text.mid(i, j - i));
        i = j;
    }
    return tokens;
}

// A stretch of lines: equal in both, or a hunk of deleted and inserted lines.
struct Segment {
    bool equal = true;
    QStringList before; // the equal lines, or the deleted ones
    QStringList after;  // the inserted ones
};

QList<Segment> lineSegments(const QStringList &before, const QStringList &after)
{
    // Every line ends with '\n' as a token, so a run's text splits back into its lines.
    QStringList a, b;
    for (const QString &l : before)
        a << l + newline;
    for (const QString &l : after)
        b << l + newline;
    const auto lines = [](const QString &text) {
        QStringList result = text.split(newline);
        result.removeLast(); // the text ends with '\n'
        return result;
    };
    QList<Segment> segments;
    for (const DiffRun &run : diffTokens(a, b)) {
        if (run.kind == DiffRun::Kind::Equal) {
            segments.append(Segment{true, lines(run.text), {}});
            continue;
        }
        if (segments.isEmpty() || segments.last().equal)
            segments.append(Segment{false, {}, {}});
        if (run.kind == DiffRun::Kind::Delete)
            segments.last().before << lines(run.text);
        else
            segments.last().after << lines(run.text);
    }
    return segments;
}

// Items with a stable id, merged in the newer version's order; an item only in the older version
// follows the item it followed there. Pairs of indexes, -1 where an item is missing.
template <typename T>
QList<QPair<int, int>> mergeById(const QList<T> &before, const QList<T> &after, const std::function<QString(const T &)> &id)
{
    QList<QPair<int, int>> merged;
    QHash<QString, int> beforeIndex;
    for (int i = 0; i < before.size(); ++i)
        beforeIndex.insert(id(before[i]), i);
    QHash<QString, int> afterIndex;
    for (int i = 0; i < after.size(); ++i) {
        afterIndex.insert(id(after[i]), i);
        merged.append({beforeIndex.value(id(after[i]), -1), i});
    }
    for (int i = 0; i < before.size(); ++i) {
        if (afterIndex.contains(id(before[i])))
            continue;
        int position = 0;
        for (int j = int(merged.size()) - 1; j >= 0; --j) {
            if (merged[j].first >= 0 && merged[j].first < i) {
                position = j + 1;
                break;
            }
        }
        merged.insert(position, {i, -1});
    }
    return merged;
}

QString paragraphText(const Paragraph &p, const FigureValues *figures)
{
    return p.plainText(figures);
}

class Comparer {
public:
    Comparer(const Vorlage &before, const Vorlage &after, const RessortTable *ressorts, const FigureValues *bf,
             const FigureValues *af)
        : mBefore(before), mAfter(after), mRessorts(ressorts), mBf(bf), mAf(af)
    {
    }

    VorlageDiff run()
    {
        header();
        sections();
        // Items whose placeholder is in no section still belong to the comparison.
        if (!mQuestionsDone)
            questions(false);
        if (!mAnswersDone)
            questions(true);
        if (!mBeschlussDone)
            beschluss();
        beteiligung();
        anlagen();
        return mDiff;
    }

private:
    void add(PlaceDiff::Kind kind, const QString &label, const QString &before, const QString &after,
             bool inBefore = true, bool inAfter = true)
    {
        PlaceDiff p;
        p.kind = kind;
        p.label = label;
        p.runs = diffLines(before, after);
        p.added = !inBefore;
        p.removed = !inAfter;
        p.changed = p.added || p.removed;
        for (const DiffRun &r : p.runs)
            p.changed = p.changed || r.kind != DiffRun::Kind::Equal;
        mDiff.places.append(p);
    }

    void field(const QString &label, const QString &before, const QString &after)
    {
        if (before.isEmpty() && after.isEmpty())
            return;
        add(PlaceDiff::Kind::Header, label, before, after);
    }

    QString ressortLines(const Vorlage &v) const
    {
        QStringList names;
        for (const RessortRef &r : v.ressorts) {
            QString name = mRessorts ? mRessorts->displayName(r.key, r.name, v.date) : QString();
            if (name.isEmpty())
                name = r.name.isEmpty() ? r.key : r.name;
            if (r.lead && v.ressorts.size() > 1)
                name = tr("%1 (federführend)").arg(name);
            names << name;
        }
        return names.join(newline);
    }

    void header()
    {
        const Vorlage &a = mBefore, &b = mAfter;
        field(tr("Art der Vorlage"), kindLabel(a.kind), kindLabel(b.kind));
        field(tr("Papier"), paperKindLabel(a.paperKind), paperKindLabel(b.paperKind));
        field(tr("Ressorts"), ressortLines(a), ressortLines(b));
        field(tr("Datum"), germanDate(a.date), germanDate(b.date));
        field(tr("Gremium"), a.body, b.body);
        field(tr("Sitzungsdatum"), germanDate(a.sessionDate), germanDate(b.sessionDate));
        field(tr("Fragenummer"), a.questionNumber, b.questionNumber);
        field(tr("Titel"), a.title, b.title);
        field(tr("Untertitel"), a.subtitle, b.subtitle);
        field(tr("Bezüge"), a.references.join(newline), b.references.join(newline));
        field(tr("Aktenzeichen"), a.fileCode, b.fileCode);
        field(tr("Fraktion"), a.fraktion, b.fraktion);
        field(tr("Anfrage vom"), germanDate(a.askedOn), germanDate(b.askedOn));
        field(tr("Unterzeichnende der Anfrage"), a.questionSignatories, b.questionSignatories);
    }

    static QString sectionLabel(const Section &s)
    {
        if (s.label.isEmpty())
            return s.heading;
        if (s.heading.isEmpty())
            return tr("Abschnitt %1").arg(s.label);
        return tr("Abschnitt %1 – %2").arg(s.label, s.heading);
    }

    void sections()
    {
        const auto merged = mergeById<Section>(mBefore.sections, mAfter.sections,
                                               [](const Section &s) { return s.label.isEmpty() ? s.heading : s.label; });
        for (const auto &[i, j] : merged) {
            const Section *a = i >= 0 ? &mBefore.sections[i] : nullptr;
            const Section *b = j >= 0 ? &mAfter.sections[j] : nullptr;
            const Section &s = b ? *b : *a;
            if (a && b && a->heading != b->heading)
                add(PlaceDiff::Kind::Section, tr("Überschrift von Abschnitt %1").arg(s.label), a->heading, b->heading);
            add(PlaceDiff::Kind::Section, sectionLabel(s), a ? contentPlainText(a->content, mBf) : QString(),
                b ? contentPlainText(b->content, mAf) : QString(), a, b);
            // The structured items follow the section that prints them.
            for (const Block &block : s.content) {
                if (block.type == Block::Type::Questions && !mQuestionsDone)
                    questions(false);
                else if (block.type == Block::Type::Answers && !mAnswersDone)
                    questions(true);
                else if (block.type == Block::Type::Beschluss && !mBeschlussDone)
                    beschluss();
            }
        }
    }

    // "Frage 2", "Frage 2 (vorher Frage 3)", "Frage 3 (entfallen)".
    static QString numbered(const QString &pattern, int before, int after)
    {
        if (after < 0)
            return tr("%1 (entfallen)").arg(pattern.arg(before + 1));
        if (before < 0)
            return tr("%1 (neu)").arg(pattern.arg(after + 1));
        if (before != after)
            return tr("%1 (vorher %2)").arg(pattern.arg(after + 1), pattern.arg(before + 1));
        return pattern.arg(after + 1);
    }

    void questions(bool answers)
    {
        (answers ? mAnswersDone : mQuestionsDone) = true;
        const auto merged = mergeById<Question>(mBefore.questions, mAfter.questions, [](const Question &q) { return q.id; });
        for (const auto &[i, j] : merged) {
            const Question *a = i >= 0 ? &mBefore.questions[i] : nullptr;
            const Question *b = j >= 0 ? &mAfter.questions[j] : nullptr;
            if (answers)
                add(PlaceDiff::Kind::Answer, numbered(tr("Antwort zu Frage %1"), i, j),
                    a ? contentPlainText(a->answer, mBf) : QString(), b ? contentPlainText(b->answer, mAf) : QString(),
                    a, b);
            else
                add(PlaceDiff::Kind::Question, numbered(tr("Frage %1"), i, j),
                    a ? paragraphText(a->text, mBf) : QString(), b ? paragraphText(b->text, mAf) : QString(), a, b);
        }
    }

    void beschluss()
    {
        mBeschlussDone = true;
        const auto merged =
            mergeById<BeschlussItem>(mBefore.beschluss, mAfter.beschluss, [](const BeschlussItem &item) { return item.id; });
        for (const auto &[i, j] : merged) {
            const BeschlussItem *a = i >= 0 ? &mBefore.beschluss[i] : nullptr;
            const BeschlussItem *b = j >= 0 ? &mAfter.beschluss[j] : nullptr;
            add(PlaceDiff::Kind::Beschluss, numbered(tr("Beschlusspunkt %1"), i, j),
                a ? paragraphText(a->text, mBf) : QString(), b ? paragraphText(b->text, mAf) : QString(), a, b);
        }
    }

    QString participantName(const Participation &p, const Vorlage &v) const
    {
        QString name;
        if (!p.ressortKey.isEmpty() && mRessorts)
            name = mRessorts->nameOn(p.ressortKey, v.date);
        if (name.isEmpty())
            name = p.name.isEmpty() ? p.ressortKey : p.name;
        return name;
    }

    QString participationText(const Participation &p, const Vorlage &v) const
    {
        QStringList lines{participantName(p, v), tr("Stand: %1").arg(participationStateLabel(p.state))};
        if (p.date.isValid())
            lines << tr("Datum: %1").arg(germanDate(p.date));
        if (!p.text.isEmpty())
            lines << (p.state == Participation::State::Einwaende ? tr("Einwände: %1") : tr("Maßgabe: %1")).arg(p.text);
        if (p.state == Participation::State::Einwaende)
            lines << (p.resolved ? tr("Einwände ausgeräumt") : tr("Einwände offen"));
        return lines.join(newline);
    }

    void beteiligung()
    {
        const auto merged = mergeById<Participation>(mBefore.beteiligung, mAfter.beteiligung,
                                                     [](const Participation &p) { return p.id; });
        for (const auto &[i, j] : merged) {
            const Participation *a = i >= 0 ? &mBefore.beteiligung[i] : nullptr;
            const Participation *b = j >= 0 ? &mAfter.beteiligung[j] : nullptr;
            const QString name = b ? participantName(*b, mAfter) : participantName(*a, mBefore);
            add(PlaceDiff::Kind::Beteiligung, tr("Beteiligung: %1").arg(name),
                a ? participationText(*a, mBefore) : QString(), b ? participationText(*b, mAfter) : QString(), a, b);
        }
    }

    static QString anlageText(const Anlage &a)
    {
        QStringList lines{a.title};
        if (!a.fileName.isEmpty()) {
            // The checksum's start shows a changed file under an unchanged name.
            lines << (a.sha256.isEmpty() ? tr("Datei: %1").arg(a.fileName)
                                         : tr("Datei: %1 (Prüfsumme %2)").arg(a.fileName, a.sha256.left(12)));
        }
        if (a.internal)
            lines << tr("nur für den internen Gebrauch");
        if (!a.licence.isEmpty())
            lines << tr("Lizenz: %1").arg(a.licence);
        if (!a.text.isEmpty())
            lines << a.text;
        return lines.join(newline);
    }

    void anlagen()
    {
        const auto merged = mergeById<Anlage>(mBefore.anlagen, mAfter.anlagen, [](const Anlage &a) { return a.id; });
        for (const auto &[i, j] : merged) {
            const Anlage *a = i >= 0 ? &mBefore.anlagen[i] : nullptr;
            const Anlage *b = j >= 0 ? &mAfter.anlagen[j] : nullptr;
            add(PlaceDiff::Kind::Anlage, numbered(tr("Anlage %1"), i, j), a ? anlageText(*a) : QString(),
                b ? anlageText(*b) : QString(), a, b);
        }
    }

    const Vorlage &mBefore;
    const Vorlage &mAfter;
    const RessortTable *mRessorts;
    const FigureValues *mBf;
    const FigureValues *mAf;
    VorlageDiff mDiff;
    bool mQuestionsDone = false;
    bool mAnswersDone = false;
    bool mBeschlussDone = false;
};

QString htmlText(const QString &text)
{
    QString html = text.toHtmlEscaped();
    html.replace(newline, QStringLiteral("<br/>"));
    return html;
}

} // namespace

QString PlaceDiff::beforeText() const
{
    QString text;
    for (const DiffRun &r : runs) {
        if (r.kind != DiffRun::Kind::Insert)
            text += r.text;
    }
    return text;
}

QString PlaceDiff::afterText() const
{
    QString text;
    for (const DiffRun &r : runs) {
        if (r.kind != DiffRun::Kind::Delete)
            text += r.text;
    }
    return text;
}

bool VorlageDiff::hasChanges() const
{
    return changedCount() > 0;
}

int VorlageDiff::changedCount() const
{
    int n = 0;
    for (const PlaceDiff &p : places)
        n += p.changed ? 1 : 0;
    return n;
}

QString versionLabelText(const VersionLabel &label)
{
    if (label.number <= 0)
        return tr("Aktueller Stand");
    QString text = tr("Fassung %1").arg(label.number);
    if (!label.name.isEmpty())
        text += tr(" „%1“").arg(label.name);
    QStringList details;
    if (label.created.isValid())
        details << germanDate(label.created.toLocalTime().date());
    if (!label.author.isEmpty())
        details << label.author;
    if (!details.isEmpty())
        text += QStringLiteral(" (%1)").arg(details.join(QStringLiteral(", ")));
    return text;
}

QList<DiffRun> diffLines(const QString &before, const QString &after)
{
    QList<DiffRun> runs;
    if (before == after) {
        appendRun(runs, DiffRun::Kind::Equal, before);
        return runs;
    }
    const QList<Segment> segments = lineSegments(splitLines(before), splitLines(after));
    for (int i = 0; i < segments.size(); ++i) {
        const Segment &s = segments[i];
        const bool first = i == 0;
        if (s.equal) {
            // The line break before an equal stretch is in both texts, unless the stretch follows a
            // one-sided hunk that took it (see below).
            if (!first)
                appendRun(runs, DiffRun::Kind::Equal, newline);
            appendRun(runs, DiffRun::Kind::Equal, s.before.join(newline));
            continue;
        }
        if (!s.before.isEmpty() && !s.after.isEmpty()) {
            if (!first)
                appendRun(runs, DiffRun::Kind::Equal, newline);
            for (const DiffRun &r : diffTokens(readingTokens(s.before.join(newline)), readingTokens(s.after.join(newline))))
                appendRun(runs, r.kind, r.text);
            continue;
        }
        // Lines only on one side carry one line break of their own: the one before them, or, at the
        // start, the one after them (which the next equal stretch then does not add again).
        const DiffRun::Kind kind = s.before.isEmpty() ? DiffRun::Kind::Insert : DiffRun::Kind::Delete;
        const QString lines = (s.before.isEmpty() ? s.after : s.before).join(newline);
        if (!first) {
            appendRun(runs, kind, newline + lines);
        } else if (i + 1 < segments.size()) {
            appendRun(runs, kind, lines + newline);
            // The following equal stretch must not add its leading break: emit it here and skip.
            ++i;
            appendRun(runs, DiffRun::Kind::Equal, segments[i].before.join(newline));
        } else {
            appendRun(runs, kind, lines);
        }
    }
    return runs;
}

VorlageDiff compareVorlagen(const Vorlage &before, const Vorlage &after, const RessortTable *ressorts,
                            const FigureValues *beforeFigures, const FigureValues *afterFigures)
{
    return Comparer(before, after, ressorts, beforeFigures, afterFigures).run();
}

QString diffRunsHtml(const QList<DiffRun> &runs)
{
    QString html;
    for (const DiffRun &r : runs) {
        if (r.kind == DiffRun::Kind::Equal) {
            html += htmlText(r.text);
            continue;
        }
        const QString style = r.kind == DiffRun::Kind::Insert
            ? QStringLiteral("text-decoration: underline; color: #0b6b1f; background-color: #e3f4e6;")
            : QStringLiteral("text-decoration: line-through; color: #a8141b; background-color: #fbe5e5;");
        // Spaces at the ends of a change stay unmarked, so the marks cover words; a change of
        // spaces alone stays marked.
        qsizetype start = 0;
        while (start < r.text.size() && r.text.at(start).isSpace())
            ++start;
        qsizetype end = r.text.size();
        while (end > start && r.text.at(end - 1).isSpace())
            --end;
        if (start == end) {
            html += QStringLiteral("<span style=\"%1\">%2</span>").arg(style, htmlText(r.text));
            continue;
        }
        html += htmlText(r.text.left(start));
        html += QStringLiteral("<span style=\"%1\">%2</span>").arg(style, htmlText(r.text.mid(start, end - start)));
        html += htmlText(r.text.mid(end));
    }
    return html;
}

QString vorlageDiffHtml(const VorlageDiff &diff, bool showUnchanged)
{
    QString html = QStringLiteral("<html><body>");
    html += QStringLiteral("<p style=\"color: #444444;\">%1 <span style=\"text-decoration: underline; color: #0b6b1f;\">%2</span>"
                           " · <span style=\"text-decoration: line-through; color: #a8141b;\">%3</span></p>")
                .arg(tr("Legende:").toHtmlEscaped(), tr("eingefügt (unterstrichen)").toHtmlEscaped(),
                     tr("gelöscht (durchgestrichen)").toHtmlEscaped());
    QStringList unchanged;
    for (const PlaceDiff &p : diff.places) {
        if (!p.changed && !showUnchanged) {
            unchanged << p.label.toHtmlEscaped();
            continue;
        }
        QString label = p.label.toHtmlEscaped();
        if (!p.changed)
            label += QStringLiteral(" <span style=\"font-weight: normal; color: #666666;\">(%1)</span>")
                         .arg(tr("unverändert").toHtmlEscaped());
        html += QStringLiteral("<h3>%1</h3>").arg(label);
        html += QStringLiteral("<p style=\"%1\">%2</p>")
                    .arg(p.changed ? QString() : QStringLiteral("color: #666666;"), diffRunsHtml(p.runs));
    }
    if (!diff.hasChanges())
        html += QStringLiteral("<p><b>%1</b></p>").arg(tr("Die beiden Fassungen stimmen überein.").toHtmlEscaped());
    if (!unchanged.isEmpty())
        html += QStringLiteral("<p style=\"color: #444444;\"><i>%1</i> %2</p>")
                    .arg(tr("Unverändert:").toHtmlEscaped(), unchanged.join(QStringLiteral(", ")));
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace vw
