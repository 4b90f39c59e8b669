#include "pdfpost.h"

#include <QCoreApplication>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <memory>
#include <vector>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::PdfPost", text);
}

// Thrown inside this file only; every public function catches it (and qpdf's exceptions).
struct PostError {
    QString message;
};

QString unreadable(const QString &name, const std::exception &e)
{
    return tr("„%1“ ist kein lesbares PDF (beschädigt, unvollständig oder mit Passwort geschützt): %2")
        .arg(name, QString::fromStdString(e.what()));
}

// Opens `bytes` (which must outlive the result) without repairing it: a damaged file is refused
// rather than published with pages missing.
std::shared_ptr<QPDF> open(const QByteArray &bytes, const QString &name)
{
    if (bytes.isEmpty())
        throw PostError{tr("„%1“ ist leer.").arg(name)};
    auto pdf = QPDF::create();
    pdf->setSuppressWarnings(true);
    pdf->setAttemptRecovery(false);
    try {
        pdf->processMemoryFile(name.toStdString().c_str(), bytes.constData(), size_t(bytes.size()));
        if (QPDFPageDocumentHelper(*pdf).getAllPages().empty())
            throw PostError{tr("„%1“ hat keine Seiten.").arg(name)};
    } catch (const std::exception &e) {
        throw PostError{unreadable(name, e)};
    }
    return pdf;
}

void checkWarnings(QPDF &pdf, const QString &name)
{
    if (!pdf.anyWarnings())
        return;
    const std::vector<QPDFExc> warnings = pdf.getWarnings();
    throw PostError{tr("„%1“ ist beschädigt: %2")
                        .arg(name, warnings.empty() ? QString() : QString::fromStdString(warnings.front().what()))};
}

QPDFObjectHandle unicode(const QString &text)
{
    return QPDFObjectHandle::newUnicodeString(text.toStdString());
}

// Appends `entries` below `parent` (the outline root or an item); returns the number of items made,
// nested ones included (all are open, so that is the /Count of the parent).
int addItems(QPDF &pdf, QPDFObjectHandle parent, const QList<OutlineEntry> &entries,
             const std::vector<QPDFPageObjectHelper> &pages, int offset)
{
    std::vector<QPDFObjectHandle> items;
    int count = 0;
    for (const OutlineEntry &entry : entries) {
        const int page = offset + entry.page;
        if (entry.page < 0 || page >= int(pages.size()))
            throw PostError{tr("Das Lesezeichen „%1“ zeigt auf Seite %2, die es nicht gibt.").arg(entry.title).arg(page + 1)};
        QPDFObjectHandle item = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", unicode(entry.title));
        item.replaceKey("/Parent", parent);
        item.replaceKey("/Dest", QPDFObjectHandle::newArray({pages[size_t(page)].getObjectHandle(),
                                                             QPDFObjectHandle::newName("/XYZ"),
                                                             QPDFObjectHandle::newNull(), QPDFObjectHandle::newNull(),
                                                             QPDFObjectHandle::newNull()}));
        const int children = addItems(pdf, item, entry.children, pages, offset);
        if (children > 0)
            item.replaceKey("/Count", QPDFObjectHandle::newInteger(children));
        items.push_back(item);
        count += 1 + children;
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            items[i].replaceKey("/Prev", items[i - 1]);
        if (i + 1 < items.size())
            items[i].replaceKey("/Next", items[i + 1]);
    }
    if (!items.empty()) {
        parent.replaceKey("/First", items.front());
        parent.replaceKey("/Last", items.back());
    }
    return count;
}

void setOutline(QPDF &pdf, const QList<OutlineEntry> &outline)
{
    QPDFObjectHandle root = pdf.getRoot();
    if (outline.isEmpty()) {
        root.removeKey("/Outlines");
        return;
    }
    const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
    QPDFObjectHandle outlines = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
    const int count = addItems(pdf, outlines, outline, pages, 0);
    outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(count));
    root.replaceKey("/Outlines", outlines);
    root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
}

