#include "pdfexporter.h"

#include "diskspace.h"
#include "documentbuilder.h"
#include "fonts.h"
#include "reviewdocument.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QThreadPool>
#include <QtMath>

#include <cmath>
#include <functional>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Export", text);
}

constexpr qreal marginMm = 25.0;
constexpr qreal footerMm = 12.0; // distance of the page number line from the bottom edge

QString xmlEscape(const QString &text)
{
    return text.toHtmlEscaped();
}

// Qt writes its own XMP block only when none is set; ours carries the PDF/A-1b identification and the
// fields Qt 6.4 has no setter for (creator = Ressort, keywords, language).
QByteArray xmpMetadata(const QString &title, const QString &ressort, const QStringList &keywords,
                       const QDateTime &created)
{
    const QString date = created.toString(Qt::ISODate);
    const QString keywordText = keywords.join(QStringLiteral("; "));
    QString bag;
    for (const QString &k : keywords)
        bag += QStringLiteral("<rdf:li>%1</rdf:li>").arg(xmlEscape(k));
    const QString xmp = QStringLiteral(
        "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
        "<dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>\n"
        "<dc:subject><rdf:Bag>%3</rdf:Bag></dc:subject>\n"
        "<dc:language><rdf:Bag><rdf:li>de-DE</rdf:li></rdf:Bag></dc:language>\n"
        "<dc:format>application/pdf</dc:format>\n"
        "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
        "<pdf:Producer>Qt " QT_VERSION_STR "</pdf:Producer>\n"
        "<pdf:Keywords>%4</pdf:Keywords>\n"
        "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
        "<xmp:CreatorTool>Vorlagenwerk</xmp:CreatorTool>\n"
        "<xmp:CreateDate>%5</xmp:CreateDate>\n"
        "<xmp:ModifyDate>%5</xmp:ModifyDate>\n"
        "<xmp:MetadataDate>%5</xmp:MetadataDate>\n"
        "</rdf:Description>\n"
        "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "<pdfaid:part>1</pdfaid:part>\n"
        "<pdfaid:conformance>B</pdfaid:conformance>\n"
        "</rdf:Description>\n"
        "</rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end='w'?>\n")
                            .arg(xmlEscape(title), xmlEscape(ressort), bag, xmlEscape(keywordText), date);
    return xmp.toUtf8();
}

} // namespace

QStringList PdfExporter::keywords(const Vorlage &v)
{
    QStringList k{QStringLiteral("Senatsvorlage"), kindLabel(v.kind)};
    if (v.sessionDate.isValid())
        k << tr("Sitzung %1").arg(germanDate(v.sessionDate));
    if (!v.questionNumber.isEmpty())
        k << v.questionNumber;
    k << v.references;
    return k;
}

