#pragma once

#include <QObject>

class QWidget;

namespace vw {

// Line edits, text edits and spin boxes keep an undo history of their own and claim Ctrl+Z and
// Ctrl+Shift+Z for it. In the editor every change is on the Vorlage's undo stack, so these keys must
// reach the window's actions: this filter declines them on the widgets it is installed on.
class UndoKeysToWindow : public QObject {
    Q_OBJECT // findChild() tells the filter from other children by its meta-object
public:
    using QObject::QObject;
    // Installs one filter on every editing widget below `root`.
    static void install(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace vw
