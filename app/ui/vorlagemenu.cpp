#include "vorlagemenu.h"

#include "decisiondialog.h"
#include "documentsaver.h"
#include "mainwindow.h"
#include "userprofile.h"
#include "versionsdialog.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace vw {

VorlageMenu::VorlageMenu(MainWindow *window)
    : QObject(window), mWindow(window), mMenu(new QMenu(tr("&Vorlage"), window)),
      mStatusMenu(new QMenu(tr("&Status"), mMenu))
{
    mMenu->setObjectName(QStringLiteral("menuVorlage"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    for (Status s : allStatuses()) {
        QAction *action = mStatusMenu->addAction(s == Status::Beschlossen ? tr("%1 …").arg(statusLabel(s)) : statusLabel(s));
        action->setCheckable(true);
        action->setData(int(s));
        group->addAction(action);
        if (s == Status::Veroeffentlicht)
            action->setToolTip(tr("Wird durch die Veröffentlichung gesetzt, nicht von Hand"));
        connect(action, &QAction::triggered, this, [this, s] { statusChosen(s); });
        mStatusActions << action;
    }
    mStatusMenu->setToolTipsVisible(true);
    mMenu->addMenu(mStatusMenu);
    mVersions = mMenu->addAction(tr("&Versionen …"));
    mVersions->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    mVersions->setToolTip(tr("Versionen festhalten, öffnen, wiederherstellen und vergleichen; der Statusverlauf"));
    connect(mVersions, &QAction::triggered, this, &VorlageMenu::showVersions);
    mMenu->addSeparator();
    mNeufassung = mMenu->addAction(tr("&Neufassung anlegen"));
    connect(mNeufassung, &QAction::triggered, this, [this] {
        if (auto r = createNeufassung(); !r)
            showError(tr("Neufassung anlegen"), r.error());
    });
    update();
}

QAction *VorlageMenu::statusAction(Status status) const
{
    return mStatusActions.value(int(status));
}

void VorlageMenu::update()
{
    const Vorlage *v = mWindow->currentVorlage();
    mStatusMenu->setEnabled(v != nullptr);
    mVersions->setEnabled(v != nullptr);
    mNeufassung->setEnabled(v != nullptr);
    for (QAction *action : mStatusActions) {
        const Status s = Status(action->data().toInt());
        action->setChecked(v && v->status == s);
        action->setEnabled(v && (v->status == s || (s != Status::Veroeffentlicht && statusTransitionAllowed(v->status, s))));
    }
}

Result<void> VorlageMenu::prepare()
{
    VorlageEditor *editor = mWindow->currentEditor();
    Workspace *ws = mWindow->workspace();
    if (!editor || !ws)
        return Error{tr("Es ist keine Vorlage geöffnet.")};
    if (ws->author().isEmpty())
        ws->setAuthor(UserProfile::load().author());
    // What was typed goes to the workspace first: status changes and versions work on the stored Vorlage.
    editor->flush();
    if (editor->saver()->inConflict())
        return Error{tr("Die Vorlage wurde anderswo geändert. Klären Sie zuerst, welche Fassung gilt.")};
    if (editor->saver()->hasUnsavedChanges())
        return Error{tr("Die letzten Änderungen konnten nicht gespeichert werden; der Status bleibt, wie er ist.")};
    return {};
}

Result<void> VorlageMenu::changeStatus(Status to, const QDate &sessionDate, Outcome outcome)
{
    if (auto r = prepare(); !r)
        return r;
    const qint64 id = mWindow->currentVorlageId();
    auto changed = mWindow->workspace()->setStatus(id, to, sessionDate, outcome);
    mWindow->reloadVorlage(id); // also after a refusal: the list and the ticks show what is stored
    if (!changed)
        return changed;
    mWindow->statusBar()->showMessage(
        outcome == Outcome::Zurueckgestellt
            ? tr("In der Sitzung am %1 zurückgestellt; die Vorlage bleibt beschlussreif.").arg(germanDate(sessionDate))
            : tr("Status: %1 – eine Version wurde festgehalten.").arg(statusLabel(to)),
        6000);
    return {};
}

void VorlageMenu::statusChosen(Status to)
{
    const Vorlage *v = mWindow->currentVorlage();
    if (!v)
        return;
    if (v->status == to) {
        update();
        return;
    }
    Result<void> r;
    if (to == Status::Beschlossen) {
        DecisionDialog dialog(*v, mWindow);
        if (dialog.exec() != QDialog::Accepted) {
            update();
            return;
        }
        r = changeStatus(to, dialog.sessionDate(), dialog.outcome());
    } else {
        r = changeStatus(to);
    }
    if (!r)
        showError(tr("Status ändern"), r.error());
    update();
}

Result<qint64> VorlageMenu::createNeufassung()
{
    if (auto r = prepare(); !r)
        return Error{r.error()};
    auto created = mWindow->workspace()->addNeufassung(mWindow->currentVorlageId());
    if (!created)
        return created;
    mWindow->showNewVorlage(created.value());
    mWindow->statusBar()->showMessage(tr("Neufassung als Entwurf angelegt."), 6000);
    return created;
}

void VorlageMenu::showVersions()
{
    if (auto r = prepare(); !r) {
        showError(tr("Versionen"), r.error());
        return;
    }
    VersionsDialog dialog(mWindow->workspace(), mWindow->currentVorlageId(), mWindow->figureValues(), mWindow);
    connect(&dialog, &VersionsDialog::draftCreated, this, [this](qint64 id) { mWindow->showNewVorlage(id); });
    dialog.exec();
}

void VorlageMenu::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(mWindow, title, message);
}

} // namespace vw
