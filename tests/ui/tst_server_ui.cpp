// The window on a shared workspace on a PostgreSQL server (#13, first part): opened by its location, the list,
// an edit saved to the server, the search (its worker has a server connection of its own).
#include "uitestutil.h"

#include "../pgcluster.h"

#include "commands.h"
#include "database.h"
#include "searchpanel.h"
#include "vorlagedocument.h"

#include <QInputDialog>
#include <QLabel>
#include <QTimer>
#include <QListView>
#include <QLineEdit>
#include <QTableView>

using namespace vw;

TEST_CASE("the window opens a workspace on the server, saves to it and searches it", "[ui][postgresql]")
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    const QString location = cluster.location(cluster.createDatabase()) + QStringLiteral(" password=geheim");
    {
        auto ws = Workspace::open(location, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        REQUIRE(addDemoContent(*ws.value()).ok());
    }
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    // Datei → Arbeitsbereich auf einem Server öffnen …: the address typed into the dialog.
    QTimer::singleShot(0, qApp, [location] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->setTextValue(location);
        dialog->accept();
    });
    window.findChild<QAction *>(QStringLiteral("actionOpenServer"))->trigger();
    REQUIRE(window.workspace());
    CHECK(window.workspace()->path() == location);
    CHECK(window.vorlagenView()->model()->rowCount() == 2);
    CHECK_FALSE(window.windowTitle().contains(QStringLiteral("geheim"))); // no password in the title
    CHECK_FALSE(window.recentWorkspaces().join(QLatin1Char('\n')).contains(QStringLiteral("geheim")));

    // An edit goes to the server: another connection reads it.
    REQUIRE(window.openVorlage(2));
    VorlageEditor *editor = window.currentEditor();
    Commands::setTitle(editor->document(), QStringLiteral("Tablets für alle Lehrkräfte"));
    editor->flush();
    auto other = Workspace::open(location, Workspace::Mode::OpenExisting);
    REQUIRE(other.ok());
    CHECK(other.value()->load(2)->title == QStringLiteral("Tablets für alle Lehrkräfte"));

    SearchPanel *panel = window.searchPanel();
    panel->focusSearch();
    typeText(panel->searchEdit(), QStringLiteral("Lehrkraefte"));
    QTRY_VERIFY(!panel->isSearching());
    INFO(panel->summaryLabel()->text().toStdString());
    REQUIRE_FALSE(panel->results()->hits().isEmpty());
    CHECK(panel->summaryLabel()->text().endsWith(QStringLiteral("Treffer")));
    const QListView *view = panel->resultView();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(panel->results()->index(0)).center());
    CHECK(window.currentVorlageId() == panel->results()->hits().first().vorlageId);
}
