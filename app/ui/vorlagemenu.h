#pragma once

#include "result.h"
#include "vorlage.h"

#include <QObject>

class QAction;
class QMenu;

namespace vw {

class MainWindow;
class VersionsDialog;

// The "Vorlage" menu of the main window: the status of the current Vorlage (the steps
// statusTransitionAllowed() allows; Veröffentlicht is set by publishing), its versions and a Neufassung.
// A status change first saves what was typed, records the change (with an automatic version) and
// shows the Vorlage again, read-only when it is now decided.
class VorlageMenu : public QObject {
    Q_OBJECT
public:
    explicit VorlageMenu(MainWindow *window);

    QMenu *menu() const { return mMenu; }
    QAction *statusAction(Status status) const;
    QAction *versionsAction() const { return mVersions; }
    QAction *neufassungAction() const { return mNeufassung; }

    // Follows the current tab: which steps are possible, which status is ticked.
    void update();

    // For the actions and tests: change the current Vorlage's status (Beschlossen needs a session date
    // and an outcome), make a Neufassung of it and open it, open the versions dialog (modal).
    Result<void> changeStatus(Status to, const QDate &sessionDate = {}, Outcome outcome = Outcome::Keins);
    Result<qint64> createNeufassung();
    void showVersions();

    // Before Beschlussreif and Beschlossen: what of the review is still open (it would refuse the
    // publication once the text is frozen) is listed in a warning that offers „Erst entscheiden“ (shows
    // the open threads in the comment column, or the Beteiligung) or „Trotzdem fortfahren“. Returns
    // whether to go on; true without asking when nothing is open.
    bool confirmOpenReview(Status to);
    // Shows what is open: the comment column filtered to the open threads, the first one selected;
    // without open threads the Beteiligung.
    void showOpenReview();

private:
    void statusChosen(Status to);
    void showError(const QString &title, const QString &message);
    Result<void> prepare();

    MainWindow *mWindow;
    QMenu *mMenu;
    QMenu *mStatusMenu;
    QList<QAction *> mStatusActions;
    QAction *mVersions;
    QAction *mNeufassung;
};

} // namespace vw
