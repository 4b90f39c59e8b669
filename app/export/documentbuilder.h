#pragma once

#include "ressorts.h"
#include "vorlage.h"

#include <QTextDocument>

#include <memory>

namespace vw {

// Lays out a Vorlage as a Senatsvorlage is printed: Ressort(s) and date, question number,
// Moves headings (and "Zu Frage N:") that would end a page to the next one, so that they stay
// with their text. Call after setPageSize(); repeats the layout only where it moves something.
void keepHeadingsWithText(QTextDocument *doc);

// "Vorlage für die Sitzung des Senats am …", title, subtitle, the lettered sections.
// The result has no page size set; margins, indents and borders are in the layout's device-independent
// pixels (1/96 inch), which QTextDocument scales to the paint device it is drawn on.
// Quotes print the value from `figures` (or their frozen value; "{{key}}" when unknown).
std::unique_ptr<QTextDocument> buildDocument(const Vorlage &vorlage, const RessortTable &ressorts,
                                             const FigureValues &figures = {});

// Moves headings (and "Zu Frage N:") that would end a page to the next one, so that they stay
// with their text. Call after setPageSize(); repeats the layout only where it moves something.
void keepHeadingsWithText(QTextDocument *doc);

// "Vorlage für die Sitzung des Senats am 12.05.2020", after the paper kind and the body.
QString sessionLine(const Vorlage &vorlage);

} // namespace vw
