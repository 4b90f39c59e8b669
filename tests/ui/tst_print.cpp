#include "testutil.h"
#include "uitestutil.h"

#include "headerform.h"
#include "vorlageeditor.h"

#include <QApplication>
#include <QLineEdit>
#include <QPdfDocument>
#include <QPrintDialog>
#include <QPrinter>
#include <QTest>
#include <QTimer>

using namespace vw;

namespace {

QStringList pageTexts(const QString &path)
{
    QPdfDocument pdf;
    REQUIRE(pdf.load(path) == QPdfDocument::Error::None);
    QStringList pages;
    for (int i = 0; i < pdf.pageCount(); ++i)
        pages << pdf.getAllText(i).text();
    return pages;
}

} // namespace

TEST_CASE("Printing puts the exported PDF's pages on paper", "[ui][print]")
{
    DemoWindow f(QStringLiteral("print.vorlagen"));
    f.open(f.beschlussvorlage);
    const QString exported = f.dir.filePath(QStringLiteral("export.pdf"));
    REQUIRE(f.window.exportCurrent(exported).ok());

    // A printer that writes its pages to a file stands in for the one the print dialog chooses.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString printed = f.dir.filePath(QStringLiteral("printed.pdf"));
    printer.setOutputFileName(printed);
    REQUIRE(f.window.printCurrent(&printer).ok());

    const QStringList expected = pageTexts(exported);
    const QStringList paper = pageTexts(printed);
    REQUIRE(expected.size() >= 2);
    CHECK(paper == expected); // same pages, same line breaks, "Seite 1 von 2" included
    QPdfDocument pdf;
    REQUIRE(pdf.load(printed) == QPdfDocument::Error::None);
    const QSizeF a4(595.0, 842.0);
    CHECK(std::abs(pdf.pagePointSize(0).width() - a4.width()) < 2);
    CHECK(std::abs(pdf.pagePointSize(0).height() - a4.height()) < 2);
}

TEST_CASE("Ctrl+P asks for the printer in the print dialog", "[ui][print]")
{
    DemoWindow f(QStringLiteral("print-dialog.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QApplication::setActiveWindow(&f.window);
    QWidget *title = editor->headerForm()->fieldWidget(QStringLiteral("title"));
    title->setFocus();
    QString shown;
    QTimer::singleShot(0, [&shown] {
        if (auto *dialog = qobject_cast<QPrintDialog *>(QApplication::activeModalWidget())) {
            shown = dialog->windowTitle();
            dialog->reject();
        }
    });
    QTest::keyClick(title, Qt::Key_P, Qt::ControlModifier);
    CHECK(shown == QStringLiteral("Vorlage drucken"));
}
