#include "textimporter.h"

#include "importdetail.h"
#include "templates.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>

namespace vw {

namespace importdetail {

namespace {

constexpr auto reOptions = QRegularExpression::UseUnicodePropertiesOption;
constexpr auto reOptionsCi =
    QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption;

const QString datePattern =
    QStringLiteral("\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})|\\d{1,2}\\.\\s*\\p{L}+\\s+\\d{4}");
const QString ressortPrefix = ressortPrefixPattern();
const QString letters = QStringLiteral("ABCDEFG");

// A line of a section body, with the text it contributes (a "Zu Frage 1: …" line contributes
// only what follows the marker).
struct BodyLine {
    qsizetype index = -1;
    QString text;
    bool blank = true;
    bool breakBefore = false;
};

struct RawItem {
    QStringList texts;
};

struct RawBlock {
    Block::Type type = Block::Type::Paragraph;
    QList<RawItem> items;
    int lastNumber = 0;
    QString marker; // the bullet character: another one starts another list
};

struct ParsedSection {
    QString label;
    QString heading;
    QList<qsizetype> lines; // body lines (indices into the source lines), blanks included
};

struct Header {
    QList<RessortRef> ressorts;
    QDate date;
    QDate sessionDate;
    bool hasPaperKind = false;
    PaperKind paperKind = PaperKind::Vorlage;
    QString body;
    bool deputation = false;
    bool vortraege = false;
    QString questionNumber;
    QString title;
    QString subtitle;
    QStringList references;
    QString fileCode;
    bool vorlageLine = false;
};

// First words of the section headings the templates know, per letter: a heading that skips a
// letter is only taken when it reads like the heading the template expects there.
const QList<QStringList> &headingStems()
{
    static const QList<QStringList> stems = [] {
        QList<QStringList> result(letters.size());
        for (VorlageKind kind : allKinds()) {
            for (const Section &s : vorlageFromTemplate(kind).sections) {
                const qsizetype idx = letters.indexOf(s.label);
                if (s.label.size() != 1 || idx < 0)
                    continue;
                const QString stem = s.heading.section(QLatin1Char(' '), 0, 0).left(6);
                if (!stem.isEmpty() && !result[idx].contains(stem))
                    result[idx].append(stem);
            }
        }
        return result;
    }();
    return stems;
}

bool endsWithLinkWord(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral(
            "(?:\\s(?:dem|der|den|des|die|das|und|oder|nach|für|von|vom|zur|zum|mit|im|in|über|bei|auf|an|zu|"
            "sowie|gemäß|bzw\\.)|[,\\-–])$"),
        reOptionsCi);
    return re.match(text).hasMatch();
}

// "Zu Frage 2:", "Zu Frage 2", "Zu Frage 2.", "**Zu Frage 2:** text", "Zu den Fragen 2 und 3:".
const QRegularExpression &zuFrageRe()
{
    static const QRegularExpression re(
        QStringLiteral(
            "^[#*_\\s]*Zu\\s+(?:den\\s+)?Fragen?\\s+(\\d{1,2})((?:\\s*(?:,|und|bis|sowie|-|–)\\s*\\d{1,2})*)"
            "(?:\\s*[:.)][*_]*\\s*(.*)|[*_]*\\s*)$"),
        reOptions);
    return re;
}

bool isQuestionKind(VorlageKind kind)
{
    return kind == VorlageKind::Fragestunde || kind == VorlageKind::KleineAnfrage ||
           kind == VorlageKind::GrosseAnfrage;
}

class Parser {
public:
    Parser(const QString &text, const RessortTable &ressorts, const QString &subject)
        : mDocument(text), mRessorts(ressorts), mSubject(subject)
    {
    }

    Result<ImportResult> run();

private:
    // Structure
    void splitSections();
    bool matchHeading(qsizetype i, int expected, int *letter, QString *heading) const;
    bool isStandalone(qsizetype i) const;
    qsizetype nextContentLine(qsizetype i) const;
    void splitVortraege();
    void splitUnnumberedVortraege(qsizetype start, QList<qsizetype> *header);

    // Header
    void parseHeader();
    bool isHeaderField(const QString &t) const;
    RessortRef ressortRef(const QString &name, bool lead) const;
    void takeRessortLine(QString text);
    void takeHeaderFromBeschluss(Vorlage &v);
    void takeParenthesised(const QString &text);

    // Body
    QList<BodyLine> bodyLines(const QList<qsizetype> &indices) const;
    QList<RawBlock> buildBlocks(const QList<BodyLine> &lines) const;
    Paragraph toParagraph(const QStringList &texts) const;
    Content toContent(const QList<RawBlock> &blocks) const;
    VorlageKind detectKind() const;
    void fillQuestionSection(Vorlage &v, Section &a, const ParsedSection &parsed) const;
    void fillAnswerSection(Vorlage &v, Section &b, const ParsedSection &parsed, bool questionKind);
    void fillBeschlussSection(Vorlage &v, Section &g, const ParsedSection &parsed);

    void unplaced(qsizetype i);
    void report(qsizetype i, const QString &message);

    QString mDocument;
    const RessortTable &mRessorts;
    QString mSubject;
    bool mMarkdown = false;
    int mWrapWidth = 0;
    QList<SourceLine> mLines;
    QDate mStampDate;

