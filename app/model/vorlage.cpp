#include "vorlage.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <QUuid>

namespace vw {

namespace {

struct KindInfo {
    VorlageKind kind;
    const char *key;
    const char *label;
};

const KindInfo kinds[] = {
    {VorlageKind::Beschlussvorlage, "beschlussvorlage", QT_TRANSLATE_NOOP("vw::Vorlage", "Beschlussvorlage")},
    {VorlageKind::Fragestunde, "fragestunde", QT_TRANSLATE_NOOP("vw::Vorlage", "Antwort Fragestunde")},
    {VorlageKind::KleineAnfrage, "kleine-anfrage", QT_TRANSLATE_NOOP("vw::Vorlage", "Antwort Kleine Anfrage")},
    {VorlageKind::GrosseAnfrage, "grosse-anfrage", QT_TRANSLATE_NOOP("vw::Vorlage", "Antwort Große Anfrage")},
    {VorlageKind::Gesetzentwurf, "gesetzentwurf",
     QT_TRANSLATE_NOOP("vw::Vorlage", "Gesetz- oder Verordnungsentwurf")},
    {VorlageKind::Bericht, "bericht", QT_TRANSLATE_NOOP("vw::Vorlage", "Bericht / Mitteilung")},
    {VorlageKind::SenatskanzleiVortraege, "vortraege-sk",
     QT_TRANSLATE_NOOP("vw::Vorlage", "Vorträge der Senatskanzlei")},
    {VorlageKind::Deputation, "deputation", QT_TRANSLATE_NOOP("vw::Vorlage", "Deputationsvorlage")},
};

struct PaperInfo {
    PaperKind kind;
    const char *key;
    const char *label;
};

const PaperInfo papers[] = {
    {PaperKind::Vorlage, "vorlage", QT_TRANSLATE_NOOP("vw::Vorlage", "Vorlage")},
    {PaperKind::Tischvorlage, "tischvorlage", QT_TRANSLATE_NOOP("vw::Vorlage", "Tischvorlage")},
    {PaperKind::Neufassung, "neufassung", QT_TRANSLATE_NOOP("vw::Vorlage", "Neufassung")},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Vorlage", text);
}

const char *const monthNames[] = {"Januar", "Februar", "März",     "April",   "Mai",      "Juni",
                                  "Juli",   "August",  "September", "Oktober", "November", "Dezember"};

} // namespace

QString kindKey(VorlageKind kind)
{
    return QString::fromLatin1(kinds[int(kind)].key);
}

QString kindLabel(VorlageKind kind)
{
    return tr(kinds[int(kind)].label);
}

bool kindFromKey(const QString &key, VorlageKind *kind)
{
    for (const KindInfo &k : kinds) {
        if (key == QLatin1String(k.key)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

QList<VorlageKind> allKinds()
{
    QList<VorlageKind> result;
    for (const KindInfo &k : kinds)
        result << k.kind;
    return result;
}

QString paperKindKey(PaperKind kind)
{
    return QString::fromLatin1(papers[int(kind)].key);
}

QString paperKindLabel(PaperKind kind)
{
    return tr(papers[int(kind)].label);
}

bool paperKindFromKey(const QString &key, PaperKind *kind)
{
    for (const PaperInfo &p : papers) {
        if (key == QLatin1String(p.key)) {
            *kind = p.kind;
            return true;
        }
    }
    return false;
}

namespace {
struct StatusInfo {
    Status status;
    const char *key;
    const char *label;
};
constexpr StatusInfo statuses[] = {
    {Status::Entwurf, "entwurf", QT_TRANSLATE_NOOP("vw::Vorlage", "Entwurf")},
    {Status::InAbstimmung, "in-abstimmung", QT_TRANSLATE_NOOP("vw::Vorlage", "In Abstimmung")},
    {Status::Beschlussreif, "beschlussreif", QT_TRANSLATE_NOOP("vw::Vorlage", "Beschlussreif")},
    {Status::Beschlossen, "beschlossen", QT_TRANSLATE_NOOP("vw::Vorlage", "Beschlossen")},
    {Status::Veroeffentlicht, "veroeffentlicht", QT_TRANSLATE_NOOP("vw::Vorlage", "Veröffentlicht")},
};
struct OutcomeInfo {
    Outcome outcome;
    const char *key;
    const char *label;
};
constexpr OutcomeInfo outcomes[] = {
    {Outcome::Keins, "", ""},
    {Outcome::Unveraendert, "unveraendert", QT_TRANSLATE_NOOP("vw::Vorlage", "unverändert beschlossen")},
    {Outcome::Geaendert, "geaendert", QT_TRANSLATE_NOOP("vw::Vorlage", "mit Änderungen beschlossen")},
    {Outcome::Zurueckgestellt, "zurueckgestellt", QT_TRANSLATE_NOOP("vw::Vorlage", "zurückgestellt")},
};
struct StateInfo {
    Participation::State state;
    const char *key;
    const char *label;
};
constexpr StateInfo participationStates[] = {
    {Participation::State::Angefragt, "angefragt", QT_TRANSLATE_NOOP("vw::Vorlage", "angefragt")},
    {Participation::State::Zugestimmt, "zugestimmt", QT_TRANSLATE_NOOP("vw::Vorlage", "zugestimmt")},
    {Participation::State::ZugestimmtMitMassgabe, "massgabe", QT_TRANSLATE_NOOP("vw::Vorlage", "zugestimmt mit Maßgabe")},
    {Participation::State::Einwaende, "einwaende", QT_TRANSLATE_NOOP("vw::Vorlage", "Einwände")},
};

// Key lookup in one of the tables above. Keys are compared ASCII-case-insensitively, "ä" as "ae".
template<typename Info, typename T, std::size_t N>
bool fromKey(const Info (&table)[N], const QString &key, T Info::*member, T *out)
{
    QString k = key.trimmed().toLower();
    k.replace(QChar(u'ä'), QLatin1String("ae")).replace(QChar(u'ö'), QLatin1String("oe")).replace(QChar(u'ü'), QLatin1String("ue"));
    k.replace(QChar(u'ß'), QLatin1String("ss")).replace(QChar(u' '), QChar(u'-')).replace(QChar(u'_'), QChar(u'-'));
    for (const Info &i : table) {
        if (*i.key && k == QLatin1String(i.key)) {
            *out = i.*member;
            return true;
        }
    }
    return false;
}
} // namespace

QString statusKey(Status status)
{
    return QString::fromLatin1(statuses[int(status)].key);
}

QString statusLabel(Status status)
{
    return tr(statuses[int(status)].label);
}

bool statusFromKey(const QString &key, Status *status)
{
    return fromKey(statuses, key, &StatusInfo::status, status);
}

QList<Status> allStatuses()
{
    QList<Status> result;
    for (const StatusInfo &s : statuses)
        result << s.status;
    return result;
}

bool statusTransitionAllowed(Status from, Status to)
{
    const int f = int(from), t = int(to);
    if (t == f + 1)
        return true;
    // Before the decision a Vorlage can go back (a co-signing Ressort objects, the Senatskanzlei sends it
    // back); afterwards only a Neufassung changes anything.
    return t == f - 1 && from != Status::Beschlossen && from != Status::Veroeffentlicht;
}

QString outcomeKey(Outcome outcome)
{
    return QString::fromLatin1(outcomes[int(outcome)].key);
}

QString outcomeLabel(Outcome outcome)
{
    return tr(outcomes[int(outcome)].label);
}

bool outcomeFromKey(const QString &key, Outcome *outcome)
{
    if (key.isEmpty()) {
        *outcome = Outcome::Keins;
        return true;
    }
    return fromKey(outcomes, key, &OutcomeInfo::outcome, outcome);
}

QString participationStateKey(Participation::State state)
{
    return QString::fromLatin1(participationStates[int(state)].key);
}

QString participationStateLabel(Participation::State state)
{
    return tr(participationStates[int(state)].label);
}

bool participationStateFromKey(const QString &key, Participation::State *state)
{
    return fromKey(participationStates, key, &StateInfo::state, state);
}

Section *Vorlage::section(const QString &label)
{
    for (Section &s : sections) {
        if (s.label == label)
            return &s;
    }
    return nullptr;
}

const Section *Vorlage::section(const QString &label) const
{
    return const_cast<Vorlage *>(this)->section(label);
}

const RessortRef *Vorlage::leadRessort() const
{
    for (const RessortRef &r : ressorts) {
        if (r.lead)
            return &r;
    }
    return ressorts.isEmpty() ? nullptr : &ressorts.first();
}

QString newItemId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sectionWith(const Vorlage &vorlage, Block::Type type)
{
    for (const Section &s : vorlage.sections)
        if (std::any_of(s.content.cbegin(), s.content.cend(), [type](const Block &b) { return b.type == type; }))
            return s.label;
    return {};
}

Vorlage duplicateVorlage(const Vorlage &vorlage)
{
    Vorlage copy = vorlage;
    copy.id = 0;
    copy.revision = 0;
    copy.modified = QDateTime();
    for (Question &q : copy.questions)
        q.id = newItemId();
    for (BeschlussItem &b : copy.beschluss)
        b.id = newItemId();
    for (Participation &p : copy.beteiligung)
        p.id = newItemId();
    for (Anlage &a : copy.anlagen)
        a.id = newItemId();
    copy.status = Status::Entwurf;
    copy.outcome = Outcome::Keins;
    return copy;
}

QString germanDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : QString();
}

QString germanDateTime(const QDateTime &when)
{
    if (!when.isValid())
        return QString();
    const QDateTime local = when.toLocalTime();
    return tr(QT_TRANSLATE_NOOP("vw::Vorlage", "%1, %2 Uhr"))
        .arg(germanDate(local.date()), local.time().toString(QStringLiteral("HH:mm")));
}

QString germanLongDate(const QDate &date)
{
    if (!date.isValid())
        return QString();
    return QStringLiteral("%1. %2 %3")
        .arg(date.day())
        .arg(QString::fromUtf8(monthNames[date.month() - 1]))
        .arg(date.year());
}

QDate parseGermanDate(const QString &input)
{
    const QString text = input.trimmed();
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    static const QRegularExpression numeric(QStringLiteral("^(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{2}|\\d{4})$"));
    static const QRegularExpression longForm(QStringLiteral("^(\\d{1,2})\\.\\s*(\\p{L}+)\\s+(\\d{4})$"));
    if (auto m = iso.match(text); m.hasMatch())
        return QDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (auto m = numeric.match(text); m.hasMatch()) {
        int year = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            year += 2000;
        return QDate(year, m.captured(2).toInt(), m.captured(1).toInt());
    }
    if (auto m = longForm.match(text); m.hasMatch()) {
        for (int i = 0; i < 12; ++i) {
            if (m.captured(2) == QString::fromUtf8(monthNames[i]))
                return QDate(m.captured(3).toInt(), i + 1, m.captured(1).toInt());
        }
    }
    return QDate();
}

namespace {

// A two-digit year lies in the 80 years before or the 20 years after today (LibreOffice: 1930–2029).
int fullYear(const QString &digits, const QDate &today)
{
    const int year = digits.toInt();
    if (digits.size() != 2)
        return year;
    const int century = today.year() / 100 * 100;
    return century + year > today.year() + 20 ? century - 100 + year : century + year;
}

Result<QDate> checkedDate(int year, int month, int day, const QString &typed)
{
    if (month < 1 || month > 12)
        return Error{QCoreApplication::translate("vw::Vorlage", "„%1“: einen %2. Monat gibt es nicht.").arg(typed).arg(month)};
    const QDate first(year, month, 1);
    if (day < 1 || day > first.daysInMonth())
        return Error{QCoreApplication::translate("vw::Vorlage", "Den %1 gibt es nicht: der %2 %3 hat %4 Tage.")
                         .arg(QStringLiteral("%1.%2.%3").arg(day, 2, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0')).arg(year),
                              QLocale(QLocale::German).standaloneMonthName(month))
                         .arg(year)
                         .arg(first.daysInMonth())};
    return QDate(year, month, day);
}

} // namespace

Result<QDate> readTypedDate(const QString &text, const QDate &today)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QDate();
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.\\s*(\\d{1,2})(?:\\.\\s*(\\d{2}|\\d{4})?)?$"));
    static const QRegularExpression digits(QStringLiteral("^(\\d{2})(\\d{2})(\\d{2}|\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    if (auto m = dotted.match(typed); m.hasMatch())
        return checkedDate(m.captured(3).isEmpty() ? today.year() : fullYear(m.captured(3), today),
                           m.captured(2).toInt(), m.captured(1).toInt(), typed);
    if (auto m = digits.match(typed); m.hasMatch())
        return checkedDate(fullYear(m.captured(3), today), m.captured(2).toInt(), m.captured(1).toInt(), typed);
    if (auto m = iso.match(typed); m.hasMatch())
        return checkedDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), typed);
    if (const QDate longForm = parseGermanDate(typed); longForm.isValid()) // "17. November 2020"
        return longForm;
    return Error{QCoreApplication::translate("vw::Vorlage", "„%1“ ist kein Datum. So geht es: 17.11.2020, 17.11.20 oder 17.11. (dieses Jahr).").arg(typed)};
}

QString questionLine(const Vorlage &vorlage)
{
    const QString fraktion = vorlage.fraktion.simplified();
    if (fraktion.isEmpty())
        return {};
    QString asked;
    switch (vorlage.kind) {
    case VorlageKind::Fragestunde:
        asked = QCoreApplication::translate("vw::Vorlage", "Anfrage in der Fragestunde der Fraktion %1");
        break;
    case VorlageKind::KleineAnfrage:
        asked = QCoreApplication::translate("vw::Vorlage", "Kleine Anfrage der Fraktion %1");
        break;
    case VorlageKind::GrosseAnfrage:
        asked = QCoreApplication::translate("vw::Vorlage", "Große Anfrage der Fraktion %1");
        break;
    default:
        return {};
    }
    asked = asked.arg(fraktion);
    if (vorlage.askedOn.isValid()) // as the Senate prints it: "vom 30.4.20"
        asked += QCoreApplication::translate("vw::Vorlage", " vom %1").arg(vorlage.askedOn.toString(QStringLiteral("d.M.yy")));
    return QLatin1Char('(') + asked + QLatin1Char(')');
}

bool parseQuestionLine(const QString &text, QString *fraktion, QDate *askedOn)
{
    static const QRegularExpression line(
        QStringLiteral("\\((?:Anfrage in der Fragestunde|Kleine Anfrage|Große Anfrage)\\s+der\\s+Fraktion\\s+"
                       "([^;()]+?)(?:\\s+vom\\s+([^;()]+?))?\\s*[;)]"),
        QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch m = line.match(text);
    if (!m.hasMatch())
        return false;
    *fraktion = m.captured(1).simplified();
    *askedOn = parseGermanDate(m.captured(2));
    return true;
}

QString suggestedFileName(const QString &title)
{
    static const QRegularExpression unwanted(QStringLiteral("[^\\w\\-–., ]+"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    QString name = title;
    name.replace(unwanted, QStringLiteral(" "));
    name = name.simplified().left(80);
    // No hidden file, no "..pdf".
    while (name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char(' ')))
        name = name.startsWith(QLatin1Char('.')) ? name.mid(1) : name.chopped(1);
    return name.trimmed();
}

} // namespace vw
