#pragma once

#include "documentbuilder.h"
#include "outline.h"
#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QByteArray>

class QIODevice;

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

private:
    const RessortTable &mRessorts;
    FigureValues mFigures;
    LayoutOptions mOptions;
};

} // namespace vw
