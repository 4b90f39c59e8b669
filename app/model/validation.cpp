#include "validation.h"

#include "beteiligung.h"
#include "templates.h"
#include "vorlagejson.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace vw {

namespace {

// Section labels and headings of each kind's template, read once: vorlageFromTemplate() builds a
// whole Vorlage, too much for every keystroke.
struct TemplateSections {
    QStringList labels;
    QStringList headings;
};

const TemplateSections &templateSections(VorlageKind kind)
{
    static const auto all = [] {
        std::array<TemplateSections, 16> result;
        for (VorlageKind k : allKinds()) {
            for (const Section &s : vorlageFromTemplate(k).sections) {
                result[size_t(k)].labels << s.label;
                result[size_t(k)].headings << s.heading;
            }
        }
        return result;
    }();
    return all[size_t(kind)];
}

// Compiled while the function-local static is initialised (which C++ makes thread-safe), not on the
// first match: validate() may also run on the export's worker threads.
QRegularExpression compiled(const QString &pattern,
                            QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption)
{
    QRegularExpression re(pattern, options | QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return re;
}

bool errorSection(const QString &label)
{
    return label == QLatin1String("A") || label == QLatin1String("B") || label == QLatin1String("D") ||
           label == QLatin1String("G");
}

// Anything to print: text, or questions, answers or Beschluss items where the section shows them.
bool sectionHasContent(const Vorlage &v, const Section &s)
{
    for (const Block &b : s.content) {
        switch (b.type) {
        case Block::Type::Questions:
            if (!v.questions.isEmpty() || !v.questionSignatories.trimmed().isEmpty())
                return true;
            break;
        case Block::Type::Answers:
            if (!v.questions.isEmpty())
                return true;
            break;
        case Block::Type::Beschluss:
            if (!v.beschluss.isEmpty())
                return true;
            break;
        default:
            if (!contentIsEmpty({b}))
                return true;
        }
    }
    return false;
}

bool hasPlaceholder(const Section &s, Block::Type type)
{
    for (const Block &b : s.content) {
        if (b.type == type)
            return true;
    }
    return false;
}

bool mentionsGender(const QString &text)
{
    static const QRegularExpression re = compiled(
        QStringLiteral("gender|geschlecht|gleichstellung|gleichberechtig|frauen|männer|mädchen|\\bZGF\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(text).hasMatch();
}

// Dates a Beschluss sentence sets as a deadline: "bis zum 30.06.2021", "bis spätestens 31. März 2022".
QList<QDate> deadlinesIn(const QString &sentence)
{
    static const QRegularExpression re = compiled(QStringLiteral(
        "\\bbis\\s+(?:spätestens\\s+)?(?:zum\\s+)?"
        "(\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}|\\d{1,2}\\.\\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|"
        "August|September|Oktober|November|Dezember)\\s+\\d{4})"));
    QList<QDate> dates;
    if (!sentence.contains(QLatin1String("bis")))
        return dates;
    for (auto it = re.globalMatch(sentence); it.hasNext();) {
        const QDate d = parseGermanDate(it.next().captured(1));
        if (d.isValid())
            dates << d;
    }
    return dates;
}

class Checker {
public:
    Checker(const Vorlage &v, const RessortTable &ressorts) : mV(v), mRessorts(ressorts) {}

    QList<Problem> run()
    {
        header();
        if (mV.kind == VorlageKind::SenatskanzleiVortraege) {
            // No A–G here: a sequence of Vorträge, each closing with its own Beschluss line.
            for (const Section &s : mV.sections) {
                if (!sectionHasContent(mV, s))
                    add(Problem::Severity::Warning, {Place::Kind::Section, s.label},
                        tr("Vortrag %1 ist leer.").arg(s.label));
            }
            return mProblems;
        }

        const TemplateSections &tmpl = templateSections(mV.kind);
        QString questionsAt, answersAt, beschlussAt;
        for (const Section &s : mV.sections) {
            if (questionsAt.isEmpty() && hasPlaceholder(s, Block::Type::Questions))
                questionsAt = s.label;
            if (answersAt.isEmpty() && hasPlaceholder(s, Block::Type::Answers))
                answersAt = s.label;
            if (beschlussAt.isEmpty() && hasPlaceholder(s, Block::Type::Beschluss))
                beschlussAt = s.label;
        }

        bool questionsDone = false, answersDone = false, beschlussDone = false;
        for (const Section &s : mV.sections) {
            bool reportedEmpty = false;
            if (tmpl.labels.contains(s.label) && !sectionHasContent(mV, s)) {
                reportedEmpty = true;
                emptySection(s.label, s.heading.isEmpty() ? heading(tmpl, s.label) : s.heading, false);
            } else if (s.label == QLatin1String("D") && !mentionsGender(sectionPlainText(mV, s))) {
                add(Problem::Severity::Error, {Place::Kind::Section, s.label},
                    tr("Abschnitt D: Die Gender-Prüfung fehlt."));
            }
            if (s.label == questionsAt && !questionsDone) {
                questions(s.label, reportedEmpty);
                questionsDone = true;
            }
            if (s.label == answersAt && !answersDone) {
                answers();
                answersDone = true;
            }
            if (s.label == beschlussAt && !beschlussDone) {
                beschluss(s.label, reportedEmpty);
                beschlussDone = true;
            }
        }

        for (const QString &label : tmpl.labels) {
            if (!mV.section(label))
                emptySection(label, heading(tmpl, label), true);
        }
        // Items the sections do not show are still part of the Vorlage: check them where they belong.
        if (!questionsDone)
            questions(QStringLiteral("A"), !mV.section(QStringLiteral("A")));
        if (!answersDone && mV.kind == VorlageKind::Fragestunde)
            answers();
        if (!beschlussDone && tmpl.labels.contains(QStringLiteral("G")))
            beschluss(QStringLiteral("G"), !mV.section(QStringLiteral("G")));
        return mProblems;
    }

private:
    Q_DECLARE_TR_FUNCTIONS(vw::Validation)

    static QString heading(const TemplateSections &tmpl, const QString &label)
    {
        const qsizetype i = tmpl.labels.indexOf(label);
        return i < 0 ? QString() : tmpl.headings[i];
    }

    void add(Problem::Severity severity, Place place, const QString &message)
    {
        mProblems.append(Problem{severity, std::move(place), message});
    }

    void header()
    {
        const Place ressortsAt{Place::Kind::Header, QStringLiteral("ressorts")};
        if (mV.ressorts.isEmpty())
            add(Problem::Severity::Error, ressortsAt, tr("Es ist kein einreichendes Ressort angegeben."));
        for (int i = 0; i < mV.ressorts.size(); ++i) {
            const RessortRef &r = mV.ressorts[i];
            ressort(r, {Place::Kind::Header, QStringLiteral("ressorts"), r.key.isEmpty() ? r.name : r.key}, i);
        }

        if (!mV.date.isValid())
            add(Problem::Severity::Error, {Place::Kind::Header, QStringLiteral("date")},
                tr("Das Datum der Vorlage fehlt."));

        static const QRegularExpression questionNumber = compiled(QStringLiteral("^[LS] [1-9][0-9]{0,3}$"));
        const Place numberAt{Place::Kind::Header, QStringLiteral("questionNumber")};
        if (!mV.questionNumber.isEmpty() && !questionNumber.match(mV.questionNumber).hasMatch())
            add(Problem::Severity::Warning, numberAt,
                tr("Die Fragenummer „%1“ hat nicht die Form „L 11“ oder „S 7“.").arg(mV.questionNumber));
        else if (mV.questionNumber.isEmpty() && mV.kind == VorlageKind::Fragestunde)
            add(Problem::Severity::Warning, numberAt,
                tr("Die Fragestunde hat keine Fragenummer (etwa „L 11“ oder „S 7“)."));

        const Place sessionAt{Place::Kind::Header, QStringLiteral("sessionDate")};
        if (!mV.sessionDate.isValid())
            add(Problem::Severity::Error, sessionAt, tr("Das Sitzungsdatum fehlt."));
        else if (mV.date.isValid() && mV.sessionDate < mV.date)
            add(Problem::Severity::Error, sessionAt,
                tr("Die Sitzung am %1 liegt vor dem Datum der Vorlage (%2).")
                    .arg(germanDate(mV.sessionDate), germanDate(mV.date)));

        if (mV.title.trimmed().isEmpty())
            add(Problem::Severity::Error, {Place::Kind::Header, QStringLiteral("title")},
                tr("Der Titel fehlt."));
    }

    // Why `key` has no name on the Vorlage date, naming the Ressort; empty when it has one.
    QString ressortNameProblem(const QString &key) const
    {
        if (!mRessorts.hasKey(key))
            return tr("Der Ressortschlüssel „%1“ steht nicht in der Ressorttabelle.").arg(key);
        if (!mV.date.isValid() || !mRessorts.nameOn(key, mV.date).isEmpty())
            return {};
        const RessortName *before = nullptr, *after = nullptr;
        for (const RessortName &e : mRessorts.entries()) {
            if (e.key != key)
                continue;
            if (e.validTo.isValid() && e.validTo < mV.date && (!before || before->validTo < e.validTo))
                before = &e;
            if (e.validFrom.isValid() && mV.date < e.validFrom && (!after || e.validFrom < after->validFrom))
                after = &e;
        }
        if (before)
            return tr("Das Ressort „%1“ hat am %2 keinen gültigen Namen; der Name galt bis zum %3.")
                .arg(before->name, germanDate(mV.date), germanDate(before->validTo));
        if (after)
            return tr("Das Ressort „%1“ hat am %2 keinen gültigen Namen; der Name gilt erst ab dem %3.")
                .arg(after->name, germanDate(mV.date), germanDate(after->validFrom));
        return tr("Das Ressort „%1“ hat am %2 keinen gültigen Namen.").arg(key, germanDate(mV.date));
    }

    void ressort(const RessortRef &r, const Place &at, int i)
    {
        if (r.key.isEmpty()) {
            if (r.name.trimmed().isEmpty())
                add(Problem::Severity::Error, at,
                    tr("Ressort %1 hat weder Schlüssel noch Namen.").arg(i + 1));
            else
                add(Problem::Severity::Warning, at,
                    tr("Das Ressort „%1“ steht nicht in der Ressorttabelle; der Name wird gedruckt, wie er "
                       "eingegeben ist.")
                        .arg(r.name));
            return;
        }
        const QString problem = ressortNameProblem(r.key);
        if (!problem.isEmpty())
            add(Problem::Severity::Error, at, problem);
    }

    void emptySection(const QString &label, const QString &sectionHeading, bool missing)
    {
        const auto severity = errorSection(label) ? Problem::Severity::Error : Problem::Severity::Warning;
        const Place at{Place::Kind::Section, label};
        QString message;
        if (label == QLatin1String("D"))
            message = missing ? tr("Abschnitt D fehlt und mit ihm die Gender-Prüfung.")
                              : tr("Abschnitt D ist leer; die Gender-Prüfung fehlt.");
        else if (missing)
            message = tr("Abschnitt %1 (%2) fehlt.").arg(label, sectionHeading);
        else
            message = tr("Abschnitt %1 (%2) ist leer.").arg(label, sectionHeading);
        add(severity, at, message);
    }

    void questions(const QString &label, bool sectionReportedEmpty)
    {
        if (mV.questions.isEmpty()) {
            if (mV.kind == VorlageKind::Fragestunde && !sectionReportedEmpty)
                add(Problem::Severity::Error, {Place::Kind::Question},
                    tr("Abschnitt %1: Die Anfrage enthält keine Fragen.").arg(label));
            return;
        }
        for (int i = 0; i < mV.questions.size(); ++i) {
            if (mV.questions[i].text.plainText().trimmed().isEmpty())
                add(Problem::Severity::Error, {Place::Kind::Question, {}, mV.questions[i].id},
                    tr("Frage %1 hat keinen Text.").arg(i + 1));
        }
    }

    void answers()
    {
        for (int i = 0; i < mV.questions.size(); ++i) {
            if (contentIsEmpty(mV.questions[i].answer))
                add(Problem::Severity::Error, {Place::Kind::Answer, {}, mV.questions[i].id},
                    tr("Zu Frage %1 fehlt die Antwort.").arg(i + 1));
        }
    }

    void beschluss(const QString &label, bool sectionReportedEmpty)
    {
        if (mV.beschluss.isEmpty()) {
            if (!sectionReportedEmpty)
                add(Problem::Severity::Error, {Place::Kind::Beschluss},
                    tr("Abschnitt %1: Es gibt keinen Beschlusspunkt.").arg(label));
            return;
        }
        for (int i = 0; i < mV.beschluss.size(); ++i) {
            const BeschlussItem &item = mV.beschluss[i];
            const Place at{Place::Kind::Beschluss, {}, item.id};
            const QString text = item.text.plainText();
            if (text.trimmed().isEmpty()) {
                add(Problem::Severity::Error, at, tr("Beschlusspunkt %1 ist leer.").arg(i + 1));
                continue;
            }
            if (beschlussVerb(text) == BeschlussVerb::None)
                add(Problem::Severity::Error, at,
                    tr("Beschlusspunkt %1 enthält kein Beschlussverb (nimmt … zur Kenntnis, stimmt … zu, "
                       "beschließt, bittet, beauftragt, begrüßt).")
                        .arg(i + 1));
            if (mV.sessionDate.isValid()) {
                QList<QDate> deadlines = deadlinesIn(text);
                if (item.dueDate.isValid())
                    deadlines.prepend(item.dueDate);
                for (const QDate &d : std::as_const(deadlines)) {
                    if (d < mV.sessionDate) {
                        add(Problem::Severity::Warning, at,
                            tr("Beschlusspunkt %1 nennt mit dem %2 einen Termin vor der Sitzung am %3.")
                                .arg(QString::number(i + 1), germanDate(d), germanDate(mV.sessionDate)));
                        break;
                    }
                }
            }
            if (!item.ressortKey.isEmpty()) {
                const QString problem = ressortNameProblem(item.ressortKey);
                if (!problem.isEmpty())
                    add(Problem::Severity::Warning, at,
                        tr("Beschlusspunkt %1: %2").arg(QString::number(i + 1), problem));
            }
        }
    }

    const Vorlage &mV;
    const RessortTable &mRessorts;
    QList<Problem> mProblems;
};

// The word before `pos`, letters only.
QStringView previousWord(const QString &s, qsizetype pos)
{
    qsizetype end = pos;
    while (end > 0 && !s[end - 1].isLetter())
        --end;
    qsizetype start = end;
    while (start > 0 && s[start - 1].isLetter())
        --start;
    return QStringView(s).mid(start, end - start);
}

} // namespace

namespace {

// Quotes of figures: unknown keys are errors, figures older than the workspace allows are warnings.
void checkFigures(const Vorlage &v, const FigureValues &figures, QList<Problem> *problems)
{
    const auto check = [&](const QStringList &keys, const Place &where, const QString &place) {
        for (const QString &key : keys) {
            const Figure *f = figures.find(key);
            if (!f) {
                problems->append({Problem::Severity::Error, where,
                                  QCoreApplication::translate("vw::Validation",
                                                              "%1: Die Zahl „%2“ gibt es im Arbeitsbereich nicht.")
                                      .arg(place, key)});
            } else if (f->asOf.isValid() && v.date.isValid() && f->asOf.daysTo(v.date) > figures.maxAgeDays()) {
                problems->append({Problem::Severity::Warning, where,
                                  QCoreApplication::translate("vw::Validation",
                                                              "%1: Die Zahl „%2“ hat den Stand %3, mehr als %4 Tage "
                                                              "vor dem Datum der Vorlage.")
                                      .arg(place, f->label.isEmpty() ? key : f->label, germanDate(f->asOf))
                                      .arg(figures.maxAgeDays())});
            }
        }
    };
    for (const Section &s : v.sections) {
        QStringList keys;
        collectFigureKeys(s.content, &keys);
        check(keys, Place{Place::Kind::Section, s.label},
              QCoreApplication::translate("vw::Validation", "Abschnitt %1").arg(s.label));
    }
    for (int i = 0; i < v.questions.size(); ++i) {
        QStringList keys;
        collectFigureKeys({Block::para(v.questions[i].text)}, &keys);
        check(keys, Place{Place::Kind::Question, {}, v.questions[i].id},
              QCoreApplication::translate("vw::Validation", "Frage %1").arg(i + 1));
        keys.clear();
        collectFigureKeys(v.questions[i].answer, &keys);
        check(keys, Place{Place::Kind::Answer, {}, v.questions[i].id},
              QCoreApplication::translate("vw::Validation", "Antwort zu Frage %1").arg(i + 1));
    }
    for (int i = 0; i < v.beschluss.size(); ++i) {
        QStringList keys;
        collectFigureKeys({Block::para(v.beschluss[i].text)}, &keys);
        check(keys, Place{Place::Kind::Beschluss, {}, v.beschluss[i].id},
              QCoreApplication::translate("vw::Validation", "Beschlusspunkt %1").arg(i + 1));
    }
}

// Numbers typed in text: "4750", "91.430", "7.500.000 €", "12,5 %".
const QRegularExpression &typedNumberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<![\\p{L}\\p{N}.,])\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?(?:\\s?(?:€|%))?(?![\\p{L}\\p{N}]|[.,]\\d)"
                       "|(?<![\\p{L}\\p{N}.,])\\d+(?:,\\d+)?(?:\\s?(?:€|%))?(?![\\p{L}\\p{N}]|[.,]\\d)"));
    return pattern;
}

