#pragma once

#include <QString>
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
