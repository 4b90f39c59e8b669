#include "annotation.h"

#include "textdiff.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>
#include <limits>
#include <tuple>
#include <type_traits>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Annotation", text);
}

// The editor shows a quoted figure as one inline object; anchors count it as one character.
constexpr QChar objectReplacement(0xFFFC);

// Plain string fields of the Vorlage that can carry an annotation.
struct HeaderField {
    const char *key;
    QString Vorlage::*member;
    const char *label;   // "Titel"
    const char *inLabel; // "im Titel", for messages
};

const HeaderField headerFields[] = {
    {"title", &Vorlage::title, QT_TRANSLATE_NOOP("vw::Annotation", "Titel"),
     QT_TRANSLATE_NOOP("vw::Annotation", "im Titel")},
    {"subtitle", &Vorlage::subtitle, QT_TRANSLATE_NOOP("vw::Annotation", "Untertitel"),
     QT_TRANSLATE_NOOP("vw::Annotation", "im Untertitel")},
    {"questionNumber", &Vorlage::questionNumber, QT_TRANSLATE_NOOP("vw::Annotation", "Nummer der Anfrage"),
     QT_TRANSLATE_NOOP("vw::Annotation", "in der Nummer der Anfrage")},
    {"fileCode", &Vorlage::fileCode, QT_TRANSLATE_NOOP("vw::Annotation", "Aktenzeichen"),
     QT_TRANSLATE_NOOP("vw::Annotation", "im Aktenzeichen")},
    {"body", &Vorlage::body, QT_TRANSLATE_NOOP("vw::Annotation", "Gremium"),
     QT_TRANSLATE_NOOP("vw::Annotation", "im Gremium")},
    {"questionSignatories", &Vorlage::questionSignatories, QT_TRANSLATE_NOOP("vw::Annotation", "Fragesteller"),
     QT_TRANSLATE_NOOP("vw::Annotation", "bei den Fragestellern")},
    {"fraktion", &Vorlage::fraktion, QT_TRANSLATE_NOOP("vw::Annotation", "Fraktion"),
     QT_TRANSLATE_NOOP("vw::Annotation", "bei der Fraktion")},
};

const HeaderField *headerField(const QString &key)
{
    for (const HeaderField &f : headerFields) {
        if (key == QLatin1String(f.key))
            return &f;
    }
    return nullptr;
}

int questionIndex(const Vorlage &v, const QString &id)
{
    for (int i = 0; i < v.questions.size(); ++i) {
        if (v.questions.at(i).id == id)
            return i;
    }
    return -1;
}

int beschlussIndex(const Vorlage &v, const QString &id)
{
    for (int i = 0; i < v.beschluss.size(); ++i) {
        if (v.beschluss.at(i).id == id)
            return i;
    }
    return -1;
}

// Paragraph, or const Paragraph when reading through a const Vorlage or Content.
template<typename Owner>
using ParagraphOf = std::conditional_t<std::is_const_v<Owner>, const Paragraph, Paragraph>;

// The paragraphs of a content, one per line of anchorText(): paragraphs, list items and table cells.
// Through a non-const content every list on the way is detached from copies sharing it, so the
// paragraphs can be changed.
template<typename C>
QList<ParagraphOf<C> *> contentLines(C &content)
{
    QList<ParagraphOf<C> *> lines;
    for (auto &b : content) {
        switch (b.type) {
        case Block::Type::Paragraph:
            lines.append(&b.paragraph);
            break;
        case Block::Type::BulletList:
        case Block::Type::NumberedList:
            for (auto &p : b.items)
                lines.append(&p);
            break;
        case Block::Type::Table:
            for (auto &row : b.rows) {
                for (auto &cell : row)
                    lines.append(&cell);
            }
            break;
        case Block::Type::Questions:
        case Block::Type::Answers:
        case Block::Type::Beschluss:
            break;
        }
    }
    return lines;
}

// The lines of a place that is made of paragraphs (every place but a header field); empty when
// the place is gone or is a header field.
template<typename V>
QList<ParagraphOf<V> *> placeLines(V &v, const Place &place)
{
    switch (place.kind) {
    case Place::Kind::Header:
        break;
    case Place::Kind::Section:
        if (auto *s = v.section(place.field))
            return contentLines(s->content);
        break;
    case Place::Kind::Question:
        if (const int i = questionIndex(v, place.itemId); i >= 0)
            return {&v.questions[i].text};
        break;
    case Place::Kind::Answer:
        if (const int i = questionIndex(v, place.itemId); i >= 0)
            return contentLines(v.questions[i].answer);
        break;
    case Place::Kind::Beschluss:
        if (const int i = beschlussIndex(v, place.itemId); i >= 0)
            return {&v.beschluss[i].text};
        break;
    case Place::Kind::Beteiligung:
    case Place::Kind::Anlage:
        break;
    }
    return {};
}

