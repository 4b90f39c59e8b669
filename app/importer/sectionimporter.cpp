#include "textimporter.h"

#include "templates.h"

#include <QCoreApplication>

namespace vw {

Result<ImportResult> importSectionText(const QString &text, const QString &label, const RessortTable &ressorts)
{
    // The section is read as part of a minimal Vorlage, so every rule of the full import applies; its
    // heading is the usual one, so that the importer knows it as a heading. The header has a Ressort and a
    // date, so that none is taken from a G text.
    static const Vorlage usual = vorlageFromTemplate(VorlageKind::Beschlussvorlage);
    const Section *known = usual.section(label);
    const QString header = QStringLiteral("Senatskanzlei 01.01.2000\n\nVorlage für die Sitzung des Senats am "
                                          "01.01.2000\n\nAbschnitt\n\n%1. %2\n\n")
                               .arg(label, known ? known->heading : QStringLiteral("Abschnitt"));
    const int headerLines = int(header.count(QLatin1Char('\n')));
    auto result = importText(header + text, ressorts);
    if (!result)
        return result;
    if (!result->vorlage.section(label))
        return Error{QCoreApplication::translate("vw::Importer", "Einen Abschnitt %1 gibt es nicht.").arg(label)};
    for (ImportMessage &m : result->unplaced)
        m.line -= headerLines;
    for (ImportMessage &m : result->notes)
        m.line -= headerLines;
    return result;
}

} // namespace vw
