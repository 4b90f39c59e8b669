#include "publicationcheck.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Publication", text);
}

constexpr auto unicode = QRegularExpression::UseUnicodePropertiesOption;
constexpr auto caseless = QRegularExpression::CaseInsensitiveOption;

// A text of the Vorlage that is printed, with where it is and how a message names it.
struct CheckedText {
    Place place;
    QString label;
    QString text;
};

QList<CheckedText> places(const Vorlage &v, const FigureValues *figures)
{
    using K = Place::Kind;
    QList<CheckedText> list;
    list << CheckedText{{K::Header, QStringLiteral("title")}, tr("Titel"), v.title};
    if (!v.subtitle.isEmpty())
        list << CheckedText{{K::Header, QStringLiteral("subtitle")}, tr("Untertitel"), v.subtitle};
    if (!v.references.isEmpty())
        list << CheckedText{{K::Header, QStringLiteral("references")}, tr("Bezug"), v.references.join(QLatin1Char('\n'))};
    const QString questionSection = sectionWith(v, Block::Type::Questions);
    const QString answerSection = sectionWith(v, Block::Type::Answers);
    const QString beschlussSection = sectionWith(v, Block::Type::Beschluss);
    for (const Section &s : v.sections) {
        list << CheckedText{{K::Section, s.label}, tr("Abschnitt %1").arg(s.label), contentPlainText(s.content, figures)};
        if (s.label == questionSection) {
            for (int i = 0; i < v.questions.size(); ++i)
                list << CheckedText{{K::Question, {}, v.questions[i].id}, tr("Frage %1").arg(i + 1), v.questions[i].text.plainText(figures)};
            if (!v.questionSignatories.isEmpty())
                list << CheckedText{{K::Header, QStringLiteral("questionSignatories")}, tr("Unterzeichnende der Anfrage"),
                              v.questionSignatories};
        }
        if (s.label == answerSection)
            for (int i = 0; i < v.questions.size(); ++i)
                list << CheckedText{{K::Answer, {}, v.questions[i].id}, tr("Antwort zu Frage %1").arg(i + 1),
                              contentPlainText(v.questions[i].answer, figures)};
        if (s.label == beschlussSection)
            for (int i = 0; i < v.beschluss.size(); ++i)
                list << CheckedText{{K::Beschluss, {}, v.beschluss[i].id}, tr("Beschlusspunkt %1").arg(i + 1),
                              v.beschluss[i].text.plainText(figures)};
    }
    for (int i = 0; i < v.anlagen.size(); ++i) {
        const Anlage &a = v.anlagen[i];
        if (a.internal)
            continue; // never published
        list << CheckedText{{K::Anlage, {}, a.id}, tr("Anlage %1").arg(i + 1),
                      a.text.isEmpty() ? a.title : a.title + QLatin1Char('\n') + a.text};
    }
    return list;
}

// ---- Refusals ---------------------------------------------------------------------------------

void visitSpans(const Content &content, const std::function<void(const Span &)> &visit)
{
    for (const Block &b : content) {
        for (const Span &s : b.paragraph.spans)
            visit(s);
        for (const Paragraph &p : b.items)
            for (const Span &s : p.spans)
                visit(s);
        for (const auto &row : b.rows)
            for (const Paragraph &p : row)
                for (const Span &s : p.spans)
                    visit(s);
    }
}

void brokenFigures(const Vorlage &v, const FigureValues *figures, QList<PublicationIssue> *out)
{
    using K = Place::Kind;
    const auto check = [&](const Content &content, const Place &where, const QString &label) {
        QStringList reported;
        visitSpans(content, [&](const Span &s) {
            if (!s.isFigure() || reported.contains(s.figure))
                return;
            // Broken is what would print as a placeholder: no frozen value and no figure of that key.
            if (s.printed(figures) != figurePlaceholder(s.figure))
                return;
            reported << s.figure;
            out->append({PublicationIssue::Kind::BrokenFigure, where, s.figure, -1,
                         tr("%1: Die Zahl „%2“ gibt es nicht; gedruckt würde „%3“.")
                             .arg(label, s.figure, figurePlaceholder(s.figure))});
        });
    };
    for (const Section &s : v.sections)
        check(s.content, {K::Section, s.label}, tr("Abschnitt %1").arg(s.label));
    for (int i = 0; i < v.questions.size(); ++i) {
        check({Block::para(v.questions[i].text)}, {K::Question, {}, v.questions[i].id},
              tr("Frage %1").arg(i + 1));
        check(v.questions[i].answer, {K::Answer, {}, v.questions[i].id},
              tr("Antwort zu Frage %1").arg(i + 1));
    }
    for (int i = 0; i < v.beschluss.size(); ++i)
        check({Block::para(v.beschluss[i].text)}, {K::Beschluss, {}, v.beschluss[i].id},
              tr("Beschlusspunkt %1").arg(i + 1));
}

