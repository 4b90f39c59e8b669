#pragma once

#include <QTextBrowser>
#include <QWidget>

class QMainWindow;

namespace vw {

// The user guide (docs/benutzerhandbuch.md, compiled into the program with its pictures) in a window of
// its own, so that it can stay open beside the editor.
class HelpWindow : public QWidget {
    Q_OBJECT
public:
    explicit HelpWindow(QWidget *parent = nullptr);

    QTextBrowser *browser() const { return mBrowser; }
    // The guide's first heading, as shown.
    QString heading() const;

    // The one help window of `parent` (made on first use), shown and raised.
    static HelpWindow *showFor(QWidget *parent);

private:
    QTextBrowser *mBrowser;
};

// Adds the menu "Hilfe" to the window: Benutzerhandbuch (F1) and Über Vorlagenwerk.
void addHelpMenu(QMainWindow *window);

// Text of "Über Vorlagenwerk", with the program's version.
QString aboutText();

} // namespace vw
