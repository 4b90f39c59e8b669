#pragma once

#include "result.h"
#include "vorlage.h"

#include <QJsonObject>

namespace vw {

class RessortTable;

// The JSON form of a Vorlage, as `vorlagenwerk-cli show --json` prints it and the demo workspace is
// written. With a Ressort table, each Ressort carries its printed name and each section its plain text.
QJsonObject vorlageToJson(const Vorlage &vorlage, const RessortTable *ressorts = nullptr,
                          const FigureValues *figures = nullptr);
Result<Vorlage> vorlageFromJson(const QJsonObject &json);

// The text of a section as printed: intro blocks, the numbered questions with their signatories,
// "Zu Frage N:" with each answer, the Beschluss items.
QString sectionPlainText(const Vorlage &vorlage, const Section &section, const FigureValues *figures = nullptr);

// Keys of every figure the Vorlage quotes (sections, questions, answers, Beschluss items).
QStringList quotedFigureKeys(const Vorlage &vorlage);
// Keeps the values a Vorlage was decided with: every quote gets its current value as `frozen`.
void freezeFigures(Vorlage &vorlage, const FigureValues &figures);
// The Neufassung of a (decided) Vorlage: a new draft that points to its predecessor and quotes the
// figures' current values again.
Vorlage neufassung(const Vorlage &vorlage);

} // namespace vw
