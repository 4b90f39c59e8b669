#pragma once

#include "vorlage.h"

#include <QList>
#include <QString>

namespace vw {

// A place in a Vorlage: the unit an edit changes, a save writes, an annotation sits on, a problem or a
// publication issue points to (a click jumps there) and a search result points to. Items (questions,
// answers, Beschluss items, Beteiligung entries, Anlagen) are named by their stable id, so a place survives
// reordering; the section that prints questions, answers or Beschluss items is not part of the place: it
// is the one holding their placeholder block.
struct Place {
    enum class Kind { Header, Section, Question, Answer, Beschluss, Beteiligung, Anlage };

    Kind kind = Kind::Section;
    // Header: the Vorlage member's name ("title", "subtitle", "sessionDate", "ressorts", "questionSignatories",
    // …; also "status" for the publication check); Section: its label ("A" … "G"; "1", "2" … for Vorträge
    // der Senatskanzlei). Empty for items.
    QString field{};
    // Question and Answer: Question::id; Beschluss: BeschlussItem::id; Beteiligung: Participation::id;
    // Anlage: Anlage::id. Header "ressorts": one entry of the list, by its Ressort key (an entry typed
    // without a key: its name). Empty for an item kind: the list as a whole (items added, removed or
    // moved; "no Beschluss item"); empty for "ressorts": the whole list.
    QString itemId{};

    bool operator==(const Place &) const = default;
};

QString placeKey(const Place &place); // "section:C", "answer:<id>", "header:title", "anlage:<id>"
bool placeFromKey(const QString &key, Place *place);

// The places whose stored form differs between two states of one Vorlage: header fields by key (also
// "references", "ressorts", "kind", dates), sections by label, items by id — an item that was added,
// removed or moved counts as changed. Empty when nothing a save writes has changed.
QList<Place> changedPlaces(const Vorlage &before, const Vorlage &after);

} // namespace vw
