// Several processes on one workspace file, as the app, a second window and the CLI are in normal use. SQLite's
// POSIX locks are lost when any code in a process opens and closes the file through another descriptor; the
// next process to close the workspace then deletes the -wal the first still writes to (#11). These tests run
// real processes (tests/store/lockholder.cpp) and check that every write stays visible and survives a SIGKILL.
#include "descriptors.h"
#include "lockholder.h"

#include "workspace.h"

#include <QFileDialog>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString workspaceIn(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("gemeinsam.vorlagen"));
}

} // namespace

TEST_CASE("a foreign open and close of the file in the app cannot cost it its journal", "[store][locking]")
{
    QTemporaryDir dir;
    const QString path = workspaceIn(dir);
    LockHolder app(path);
    app.add(QStringLiteral("Vor dem Dateidialog"));
    REQUIRE(app.send(QStringLiteral("touch")) == QStringLiteral("ok")); // e.g. the file dialog sniffing MIME types

    CHECK(LockHolder::countIn(path) == 1); // the CLI, opening and closing the workspace

    app.add(QStringLiteral("Nach dem Dateidialog"));
    CHECK(app.send(QStringLiteral("deleted")) == QStringLiteral("deleted 0"));
    CHECK(LockHolder::countIn(path) == 2); // a third process sees the app's latest write
    app.kill();
    CHECK(LockHolder::countIn(path) == 2); // and it survived the crash
}

TEST_CASE("two app instances and the CLI on one file stay safe whichever closes first", "[store][locking]")
{
    QTemporaryDir dir;
    const QString path = workspaceIn(dir);
    const bool firstCloses = GENERATE(true, false);
    LockHolder first(path);
    LockHolder second(path);
    first.add(QStringLiteral("Erstes Fenster"));
    second.add(QStringLiteral("Zweites Fenster"));
    REQUIRE(first.send(QStringLiteral("touch")) == QStringLiteral("ok"));
    REQUIRE(second.send(QStringLiteral("touch")) == QStringLiteral("ok"));
    CHECK(LockHolder::countIn(path) == 2);

    LockHolder &closing = firstCloses ? first : second;
    LockHolder &staying = firstCloses ? second : first;
    closing.quit();
    staying.add(QStringLiteral("Nach dem Schließen des anderen"));
    CHECK(staying.send(QStringLiteral("deleted")) == QStringLiteral("deleted 0"));
    CHECK(LockHolder::countIn(path) == 3);
    staying.add(QStringLiteral("Kurz vor dem Absturz"));
    staying.kill();
    CHECK(LockHolder::countIn(path) == 4);
}

TEST_CASE("a file dialog showing the workspace's folder leaves this process's locks alone", "[store][locking]")
{
    // The way the reporter lost data: Ctrl+E's save dialog listed the workspace's folder (its model reads the
    // files to find their types), then another process opened and closed the workspace.
    QTemporaryDir dir;
    const QString path = workspaceIn(dir);
    auto ws = vw::Workspace::open(path, vw::Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    vw::Vorlage vorlage;
    vorlage.title = QStringLiteral("Vor dem Dialog");
    REQUIRE(ws.value()->add(vorlage).ok());
    {
        QFileDialog dialog(nullptr, QStringLiteral("Als PDF exportieren"), dir.path());
        dialog.setOption(QFileDialog::DontUseNativeDialog);
        dialog.show();
        QTest::qWait(1500); // the model gathers the files' details in the background
        dialog.reject();
    }
    CHECK(LockHolder::countIn(path) == 1);
    vorlage.title = QStringLiteral("Nach dem Dialog");
    REQUIRE(ws.value()->add(vorlage).ok());
    CHECK(deletedDescriptors() == 0);
    CHECK(LockHolder::countIn(path) == 2);
}
