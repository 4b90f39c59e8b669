#pragma once

#include "vorlage.h"

namespace vw {

// A new, empty Vorlage of `kind`: its sections with the headings of the kind's template
// (resources/templates/templates.json) and the placeholders for questions, answers and Beschluss.
Vorlage vorlageFromTemplate(VorlageKind kind);

} // namespace vw
