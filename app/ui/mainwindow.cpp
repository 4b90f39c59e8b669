#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "documentbuilder.h"
#include "pdfexporter.h"
#include "pdfimporter.h"
#include "pdfpreview.h"
#include "vorlagelistmodel.h"
#include "workspace.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTextDocument>

namespace vw {

namespace {
constexpr int maxRecent = 8;
const QString recentKey = QStringLiteral("recentWorkspaces");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), mUi(std::make_unique<Ui::MainWindow>()), mModel(new VorlageListModel(this)),
      mProxy(new QSortFilterProxyModel(this))
{
    mUi->setupUi(this);
    mPreview = new PdfPreview(mUi->previewPanel);
    mUi->previewLayout->addWidget(mPreview, 1);

    mProxy->setSourceModel(mModel);
    mProxy->setFilterKeyColumn(-1);
    mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mProxy->setSortRole(VorlageListModel::SortRole);
    mUi->vorlagenView->setModel(mProxy);
    mUi->vorlagenView->sortByColumn(VorlageListModel::SessionColumn, Qt::DescendingOrder);
    QHeaderView *header = mUi->vorlagenView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(VorlageListModel::KindColumn, 130);
    header->resizeSection(VorlageListModel::TitleColumn, 300);
    header->resizeSection(VorlageListModel::SessionColumn, 80);
    header->resizeSection(VorlageListModel::RessortColumn, 170);

    // The list above the Vorlage as it reads, the PDF beside them.
    mUi->splitter->setStretchFactor(0, 3);
    mUi->splitter->setStretchFactor(1, 2);
    mUi->splitter->setSizes({780, 560});
    mUi->leftSplitter->setSizes({220, 560});

    connect(mUi->filterEdit, &QLineEdit::textChanged, this, &MainWindow::setFilterText);
    connect(mUi->vorlagenView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrent);
    connect(mUi->actionOpenWorkspace, &QAction::triggered, this, &MainWindow::chooseAndOpenWorkspace);
    connect(mUi->actionNewWorkspace, &QAction::triggered, this, &MainWindow::chooseAndCreateWorkspace);
    connect(mUi->actionImport, &QAction::triggered, this, &MainWindow::chooseAndImport);
    connect(mUi->actionExportPdf, &QAction::triggered, this, &MainWindow::chooseAndExport);
    connect(mUi->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(mUi->actionShowPreview, &QAction::toggled, mUi->previewPanel, &QWidget::setVisible);
    connect(mUi->actionFilter, &QAction::triggered, mUi->filterEdit, [this] {
        mUi->filterEdit->setFocus();
        mUi->filterEdit->selectAll();
    });

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    mUi->splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    mUi->leftSplitter->restoreState(settings.value(QStringLiteral("mainWindow/leftSplitter")).toByteArray());
    rebuildRecentMenu();
    updateActions();
    showCurrent();
}

MainWindow::~MainWindow()
{
    // The browser must let go of the document before it is destroyed.
    mUi->documentView->setDocument(nullptr);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/splitter"), mUi->splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/leftSplitter"), mUi->leftSplitter->saveState());
    event->accept();
}

Result<void> MainWindow::openWorkspace(const QString &path, bool create)
{
    auto ws = Workspace::open(path, create ? Workspace::Mode::CreateIfMissing : Workspace::Mode::OpenExisting);
    if (!ws)
        return Error{ws.error()};
    mWorkspace = std::move(ws.value());
    setWindowTitle(tr("%1 – Vorlagenwerk").arg(QFileInfo(path).fileName()));
    rememberWorkspace(QFileInfo(path).absoluteFilePath());
    reloadList();
    return {};
}

void MainWindow::reloadList(qint64 selectId)
{
    if (!mWorkspace)
        return;
    auto rows = mWorkspace->list();
    if (!rows) {
        showError(tr("Arbeitsbereich"), rows.error());
        return;
    }
    mModel->setRows(rows.value());
    statusBar()->showMessage(tr("%n Vorlage(n) in %1", nullptr, int(rows->size()))
                                 .arg(QDir::toNativeSeparators(mWorkspace->path())));
    if (selectId == 0 && mProxy->rowCount() > 0)
        selectId = mProxy->index(0, 0).data(VorlageListModel::IdRole).toLongLong();
    if (!selectVorlage(selectId))
        showCurrent();
}

void MainWindow::setFilterText(const QString &text)
{
    if (mUi->filterEdit->text() != text)
        mUi->filterEdit->setText(text);
    mProxy->setFilterFixedString(text);
}

bool MainWindow::selectVorlage(qint64 id)
{
    const int row = mModel->rowOf(id);
    if (row < 0)
        return false;
    const QModelIndex index = mProxy->mapFromSource(mModel->index(row, VorlageListModel::TitleColumn));
    if (!index.isValid())
        return false;
    mUi->vorlagenView->setCurrentIndex(index);
    mUi->vorlagenView->scrollTo(index.siblingAtColumn(0));
    return true;
}

qint64 MainWindow::currentVorlageId() const
{
    return mCurrent ? mCurrent->id : 0;
}

const Vorlage *MainWindow::currentVorlage() const
{
    return mCurrent ? &*mCurrent : nullptr;
}

QTableView *MainWindow::vorlagenView() const
{
    return mUi->vorlagenView;
}

QTextDocument *MainWindow::document() const
{
    return mDocument.get();
}

