#include "testdemo.h"

#include "workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace vw;

// The app saves by itself; killing it at any moment may lose at most the last second of edits.
TEST_CASE("killed with SIGKILL at random moments, the workspace is sound and holds every change older than a second",
          "[commands][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.vorlagen"));
    qint64 id = 0;
    {
        auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
        REQUIRE(ws.ok());
        id = ws.value()->add(demoVorlagen()[1]).value();
    }
    QRandomGenerator random(20201117);
    const int rounds = 12;
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.start(QStringLiteral(VW_CRASH_CHILD), {path, QString::number(id)});
        REQUIRE(child.waitForStarted());
        const int lifetime = 300 + int(random.bounded(1700));
        QByteArray output;
        QElapsedTimer alive;
        alive.start();
        while (alive.elapsed() < lifetime && child.state() == QProcess::Running) {
            child.waitForReadyRead(20);
            output += child.readAllStandardOutput();
        }
        REQUIRE(child.state() == QProcess::Running);
        const qint64 killedAt = QDateTime::currentMSecsSinceEpoch();
        ::kill(pid_t(child.processId()), SIGKILL);
        REQUIRE(child.waitForFinished(5000));
        output += child.readAllStandardOutput();

        // The newest edit made more than a second before the kill must be in the workspace.
        int mustHave = 0;
        for (const QByteArray &line : output.split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 2 && parts[1].toLongLong() < killedAt - 1000)
                mustHave = parts[0].toInt();
        }

        auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        QSqlQuery check(ws.value()->database());
        REQUIRE(check.exec(QStringLiteral("PRAGMA integrity_check")));
        REQUIRE(check.next());
        CHECK(check.value(0).toString() == QStringLiteral("ok"));
        auto v = ws.value()->load(id);
        REQUIRE(v.ok());
        const QString stand = contentPlainText(v->section(QStringLiteral("C"))->content);
        INFO("round " << round << ", lived " << lifetime << " ms, C = " << stand.toStdString());
        int saved = 0;
        if (stand.startsWith(QStringLiteral("Stand ")))
            saved = stand.mid(6).toInt();
        CHECK(saved >= mustHave);
        if (round == rounds - 1)
            CHECK(saved > 0);
    }
}
