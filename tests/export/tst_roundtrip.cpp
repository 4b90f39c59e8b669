#include "testutil.h"

#include "pdfexporter.h"
#include "pdfimporter.h"
#include "workspace.h"

#include <QBuffer>
#include <QFile>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace vw;

namespace {

// The words of a text: runs of letters and digits, so that markup, punctuation and line breaks
// do not count, but every word and number does.
QMap<QString, int> words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QMap<QString, int> counts;
    for (auto it = word.globalMatch(text); it.hasNext();)
        ++counts[it.next().captured(0)];
    return counts;
}

QString readText(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return QString::fromUtf8(f.readAll());
}

} // namespace

TEST_CASE("round trip: import, export, and the PDF holds every word of the input", "[export][import]")
{
    QStringList inputs{testData(QStringLiteral("import/fragestunde-plain.txt")),
                       testData(QStringLiteral("import/deputation.txt")),
                       testData(QStringLiteral("import/senatskanzlei-vortraege.txt"))};
    const QString reference = QStringLiteral(VW_SOURCE_DIR "/../shared/reference/senatsvorlage-homeoffice-2020-05-12.txt");
    if (QFile::exists(reference))
        inputs << reference;

    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("rt.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    for (const QString &input : inputs) {
        INFO(input.toStdString());
        auto imported = importFile(input, ws.value()->ressorts());
        REQUIRE(imported.ok());
        CHECK(imported->unplaced.isEmpty());
        auto id = ws.value()->add(imported->vorlage);
        REQUIRE(id.ok());
        auto stored = ws.value()->load(id.value());
        REQUIRE(stored.ok());

        const QString pdfPath = dir.filePath(QStringLiteral("rt.pdf"));
        REQUIRE(PdfExporter(ws.value()->ressorts()).writeFile(stored.value(), pdfPath).ok());
        QPdfDocument pdf;
        REQUIRE(pdf.load(pdfPath) == QPdfDocument::Error::None);
        QString printed;
        for (int i = 0; i < pdf.pageCount(); ++i)
            printed += pdf.getAllText(i).text() + QLatin1Char('\n');

        const QMap<QString, int> in = words(readText(input));
        const QMap<QString, int> out = words(printed);
        QStringList missing;
        for (auto it = in.cbegin(); it != in.cend(); ++it) {
            if (out.value(it.key()) < it.value())
                missing << QStringLiteral("%1 (%2×, printed %3×)").arg(it.key()).arg(it.value()).arg(out.value(it.key()));
        }
        CHECK(missing.join(QStringLiteral(", ")) == QString());
    }
}
