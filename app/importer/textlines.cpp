// Line-level clean-up of imported text: line splitting, page furniture, stamps, hyphenation.
#include "importdetail.h"

#include "vorlage.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace vw::importdetail {

namespace {

constexpr auto reOptions = QRegularExpression::UseUnicodePropertiesOption;
constexpr auto reOptionsCi =
    QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption;

// Characters that are not text: C0/C1 controls except the line structure, which the caller handles.
QChar cleanChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\t' || u == 0x00A0 || u == 0x2007 || u == 0x202F)
        return QLatin1Char(' ');
    // Qt PDF (pdfium) reports a hyphen at the end of a line as U+FFFE (or U+0002): a hyphen, whether
    // it stays when the lines are joined is for joinWrappedLines() to decide.
    if (u == 0x0002 || u == 0xFFFE)
        return QLatin1Char('-');
    if (u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0xFEFF)
        return QLatin1Char(' ');
    return c;
}

const QRegularExpression &stampRe()
{
    static const QRegularExpression re(
        QStringLiteral(
            "In\\s+der\\s+Senatssitzung\\s+am\\s+(\\d{1,2}\\.\\s*(?:\\d{1,2}\\.\\s*\\d{2,4}|\\p{L}+\\s+\\d{4}))"
            "\\s+beschlossene\\s+Fassung"),
        reOptionsCi);
    return re;
}

bool isFooterLine(const QString &text)
{
    static const QRegularExpression seite(
        QStringLiteral("^[-–—]?\\s*(?:Seite|S\\.)\\s*\\d{1,3}(?:\\s*(?:von|/)\\s*\\d{1,3})?\\s*[-–—]?$"),
        reOptionsCi);
    static const QRegularExpression dashed(QStringLiteral("^[-–—]\\s*\\d{1,3}\\s*[-–—]$"), reOptions);
    return seite.match(text).hasMatch() || dashed.match(text).hasMatch();
}

bool looksLikeHeaderField(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\W*(?:%1|(?:Tisch)?[Vv]orlage für|Neufassung)").arg(ressortPrefixPattern()), reOptions);
    return re.match(text).hasMatch();
}

bool endsParagraph(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("[.!?:;][\"“”»«)*_]*$"), reOptions);
    return re.match(text).hasMatch();
}

QString lastWord(const QString &text)
{
    int i = text.size();
    while (i > 0 && (text.at(i - 1).isLetter() || text.at(i - 1) == QLatin1Char('-')))
        --i;
    return text.mid(i);
}

QString firstWord(const QString &text)
{
    int i = 0;
    while (i < text.size() && (text.at(i).isLetter() || text.at(i) == QLatin1Char('.')))
        ++i;
    return text.left(i);
}

} // namespace

QString ressortPrefixPattern()
{
    // Below a first Ressort, a second one is sometimes printed without its article ("Senator für Finanzen").
    return QStringLiteral("Der Senator|Die Senatorin|Der Präsident|Die Präsidentin|Senatskanzlei|"
                          "Der Bevollmächtigte|Die Bevollmächtigte|(?<!Der )(?<!Die )Senator(?:in)? für");
}

QList<SourceLine> splitSourceLines(const QString &input)
{
    QList<SourceLine> lines;
    int number = 1;
    bool pendingPage = false;
    QString current;
    auto flush = [&]() {
        SourceLine l;
        l.number = number;
        l.raw = current;
        l.text = current.trimmed();
        if (!l.text.isEmpty() && pendingPage) {
            l.pageStart = true;
            pendingPage = false;
        }
        lines.append(l);
        current.clear();
    };
    for (qsizetype i = 0; i < input.size(); ++i) {
        const QChar c = input.at(i);
        const char16_t u = c.unicode();
        if (u == u'\r' || u == u'\n' || u == 0x2028 || u == 0x2029 || u == 0x85) {
            if (u == u'\r' && i + 1 < input.size() && input.at(i + 1) == QLatin1Char('\n'))
                ++i;
            flush();
            ++number;
        } else if (u == u'\f') {
            if (!current.trimmed().isEmpty())
                flush();
            current.clear();
            pendingPage = true;
        } else {
            current.append(cleanChar(c));
        }
    }
    if (!current.isEmpty())
        flush();
    return lines;
}