void setInfo(QPDF &pdf, const PdfDocumentInfo &info)
{
    if (!info.language.isEmpty())
        pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newString(info.language.toStdString()));
    if (info.author.isEmpty() && info.keywords.isEmpty())
        return;
    QPDFObjectHandle trailer = pdf.getTrailer();
    QPDFObjectHandle dict = trailer.getKey("/Info");
    if (!dict.isDictionary()) {
        dict = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
        trailer.replaceKey("/Info", dict);
    }
    if (!info.author.isEmpty())
        dict.replaceKey("/Author", unicode(info.author));
    if (!info.keywords.isEmpty())
        dict.replaceKey("/Keywords", unicode(info.keywords.join(QStringLiteral("; "))));
}

void shift(OutlineEntry &entry, int offset)
{
    entry.page += offset;
    for (OutlineEntry &child : entry.children)
        shift(child, offset);
}

QByteArray write(QPDF &pdf)
{
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setObjectStreamMode(qpdf_o_disable); // object streams are PDF 1.5, PDF/A-1 is 1.4
    writer.setNewlineBeforeEndstream(true);    // PDF/A: EOL before endstream
    writer.setDeterministicID(true);
    writer.write();
    const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return QByteArray(reinterpret_cast<const char *>(buffer->getBuffer()), qsizetype(buffer->getSize()));
}

} // namespace

Result<QByteArray> addOutline(const QByteArray &bytes, const QList<OutlineEntry> &outline, const PdfDocumentInfo &info)
{
    const QString name = tr("das erzeugte PDF");
    try {
        std::shared_ptr<QPDF> pdf = open(bytes, name);
        setOutline(*pdf, outline);
        setInfo(*pdf, info);
        QByteArray result = write(*pdf);
        checkWarnings(*pdf, name);
        return result;
    } catch (const PostError &e) {
        return Error{e.message};
    } catch (const std::exception &e) {
        return Error{unreadable(name, e)};
    }
}

Result<QByteArray> mergePdfs(const QList<PdfPart> &parts, const PdfDocumentInfo &info)
{
    if (parts.isEmpty())
        return Error{tr("Es gibt keine PDF-Dateien zum Zusammenfügen.")};
    QString current = parts.first().name;
    try {
        std::vector<std::shared_ptr<QPDF>> sources;
        std::shared_ptr<QPDF> merged = open(parts.first().bytes, current);
        QPDFPageDocumentHelper mergedPages(*merged);
        QList<OutlineEntry> outline;
        int offset = 0;
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const PdfPart &part = parts[i];
            current = part.name;
            int pageCount = 0;
            if (i == 0) {
                pageCount = int(mergedPages.getAllPages().size());
            } else {
                std::shared_ptr<QPDF> source = open(part.bytes, part.name);
                const std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(*source).getAllPages();
                for (const QPDFPageObjectHelper &page : pages)
                    mergedPages.addPage(page, false);
                pageCount = int(pages.size());
                sources.push_back(source); // copied objects are read from it until the file is written
            }
            OutlineEntry entry{part.title, offset, {}};
            for (OutlineEntry child : part.outline) {
                if (child.page < 0 || child.page >= pageCount)
                    throw PostError{tr("Das Lesezeichen „%1“ in „%2“ zeigt auf Seite %3, die es nicht gibt.")
                                        .arg(child.title, part.name)
                                        .arg(child.page + 1)};
                shift(child, offset);
                entry.children << child;
            }
            outline << entry;
            offset += pageCount;
        }
        current = parts.first().name;
        setOutline(*merged, outline);
        setInfo(*merged, info);
        QByteArray result = write(*merged);
        checkWarnings(*merged, parts.first().name);
        for (size_t i = 0; i < sources.size(); ++i)
            checkWarnings(*sources[i], parts[qsizetype(i) + 1].name);
        return result;
    } catch (const PostError &e) {
        return Error{e.message};
    } catch (const std::exception &e) {
        return Error{unreadable(current, e)};
    }
}

Result<int> pdfPageCount(const QByteArray &bytes, const QString &name)
{
    try {
        std::shared_ptr<QPDF> pdf = open(bytes, name);
        return int(QPDFPageDocumentHelper(*pdf).getAllPages().size());
    } catch (const PostError &e) {
        return Error{e.message};
    } catch (const std::exception &e) {
        return Error{unreadable(name, e)};
    }
}

} // namespace vw