// The figure whose value a typed number has, if exactly one figure has it (dates and years are left alone).
const Figure *figureForNumber(const QString &typed, const QHash<QString, QList<const Figure *>> &byValue)
{
    QString number = typed;
    FigureType type = FigureType::Decimal;
    if (number.endsWith(QChar(0x20AC)))
        type = FigureType::Amount;
    else if (number.endsWith(QLatin1Char('%')))
        type = FigureType::Percentage;
    auto value = parseFigureValue(type, number);
    if (!value)
        return nullptr;
    const QString key = QString::number(value->toDouble(), 'g', 15);
    const QList<const Figure *> matches = byValue.value(key);
    return matches.size() == 1 ? matches.first() : nullptr;
}

// The text a clerk typed: quotes left out (they are quotes already), list numbers not added.
QString typedParagraphText(const Paragraph &p)
{
    QString text;
    for (const Span &s : p.spans)
        text += s.isFigure() ? QStringLiteral(" ") : s.text;
    return text;
}

QString typedContentText(const Content &content)
{
    QStringList lines;
    for (const Block &b : content) {
        lines << typedParagraphText(b.paragraph);
        for (const Paragraph &item : b.items)
            lines << typedParagraphText(item);
        for (const auto &row : b.rows)
            for (const Paragraph &cell : row)
                lines << typedParagraphText(cell);
    }
    return lines.join(QLatin1Char('\n'));
}