QDate removePageFurniture(QList<SourceLine> &lines)
{
    QDate stampDate;

    // Stamps of the decided version, on one line or broken after the date; wherever they are.
    static const QRegularExpression stampStart(
        QStringLiteral(
            "^\\W*In\\s+der\\s+Senatssitzung\\s+am\\s+(\\d{1,2}\\.\\s*(?:\\d{1,2}\\.\\s*\\d{2,4}|\\p{L}+\\s+"
            "\\d{4}))\\W*$"),
        reOptionsCi);
    static const QRegularExpression stampEnd(QStringLiteral("^\\W*beschlossene\\s+Fassung\\W*$"),
                                             reOptionsCi);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        SourceLine &l = lines[i];
        if (l.skip || l.isBlank())
            continue;
        if (auto m = stampRe().match(l.text); m.hasMatch()) {
            if (!stampDate.isValid())
                stampDate = parseGermanDate(m.captured(1).simplified());
            QString rest = l.text;
            rest.remove(m.capturedStart(), m.capturedLength());
            if (stripMarkup(rest).isEmpty())
                l.skip = true;
            else
                l.text = rest.trimmed();
            continue;
        }
        if (auto m = stampStart.match(l.text); m.hasMatch()) {
            qsizetype j = i + 1;
            while (j < lines.size() && lines[j].isBlank())
                ++j;
            if (j < lines.size() && stampEnd.match(lines[j].text).hasMatch()) {
                if (!stampDate.isValid())
                    stampDate = parseGermanDate(m.captured(1).simplified());
                l.skip = true;
                lines[j].skip = true;
            }
        }
    }

    // Footers that say what they are, on any page.
    static const QRegularExpression trailingFooter(
        QStringLiteral("\\s{2,}(?:Seite|S\\.)\\s*\\d{1,3}\\s*(?:von|/)\\s*\\d{1,3}$"), reOptionsCi);
    for (SourceLine &l : lines) {
        if (l.skip || l.isBlank())
            continue;
        const QString plain = stripMarkup(l.text);
        if (isFooterLine(plain)) {
            l.skip = true;
        } else if (auto m = trailingFooter.match(l.text); m.hasMatch()) {
            l.text = l.text.left(m.capturedStart()).trimmed();
        }
    }

    // Pages: index ranges in `lines`.
    QList<QPair<qsizetype, qsizetype>> pages;
    qsizetype begin = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].pageStart && i > begin) {
            pages.append({begin, i});
            begin = i;
        }
    }
    pages.append({begin, lines.size()});
    if (pages.size() < 2)
        return stampDate;

    auto contentLines = [&](const QPair<qsizetype, qsizetype> &page) {
        QList<qsizetype> idx;
        for (qsizetype i = page.first; i < page.second; ++i) {
            if (!lines[i].skip && !lines[i].isBlank())
                idx.append(i);
        }
        return idx;
    };

    // Lone page numbers at the top or foot of a page.
    static const QRegularExpression loneNumber(QStringLiteral("^\\d{1,3}$"));
    for (const auto &page : pages) {
        const QList<qsizetype> idx = contentLines(page);
        if (idx.isEmpty())
            continue;
        if (loneNumber.match(lines[idx.first()].text).hasMatch())
            lines[idx.first()].skip = true;
        if (idx.size() > 1 && loneNumber.match(lines[idx.last()].text).hasMatch())
            lines[idx.last()].skip = true;
    }

    // Running heads and feet: the same line among the first or last two lines of several pages.
    constexpr int zone = 2;
    QHash<QString, int> pagesWithLine;
    QList<QList<qsizetype>> zones;
    for (const auto &page : pages) {
        const QList<qsizetype> idx = contentLines(page);
        QList<qsizetype> z;
        for (int k = 0; k < idx.size() && k < zone; ++k)
            z.append(idx[k]);
        for (int k = qMax<qsizetype>(zone, idx.size() - zone); k < idx.size(); ++k)
            z.append(idx[k]);
        QSet<QString> seen;
        for (qsizetype i : z)
            seen.insert(lines[i].text.simplified());
        for (const QString &key : seen)
            ++pagesWithLine[key];
        zones.append(z);
    }
    for (int p = 0; p < zones.size(); ++p) {
        for (qsizetype i : zones[p]) {
            const QString key = lines[i].text.simplified();
            if (pagesWithLine.value(key) < 2)
                continue;
            // The first page's head is the document's own header: keep its Ressort lines.
            if (p == 0 && looksLikeHeaderField(key))
                continue;
            lines[i].skip = true;
        }
    }

    // A running head that repeats (part of) the title from the first page: in a document of two
    // pages it appears only once, so the rule above does not catch it.
    const QList<qsizetype> firstPage = contentLines(pages.first()).mid(0, 12);
    for (qsizetype p = 1; p < pages.size(); ++p) {
        const QList<qsizetype> idx = contentLines(pages[p]);
        if (idx.isEmpty())
            continue;
        const QString head = lines[idx.first()].text.simplified();
        if (head.size() < 15 || endsParagraph(head))
            continue;
        for (qsizetype i : firstPage) {
            const QString candidate = stripMarkup(lines[i].text);
            if (candidate.contains(head) && !looksLikeHeaderField(candidate)) {
                lines[idx.first()].skip = true;
                break;
            }
        }
    }

    // A paragraph that runs on over a page break continues; one that ended before it does not.
    for (int p = 1; p < pages.size(); ++p) {
        qsizetype prev = -1;
        for (qsizetype i = pages[p].first - 1; i >= 0; --i) {
            if (!lines[i].skip && !lines[i].isBlank()) {
                prev = i;
                break;
            }
        }
        qsizetype next = -1;
        for (qsizetype i = pages[p].first; i < lines.size(); ++i) {
            if (!lines[i].skip && !lines[i].isBlank()) {
                next = i;
                break;
            }
        }
        if (prev < 0 || next < 0)
            continue;
        if (endsParagraph(lines[prev].text)) {
            lines[next].breakBefore = true;
        } else {
            for (qsizetype i = prev + 1; i < next; ++i) {
                if (lines[i].isBlank())
                    lines[i].skip = true;
            }
        }
    }
    return stampDate;
}

