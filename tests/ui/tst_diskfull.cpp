// Typing on a full disk (#11): the app says the disk is full, keeps what was typed and saves it once there is room.
#include "uitestutil.h"

#include "documentsaver.h"
#include "headerform.h"
#include "vorlagedocument.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>

using namespace vw;

TEST_CASE("on a full disk the app keeps the typing, says why it is not saved, and saves once there is room", "[ui][diskfull]")
{
    QTemporaryDir dir;
    SmallDisk disk(dir.path());
    VW_REQUIRE_SMALL_DISK(disk);
    const QString path = dir.filePath(QStringLiteral("voll.vorlagen"));
    REQUIRE(openOrCreateWithDemo(path).ok());
    MainWindow window;
    REQUIRE(window.openWorkspace(path).ok());
    window.resize(1400, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const qint64 id = window.workspace()->list().value().first().id;
    REQUIRE(window.openVorlage(id));
    VorlageEditor *editor = window.currentEditor();
    const QString before = editor->document()->vorlage().title;
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);

    disk.fill();
    QSignalSpy failed(editor->saver(), &DocumentSaver::saveFailed);
    title->setFocus();
    title->end(false);
    typeText(title, QStringLiteral(" (voll)"));
    REQUIRE(failed.wait(3000));
    const QString message = window.statusBar()->currentMessage();
    CHECK(message.contains(QStringLiteral("Der Datenträger ist voll")));
    CHECK(message.contains(QStringLiteral("unverändert und in Ordnung")));
    CHECK(title->text() == before + QStringLiteral(" (voll)"));
    CHECK(window.workspace()->load(id)->title == before);

    disk.makeRoom();
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    typeText(title, QStringLiteral("!"));
    REQUIRE(saved.wait(3000));
    CHECK(window.workspace()->load(id)->title == before + QStringLiteral(" (voll)!"));
}
