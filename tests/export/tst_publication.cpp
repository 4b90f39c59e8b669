#include "publishtestutil.h"

#include "documentbuilder.h"
#include "pdfpost.h"
#include "publicpdf.h"
#include "registerpackage.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace vw;
using namespace publishtest;

namespace {

Vorlage longDecided()
{
    Vorlage v = decidedDemo(1);
    Section *b = v.section(QStringLiteral("B"));
    for (int i = 1; i <= 45; ++i)
        b->content.append(Block::para(QStringLiteral("Absatz %1: Die Schulen melden ihren Bedarf bis zum Monatsende an "
                                                     "die Behörde, die ihn sammelt, prüft und weitergibt.")
                                          .arg(i)));
    return v;
}

Anlage pdfAnlage(const QString &title, const QByteArray &bytes, bool internal = false)
{
    Anlage a;
    a.id = newItemId();
    a.title = title;
    a.fileName = title.toLower().replace(QLatin1Char(' '), QLatin1Char('-')) + QStringLiteral(".pdf");
    a.mediaType = QStringLiteral("application/pdf");
    a.sha256 = sha256(bytes);
    a.size = bytes.size();
    a.internal = internal;
    return a;
}

// The workspace's blob store, in a map.
AnlageLoader loaderFor(const QList<QByteArray> &blobs)
{
    return [blobs](const Anlage &a) -> Result<QByteArray> {
        for (const QByteArray &b : blobs)
            if (sha256(b) == a.sha256)
                return b;
        return Error{QStringLiteral("nicht gefunden")};
    };
}

QJsonObject readJson(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.object();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("the exporter reports the page each section starts on", "[export][publication]")
{
    const Vorlage v = longDecided();
    PdfExporter::Layout layout;
    auto bytes = PdfExporter(ressorts()).toBytes(v, &layout);
    REQUIRE(bytes.ok());
    const QStringList pages = pageTexts(bytes.value());
    REQUIRE(layout.pageCount == pages.size());
    REQUIRE(layout.pageCount >= 3);
    REQUIRE(layout.outline.size() == v.sections.size());
    int previous = 0;
    bool movedOn = false;
    for (int i = 0; i < v.sections.size(); ++i) {
        const OutlineEntry &e = layout.outline[i];
        const Section &s = v.sections[i];
        CHECK(e.title == QStringLiteral("%1. %2").arg(s.label, s.heading));
        CHECK(e.page >= previous);
        movedOn = movedOn || e.page > 0;
        previous = e.page;
        // The heading is printed on that page (its first words; long headings wrap).
        INFO(e.title.toStdString() << " on page " << e.page);
        REQUIRE(e.page < pages.size());
        CHECK(pages[e.page].simplified().contains(QStringLiteral("%1. %2").arg(s.label, s.heading.section(QLatin1Char(' '), 0, 0))));
    }
    CHECK(movedOn); // the long B pushes the later sections onto later pages
}

TEST_CASE("an outline is added and the PDF/A identification survives", "[export][publication]")
{
    const Vorlage v = longDecided();
    PdfExporter::Layout layout;
    const QByteArray plain = PdfExporter(ressorts()).toBytes(v, &layout).value();
    const PdfDocumentInfo info{QStringLiteral("Die Senatorin für Kinder und Bildung"), {QStringLiteral("Senatsvorlage"), QStringLiteral("Schule")},
                               QStringLiteral("de-DE")};
    auto withOutline = addOutline(plain, layout.outline, info);
    REQUIRE(withOutline.ok());
    const QByteArray &pdf = withOutline.value();

    const QList<Bookmark> marks = bookmarks(pdf);
    REQUIRE(marks.size() == layout.outline.size());
    for (int i = 0; i < marks.size(); ++i) {
        CHECK(marks[i].title == layout.outline[i].title);
        CHECK(marks[i].page == layout.outline[i].page);
        CHECK(marks[i].level == 0);
    }

    // Header version, XMP packet (byte for byte), output intent, Info fields of Qt, no object streams.
    CHECK(pdf.startsWith("%PDF-1.4"));
    CHECK(xmpPacket(pdf) == xmpPacket(plain));
    CHECK(xmpPacket(pdf).contains("<pdfaid:part>1</pdfaid:part>"));
    CHECK(pdf.contains("/GTS_PDFA1"));
    CHECK_FALSE(pdf.contains("/ObjStm"));
    const auto before = pdfInfo(plain);
    const auto after = pdfInfo(pdf);
    CHECK(after.value(QStringLiteral("Title")) == before.value(QStringLiteral("Title")));
    CHECK(after.value(QStringLiteral("Creator")) == before.value(QStringLiteral("Creator")));
    CHECK(after.value(QStringLiteral("Producer")) == before.value(QStringLiteral("Producer")));
    CHECK(after.value(QStringLiteral("CreationDate")) == before.value(QStringLiteral("CreationDate")));
    CHECK(after.value(QStringLiteral("Author")) == info.author);
    CHECK(after.value(QStringLiteral("Keywords")) == QStringLiteral("Senatsvorlage; Schule"));
    CHECK(after.value(QStringLiteral("Pages")) == before.value(QStringLiteral("Pages")));
    const QByteArray objects = qdf(pdf);
    CHECK(objects.contains("/Lang (de-DE)"));
    CHECK(objects.contains("/PageMode /UseOutlines"));
    // The metadata stream stays uncompressed (PDF/A-1 readers and the register read it as is).
    const qsizetype metadata = pdf.indexOf("/Type /Metadata");
    REQUIRE(metadata > 0);
    CHECK_FALSE(pdf.mid(metadata, pdf.indexOf("stream", metadata) - metadata).contains("/Filter"));

    // A bookmark past the last page is refused, not written.
    auto bad = addOutline(plain, {{QStringLiteral("Zu weit"), 99}});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().contains(QStringLiteral("Seite 100")));
}

TEST_CASE("PDFs are merged with one bookmark per part, the main file's sections nested", "[export][publication]")
{
    const Vorlage v = longDecided();
    PdfExporter::Layout layout;
    const QByteArray main = PdfExporter(ressorts()).toBytes(v, &layout).value();
    const QByteArray first = simplePdf(QStringLiteral("Mitteilung"), 2);
    const QByteArray second = simplePdf(QStringLiteral("Tabelle"), 3);
    auto merged = mergePdfs({{v.title, QStringLiteral("vorlage.pdf"), main, layout.outline},
                             {QStringLiteral("Anlage 1: Mitteilung"), QStringLiteral("mitteilung.pdf"), first},
                             {QStringLiteral("Anlage 2: Tabelle"), QStringLiteral("tabelle.pdf"), second}},
                            {QString(), {}, QStringLiteral("de-DE")});
    REQUIRE(merged.ok());
    const QStringList pages = pageTexts(merged.value());
    REQUIRE(pages.size() == layout.pageCount + 5);
    CHECK(pages[layout.pageCount].contains(QStringLiteral("Mitteilung Seite 1")));
    CHECK(pages[layout.pageCount + 2].contains(QStringLiteral("Tabelle Seite 1")));
    CHECK(pages.last().contains(QStringLiteral("Tabelle Seite 3")));

    const QList<Bookmark> marks = bookmarks(merged.value());
    REQUIRE(marks.size() == 1 + layout.outline.size() + 2);
    CHECK(marks[0].title == v.title);
    CHECK(marks[0].page == 0);
    CHECK(marks[0].level == 0);
    for (int i = 0; i < layout.outline.size(); ++i) {
        CHECK(marks[1 + i].title == layout.outline[i].title);
        CHECK(marks[1 + i].page == layout.outline[i].page);
        CHECK(marks[1 + i].level == 1);
    }
    CHECK(marks[marks.size() - 2].title == QStringLiteral("Anlage 1: Mitteilung"));
    CHECK(marks[marks.size() - 2].page == layout.pageCount);
    CHECK(marks.last().title == QStringLiteral("Anlage 2: Tabelle"));
    CHECK(marks.last().page == layout.pageCount + 2);
    CHECK(marks.last().level == 0);
    // The main file's identification leads the merged file.
    CHECK(xmpPacket(merged.value()) == xmpPacket(main));
    CHECK(merged.value().contains("/GTS_PDFA1"));
}

TEST_CASE("a damaged Anlage PDF is refused with a German message naming it", "[export][publication]")
{
    const QByteArray main = simplePdf(QStringLiteral("Vorlage"), 1);
    const QByteArray good = simplePdf(QStringLiteral("Anlage"), 4);
    const QList<QPair<QString, QByteArray>> broken{
        {QStringLiteral("abgeschnitten.pdf"), good.left(good.size() / 2)},
        {QStringLiteral("ohne-ende.pdf"), good.left(good.size() - 40)},
        {QStringLiteral("kein-pdf.pdf"), QByteArray("Dies ist ein Brief, kein PDF.\n")},
        {QStringLiteral("leer.pdf"), QByteArray()},
    };
    for (const auto &[name, bytes] : broken) {
        INFO(name.toStdString());
        auto merged = mergePdfs({{QStringLiteral("Vorlage"), QStringLiteral("vorlage.pdf"), main},
                                 {QStringLiteral("Anlage 1"), name, bytes}});
        REQUIRE_FALSE(merged.ok());
        CHECK(merged.error().contains(QStringLiteral("„%1“").arg(name)));
        auto pages = pdfPageCount(bytes, name);
        REQUIRE_FALSE(pages.ok());
        CHECK(pages.error().contains(name));
    }
    CHECK(pdfPageCount(good, QStringLiteral("gut.pdf")).value() == 4);
}

TEST_CASE("the public PDF: stamp, Anlagen after G, outline and metadata", "[export][publication]")
{
    Vorlage v = longDecided();
    const QByteArray mitteilung = simplePdf(QStringLiteral("Mitteilung"), 2);
    const QByteArray vermerk = simplePdf(QStringLiteral("Vermerk"), 1);
    v.anlagen << pdfAnlage(QStringLiteral("Mitteilung des Senats"), mitteilung)
              << pdfAnlage(QStringLiteral("Interner Vermerk"), vermerk, true);
    Anlage text;
    text.id = newItemId();
    text.title = QStringLiteral("Übersicht der Standorte");
    text.text = QStringLiteral("Bremen, Bremerhaven");
    v.anlagen << text;

    auto doc = makePublicDocument(v, ressorts(), {}, loaderFor({mitteilung, vermerk}));
    REQUIRE(doc.ok());
    const QStringList pages = pageTexts(doc->pdf);
    REQUIRE(pages.size() == doc->pageCount);
    CHECK(pages.first().startsWith(QStringLiteral("In der Senatssitzung am 17. November 2020 beschlossene Fassung")));
    const QString all = pages.join(QLatin1Char('\n')).simplified();
    CHECK_FALSE(all.contains(QStringLiteral("Entwurf")));
    // Anlagen after G, numbered, the internal one left out.
    const qsizetype g = all.indexOf(QStringLiteral("G. Beschluss"));
    const qsizetype anlagen = all.indexOf(QStringLiteral("Anlagen 1. Mitteilung des Senats 2. Übersicht der Standorte"));
    CHECK(g > 0);
    CHECK(anlagen > g);
    CHECK_FALSE(all.contains(QStringLiteral("Interner Vermerk")));

    // Outline: A–G and the Anlagen list.
    const QList<Bookmark> marks = bookmarks(doc->pdf);
    REQUIRE(marks.size() == v.sections.size() + 1);
    CHECK(marks.first().title.startsWith(QStringLiteral("A. ")));
    CHECK(marks[v.sections.size() - 1].title.startsWith(QStringLiteral("G. ")));
    CHECK(marks.last().title == QStringLiteral("Anlagen"));
    CHECK(pages[marks.last().page].contains(QStringLiteral("Anlagen")));

    // Metadata: title, Ressort, keywords, language — in Info and XMP.
    const auto info = pdfInfo(doc->pdf);
    CHECK(info.value(QStringLiteral("Title")) == v.title);
    CHECK_FALSE(doc->ressort.isEmpty());
    CHECK(info.value(QStringLiteral("Author")) == doc->ressort);
    CHECK(info.value(QStringLiteral("Keywords")) == doc->keywords.join(QStringLiteral("; ")));
    const QString xmp = QString::fromUtf8(xmpPacket(doc->pdf));
    CHECK(xmp.contains(QStringLiteral("<rdf:li>%1</rdf:li>").arg(doc->ressort.toHtmlEscaped())));
    CHECK(xmp.contains(QStringLiteral("<rdf:li>de-DE</rdf:li>")));
    CHECK(xmp.contains(QStringLiteral("<pdf:Keywords>%1</pdf:Keywords>").arg(doc->keywords.join(QStringLiteral("; ")).toHtmlEscaped())));
    CHECK(qdf(doc->pdf).contains("/Lang (de-DE)"));

    // The combined file: the Vorlage, then the public PDF Anlage only.
    REQUIRE_FALSE(doc->combined.isEmpty());
    const QStringList combined = pageTexts(doc->combined);
    CHECK(combined.size() == doc->pageCount + 2);
    CHECK(doc->combinedPageCount == combined.size());
    CHECK(combined[doc->pageCount].contains(QStringLiteral("Mitteilung Seite 1")));
    CHECK_FALSE(combined.join(QString()).contains(QStringLiteral("Vermerk Seite")));
    const QList<Bookmark> combinedMarks = bookmarks(doc->combined);
    CHECK(combinedMarks.last().title == QStringLiteral("Anlage 1: Mitteilung des Senats"));
    CHECK(combinedMarks.last().page == doc->pageCount);

    // The text rendition follows the same order.
    CHECK(doc->text.startsWith(QStringLiteral("In der Senatssitzung am 17. November 2020 beschlossene Fassung\n")));
    CHECK(doc->text.contains(QStringLiteral("Anlagen\n1. Mitteilung des Senats\n2. Übersicht der Standorte")));
    CHECK(doc->baseName.startsWith(QStringLiteral("2020-11-17_")));
}

TEST_CASE("the public PDF is refused for an undecided Vorlage and for missing or altered Anlage files", "[export][publication]")
{
    Vorlage v = longDecided();
    v.status = Status::Beschlussreif;
    auto undecided = makePublicDocument(v, ressorts(), {}, {});
    REQUIRE_FALSE(undecided.ok());
    CHECK(undecided.error().contains(QStringLiteral("beschlossen")));

    v.status = Status::Beschlossen;
    const QByteArray bytes = simplePdf(QStringLiteral("Mitteilung"), 1);
    v.anlagen << pdfAnlage(QStringLiteral("Mitteilung"), bytes);
    auto missing = makePublicDocument(v, ressorts(), {}, loaderFor({}));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().contains(QStringLiteral("mitteilung.pdf")));