QString lineText(const Paragraph &p)
{
    QString text;
    for (const Span &s : p.spans)
        text += s.isFigure() ? QString(objectReplacement) : s.text;
    return text;
}

// "in Abschnitt C", "im Titel": the place as it reads inside a sentence.
QString placeInSentence(const Vorlage &v, const Place &place)
{
    switch (place.kind) {
    case Place::Kind::Header:
        if (const HeaderField *f = headerField(place.field))
            return tr(f->inLabel);
        break;
    case Place::Kind::Section:
        return tr("in Abschnitt %1").arg(place.field);
    case Place::Kind::Question:
        return tr("in Frage %1").arg(questionIndex(v, place.itemId) + 1);
    case Place::Kind::Answer:
        return tr("in der Antwort zu Frage %1").arg(questionIndex(v, place.itemId) + 1);
    case Place::Kind::Beschluss:
        return tr("in Beschlusspunkt %1").arg(beschlussIndex(v, place.itemId) + 1);
    case Place::Kind::Beteiligung:
    case Place::Kind::Anlage:
        break;
    }
    return tr("in „%1“").arg(placeLabel(v, place));
}

// A quote as it appears in a message: long ones shortened, figures shown as "[Zahl]".
QString shortQuote(const QString &quote)
{
    QString q = quote;
    q.replace(objectReplacement, tr("[Zahl]"));
    q.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (q.size() > 60)
        q = q.left(57) + QStringLiteral("…");
    return q;
}

QString placeGoneMessage(const Vorlage &v, const Place &place)
{
    return tr("Die Stelle „%1“ gibt es in der Vorlage nicht (mehr).").arg(placeLabel(v, place));
}

// Replaces [from, to) of the paragraph's anchor text (figures count one character) by `text`, in
// the format of the first replaced character (or of the one before an empty range). Figure quotes
// inside the range go with it.
void replaceInParagraph(Paragraph *p, int from, int to, const QString &text)
{
    bool bold = false;
    bool italic = false;
    if (!p->spans.isEmpty()) {
        bold = p->spans.first().bold;
        italic = p->spans.first().italic;
    }
    int pos = 0;
    for (const Span &s : std::as_const(p->spans)) {
        const int len = s.isFigure() ? 1 : int(s.text.size());
        if (from < to ? (pos <= from && from < pos + len) : (pos < from && from <= pos + len)) {
            bold = s.bold;
            italic = s.italic;
            break;
        }
        pos += len;
    }

    Paragraph left;
    Paragraph right;
    pos = 0;
    for (const Span &s : std::as_const(p->spans)) {
        const int len = s.isFigure() ? 1 : int(s.text.size());
        const int spanEnd = pos + len;
        if (s.isFigure()) {
            if (spanEnd <= from)
                left.append(s);
            else if (pos >= to)
                right.append(s);
            // else: inside the range, replaced with the text
        } else {
            if (pos < from) {
                Span piece = s;
                piece.text = s.text.left(from - pos);
                left.append(piece);
            }
            if (spanEnd > to) {
                Span piece = s;
                piece.text = s.text.mid(std::max(0, to - pos));
                right.append(piece);
            }
        }
        pos = spanEnd;
    }
    left.append(Span{text, bold, italic});
    for (const Span &s : std::as_const(right.spans))
        left.append(s);
    *p = left;
}

} // namespace

