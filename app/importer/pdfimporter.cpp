#include "pdfimporter.h"

#include "importdetail.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QPdfDocument>
#include <QRectF>
#include <QStringDecoder>

#include <algorithm>
#include <cmath>

namespace vw {

namespace {

// One line of print: the text boxes Qt PDF reports, grouped by their vertical position.
struct PrintLine {
    QList<QRectF> boxes;
    qreal top = 0;
    qreal bottom = 0;
    qreal capLine = 0;
    QString text;
};

qreal median(QList<qreal> values, qreal fraction = 0.5)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(qMin(values.size() - 1, qsizetype(values.size() * fraction)));
}

int nonSpaceCount(const QString &text)
{
    int n = 0;
    for (QChar c : text)
        n += c.isSpace() ? 0 : 1;
    return n;
}

QList<PrintLine> groupLines(const QList<QPolygonF> &bounds)
{
    QList<QRectF> boxes;
    QList<qreal> heights;
    for (const QPolygonF &poly : bounds) {
        const QRectF r = poly.boundingRect();
        if (r.width() > 0 && r.height() > 0) {
            boxes.append(r);
            heights.append(r.height());
        }
    }
    std::sort(boxes.begin(), boxes.end(),
              [](const QRectF &a, const QRectF &b) { return a.center().y() < b.center().y(); });
    // Letters make the lines; small marks (full stops, commas, dashes) sit low or high and join
    // the line they touch afterwards.
    const qreal small = 0.6 * median(heights);
    QList<PrintLine> lines;
    QList<QRectF> marks;
    for (const QRectF &r : boxes) {
        if (r.height() < small) {
            marks.append(r);
            continue;
        }
        if (!lines.isEmpty()) {
            PrintLine &l = lines.last();
            const qreal overlap = qMin(l.bottom, r.bottom()) - qMax(l.top, r.top());
            if (overlap >= 0.5 * qMin(l.bottom - l.top, r.height())) {
                l.boxes.append(r);
                l.top = qMin(l.top, r.top());
                l.bottom = qMax(l.bottom, r.bottom());
                continue;
            }
        }
        lines.append(PrintLine{{r}, r.top(), r.bottom(), 0, {}});
    }
    for (const QRectF &r : marks) {
        PrintLine *best = nullptr;
        qreal bestDistance = 0;
        for (PrintLine &l : lines) {
            const qreal distance = qMax<qreal>(0, qMax(l.top - r.bottom(), r.top() - l.bottom));
            if (!best || distance < bestDistance) {
                best = &l;
                bestDistance = distance;
            }
        }
        if (best && bestDistance <= 0.5 * (best->bottom - best->top)) {
            best->boxes.append(r);
        } else {
            lines.append(PrintLine{{r}, r.top(), r.bottom(), 0, {}});
            std::sort(lines.begin(), lines.end(),
                      [](const PrintLine &a, const PrintLine &b) { return a.top < b.top; });
        }
    }
    for (PrintLine &l : lines) {
        std::sort(l.boxes.begin(), l.boxes.end(),
                  [](const QRectF &a, const QRectF &b) { return a.left() < b.left(); });
        // Lines are measured at the height of capitals and ascenders, which nearly every line of German
        // text has; the lowest point varies with the descenders a line happens to contain.
        QList<qreal> tops;
        for (const QRectF &r : l.boxes) {
            if (r.height() >= small)
                tops.append(r.top());
        }
        l.capLine = tops.isEmpty() ? l.top : median(tops, 0.2);
    }
    return lines;
}

QString selectionText(QPdfDocument &doc, int page, QPointF from, QPointF to)
{
    const QPdfSelection sel = doc.getSelection(page, from, to);
    if (!sel.isValid())
        return QString();
    return sel.text();
}

QString flatten(QString text)
{
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.trimmed();
}

// The text of one page as lines in reading order, with a blank line where the print leaves the
// space of a paragraph break. Qt PDF's own text (getAllText) runs some lines of print into one
// and has no paragraph breaks; the boxes of the characters tell where lines and paragraphs are.
QList<PrintLine> pageLines(QPdfDocument &doc, int page, QString *fallback)
{
    const QPdfSelection all = doc.getAllText(page);
    *fallback = all.text();
    QList<PrintLine> lines = groupLines(all.bounds());
    for (qsizetype k = 0; k < lines.size(); ++k) {
        PrintLine &l = lines[k];
        const QRectF first = l.boxes.first();
        const QRectF last = l.boxes.last();
        const QPointF from(first.left() + qMin<qreal>(1.0, first.width() / 3), first.center().y());
        const QPointF to(last.right() - qMin<qreal>(0.5, last.width() / 4), last.center().y());
        QString text = selectionText(doc, page, from, to);
        if (text.isEmpty()) {
            // One character alone: select from the end of the line above (or to the start of the one below)
            // and keep what is left of it, if that is as short as it should be.
            if (k > 0) {
                const QRectF prev = lines[k - 1].boxes.last();
                text = selectionText(
                           doc, page,
                           QPointF(prev.right() - qMin<qreal>(0.5, prev.width() / 4), prev.center().y()), to)
                           .mid(1);
            } else if (k + 1 < lines.size()) {
                const QRectF next = lines[k + 1].boxes.first();
                text = selectionText(
                    doc, page, from,
                    QPointF(next.left() + qMin<qreal>(0.2, next.width() / 4), next.center().y()));
            }
            if (nonSpaceCount(text) > 3)
                text.clear();
        }
        l.text = flatten(text);
    }
    return lines;
}

// The distance of lines within a paragraph of body text, found as the smallest distance that recurs
// between lines of the usual height; a paragraph break leaves noticeably more.
struct Spacing {
    qreal pitch = 0;
    qreal lineHeight = 0;

