#include "undokeys.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTextEdit>

namespace vw {

void UndoKeysToWindow::install(QWidget *root)
{
    auto *filter = root->findChild<UndoKeysToWindow *>(QString(), Qt::FindDirectChildrenOnly);
    if (!filter)
        filter = new UndoKeysToWindow(root);
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QTextEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w)) {
            w->removeEventFilter(filter);
            w->installEventFilter(filter);
        }
    }
}

bool UndoKeysToWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
            || key->keyCombination() == QKeyCombination(Qt::CTRL | Qt::SHIFT, Qt::Key_Z)) {
            event->ignore(); // not ours: the window's undo action takes it
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace vw