QString placeLabel(const Vorlage &vorlage, const Place &place)
{
    switch (place.kind) {
    case Place::Kind::Header:
        if (const HeaderField *f = headerField(place.field))
            return tr(f->label);
        return place.field;
    case Place::Kind::Section:
        return tr("Abschnitt %1").arg(place.field);
    case Place::Kind::Question: {
        const int i = questionIndex(vorlage, place.itemId);
        return i >= 0 ? tr("Frage %1").arg(i + 1) : tr("Frage (gelöscht)");
    }
    case Place::Kind::Answer: {
        const int i = questionIndex(vorlage, place.itemId);
        return i >= 0 ? tr("Antwort zu Frage %1").arg(i + 1) : tr("Antwort (gelöscht)");
    }
    case Place::Kind::Beschluss: {
        const int i = beschlussIndex(vorlage, place.itemId);
        return i >= 0 ? tr("Beschlusspunkt %1").arg(i + 1) : tr("Beschlusspunkt (gelöscht)");
    }
    case Place::Kind::Beteiligung:
        for (const Participation &p : vorlage.beteiligung) {
            if (p.id == place.itemId)
                return tr("Beteiligung: %1").arg(p.name.isEmpty() ? p.ressortKey : p.name);
        }
        return tr("Beteiligung (gelöscht)");
    case Place::Kind::Anlage:
        for (const Anlage &a : vorlage.anlagen) {
            if (a.id == place.itemId)
                return tr("Anlage „%1“").arg(a.title);
        }
        return tr("Anlage (gelöscht)");
    }
    return {};
}

QString anchorText(const Vorlage &vorlage, const Place &place)
{
    if (place.kind == Place::Kind::Header) {
        const HeaderField *f = headerField(place.field);
        return f ? vorlage.*(f->member) : QString();
    }
    QStringList lines;
    for (const Paragraph *p : placeLines(vorlage, place))
        lines.append(lineText(*p));
    return lines.join(QLatin1Char('\n'));
}

bool placeExists(const Vorlage &vorlage, const Place &place)
{
    switch (place.kind) {
    case Place::Kind::Header:
        return headerField(place.field) != nullptr;
    case Place::Kind::Section:
        return vorlage.section(place.field) != nullptr;
    case Place::Kind::Question:
    case Place::Kind::Answer:
        return questionIndex(vorlage, place.itemId) >= 0;
    case Place::Kind::Beschluss:
        return beschlussIndex(vorlage, place.itemId) >= 0;
    case Place::Kind::Beteiligung:
    case Place::Kind::Anlage:
        return false;
    }
    return false;
}