// ---- Section F ----------------------------------------------------------------------------------

// Words that say "no" to what they stand with ("nicht", "keine") and words that mean an obstacle
// ("entgegen", "Bedenken", "abgesehen"). Two of them cancel ("stehen keine Gründe entgegen").
int negations(const QString &clause)
{
    static const QRegularExpression negator(QStringLiteral("(?<![\\p{L}])(?:nicht(?!\\s+nur)|nichts|kein(?:e|er|en|em|es)?)(?![\\p{L}])"),
                                            unicode | caseless);
    static const QRegularExpression obstacle(
        QStringLiteral("(?<![\\p{L}])(?:entgegen|Bedenken|abgesehen|ausgeschlossen|ungeeignet|unterbleib\\p{L}*|"
                       "verzicht\\p{L}*|untersagt|verweigert)(?![\\p{L}])"),
        unicode | caseless);
    static const QRegularExpression against(QStringLiteral("(?<![\\p{L}])(?:sprich|sprech)\\p{L}*"), unicode | caseless);
    static const QRegularExpression gegen(QStringLiteral("(?<![\\p{L}])gegen(?![\\p{L}])"), unicode | caseless);
    int n = 0;
    for (auto it = negator.globalMatch(clause); it.hasNext(); it.next())
        ++n;
    for (auto it = obstacle.globalMatch(clause); it.hasNext(); it.next())
        ++n;
    if (against.match(clause).hasMatch() && gegen.match(clause).hasMatch())
        ++n; // "es spricht … gegen eine Veröffentlichung"
    return n;
}

} // namespace

QString refusingPublicationSentence(const QString &text)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?;])\\s+(?=[\\p{Lu}„\"])|\\n+"), unicode);
    // Subordinate clauses give reasons ("da … nicht berührt sind") and do not decide: dropped.
    static const QRegularExpression subordinate(
        QStringLiteral("(?:^|,)\\s*(?:da|weil|denn|soweit|sofern|wenn|obwohl|obgleich|nachdem|zumal)(?![\\p{L}])[^,]*(?:,|$)"),
        unicode | caseless);
    // Coordinated main clauses ("… veröffentlicht werden und Belange … sind nicht berührt").
    static const QRegularExpression coordination(QStringLiteral("\\s+(?:und|sowie|aber|jedoch)\\s+(?=\\p{Lu})"), unicode);
    static const QRegularExpression publication(QStringLiteral("ver(?:ö|oe)ffentlich|Informationsregister|Transparenzportal"),
                                                unicode | caseless);
    for (const QString &raw : text.split(sentenceEnd, Qt::SkipEmptyParts)) {
        const QString sentence = raw.trimmed();
        QString main = sentence;
        main.replace(subordinate, QStringLiteral(" "));
        for (const QString &clause : main.split(coordination, Qt::SkipEmptyParts)) {
            if (publication.match(clause).hasMatch() && negations(clause) % 2 == 1)
                return sentence;
        }
    }
    return {};
}

bool isValidIban(const QString &input)
{
    QString iban = input;
    iban.remove(QLatin1Char(' '));
    iban = iban.toUpper();
    if (iban.size() < 15 || iban.size() > 34 || !iban.at(0).isLetter() || !iban.at(1).isLetter()
        || !iban.at(2).isDigit() || !iban.at(3).isDigit())
        return false;
    if (iban.startsWith(QLatin1String("DE")) && iban.size() != 22)
        return false;
    const QString rearranged = iban.mid(4) + iban.left(4);
    int remainder = 0;
    for (const QChar c : rearranged) {
        if (c.unicode() >= '0' && c.unicode() <= '9') {
            remainder = (remainder * 10 + (c.unicode() - '0')) % 97;
        } else if (c.unicode() >= 'A' && c.unicode() <= 'Z') {
            remainder = (remainder * 100 + (c.unicode() - 'A' + 10)) % 97;
        } else {
            return false;
        }
    }
    return remainder == 1;
}

QString placeText(const Vorlage &vorlage, const Place &place, const FigureValues *figures)
{
    for (const CheckedText &p : places(vorlage, figures))
        if (p.place == place)
            return p.text;
    return {};
}

