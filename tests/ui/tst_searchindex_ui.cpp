// Opening a workspace whose search index must be filled or rebuilt (#12): the window opens it, says so, loses nothing.
#include "uitestutil.h"

#include "searchindex.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>

using namespace vw;

namespace {

// A demo workspace whose search index `sql` damages, behind the program's back.
void damagedDemo(const QString &path, const QString &sql)
{
    REQUIRE(openOrCreateWithDemo(path).ok());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(sql));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("damage"));
}

} // namespace

TEST_CASE("the window opens a workspace of the previous version; its search index is filled", "[ui][search]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alt.vorlagen"));
    REQUIRE(QFile::copy(testData(QStringLiteral("workspace-schema5.vorlagen")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    MainWindow window;
    REQUIRE(window.openWorkspace(path).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.vorlagenView()->model()->rowCount() == 3);
    CHECK_FALSE(window.statusBar()->currentMessage().contains(QStringLiteral("Suchindex")));
    auto hits = SearchIndex::search(window.workspace()->database(), SearchQuery(QStringLiteral("Ganztagsschulen")));
    REQUIRE(hits.ok());
    CHECK_FALSE(hits->isEmpty());
}

TEST_CASE("the window says so when it rebuilt a damaged search index", "[ui][search]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.vorlagen"));
    damagedDemo(path, QStringLiteral("DROP TABLE search_place"));
    MainWindow window;
    REQUIRE(window.openWorkspace(path).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("Suchindex")));
    CHECK(window.statusBar()->currentMessage().contains(QStringLiteral("neu aufgebaut")));
    CHECK(window.vorlagenView()->model()->rowCount() == 2);
}

TEST_CASE("once its window is shown, the app reads the whole index and rebuilds damaged blocks", "[ui][search]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.vorlagen"));
    // Damage inside the index that its structure and size do not show: found only by reading all of it.
    damagedDemo(path, QStringLiteral("UPDATE search_fts_data SET block = zeroblob(length(block)) WHERE id > 10"));
    MainWindow window;
    REQUIRE(window.openWorkspace(path).ok());
    CHECK(window.workspace()->openNotice().isEmpty()); // not yet: opening checks only the structure
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("neu aufgebaut")));
    auto hits = window.workspace()->search(SearchQuery(QStringLiteral("Endgeräte Lehrkräfte")));
    REQUIRE(hits.ok());
    CHECK_FALSE(hits->isEmpty());
}