QString joinWrappedLines(const QStringList &lines, const QString &document)
{
    static const QSet<QString> conjunctions = {
        QStringLiteral("und"),        QStringLiteral("oder"),  QStringLiteral("bzw."),
        QStringLiteral("bzw"),        QStringLiteral("sowie"), QStringLiteral("als"),
        QStringLiteral("wie"),        QStringLiteral("noch"),  QStringLiteral("bis"),
        QStringLiteral("respektive"), QStringLiteral("u."),    QStringLiteral("o."),
        QStringLiteral("und/oder"),   QStringLiteral("statt")};
    QString out;
    for (const QString &line : lines) {
        const QString l = line.trimmed();
        if (l.isEmpty())
            continue;
        if (out.isEmpty()) {
            out = l;
            continue;
        }
        if (out.endsWith(QChar(0x00AD))) {
            out.chop(1);
            out += l;
            continue;
        }
        const bool hyphenated = out.endsWith(QLatin1Char('-')) && out.size() >= 2 &&
                                out.at(out.size() - 2).isLetter() && l.at(0).isLetter();
        if (!hyphenated) {
            out += QLatin1Char(' ') + l;
            continue;
        }
        if (!l.at(0).isLower()) {
            out += l; // a compound: "Corona-" + "Krise", "IT-" + "Systeme"
            continue;
        }
        const QString next = firstWord(l);
        if (conjunctions.contains(next) || conjunctions.contains(l.section(QLatin1Char(' '), 0, 0))) {
            out += QLatin1Char(' ') + l; // "Sicherheits- und datenschutzrechtlich"
            continue;
        }
        const QString left = lastWord(out.left(out.size() - 1));
        // Compare the stem only: "öffentlich-rechtliche" elsewhere vouches for "öffentlich-" + "rechtlicher".
        const QString stem = (next.endsWith(QLatin1Char('.')) ? next.chopped(1) : next).left(5);
        if (!document.isEmpty() && !left.isEmpty() && !stem.isEmpty() &&
            document.contains(left + QLatin1Char('-') + stem)) {
            out += l; // "öffentlich-" + "rechtlich", written with a hyphen elsewhere in the text
            continue;
        }
        out.chop(1);
        out += l;
    }
    out.remove(QChar(0x00AD));
    return out;
}

} // namespace vw::importdetail
