#pragma once

#include <QObject>

namespace vw {

// Scrolling the editor page with the mouse wheel must not change a combo box or a date field that
// happens to pass under the pointer: such widgets take the wheel only when they have the focus.
// Otherwise the event goes on to the page, which scrolls. Installed once on the application.
class WheelGuard : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace vw
