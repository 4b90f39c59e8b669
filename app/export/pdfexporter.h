#pragma once

#include "annotation.h"
#include "documentbuilder.h"
#include "outline.h"
#include "ressorts.h"
#include "result.h"
#include "vorlage.h"
#include "vorlagediff.h"

#include <QByteArray>

class QIODevice;
class QPagedPaintDevice;

namespace vw {

// Writes a Vorlage as an A4 PDF/A-1b: laid out once from the model (never from widgets), painted page
// by page with "Seite X von Y" at the foot, the bundled font embedded, title, Ressort and keywords in
// the metadata. Two exports of the same Vorlage differ only in dates and the document id.
class PdfExporter {
public:
    // Quotes print the values in `figures` (see FigureValues), unless a Vorlage froze them.
    explicit PdfExporter(const RessortTable &ressorts, FigureValues figures = {})
        : mRessorts(ressorts), mFigures(std::move(figures))
    {
    }

    // The published version adds a stamp and the list of Anlagen (see LayoutOptions).
    void setLayoutOptions(const LayoutOptions &options) { mOptions = options; }

    // Where the headings of a written PDF landed, for its outline (see outlineEntries()).
    struct Layout {
        QList<OutlineEntry> outline;
        int pageCount = 0;
    };

    Result<void> write(const Vorlage &vorlage, QIODevice *out, Layout *layout = nullptr) const;
    Result<QByteArray> toBytes(const Vorlage &vorlage, Layout *layout = nullptr) const;
    // Prints the same pages write() puts into the PDF onto `device` (a QPrinter), A4 without margins.
    Result<void> print(const Vorlage &vorlage, QPagedPaintDevice *device) const;
    // Writes to `path` through a temporary file, so a failed export leaves no half-written PDF.
    Result<void> writeFile(const Vorlage &vorlage, const QString &path) const;

    // Writes each Vorlage to its path, several at once on the machine's cores (batch export).
    // Returns one result per job, in order; a failure in one job does not stop the others.
    struct Job {
        Vorlage vorlage;
        QString path;
    };
    QList<Result<void>> writeFiles(const QList<Job> &jobs) const;

    // The keywords written to the metadata.
    static QStringList keywords(const Vorlage &vorlage);

    // For internal use only, never published. The review PDF: the draft as write() lays it out, with the
    // watermark reviewWatermark() across and atop every page, each comment's number "[n]" after its words,
    // the comments as numbered endnotes (in reading order), the Beteiligung table and all Anlagen.
    // `annotations` are the Vorlage's (Workspace::annotations).
    Result<void> writeReview(const Vorlage &vorlage, const QList<Annotation> &annotations, QIODevice *out) const;
    Result<QByteArray> reviewBytes(const Vorlage &vorlage, const QList<Annotation> &annotations) const;
    static QString reviewWatermark(); // "Entwurf – nicht zur Veröffentlichung"

    // The comparison PDF of two versions (compareVorlagen()): changed places in full, insertions
    // underlined, deletions struck through, a legend, unchanged places named. Quotes compare by their
    // frozen value, else by the value in this exporter's figures.
    Result<void> writeComparison(const Vorlage &before, const VersionLabel &beforeLabel, const Vorlage &after,
                                 const VersionLabel &afterLabel, QIODevice *out) const;
    Result<QByteArray> comparisonBytes(const Vorlage &before, const VersionLabel &beforeLabel, const Vorlage &after,
                                       const VersionLabel &afterLabel) const;

    // Writes bytes (reviewBytes(), comparisonBytes()) to `path` through a temporary file.
    static Result<void> saveBytes(const QByteArray &bytes, const QString &path);

private:
    QString leadRessortName(const Vorlage &vorlage) const;

    const RessortTable &mRessorts;
    FigureValues mFigures;
    LayoutOptions mOptions;
};

} // namespace vw
