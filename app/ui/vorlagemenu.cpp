#include "vorlagemenu.h"

#include "annotationpane.h"
#include "decisiondialog.h"
#include "documentsaver.h"
#include "mainwindow.h"
#include "publicationcheck.h"
#include "userprofile.h"
#include "versionsdialog.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
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
        // A deferral leaves the Vorlage Beschlussreif and editable: nothing is frozen yet.
        if (dialog.outcome() != Outcome::Zurueckgestellt && !confirmOpenReview(to)) {
            update();
            return;
        }
        r = changeStatus(to, dialog.sessionDate(), dialog.outcome());
    } else {
        if (to == Status::Beschlussreif && !confirmOpenReview(to)) {
            update();
            return;
        }
        r = changeStatus(to);
    }
    if (!r)
        showError(tr("Status ändern"), r.error());
    update();
}

bool VorlageMenu::confirmOpenReview(Status to)
{
    const Vorlage *v = mWindow->currentVorlage();
    Workspace *ws = mWindow->workspace();
    if (!v || !ws)
        return true;
    auto annotations = ws->annotations(v->id);
    if (!annotations)
        return true; // the status change reports what is wrong with the workspace
    const OpenReview open = openReview(*v, annotations.value());
    if (!open.any())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Offene Punkte der Prüfung"),
                    tr("Bei dieser Vorlage ist noch offen:\n\n• %1\n\nNach dem Beschluss kann der Text nicht mehr "
                       "geändert werden, und solange diese Punkte offen sind, wird die Vorlage nicht veröffentlicht. "
                       "Möchten Sie sie zuerst entscheiden oder die Vorlage trotzdem „%2“ setzen?")
                        .arg(open.lines().join(QStringLiteral("\n• ")), statusLabel(to)),
                    QMessageBox::NoButton, mWindow);
    QPushButton *first = box.addButton(tr("Erst entscheiden"), QMessageBox::RejectRole);
    box.addButton(tr("Trotzdem fortfahren"), QMessageBox::AcceptRole);
    box.setDefaultButton(first);
    box.setEscapeButton(first);
    box.exec();
    if (box.clickedButton() != first)
        return true;
    showOpenReview();
    return false;
}

void VorlageMenu::showOpenReview()
{
    VorlageEditor *editor = mWindow->currentEditor();
    if (!editor)
        return;
    AnnotationPane *pane = editor->annotationPane();
    // The column may be switched off in the "Prüfung" menu: on again, through its action.
    for (QAction *action : mWindow->findChildren<QAction *>(QStringLiteral("actionShowAnnotations")))
        action->setChecked(true);
    pane->show();
    pane->setFilter(AnnotationPane::Filter::Open);
    if (const QList<qint64> ids = pane->shownIds(); !ids.isEmpty()) {
        pane->activate(ids.first()); // selects its words in the text
        mWindow->statusBar()->showMessage(tr("Die offenen Kommentare und Vorschläge stehen in der Kommentarspalte."), 6000);
        return;
    }
    editor->focusPlace({Place::Kind::Beteiligung});
    mWindow->statusBar()->showMessage(tr("Die Einwände werden in der Beteiligung als ausgeräumt markiert."), 6000);
}

Result<qint64> VorlageMenu::createNeufassung()
{
    if (auto r = prepare(); !r)
        return r.failure();
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
