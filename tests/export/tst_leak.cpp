#include "publishtestutil.h"

#include "publicationcheck.h"
#include "publicpdf.h"
#include "registerpackage.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

using namespace vw;
using namespace publishtest;

namespace {

// A marker no text of the project contains; each place gets its own number.
QString marker(int n)
{
    return QStringLiteral("LECK%1QX").arg(n, 3, 10, QLatin1Char('0'));
}

struct Scenario {
    Vorlage decided;
    QList<Annotation> annotations;
    QList<Vorlage> versions; // earlier snapshots (what the store keeps as versions)
    QList<QByteArray> blobs;
    QStringList markers;     // every marker that must not be published
    QString publicMarker;    // placed in the public text: must be published
};

Anlage anlageFor(const QString &title, const QByteArray &bytes, bool internal, const QString &fileName)
{
    Anlage a;
    a.id = newItemId();
    a.title = title;
    a.fileName = fileName;
    a.mediaType = QStringLiteral("application/pdf");
    a.sha256 = sha256(bytes);
    a.size = bytes.size();
    a.internal = internal;
    return a;
}

// A decided Vorlage with everything internal a real one collects on its way, each piece marked.
Scenario scenario()
{
    Scenario s;
    int n = 0;
    const auto next = [&] {
        s.markers << marker(++n);
        return s.markers.last();
    };

    // Earlier versions: a draft with words that were changed before the decision.
    Vorlage draft = decidedDemo(1);
    draft.status = Status::Entwurf;
    draft.section(QStringLiteral("B"))->content.append(Block::para(QStringLiteral("Entwurfstext %1, später gestrichen.").arg(next())));
    draft.title += QStringLiteral(" ") + next();
    s.versions << draft;

    Vorlage v = decidedDemo(1);
    // The public marker: words of the decided text.
    s.publicMarker = QStringLiteral("OEFFENTLICH777QX");
    v.section(QStringLiteral("C"))->content.append(Block::para(QStringLiteral("Geprüft wurde auch Variante %1.").arg(s.publicMarker)));

    // Beteiligung: names, states and objection texts (resolved, so publication is allowed).
    Participation objection;
    objection.id = newItemId();
    objection.name = QStringLiteral("Gesamtpersonalrat %1").arg(next());
    objection.state = Participation::State::Einwaende;
    objection.text = QStringLiteral("Einwand: %1").arg(next());
    objection.resolved = true;
    Participation agreed;
    agreed.id = newItemId();
    agreed.ressortKey = QStringLiteral("finanzen");
    agreed.state = Participation::State::ZugestimmtMitMassgabe;
    agreed.text = QStringLiteral("Maßgabe: %1").arg(next());
    v.beteiligung << objection << agreed;

    // Internal Anlagen: a PDF (marker in its title metadata, its text and its file name) and a text.
    const QString internalText = next();
    const QByteArray internalPdf = simplePdf(QStringLiteral("Vermerk %1").arg(internalText), 1, QStringLiteral("Vermerk %1").arg(next()));
    v.anlagen << anlageFor(QStringLiteral("Interner Vermerk %1").arg(next()), internalPdf, true,
                           QStringLiteral("vermerk-%1.pdf").arg(next()));
    Anlage internalNote;
    internalNote.id = newItemId();
    internalNote.title = QStringLiteral("Einwand als Anlage %1").arg(next());
    internalNote.text = QStringLiteral("Text des Einwands %1").arg(next());
    internalNote.internal = true;
    v.anlagen << internalNote;
    // A public Anlage, so that the combined file is made too.
    const QByteArray publicPdf = simplePdf(QStringLiteral("Mitteilung"), 2, QStringLiteral("Mitteilung des Senats"));
    v.anlagen << anlageFor(QStringLiteral("Mitteilung des Senats"), publicPdf, false, QStringLiteral("mitteilung.pdf"));
    s.blobs << internalPdf << publicPdf;

    // Comments, replies and suggestions with reviewers' names — all settled.
    Annotation comment;
    comment.id = 1;
    comment.author = QStringLiteral("Prüferin %1").arg(next());
    comment.text = QStringLiteral("Kommentar %1").arg(next());
    comment.anchor.place = {Place::Kind::Section, QStringLiteral("B"), {}};
    comment.anchor.quote = QStringLiteral("Tablet");
    comment.replies << Reply{1, QStringLiteral("Sachbearbeiter %1").arg(next()), QDateTime::currentDateTimeUtc(),
                             QStringLiteral("Antwort %1").arg(next())};
    comment.resolved = true;
    comment.resolvedBy = QStringLiteral("Referatsleitung %1").arg(next());
    Annotation suggestion;
    suggestion.id = 2;
    suggestion.author = QStringLiteral("Senatskanzlei %1").arg(next());
    suggestion.anchor.place = {Place::Kind::Section, QStringLiteral("C"), {}};
    suggestion.anchor.quote = QStringLiteral("Entschädigung");
    suggestion.suggestion = Annotation::Suggestion::Rejected;
    suggestion.replacement = QStringLiteral("Vorschlag %1").arg(next());
    suggestion.decidedBy = QStringLiteral("Entscheider %1").arg(next());
    s.annotations << comment << suggestion;

    s.decided = v;
    return s;
}

AnlageLoader loader(const QList<QByteArray> &blobs)
{
    return [blobs](const Anlage &a) -> Result<QByteArray> {
        for (const QByteArray &b : blobs)
            if (sha256(b) == a.sha256)
                return b;
        return Error{QStringLiteral("fehlt")};
    };
}

// Every form in which a marker could sit in a file: the bytes; UTF-16 (PDF text strings); for PDFs
// also every object decompressed (qpdf --qdf), the XMP and the text poppler extracts.
QStringList readableForms(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    QStringList forms{QString::fromLatin1(bytes), QString::fromUtf8(bytes)};
    auto be = QStringDecoder(QStringDecoder::Utf16BE);
    auto le = QStringDecoder(QStringDecoder::Utf16LE);
    forms << QString(be(bytes)) << QString(le(bytes)) << QString(be(bytes.mid(1))) << QString(le(bytes.mid(1)));
    if (bytes.startsWith("%PDF")) {
        const QByteArray objects = qdf(bytes);
        forms << QString::fromLatin1(objects);
        auto be2 = QStringDecoder(QStringDecoder::Utf16BE);
        forms << QString(be2(objects)) << QString::fromUtf8(xmpPacket(bytes)) << pdfText(bytes);
    }
    return forms;
}

struct Scan {
    QStringList files;
    QStringList found; // "file: marker"
};

Scan scan(const QString &folder, const QStringList &markers)
{
    Scan result;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        result.files << QFileInfo(path).fileName();
        const QStringList forms = readableForms(path);
        for (const QString &m : markers)
            for (const QString &form : forms)
                if (form.contains(m, Qt::CaseInsensitive)) {
                    result.found << QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), m);
                    break;
                }
    }
    return result;
}

} // namespace

