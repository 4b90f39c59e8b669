#include "testutil.h"
#include "uitestutil.h"

#include "headerform.h"
#include "pdfpreview.h"
#include "vorlageeditor.h"
#include "vorlagelistmodel.h"

#include <QHeaderView>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTest>

using namespace vw;

namespace {

// The window as it first starts on a screen of `width`×`height` (no saved sizes), with the demo open.
struct FirstStartWindow {
    QTemporaryDir dir;
    MainWindow window;

    FirstStartWindow(int width, int height)
    {
        const QString path = dir.filePath(QStringLiteral("small.vorlagen"));
        REQUIRE(openOrCreateWithDemo(path).ok());
        window.resize(width, height);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(window.openWorkspace(path).ok());
        QTest::qWait(20);
    }
};

void clearSavedLayout()
{
    QSettings().remove(QStringLiteral("mainWindow"));
}

QScrollArea *editorPage(VorlageEditor *editor)
{
    for (QScrollArea *area : editor->findChildren<QScrollArea *>())
        if (area->isAncestorOf(editor->headerForm()))
            return area;
    return nullptr;
}

} // namespace

TEST_CASE("A window saved larger than the screen comes back inside it", "[ui][smallscreen]")
{
    {
        MainWindow big;
        big.setGeometry(40, 40, 3000, 2000);
        QSettings().setValue(QStringLiteral("mainWindow/geometry"), big.saveGeometry());
    }
    MainWindow window;
    const QRect available = window.screen()->availableGeometry();
    INFO("screen " << available.width() << "×" << available.height() << ", window " << window.width() << "×"
                   << window.height());
    CHECK(available.contains(window.geometry()));
    CHECK(window.width() > available.width() / 2);
    clearSavedLayout();
}

TEST_CASE("At 1024×768 and 1366×768 the editor, the header and the list fit", "[ui][smallscreen]")
{
    clearSavedLayout();
    const auto checkEditorFits = [](MainWindow &window) {
        VorlageEditor *editor = window.currentEditor();
        REQUIRE(editor);
        QScrollArea *page = editorPage(editor);
        REQUIRE(page);
        // Nothing of the header or a section is cut off: the page needs no sideways scrolling.
        CHECK(page->widget()->minimumSizeHint().width() <= page->viewport()->width());
        CHECK_FALSE(page->horizontalScrollBar()->isVisible());
        CHECK(editor->headerForm()->width() >= editor->headerForm()->minimumSizeHint().width());
        // The list shows the title first, and the session date beside it.
        QHeaderView *header = window.vorlagenView()->horizontalHeader();
        CHECK(header->visualIndex(VorlageListModel::TitleColumn) == 0);
        CHECK(header->sectionViewportPosition(VorlageListModel::TitleColumn) == 0);
        CHECK(header->sectionViewportPosition(VorlageListModel::SessionColumn) < header->viewport()->width() - 40);
        CHECK(header->sectionSize(VorlageListModel::TitleColumn) >= 100);
    };
    SECTION("1024×768: the preview waits for F8")
    {
        FirstStartWindow f(1016, 732);
        checkEditorFits(f.window);
        CHECK_FALSE(f.window.preview()->isVisible());
    }
    SECTION("1366×768: list, editor and preview side by side")
    {
        FirstStartWindow f(1358, 732);
        checkEditorFits(f.window);
        CHECK(f.window.preview()->isVisible());
        CHECK(f.window.preview()->width() >= 250);
    }
    clearSavedLayout();
}
