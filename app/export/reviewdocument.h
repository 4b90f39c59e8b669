#pragma once

#include "annotation.h"
#include "ressorts.h"
#include "vorlage.h"
#include "vorlagediff.h"

#include <QTextDocument>

#include <memory>

namespace vw {

// The draft laid out as the normal export does, with each comment's number ("[1]") after its words,
// then the comments as numbered endnotes (place, quoted words, author, date, replies, resolved state,
// suggestion and decision; detached ones marked „(Text nicht mehr vorhanden)“), the Beteiligung table
// and the Anlagen (internal ones included). For internal use only: never published.
std::unique_ptr<QTextDocument> buildReviewDocument(const Vorlage &vorlage, const QList<Annotation> &annotations,
                                                   const RessortTable &ressorts, const FigureValues &figures = {});

// The annotations in reading order (their place in the document, then their position); detached
// ones last. The review export numbers them in this order, from 1.
QList<Annotation> annotationsInReadingOrder(const Vorlage &vorlage, const QList<Annotation> &annotations);

// A comparison of two versions: title, the two versions, a legend, every changed place in full with
// insertions underlined and deletions struck through, the unchanged places named in one paragraph.
std::unique_ptr<QTextDocument> buildComparisonDocument(const VorlageDiff &diff, const QString &title,
                                                       const VersionLabel &before, const VersionLabel &after);

} // namespace vw