// Leftovers of a draft in any text: "{{" that never became a quote (it would print as typed: an error,
// like a quote of an unknown figure), a lone "}}", and the "…" of a standard wording or a new Beschluss
// item that was not filled in (warnings: an ellipsis may be meant, as "[…]" in a quotation is).
void checkLeftovers(const Vorlage &v, QList<Problem> *problems)
{
    const auto check = [&](const QString &text, const Place &where, const QString &place) {
        if (text.contains(QLatin1String("{{")))
            problems->append({Problem::Severity::Error, where,
                              QCoreApplication::translate(
                                  "vw::Validation",
                                  "%1: „{{“ ist kein Verweis auf eine Zahl. Die Zahl aus der Liste wählen, die "
                                  "nach „{{“ erscheint, oder die Klammern entfernen.")
                                  .arg(place)});
        else if (text.contains(QLatin1String("}}")))
            problems->append({Problem::Severity::Warning, where,
                              QCoreApplication::translate("vw::Validation",
                                                          "%1: „}}“ ohne „{{“ – übrig gebliebene Klammern?")
                                  .arg(place)});
        QString open = text;
        open.remove(QStringLiteral("[…]")).remove(QStringLiteral("(…)"));
        if (open.contains(QChar(0x2026)))
            problems->append({Problem::Severity::Warning, where,
                              QCoreApplication::translate(
                                  "vw::Validation", "%1: Der Platzhalter „…“ ist noch nicht ausgefüllt.")
                                  .arg(place)});
    };
    check(v.title, Place{Place::Kind::Header, QStringLiteral("title")},
          QCoreApplication::translate("vw::Validation", "Titel"));
    for (const Section &s : v.sections)
        check(typedContentText(s.content), Place{Place::Kind::Section, s.label},
              QCoreApplication::translate("vw::Validation", "Abschnitt %1").arg(s.label));
    for (int i = 0; i < v.questions.size(); ++i) {
        check(typedParagraphText(v.questions[i].text),
              Place{Place::Kind::Question, {}, v.questions[i].id},
              QCoreApplication::translate("vw::Validation", "Frage %1").arg(i + 1));
        check(typedContentText(v.questions[i].answer),
              Place{Place::Kind::Answer, {}, v.questions[i].id},
              QCoreApplication::translate("vw::Validation", "Antwort zu Frage %1").arg(i + 1));
    }
    for (int i = 0; i < v.beschluss.size(); ++i)
        check(typedParagraphText(v.beschluss[i].text),
              Place{Place::Kind::Beschluss, {}, v.beschluss[i].id},
              QCoreApplication::translate("vw::Validation", "Beschlusspunkt %1").arg(i + 1));
}

