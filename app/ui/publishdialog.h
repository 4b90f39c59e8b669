#pragma once

#include "publicationcheck.h"
#include "registerpackage.h"
#include "result.h"

#include <QDialog>
#include <QList>

class QAbstractButton;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace vw {

class MainWindow;
class SessionPublishDialog;
class VorlageEditor;
class Workspace;

// Publishing one Vorlage to the Informationsregister: the check's refusals (each one jumps to its
// place), the warnings about personal data, each confirmed on its own, and the output folder. The
// Veröffentlichen button is enabled only without refusals and with every warning ticked. After
// publishing, the dialog shows the package folder. Not modal: the clerk can look at a place in the
// editor, fix it and check again.
// A label whose text wraps (the dialogs' explanations and messages).
QLabel *wrappingLabel(const QString &text, QWidget *parent);

class PublishDialog : public QDialog {
    Q_OBJECT
public:
    PublishDialog(Workspace *workspace, qint64 vorlageId, QWidget *parent = nullptr);
    ~PublishDialog() override;

    qint64 vorlageId() const { return mId; }

    // Runs the check again (after aboutToCheck, so that pending typing is saved first).
    void recheck();
    const PublicationCheck &publicationCheck() const { return mCheck; }

    // Refusals as listed; a click (or Enter) on one emits issueActivated with its place.
    QListWidget *refusalView() const { return mRefusalList; }
    // Warning `i`: its checkbox „geprüft – darf veröffentlicht werden“ and the found text in its
    // context, as HTML with the found words highlighted.
    int warningCount() const { return int(mWarningBoxes.size()); }
    QCheckBox *warningCheckBox(int i) const { return mWarningBoxes.value(i); }
    QString warningContextHtml(int i) const;
    bool allWarningsConfirmed() const;

    QString outputFolder() const;
    void setOutputFolder(const QString &folder);

    QPushButton *publishButton() const { return mPublishButton; }
    // Publishes (as the button does) and, when it worked, shows the package. Refuses, saying why in
    // the dialog, while the button would be disabled or when the check changed meanwhile.
    Result<RegisterPackage> publish();
    bool isPublished() const { return mPublished; }
    const RegisterPackage &package() const { return mPackage; }
    QPushButton *openFolderButton() const { return mOpenFolderButton; }
    // The error or hint line under the lists; empty when there is none.
    QString messageText() const;

    // Where the last output folder is remembered (QSettings), shared with the session dialog.
    static QString folderSettingsKey();
    static QString defaultOutputFolder();

signals:
    // Before every check: the window saves what is typed but not yet saved.
    void aboutToCheck();
    // A refusal or warning was clicked: its place, and the words to look for there (may be empty).
    void issueActivated(const vw::Place &place, const QString &text);
    // The Vorlage was published; the window reads it again (status Veröffentlicht, read-only).
    void published(qint64 vorlageId);

private:
    void showCheck();
    void updatePublishButton();
    void chooseFolder();
    void showMessage(const QString &text, bool error);
    QString contextHtml(const PublicationIssue &issue) const;

    Workspace *mWorkspace;
    qint64 mId;
    PublicationCheck mCheck;
    bool mCheckFailed = false;
    bool mPublished = false;
    RegisterPackage mPackage;
    Vorlage mChecked; // the version the check ran on: the decided one, when there is one
    QString mTitle;

    QStackedWidget *mPages;
    QLabel *mIntro;
    QWidget *mRefusalBox;
    QListWidget *mRefusalList;
    QWidget *mWarningBox;
    QVBoxLayout *mWarningRows;
    QWidget *mWarningContainer;
    QList<QCheckBox *> mWarningBoxes;
    QStringList mWarningContexts;
    QLabel *mAllClear;
    QLineEdit *mFolderEdit;
    QLabel *mMessage;
    QPushButton *mPublishButton;
    QPushButton *mRecheckButton;
    QLabel *mDoneLabel;
    QPushButton *mOpenFolderButton;
};

// Shows the place of a publication issue in the editor and, where the words are found there,
// selects them.
void showIssueInEditor(VorlageEditor *editor, const Place &place, const QString &text);

// Opens a folder in the desktop's file manager.
void openFolder(const QString &folder);

// „Veröffentlichen…“: the dialog for the current Vorlage, wired to the window (pending typing saved
// before each check, issues shown in the editor, the Vorlage read again once published). Null when no
// Vorlage is open.
PublishDialog *showPublishDialog(MainWindow *window);
// „Sitzung veröffentlichen…“, window-modal; the published Vorlagen are read again.
SessionPublishDialog *showSessionPublishDialog(MainWindow *window);

// The menu „Veröffentlichung“ of the main window: „Veröffentlichen…“ for the current Vorlage and
// „Sitzung veröffentlichen…“.
void addPublishMenu(MainWindow *window);

} // namespace vw
