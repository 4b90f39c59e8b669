#pragma once

#include "testutil.h"

#include <QProcess>

// Drives tests/store/lockholder.cpp: another process holding a workspace open, as the app does.
class LockHolder {
public:
    explicit LockHolder(const QString &workspace)
    {
        mProcess.start(QStringLiteral(VW_LOCKHOLDER), {workspace});
        REQUIRE(mProcess.waitForStarted());
        REQUIRE(reply() == QStringLiteral("ready"));
    }
    ~LockHolder()
    {
        if (mProcess.state() != QProcess::NotRunning)
            kill();
    }

    QString send(const QString &command)
    {
        mProcess.write(command.toUtf8() + '\n');
        return reply();
    }
    int count()
    {
        const QString answer = send(QStringLiteral("count"));
        REQUIRE(answer.startsWith(QStringLiteral("count ")));
        return answer.mid(6).toInt();
    }
    void add(const QString &title) { REQUIRE(send(QStringLiteral("add ") + title).startsWith(QStringLiteral("ok "))); }
    void quit()
    {
        mProcess.write("quit\n");
        mProcess.closeWriteChannel();
        REQUIRE(mProcess.waitForFinished(30000));
        REQUIRE(mProcess.exitCode() == 0);
    }
    // SIGKILL: nothing of the process's shutdown runs, as in a crash.
    void kill()
    {
        mProcess.kill();
        mProcess.waitForFinished(30000);
    }

    // Opens the workspace in a process of its own, counts its Vorlagen and closes it again.
    static int countIn(const QString &workspace)
    {
        LockHolder other(workspace);
        const int n = other.count();
        other.quit();
        return n;
    }

private:
    QString reply()
    {
        while (!mProcess.canReadLine()) {
            if (!mProcess.waitForReadyRead(30000))
                return QStringLiteral("(no answer: %1)").arg(QString::fromUtf8(mProcess.readAllStandardError()));
        }
        return QString::fromUtf8(mProcess.readLine()).trimmed();
    }

    QProcess mProcess;
};