    QList<qsizetype> mHeaderLines;
    QList<ParsedSection> mSections;
    Header mHeader;
    QList<ImportMessage> mUnplaced;
    QList<ImportMessage> mNotes;
};

void Parser::unplaced(qsizetype i)
{
    const SourceLine &l = mLines[i];
    mUnplaced.append(ImportMessage{l.number, l.raw.trimmed()});
}

void Parser::report(qsizetype i, const QString &message)
{
    mUnplaced.append(ImportMessage{mLines[i].number, message});
}

qsizetype Parser::nextContentLine(qsizetype i) const
{
    for (qsizetype j = i + 1; j < mLines.size(); ++j) {
        if (!mLines[j].skip && !mLines[j].isBlank())
            return j;
    }
    return -1;
}

bool Parser::isStandalone(qsizetype i) const
{
    const SourceLine &l = mLines[i];
    if (l.pageStart || l.breakBefore || l.text.startsWith(QLatin1Char('#')) ||
        l.text.startsWith(QLatin1String("**")))
        return true;
    for (qsizetype j = i - 1; j >= 0; --j) {
        if (mLines[j].skip)
            continue;
        return mLines[j].isBlank();
    }
    return true;
}

bool Parser::matchHeading(qsizetype i, int expected, int *letter, QString *heading) const
{
    static const QRegularExpression re(QStringLiteral("^([A-G])(?:\\s*[.)]\\s*|\\s+)(\\S.*)$"), reOptions);
    const QString text = stripMarkup(mLines[i].text, mMarkdown);
    if (text.size() > 110)
        return false;
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    const int idx = int(letters.indexOf(m.captured(1)));
    const QString rest = m.captured(2);
    if (idx < expected || !rest.at(0).isUpper() || rest.endsWith(QLatin1Char('.')) ||
        rest.endsWith(QLatin1Char(';')) || rest.count(QLatin1Char(' ')) > 13)
        return false;
    bool known = false;
    for (const QString &stem : headingStems().value(idx)) {
        if (rest.startsWith(stem, Qt::CaseInsensitive))
            known = true;
    }
    if (idx == expected ? !(known || isStandalone(i)) : !known)
        return false;
    *letter = idx;
    *heading = rest;
    return true;
}

void Parser::splitSections()
{
    int expected = 0;
    ParsedSection *current = nullptr;
    for (qsizetype i = 0; i < mLines.size(); ++i) {
        if (mLines[i].skip)
            continue;
        int letter = -1;
        QString heading;
        if (!mLines[i].isBlank() && expected < letters.size() &&
            matchHeading(i, expected, &letter, &heading)) {
            // A heading broken after a linking word goes on in the next line ("… nach dem" /
            // "Informationsfreiheitsgesetz").
            if (endsWithLinkWord(heading)) {
                const qsizetype j = nextContentLine(i);
                if (j >= 0) {
                    const QString next = stripMarkup(mLines[j].text, mMarkdown);
                    int dummy = -1;
                    QString dummyHeading;
                    static const QRegularExpression marker(QStringLiteral("^(?:\\d{1,2}[.)]|[•\\-–*])\\s"));
                    if (next.size() <= 80 && !next.isEmpty() && next.at(0).isLetter() &&
                        !matchHeading(j, letter + 1, &dummy, &dummyHeading) &&
                        !marker.match(next).hasMatch() && !next.startsWith(QLatin1String("Zu Frage"))) {
                        heading = joinWrappedLines({heading, next}, mDocument);
                        i = j;
                    }
                }
            }
            mSections.append(ParsedSection{letters.at(letter), heading, {}});
            current = &mSections.last();
            expected = letter + 1;
            continue;
        }
        if (current)
            current->lines.append(i);
        else
            mHeaderLines.append(i);
    }
}

// Vorträge der Senatskanzlei have no lettered sections but numbered items, each closing with
// "Beschluss: Der Senat nimmt Kenntnis."
void Parser::splitVortraege()
{
    static const QRegularExpression item(QStringLiteral("^(\\d{1,2})[.)]\\s+(\\S.*)$"), reOptions);
    static const QRegularExpression closing(QStringLiteral("^Beschluss\\s*:"), reOptions);
    static const QRegularExpression vortraege(QStringLiteral("Vorträge\\s+der\\s+Senatskanzlei"),
                                              reOptionsCi);
    qsizetype start = -1;
    for (qsizetype k = 0; k < mHeaderLines.size(); ++k) {
        if (vortraege.match(stripMarkup(mLines[mHeaderLines[k]].text, mMarkdown)).hasMatch()) {
            start = k + 1;
            break;
        }
    }
    if (start < 0)
        return;
    QList<qsizetype> header = mHeaderLines.mid(0, start);
    int expected = 1;
    bool closed = true;
    ParsedSection *current = nullptr;
    for (qsizetype k = start; k < mHeaderLines.size(); ++k) {
        const qsizetype i = mHeaderLines[k];
        const QString text = stripMarkup(mLines[i].text, mMarkdown);
        const auto m = item.match(text);
        if (m.hasMatch() && closed && m.captured(1).toInt() == expected && text.size() <= 150) {
            mSections.append(ParsedSection{m.captured(1), m.captured(2), {}});
            current = &mSections.last();
            ++expected;
            closed = false;
            continue;
        }
        if (current) {
            current->lines.append(i);
            if (closing.match(text).hasMatch())
                closed = true;
        } else {
            header.append(i);
        }
    }
    if (mSections.isEmpty())
        splitUnnumberedVortraege(start, &header);
    mHeaderLines = header;
}

// Vorträge printed without numbers: each "Beschluss:" block closes one, the paragraph after it is the
// heading of the next. "Beschluss:" alone on its line takes the paragraph below it.
void Parser::splitUnnumberedVortraege(qsizetype start, QList<qsizetype> *header)
{
    static const QRegularExpression closing(QStringLiteral("^Beschluss\\s*:\\s*(.*)$"), reOptions);
    static const QRegularExpression sessionLine(QStringLiteral("^für\\s+die\\s+Sitzung\\b"), reOptions);
    // Paragraphs: runs of lines with the blank lines after them.
    QList<QList<qsizetype>> paragraphs;
    bool anyClosing = false;
    for (qsizetype k = start; k < mHeaderLines.size(); ++k) {
        const qsizetype i = mHeaderLines[k];
        const bool blank = mLines[i].isBlank();
        if (paragraphs.isEmpty() || (!blank && mLines[paragraphs.last().last()].isBlank()))
            paragraphs.append(QList<qsizetype>());
        paragraphs.last().append(i);
        anyClosing = anyClosing || (!blank && closing.match(stripMarkup(mLines[i].text, mMarkdown)).hasMatch());
    }
    if (!anyClosing)
        return;

    QList<qsizetype> kept = header->mid(0, start);
    ParsedSection *current = nullptr;
    bool headingNext = true;
    bool decisionNext = false;
    for (const QList<qsizetype> &para : paragraphs) {
        const QString first = stripMarkup(mLines[para.first()].text, mMarkdown);
        if (first.isEmpty())
            continue;
        if (!current && (isHeaderField(first) || sessionLine.match(first).hasMatch())) {
            kept += para;
            continue;
        }
        if (headingNext && !decisionNext) {
            QStringList texts;
            for (qsizetype i : para) {
                if (!mLines[i].isBlank())
                    texts << mLines[i].text;
            }
            mSections.append(ParsedSection{QString::number(mSections.size() + 1),
                                           stripMarkup(joinWrappedLines(texts, mDocument), mMarkdown), {}});
            current = &mSections.last();
            headingNext = false;
            continue;
        }
        current->lines += para;
        if (decisionNext) {
            decisionNext = false;
            headingNext = true;
        } else if (auto m = closing.match(first); m.hasMatch()) {
            const bool alone = para.size() < 2 || mLines[para.at(1)].isBlank();
            decisionNext = alone && m.captured(1).trimmed().isEmpty();
            headingNext = !decisionNext;
        }
    }
    *header = kept;
}

bool Parser::isHeaderField(const QString &t) const
{
    static const QRegularExpression re(
        QStringLiteral(
            "^(?:(?:Tischvorlage|Neufassung|(?:Senats)?[Vv]orlage|Vorträge der Senatskanzlei)(?:\\s+für\\s+die\\s+"
            "Sitzung.*)?|[LS]\\s?\\d{1,4}|(?:%1)\\b.*|(?:Bremen,?\\s*(?:den\\s+)?)?(?:%2))$")
            .arg(ressortPrefix, datePattern),
        reOptions);
    return re.match(t).hasMatch() || t.startsWith(QLatin1Char('('));
}

RessortRef Parser::ressortRef(const QString &name, bool lead) const
{
    RessortRef ref;
    ref.key = mRessorts.keyForName(name);
    if (ref.key.isEmpty() && name.startsWith(QLatin1String("Senator")))
        ref.key = mRessorts.keyForName(
            (name.startsWith(QLatin1String("Senatorin")) ? QStringLiteral("Die ") : QStringLiteral("Der ")) + name);
    if (ref.key.isEmpty())
        ref.name = name;
    ref.lead = lead;
    return ref;
}

void Parser::takeRessortLine(QString text)
{
    static const QRegularExpression trailingDate(QStringLiteral("\\s+(%1)$").arg(datePattern), reOptions);
    if (auto m = trailingDate.match(text); m.hasMatch()) {
        const QDate d = parseGermanDate(m.captured(1));
        if (d.isValid()) {
            if (!mHeader.date.isValid())
                mHeader.date = d;
            text = text.left(m.capturedStart()).trimmed();
        }
    }
    static const QRegularExpression split(QStringLiteral("\\s+(?=(?:%1)\\b)").arg(ressortPrefix), reOptions);
    static const QRegularExpression trailingLink(QStringLiteral("(?:\\s+und|\\s*[,;/])$"), reOptions);
    for (QString name : text.split(split, Qt::SkipEmptyParts)) {
        name = name.trimmed().remove(trailingLink).simplified();
        if (name.isEmpty())
            continue;
        const RessortRef ref = ressortRef(name, mHeader.ressorts.isEmpty());
        bool known = false;
        for (const RessortRef &r : mHeader.ressorts)
            known = known || (r.key == ref.key && r.name == ref.name);
        if (!known)
            mHeader.ressorts.append(ref);
    }
}

void Parser::takeParenthesised(const QString &text)
{
    static const QRegularExpression drucksache(
        QStringLiteral("Drucksache\\s+\\d{1,2}\\s*/\\s*\\d{1,5}(?:\\s*[LS]\\b)?"), reOptions);
    QString rest = text;
    for (auto it = drucksache.globalMatch(text); it.hasNext();) {
        const QString ref = it.next().captured(0).simplified();
        if (!mHeader.references.contains(ref))
            mHeader.references.append(ref);
        rest.replace(ref, QString());
    }
    static const QRegularExpression noise(QStringLiteral("[\\s(),;:]"));
    if (QString(rest).remove(noise).isEmpty())
        return;
    mHeader.subtitle = mHeader.subtitle.isEmpty() ? text : mHeader.subtitle + QLatin1Char(' ') + text;
}

void Parser::parseHeader()
{
    static const QRegularExpression vorlageStart(
        QStringLiteral(
            "^(?:Tischvorlage|Neufassung|(?:Senats)?[Vv]orlage|Vorträge der Senatskanzlei)\\b.*\\bfür\\s+die\\s+"
            "Sitzung\\b"),
        reOptions);
    static const QRegularExpression deputationRe(
        QStringLiteral("\\bder\\s+(staatlichen|städtischen)\\s+(Deputation\\s+für\\s+.+?)(?:\\s+am\\b.*)?$"),
        reOptions);
    static const QRegularExpression sessionDateRe(QStringLiteral("\\bam\\s+(%1)\\s*$").arg(datePattern), reOptions);
    static const QRegularExpression senatskanzlei(
        QStringLiteral("^Senatskanzlei\\s+(?:Bremen|Bremerhaven)?,?\\s*(?:den\\s+)?(%1)(?:\\s+(\\S.*))?$")
            .arg(datePattern),
        reOptions);
    static const QRegularExpression questionNumber(QStringLiteral("^([LS])\\s?(\\d{1,4})$"), reOptions);
    static const QRegularExpression vortraege(QStringLiteral("^Vorträge\\s+der\\s+Senatskanzlei$"),
                                              reOptionsCi);
    static const QRegularExpression paperOnly(QStringLiteral("^[-–]?\\s*(Tischvorlage|Neufassung)\\s*[-–]?$"),
                                              reOptionsCi);
    static const QRegularExpression dateOnly(
        QStringLiteral("^(?:Bremen,?\\s*(?:den\\s+)?)?(%1)$").arg(datePattern), reOptions);
    static const QRegularExpression ressortStart(QStringLiteral("^(?:%1)\\b").arg(ressortPrefix), reOptions);
    static const QRegularExpression paperLine(
        QStringLiteral("^(?:Tischvorlage|Neufassung|(?:Senats)?[Vv]orlage|Vorträge der Senatskanzlei)"
                       "(?:\\s+an\\s+den\\s+Senat)?$"),
        reOptions);
    static const QRegularExpression forSession(QStringLiteral("^für\\s+die\\s+Sitzung\\b"), reOptions);
    static const QRegularExpression forSessionInside(QStringLiteral("\\s+für\\s+die\\s+Sitzung\\b"), reOptions);
    static const QRegularExpression subtitleStart(
        QStringLiteral(
            "^(?:Anfrage|Kleine Anfrage|Große Anfrage|Dringlichkeitsanfrage|Mitteilung des Senats)\\b"),
        reOptions);

    const QList<qsizetype> &h = mHeaderLines;
    auto textAt = [&](qsizetype k) { return stripMarkup(mLines[h[k]].text, mMarkdown); };
    auto nextNonBlank = [&](qsizetype k) {
        for (qsizetype n = k + 1; n < h.size(); ++n) {
            if (!mLines[h[n]].isBlank())
                return n;
        }
        return qsizetype(-1);
    };

    bool anyVorlageLine = false;
    for (qsizetype k = 0; k < h.size(); ++k) {
        if (vorlageStart.match(textAt(k)).hasMatch())
            anyVorlageLine = true;
    }

    // A title printed as two paragraphs (as PDFs with a wide title line spacing come out): the second goes
    // on where the first cannot end, after a linking word or a colon, or starts in lower case.
    auto continuesTitle = [&](const QString &title, const QString &next) {
        static const QRegularExpression terminal(QStringLiteral("[.!?“”)]$"), reOptions);
        if (next.isEmpty() || next.size() > 160 || terminal.match(title).hasMatch() ||
            next.startsWith(QLatin1Char('(')) || next.startsWith(QChar(0x201E)) ||
            subtitleStart.match(next).hasMatch() || (isHeaderField(next) && !endsWithLinkWord(title)))
            return false;
        return endsWithLinkWord(title) || title.endsWith(QLatin1Char(':')) || next.at(0).isLower();
    };

    bool titleDone = false;
    for (qsizetype k = 0; k < h.size(); ++k) {
        if (mLines[h[k]].isBlank())
            continue;
        QString t = textAt(k);
        if (t.isEmpty())
            continue;

        // "Vorträge der Senatskanzlei" / "für die Sitzung des Senats am 19. Mai 2020"
        if (paperLine.match(t).hasMatch()) {
            const qsizetype n = nextNonBlank(k);
            if (n >= 0 && n - k <= 2 && forSession.match(textAt(n)).hasMatch()) {
                t += QLatin1Char(' ') + textAt(n);
                k = n;
            }
        }

        // "Vorlage für die Sitzung des Senats am 12.05.2020", the date possibly on the next line.
        if (vorlageStart.match(t).hasMatch()) {
            QString line = t;
            if (!sessionDateRe.match(line).hasMatch()) {
                const qsizetype n = nextNonBlank(k);
                if (n >= 0 && sessionDateRe.match(line + QLatin1Char(' ') + textAt(n)).hasMatch()) {
                    line += QLatin1Char(' ') + textAt(n);
                    k = n;
                }
            }
            mHeader.vorlageLine = true;
            if (line.startsWith(QLatin1String("Tischvorlage"))) {
                mHeader.paperKind = PaperKind::Tischvorlage;
                mHeader.hasPaperKind = true;
            } else if (line.startsWith(QLatin1String("Neufassung"))) {
                mHeader.paperKind = PaperKind::Neufassung;
                mHeader.hasPaperKind = true;
            } else if (line.startsWith(QStringLiteral("Vorträge"))) {
                mHeader.vortraege = true;
                // As when "Vorträge der Senatskanzlei" stands on a line of its own.
                if (mHeader.title.isEmpty()) {
                    mHeader.title = line.left(forSessionInside.match(line).capturedStart()).trimmed();
                    titleDone = true;
                }
            }
            if (auto m = deputationRe.match(line); m.hasMatch()) {
                mHeader.deputation = true;
                const QString adjective = m.captured(1).chopped(1); // "staatlichen" -> "staatliche"
                mHeader.body = adjective + QLatin1Char(' ') + m.captured(2).simplified();
            }
            if (auto m = sessionDateRe.match(line); m.hasMatch())
                mHeader.sessionDate = parseGermanDate(m.captured(1));
            continue;
        }
        if (auto m = senatskanzlei.match(t); m.hasMatch()) {
            takeRessortLine(QStringLiteral("Senatskanzlei"));
            if (!mHeader.date.isValid())
                mHeader.date = parseGermanDate(m.captured(1));
            if (mHeader.fileCode.isEmpty())
                mHeader.fileCode = m.captured(2).trimmed();
            continue;
        }
        if (auto m = questionNumber.match(t); m.hasMatch()) {
            mHeader.questionNumber = m.captured(1) + QLatin1Char(' ') + m.captured(2);
            continue;
        }
        if (vortraege.match(t).hasMatch()) {
            mHeader.vortraege = true;
            if (mHeader.title.isEmpty()) {
                mHeader.title = t;
                titleDone = true;
            }
            continue;
        }
        if (auto m = paperOnly.match(t); m.hasMatch()) {
            mHeader.paperKind = m.captured(1).startsWith(QLatin1Char('T'), Qt::CaseInsensitive)
                                    ? PaperKind::Tischvorlage
                                    : PaperKind::Neufassung;
            mHeader.hasPaperKind = true;
            continue;
        }
        if (auto m = dateOnly.match(t); m.hasMatch() && parseGermanDate(m.captured(1)).isValid()) {
            if (!mHeader.date.isValid())
                mHeader.date = parseGermanDate(m.captured(1));
            continue;
        }
        if (ressortStart.match(t).hasMatch() && t.size() <= 160 && !t.endsWith(QLatin1Char('.'))) {
            QString line = t;
            // "Die Senatorin für Gesundheit, Frauen und" / "Verbraucherschutz"
            while (endsWithLinkWord(line)) {
                const qsizetype n = nextNonBlank(k);
                if (n < 0 || n != k + 1 || isHeaderField(textAt(n)))
                    break;
                line = joinWrappedLines({line, textAt(n)}, mDocument);
                k = n;
            }
            takeRessortLine(line);
            continue;
        }
        if (t.startsWith(QLatin1Char('('))) {
            QStringList parts{t};
            qsizetype n = k;
            while (!parts.last().endsWith(QLatin1Char(')')) && parts.size() < 6) {
                const qsizetype next = n + 1;
                if (next >= h.size() || mLines[h[next]].isBlank())
                    break;
                parts << textAt(next);
                n = next;
            }
            if (parts.last().endsWith(QLatin1Char(')'))) {
                takeParenthesised(joinWrappedLines(parts, mDocument));
                k = n;
                continue;
            }
        }
        // A subtitle in „…“ below the title, possibly wrapped: "„Ein Versuch in Vegesack" / "und Huchting“".
        if (titleDone && t.startsWith(QChar(0x201E))) {
            QStringList parts{t};
            qsizetype n = k;
            while (!parts.last().contains(QChar(0x201C)) && parts.size() < 4 && n + 1 < h.size() &&
                   !mLines[h[n + 1]].isBlank()) {
                parts << textAt(++n);
            }
            const QString quoted = joinWrappedLines(parts, mDocument);
            if (quoted.size() <= 250 && quoted.indexOf(QChar(0x201C)) >= quoted.size() - 2) {
                mHeader.subtitle =
                    mHeader.subtitle.isEmpty() ? quoted : mHeader.subtitle + QLatin1Char(' ') + quoted;
                k = n;
                continue;
            }
        }
        if (titleDone && mHeader.subtitle.isEmpty() && subtitleStart.match(t).hasMatch() && t.size() <= 200) {
            mHeader.subtitle = t;
            continue;
        }
        if (!titleDone && (mHeader.vorlageLine || !anyVorlageLine)) {
            // The title: this paragraph; a title in „…“ may run over a blank line until its closing quote.
            QStringList parts{t};
            bool quoteOpen = t.startsWith(QChar(0x201E)) && !t.contains(QChar(0x201C));
            qsizetype n = k;
            while (n + 1 < h.size()) {
                qsizetype next = n + 1;
                if (mLines[h[next]].isBlank()) {
                    const qsizetype after = nextNonBlank(next);
                    if (after < 0 || after - next > 2 || !(quoteOpen || continuesTitle(parts.last(), textAt(after))))
                        break;
                    next = after;
                }
                const QString nt = textAt(next);
                // "Bericht über die Sitzung vom" / "19. Mai 2020": a date here continues the title.
                if (nt.isEmpty() || (isHeaderField(nt) && !quoteOpen && !endsWithLinkWord(parts.last())))
                    break;
                // A line in „…“ below a complete title is its subtitle.
                if (!quoteOpen && nt.startsWith(QChar(0x201E)) && !endsWithLinkWord(parts.last()))
                    break;
                parts << nt;
                n = next;
                if (quoteOpen && nt.contains(QChar(0x201C)))
                    quoteOpen = false;
                if (parts.size() >= 6)
                    break;
            }
            mHeader.title = joinWrappedLines(parts, mDocument);
            titleDone = true;
            k = n;
            continue;
        }
        unplaced(h[k]);
    }
}

QList<BodyLine> Parser::bodyLines(const QList<qsizetype> &indices) const
{
    static const QRegularExpression headingPrefix(QStringLiteral("^#{1,6}\\s+"));
    QList<BodyLine> out;
    for (qsizetype i : indices) {
        const SourceLine &l = mLines[i];
        BodyLine b;
        b.index = i;
        b.blank = l.isBlank();
        b.breakBefore = l.breakBefore;
        b.text = l.text;
        if (mMarkdown)
            b.text.remove(headingPrefix);
        out.append(b);
    }
    return out;
}

QList<RawBlock> Parser::buildBlocks(const QList<BodyLine> &lines) const
{
    static const QRegularExpression bullet(
        QStringLiteral("^([•·▪◦‣●○■□➢►✓\\x{F0B7}\\x{F0A7}]|[-–—*](?=\\s))\\s*(.*)$"), reOptions);
    static const QRegularExpression numbered(QStringLiteral("^(\\d{1,2})[.)](?:\\s+|$)(.*)$"), reOptions);
    static const QRegularExpression monthStart(
        QStringLiteral(
            "^(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\\b"),
        reOptions);
    static const QRegularExpression terminal(QStringLiteral("[.!?:][\"“”»)*_]*$"), reOptions);

    QList<RawBlock> blocks;
    int cur = -1;          // the block lines are added to
    bool prevBlank = true; // nothing yet counts as a paragraph start
    QString prevText;
    for (const BodyLine &line : lines) {
        if (line.blank) {
            // A list marker alone on its line ("•", "1.") takes the text after the blank line.
            const bool loneMarker = cur >= 0 && blocks[cur].type != Block::Type::Paragraph &&
                                    blocks[cur].items.last().texts.join(QString()).trimmed().isEmpty();
            if (cur >= 0 && blocks[cur].type == Block::Type::Paragraph)
                cur = -1;
            prevBlank = prevBlank || !loneMarker;
            continue;
        }
        // Text without blank lines between paragraphs (as Qt PDF gives it): a short line that
        // ends a sentence ends its paragraph.
        const bool shortEnd = mWrapWidth >= 40 && !prevText.isEmpty() &&
                              prevText.size() < mWrapWidth * 6 / 10 && terminal.match(prevText).hasMatch() &&
                              !line.text.at(0).isLower();
        const bool breakHere = prevBlank || line.breakBefore || shortEnd;
        const bool prevColon = prevText.endsWith(QLatin1Char(':'));
        const bool inList = cur >= 0 && blocks[cur].type != Block::Type::Paragraph;
        prevText = line.text;
        prevBlank = false;

        if (auto m = bullet.match(line.text); m.hasMatch() && (breakHere || prevColon || inList)) {
            if (!(inList && blocks[cur].type == Block::Type::BulletList &&
                  blocks[cur].marker == m.captured(1))) {
                blocks.append(RawBlock{Block::Type::BulletList, {}, 0, m.captured(1)});
                cur = int(blocks.size() - 1);
            }
            blocks[cur].items.append(RawItem{{m.captured(2)}});
            continue;
        }
        if (auto m = numbered.match(line.text); m.hasMatch()) {
            const int n = m.captured(1).toInt();
            const QString rest = m.captured(2);
            if (inList && blocks[cur].type == Block::Type::NumberedList && n == blocks[cur].lastNumber + 1) {
                blocks[cur].items.append(RawItem{{rest}});
                blocks[cur].lastNumber = n;
                continue;
            }
            if (n == 1 && (breakHere || prevColon || inList) && !monthStart.match(rest).hasMatch()) {
                blocks.append(RawBlock{Block::Type::NumberedList, {RawItem{{rest}}}, 1, {}});
                cur = int(blocks.size() - 1);
                continue;
            }
        }
        const bool emptyItem = inList && blocks[cur].items.last().texts.join(QString()).trimmed().isEmpty();
        if (cur >= 0 && (!breakHere || emptyItem)) {
            blocks[cur].items.last().texts.append(line.text);
        } else {
            blocks.append(RawBlock{Block::Type::Paragraph, {RawItem{{line.text}}}, 0, {}});
            cur = int(blocks.size() - 1);
        }
    }
    return blocks;
}

Paragraph Parser::toParagraph(const QStringList &texts) const
{
    return parseInline(joinWrappedLines(texts, mDocument), mMarkdown);
}

Content Parser::toContent(const QList<RawBlock> &blocks) const
{
    Content content;
    for (const RawBlock &b : blocks) {
        if (b.type == Block::Type::Paragraph) {
            const Paragraph p = toParagraph(b.items.first().texts);
            if (!p.isEmpty())
                content.append(Block::para(p));
            continue;
        }
        QList<Paragraph> items;
        for (const RawItem &item : b.items)
            items.append(toParagraph(item.texts));
        content.append(Block::list(b.type, items));
    }
    return content;
}

VorlageKind Parser::detectKind() const
{
    if (mHeader.deputation)
        return VorlageKind::Deputation;
    if (mHeader.vortraege)
        return VorlageKind::SenatskanzleiVortraege;

    auto mentions = [](const QString &text) -> std::optional<VorlageKind> {
        if (text.contains(QLatin1String("Fragestunde"), Qt::CaseInsensitive))
            return VorlageKind::Fragestunde;
        if (text.contains(QLatin1String("Kleine Anfrage"), Qt::CaseInsensitive))
            return VorlageKind::KleineAnfrage;
        if (text.contains(QStringLiteral("Große Anfrage"), Qt::CaseInsensitive) ||
            text.contains(QLatin1String("Grosse Anfrage"), Qt::CaseInsensitive))
            return VorlageKind::GrosseAnfrage;
        return std::nullopt;
    };
    if (auto k = mentions(mHeader.subtitle + QLatin1Char(' ') + mHeader.title))
        return *k;

    QString intro;
    for (const ParsedSection &s : mSections) {
        if (s.label == QLatin1String("A")) {
            const QList<RawBlock> blocks = buildBlocks(bodyLines(s.lines));
            if (!blocks.isEmpty() && blocks.first().type == Block::Type::Paragraph)
                intro = joinWrappedLines(blocks.first().items.first().texts);
        }
    }
    if (auto k = mentions(intro))
        return *k;

    for (const ParsedSection &s : mSections) {
        if (s.label != QLatin1String("B"))
            continue;
        for (qsizetype i : s.lines) {
            if (zuFrageRe().match(mLines[i].text).hasMatch())
                return VorlageKind::Fragestunde;
        }
    }

    static const QRegularExpression law(
        QStringLiteral(
            "^„?(?:Entwurf\\s+(?:eines|einer|des|der|zum|zur)\\b.*(?:[Gg]esetz|[Vv]erordnung)|(?:Ortsgesetz|Gesetz|"
            "Verordnung)\\b)"),
        reOptions);
    if (law.match(mHeader.title).hasMatch())
        return VorlageKind::Gesetzentwurf;
    return VorlageKind::Beschlussvorlage;
}

// A of a question kind: the intro stays, the numbered list after "Wir fragen den Senat:" becomes
// the questions, the names below them the signatories.
void Parser::fillQuestionSection(Vorlage &v, Section &a, const ParsedSection &parsed) const
{
    const QList<RawBlock> blocks = buildBlocks(bodyLines(parsed.lines));

    auto looksLikeSignatories = [](const QString &text) {
        return !text.isEmpty() && text.size() < 300 && !text.endsWith(QLatin1Char('?')) &&
               (text.contains(QLatin1String("Fraktion")) ||
                (!text.endsWith(QLatin1Char('.')) && !text.contains(QLatin1Char(':'))));
    };

    qsizetype listAt = -1;
    for (qsizetype k = 0; k < blocks.size() && listAt < 0; ++k) {
        if (blocks[k].type == Block::Type::NumberedList)
            listAt = k;
    }
    QList<Paragraph> questions;
    QList<RawBlock> before;
    QList<RawBlock> after;
    if (listAt >= 0) {
        before = blocks.mid(0, listAt);
        for (const RawItem &item : blocks[listAt].items)
            questions.append(toParagraph(item.texts));
        after = blocks.mid(listAt + 1);
    } else {
        // Single questions as paragraphs ending in "?" after "… fragen den Senat:"
        qsizetype askAt = -1;
        for (qsizetype k = 0; k < blocks.size() && askAt < 0; ++k) {
            if (blocks[k].type == Block::Type::Paragraph &&
                joinWrappedLines(blocks[k].items.first().texts).contains(QLatin1String("fragen den Senat")))
                askAt = k;
        }
        qsizetype k = askAt + 1;
        while (askAt >= 0 && k < blocks.size() && blocks[k].type == Block::Type::Paragraph &&
               joinWrappedLines(blocks[k].items.first().texts).endsWith(QLatin1Char('?'))) {
            questions.append(toParagraph(blocks[k].items.first().texts));
            ++k;
        }
        before = blocks.mid(0, askAt >= 0 ? askAt + 1 : blocks.size());
        after = askAt >= 0 ? blocks.mid(k) : QList<RawBlock>();
    }

    QString signatories;
    if (!after.isEmpty() && after.first().type == Block::Type::Paragraph) {
        const QString text =
            stripMarkup(joinWrappedLines(after.first().items.first().texts, mDocument), mMarkdown);
        if (!questions.isEmpty() && looksLikeSignatories(text)) {
            signatories = text;
            after.removeFirst();
        }
    }
    // Names run on into the last question when no blank line separates them.
    if (signatories.isEmpty() && !questions.isEmpty() && questions.last().spans.size() == 1) {
        const QString last = questions.last().plainText();
        const qsizetype q = last.lastIndexOf(QLatin1String("? "));
        if (q > 0 && last.mid(q + 2).contains(QLatin1String("Fraktion")) &&
            !last.mid(q + 2).contains(QLatin1Char('?'))) {
            signatories = last.mid(q + 2).trimmed();
            questions.last() = Paragraph::plain(last.left(q + 1));
        }
    }

    a.content = toContent(before);
    a.content.append(Block::placeholder(Block::Type::Questions));
    a.content += toContent(after);
    for (const Paragraph &p : questions)
        v.questions.append(Question{newItemId(), p, {}});
    v.questionSignatories = signatories;
}

// B with "Zu Frage N:" blocks: what precedes them is the intro, each block the answer to question N.
void Parser::fillAnswerSection(Vorlage &v, Section &b, const ParsedSection &parsed, bool questionKind)
{
    const QList<BodyLine> lines = bodyLines(parsed.lines);
    if (!questionKind) {
        b.content = toContent(buildBlocks(lines));
        return;
    }
    QList<BodyLine> intro;
    QList<QPair<int, QList<BodyLine>>> answers;
    static const QRegularExpression number(QStringLiteral("\\d+"));
    for (const BodyLine &line : lines) {
        const auto m = line.blank ? QRegularExpressionMatch() : zuFrageRe().match(line.text);
        if (m.hasMatch() && m.captured(1).toInt() > 0) {
            const int n = m.captured(1).toInt();
            int last = n;
            for (auto it = number.globalMatch(m.captured(2)); it.hasNext();)
                last = qMax(last, it.next().captured(0).toInt());
            answers.append(qMakePair(n, QList<BodyLine>()));
            if (last > v.questions.size()) {
                const int first = int(v.questions.size()) + 1;
                report(line.index,
                       first == last ? QCoreApplication::translate(
                                           "vw::Importer", "Antwort „Zu Frage %1“ ohne Frage %1 in "
                                                           "Abschnitt A: die Frage ist leer angelegt.")
                                           .arg(last)
                                     : QCoreApplication::translate("vw::Importer",
                                                                   "Antwort „Zu Frage %1“ ohne die Fragen %2 "
                                                                   "bis %1 in Abschnitt A: sie sind leer "
                                                                   "angelegt.")
                                           .arg(last)
                                           .arg(first));
                while (v.questions.size() < last)
                    v.questions.append(Question{newItemId(), {}, {}});
            }
            if (!m.captured(2).trimmed().isEmpty()) {
                // One answer to several questions: it stays with the first, and someone should look.
                report(line.index,
                       QCoreApplication::translate("vw::Importer",
                                                   "Gemeinsame Antwort „%1“ ist bei Frage %2 eingeordnet.")
                           .arg(stripMarkup(line.text, mMarkdown).section(QLatin1Char(':'), 0, 0))
                           .arg(n));
            }
            const QString rest = m.captured(3).trimmed();
            if (!rest.isEmpty())
                answers.last().second.append(BodyLine{line.index, rest, false, true});
            continue;
        }
        if (answers.isEmpty())
            intro.append(line);
        else
            answers.last().second.append(line);
    }
    b.content = toContent(buildBlocks(intro));
    if (!answers.isEmpty() || v.kind == VorlageKind::Fragestunde)
        b.content.append(Block::placeholder(Block::Type::Answers));
    for (const auto &[n, answerLines] : answers)
        v.questions[n - 1].answer += toContent(buildBlocks(answerLines));
}

// G: sentences starting "Der Senat …" are Beschluss items; attachments listed after them are not
// part of the Vorlage's text and are reported.
void Parser::fillBeschlussSection(Vorlage &v, Section &g, const ParsedSection &parsed)
{
    static const QRegularExpression anlagen(QStringLiteral("^Anlage(?:n|\\(n\\))?\\b"), reOptions);
    QList<qsizetype> indices;
    bool inAnlagen = false;
    for (qsizetype i : parsed.lines) {
        if (!mLines[i].isBlank() && anlagen.match(stripMarkup(mLines[i].text, mMarkdown)).hasMatch())
            inAnlagen = true;
        if (!inAnlagen)
            indices.append(i);
        else if (!mLines[i].isBlank())
            unplaced(i);
    }

    static const QRegularExpression decision(
        QStringLiteral("^(?:Der Senat|Die (?:staatliche |städtische )?Deputation)\\b"), reOptions);
    auto isDecision = [&](const QStringList &texts) {
        return decision.match(stripMarkup(texts.value(0), mMarkdown)).hasMatch();
    };
    Content before;
    Content afterItems;
    bool placed = false;
    for (const RawBlock &b : buildBlocks(bodyLines(indices))) {
        bool items = false;
        for (const RawItem &item : b.items)
            items = items || isDecision(item.texts);
        if (items) {
            for (const RawItem &item : b.items)
                v.beschluss.append(BeschlussItem{newItemId(), toParagraph(item.texts), {}, {}});
            placed = true;
            continue;
        }
        (placed ? afterItems : before) += toContent({b});
    }
    g.content = before;
    g.content.append(Block::placeholder(Block::Type::Beschluss));
    g.content += afterItems;
}

// G often names the submitting Ressort and the date of the Vorlage ("Der Senat stimmt entsprechend der
// Vorlage des Senators für Finanzen vom 4.5.2020 … zu"): where the header has neither, they come from there.
void Parser::takeHeaderFromBeschluss(Vorlage &v)
{
    if (!v.ressorts.isEmpty() && v.date.isValid())
        return;
    const ParsedSection *g = nullptr;
    for (const ParsedSection &s : mSections)
        g = s.label == QLatin1String("G") ? &s : g;
    if (!g)
        return;
    QStringList texts;
    for (const BeschlussItem &item : v.beschluss)
        texts << item.text.plainText();
    if (const Section *section = v.section(QStringLiteral("G")))
        texts << contentPlainText(section->content);
    static const QRegularExpression reference(
        QStringLiteral("\\b(?:entsprechend|gemäß)\\s+der\\s+Vorlage\\s+((?:des|der)\\s+.+?)\\s+vom\\s+(%1)")
            .arg(datePattern),
        reOptions);
    const auto m = reference.match(texts.join(QLatin1Char(' ')));
    if (!m.hasMatch())
        return;

    // The Ressorts in the genitive, "des Senators für Finanzen und der Senatskanzlei", in the nominative.
    static const QList<QPair<QString, QString>> cases = {
        {QStringLiteral("des Senators"), QStringLiteral("Der Senator")},
        {QStringLiteral("der Senatorin"), QStringLiteral("Die Senatorin")},
        {QStringLiteral("des Präsidenten"), QStringLiteral("Der Präsident")},
        {QStringLiteral("der Präsidentin"), QStringLiteral("Die Präsidentin")},
        {QStringLiteral("des Bevollmächtigten"), QStringLiteral("Der Bevollmächtigte")},
        {QStringLiteral("der Bevollmächtigten"), QStringLiteral("Die Bevollmächtigte")},
        {QStringLiteral("der Senatskanzlei"), QStringLiteral("Senatskanzlei")},
    };
    static const QRegularExpression nextRessort(
        QStringLiteral("\\s+und\\s+(?=(?:des|der)\\s+(?:Senator|Senatskanzlei|Präsident|Bevollmächtigt))"), reOptions);
    QList<RessortRef> ressorts;
    QStringList names;
    for (const QString &genitive : m.captured(1).simplified().split(nextRessort)) {
        for (const auto &[from, to] : cases) {
            if (genitive == from || genitive.startsWith(from + QLatin1Char(' '))) {
                names << to + genitive.mid(from.size());
                ressorts << ressortRef(names.last(), ressorts.isEmpty());
                break;
            }
        }
    }
    const QDate date = parseGermanDate(m.captured(2));
    const bool takeRessorts = v.ressorts.isEmpty() && !ressorts.isEmpty();
    const bool takeDate = !v.date.isValid() && date.isValid();
    if (!takeRessorts && !takeDate)
        return;

    // The note points at the line with the wording, or at the first line of G when it is wrapped.
    qsizetype at = -1;
    for (qsizetype i : g->lines) {
        if (mLines[i].isBlank())
            continue;
        if (at < 0)
            at = i;
        if (mLines[i].text.contains(QLatin1String("der Vorlage"))) {
            at = i;
            break;
        }
    }
    const QString quote = m.captured(0).simplified();
    const QString who = names.join(QStringLiteral(" und "));
    QString note;
    if (takeRessorts && takeDate)
        note = QCoreApplication::translate("vw::Importer",
                                           "Ressort und Datum fehlen im Kopf und sind aus dem Beschluss "
                                           "übernommen („%1“): %2, %3.")
                   .arg(quote, who, germanDate(date));
    else if (takeRessorts)
        note = QCoreApplication::translate("vw::Importer",
                                           "Das Ressort fehlt im Kopf und ist aus dem Beschluss übernommen "
                                           "(„%1“): %2.")
                   .arg(quote, who);
    else
        note = QCoreApplication::translate("vw::Importer",
                                           "Das Datum fehlt im Kopf und ist aus dem Beschluss übernommen "
                                           "(„%1“): %2.")
                   .arg(quote, germanDate(date));
    if (takeRessorts)
        v.ressorts = ressorts;
    if (takeDate)
        v.date = date;
    mNotes.append(ImportMessage{at >= 0 ? mLines[at].number : 0, note});
}

Result<ImportResult> Parser::run()
{
    if (mDocument.trimmed().isEmpty())
        return Error{
            QCoreApplication::translate("vw::Importer", "%1 ist leer: es gibt nichts zu importieren.")
                .arg(mSubject)};
    qsizetype odd = 0;
    for (QChar c : mDocument) {
        const char16_t u = c.unicode();
        if (u == 0)
            return Error{QCoreApplication::translate("vw::Importer",
                                                     "%1 enthält Binärdaten (NUL-Zeichen) und ist kein Text.")
                             .arg(mSubject)};
        if ((u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r' && u != u'\f' && u != 0x02) || u == 0xFFFD)
            ++odd;
    }
    if (odd > 3 + mDocument.size() / 100)
        return Error{QCoreApplication::translate(
                         "vw::Importer",
                         "%1 enthält Binärdaten oder falsch kodierte Zeichen und ist kein lesbarer Text.")
                         .arg(mSubject)};

    mMarkdown = looksLikeMarkdown(mDocument);
    mLines = splitSourceLines(mDocument);
    mStampDate = removePageFurniture(mLines);

    QList<qsizetype> lengths;
    for (const SourceLine &l : mLines) {
        if (!l.skip && !l.isBlank())
            lengths.append(l.text.size());
    }
    std::sort(lengths.begin(), lengths.end());
    mWrapWidth = lengths.isEmpty() ? 0 : int(lengths.at(lengths.size() * 8 / 10));

    splitSections();
    if (mSections.isEmpty())
        splitVortraege();
    parseHeader();
    if (mSections.isEmpty() && !mHeader.vorlageLine)
        return Error{QCoreApplication::translate(
                         "vw::Importer",
                         "%1 ist keine Senatsvorlage: keine Abschnittsüberschriften A–G gefunden "
                         "und keine Zeile „Vorlage für die Sitzung …“.")
                         .arg(mSubject)};

    const VorlageKind kind = detectKind();
    Vorlage v = vorlageFromTemplate(kind);
    v.ressorts = mHeader.ressorts;
    v.date = mHeader.date;
    v.sessionDate = mHeader.sessionDate.isValid() ? mHeader.sessionDate : mStampDate;
    if (mHeader.hasPaperKind)
        v.paperKind = mHeader.paperKind;
    if (!mHeader.body.isEmpty())
        v.body = mHeader.body;
    v.questionNumber = mHeader.questionNumber;
    v.title = mHeader.title;
    v.subtitle = mHeader.subtitle;
    // "(Anfrage in der Fragestunde der Fraktion der SPD vom 30.4.20)": the subtitle stays as written, the
    // fields learn Fraktion and date from it.
    if (isQuestionKind(kind))
        parseQuestionLine(mHeader.subtitle, &v.fraktion, &v.askedOn);
    v.references = mHeader.references;
    v.fileCode = mHeader.fileCode;

    if (kind == VorlageKind::SenatskanzleiVortraege) {
        if (!mSections.isEmpty())
            v.sections.clear();
        static const QRegularExpression closingAlone(QStringLiteral("^Beschluss\\s*:$"), reOptions);
        for (const ParsedSection &s : mSections) {
            // "Beschluss:" alone on its line and the decision below it: one closing paragraph, as written.
            QList<BodyLine> lines;
            std::optional<BodyLine> closing;
            for (BodyLine line : bodyLines(s.lines)) {
                if (line.blank && closing)
                    continue;
                if (!line.blank && closingAlone.match(stripMarkup(line.text, mMarkdown)).hasMatch()) {
                    closing = line;
                    continue;
                }
                if (closing) {
                    line.text = closing->text + QLatin1Char(' ') + line.text;
                    closing.reset();
                }
                lines.append(line);
            }
            if (closing)
                lines.append(*closing);
            v.sections.append(Section{s.label, s.heading, toContent(buildBlocks(lines))});
        }
    } else {
        for (const ParsedSection &s : mSections) {
            Section *target = v.section(s.label);
            if (!target) {
                for (qsizetype i : s.lines) {
                    if (!mLines[i].isBlank())
                        unplaced(i);
                }
                continue;
            }
            if (!s.heading.isEmpty())
                target->heading = s.heading;
            if (s.label == QLatin1String("A") && isQuestionKind(kind))
                fillQuestionSection(v, *target, s);
            else if (s.label == QLatin1String("B"))
                fillAnswerSection(v, *target, s, isQuestionKind(kind));
            else if (s.label == QLatin1String("G"))
                fillBeschlussSection(v, *target, s);
            else
                target->content = toContent(buildBlocks(bodyLines(s.lines)));
        }
    }

    takeHeaderFromBeschluss(v);

    std::stable_sort(mUnplaced.begin(), mUnplaced.end(),
              [](const ImportMessage &a, const ImportMessage &b) { return a.line < b.line; });
    return ImportResult{v, mUnplaced, mNotes};
}

} // namespace

Result<ImportResult> importTextAs(const QString &text, const RessortTable &ressorts, const QString &subject)
{
    return Parser(text, ressorts, subject).run();
}

} // namespace importdetail

Result<ImportResult> importText(const QString &text, const RessortTable &ressorts)
{
    return importdetail::importTextAs(text, ressorts,
                                      QCoreApplication::translate("vw::Importer", "Der Text"));
}

} // namespace vw
