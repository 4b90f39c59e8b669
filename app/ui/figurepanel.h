#pragma once

#include "figure.h"
#include "ressorts.h"
#include "result.h"

#include <QDialog>
#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTableView;

namespace vw {

class DateEdit;
class FigureFilterModel;
class FigureTableModel;
class Workspace;

// "Neue Zahl": key, label, type, value, unit, as-of date, source and Ressort of a new figure. Accepting
// checks the fields (key format and uniqueness, the value as its type) and, when set, commits the figure;
// a refusal is shown in the dialog, which stays open.
class NewFigureDialog : public QDialog {
    Q_OBJECT
public:
    NewFigureDialog(const RessortTable &ressorts, std::function<bool(const QString &key)> keyTaken,
                    QWidget *parent = nullptr);
    ~NewFigureDialog() override;

    // Called with the checked figure on accept; an error keeps the dialog open and shows it.
    void setCommit(std::function<Result<void>(const Figure &)> commit);

    // The figure the fields describe, or why it cannot be one.
    Result<Figure> figureFromFields() const;
    // The accepted figure.
    const Figure &figure() const { return mFigure; }
    // Why the last accept was refused; empty when it was not.
    QString message() const;

    void setType(FigureType type);
    FigureType type() const;
    void setRessortKey(const QString &key);

    QLineEdit *keyEdit() const { return mKey; }
    QLineEdit *labelEdit() const { return mLabel; }
    QComboBox *typeCombo() const { return mType; }
    QLineEdit *valueEdit() const { return mValue; }
    QLineEdit *unitEdit() const { return mUnit; }
    DateEdit *asOfEdit() const { return mAsOf; }
    QLineEdit *sourceEdit() const { return mSource; }
    QComboBox *ressortCombo() const { return mRessort; }
    QPushButton *okButton() const { return mOk; }

public slots:
    void accept() override;

private:
    void typeChanged();
    void refuse(const QString &message);

    std::function<bool(const QString &)> mKeyTaken;
    std::function<Result<void>(const Figure &)> mCommit;
    Figure mFigure;
    QLineEdit *mKey;
    QLineEdit *mLabel;
    QComboBox *mType;
    QLineEdit *mValue;
    QLineEdit *mUnit;
    DateEdit *mAsOf;
    QLineEdit *mSource;
    QComboBox *mRessort;
    QLabel *mMessage;
    QPushButton *mOk;
};

// The workspace's figures: a sortable table filtered as one types, edited in place (each value checked as
// its type, each change written with the user's name and kept in the figure's history), and below it the
// selected figure's history and where it is quoted. Messages go to a line at the bottom, not to boxes.
class FigurePanel : public QWidget {
    Q_OBJECT
public:
    // The workspace may be null (nothing shown); it must outlive the panel or be replaced first.
    explicit FigurePanel(Workspace *workspace, QWidget *parent = nullptr);
    ~FigurePanel() override;

    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return mWorkspace; }
    // Reads the figures again, keeping the selected one.
    void reload();

    void setFilterText(const QString &text);
    QString filterText() const;
    // Selects and shows a figure; false when it is unknown or filtered out.
    bool selectFigure(const QString &key);
    QString currentKey() const;

    // Writes a new or changed figure as currentUser(); table and details follow, figureChanged() is
    // emitted. A failure is shown in the message line and returned.
    Result<void> saveFigure(const Figure &figure);
    // Opens "Neue Zahl" (not blocking); an accepted figure is written and selected.
    NewFigureDialog *openNewFigureDialog();

    QString lastMessage() const { return mLastMessage; }
    // The detail lists as shown: history newest first, uses in Vorlage order.
    QStringList historyLines() const;
    QStringList useLines() const;

    // The name written into a figure's history: the workspace's author (the user profile's name, set by
    // the window), else UserProfile::author() (the profile, else the login name).
    QString currentUser() const;

    FigureTableModel *model() const { return mModel; }
    FigureFilterModel *proxy() const { return mProxy; }
    QTableView *view() const { return mView; }
    QLineEdit *filterEdit() const { return mFilter; }
    QListWidget *historyList() const { return mHistory; }
    QListWidget *usesList() const { return mUses; }
    QPushButton *insertButton() const { return mInsertButton; }
    QPushButton *newButton() const { return mNewButton; }

signals:
    // The editor should quote this figure at the cursor.
    void insertRequested(const QString &key);
    // A figure was written: quotes and the preview may need a refresh.
    void figureChanged(const QString &key);
    // A use was double-clicked: the Vorlage (and its section) to open.
    void useActivated(qint64 vorlageId, const QString &section);

private:
    void showMessage(const QString &message);
    void updateDetails();
    void currentMaybeChanged();
    void updateCount();
    void requestInsert(const QModelIndex &index);
    void activateUse(QListWidgetItem *item);
    QString historyLine(const Figure &figure, const FigureChange &change) const;

    Workspace *mWorkspace = nullptr;
    FigureTableModel *mModel;
    FigureFilterModel *mProxy;
    QLineEdit *mFilter;
    QLabel *mCount;
    QPushButton *mNewButton;
    QPushButton *mInsertButton;
    QTableView *mView;
    QLabel *mDetailTitle;
    QLabel *mHistoryHeading;
    QListWidget *mHistory;
    QLabel *mUsesHeading;
    QListWidget *mUses;
    QLabel *mStatus;
    QString mLastMessage;
    QString mShownKey; // the figure the details show
    QString mLastKey;  // the last figure selected, to select again when a filter no longer hides it
};

} // namespace vw
