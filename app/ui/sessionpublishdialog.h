#pragma once

#include "publicationcheck.h"
#include "publisher.h"
#include "result.h"

#include <QDate>
#include <QDialog>
#include <QList>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTreeWidget;

namespace vw {

class DateEdit;
class Workspace;

// Publishing every decided Vorlage of one Senate session: the session date, the Vorlagen with the
// state of their check (refused, warnings, ready), one explicit confirmation for the warnings, the
// output folder; then Publisher::publishSession with a cancelable progress dialog, on the GUI thread
// (the workspace's connection lives there), and a summary: packages, failures with their reasons, the
// index file. A failure in one Vorlage does not stop the others.
class SessionPublishDialog : public QDialog {
    Q_OBJECT
public:
    explicit SessionPublishDialog(Workspace *workspace, QWidget *parent = nullptr);
    ~SessionPublishDialog() override;

    QDate sessionDate() const;
    // Shows the session's Vorlagen and their checks.
    void setSessionDate(const QDate &date);

    struct Entry {
        qint64 id = 0;
        QString title;
        PublicationCheck check;
        QString error; // the check itself failed
    };
    const QList<Entry> &entries() const { return mEntries; }
    QTreeWidget *vorlagenView() const { return mList; }
    // The state column of entry `row`, as shown.
    QString stateText(int row) const;

    // „Hinweise auf personenbezogene Daten wurden geprüft“: shown when a Vorlage has warnings.
    QCheckBox *confirmBox() const { return mConfirm; }

    QString outputFolder() const;
    void setOutputFolder(const QString &folder);

    QPushButton *publishButton() const { return mPublishButton; }
    // Publishes as the button does, with the progress dialog, then shows the summary.
    Result<Publisher::SessionResult> publish();
    bool isDone() const { return mDone; }
    bool wasCanceled() const { return mCanceled; }
    const Publisher::SessionResult &result() const { return mResult; }
    // The summary as plain text.
    QString summaryText() const;
    QPushButton *openFolderButton() const { return mOpenFolderButton; }
    // Stops after the Vorlage being published (the progress dialog's „Abbrechen“).
    void cancelPublishing();

signals:
    // Before each Vorlage (done, total, its title) and once at the end (total, total).
    void progressed(int done, int total, const QString &title);
    // The Vorlagen published (status Veröffentlicht now).
    void published(const QList<qint64> &ids);

private:
    void reload();
    void showDetails();
    void updatePublishButton();
    void chooseFolder();
    void showMessage(const QString &text);
    void showSummary(const QDate &date);

    Workspace *mWorkspace;
    QList<Entry> mEntries;
    bool mDone = false;
    bool mCanceled = false;
    Publisher::SessionResult mResult;
    QPointer<QProgressDialog> mProgress;

    QStackedWidget *mPages;
    DateEdit *mDateEdit;
    QLabel *mSessionsHint;
    QTreeWidget *mList;
    QLabel *mCounts;
    QLabel *mDetails;
    QCheckBox *mConfirm;
    QLabel *mConfirmHint;
    QLineEdit *mFolderEdit;
    QLabel *mMessage;
    QPushButton *mPublishButton;
    QTextBrowser *mSummary;
    QPushButton *mOpenFolderButton;
};

} // namespace vw