void suggestQuotes(const Vorlage &v, const FigureValues &figures, QList<Problem> *problems)
{
    QHash<QString, QList<const Figure *>> byValue;
    const QList<Figure> all = figures.all();
    for (const Figure &f : all) {
        if (f.type == FigureType::Date)
            continue;
        const Figure *found = figures.find(f.key);
        byValue[QString::number(f.value.toDouble(), 'g', 15)].append(found);
    }
    if (byValue.isEmpty())
        return;
    const auto scan = [&](const QString &text, const Place &where, const QString &place) {
        for (auto it = typedNumberPattern().globalMatch(text); it.hasNext();) {
            const QString typed = it.next().captured(0);
            if (const Figure *f = figureForNumber(typed, byValue)) {
                Problem p{Problem::Severity::Warning, where,
                          QCoreApplication::translate("vw::Validation",
                                                      "%1: „%2“ ist der Wert der Zahl „%3“ – als Verweis einsetzen?")
                              .arg(place, typed, f->label.isEmpty() ? f->key : f->label)};
                p.typedNumber = typed;
                p.suggestedFigure = f->key;
                problems->append(p);
            }
        }
    };
    const auto typedText = typedParagraphText;
    const auto contentText = typedContentText;
    for (const Section &s : v.sections)
        scan(contentText(s.content), Place{Place::Kind::Section, s.label},
             QCoreApplication::translate("vw::Validation", "Abschnitt %1").arg(s.label));
    for (int i = 0; i < v.questions.size(); ++i)
        scan(contentText(v.questions[i].answer), Place{Place::Kind::Answer, {}, v.questions[i].id},
             QCoreApplication::translate("vw::Validation", "Antwort zu Frage %1").arg(i + 1));
    for (int i = 0; i < v.beschluss.size(); ++i)
        scan(typedText(v.beschluss[i].text), Place{Place::Kind::Beschluss, {}, v.beschluss[i].id},
             QCoreApplication::translate("vw::Validation", "Beschlusspunkt %1").arg(i + 1));
}