QList<PublicationIssue> publicationRefusals(const Vorlage &v, const QList<Annotation> &annotations,
                                            const FigureValues *figures)
{
    using K = PublicationIssue::Kind;
    QList<PublicationIssue> out;
    if (v.status != Status::Beschlossen && v.status != Status::Veroeffentlicht)
        out.append({K::NotDecided, {Place::Kind::Header, QStringLiteral("status")}, statusLabel(v.status), -1,
                    tr("Die Vorlage ist nicht beschlossen (Status: %1).").arg(statusLabel(v.status))});
    else if (!v.sessionDate.isValid())
        out.append({K::NotDecided, {Place::Kind::Header, QStringLiteral("sessionDate")}, QString(), -1,
                    tr("Die beschlossene Vorlage hat kein Sitzungsdatum.")});

    if (const Section *f = v.section(QStringLiteral("F"))) {
        const QString sentence = refusingPublicationSentence(contentPlainText(f->content, figures));
        if (!sentence.isEmpty())
            out.append({K::NotForPublication, {Place::Kind::Section, QStringLiteral("F")}, sentence, -1,
                        tr("Abschnitt F: Die Vorlage ist nicht zur Veröffentlichung bestimmt („%1“).").arg(sentence)});
    }

    brokenFigures(v, figures, &out);

    for (int i = 0; i < v.beteiligung.size(); ++i) {
        const Participation &p = v.beteiligung[i];
        if (!p.isOpenObjection())
            continue;
        const QString who = p.name.isEmpty() ? p.ressortKey : p.name;
        out.append({K::OpenObjection, {Place::Kind::Beteiligung, {}, p.id}, who, -1,
                    tr("Die Einwände von „%1“ sind nicht ausgeräumt.").arg(who)});
    }

    for (const Annotation &a : annotations) {
        if (!a.isOpen())
            continue;
        const QString quote = a.anchor.quote.isEmpty() ? a.text : a.anchor.quote;
        const QString message = a.isSuggestion()
                                    ? tr("Ein Änderungsvorschlag von %1 zu „%2“ ist nicht entschieden.")
                                    : tr("Ein Kommentar von %1 zu „%2“ ist nicht erledigt.");
        out.append({K::OpenAnnotation, a.anchor.place, quote, -1,
                    message.arg(a.author.isEmpty() ? tr("unbekannt") : a.author, quote)});
    }
    return out;
}

