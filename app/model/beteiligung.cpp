#include "beteiligung.h"

#include "ressorts.h"

#include <QCoreApplication>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Beteiligung", text);
}

// "A", "A und B", "A, B und C"
QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.join(QString());
    return tr("%1 und %2").arg(names.mid(0, names.size() - 1).join(QStringLiteral(", ")), names.last());
}

// "mit dem Senator für Finanzen": the name after "mit" (dative). Ressort names begin with their
// article; the usual free entries are known; other names stay as entered.
QString dative(const QString &name)
{
    static const QList<QPair<QString, QString>> articles = {
        {QStringLiteral("Der "), QStringLiteral("dem ")},
        {QStringLiteral("Die "), QStringLiteral("der ")},
        {QStringLiteral("Das "), QStringLiteral("dem ")},
    };
    for (const auto &[nominative, dat] : articles) {
        if (name.startsWith(nominative))
            return dat + name.mid(nominative.size());
    }
    static const QList<QPair<QString, QString>> known = {
        {QStringLiteral("Senatskanzlei"), QStringLiteral("der Senatskanzlei")},
        {QStringLiteral("Magistrat"), QStringLiteral("dem Magistrat")},
        {QStringLiteral("Gesamtpersonalrat"), QStringLiteral("dem Gesamtpersonalrat")},
        {QStringLiteral("Personalrat"), QStringLiteral("dem Personalrat")},
        {QStringLiteral("ZGF"), QStringLiteral("der ZGF")},
        {QStringLiteral("Zentralstelle"), QStringLiteral("der Zentralstelle")},
        {QStringLiteral("Landesbeauftragte"), QStringLiteral("der Landesbeauftragten")},
        {QStringLiteral("Frauenbeauftragte"), QStringLiteral("der Frauenbeauftragten")},
        {QStringLiteral("Schwerbehindertenvertretung"), QStringLiteral("der Schwerbehindertenvertretung")},
        {QStringLiteral("Rechnungshof"), QStringLiteral("dem Rechnungshof")},
    };
    for (const auto &[start, dat] : known) {
        if (name.startsWith(start))
            return dat + name.mid(start.size());
    }
    return name;
}

QStringList datives(const QStringList &names)
{
    QStringList result;
    for (const QString &n : names)
        result << dative(n);
    return result;
}

} // namespace

QString participantName(const Vorlage &vorlage, const Participation &entry, const RessortTable &ressorts)
{
    if (entry.ressortKey.isEmpty())
        return entry.name;
    return ressorts.displayName(entry.ressortKey, entry.name, vorlage.date);
}

Content beteiligungProposal(const Vorlage &vorlage, const RessortTable &ressorts)
{
    QStringList agreed, asked;
    Content content;
    QList<Paragraph> conditions, objections;
    for (const Participation &p : vorlage.beteiligung) {
        const QString name = participantName(vorlage, p, ressorts);
        switch (p.state) {
        case Participation::State::Angefragt:
            asked << name;
            break;
        case Participation::State::Zugestimmt:
            agreed << name;
            break;
        case Participation::State::ZugestimmtMitMassgabe:
            conditions << Paragraph::plain(p.text.trimmed().isEmpty()
                                               ? tr("%1 hat mit einer Maßgabe zugestimmt.").arg(name)
                                               : tr("%1 hat mit der Maßgabe zugestimmt: %2").arg(name, p.text.trimmed()));
            break;
        case Participation::State::Einwaende:
            if (p.resolved)
                agreed << name;
            else
                objections << Paragraph::plain(p.text.trimmed().isEmpty()
                                                   ? tr("%1 hat Einwände erhoben.").arg(name)
                                                   : tr("%1 hat Einwände erhoben: %2").arg(name, p.text.trimmed()));
            break;
        }
    }
    if (!agreed.isEmpty())
        content << Block::para(tr("Die Vorlage ist mit %1 abgestimmt.").arg(joinNames(datives(agreed))));
    for (const Paragraph &p : conditions)
        content << Block::para(p);
    for (const Paragraph &p : objections)
        content << Block::para(p);
    if (!asked.isEmpty())
        content << Block::para(tr("Die Abstimmung mit %1 ist eingeleitet.").arg(joinNames(datives(asked))));
    if (content.isEmpty())
        content << Block::para(tr("Eine Abstimmung mit anderen Ressorts ist nicht erforderlich."));
    return content;
}

Anlage objectionAnlage(const Vorlage &vorlage, const Participation &entry, const RessortTable &ressorts)
{
    Anlage a;
    a.id = newItemId();
    const QString name = participantName(vorlage, entry, ressorts);
    a.title = entry.date.isValid() ? tr("Einwände: %1 vom %2").arg(name, germanDate(entry.date))
                                   : tr("Einwände: %1").arg(name);
    a.mediaType = QStringLiteral("text/plain");
    a.text = entry.text;
    a.internal = true;
    return a;
}

} // namespace vw
