#pragma once

#include "outline.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vw {

// Post-processing of finished PDFs with libqpdf: what Qt 6.4's QPdfWriter cannot do (outlines, merging
// files, the Info fields Author and Keywords, the catalog's /Lang).
//
// PDF/A-1b: the rewritten file keeps the first file's header version (1.4), its XMP metadata stream
// (uncompressed, byte for byte), its output intent and its Info dictionary (Title, Creator, Producer,
// CreationDate stay as Qt wrote them). qpdf writes no object streams here (PDF 1.5) and puts an end-of-line
// before every `endstream`, as PDF/A asks; it gives the file a new second /ID element. Author and
// Keywords are added to Info only as they stand in the XMP (dc:creator, pdf:Keywords) — PDF/A wants
// both to agree. Pages copied from other files (Anlagen) bring their fonts and colours as they are:
// a combined file is PDF/A only when its Anlagen are.

// The document-level fields written beside the outline. Empty fields are left as they are.
struct PdfDocumentInfo {
    QString author;       // the Ressort, as dc:creator in the XMP
    QStringList keywords; // joined with "; ", as pdf:Keywords in the XMP
    QString language;     // "de-DE", the catalog's /Lang
};

// Adds `outline` (replacing any outline the file has) and `info` to a PDF. Page indices are 0-based;
// entries pointing past the last page are refused. The viewer opens with the bookmarks shown.
Result<QByteArray> addOutline(const QByteArray &pdf, const QList<OutlineEntry> &outline,
                              const PdfDocumentInfo &info = {});

// One file of a merged PDF. `name` is how errors call it (the file name of an Anlage); `outline`
// are bookmarks within this part (0-based pages of the part).
struct PdfPart {
    QString title; // the bookmark of the whole part: "Anlage 1: Mitteilung des Senats"
    QString name;
    QByteArray bytes;
    QList<OutlineEntry> outline{};
};

// The first part followed by the others, page by page, in one file that keeps the first part's
// metadata (see above). The outline has one entry per part at its first page, each part's own
// bookmarks nested below it. A damaged or unreadable part fails with a German message naming it.
Result<QByteArray> mergePdfs(const QList<PdfPart> &parts, const PdfDocumentInfo &info = {});

// The number of pages, or a German error naming `name` when the bytes are no readable PDF
// (truncated, damaged, encrypted with a password).
Result<int> pdfPageCount(const QByteArray &pdf, const QString &name);

} // namespace vw