QList<PublicationIssue> personalDataWarnings(const Vorlage &v, const QStringList &protectedNames, const FigureValues *figures)
{
    using K = PublicationIssue::Kind;
    static const QRegularExpression email(
        QStringLiteral("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}"), unicode);
    static const QRegularExpression phone(
        QStringLiteral("(?<![\\p{L}\\p{N},.])(?:(?:\\+|00)49[ /-]*(?:\\(0\\)[ /-]*)?[1-9]\\d{1,4}|\\(0[1-9]\\d{1,4}\\)|0[1-9]\\d{1,4})"
                       "(?:[ /-]{0,2}\\d{2,}){1,4}(?![\\p{L}\\p{N}]|[.,]\\d)"),
        unicode);
    static const QRegularExpression labelledPhone(
        QStringLiteral("(?<![\\p{L}])(?:Tel\\.?|Telefon|Fax|Mobil|Handy)\\s*:?\\s*(\\+?\\d[\\d ()/-]{4,}\\d)"), unicode | caseless);
    static const QRegularExpression birth(
        QStringLiteral("(?:(?<![\\p{L}])geb\\.|(?<![\\p{L}])geboren(?:\\s+am)?|(?<![\\p{L}])Geburtsdatum:?|(?<![\\p{L}])Geburtstag:?)"
                       "\\s*(?:am\\s+)?(?:\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?(?:\\d{4}|\\d{2})(?!\\d)|\\d{1,2}\\.\\s*(?:Januar|Februar|März|"
                       "April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\\s+\\d{4})"),
        unicode | caseless);
    static const QRegularExpression iban(QStringLiteral("(?<![\\p{L}\\p{N}])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\\p{L}\\p{N}])"),
                                         unicode);

    QList<QRegularExpression> names;
    QStringList nameTexts;
    for (const QString &name : protectedNames) {
        const QStringList words = name.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        QStringList escaped;
        for (const QString &w : words)
            escaped << QRegularExpression::escape(w);
        names << QRegularExpression(QStringLiteral("(?<![\\p{L}\\p{N}])%1(?![\\p{L}\\p{N}])").arg(escaped.join(QStringLiteral("\\s+"))),
                                    unicode | caseless);
        nameTexts << words.join(QLatin1Char(' '));
    }

    QList<PublicationIssue> out;
    for (const CheckedText &place : places(v, figures)) {
        QList<PublicationIssue> found;
        const auto overlaps = [&found](int start, int length) {
            return std::any_of(found.begin(), found.end(), [&](const PublicationIssue &i) {
                return start < i.start + i.text.size() && i.start < start + length;
            });
        };
        const auto add = [&](K kind, int start, const QString &text, const QString &message) {
            if (!overlaps(start, int(text.size())))
                found.append({kind, place.place, text, start, message});
        };
        const QString &t = place.text;
        for (auto it = email.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            add(K::Email, int(m.capturedStart()), m.captured(),
                tr("%1 enthält eine E-Mail-Adresse: „%2“.").arg(place.label, m.captured()));
        }
        QList<QPair<qsizetype, qsizetype>> ibanShaped; // valid or not: their digit groups are no phone numbers
        for (auto it = iban.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            ibanShaped.append({m.capturedStart(), m.capturedEnd()});
            // The match may run into a following code ("… 00 BIC"): try it shorter, whole groups first.
            QString candidate = m.captured();
            while (candidate.size() >= 15 && !isValidIban(candidate))
                candidate.chop(1);
            candidate = candidate.trimmed();
            if (isValidIban(candidate))
                add(K::Iban, int(m.capturedStart()), candidate,
                    tr("%1 enthält eine IBAN: „%2“.").arg(place.label, candidate));
        }
        for (auto it = birth.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            add(K::BirthDate, int(m.capturedStart()), m.captured(),
                tr("%1 enthält ein Geburtsdatum: „%2“.").arg(place.label, m.captured()));
        }
        for (auto it = labelledPhone.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            add(K::Phone, int(m.capturedStart(1)), m.captured(1),
                tr("%1 enthält eine Telefonnummer: „%2“.").arg(place.label, m.captured(1)));
        }
        for (auto it = phone.globalMatch(t); it.hasNext();) {
            const auto m = it.next();
            const QString number = m.captured();
            const auto digits = std::count_if(number.begin(), number.end(), [](QChar c) { return c.isDigit(); });
            const bool inIban = std::any_of(ibanShaped.begin(), ibanShaped.end(), [&m](const auto &span) {
                return m.capturedStart() < span.second && span.first < m.capturedEnd();
            });
            if (digits < 7 || digits > 15 || inIban)
                continue;
            add(K::Phone, int(m.capturedStart()), number, tr("%1 enthält eine Telefonnummer: „%2“.").arg(place.label, number));
        }
        for (qsizetype n = 0; n < names.size(); ++n) {
            for (auto it = names[n].globalMatch(t); it.hasNext();) {
                const auto m = it.next();
                add(K::ProtectedName, int(m.capturedStart()), m.captured(),
                    tr("%1 nennt „%2“, eine Person, die nicht veröffentlicht werden darf.").arg(place.label, m.captured()));
            }
        }
        std::sort(found.begin(), found.end(), [](const PublicationIssue &a, const PublicationIssue &b) { return a.start < b.start; });
        out << found;
    }
    return out;
}

OpenReview openReview(const Vorlage &vorlage, const QList<Annotation> &annotations)
{
    OpenReview open;
    for (const Annotation &a : annotations) {
        if (a.isOpen())
            ++(a.isSuggestion() ? open.suggestions : open.comments);
    }
    for (const Participation &p : vorlage.beteiligung)
        open.objections += p.isOpenObjection() ? 1 : 0;
    return open;
}

QStringList OpenReview::lines() const
{
    QStringList result;
    if (suggestions > 0)
        result << (suggestions == 1 ? tr("1 offener Änderungsvorschlag") : tr("%1 offene Änderungsvorschläge").arg(suggestions));
    if (comments > 0)
        result << (comments == 1 ? tr("1 nicht erledigter Kommentar") : tr("%1 nicht erledigte Kommentare").arg(comments));
    if (objections > 0)
        result << (objections == 1 ? tr("1 Beteiligung mit nicht ausgeräumten Einwänden")
                                   : tr("%1 Beteiligungen mit nicht ausgeräumten Einwänden").arg(objections));
    return result;
}

PublicationCheck checkPublication(const Vorlage &vorlage, const QList<Annotation> &annotations,
                                  const QStringList &protectedNames, const FigureValues *figures)
{
    return {publicationRefusals(vorlage, annotations, figures), personalDataWarnings(vorlage, protectedNames, figures)};
}

} // namespace vw
