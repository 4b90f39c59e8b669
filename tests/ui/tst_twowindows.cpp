// Two windows on one workspace file (another instance, the CLI): each sees what the other saves, within a
// second and without reloading by hand (#13: PRAGMA data_version on a file). Typing not yet saved is never
// overwritten: it is saved first, and a clash is the conflict dialog.
#include "uitestutil.h"

#include "commands.h"
#include "documentsaver.h"
#include "vorlagedocument.h"
#include "vorlagelistmodel.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QTableView>
#include <QTimer>

using namespace vw;

namespace {

QString listedTitle(MainWindow &window, qint64 id)
{
    QAbstractItemModel *model = window.vorlagenView()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, VorlageListModel::TitleColumn);
        if (index.data(VorlageListModel::IdRole).toLongLong() == id)
            return index.data().toString();
    }
    return {};
}

// A demo window, and a second window on the same file with the Beschlussvorlage open.
struct TwoWindows : DemoWindow {
    MainWindow b;

    TwoWindows() : DemoWindow(QStringLiteral("zwei.vorlagen"))
    {
        REQUIRE(b.openWorkspace(window.workspace()->path()).ok());
        b.show();
        REQUIRE(QTest::qWaitForWindowExposed(&b));
        REQUIRE(b.openVorlage(beschlussvorlage));
    }
};

} // namespace

TEST_CASE("a save in one window shows in the other: its list row and its open, unedited Vorlage", "[ui][live]")
{
    TwoWindows a;
    MainWindow &b = a.b;

    VorlageEditor *editor = a.open(a.beschlussvorlage);
    Commands::setTitle(editor->document(), QStringLiteral("Tablets für alle Lehrkräfte"));
    editor->flush();
    QTRY_COMPARE_WITH_TIMEOUT(listedTitle(b, a.beschlussvorlage), QStringLiteral("Tablets für alle Lehrkräfte"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(b.currentVorlage()->title, QStringLiteral("Tablets für alle Lehrkräfte"), 3000);
    CHECK(b.currentVorlage()->revision == a.window.currentVorlage()->revision);

    // A Vorlage added elsewhere (the CLI, another window) appears in the list.
    REQUIRE(a.window.duplicateCurrent().ok());
    QTRY_COMPARE_WITH_TIMEOUT(b.vorlagenView()->model()->rowCount(), 3, 3000);
}

TEST_CASE("a change of the other window's own is kept: saved first, the clash is the conflict dialog", "[ui][live]")
{
    TwoWindows a;
    MainWindow &b = a.b;
    VorlageEditor *mine = b.currentEditor();

    // The conflict dialog, answered "Meine Fassung als neue Vorlage speichern" when it comes.
    QString asked;
    QTimer answer;
    answer.setInterval(50);
    QObject::connect(&answer, &QTimer::timeout, [&asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = box->text();
        for (QAbstractButton *button : box->buttons())
            if (button->text().startsWith(QStringLiteral("Meine Fassung")))
                button->click();
    });
    answer.start();

    // B has a change of its own, not saved yet, when A's save arrives.
    REQUIRE(Commands::setHeaderField(mine->document(), QStringLiteral("subtitle"), QStringLiteral("Entwurf aus B"),
                                     b.workspace()->ressorts())
                .ok());
    VorlageEditor *theirs = a.open(a.beschlussvorlage);
    Commands::setTitle(theirs->document(), QStringLiteral("Titel aus A"));
    theirs->flush();
    QTRY_VERIFY_WITH_TIMEOUT(!asked.isEmpty(), 5000);
    CHECK(asked.contains(QStringLiteral("nicht verloren")));
    // Nothing was overwritten: A's title is stored, B's change is a Vorlage of its own.
    CHECK(a.window.workspace()->load(a.beschlussvorlage)->title == QStringLiteral("Titel aus A"));
    bool kept = false;
    for (const VorlageSummary &s : b.workspace()->list().value())
        kept = kept || (s.title.endsWith(QStringLiteral("(eigene Fassung)"))
                        && b.workspace()->load(s.id)->subtitle == QStringLiteral("Entwurf aus B"));
    CHECK(kept);
}