QString suggestionKey(Annotation::Suggestion s)
{
    switch (s) {
    case Annotation::Suggestion::None:
        return {};
    case Annotation::Suggestion::Open:
        return QStringLiteral("open");
    case Annotation::Suggestion::Accepted:
        return QStringLiteral("accepted");
    case Annotation::Suggestion::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

bool suggestionFromKey(const QString &key, Annotation::Suggestion *s)
{
    for (const auto candidate : {Annotation::Suggestion::None, Annotation::Suggestion::Open,
                                 Annotation::Suggestion::Accepted, Annotation::Suggestion::Rejected}) {
        if (key == suggestionKey(candidate)) {
            *s = candidate;
            return true;
        }
    }
    return false;
}

namespace {

// Every range of the place's anchor text that holds `quote`, by start: as typed in the anchor text
// (a figure as U+FFFC) or as printed, a figure as its value ("3027 Notebooks"); a match that starts
// or ends inside a printed value takes the whole figure.
QList<Anchor> quoteMatches(const Vorlage &vorlage, const Place &place, const QString &quote,
                           const FigureValues *figures)
{
    const QString text = anchorText(vorlage, place);
    QList<Anchor> found;
    const auto add = [&](int start, int end) {
        Anchor a;
        a.place = place;
        a.start = start;
        a.end = end;
        a.quote = text.mid(start, end - start);
        if (!found.contains(a))
            found.append(a);
    };
    for (qsizetype i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1))
        add(int(i), int(i + quote.size()));

    if (place.kind != Place::Kind::Header) {
        // The printed text, and for each of its characters where its unit begins and ends in the anchor text.
        QString printed;
        QList<int> unitStart;
        QList<int> unitEnd;
        int offset = 0;
        const QList<const Paragraph *> lines = placeLines(vorlage, place);
        for (int l = 0; l < lines.size(); ++l) {
            if (l > 0) {
                printed += QLatin1Char('\n');
                unitStart << offset;
                unitEnd << ++offset;
            }
            for (const Span &s : lines[l]->spans) {
                const QString piece = s.isFigure() ? s.printed(figures) : s.text;
                for (qsizetype c = 0; c < piece.size(); ++c) {
                    unitStart << (s.isFigure() ? offset : offset + int(c));
                    unitEnd << (s.isFigure() ? offset + 1 : offset + int(c) + 1);
                }
                printed += piece;
                offset += s.isFigure() ? 1 : int(s.text.size());
            }
        }
        for (qsizetype i = printed.indexOf(quote); i >= 0; i = printed.indexOf(quote, i + 1))
            add(unitStart[i], unitEnd[i + quote.size() - 1]);
    }
    std::sort(found.begin(), found.end(), [](const Anchor &a, const Anchor &b) {
        return std::tie(a.start, a.end) < std::tie(b.start, b.end);
    });
    return found;
}

// Picks the occurrence from the matches, or says why not ("… kommt in Abschnitt B 2-mal vor").
Result<Anchor> chooseOccurrence(const QList<Anchor> &matches, const QString &quote, const QString &where, int occurrence)
{
    if (matches.isEmpty())
        return Error{tr("Der Text „%1“ kommt %2 nicht vor.").arg(shortQuote(quote), where)};
    if (occurrence == 0 && matches.size() > 1)
        return Error{tr("Der Text „%1“ kommt %2 %3-mal vor; geben Sie an, welches Vorkommen gemeint ist.")
                         .arg(shortQuote(quote), where)
                         .arg(matches.size())};
    if (occurrence > matches.size())
        return Error{tr("Der Text „%1“ kommt %2 nur %3-mal vor, nicht %4-mal.")
                         .arg(shortQuote(quote), where)
                         .arg(matches.size())
                         .arg(occurrence)};
    return matches.at(occurrence == 0 ? 0 : occurrence - 1);
}

Result<void> checkQuery(const QString &quote, int occurrence)
{
    if (quote.isEmpty())
        return Error{tr("Geben Sie den Text an, auf den sich die Anmerkung bezieht.")};
    if (occurrence < 0)
        return Error{tr("Das Vorkommen muss eine positive Zahl sein.")};
    return {};
}

} // namespace

Result<Anchor> findAnchor(const Vorlage &vorlage, const Place &place, const QString &quote, int occurrence,
                          const FigureValues *figures)
{
    if (!placeExists(vorlage, place))
        return Error{placeGoneMessage(vorlage, place)};
    if (auto r = checkQuery(quote, occurrence); !r)
        return r.failure();
    return chooseOccurrence(quoteMatches(vorlage, place, quote, figures), quote, placeInSentence(vorlage, place),
                            occurrence);
}

Result<Anchor> findAnchorInSection(const Vorlage &vorlage, const QString &label, const QString &quote, int occurrence,
                                   const FigureValues *figures)
{
    const Place sectionPlace{Place::Kind::Section, label, {}};
    const Section *section = vorlage.section(label);
    if (!section)
        return Error{placeGoneMessage(vorlage, sectionPlace)};
    if (auto r = checkQuery(quote, occurrence); !r)
        return r.failure();

    // Reading order: the section's own lines block by block, a placeholder's items where it stands.
    const QList<Anchor> own = quoteMatches(vorlage, sectionPlace, quote, figures);
    const QString ownText = anchorText(vorlage, sectionPlace);
    QList<Anchor> matches;
    int line = 0; // the first line of the next block in the section's anchor text
    int next = 0; // the next of the section's own matches
    const auto ownUpTo = [&](int endLine) {
        for (; next < own.size() && int(ownText.left(own[next].start).count(QLatin1Char('\n'))) < endLine; ++next)
            matches << own[next];
    };
    for (const Block &b : section->content) {
        switch (b.type) {
        case Block::Type::Paragraph:
            line += 1;
            break;
        case Block::Type::BulletList:
        case Block::Type::NumberedList:
            line += int(b.items.size());
            break;
        case Block::Type::Table:
            for (const auto &row : b.rows)
                line += int(row.size());
            break;
        case Block::Type::Questions:
        case Block::Type::Answers:
            ownUpTo(line);
            for (const Question &q : vorlage.questions)
                matches += quoteMatches(vorlage,
                                        {b.type == Block::Type::Questions ? Place::Kind::Question : Place::Kind::Answer,
                                         {}, q.id},
                                        quote, figures);
            break;
        case Block::Type::Beschluss:
            ownUpTo(line);
            for (const BeschlussItem &item : vorlage.beschluss)
                matches += quoteMatches(vorlage, {Place::Kind::Beschluss, {}, item.id}, quote, figures);
            break;
        }
    }
    ownUpTo(std::numeric_limits<int>::max());
    return chooseOccurrence(matches, quote, placeInSentence(vorlage, sectionPlace), occurrence);
}

bool isReplaced(const QList<DiffRun> &runs, int start, int end)
{
    int survived = 0;
    int insertedAt = 0; // typed in the range or at its edges
    int b = 0;
    for (const DiffRun &run : runs) {
        const int len = int(run.text.size());
        if (run.kind == DiffRun::Kind::Insert) {
            if (start <= b && b <= end)
                insertedAt += len;
            continue;
        }
        if (run.kind == DiffRun::Kind::Equal)
            survived += std::max(0, std::min(b + len, end) - std::max(b, start));
        b += len;
    }
    // Less than a quarter left is a few stray letters the diff happened to match, not the words.
    return survived * 4 < end - start || (survived * 2 < end - start && insertedAt > 0);
}

bool remapAnchors(const Vorlage &before, const Vorlage &after, QList<Anchor *> anchors)
{
    struct PlaceDiff {
        bool existedBefore = false;
        bool exists = false;
        bool changed = false;
        QList<DiffRun> runs;
    };
    QHash<QString, PlaceDiff> diffs; // one diff per place, however many anchors it has
    bool anyChanged = false;
    for (Anchor *anchor : anchors) {
        if (!anchor || anchor->detached)
            continue;
        const QString key = placeKey(anchor->place);
        auto it = diffs.find(key);
        if (it == diffs.end()) {
            PlaceDiff d;
            d.existedBefore = placeExists(before, anchor->place);
            d.exists = placeExists(after, anchor->place);
            if (d.existedBefore && d.exists) {
                const QString textBefore = anchorText(before, anchor->place);
                const QString textAfter = anchorText(after, anchor->place);
                d.changed = textBefore != textAfter;
                if (d.changed)
                    d.runs = diffChars(textBefore, textAfter);
            }
            it = diffs.insert(key, d);
        }
        if (!it->exists) {
            anchor->detached = true;
            anyChanged = true;
            continue;
        }
        if (!it->existedBefore || !it->changed)
            continue;
        int start = anchor->start;
        int end = anchor->end;
        if (remapRange(it->runs, &start, &end)) {
            if (isReplaced(it->runs, anchor->start, anchor->end)) {
                anchor->detached = true;
                anyChanged = true;
            } else if (start != anchor->start || end != anchor->end) {
                anchor->start = start;
                anchor->end = end;
                anyChanged = true;
            }
        } else {
            anchor->detached = true;
            anyChanged = true;
        }
    }
    return anyChanged;
}

Result<void> replaceAnchoredText(Vorlage &vorlage, const Anchor &anchor, const QString &replacement)
{
    if (anchor.detached)
        return Error{tr("Der Text „%1“, auf den sich der Vorschlag bezieht, wurde gelöscht.")
                         .arg(shortQuote(anchor.quote))};
    if (!placeExists(vorlage, anchor.place))
        return Error{placeGoneMessage(vorlage, anchor.place)};
    const QString text = anchorText(vorlage, anchor.place);
    if (anchor.start < 0 || anchor.end < anchor.start || anchor.end > text.size()
        || text.mid(anchor.start, anchor.end - anchor.start) != anchor.quote)
        return Error{tr("Der Text „%1“ wurde inzwischen geändert; der Vorschlag kann nicht übernommen werden.")
                         .arg(shortQuote(anchor.quote))};
    if (anchor.quote.contains(QLatin1Char('\n')))
        return Error{tr("Der Vorschlag reicht über mehrere Absätze; bitte übernehmen Sie ihn von Hand.")};
    if (replacement.contains(QLatin1Char('\n')) || replacement.contains(QChar::ParagraphSeparator))
        return Error{tr("Der vorgeschlagene Text enthält einen Absatzwechsel; bitte übernehmen Sie ihn von Hand.")};

    if (anchor.place.kind == Place::Kind::Header) {
        const HeaderField *f = headerField(anchor.place.field);
        (vorlage.*(f->member)).replace(anchor.start, anchor.end - anchor.start, replacement);
        return {};
    }

    // The place's lines are paragraphs of `vorlage` itself. They are reached through non-const access,
    // so that lists shared with copies of the Vorlage (an open document) are detached first.
    int lineStart = 0;
    for (Paragraph *line : placeLines(vorlage, anchor.place)) {
        const int length = int(lineText(*line).size());
        if (anchor.start >= lineStart && anchor.end <= lineStart + length) {
            replaceInParagraph(line, anchor.start - lineStart, anchor.end - lineStart, replacement);
            return {};
        }
        lineStart += length + 1;
    }
    return Error{tr("Der Vorschlag reicht über mehrere Absätze; bitte übernehmen Sie ihn von Hand.")};
}

} // namespace vw