// Replaces the first `typed` (as a whole number) in the spans of `content` by a quote of `key`.
bool replaceInParagraph(Paragraph &p, const QString &typed, const QString &key)
{
    for (qsizetype i = 0; i < p.spans.size(); ++i) {
        Span &s = p.spans[i];
        if (s.isFigure())
            continue;
        for (auto it = typedNumberPattern().globalMatch(s.text); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(0) != typed)
                continue;
            const Span before{s.text.left(m.capturedStart()), s.bold, s.italic};
            const Span after{s.text.mid(m.capturedEnd()), s.bold, s.italic};
            const Span quote = Span::quote(key, s.bold, s.italic);
            p.spans.removeAt(i);
            QList<Span> replacement;
            if (!before.text.isEmpty())
                replacement << before;
            replacement << quote;
            if (!after.text.isEmpty())
                replacement << after;
            for (qsizetype k = 0; k < replacement.size(); ++k)
                p.spans.insert(i + k, replacement[k]);
            return true;
        }
    }
    return false;
}

bool replaceInContent(Content &content, const QString &typed, const QString &key)
{
    for (Block &b : content) {
        if (replaceInParagraph(b.paragraph, typed, key))
            return true;
        for (Paragraph &item : b.items)
            if (replaceInParagraph(item, typed, key))
                return true;
        for (auto &row : b.rows)
            for (Paragraph &cell : row)
                if (replaceInParagraph(cell, typed, key))
                    return true;
    }
    return false;
}

QString slug(const QString &words)
{
    QString key;
    for (QChar c : words.toLower()) {
        if (c == QChar(0xE4))
            key += QStringLiteral("ae");
        else if (c == QChar(0xF6))
            key += QStringLiteral("oe");
        else if (c == QChar(0xFC))
            key += QStringLiteral("ue");
        else if (c == QChar(0xDF))
            key += QStringLiteral("ss");
        else if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
            key += c;
        else if (!key.endsWith(QLatin1Char('-')))
            key += QLatin1Char('-');
    }
    while (key.endsWith(QLatin1Char('-')))
        key.chop(1);
    while (!key.isEmpty() && !key.at(0).isLetter())
        key.remove(0, 1);
    return key.left(40);
}


// Words that say nothing about what a number counts: articles, prepositions, conjunctions, pronouns,
// auxiliaries, and the adverbs and units that stand next to numbers ("rund 500", "7,5 Mio. Euro").
bool isStopWord(const QString &word)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *w :
             {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen", "und",
              "oder", "sowie", "bzw", "in", "im", "ins", "am", "an", "auf", "aus", "bei", "beim", "bis", "für",
              "mit", "nach", "von", "vom", "zu", "zum", "zur", "über", "unter", "um", "pro", "je", "gegen", "ohne",
              "durch", "als", "wie", "ca", "rd", "rund", "etwa", "circa", "knapp", "fast", "mehr", "weniger",
              "mindestens", "höchstens", "maximal", "insgesamt", "jeweils", "zusätzlich", "weitere", "weiteren",
              "aktuell", "derzeit", "zurzeit", "bisher", "heute", "damit", "davon", "dafür", "hier", "dort", "es",
              "sie", "er", "wir", "diese", "dieser", "dieses", "diesen", "ist", "sind", "war", "waren", "wird",
              "werden", "wurde", "wurden", "hat", "haben", "hatte", "kann", "können", "soll", "sollen", "nicht",
              "auch", "noch", "nur", "schon", "euro", "eur", "mio", "mrd", "millionen", "milliarden", "tsd",
              "tausend", "prozent", "stück", "nr"})
            set.insert(QString::fromUtf8(w));
        return set;
    }();
    return words.contains(word.toLower());
}

