#pragma once

#include "result.h"
#include "searchindex.h"
#include "validation.h"
#include "vorlage.h"

#include <QDateTime>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>

#include <memory>

class QLabel;
class QPrinter;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;
class QUndoGroup;

namespace Ui {
class MainWindow;
}

namespace vw {

class FigurePanel;
class PdfPreview;
class SearchPanel;
class SettingsDialog;
class VorlageEditor;
class VorlageListModel;
class VorlageMenu;
class Workspace;

// The workspace's Vorlagen in a filterable list, the open Vorlagen as editors in tabs (one undo stack
// each, grouped), and the PDF preview of the current one: exactly the bytes the exporter writes,
// made off the UI thread a moment after typing stops.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or, with create, makes) a workspace; on failure the current one stays open.
    Result<void> openWorkspace(const QString &path, bool create = false);
    // Opens the workspace at `path`; a missing one is created once the user agrees (in test mode
    // without asking). Declining opens nothing and is no error.
    Result<void> openWorkspaceOrOfferNew(const QString &path);
    // What the editor area says while no Vorlage is open (no workspace, an empty one, none chosen);
    // empty while a Vorlage is shown.
    QString emptyHint() const;
    // First start: asks for the user's profile, as soon as a workspace is open (its Ressorts are offered).
    void askForProfile();
    SettingsDialog *profileDialog() const;
    Workspace *workspace() const { return mWorkspace.get(); }

    void setFilterText(const QString &text);
    // Selects a Vorlage in the list and opens it in its tab.
    bool openVorlage(qint64 id);
    qint64 currentVorlageId() const;
    const Vorlage *currentVorlage() const;
    VorlageEditor *currentEditor() const;
    QList<VorlageEditor *> editors() const;
    // Exports the current Vorlage; refuses, listing them, when validation finds errors.
    Result<void> exportCurrent(const QString &path);
    // Prints the current Vorlage on `printer` in the exporter's layout (Ctrl+P asks for the printer
    // in the system's print dialog first). Drafts with errors print too: paper for a review.
    Result<void> printCurrent(QPrinter *printer);
    // What an import tells the user: fields it filled from elsewhere, and lines it could not place.
    struct ImportReport {
        QStringList notes;    // "Zeile 40: Ressort und Datum … aus dem Beschluss übernommen …"
        QStringList unplaced; // "Zeile 3: …"
    };
    // Imports a file into the workspace and opens it.
    Result<ImportReport> importFile(const QString &path);
    // Imports as "Importieren" does: errors, notes and unplaced lines in dialogs, then offers the figures.
    void importAndReview(const QString &path);
    // Creates the chosen candidates as figures and quotes them in Vorlage `id`, in one go: after an
    // import, the clerk's numbers become the workspace's figures.
    Result<void> adoptFigures(qint64 id, const QList<NumberCandidate> &chosen);
    // A new Vorlage of `kind` from its template, or a copy of the current one; opened in a tab.
    Result<qint64> createVorlage(VorlageKind kind);
    Result<qint64> duplicateCurrent();
    void closeEditor(VorlageEditor *editor);

    // Full-text search over the workspace above the list (Ctrl+Shift+F).
    SearchPanel *searchPanel() const { return mSearch; }
    // Opens the Vorlage of a search hit at its place, the words of `text` highlighted there.
    bool openSearchHit(const SearchHit &hit, const QString &text);
    // Takes the Beschluss item of a hit (a decided Vorlage's) word for word into the Vorlage in the current tab.
    Result<void> quoteBeschluss(const SearchHit &hit);

    QTableView *vorlagenView() const;
    PdfPreview *preview() const { return mPreview; }
    FigurePanel *figurePanel() const { return mFigurePanel; }
    QUndoGroup *undoGroup() const { return mUndoGroup; }
    QStringList recentWorkspaces() const;
    // Reads the workspace's figures again (one changed) and shows the new values everywhere.
    void reloadFigures();
    // One figure changed: its new value everywhere, without reading all figures again.
    void figureChanged(const QString &key);
    const FigureValues &figureValues() const { return mFigures; }
    // Renders the current Vorlage into the preview off the UI thread; emits previewUpdated when shown.
    void refreshPreview();

    // Status, versions, Neufassung (the "Vorlage" menu).
    VorlageMenu *vorlageMenu() const { return mVorlageMenu; }
    // Vorlage `id` changed in the workspace outside its editor (a status change, a publication): its open
    // tab shows the stored state (no undo history across it), and the list follows.
    void reloadVorlage(qint64 id);
    // A Vorlage just added to the workspace (a Neufassung, a restored version): listed and opened.
    void showNewVorlage(qint64 id);

signals:
    void previewUpdated();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void reloadList(qint64 selectId = 0);
    // Vorlage `id` was saved: its row shows the stored title, dates, Ressort and status (the other rows
    // are untouched; nothing here grows with the workspace).
    void updateListRow(qint64 id);
    // Others changed the workspace (another window or program on the same file): the list rows, the open
    // Vorlagen nobody is editing here, the figures and the comments follow; a Vorlage with typing of this
    // window's is saved first, so a clash is the conflict dialog, never a silent overwrite.
    void followChanges();
    void listSelectionChanged();
    void currentTabChanged();
    void updateActions();
    void rememberWorkspace(const QString &path);
    void rebuildRecentMenu();
    void closeAllEditors();
    void resolveConflict(VorlageEditor *editor, const QString &message);
    void chooseAndOpenWorkspace();
    void chooseAndOpenServer();
    void chooseAndCreateWorkspace();
    void chooseAndImport();
    void chooseAndExport();
    void chooseAndPrint();
    void chooseAndCreateVorlage();
    void showError(const QString &title, const QString &message);
    void updateEmptyHint();
    void fitIntoScreen();

    std::unique_ptr<Ui::MainWindow> mUi;
    std::unique_ptr<Workspace> mWorkspace;
    VorlageListModel *mModel;
    QSortFilterProxyModel *mProxy;
    PdfPreview *mPreview;
    SearchPanel *mSearch;
    FigurePanel *mFigurePanel;
    class QDockWidget *mFigureDock;
    QUndoGroup *mUndoGroup;
    VorlageMenu *mVorlageMenu = nullptr;
    QStackedWidget *mEditorStack;
    QLabel *mEmptyHint;
    QPointer<SettingsDialog> mProfileDialog;
    bool mProfilePending = false;
    QAction *mReplaceAction = nullptr;
    QAction *mPrintAction = nullptr;
    QList<int> mListSizes; // the splitter before the search widened the list
    bool mDefaultSplit = true; // no saved splitter sizes: set them by the width at the first show
    int mPreviewGeneration = 0;
    FigureValues mFigures; // the workspace's figures, given to every editor, the preview and export
    QThreadPool mPreviewPool; // waited for on destruction: no export outlives the window
    QTimer *mChangePoll;    // once a second: did another connection commit?
    qint64 mSeenChanges = -1;
    QDateTime mSeenAt;
    QThreadPool mIndexCheck;  // the whole search index check after opening (the same)
};

} // namespace vw