    QByteArray altered = bytes;
    altered.append("%\n");
    auto wrong = makePublicDocument(v, ressorts(), {}, [altered](const Anlage &) -> Result<QByteArray> { return altered; });
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().contains(QStringLiteral("Prüfsumme")));

    const QByteArray truncated = bytes.left(bytes.size() / 2);
    v.anlagen.last() = pdfAnlage(QStringLiteral("Mitteilung"), truncated);
    auto damaged = makePublicDocument(v, ressorts(), {}, loaderFor({truncated}));
    REQUIRE_FALSE(damaged.ok());
    CHECK(damaged.error().contains(QStringLiteral("„mitteilung.pdf“")));
    CHECK(damaged.error().contains(QStringLiteral("kein lesbares PDF")));
}

TEST_CASE("the register package holds the files, metadata.json and the OParl Paper", "[export][publication]")
{
    Vorlage v = longDecided();
    const QByteArray mitteilung = simplePdf(QStringLiteral("Mitteilung"), 2);
    v.anlagen << pdfAnlage(QStringLiteral("Mitteilung des Senats"), mitteilung);
    v.anlagen.last().licence = QStringLiteral("CC BY 4.0");
    auto doc = makePublicDocument(v, ressorts(), {}, loaderFor({mitteilung}));
    REQUIRE(doc.ok());

    QTemporaryDir out;
    RegisterOptions options;
    options.published = QDateTime(QDate(2020, 11, 18), QTime(9, 30), Qt::UTC);
    auto package = writeRegisterPackage(doc.value(), out.path(), options);
    REQUIRE(package.ok());
    const QString base = doc->baseName;
    const QDir folder(package->folder);
    CHECK(folder.path() == QDir(out.path()).filePath(base));
    QStringList expected{base + QStringLiteral(".pdf"), base + QStringLiteral("_mit-anlagen.pdf"),
                         base + QStringLiteral("_anlage-1.pdf"), base + QStringLiteral(".txt"),
                         QStringLiteral("metadata.json"), QStringLiteral("oparl-paper.json")};
    QStringList present = folder.entryList(QDir::Files);
    expected.sort();
    present.sort();
    CHECK(present == expected);
    // Nothing else is left in the output folder (no temporary folder).
    CHECK(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) == QStringList{base});

    const QByteArray pdf = readFile(folder.filePath(base + QStringLiteral(".pdf")));
    CHECK(pdf == doc->pdf);
    CHECK(readFile(folder.filePath(base + QStringLiteral(".txt"))) == doc->text.toUtf8());
    const QString sha512 = QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha512).toHex());
    CHECK(package->mainFile.sha512 == sha512);

    const QJsonObject meta = readJson(folder.filePath(QStringLiteral("metadata.json")));
    CHECK(meta.value(QStringLiteral("Titel")).toString() == v.title);
    CHECK(meta.value(QStringLiteral("Untertitel")).toString() == v.subtitle);
    CHECK(meta.value(QStringLiteral("Dokumententyp")).toString() == QStringLiteral("Senatsvorlage"));
    CHECK(meta.value(QStringLiteral("Datum")).toString() == v.date.toString(Qt::ISODate));
    CHECK(meta.value(QStringLiteral("Sitzungsdatum")).toString() == QStringLiteral("2020-11-17"));
    CHECK(meta.value(QStringLiteral("verantwortliche Stelle")).toString() == doc->ressort);
    CHECK(meta.value(QStringLiteral("Schlagwörter")).toArray().size() == doc->keywords.size());
    CHECK_FALSE(meta.value(QStringLiteral("Lizenz")).toString().isEmpty());
    CHECK(meta.value(QStringLiteral("Dateiname")).toString() == base + QStringLiteral(".pdf"));
    CHECK(meta.value(QStringLiteral("Dateigröße")).toInteger() == pdf.size());
    CHECK(meta.value(QStringLiteral("SHA-512")).toString() == sha512);
    CHECK(meta.value(QStringLiteral("Seitenzahl")).toInt() == pageTexts(pdf).size());
    const QJsonObject combined = meta.value(QStringLiteral("Gesamtdokument")).toObject();
    CHECK(combined.value(QStringLiteral("Seitenzahl")).toInt() == doc->pageCount + 2);
    const QJsonArray anlagen = meta.value(QStringLiteral("Anlagen")).toArray();
    REQUIRE(anlagen.size() == 1);
    CHECK(anlagen[0].toObject().value(QStringLiteral("Lizenz")).toString() == QStringLiteral("CC BY 4.0"));
    CHECK(anlagen[0].toObject().value(QStringLiteral("SHA-512")).toString()
          == QString::fromLatin1(QCryptographicHash::hash(mitteilung, QCryptographicHash::Sha512).toHex()));

    const QJsonObject paper = readJson(folder.filePath(QStringLiteral("oparl-paper.json")));
    CHECK(paper.value(QStringLiteral("type")).toString() == QStringLiteral("https://schema.oparl.org/1.1/Paper"));
    CHECK(paper.value(QStringLiteral("id")).toString() == QStringLiteral("https://www.transparenz.bremen.de/oparl/paper/") + base);
    const QJsonObject mainFile = paper.value(QStringLiteral("mainFile")).toObject();
    CHECK(mainFile.value(QStringLiteral("sha512Checksum")).toString() == sha512);
    CHECK(mainFile.value(QStringLiteral("size")).toInteger() == pdf.size());
    CHECK(mainFile.value(QStringLiteral("text")).toString() == doc->text);
    CHECK(mainFile.value(QStringLiteral("accessUrl")).toString()
          == QStringLiteral("https://www.transparenz.bremen.de/oparl/files/%1/%1.pdf").arg(base));
    CHECK(mainFile.value(QStringLiteral("created")).toString() == QStringLiteral("2020-11-18T09:30:00Z"));
    const QJsonArray auxiliary = paper.value(QStringLiteral("auxiliaryFile")).toArray();
    REQUIRE(auxiliary.size() == 2);
    CHECK(auxiliary[0].toObject().value(QStringLiteral("fileName")).toString() == base + QStringLiteral("_mit-anlagen.pdf"));
    CHECK(auxiliary[1].toObject().value(QStringLiteral("fileLicense")).toString() == QStringLiteral("https://creativecommons.org/licenses/by/4.0/"));

    // A second package of the same name is refused, unless replacing is asked for.
    auto again = writeRegisterPackage(doc.value(), out.path(), options);
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().contains(QStringLiteral("gibt es schon")));
    options.replace = true;
    REQUIRE(writeRegisterPackage(doc.value(), out.path(), options).ok());
    CHECK(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) == QStringList{base});

    // The index of a session lists the packages.
    auto index = writeSessionIndex(out.path(), QDate(2020, 11, 17), {package.value()}, options);
    REQUIRE(index.ok());
    const QJsonObject json = readJson(index.value());
    CHECK(json.value(QStringLiteral("Sitzungsdatum")).toString() == QStringLiteral("2020-11-17"));
    REQUIRE(json.value(QStringLiteral("Pakete")).toArray().size() == 1);
    CHECK(json.value(QStringLiteral("Pakete")).toArray()[0].toObject().value(QStringLiteral("SHA-512")).toString() == sha512);
}

