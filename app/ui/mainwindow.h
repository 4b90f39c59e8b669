#pragma once

#include "result.h"
#include "vorlage.h"

#include <QMainWindow>

#include <memory>

class QSortFilterProxyModel;
class QTableView;
class QTextDocument;

namespace Ui {
class MainWindow;
}

namespace vw {

class PdfPreview;
class VorlageListModel;
class Workspace;

// The workspace's Vorlagen in a filterable list, the open Vorlage as it will be printed, and the
// PDF preview of exactly the bytes the exporter writes.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens (or, with create, makes) a workspace; on failure the current one stays open.
    Result<void> openWorkspace(const QString &path, bool create = false);
    Workspace *workspace() const { return mWorkspace.get(); }

    void setFilterText(const QString &text);
    bool selectVorlage(qint64 id);
    qint64 currentVorlageId() const;
    const Vorlage *currentVorlage() const;
    Result<void> exportCurrent(const QString &path);
    // Imports a file into the workspace and selects it; unplaced lines come back as warnings.
    Result<QStringList> importFile(const QString &path);

    QTableView *vorlagenView() const;
    QTextDocument *document() const;
    PdfPreview *preview() const { return mPreview; }
    QStringList recentWorkspaces() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void reloadList(qint64 selectId = 0);
    void showCurrent();
    void updateActions();
    void rememberWorkspace(const QString &path);
    void rebuildRecentMenu();
    void chooseAndOpenWorkspace();
    void chooseAndCreateWorkspace();
    void chooseAndImport();
    void chooseAndExport();
    void showError(const QString &title, const QString &message);

    std::unique_ptr<Ui::MainWindow> mUi;
    std::unique_ptr<Workspace> mWorkspace;
    VorlageListModel *mModel;
    QSortFilterProxyModel *mProxy;
    PdfPreview *mPreview;
    std::unique_ptr<QTextDocument> mDocument;
    std::optional<Vorlage> mCurrent;
};

} // namespace vw
