#include "textimporter.h"

#include <QCoreApplication>

namespace vw {

Result<ImportResult> importSectionText(const QString &text, const QString &label, const RessortTable &ressorts)
{
    // The section is read as part of a minimal Vorlage, so every rule of the full import applies.
    const QString header = QStringLiteral("Vorlage für die Sitzung des Senats am 01.01.2000\n\nAbschnitt\n\n%1. Abschnitt\n\n")
                               .arg(label);
    const int headerLines = int(header.count(QLatin1Char('\n')));
    auto result = importText(header + text, ressorts);
    if (!result)
        return result;
    if (!result->vorlage.section(label))
        return Error{QCoreApplication::translate("vw::Importer", "Einen Abschnitt %1 gibt es nicht.").arg(label)};
    for (ImportMessage &m : result->unplaced)
        m.line -= headerLines;
    return result;
}

} // namespace vw
