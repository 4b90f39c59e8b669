// A full disk, for real: a small tmpfs holds the workspace and the output folders (#11).
#include "clitest.h"
#include "lockholder.h"

using namespace clitest;

namespace {

void checkDiskFullMessage(const Run &r)
{
    INFO("stderr: " << r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("Der Datenträger ist voll")));
    CHECK_FALSE(r.err.contains(S("beschädigt")));
    CHECK_FALSE(r.err.contains(S("disk is full")));
}

} // namespace

TEST_CASE("on a full disk the CLI says so, and the workspace stays as it was", "[cli][diskfull]")
{
    Demo demo;
    SmallDisk disk(demo.home.path());
    VW_REQUIRE_SMALL_DISK(disk);
    demo.decide(2, S("17.11.2020")); // something to publish
    // The app keeps the workspace open meanwhile, so its -wal and -shm exist when the disk fills up.
    LockHolder app(demo.workspacePath());
    const QString before = logicalDump(*demo.open());
    disk.fill();

    SECTION("saving")
    {
        checkDiskFullMessage(demo.run({S("set"), S("1"), S("title"), S("Ein neuer Titel")}));
    }
    SECTION("export")
    {
        const QString pdf = demo.home.filePath(S("Vorlage.pdf"));
        checkDiskFullMessage(demo.run({S("export"), S("1"), S("--pdf"), pdf}));
        CHECK_FALSE(QFile::exists(pdf));
    }
    SECTION("publication")
    {
        const QString out = demo.home.filePath(S("register"));
        checkDiskFullMessage(demo.run({S("publish"), S("2"), S("--out"), out}));
        CHECK(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).isEmpty());
        CHECK(demo.showJson(2)[S("status")].toString() == S("beschlossen"));
    }
    SECTION("opening, with nothing open: SQLite needs room for its -wal and -shm")
    {
        app.quit(); // its last close removes the -wal and -shm, which frees room: fill it again
        disk.fill();
        checkDiskFullMessage(demo.run({S("list")}));
    }
    disk.makeRoom();
    CHECK(logicalDump(*demo.open()) == before);
    demo.ok({S("set"), S("1"), S("title"), S("Ein neuer Titel")}); // and it works again
}

TEST_CASE("the CLI prints only what it means to say, without XDG_RUNTIME_DIR too", "[cli]")
{
    Demo demo;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(S("XDG_RUNTIME_DIR"));
    env.insert(S("XDG_DATA_HOME"), demo.home.filePath(S("data")));
    env.insert(S("XDG_CONFIG_HOME"), demo.home.filePath(S("config")));
    p.setProcessEnvironment(env);
    p.start(S(VW_CLI_BINARY), {S("list")});
    REQUIRE(p.waitForFinished(60000));
    CHECK(p.exitCode() == 0);
    CHECK(QString::fromUtf8(p.readAllStandardError()) == QString());
    CHECK(QString::fromUtf8(p.readAllStandardOutput()).contains(S("Mobiles Arbeiten")));
}
