#include "testutil.h"
#include "uitestutil.h"

#include "settingsdialog.h"
#include "workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vw;

TEST_CASE("A workspace path that does not exist yet is created (asked outside tests)", "[ui][firststart]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("neu/ordner/amt.vorlagen"));
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.emptyHint().startsWith(QStringLiteral("Kein Arbeitsbereich geöffnet.")));

    const Result<void> opened = window.openWorkspaceOrOfferNew(path);
    REQUIRE(opened.ok());
    CHECK(QFileInfo(path).isFile());
    REQUIRE(window.workspace());
    CHECK(window.workspace()->path() == path);
    // An empty workspace says how to begin.
    CHECK(window.emptyHint().startsWith(QStringLiteral("In diesem Arbeitsbereich gibt es noch keine Vorlagen.")));
    CHECK(window.emptyHint().contains(QStringLiteral("Ctrl+N")));

    // The first Vorlage replaces the hint.
    REQUIRE(window.createVorlage(VorlageKind::Beschlussvorlage).ok());
    CHECK(window.emptyHint().isEmpty());
    window.closeEditor(window.currentEditor());
    CHECK(window.emptyHint().startsWith(QStringLiteral("Wählen Sie links eine Vorlage aus")));

    // An existing workspace is opened as it is.
    MainWindow again;
    REQUIRE(again.openWorkspaceOrOfferNew(path).ok());
    CHECK(again.workspace()->list().value().size() == 1);
}

TEST_CASE("The first-start dialog offers the workspace's Ressorts, also when the workspace opens later", "[ui][firststart]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.askForProfile(); // as on a first start, before main() opened the workspace
    CHECK_FALSE(window.profileDialog());
    REQUIRE(window.openWorkspace(dir.filePath(QStringLiteral("erst.vorlagen")), true).ok());
    SettingsDialog *dialog = window.profileDialog();
    REQUIRE(dialog);
    CHECK(dialog->mode() == SettingsDialog::Mode::FirstStart);
    const QStringList choices = dialog->ressortChoices();
    CHECK(choices.value(0) == QStringLiteral("(keines)"));
    CHECK(choices.size() > 5);
    CHECK(choices.contains(window.workspace()->ressorts().nameOn(QStringLiteral("finanzen"), QDate::currentDate())));
    dialog->reject();
}