namespace {

// What differs between the kinds of export: the metadata and the page furniture.
struct PageSetup {
    QString title;
    QString ressort;
    QStringList keywords;
    QString header;    // a running line at the top of every page (internal exports)
    QString watermark; // printed diagonally across every page, under the text
};

// Light grey, opaque: PDF/A-1 allows no transparency, so the text is painted over it.
void drawWatermark(QPainter &painter, const QRectF &page, const QString &text)
{
    painter.save();
    QFont font = documentFont(40, true);
    painter.setFont(font);
    const qreal diagonal = std::hypot(page.width(), page.height());
    const qreal width = painter.fontMetrics().horizontalAdvance(text);
    if (width > 0.75 * diagonal) {
        font.setPointSizeF(font.pointSizeF() * 0.75 * diagonal / width);
        painter.setFont(font);
    }
    painter.setPen(QColor(0xdc, 0xdc, 0xdc));
    painter.translate(page.center());
    painter.rotate(-qRadiansToDegrees(std::atan2(page.height(), page.width())));
    const QRectF box(-diagonal / 2, -page.height() / 4, diagonal, page.height() / 2);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

// Lays out the document on A4 and paints it page by page onto `device` (A4, no margins), with
// "Seite X von Y". `beforeBegin` runs once the layout is known, before painting starts.
Result<void> paintPages(QPagedPaintDevice *device, QTextDocument *doc, const PageSetup &setup,
                        PdfExporter::Layout *layoutOut, const std::function<void()> &beforeBegin)
{
    const qreal unitsPerPoint = device->logicalDpiY() / 72.0;
    const qreal unitsPerMm = device->logicalDpiY() / 25.4;
    const QRectF page(QPointF(0, 0), QPageSize(QPageSize::A4).sizePoints() * unitsPerPoint);
    const QRectF body = page.adjusted(marginMm * unitsPerMm, marginMm * unitsPerMm, -marginMm * unitsPerMm,
                                      -marginMm * unitsPerMm);

    doc->documentLayout()->setPaintDevice(device);
    doc->setPageSize(body.size());
    keepHeadingsWithText(doc);
    const int pages = doc->pageCount();
    if (layoutOut)
        *layoutOut = {outlineEntries(doc), pages};
    if (beforeBegin)
        beforeBegin();

    QPainter painter;
    if (!painter.begin(device))
        return Error{tr("Das PDF kann nicht geschrieben werden.")};

    const QFont footerFont = documentFont(9);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text, Qt::black);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            device->newPage();
        if (!setup.watermark.isEmpty())
            drawWatermark(painter, page, setup.watermark);
        painter.save();
        painter.translate(body.left(), body.top() - i * body.height());
        painter.setClipRect(QRectF(0, i * body.height(), body.width(), body.height()));
        // The layout starts a line moved to the next page a hair above that page's top: drawn here too, it
        // would be clipped away but its text would still be in this page's content (copied, read aloud).
        // Lines are drawn where they intersect ctx.clip, so it stops a millimetre short of the page's end.
        ctx.clip = QRectF(0, i * body.height(), body.width(), body.height() - unitsPerMm);
        doc->documentLayout()->draw(&painter, ctx);
        painter.restore();

        painter.setFont(footerFont);
        painter.setPen(Qt::black);
        if (!setup.header.isEmpty()) {
            const QRectF header(body.left(), footerMm * unitsPerMm, body.width(), 12 * unitsPerPoint);
            painter.drawText(header, Qt::AlignHCenter | Qt::AlignVCenter, setup.header);
        }
        const QRectF footer(body.left(), page.height() - footerMm * unitsPerMm - 12 * unitsPerPoint, body.width(),
                            12 * unitsPerPoint);
        painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter, tr("Seite %1 von %2").arg(i + 1).arg(pages));
    }
    if (!painter.end())
        return Error{tr("Das PDF konnte nicht vollständig geschrieben werden.")};
    return {};
}

// The same pages as a PDF/A-1b file.
Result<void> writePdf(QIODevice *out, std::unique_ptr<QTextDocument> doc, const PageSetup &setup,
                      PdfExporter::Layout *layoutOut = nullptr)
{
    QPdfWriter writer(out);
    writer.setPdfVersion(QPagedPaintDevice::PdfVersion_A1b);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setTitle(setup.title);
    writer.setCreator(QStringLiteral("Vorlagenwerk"));
    return paintPages(&writer, doc.get(), setup, layoutOut, [&writer, &setup] {
        // Info dictionary and XMP must carry the same creation date (PDF/A); Qt writes the former at begin().
        writer.setDocumentXmpMetadata(
            xmpMetadata(setup.title, setup.ressort, setup.keywords, QDateTime::currentDateTimeUtc()));
    });
}

Result<QByteArray> toBuffer(const std::function<Result<void>(QIODevice *)> &write)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (auto r = write(&buffer); !r)
        return r.failure();
    return bytes;
}

} // namespace

QString PdfExporter::leadRessortName(const Vorlage &v) const
{
    const RessortRef *lead = v.leadRessort();
    return lead ? mRessorts.displayName(lead->key, lead->name, v.date) : QString();
}

Result<void> PdfExporter::write(const Vorlage &v, QIODevice *out, Layout *layout) const
{
    if (auto fonts = loadDocumentFonts(); !fonts)
        return fonts;
    return writePdf(out, buildDocument(v, mRessorts, mFigures, mOptions),
                    PageSetup{v.title, leadRessortName(v), keywords(v), {}, {}}, layout);
}