    bool isParagraphGap(qreal distance) const
    {
        return pitch > 0 && distance > 1.2 * pitch && distance - pitch > 0.25 * lineHeight;
    }
};

Spacing measureSpacing(const QList<QList<PrintLine>> &pages)
{
    QList<qreal> heights;
    for (const QList<PrintLine> &lines : pages) {
        for (const PrintLine &l : lines)
            heights.append(l.bottom - l.top);
    }
    Spacing s;
    s.lineHeight = median(heights);
    auto usual = [&](const PrintLine &l) {
        return qAbs(l.bottom - l.top - s.lineHeight) <= 0.25 * s.lineHeight;
    };
    QList<qreal> pitches;
    for (const QList<PrintLine> &lines : pages) {
        for (qsizetype k = 1; k < lines.size(); ++k) {
            const qreal pitch = lines[k].capLine - lines[k - 1].capLine;
            if (pitch > 0.5 * s.lineHeight && usual(lines[k]) && usual(lines[k - 1]))
                pitches.append(pitch);
        }
    }
    std::sort(pitches.begin(), pitches.end());
    for (qsizetype k = 0; k + 1 < pitches.size(); ++k) {
        if (pitches[k + 1] - pitches[k] <= 0.75) {
            s.pitch = pitches[k];
            return s;
        }
    }
    s.pitch = median(pitches, 0.3);
    return s;
}

} // namespace

