#include "vorlage.h"

#include <QCoreApplication>
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

QString statusKey(Status)
{
    return QStringLiteral("entwurf");
}

QString statusLabel(Status)
{
    return tr(QT_TRANSLATE_NOOP("vw::Vorlage", "Entwurf"));
}

bool statusFromKey(const QString &key, Status *status)
{
    if (key != QLatin1String("entwurf"))
        return false;
    *status = Status::Entwurf;
    return true;
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
    return copy;
}

QString germanDate(const QDate &date)
{
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : QString();
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

} // namespace vw