// A word as it stands, without the punctuation around it; *ends says whether a clause ends after it
// (a comma, a full stop that closes no abbreviation, a colon …).
QString bareWord(QString word, bool *ends)
{
    static const QSet<QString> abbreviations{QStringLiteral("ca."), QStringLiteral("rd."), QStringLiteral("Mio."),
                                             QStringLiteral("Mrd."), QStringLiteral("Tsd."), QStringLiteral("Nr."),
                                             QStringLiteral("bzw."), QStringLiteral("z."), QStringLiteral("B."),
                                             QStringLiteral("u."), QStringLiteral("a."), QStringLiteral("d."),
                                             QStringLiteral("h."), QStringLiteral("Std."), QStringLiteral("max.")};
    *ends = !abbreviations.contains(word) && !word.isEmpty() && QStringLiteral(".,;:!?)").contains(word.back());
    while (!word.isEmpty() && !word.front().isLetterOrNumber())
        word.remove(0, 1);
    while (!word.isEmpty() && !word.back().isLetterOrNumber())
        word.chop(1);
    return word;
}

// German nouns are capitalised; a word in capitals counts too ("VPN-Zugänge", "PCs").
bool isNoun(const QString &word)
{
    return !word.isEmpty() && word.front().isUpper() && !isStopWord(word) && slug(word).size() > 2;
}

// A key for a typed number from the nouns around it, in the words' order: what follows the number
// ("500 VPN-Zugänge" → vpn-zugaenge) with a noun linked to it ("452 Arbeitsplätze in Bremerhaven" →
// arbeitsplaetze-bremerhaven), else what stands before it in the same clause ("Aufstockung auf über 500"
// → aufstockung). Adjectives between number and noun are passed over ("311 gleichzeitige Zugriffe");
// a preposition or verb right after the number means that nothing after it is counted ("500 wird zur
// Zeit …"). Empty when no noun is near.
QString figureKeyFromWords(const QString &before, const QString &after)
{
    const auto key = [](QStringList nouns) {
        for (QString &n : nouns)
            n = slug(n);
        QString k = nouns.join(QLatin1Char('-')).left(40);
        while (k.endsWith(QLatin1Char('-')))
            k.chop(1);
        return k;
    };
    // Words after the number, up to the end of its clause.
    QStringList next;
    bool ends = false;
    for (const QString &w : after.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString word = bareWord(w, &ends);
        if (!word.isEmpty())
            next << word;
        if (ends || next.size() >= 6)
            break;
    }
    // The head noun: adjectives and units may come first, nothing else.
    qsizetype head = -1;
    for (qsizetype i = 0; i < next.size() && i < 3; ++i) {
        if (isNoun(next[i])) {
            head = i;
            break;
        }
        const QString lower = next[i].toLower();
        const bool unit = lower == QLatin1String("euro") || lower == QLatin1String("mio") ||
                          lower == QLatin1String("mrd") || lower == QLatin1String("millionen") ||
                          lower == QLatin1String("prozent");
        if (!unit && (isStopWord(next[i]) || next[i].front().isUpper()))
            break;
    }
    if (head >= 0) {
        QStringList nouns{next[head]};
        // One more noun, next to it or joined by small words: "in Bremerhaven", "und Nutzer", "im Betrieb".
        for (qsizetype i = head + 1; i < next.size() && i <= head + 3; ++i) {
            if (isNoun(next[i])) {
                nouns << next[i];
                break;
            }
            if (!isStopWord(next[i]))
                break;
        }
        return key(nouns);
    }

    // Words before the number, back to the start of its clause, nearest first.
    QStringList previous;
    const QStringList words = before.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = words.size() - 1; i >= 0 && previous.size() < 6; --i) {
        const QString word = bareWord(words[i], &ends);
        if (ends)
            break;
        if (!word.isEmpty())
            previous << word;
    }
    for (qsizetype i = 0; i < previous.size() && i < 4; ++i) {
        if (!isNoun(previous[i]))
            continue;
        QStringList nouns{previous[i]};
        // "Zahl der Zugänge auf 500": the noun the nearest one belongs to.
        for (qsizetype k = i + 1; k < previous.size() && k <= i + 2; ++k) {
            if (isNoun(previous[k])) {
                nouns.prepend(previous[k]);
                break;
            }
            if (!isStopWord(previous[k]))
                break;
        }
        return key(nouns);
    }
    return {};
}
} // namespace

