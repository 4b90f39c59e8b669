#pragma once

#include "annotation.h"
#include "ressorts.h"
#include "vorlage.h"

#include <QTextDocument>
#include <QTextFormat>

#include <memory>

namespace vw {

// A mark printed right after the character before `offset` of a place's text (counted as anchorText()
// counts): the note numbers "[1]" of a review export. Markers whose place is not printed are left out.
struct TextMarker {
    AnchorPlace place;
    int offset = 0;
    QString text;
};

// Lays out a Vorlage as a Senatsvorlage is printed: Ressort(s) and date, question number,
// "Vorlage für die Sitzung des Senats am …", title, subtitle, the lettered sections.
// The result has no page size set; margins, indents and borders are in the layout's device-independent
// pixels (1/96 inch), which QTextDocument scales to the paint device it is drawn on.
// Quotes print the value from `figures` (or their frozen value; "{{key}}" when unknown).
std::unique_ptr<QTextDocument> buildDocument(const Vorlage &vorlage, const RessortTable &ressorts,
                                             const FigureValues &figures = {},
                                             const QList<TextMarker> &markers = {});

// A block format property: the block must not be the last on its page (see keepHeadingsWithText()).
constexpr int KeepWithNextProperty = QTextFormat::UserProperty + 1;

// Moves headings (and "Zu Frage N:") that would end a page to the next one, so that they stay
// with their text. Call after setPageSize(); repeats the layout only where it moves something.
void keepHeadingsWithText(QTextDocument *doc);

// "Vorlage für die Sitzung des Senats am 12.05.2020", after the paper kind and the body.
QString sessionLine(const Vorlage &vorlage);

} // namespace vw
