#pragma once

#include "vorlage.h"

namespace vw {

// A new, empty Vorlage of `kind`: its sections with the headings of the kind's template
// (resources/templates/templates.json) and the placeholders for questions, answers and Beschluss.
Vorlage vorlageFromTemplate(VorlageKind kind);

// The usual wordings for section `label` of a kind (C, D, E, F), written in our own words: a starting
// point the clerk edits. From the "wordings" of templates.json; a kind may have its own.
QStringList standardWordings(VorlageKind kind, const QString &label);

// Every text of templates.json — headings, standard wordings, pre-filled sentences: the program's own words,
// which the spell check must know.
QStringList templateTexts();

} // namespace vw
