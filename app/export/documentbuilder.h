#pragma once

#include "annotation.h"
#include "outline.h"
#include "ressorts.h"
#include "vorlage.h"

#include <QTextDocument>
#include <QTextFormat>

#include <memory>

namespace vw {

// A mark printed right after the character before `offset` of a place's text (counted as anchorText()
// counts): the note numbers "[1]" of a review export. Markers whose place is not printed are left out.
struct TextMarker {
    Place place;
    int offset = 0;
    QString text;
};

// Lays out a Vorlage as a Senatsvorlage is printed: Ressort(s) and date, question number,
// "Vorlage für die Sitzung des Senats am …", title, subtitle, the lettered sections.
// The result has no page size set; margins, indents and borders are in the layout's device-independent
// pixels (1/96 inch), which QTextDocument scales to the paint device it is drawn on.
// Quotes print the value from `figures` (or their frozen value; "{{key}}" when unknown).
// What the published (decided) version prints beyond the normal layout.
struct LayoutOptions {
    QString stamp;       // above everything: "In der Senatssitzung am 12. Mai 2020 beschlossene Fassung"
    QStringList anlagen; // titles listed under "Anlagen" after the last section
};

std::unique_ptr<QTextDocument> buildDocument(const Vorlage &vorlage, const RessortTable &ressorts,
                                             const FigureValues &figures = {}, const LayoutOptions &options = {},
                                             const QList<TextMarker> &markers = {});

// The headings that get a bookmark (each section, the Anlagen list) with the 0-based page each starts
// on when the document is painted in page slices of doc->pageSize().height(). Call after setPageSize()
// and keepHeadingsWithText(), so that the pages are those printed.
QList<OutlineEntry> outlineEntries(QTextDocument *doc);

// A block format property: the block must not be the last on its page (see keepHeadingsWithText()).
constexpr int KeepWithNextProperty = QTextFormat::UserProperty + 1;

// Moves headings (and "Zu Frage N:") that would end a page to the next one, so that they stay
// with their text, and paragraphs that would leave a single line at a page's foot or head (orphans,
// widows). Call after setPageSize(); repeats the layout only where it moves something.
void keepHeadingsWithText(QTextDocument *doc);

// "Vorlage für die Sitzung des Senats am 12.05.2020", after the paper kind and the body.
QString sessionLine(const Vorlage &vorlage);

} // namespace vw