TEST_CASE("write failures are reported clearly and leave no package behind", "[export][publication]")
{
    auto doc = makePublicDocument(longDecided(), ressorts(), {}, {});
    REQUIRE(doc.ok());
    QTemporaryDir out;
    auto missing = writeRegisterPackage(doc.value(), out.filePath(QStringLiteral("gibt-es-nicht")));
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().contains(QStringLiteral("existiert nicht")));

    // A full disk: /dev/full fails every write with ENOSPC. Some containers have no such device; never
    // write a regular file there.
    const QFileInfo devFull(QStringLiteral("/dev/full"));
    if (devFull.exists() && !devFull.isFile() && !devFull.isDir()) {
        auto full = writeWholeFile(devFull.filePath(), QByteArray(1 << 16, 'x'));
        REQUIRE_FALSE(full.ok());
        CHECK(full.error().startsWith(QStringLiteral("Der Datenträger ist voll: /dev/full")));
    } else {
        WARN("/dev/full is missing: the disk-full message is not checked");
    }

    // The package folder's name is taken by a file: nothing is replaced, nothing is left over.
    writeTemp(out, doc->baseName, "keine Vorlage");
    auto blocked = writeRegisterPackage(doc.value(), out.path());
    REQUIRE_FALSE(blocked.ok());
    CHECK(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) == QStringList{doc->baseName});
}