TEST_CASE("nothing internal reaches the register package", "[export][publication][leak]")
{
    const Scenario s = scenario();
    // The scenario is publishable: all its internal material is settled, none of it is a refusal.
    const PublicationCheck check = checkPublication(s.decided, s.annotations, {});
    for (const PublicationIssue &i : check.refusals)
        UNSCOPED_INFO(i.message.toStdString());
    REQUIRE_FALSE(check.refused());
    // The markers are really in the material we hand over (so a leak would have something to leak).
    const QString everything = QString::fromUtf8(QJsonDocument(vorlageToJson(s.decided)).toJson());
    CHECK(everything.contains(marker(3)));

    auto doc = makePublicDocument(s.decided, ressorts(), demoFigures(), loader(s.blobs));
    REQUIRE(doc.ok());
    QTemporaryDir out;
    auto package = writeRegisterPackage(doc.value(), out.path());
    REQUIRE(package.ok());
    REQUIRE(writeSessionIndex(out.path(), s.decided.sessionDate, {package.value()}).ok());

    const Scan result = scan(out.path(), s.markers);
    INFO("files: " << result.files.join(QStringLiteral(", ")).toStdString());
    CHECK(result.files.size() == 7); // PDF, combined PDF, Anlage, text, metadata, OParl, index
    CHECK(result.found == QStringList());
}