Result<void> PdfExporter::print(const Vorlage &v, QPagedPaintDevice *device) const
{
    if (auto fonts = loadDocumentFonts(); !fonts)
        return fonts;
    device->setPageSize(QPageSize(QPageSize::A4));
    device->setPageMargins(QMarginsF(0, 0, 0, 0));
    std::unique_ptr<QTextDocument> doc = buildDocument(v, mRessorts, mFigures, mOptions);
    if (auto r = paintPages(device, doc.get(), PageSetup{v.title, leadRessortName(v), keywords(v), {}, {}}, nullptr, {}); !r)
        return Error{tr("Die Vorlage kann nicht gedruckt werden.")};
    return {};
}

QString PdfExporter::reviewWatermark()
{
    return tr("Entwurf – nicht zur Veröffentlichung");
}

Result<void> PdfExporter::writeReview(const Vorlage &v, const QList<Annotation> &annotations, QIODevice *out) const
{
    if (auto fonts = loadDocumentFonts(); !fonts)
        return fonts;
    QStringList k = keywords(v);
    k << tr("Entwurf");
    PageSetup setup{tr("Entwurf: %1").arg(v.title), leadRessortName(v), k,
                    tr("%1 – Stand %2").arg(reviewWatermark(), germanDate(QDate::currentDate())), reviewWatermark()};
    return writePdf(out, buildReviewDocument(v, annotations, mRessorts, mFigures), setup);
}

Result<QByteArray> PdfExporter::reviewBytes(const Vorlage &vorlage, const QList<Annotation> &annotations) const
{
    return toBuffer([&](QIODevice *out) { return writeReview(vorlage, annotations, out); });
}

Result<void> PdfExporter::writeComparison(const Vorlage &before, const VersionLabel &beforeLabel,
                                          const Vorlage &after, const VersionLabel &afterLabel, QIODevice *out) const
{
    if (auto fonts = loadDocumentFonts(); !fonts)
        return fonts;
    const VorlageDiff diff = compareVorlagen(before, after, &mRessorts, &mFigures, &mFigures);
    const QString title = after.title.isEmpty() ? before.title : after.title;
    QStringList k = keywords(after);
    k << tr("Vergleich");
    PageSetup setup{tr("Vergleich: %1").arg(title), leadRessortName(after), k,
                    tr("Vergleich zweier Fassungen – nur für den internen Gebrauch"), {}};
    return writePdf(out, buildComparisonDocument(diff, title, beforeLabel, afterLabel), setup);
}

Result<QByteArray> PdfExporter::comparisonBytes(const Vorlage &before, const VersionLabel &beforeLabel,
                                                const Vorlage &after, const VersionLabel &afterLabel) const
{
    return toBuffer([&](QIODevice *out) { return writeComparison(before, beforeLabel, after, afterLabel, out); });
}

Result<void> PdfExporter::saveBytes(const QByteArray &bytes, const QString &path)
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error{tr("Der Ordner %1 existiert nicht.").arg(info.absolutePath())};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{writeFailureMessage(path, file.errorString())};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return Error{writeFailureMessage(path, file.errorString())};
    return {};
}

Result<QByteArray> PdfExporter::toBytes(const Vorlage &vorlage, Layout *layout) const
{
    return toBuffer([&](QIODevice *out) { return write(vorlage, out, layout); });
}

Result<void> PdfExporter::writeFile(const Vorlage &vorlage, const QString &path) const
{
    const QFileInfo info(path);
    if (!info.absoluteDir().exists())
        return Error{tr("Der Ordner %1 existiert nicht.").arg(info.absolutePath())};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{writeFailureMessage(path, file.errorString())};
    if (auto r = write(vorlage, &file); !r) {
        file.cancelWriting();
        return r;
    }
    if (!file.commit())
        return Error{writeFailureMessage(path, file.errorString())};
    return {};
}

QList<Result<void>> PdfExporter::writeFiles(const QList<Job> &jobs) const
{
    QList<Result<void>> results(jobs.size());
    // The font database is filled once, here, before any worker lays out text.
    if (auto fonts = loadDocumentFonts(); !fonts) {
        results.fill(fonts);
        return results;
    }
    // Each job has its own QTextDocument and QPdfWriter; only the (read-only) Ressort table is shared.
    QThreadPool pool;
    for (qsizetype i = 0; i < jobs.size(); ++i)
        pool.start([this, &jobs, &results, i] { results[i] = writeFile(jobs[i].vorlage, jobs[i].path); });
    pool.waitForDone();
    return results;
}

} // namespace vw