void MainWindow::showCurrent()
{
    const QModelIndex index = mUi->vorlagenView->currentIndex();
    const qint64 id = index.isValid() ? index.data(VorlageListModel::IdRole).toLongLong() : 0;
    mCurrent.reset();
    if (mWorkspace && id > 0) {
        auto v = mWorkspace->load(id);
        if (v)
            mCurrent = v.value();
        else
            statusBar()->showMessage(v.error());
    }

    mUi->documentView->setDocument(nullptr);
    mDocument.reset();
    if (!mCurrent) {
        mUi->documentView->setPlainText(mWorkspace ? tr("Keine Vorlage ausgewählt.") : tr("Kein Arbeitsbereich geöffnet."));
        mPreview->showMessage(tr("Wählen Sie links eine Vorlage, um ihre PDF-Fassung zu sehen."));
        updateActions();
        return;
    }
    mDocument = buildDocument(*mCurrent, mWorkspace->ressorts());
    mDocument->setDocumentMargin(18);
    mUi->documentView->setDocument(mDocument.get());

    auto pdf = PdfExporter(mWorkspace->ressorts()).toBytes(*mCurrent);
    if (pdf)
        mPreview->setPdf(pdf.value());
    else
        mPreview->showMessage(pdf.error());
    updateActions();
}

void MainWindow::updateActions()
{
    mUi->actionExportPdf->setEnabled(mCurrent.has_value());
    mUi->actionImport->setEnabled(mWorkspace != nullptr);
}

Result<void> MainWindow::exportCurrent(const QString &path)
{
    if (!mCurrent)
        return Error{tr("Es ist keine Vorlage ausgewählt.")};
    auto r = PdfExporter(mWorkspace->ressorts()).writeFile(*mCurrent, path);
    if (r)
        statusBar()->showMessage(tr("Exportiert: %1").arg(QDir::toNativeSeparators(path)), 8000);
    return r;
}

Result<QStringList> MainWindow::importFile(const QString &path)
{
    if (!mWorkspace)
        return Error{tr("Es ist kein Arbeitsbereich geöffnet.")};
    auto imported = vw::importFile(path, mWorkspace->ressorts());
    if (!imported)
        return Error{imported.error()};
    auto id = mWorkspace->add(imported->vorlage);
    if (!id)
        return Error{id.error()};
    setFilterText(QString());
    reloadList(id.value());
    QStringList warnings;
    for (const ImportMessage &m : imported->unplaced)
        warnings << tr("Zeile %1: %2").arg(m.line).arg(m.text);
    return warnings;
}

QStringList MainWindow::recentWorkspaces() const
{
    return QSettings().value(recentKey).toStringList();
}

void MainWindow::rememberWorkspace(const QString &path)
{
    QStringList recent = recentWorkspaces();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecent)
        recent.removeLast();
    QSettings().setValue(recentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    mUi->menuRecent->clear();
    const QStringList recent = recentWorkspaces();
    for (const QString &path : recent) {
        QAction *action = mUi->menuRecent->addAction(QDir::toNativeSeparators(path));
        connect(action, &QAction::triggered, this, [this, path] {
            if (auto r = openWorkspace(path); !r)
                showError(tr("Arbeitsbereich öffnen"), r.error());
        });
    }
    mUi->menuRecent->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseAndOpenWorkspace()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Arbeitsbereich öffnen"), QString(),
                                                      tr("Vorlagenwerk-Arbeitsbereiche (*.vorlagen);;Alle Dateien (*)"));
    if (path.isEmpty())
        return;
    if (auto r = openWorkspace(path); !r)
        showError(tr("Arbeitsbereich öffnen"), r.error());
}

void MainWindow::chooseAndCreateWorkspace()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Neuer Arbeitsbereich"), QString(),
                                                tr("Vorlagenwerk-Arbeitsbereiche (*.vorlagen)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".vorlagen");
    if (QFileInfo(path).size() > 0) {
        showError(tr("Neuer Arbeitsbereich"),
                  tr("%1 gibt es schon. Wählen Sie „Arbeitsbereich öffnen“, um ihn zu öffnen.").arg(path));
        return;
    }
    if (auto r = openWorkspace(path, true); !r)
        showError(tr("Neuer Arbeitsbereich"), r.error());
}

void MainWindow::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Vorlage importieren"), QString(),
        tr("Vorlagen als Text oder PDF (*.txt *.md *.pdf);;Alle Dateien (*)"));
    if (path.isEmpty())
        return;
    auto r = importFile(path);
    if (!r) {
        showError(tr("Vorlage importieren"), r.error());
        return;
    }
    if (!r->isEmpty())
        QMessageBox::information(this, tr("Vorlage importiert"),
                                 tr("Die Vorlage wurde importiert. Diese Zeilen konnten keinem Feld zugeordnet "
                                    "werden:\n\n%1")
                                     .arg(r->join(QLatin1Char('\n'))));
}

void MainWindow::chooseAndExport()
{
    if (!mCurrent)
        return;
    QString name = mCurrent->title;
    name.replace(QRegularExpression(QStringLiteral("[^\\w\\- ]")), QString());
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Als PDF exportieren"),
                                                      QDir(dir).filePath(name.left(80).trimmed() + QStringLiteral(".pdf")),
                                                      tr("PDF-Dateien (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = exportCurrent(path); !r)
        showError(tr("Als PDF exportieren"), r.error());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

} // namespace vw
