#include "testutil.h"
#include "uitestutil.h"

#include "demo.h"
#include "headerform.h"
#include "sectionform.h"
#include "vorlageeditor.h"
#include "mainwindow.h"
#include "pdfpreview.h"
#include "vorlagelistmodel.h"
#include "workspace.h"

#include "pdfexporter.h"

#include <QAbstractItemModelTester>
#include <QPdfView>
#include <QScrollBar>
#include <QLineEdit>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace vw;

namespace {

QString demoWorkspace(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("demo.vorlagen"));
    REQUIRE(openOrCreateWithDemo(path).ok());
    return path;
}


void clickRow(QTableView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, VorlageListModel::TitleColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
}

} // namespace

TEST_CASE("the list model passes QAbstractItemModelTester", "[ui]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(demoWorkspace(dir), Workspace::Mode::OpenExisting);
    REQUIRE(ws.ok());
    VorlageListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(ws.value()->list().value());
    CHECK(model.rowCount() == 2);
    CHECK(model.columnCount() == VorlageListModel::ColumnCount);
    const int row = model.rowOf(1);
    REQUIRE(row >= 0);
    CHECK(model.index(row, VorlageListModel::SessionColumn).data().toString() == QStringLiteral("12.05.2020"));
    CHECK(model.index(row, VorlageListModel::SessionColumn).data(VorlageListModel::SortRole).toDate() == QDate(2020, 5, 12));
    model.setRows({});
    CHECK(model.rowCount() == 0);
}

TEST_CASE("open a Vorlage from the list, read it, see its PDF and export it", "[ui]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.openWorkspace(demoWorkspace(dir)).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy previewed(&window, &MainWindow::previewUpdated);

    QTableView *view = window.vorlagenView();
    REQUIRE(view->model()->rowCount() == 2);
    // Newest session first: the Beschlussvorlage of 17.11.2020, then the Fragestunde.
    clickRow(view, 1);
    REQUIRE(window.currentVorlage());
    CHECK(window.currentVorlage()->kind == VorlageKind::Fragestunde);
    VorlageEditor *editor = window.currentEditor();
    REQUIRE(editor);
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    CHECK(title->text() == window.currentVorlage()->title);
    REQUIRE(editor->sectionForm(QStringLiteral("B")));
    CHECK(editor->sectionForm(QStringLiteral("B"))->answerEdit(2));

    REQUIRE((previewed.count() > 0 || previewed.wait(5000)));
    QPdfDocument *preview = window.preview()->document();
    REQUIRE(preview->status() == QPdfDocument::Status::Ready);
    CHECK(preview->pageCount() >= 1);
    CHECK(preview->getAllText(0).text().contains(QStringLiteral("Mobiles Arbeiten")));

    previewed.clear();
    clickRow(view, 0);
    CHECK(window.currentVorlage()->kind == VorlageKind::Beschlussvorlage);
    CHECK(window.editors().size() == 2);
    REQUIRE(previewed.wait(5000));
    CHECK(preview->getAllText(0).text().contains(QStringLiteral("Digitale Endgeräte")));

    const QString out = dir.filePath(QStringLiteral("export.pdf"));
    REQUIRE(window.exportCurrent(out).ok());
    QPdfDocument pdf;
    REQUIRE(pdf.load(out) == QPdfDocument::Error::None);
    CHECK(pdf.getAllText(0).text().contains(QStringLiteral("Digitale Endgeräte")));
    CHECK_FALSE(window.exportCurrent(dir.filePath(QStringLiteral("fehlt/x.pdf"))).ok());
}

TEST_CASE("typing in the filter narrows the list, umlauts included", "[ui]")
{
    QTemporaryDir dir;
    MainWindow window;
    REQUIRE(window.openWorkspace(demoWorkspace(dir)).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    REQUIRE(filter);
    filter->setFocus();
    typeText(filter, QStringLiteral("Endgeräte"));
    CHECK(filter->text() == QStringLiteral("Endgeräte"));
    CHECK(window.vorlagenView()->model()->rowCount() == 1);
    filter->clear();
    typeText(filter, QStringLiteral("fragestunde"));
    CHECK(window.vorlagenView()->model()->rowCount() == 1);
    filter->clear();
    CHECK(window.vorlagenView()->model()->rowCount() == 2);
}

TEST_CASE("a file that is not a workspace is refused, the open one stays", "[ui]")
{
    QTemporaryDir dir;
    MainWindow window;
    const QString good = demoWorkspace(dir);
    REQUIRE(window.openWorkspace(good).ok());
    const QString bad = dir.filePath(QStringLiteral("bild.vorlagen"));
    QFile f(bad);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("\x89PNG\r\n\x1a\n");
    f.close();
    auto r = window.openWorkspace(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().contains(QStringLiteral("kein Vorlagenwerk-Arbeitsbereich")));
    REQUIRE(window.workspace());
    CHECK(window.workspace()->path() == good);
    CHECK(window.recentWorkspaces().value(0) == QFileInfo(good).absoluteFilePath());
}

TEST_CASE("a refreshed preview keeps the reader's scroll position", "[ui]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(demoWorkspace(dir), Workspace::Mode::OpenExisting);
    REQUIRE(ws.ok());
    Vorlage v = ws.value()->load(2).value();
    for (int i = 0; i < 200; ++i)
        v.section(QStringLiteral("B"))->content.append(Block::para(QStringLiteral("Absatz %1 mit etwas Text.").arg(i)));
    const QByteArray first = PdfExporter(ws.value()->ressorts()).toBytes(v).value();
    v.title = QStringLiteral("Geänderter Titel");
    const QByteArray second = PdfExporter(ws.value()->ressorts()).toBytes(v).value();

    PdfPreview preview;
    preview.resize(500, 600);
    preview.show();
    REQUIRE(QTest::qWaitForWindowExposed(&preview));
    preview.setPdf(first);
    QTest::qWait(50);
    QScrollBar *bar = preview.view()->verticalScrollBar();
    REQUIRE(bar->maximum() > 2000);
    bar->setValue(bar->maximum() / 2);
    const int before = bar->value();
    preview.setPdf(second);
    QTest::qWait(50);
    CHECK(bar->value() == before);
    CHECK(preview.document()->getAllText(0).text().contains(QStringLiteral("Geänderter Titel")));
}
