#pragma once

#include "result.h"
#include "vorlage.h"

#include <QJsonObject>

namespace vw {

class RessortTable;

// The JSON form of a Vorlage, as `vorlagenwerk-cli show --json` prints it and the demo workspace is
// written. With a Ressort table, each Ressort carries its printed name and each section its plain text.
QJsonObject vorlageToJson(const Vorlage &vorlage, const RessortTable *ressorts = nullptr);
Result<Vorlage> vorlageFromJson(const QJsonObject &json);

// The text of a section as printed: intro blocks, the numbered questions with their signatories,
// "Zu Frage N:" with each answer, the Beschluss items.
QString sectionPlainText(const Vorlage &vorlage, const Section &section);

} // namespace vw