TEST_CASE("the leak scan finds what is published", "[export][publication][leak]")
{
    // The reverse check: the marker in the public text is found in every file that carries the text,
    // in the PDF through its extracted text; a marker in the title also in the PDF's objects and XMP.
    Scenario s = scenario();
    const QString titleMarker = QStringLiteral("TITEL888QX");
    s.decided.title += QStringLiteral(" ") + titleMarker;
    auto doc = makePublicDocument(s.decided, ressorts(), demoFigures(), loader(s.blobs));
    REQUIRE(doc.ok());
    QTemporaryDir out;
    auto package = writeRegisterPackage(doc.value(), out.path());
    REQUIRE(package.ok());

    const Scan result = scan(out.path(), {s.publicMarker, titleMarker});
    const QString base = doc->baseName;
    for (const QString &file : {base + QStringLiteral(".pdf"), base + QStringLiteral("_mit-anlagen.pdf"), base + QStringLiteral(".txt"),
                                QStringLiteral("oparl-paper.json")}) {
        INFO(file.toStdString());
        CHECK(result.found.contains(QStringLiteral("%1: %2").arg(file, s.publicMarker)));
    }
    CHECK(result.found.contains(QStringLiteral("metadata.json: %1").arg(titleMarker)));
    const QByteArray pdf = doc->pdf;
    CHECK(QString::fromUtf8(xmpPacket(pdf)).contains(titleMarker));
    CHECK(QString::fromLatin1(qdf(pdf)).contains(titleMarker)); // Info /Title
    // A marker inside the compressed content of a page shows only after decompressing or extracting.
    CHECK_FALSE(pdf.contains(s.publicMarker.toLatin1()));
    CHECK(pdfText(pdf).contains(s.publicMarker));
}

TEST_CASE("the OParl Paper of a package validates against the OParl 1.1 schema", "[export][publication][oparl]")
{
    Scenario s = scenario();
    auto doc = makePublicDocument(s.decided, ressorts(), demoFigures(), loader(s.blobs));
    REQUIRE(doc.ok());
    QTemporaryDir out;
    auto package = writeRegisterPackage(doc.value(), out.path());
    REQUIRE(package.ok());
    const QString paperPath = QDir(package->folder).filePath(QStringLiteral("oparl-paper.json"));
    const QString schemas = testData(QStringLiteral("oparl"));
    const QString script = QStringLiteral(VW_SOURCE_DIR "/tests/export/validate_oparl.py");

    const auto validate = [&](const QString &type, const QString &path) {
        QProcess p;
        p.start(QStringLiteral(VW_PYTHON3), {QStringLiteral("-W"), QStringLiteral("ignore"), script, schemas, type, path});
        REQUIRE(p.waitForFinished(60000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
    };

    const auto [code, output] = validate(QStringLiteral("Paper"), paperPath);
    INFO(output.toStdString());
    CHECK(code == 0);

    // The check can fail: a File without its accessUrl, a Paper without created, a date that is no date.
    QFile f(paperPath);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QJsonObject paper = QJsonDocument::fromJson(f.readAll()).object();
    const auto broken = [&](const std::function<void(QJsonObject &)> &edit) {
        QJsonObject copy = paper;
        edit(copy);
        return writeTemp(out, QStringLiteral("broken.json"), QJsonDocument(copy).toJson());
    };
    {
        const auto [c, o] = validate(QStringLiteral("Paper"), broken([](QJsonObject &p) {
            QJsonObject main = p.value(QStringLiteral("mainFile")).toObject();
            main.remove(QStringLiteral("accessUrl"));
            p.insert(QStringLiteral("mainFile"), main);
        }));
        CHECK(c == 1);
        CHECK(o.contains(QStringLiteral("accessUrl")));
    }
    QFile::remove(out.filePath(QStringLiteral("broken.json")));
    {
        const auto [c, o] = validate(QStringLiteral("Paper"), broken([](QJsonObject &p) { p.remove(QStringLiteral("created")); }));
        CHECK(c == 1);
        CHECK(o.contains(QStringLiteral("created")));
    }
    QFile::remove(out.filePath(QStringLiteral("broken.json")));
    {
        const auto [c, o] = validate(QStringLiteral("Paper"), broken([](QJsonObject &p) { p.insert(QStringLiteral("date"), QStringLiteral("12.05.2020")); }));
        CHECK(c == 1);
        CHECK(o.contains(QStringLiteral("date")));
    }
}