QList<NumberCandidate> numberCandidates(const Vorlage &v, const FigureValues &existing)
{
    QList<NumberCandidate> result;
    QStringList seenValues;
    QStringList keys;
    const auto scan = [&](const QString &text, const Place &where) {
        for (auto it = typedNumberPattern().globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const QString typed = m.captured(0);
            FigureType type = typed.endsWith(QChar(0x20AC)) ? FigureType::Amount
                              : typed.endsWith(QLatin1Char('%')) ? FigureType::Percentage
                                                                 : FigureType::Integer;
            auto value = parseFigureValue(type, typed);
            if (!value && type == FigureType::Integer) {
                type = FigureType::Decimal;
                value = parseFigureValue(type, typed);
            }
            // Years and small counts ("zwei", "1.") are rarely figures worth keeping.
            if (!value || seenValues.contains(value.value()) || (type == FigureType::Integer && value->toLongLong() < 10)
                || (type == FigureType::Integer && value->size() == 4 && value->startsWith(QLatin1String("20"))))
                continue;
            seenValues << value.value();
            const QString after = text.mid(m.capturedEnd()).section(QLatin1Char('\n'), 0, 0).simplified();
            const QString before = text.left(m.capturedStart()).section(QLatin1Char('\n'), -1).simplified();
            NumberCandidate c;
            c.typed = typed;
            c.place = where;
            // About 40 characters either side, in whole words.
            QString lead = before.right(40);
            if (lead.size() < before.size())
                lead = lead.section(QLatin1Char(' '), 1);
            QString tail = after.left(40);
            if (tail.size() < after.size())
                tail = tail.section(QLatin1Char(' '), 0, -2);
            c.context = QStringLiteral("%1 %2 %3").arg(lead, typed, tail).simplified();
            c.proposal.type = type;
            c.proposal.value = value.value();
            c.proposal.asOf = v.date;
            c.proposal.label = QStringLiteral("%1 … %2")
                                   .arg(before.section(QLatin1Char(' '), -3), after.section(QLatin1Char(' '), 0, 2))
                                   .simplified();
            QString key = figureKeyFromWords(before, after);
            if (key.isEmpty())
                key = QStringLiteral("zahl");
            QString unique = key;
            for (int n = 2; keys.contains(unique) || existing.find(unique); ++n)
                unique = QStringLiteral("%1-%2").arg(key).arg(n);
            keys << unique;
            c.proposal.key = unique;
            result << c;
        }
    };
    for (const Section &s : v.sections)
        scan(typedContentText(s.content), Place{Place::Kind::Section, s.label});
    for (int i = 0; i < v.questions.size(); ++i)
        scan(typedContentText(v.questions[i].answer), Place{Place::Kind::Answer, {}, v.questions[i].id});
    for (int i = 0; i < v.beschluss.size(); ++i)
        scan(typedParagraphText(v.beschluss[i].text), Place{Place::Kind::Beschluss, {}, v.beschluss[i].id});
    return result;
}

void quoteCandidates(Vorlage &vorlage, const QList<NumberCandidate> &chosen)
{
    for (const NumberCandidate &c : chosen) {
        Problem p;
        p.place = c.place;
        p.typedNumber = c.typed;
        p.suggestedFigure = c.proposal.key;
        // Every place the number was typed becomes a quote, not only the first.
        while (applyFigureSuggestion(vorlage, p))
            ;
        for (const Section &s : vorlage.sections) {
            p.place = Place{Place::Kind::Section, s.label};
            while (applyFigureSuggestion(vorlage, p))
                ;
        }
    }
}

bool applyFigureSuggestion(Vorlage &v, const Problem &p)
{
    if (p.suggestedFigure.isEmpty())
        return false;
    switch (p.place.kind) {
    case Place::Kind::Section:
        if (Section *s = v.section(p.place.field))
            return replaceInContent(s->content, p.typedNumber, p.suggestedFigure);
        return false;
    case Place::Kind::Answer:
        for (Question &q : v.questions)
            if (q.id == p.place.itemId)
                return replaceInContent(q.answer, p.typedNumber, p.suggestedFigure);
        return false;
    case Place::Kind::Beschluss:
        for (BeschlussItem &item : v.beschluss)
            if (item.id == p.place.itemId)
                return replaceInParagraph(item.text, p.typedNumber, p.suggestedFigure);
        return false;
    default:
        return false;
    }
}

QList<Problem> validate(const Vorlage &vorlage, const RessortTable &ressorts, const FigureValues *figures)
{
    QList<Problem> problems = Checker(vorlage, ressorts).run();
    for (const Participation &entry : vorlage.beteiligung) {
        if (entry.isOpenObjection())
            problems.append({Problem::Severity::Warning, {Place::Kind::Beteiligung, {}, entry.id},
                             QCoreApplication::translate("vw::Validation", "Beteiligung: %1 hat Einwände erhoben, die nicht ausgeräumt sind.")
                                 .arg(participantName(vorlage, entry, ressorts))});
    }
    checkLeftovers(vorlage, &problems);
    if (figures) {
        checkFigures(vorlage, *figures, &problems);
        suggestQuotes(vorlage, *figures, &problems);
    }
    return problems;
}

int errorCount(const QList<Problem> &problems)
{
    return int(std::count_if(problems.begin(), problems.end(),
                             [](const Problem &p) { return p.severity == Problem::Severity::Error; }));
}

int warningCount(const QList<Problem> &problems)
{
    return int(problems.size()) - errorCount(problems);
}

bool hasErrors(const QList<Problem> &problems)
{
    return errorCount(problems) > 0;
}

QString severityLabel(Problem::Severity severity)
{
    return severity == Problem::Severity::Error ? QCoreApplication::translate("vw::Validation", "Fehler")
                                                : QCoreApplication::translate("vw::Validation", "Warnung");
}

QString problemLine(const Problem &problem)
{
    return QStringLiteral("%1: %2").arg(severityLabel(problem.severity), problem.message);
}

QString problemSummary(const QList<Problem> &problems)
{
    const int errors = errorCount(problems);
    const int warnings = int(problems.size()) - errors;
    QStringList parts;
    if (errors > 0)
        parts << QCoreApplication::translate("vw::Validation", "%1 Fehler").arg(errors);
    if (warnings == 1)
        parts << QCoreApplication::translate("vw::Validation", "1 Warnung");
    else if (warnings > 1)
        parts << QCoreApplication::translate("vw::Validation", "%1 Warnungen").arg(warnings);
    if (parts.isEmpty())
        return QCoreApplication::translate("vw::Validation", "Keine Probleme");
    return parts.join(QStringLiteral(", "));
}

