#pragma once

#include "figure.h"
#include "result.h"
#include "vorlagediff.h"
#include "workspace.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace vw {

class ComparisonDialog;
class VorlageEditor;

// The versions of one Vorlage and its status history: make a named version ("zur Mitzeichnung"), open
// one read-only, restore one as a new draft, compare two (or one with the current state).
// The first row is the current state (number 0); it can be compared but not opened or restored.
class VersionsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NumberColumn, NameColumn, CreatedColumn, AuthorColumn, StatusColumn, KindColumn, ColumnCount };

    VersionsDialog(Workspace *workspace, qint64 vorlageId, const FigureValues &figures, QWidget *parent = nullptr);

    QTableWidget *table() const { return mTable; }
    QTreeWidget *historyView() const { return mHistory; }
    // Row numbers of the table are version numbers: 0 is the current state.
    QList<int> selectedNumbers() const;
    void selectNumbers(const QList<int> &numbers);
    QList<Workspace::VersionInfo> versions() const { return mVersions; }

    // What the buttons do, for tests and keyboard users.
    Result<Workspace::VersionInfo> addVersion(const QString &name);
    // The selected version as a new draft (a copy pointing to this Vorlage); emits draftCreated.
    Result<qint64> restoreSelected();
    // The selected version in a read-only editor window.
    Result<VorlageEditor *> openSelected();
    // The two selected versions, or the selected one and the current state, compared.
    Result<ComparisonDialog *> compareSelected();

signals:
    void draftCreated(qint64 id);

private:
    void reload();
    void updateButtons();
    void askAndAddVersion();
    void report(const QString &title, const Result<void> &result);
    VersionLabel labelOf(int number) const;
    Result<Vorlage> stateOf(int number) const;

    Workspace *mWorkspace;
    qint64 mVorlageId;
    FigureValues mFigures;
    QString mTitle;
    QList<Workspace::VersionInfo> mVersions;
    QTableWidget *mTable;
    QTreeWidget *mHistory;
    QPushButton *mAdd;
    QPushButton *mOpen;
    QPushButton *mRestore;
    QPushButton *mCompare;
};

} // namespace vw
