#pragma once

#include "figure.h"
#include "vorlage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vw {

class RessortTable;

// One place of a Vorlage as plain text, as it is printed: what the full-text search indexes.
struct PlaceText {
    // "header:title", "header:subtitle", "header:references", "section:B", "question:<id>", "answer:<id>",
    // "beschluss:<id>" (the placeKey() form), "beteiligung:<id>", "anlage:<id>", "figures".
    QString key;
    QString label; // German: "Abschnitt B", "Frage 2", "Antwort zu Frage 2", "Beteiligung: …", "Anlage „…“"
    // Figure quotes replaced by their printed value, spans of a paragraph joined (a word split by bold is one
    // word), paragraphs, list items and table rows one per line.
    QString text;
    QStringList figureKeys; // the figures the place quotes (their value is in `text`)

    bool operator==(const PlaceText &) const = default;
};

// Every place of the Vorlage that has text: the header fields (title, subtitle, references), each section,
// question, answer, Beschluss item, Beteiligung entry with a text, each Anlage (title and extracted text) and,
// as the place "figures", the labels of the figures it quotes. Without `ressorts` a Beteiligung entry is named
// by its free name or key.
QList<PlaceText> placeTexts(const Vorlage &vorlage, const FigureValues &figures, const RessortTable *ressorts = nullptr);

} // namespace vw