Result<QString> pdfText(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return Error{QCoreApplication::translate("vw::Importer", "Die Datei „%1“ gibt es nicht.").arg(path)};
    if (!info.isFile() || !info.isReadable())
        return Error{
            QCoreApplication::translate("vw::Importer", "Die Datei „%1“ lässt sich nicht lesen.").arg(path)};

    QPdfDocument doc;
    switch (doc.load(path)) {
    case QPdfDocument::Error::None:
        break;
    case QPdfDocument::Error::FileNotFound:
        return Error{QCoreApplication::translate("vw::Importer", "Die Datei „%1“ gibt es nicht.").arg(path)};
    case QPdfDocument::Error::InvalidFileFormat:
        return Error{QCoreApplication::translate(
                         "vw::Importer", "„%1“ ist keine lesbare PDF-Datei (kein PDF oder beschädigt).")
                         .arg(name)};
    case QPdfDocument::Error::IncorrectPassword:
        return Error{
            QCoreApplication::translate(
                "vw::Importer",
                "„%1“ ist mit einem Kennwort verschlüsselt; bitte eine unverschlüsselte Fassung importieren.")
                .arg(name)};
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return Error{QCoreApplication::translate(
                         "vw::Importer", "„%1“ ist mit einem nicht unterstützten Verfahren verschlüsselt.")
                         .arg(name)};
    default:
        return Error{
            QCoreApplication::translate("vw::Importer", "„%1“ lässt sich als PDF nicht öffnen (beschädigt?).")
                .arg(name)};
    }
    if (doc.pageCount() <= 0)
        return Error{QCoreApplication::translate("vw::Importer", "„%1“ enthält keine Seiten.").arg(name)};

    // Read every page's lines first: the usual distance of lines is measured over the whole document.
    QList<QList<PrintLine>> pages;
    QStringList fallbacks;
    for (int p = 0; p < doc.pageCount(); ++p) {
        QString fallback;
        pages.append(pageLines(doc, p, &fallback));
        fallbacks.append(fallback);
    }
    const Spacing spacing = measureSpacing(pages);

    QStringList pageTexts;
    bool anyText = false;
    for (qsizetype p = 0; p < pages.size(); ++p) {
        const QList<PrintLine> &lines = pages[p];
        QStringList out;
        for (qsizetype k = 0; k < lines.size(); ++k) {
            if (k > 0 && spacing.isParagraphGap(lines[k].capLine - lines[k - 1].capLine))
                out.append(QString());
            out.append(lines[k].text);
        }
        QString text = out.join(QLatin1Char('\n'));
        // Should the lines not account for the page's text, or repeat some of it (unusual fonts, rotated
        // text, a reading order that jumps), take Qt PDF's text as it comes rather than lose or add words.
        const QString fallback = fallbacks[p];
        const int found = nonSpaceCount(text);
        const int expected = nonSpaceCount(fallback);
        if (found < expected * 95 / 100 || found > expected * 105 / 100 + 2)
            text = QString(fallback).replace(QLatin1String("\r\n"), QLatin1String("\n"));
        anyText = anyText || !text.trimmed().isEmpty();
        pageTexts.append(text);
    }
    if (!anyText)
        return Error{
            QCoreApplication::translate(
                "vw::Importer",
                "„%1“ enthält keinen Text (vielleicht eingescannt); ohne Texterkennung lässt er sich nicht "
                "importieren.")
                .arg(name)};
    return pageTexts.join(QLatin1Char('\f'));
}

Result<ImportResult> importFile(const QString &path, const RessortTable &ressorts)
{
    const QFileInfo info(path);
    const QString subject = QStringLiteral("„%1“").arg(info.fileName());
    if (!info.exists())
        return Error{QCoreApplication::translate("vw::Importer", "Die Datei „%1“ gibt es nicht.").arg(path)};
    QFile file(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("vw::Importer", "Die Datei „%1“ lässt sich nicht lesen: %2")
                         .arg(path, file.errorString())};
    constexpr qint64 maxSize = 64 * 1024 * 1024;
    if (file.size() > maxSize)
        return Error{QCoreApplication::translate("vw::Importer",
                                                 "%1 ist zu groß für eine Senatsvorlage (mehr als 64 MB).")
                         .arg(subject)};
    const QByteArray data = file.readAll();
    file.close();

    // A PDF starts with its signature, possibly after a little junk (the PDF standard allows 1024 bytes).
    const qsizetype signature = data.left(1024).indexOf("%PDF-");
    if (signature >= 0) {
        const Result<QString> text = pdfText(path);
        if (!text)
            return text.failure();
        return importdetail::importTextAs(text.value(), ressorts, subject);
    }
    if (data.contains('\0'))
        return Error{QCoreApplication::translate("vw::Importer",
                                                 "%1 ist weder Text noch PDF: die Datei enthält Binärdaten.")
                         .arg(subject)};
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(data);
    if (decoder.hasError())
        return Error{
            QCoreApplication::translate(
                "vw::Importer",
                "%1 ist kein gültiger UTF-8-Text. Bitte die Datei als UTF-8 speichern und erneut importieren.")
                .arg(subject)};
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    return importdetail::importTextAs(text, ressorts, subject);
}

} // namespace vw
