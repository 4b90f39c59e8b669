#pragma once

#include "richtext.h"
#include "vorlage.h"

namespace vw {

class RessortTable;

// The printed name of a Beteiligung entry: the Ressort's name on the Vorlage's date, or the free entry.
QString participantName(const Vorlage &vorlage, const Participation &entry, const RessortTable &ressorts);

// A proposal for section E ("Abstimmung") from the Beteiligung list, for the clerk to edit: who agreed,
// who agreed with a Maßgabe, who objected and who has not answered yet.
Content beteiligungProposal(const Vorlage &vorlage, const RessortTable &ressorts);

// An objection as an Anlage of the Vorlage, for the Senate: internal, never published.
Anlage objectionAnlage(const Vorlage &vorlage, const Participation &entry, const RessortTable &ressorts);

} // namespace vw
