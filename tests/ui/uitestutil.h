#pragma once

#include "testutil.h"

#include "demo.h"
#include "mainwindow.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

// Types text the way a user does. Umlauts go through sendKeyEvent: QTest::keyClicks aborts on them.
inline void typeText(QWidget *w, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 128)
            QTest::keyClick(w, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

// The main window at 1400×900 on a new demo workspace (a Fragestunde and a Beschlussvorlage), with
// `author` (when given) recorded for every change.
struct DemoWindow {
    QTemporaryDir dir;
    vw::MainWindow window;
    qint64 fragestunde = 0;
    qint64 beschlussvorlage = 0;

    explicit DemoWindow(const QString &fileName, const QString &author = {})
    {
        const QString path = dir.filePath(fileName);
        REQUIRE(vw::openOrCreateWithDemo(path).ok());
        REQUIRE(window.openWorkspace(path).ok());
        if (!author.isEmpty())
            window.workspace()->setAuthor(author);
        for (const vw::VorlageSummary &s : window.workspace()->list().value())
            (s.kind == vw::VorlageKind::Fragestunde ? fragestunde : beschlussvorlage) = s.id;
        window.resize(1400, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }

    vw::VorlageEditor *open(qint64 id)
    {
        REQUIRE(window.openVorlage(id));
        return window.currentEditor();
    }
};
