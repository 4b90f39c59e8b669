#pragma once

#include "publishdemo.h"

#include "pdfexporter.h"
#include "workspace.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QPainter>
#include <QPdfBookmarkModel>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>

// Helpers for the publication tests: the seeded Ressort table, PDFs to attach, and the command-line
// tools (qpdf, poppler) that look at a PDF from outside our code.
namespace publishtest {

inline const vw::RessortTable &ressorts()
{
    static QTemporaryDir dir;
    static auto ws = vw::Workspace::open(dir.filePath(QStringLiteral("r.vorlagen")), vw::Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    return ws.value()->ressorts();
}

// A plain (not PDF/A) PDF of `pages` pages, each saying "<label> Seite N", with `title` in its Info.
inline QByteArray simplePdf(const QString &label, int pages, const QString &title = QString())
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        if (!title.isEmpty())
            writer.setTitle(title);
        QPainter painter(&writer);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.setFont(QFont(QStringLiteral("Vorlagenwerk Sans"), 14));
            painter.drawText(QPointF(800, 1200), QStringLiteral("%1 Seite %2").arg(label).arg(i + 1));
        }
    }
    return bytes;
}

inline QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Runs a tool; REQUIREs that it exits 0 and returns its standard output.
inline QByteArray run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(60000));
    INFO(program.toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return p.readAllStandardOutput();
}

inline QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(bytes) == bytes.size());
    return path;
}

// Every object of the PDF uncompressed (qpdf --qdf), as bytes.
inline QByteArray qdf(const QByteArray &pdf)
{
    QTemporaryDir dir;
    const QString in = writeTemp(dir, QStringLiteral("in.pdf"), pdf);
    const QString out = dir.filePath(QStringLiteral("out.pdf"));
    run(QStringLiteral("qpdf"), {QStringLiteral("--qdf"), QStringLiteral("--object-streams=disable"), in, out});
    QFile f(out);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// The text poppler extracts, page by page separated by form feeds.
inline QString pdfText(const QByteArray &pdf)
{
    QTemporaryDir dir;
    const QString in = writeTemp(dir, QStringLiteral("in.pdf"), pdf);
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), in, QStringLiteral("-")}));
}

// pdfinfo's "Key: value" lines.
inline QMap<QString, QString> pdfInfo(const QByteArray &pdf)
{
    QTemporaryDir dir;
    const QString in = writeTemp(dir, QStringLiteral("in.pdf"), pdf);
    QMap<QString, QString> info;
    for (const QString &line : QString::fromUtf8(run(QStringLiteral("pdfinfo"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), in})).split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            info.insert(line.left(colon), line.mid(colon + 1).trimmed());
    }
    return info;
}

// The XMP packet as written (uncompressed in a PDF/A file).
inline QByteArray xmpPacket(const QByteArray &pdf)
{
    const qsizetype begin = pdf.indexOf("<?xpacket begin");
    const qsizetype end = pdf.indexOf("<?xpacket end", begin);
    if (begin < 0 || end < 0)
        return {};
    return pdf.mid(begin, end - begin);
}

struct Bookmark {
    QString title;
    int level = 0;
    int page = 0;
};

// The outline as Qt PDF (PDFium) reads it, depth first.
inline QList<Bookmark> bookmarks(const QByteArray &pdf)
{
    QByteArray copy = pdf;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument doc;
    doc.load(&buffer);
    REQUIRE(doc.status() == QPdfDocument::Status::Ready);
    QPdfBookmarkModel model;
    model.setDocument(&doc);
    QList<Bookmark> list;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model.rowCount(parent); ++r) {
            const QModelIndex i = model.index(r, 0, parent);
            list << Bookmark{i.data(int(QPdfBookmarkModel::Role::Title)).toString(),
                             i.data(int(QPdfBookmarkModel::Role::Level)).toInt(),
                             i.data(int(QPdfBookmarkModel::Role::Page)).toInt()};
            walk(i);
        }
    };
    walk({});
    return list;
}

inline QStringList pageTexts(const QByteArray &pdf)
{
    QByteArray copy = pdf;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument doc;
    doc.load(&buffer);
    REQUIRE(doc.status() == QPdfDocument::Status::Ready);
    QStringList pages;
    for (int i = 0; i < doc.pageCount(); ++i)
        pages << doc.getAllText(i).text().replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    return pages;
}

} // namespace publishtest