QString errorReport(const QList<Problem> &problems)
{
    const int errors = errorCount(problems);
    if (errors == 0)
        return {};
    QStringList lines{
        errors == 1 ? QCoreApplication::translate("vw::Validation",
                                                  "Die Vorlage hat einen Fehler und wird nicht exportiert:")
                    : QCoreApplication::translate("vw::Validation",
                                                  "Die Vorlage hat %1 Fehler und wird nicht exportiert:")
                          .arg(errors)};
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            lines << problemLine(p);
    }
    return lines.join(QLatin1Char('\n'));
}

BeschlussVerb beschlussVerb(const QString &sentence)
{
    // Finite forms only; lower case, so that the nouns "Bitte", "Beschluss" do not count.
    static const QRegularExpression verbs = compiled(
        QStringLiteral("(?<![\\w-])(?:(nimmt|nehmen)|(stimmt|stimmen)|(beschließt|beschliesst|beschließen|"
                       "beschliessen)|(bittet|bitten)|(beauftragt|beauftragen)|(begrüßt|begrüsst|begrüßen|"
                       "begrüssen))(?![\\w-])"));
    // Before a participle or an infinitive: passive, perfect, future, modal ("wird beauftragt",
    // "hat begrüßt", "werden beschließen").
    static const QRegularExpression auxiliary = compiled(
        QStringLiteral("\\b(?:wird|werden|wurde|wurden|worden|ist|sind|war|waren|hat|haben|hatte|hatten|"
                       "soll|sollen|kann|können|will|wollen|möge|mögen|muss|müssen)\\b"));
    static const QRegularExpression kenntnis = compiled(QStringLiteral("\\bKenntnis\\b"));
    // The separable "zu" of "stimmt … zu" closes its clause; "zu berichten" is an infinitive.
    static const QRegularExpression zuParticle =
        compiled(QStringLiteral("\\bzu(?=\\s*(?:$|[.,;:!?)]|und\\b|oder\\b|sowie\\b|bzw\\b))"));

    static const BeschlussVerb groups[] = {BeschlussVerb::Kenntnis,  BeschlussVerb::Zustimmung,
                                           BeschlussVerb::Beschluss, BeschlussVerb::Bitte,
                                           BeschlussVerb::Auftrag,   BeschlussVerb::Begruessung};

    for (auto it = verbs.globalMatch(sentence); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        int group = 1;
        while (group <= 6 && m.capturedLength(group) == 0)
            ++group;
        if (group > 6)
            continue;
        const QString word = m.captured(group);
        if (previousWord(sentence, m.capturedStart()) == QLatin1String("zu"))
            continue; // "zu beschließen"
        const bool ambiguous = word.endsWith(QLatin1String("en")) || group == 5 || group == 6;
        if (ambiguous) {
            const QRegularExpressionMatch aux = auxiliary.match(sentence);
            if (aux.hasMatch() && aux.capturedStart() < m.capturedStart())
                continue;
        }
        const BeschlussVerb verb = groups[group - 1];
        if (verb == BeschlussVerb::Kenntnis && !kenntnis.match(sentence, m.capturedEnd()).hasMatch())
            continue;
        if (verb == BeschlussVerb::Zustimmung && !zuParticle.match(sentence, m.capturedEnd()).hasMatch())
            continue;
        return verb;
    }
    return BeschlussVerb::None;
}

QString beschlussVerbLabel(BeschlussVerb verb)
{
    switch (verb) {
    case BeschlussVerb::None:
        return QCoreApplication::translate("vw::Validation", "kein Beschlussverb");
    case BeschlussVerb::Kenntnis:
        return QCoreApplication::translate("vw::Validation", "nimmt … zur Kenntnis");
    case BeschlussVerb::Zustimmung:
        return QCoreApplication::translate("vw::Validation", "stimmt … zu");
    case BeschlussVerb::Beschluss:
        return QCoreApplication::translate("vw::Validation", "beschließt");
    case BeschlussVerb::Bitte:
        return QCoreApplication::translate("vw::Validation", "bittet");
    case BeschlussVerb::Auftrag:
        return QCoreApplication::translate("vw::Validation", "beauftragt");
    case BeschlussVerb::Begruessung:
        return QCoreApplication::translate("vw::Validation", "begrüßt");
    }
    return {};
}

QList<BeschlussVerb> allBeschlussVerbs()
{
    return {BeschlussVerb::Kenntnis, BeschlussVerb::Zustimmung, BeschlussVerb::Beschluss,
            BeschlussVerb::Bitte,    BeschlussVerb::Auftrag,    BeschlussVerb::Begruessung};
}

QString beschlussSentence(BeschlussVerb verb, const QString &subject)
{
    // Document text, not UI: the Vorlage is German whatever the program's language.
    switch (verb) {
    case BeschlussVerb::None:
        return subject + QStringLiteral(" …");
    case BeschlussVerb::Kenntnis:
        return subject + QStringLiteral(" nimmt … zur Kenntnis.");
    case BeschlussVerb::Zustimmung:
        return subject + QStringLiteral(" stimmt … zu.");
    case BeschlussVerb::Beschluss:
        return subject + QStringLiteral(" beschließt …");
    case BeschlussVerb::Bitte:
        return subject + QStringLiteral(" bittet …, … zu …");
    case BeschlussVerb::Auftrag:
        return subject + QStringLiteral(" beauftragt …, … zu …");
    case BeschlussVerb::Begruessung:
        return subject + QStringLiteral(" begrüßt …");
    }
    return subject;
}

} // namespace vw
