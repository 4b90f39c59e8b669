#include "mainwindow.h"
#include "ui_mainwindow.h"

#include "annotationpane.h"
#include "commands.h"
#include "database.h"
#include "documentsaver.h"
#include "figurecandidatesdialog.h"
#include "figurepanel.h"
#include "helpwindow.h"
#include "pdfexporter.h"
#include "pdfimporter.h"
#include "pdfpreview.h"
#include "publishdialog.h"
#include "searchpanel.h"
#include "settingsdialog.h"
#include "spellchecker.h"
#include "templates.h"
#include "validation.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "vorlagelistmodel.h"
#include "wheelguard.h"
#include "windowdrops.h"
#include "vorlagemenu.h"
#include "userprofile.h"
#include "workspace.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPointer>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QUndoGroup>

namespace vw {

namespace {
constexpr int maxRecent = 8;
const QString recentKey = QStringLiteral("recentWorkspaces");
constexpr int searchWidth = 380; // the list's width while it shows search hits

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), mUi(std::make_unique<Ui::MainWindow>()), mModel(new VorlageListModel(this)),
      mProxy(new QSortFilterProxyModel(this)), mUndoGroup(new QUndoGroup(this))
{
    mChangePoll = new QTimer(this);
    mChangePoll->setInterval(1000);
    connect(mChangePoll, &QTimer::timeout, this, &MainWindow::followChanges);
    mPreviewPool.setMaxThreadCount(1); // one preview at a time; newer requests replace older ones
    mIndexCheck.setThreadPriority(QThread::IdlePriority); // SCHED_IDLE: never in the way of the window starting
    mUi->setupUi(this);
    qApp->installEventFilter(new WheelGuard(this)); // the wheel scrolls the page, it changes no field
    mPreview = new PdfPreview(mUi->previewPanel);
    mUi->previewLayout->addWidget(mPreview, 1);

    // Full-text search above the list: while it holds words, its hits take the list's place.
    mSearch = new SearchPanel(mUi->listPanel);
    mUi->listLayout->insertWidget(0, mSearch);
    connect(mSearch, &SearchPanel::activeChanged, this, [this](bool active) {
        mUi->filterEdit->setVisible(!active);
        mUi->vorlagenView->setVisible(!active);
        // Snippets need room: a narrow list widens while it shows hits, and narrows again after.
        QList<int> sizes = mUi->splitter->sizes();
        if (active && sizes.size() == 3 && sizes[0] < searchWidth) {
            mListSizes = sizes; // the room comes from the preview, never from the text being edited
            const int more = std::min(searchWidth - sizes[0], sizes[2] / 2);
            sizes[0] += more;
            sizes[2] -= more;
            mUi->splitter->setSizes(sizes);
        } else if (!active && !mListSizes.isEmpty()) {
            mUi->splitter->setSizes(std::exchange(mListSizes, {}));
        }
    });
    connect(mSearch, &SearchPanel::openRequested, this, &MainWindow::openSearchHit);
    connect(mSearch, &SearchPanel::quoteRequested, this, [this](const SearchHit &hit) {
        if (auto r = quoteBeschluss(hit); !r)
            showError(tr("Beschlusspunkt übernehmen"), r.error());
    });
    auto *searchAction = new QAction(tr("Alle Vorlagen &durchsuchen …"), this);
    searchAction->setObjectName(QStringLiteral("actionSearchWorkspace"));
    searchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(searchAction, &QAction::triggered, mSearch, &SearchPanel::focusSearch);

    // The workspace's figures, docked below: kept there, inserted into the text from there.
    mFigurePanel = new FigurePanel(nullptr, this);
    mFigureDock = new QDockWidget(tr("Zahlen"), this);
    mFigureDock->setObjectName(QStringLiteral("figureDock"));
    mFigureDock->setWidget(mFigurePanel);
    addDockWidget(Qt::BottomDockWidgetArea, mFigureDock);
    mFigureDock->hide();
    connect(mUi->actionShowFigures, &QAction::toggled, this, [this](bool on) {
        mFigureDock->setVisible(on);
        if (on)
            resizeDocks({mFigureDock}, {260}, Qt::Vertical); // the editor keeps most of the height
    });
    connect(mFigureDock, &QDockWidget::visibilityChanged, mUi->actionShowFigures, &QAction::setChecked);
    connect(mFigurePanel, &FigurePanel::figureChanged, this, &MainWindow::figureChanged);
    connect(mFigurePanel, &FigurePanel::insertRequested, this, [this](const QString &key) {
        VorlageEditor *editor = currentEditor();
        if (!editor || !editor->insertFigure(key))
            statusBar()->showMessage(tr("Setzen Sie den Cursor zuerst in einen Text der Vorlage."), 5000);
    });
    connect(mFigurePanel, &FigurePanel::useActivated, this, [this](qint64 id, const QString &section) {
        if (openVorlage(id) && !section.isEmpty())
            currentEditor()->focusPlace({Place::Kind::Section, section});
    });

    mProxy->setSourceModel(mModel);
    mProxy->setFilterKeyColumn(-1);
    mProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    mProxy->setSortRole(VorlageListModel::SortRole);
    mUi->vorlagenView->setModel(mProxy);
    mUi->vorlagenView->sortByColumn(VorlageListModel::SessionColumn, Qt::DescendingOrder);
    QHeaderView *header = mUi->vorlagenView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(VorlageListModel::KindColumn, 120);
    header->resizeSection(VorlageListModel::TitleColumn, 220);
    header->resizeSection(VorlageListModel::SessionColumn, 80);
    header->resizeSection(VorlageListModel::RessortColumn, 160);
    // A narrow list shows what tells Vorlagen apart: title and session first, then kind and Ressort.
    header->moveSection(header->visualIndex(VorlageListModel::TitleColumn), 0);
    header->moveSection(header->visualIndex(VorlageListModel::SessionColumn), 1);

    // Without an open Vorlage the editor's place says what to do next.
    mEditorStack = new QStackedWidget(this);
    auto *hintPage = new QWidget(mEditorStack);
    auto *hintLayout = new QVBoxLayout(hintPage);
    mEmptyHint = new QLabel(hintPage);
    mEmptyHint->setWordWrap(true);
    mEmptyHint->setAlignment(Qt::AlignCenter);
    mEmptyHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mEmptyHint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-size: 11pt;"));
    auto *hintButtons = new QHBoxLayout;
    hintButtons->addStretch();
    for (QAction *action : {mUi->actionNewVorlage, mUi->actionImport, mUi->actionOpenWorkspace}) {
        auto *button = new QToolButton(hintPage);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setFocusPolicy(Qt::StrongFocus);
        hintButtons->addWidget(button);
    }
    hintButtons->addStretch();
    hintLayout->addStretch();
    hintLayout->addWidget(mEmptyHint);
    hintLayout->addLayout(hintButtons);
    hintLayout->addStretch(2);
    mUi->splitter->replaceWidget(1, mEditorStack);
    mEditorStack->addWidget(mUi->editorTabs);
    mEditorStack->addWidget(hintPage);

    mUi->splitter->setStretchFactor(0, 2);
    mUi->splitter->setStretchFactor(1, 4);
    mUi->splitter->setStretchFactor(2, 3);

    // Undo and redo act on the Vorlage in the current tab; typing not yet recorded is recorded first.
    QAction *undo = mUndoGroup->createUndoAction(this, tr("&Rückgängig"));
    QAction *redo = mUndoGroup->createRedoAction(this, tr("&Wiederherstellen"));
    undo->setShortcut(QKeySequence::Undo);
    // Ctrl+Shift+Z everywhere, plus the platform's own redo keys; a key listed twice would be ambiguous.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    if (!redoKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)))
        redoKeys.prepend(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
    redo->setShortcuts(redoKeys);
    for (QAction *a : {undo, redo}) {
        connect(a, &QAction::hovered, this, [this] {
            if (VorlageEditor *e = currentEditor())
                e->flush();
        });
    }
    disconnect(undo, &QAction::triggered, nullptr, nullptr);
    disconnect(redo, &QAction::triggered, nullptr, nullptr);
    connect(undo, &QAction::triggered, this, [this] {
        if (VorlageEditor *e = currentEditor())
            e->flush();
        mUndoGroup->undo();
    });
    connect(redo, &QAction::triggered, this, [this] {
        if (VorlageEditor *e = currentEditor())
            e->flush();
        mUndoGroup->redo();
    });
    mUi->menuEdit->insertActions(mUi->actionFind, {undo, redo});
    mUi->menuEdit->insertSeparator(mUi->actionFind);
    installReviewMenu(this, [this] { return currentEditor(); }, [this] { return mFigures; });

    connect(mUi->filterEdit, &QLineEdit::textChanged, this, &MainWindow::setFilterText);
    connect(mUi->vorlagenView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::listSelectionChanged);
    connect(mUi->editorTabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    connect(mUi->editorTabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeEditor(qobject_cast<VorlageEditor *>(mUi->editorTabs->widget(index))); });
    connect(mUi->actionNewVorlage, &QAction::triggered, this, &MainWindow::chooseAndCreateVorlage);
    connect(mUi->actionDuplicate, &QAction::triggered, this, [this] {
        if (auto r = duplicateCurrent(); !r)
            showError(tr("Vorlage duplizieren"), r.error());
    });
    connect(mUi->actionCloseTab, &QAction::triggered, this, [this] { closeEditor(currentEditor()); });
    connect(mUi->actionFind, &QAction::triggered, this, [this] {
        if (VorlageEditor *e = currentEditor())
            e->showFind();
    });
    // Ctrl+H, as in LibreOffice: find and replace in the open Vorlage.
    mReplaceAction = new QAction(tr("Suchen und &ersetzen …"), this);
    mReplaceAction->setObjectName(QStringLiteral("actionReplace"));
    mReplaceAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    mUi->menuEdit->insertAction(mUi->actionFind, mReplaceAction);
    mUi->menuEdit->insertAction(mReplaceAction, mUi->actionFind); // find first, then replace
    connect(mReplaceAction, &QAction::triggered, this, [this] {
        if (VorlageEditor *e = currentEditor())
            e->showReplace();
    });
    // Ctrl+Shift+F: the whole workspace, after find and replace in the open Vorlage.
    const QList<QAction *> editActions = mUi->menuEdit->actions();
    mUi->menuEdit->insertAction(editActions.value(editActions.indexOf(mReplaceAction) + 1), searchAction);
    // Ctrl+P: the system's print dialog, then the pages of the PDF on paper.
    mPrintAction = new QAction(QIcon::fromTheme(QStringLiteral("document-print")), tr("&Drucken …"), this);
    mPrintAction->setObjectName(QStringLiteral("actionPrint"));
    mPrintAction->setShortcut(QKeySequence::Print);
    mUi->menuFile->insertAction(mUi->actionExportPdf, mPrintAction);
    mUi->menuFile->insertAction(mPrintAction, mUi->actionExportPdf); // export first, then print
    connect(mPrintAction, &QAction::triggered, this, &MainWindow::chooseAndPrint);
    connect(mUi->actionOpenWorkspace, &QAction::triggered, this, &MainWindow::chooseAndOpenWorkspace);
    // A shared workspace on the administration's PostgreSQL server (the recent workspaces keep it, without password).
    auto *openServer = new QAction(tr("Arbeitsbereich auf einem &Server öffnen …"), this);
    openServer->setObjectName(QStringLiteral("actionOpenServer"));
    mUi->menuFile->insertAction(mUi->menuRecent->menuAction(), openServer);
    connect(openServer, &QAction::triggered, this, &MainWindow::chooseAndOpenServer);
    connect(mUi->actionNewWorkspace, &QAction::triggered, this, &MainWindow::chooseAndCreateWorkspace);
    connect(mUi->actionImport, &QAction::triggered, this, &MainWindow::chooseAndImport);
    connect(mUi->actionExportPdf, &QAction::triggered, this, &MainWindow::chooseAndExport);
    connect(mUi->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(mUi->actionShowPreview, &QAction::toggled, mUi->previewPanel, &QWidget::setVisible);
    connect(mUi->actionFilter, &QAction::triggered, mUi->filterEdit, [this] {
        mUi->filterEdit->setFocus();
        mUi->filterEdit->selectAll();
    });

    // --- Settings, first start, spell check ---
    auto *settingsAction = new QAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Einstellungen…"), this);
    settingsAction->setObjectName(QStringLiteral("actionSettings"));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    mUi->menuEdit->addSeparator();
    mUi->menuEdit->addAction(settingsAction);
    connect(settingsAction, &QAction::triggered, this, [this] {
        SettingsDialog dialog(mWorkspace.get(), SettingsDialog::Mode::Settings, this);
        if (dialog.exec() == QDialog::Accepted && mWorkspace)
            reloadFigures(); // the number style and the age limit change how figures show and validate
    });
    QTimer::singleShot(0, this, [this] {
        // Without a dictionary the check is off: say so once, without getting in the way.
        static bool told = false;
        if (!told && !SpellChecker::instance()->isAvailable()) {
            told = true;
            statusBar()->showMessage(SpellChecker::instance()->unavailableReason(), 20000);
        }
        // First start: ask who works here (not in tests, nor when VW_SKIP_FIRST_START is set).
        if (QStandardPaths::isTestModeEnabled() || !qEnvironmentVariableIsEmpty("VW_SKIP_FIRST_START") ||
            UserProfile::load().isComplete())
            return;
        askForProfile();
    });
    // --- end settings ---
    mVorlageMenu = new VorlageMenu(this);
    menuBar()->insertMenu(mUi->menuView->menuAction(), mVorlageMenu->menu());

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray());
    fitIntoScreen();
    mUi->actionShowPreview->setChecked(settings.value(QStringLiteral("mainWindow/preview"), true).toBool());
    mDefaultSplit = !mUi->splitter->restoreState(settings.value(QStringLiteral("mainWindow/editorSplitter")).toByteArray());
    restoreState(settings.value(QStringLiteral("mainWindow/docks")).toByteArray());
    rebuildRecentMenu();
    updateActions();
    currentTabChanged();
    addPublishMenu(this);
    addHelpMenu(this);
    new WindowDrops(this);
}

MainWindow::~MainWindow()
{
    mPreviewPool.clear();
    mPreviewPool.waitForDone();
    mIndexCheck.waitForDone();
    closeAllEditors();
    mFigurePanel->setWorkspace(nullptr);
    if (SpellChecker::instance()->workspace() == mWorkspace.get())
        SpellChecker::instance()->setWorkspace(nullptr);
}

void MainWindow::fitIntoScreen()
{
    if (isMaximized() || isFullScreen())
        return;
    const QScreen *screen = QGuiApplication::screenAt(geometry().center());
    if (!screen)
        screen = this->screen();
    if (!screen)
        return;
    // A window saved on a larger screen (or the form's 1360×860 on a 1024×768 laptop) would put the
    // preview and the problems off-screen: shrink it to the screen, leaving room for the title bar.
    const QRect available = screen->availableGeometry();
    const QSize frame(8, 36);
    QRect wanted = geometry();
    if (wanted.width() > available.width() || wanted.height() > available.height())
        wanted.setSize(wanted.size().boundedTo(available.size() - frame));
    wanted.moveLeft(std::clamp(wanted.left(), available.left(), std::max(available.left(), available.right() - wanted.width())));
    wanted.moveTop(std::clamp(wanted.top(), available.top() + frame.height() - 8,
                              std::max(available.top(), available.bottom() - wanted.height())));
    setGeometry(wanted);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!mDefaultSplit)
        return;
    mDefaultSplit = false;
    // The first layout, by the width the window has: at 1366 px and more list, editor with its comments
    // and preview side by side; below, the editor and its comments need the room and the preview waits
    // for F8, and the list keeps room for title and session date.
    const int w = mUi->splitter->width();
    if (w >= 1200) {
        mUi->splitter->setSizes({200, 830, 330});
    } else {
        mUi->actionShowPreview->setChecked(false);
        const int list = std::clamp(w / 5, 200, 260);
        mUi->splitter->setSizes({list, w - list, 0});
    }
    const int list = mUi->splitter->sizes().value(0);
    mUi->vorlagenView->horizontalHeader()->resizeSection(
        VorlageListModel::TitleColumn, std::max(100, list - 2 * mUi->vorlagenView->frameWidth() - 84));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    closeAllEditors();
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/editorSplitter"), mUi->splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/docks"), saveState());
    settings.setValue(QStringLiteral("mainWindow/preview"), mUi->actionShowPreview->isChecked());
    event->accept();
}

void MainWindow::askForProfile()
{
    if (mProfileDialog)
        return;
    // Without a workspace the Ressort list would be empty: wait for one.
    if (!mWorkspace) {
        mProfilePending = true;
        return;
    }
    mProfilePending = false;
    mProfileDialog = new SettingsDialog(mWorkspace.get(), SettingsDialog::Mode::FirstStart, this);
    mProfileDialog->setAttribute(Qt::WA_DeleteOnClose);
    mProfileDialog->open();
}

SettingsDialog *MainWindow::profileDialog() const
{
    return mProfileDialog;
}

Result<void> MainWindow::openWorkspaceOrOfferNew(const QString &path)
{
    if (Database::isServer(path) || QFileInfo::exists(path)) // a server's workspace is made by its administrator
        return openWorkspace(path);
    if (!QStandardPaths::isTestModeEnabled()) {
        const auto answer = QMessageBox::question(
            this, tr("Arbeitsbereich anlegen"),
            tr("Den Arbeitsbereich %1 gibt es noch nicht.\n\nSoll er neu angelegt werden?")
                .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer != QMessageBox::Yes)
            return {};
    }
    return openWorkspace(path, true);
}

Result<void> MainWindow::openWorkspace(const QString &path, bool create)
{
    // Filling the search index (an older workspace, or a damaged index) takes a moment on a large workspace.
    QProgressDialog progress(tr("Der Suchindex wird aufgebaut …"), QString(), 0, 0, this);
    progress.setWindowTitle(tr("Arbeitsbereich öffnen"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(500);
    progress.setValue(0);
    auto ws = Workspace::open(path, create ? Workspace::Mode::CreateIfMissing : Workspace::Mode::OpenExisting,
                              [&progress](int done, int total) {
                                  progress.setMaximum(total);
                                  progress.setValue(done);
                              });
    progress.reset();
    if (!ws)
        return ws.failure();
    closeAllEditors();
    mFigurePanel->setWorkspace(nullptr); // before the old workspace goes
    SpellChecker::instance()->setWorkspace(nullptr);
    mWorkspace = std::move(ws.value());
    mWorkspace->setAuthor(UserProfile::load().author()); // every change records who made it
    mFigurePanel->setWorkspace(mWorkspace.get());
    // The standard terms (ZGF, Deputation, …) once; a read-only workspace just has none.
    (void)mWorkspace->seedDictionary();
    SpellChecker::instance()->setWorkspace(mWorkspace.get());
    reloadFigures();
    const bool server = Database::isServer(path);
    setWindowTitle(tr("%1 – Vorlagenwerk").arg(server ? Database::withoutPassword(path) : QFileInfo(path).fileName()));
    rememberWorkspace(server ? Database::withoutPassword(path) : QFileInfo(path).absoluteFilePath());
    reloadList();
    mSearch->setWorkspace(mWorkspace->path(), mWorkspace->ressorts());
    const auto counter = mWorkspace->changeCounter();
    mSeenChanges = counter ? counter.value() : -1;
    mSeenAt = QDateTime::currentDateTimeUtc();
    mChangePoll->start();
    if (!mWorkspace->openNotice().isEmpty())
        statusBar()->showMessage(mWorkspace->openNotice());
    // The whole index is read in a worker thread (0.16 s on 10,000 Vorlagen); only damage comes back here.
    mIndexCheck.start([this, path, opened = mWorkspace.get()] {
        if (Workspace::searchIndexIsSound(path))
            return;
        QMetaObject::invokeMethod(this, [this, opened] {
            if (mWorkspace.get() != opened)
                return;
            if (auto r = mWorkspace->checkSearchIndex(); !r)
                statusBar()->showMessage(r.error());
            else
                statusBar()->showMessage(mWorkspace->openNotice());
        }, Qt::QueuedConnection);
    });
    if (mProfilePending)
        askForProfile();
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
    openVorlage(selectId);
    updateActions();
}

void MainWindow::updateListRow(qint64 id)
{
    if (!mWorkspace)
        return;
    mSearch->refresh(); // hits shown follow the save (a moment later, off the UI thread)
    auto row = mWorkspace->summary(id);
    if (!row) {
        statusBar()->showMessage(row.error());
        return;
    }
    bool listed = false;
    {
        // A row the filter no longer matches leaves the list: the view must not move the current row to
        // a neighbour and open that one (a reset used to clear the selection silently).
        const QSignalBlocker block(mUi->vorlagenView->selectionModel());
        listed = mModel->updateRow(row.value());
    }
    if (!listed) {
        reloadList(currentVorlageId()); // not listed yet
        return;
    }
    // The open Vorlage stays the list's current row; filtered out, none is (a click on a neighbour opens it).
    const int r = mModel->rowOf(currentVorlageId());
    const QModelIndex current = r >= 0 ? mProxy->mapFromSource(mModel->index(r, VorlageListModel::TitleColumn)) : QModelIndex();
    if (current != mUi->vorlagenView->currentIndex()) {
        const QSignalBlocker block(mUi->vorlagenView->selectionModel());
        if (current.isValid())
            mUi->vorlagenView->setCurrentIndex(current);
        else
            mUi->vorlagenView->selectionModel()->clear();
    }
}

void MainWindow::followChanges()
{
    if (!mWorkspace)
        return;
    auto counter = mWorkspace->changeCounter();
    if (!counter || counter.value() == mSeenChanges)
        return; // nobody else committed: one PRAGMA a second, whatever the size of the workspace
    mSeenChanges = counter.value();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto changes = mWorkspace->changes(mSeenAt.addSecs(-2)); // `modified` has whole seconds
    mSeenAt = now;
    if (!changes)
        return;
    if (changes->count != mModel->rowCount()) {
        reloadList(currentVorlageId()); // a Vorlage was added or deleted elsewhere
    } else {
        for (auto it = changes->revisions.cbegin(); it != changes->revisions.cend(); ++it)
            updateListRow(it.key());
    }
    for (VorlageEditor *e : editors()) {
        const qint64 id = e->document()->vorlage().id;
        const auto stored = changes->revisions.constFind(id);
        if (stored == changes->revisions.cend() || stored.value() == e->document()->vorlage().revision)
            continue;
        e->flush(); // typing of this window goes first: if it clashes, the conflict dialog says so
        if (e->saver()->hasUnsavedChanges() || e->saver()->inConflict()
            || stored.value() == e->document()->vorlage().revision)
            continue;
        reloadVorlage(id);
        statusBar()->showMessage(tr("„%1“ wurde an anderer Stelle geändert; hier steht jetzt der gespeicherte Stand.")
                                     .arg(e->document()->vorlage().title),
                                 8000);
    }
    reloadFigures();
    for (VorlageEditor *e : editors())
        e->annotationPane()->reload();
}

void MainWindow::setFilterText(const QString &text)
{
    if (mUi->filterEdit->text() != text)
        mUi->filterEdit->setText(text);
    mProxy->setFilterFixedString(text);
}

QTableView *MainWindow::vorlagenView() const
{
    return mUi->vorlagenView;
}

QList<VorlageEditor *> MainWindow::editors() const
{
    QList<VorlageEditor *> result;
    for (int i = 0; i < mUi->editorTabs->count(); ++i)
        result << qobject_cast<VorlageEditor *>(mUi->editorTabs->widget(i));
    return result;
}

VorlageEditor *MainWindow::currentEditor() const
{
    return qobject_cast<VorlageEditor *>(mUi->editorTabs->currentWidget());
}

qint64 MainWindow::currentVorlageId() const
{
    const VorlageEditor *e = currentEditor();
    return e ? e->document()->vorlage().id : 0;
}

const Vorlage *MainWindow::currentVorlage() const
{
    const VorlageEditor *e = currentEditor();
    return e ? &e->document()->vorlage() : nullptr;
}

void MainWindow::listSelectionChanged()
{
    const QModelIndex index = mUi->vorlagenView->currentIndex();
    if (index.isValid())
        openVorlage(index.data(VorlageListModel::IdRole).toLongLong());
}

bool MainWindow::openVorlage(qint64 id)
{
    if (!mWorkspace || id <= 0)
        return false;
    const int row = mModel->rowOf(id);
    if (row >= 0) {
        const QModelIndex index = mProxy->mapFromSource(mModel->index(row, VorlageListModel::TitleColumn));
        if (index.isValid() && mUi->vorlagenView->currentIndex().row() != index.row()) {
            const QSignalBlocker block(mUi->vorlagenView->selectionModel());
            mUi->vorlagenView->setCurrentIndex(index);
            mUi->vorlagenView->scrollTo(index); // the title column, shown first
        }
    }
    for (VorlageEditor *e : editors()) {
        if (e->document()->vorlage().id == id) {
            mUi->editorTabs->setCurrentWidget(e);
            return true;
        }
    }
    auto v = mWorkspace->load(id);
    if (!v) {
        statusBar()->showMessage(v.error());
        return false;
    }
    auto *editor = new VorlageEditor(mWorkspace.get(), v.value(), mUi->editorTabs);
    editor->setFigureValues(mFigures);
    mUndoGroup->addStack(editor->document()->undoStack());
    const auto shortTitle = [](const QString &title) { return title.size() > 28 ? title.left(26) + QStringLiteral(" …") : title; };
    const int tab = mUi->editorTabs->addTab(editor, shortTitle(v->title));
    mUi->editorTabs->setTabToolTip(tab, v->title);
    connect(editor, &VorlageEditor::titleChanged, this, [this, editor, shortTitle](const QString &title) {
        const int i = mUi->editorTabs->indexOf(editor);
        mUi->editorTabs->setTabText(i, shortTitle(title));
        mUi->editorTabs->setTabToolTip(i, title);
    });
    connect(editor, &VorlageEditor::previewDue, this, [this, editor] {
        if (editor == currentEditor())
            refreshPreview();
    });
    connect(editor->saver(), &DocumentSaver::saved, this, [this, editor] {
        statusBar()->showMessage(tr("Gespeichert: %1").arg(editor->document()->vorlage().title), 3000);
        // The list shows title, dates and Ressort: keep this row current without losing the selection.
        updateListRow(editor->document()->vorlage().id);
    });
    connect(editor->saver(), &DocumentSaver::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Nicht gespeichert: %1 – neuer Versuch bei der nächsten Änderung.").arg(message));
    });
    connect(editor, &VorlageEditor::neufassungRequested, this, [this, editor] {
        mUi->editorTabs->setCurrentWidget(editor);
        if (auto r = mVorlageMenu->createNeufassung(); !r)
            showError(tr("Neufassung anlegen"), r.error());
    });
    connect(editor->saver(), &DocumentSaver::conflictDetected, this,
            [this, editor](const QString &message) { resolveConflict(editor, message); });
    mUi->editorTabs->setCurrentIndex(tab);
    return true;
}

void MainWindow::resolveConflict(VorlageEditor *editor, const QString &message)
{
    QMessageBox box(QMessageBox::Warning, tr("Vorlage anderswo geändert"),
                    tr("%1\n\nIhre Änderungen sind nicht verloren. Sie können sie als neue Vorlage behalten oder "
                       "die andere Fassung laden.")
                        .arg(message),
                    QMessageBox::NoButton, this);
    QPushButton *keep = box.addButton(tr("Meine Fassung als neue Vorlage speichern"), QMessageBox::AcceptRole);
    QPushButton *reload = box.addButton(tr("Andere Fassung laden"), QMessageBox::DestructiveRole);
    box.setDefaultButton(keep);
    box.exec();
    const qint64 id = editor->document()->vorlage().id;
    if (box.clickedButton() == reload) {
        auto other = mWorkspace->load(id);
        if (!other) {
            showError(tr("Vorlage laden"), other.error());
            return;
        }
        editor->document()->reset(other.value());
        editor->saver()->clearConflict();
        return;
    }
    Vorlage mine = duplicateVorlage(editor->document()->vorlage());
    mine.title = tr("%1 (eigene Fassung)").arg(mine.title);
    auto copy = mWorkspace->add(mine);
    if (!copy) {
        showError(tr("Vorlage speichern"), copy.error());
        return;
    }
    // The tab now shows the other version; the copy opens beside it.
    if (auto other = mWorkspace->load(id)) {
        editor->document()->reset(other.value());
        editor->saver()->clearConflict();
    }
    reloadList(copy.value());
}

void MainWindow::closeEditor(VorlageEditor *editor)
{
    if (!editor)
        return;
    editor->flush();
    mUndoGroup->removeStack(editor->document()->undoStack());
    mUi->editorTabs->removeTab(mUi->editorTabs->indexOf(editor));
    delete editor;
}

void MainWindow::closeAllEditors()
{
    for (VorlageEditor *e : editors())
        closeEditor(e);
}

void MainWindow::currentTabChanged()
{
    VorlageEditor *editor = currentEditor();
    mUndoGroup->setActiveStack(editor ? editor->document()->undoStack() : nullptr);
    if (editor) {
        const int row = mModel->rowOf(editor->document()->vorlage().id);
        if (row >= 0) {
            const QSignalBlocker block(mUi->vorlagenView->selectionModel());
            mUi->vorlagenView->setCurrentIndex(mProxy->mapFromSource(mModel->index(row, VorlageListModel::TitleColumn)));
        }
    }
    refreshPreview();
    updateActions();
}

void MainWindow::reloadFigures()
{
    auto values = mWorkspace ? mWorkspace->figureValues() : Result<FigureValues>(FigureValues());
    if (!values) {
        statusBar()->showMessage(values.error());
        return;
    }
    mFigures = values.value();
    for (VorlageEditor *e : editors())
        e->setFigureValues(mFigures);
    refreshPreview();
}

void MainWindow::figureChanged(const QString &key)
{
    auto figure = mWorkspace ? mWorkspace->figure(key) : Result<Figure>(Error{QString()});
    if (!figure) {
        reloadFigures();
        return;
    }
    mFigures.set(figure.value());
    for (VorlageEditor *e : editors())
        e->setFigureValues(mFigures);
    refreshPreview();
}

void MainWindow::refreshPreview()
{
    const VorlageEditor *editor = currentEditor();
    if (!editor || !mWorkspace) {
        mPreview->showMessage(mWorkspace ? tr("Wählen Sie links eine Vorlage, um ihre PDF-Fassung zu sehen.")
                                         : tr("Kein Arbeitsbereich geöffnet."));
        return;
    }
    // The exporter runs on a copy, off the UI thread; only the newest result is shown.
    const int generation = ++mPreviewGeneration;
    QPointer<MainWindow> self(this);
    mPreviewPool.clear(); // a queued, older request is superseded
    mPreviewPool.start([self, generation, vorlage = editor->document()->vorlage(),
                        ressorts = mWorkspace->ressorts(), figures = mFigures] {
        Result<QByteArray> pdf = PdfExporter(ressorts, figures).toBytes(vorlage);
        QMetaObject::invokeMethod(qApp, [self, generation, pdf] {
            if (!self || generation != self->mPreviewGeneration)
                return;
            if (pdf)
                self->mPreview->setPdf(pdf.value());
            else
                self->mPreview->showMessage(pdf.error());
            emit self->previewUpdated();
        });
    });
}

QString MainWindow::emptyHint() const
{
    return mEditorStack->currentWidget() == mUi->editorTabs ? QString() : mEmptyHint->text();
}

void MainWindow::updateEmptyHint()
{
    const auto key = [](const QAction *action) { return action->shortcut().toString(QKeySequence::NativeText); };
    QString hint;
    if (!mWorkspace)
        hint = tr("Kein Arbeitsbereich geöffnet.\n\nÖffnen Sie einen mit %1 oder legen Sie mit %2 einen neuen an.")
                   .arg(key(mUi->actionOpenWorkspace), key(mUi->actionNewWorkspace));
    else if (mModel->rowCount() == 0)
        hint = tr("In diesem Arbeitsbereich gibt es noch keine Vorlagen.\n\nMit %1 legen Sie eine neue an – "
                  "Beschlussvorlage, Fragestunde oder eine andere Art. Eine vorhandene Vorlage (Text oder PDF) "
                  "holen Sie mit %2 herein oder ziehen sie einfach ins Fenster.")
                   .arg(key(mUi->actionNewVorlage), key(mUi->actionImport));
    else if (!currentEditor())
        hint = tr("Wählen Sie links eine Vorlage aus oder legen Sie mit %1 eine neue an.").arg(key(mUi->actionNewVorlage));
    mEmptyHint->setText(hint);
    mEditorStack->setCurrentWidget(hint.isEmpty() ? static_cast<QWidget *>(mUi->editorTabs)
                                                  : mEmptyHint->parentWidget());
}

void MainWindow::updateActions()
{
    const bool open = currentEditor() != nullptr;
    mUi->actionExportPdf->setEnabled(open);
    mUi->actionDuplicate->setEnabled(open);
    mUi->actionCloseTab->setEnabled(open);
    mUi->actionFind->setEnabled(open);
    mReplaceAction->setEnabled(open);
    mPrintAction->setEnabled(open);
    mUi->actionImport->setEnabled(mWorkspace != nullptr);
    mUi->actionNewVorlage->setEnabled(mWorkspace != nullptr);
    if (mVorlageMenu)
        mVorlageMenu->update();
    VorlageEditor *editor = currentEditor();
    mSearch->setQuoteTargetAvailable(editor && !editor->isReadOnly() && !sectionWith(editor->document()->vorlage(), Block::Type::Beschluss).isEmpty());
    updateEmptyHint();
}

bool MainWindow::openSearchHit(const SearchHit &hit, const QString &text)
{
    if (!openVorlage(hit.vorlageId))
        return false;
    Place place;
    if (VorlageEditor *editor = currentEditor(); editor && placeFromKey(hit.placeKey, &place))
        editor->showFound(place, text);
    return true;
}

Result<void> MainWindow::quoteBeschluss(const SearchHit &hit)
{
    VorlageEditor *editor = currentEditor();
    if (!editor || editor->isReadOnly())
        return Error{tr("Öffnen Sie zuerst den Entwurf, der den Beschlusspunkt übernehmen soll."), ErrorCode::Invalid};
    if (!!sectionWith(editor->document()->vorlage(), Block::Type::Beschluss).isEmpty())
        return Error{tr("Die Vorlage „%1“ hat keinen Beschlussvorschlag, der einen Beschlusspunkt aufnehmen kann.")
                         .arg(editor->document()->vorlage().title), ErrorCode::Invalid};
    Place place;
    if (!placeFromKey(hit.placeKey, &place) || place.kind != Place::Kind::Beschluss)
        return Error{tr("Dieser Treffer ist kein Beschlusspunkt."), ErrorCode::Invalid};
    auto source = mWorkspace->load(hit.vorlageId);
    if (!source)
        return source.failure();
    if (!isReadOnly(source->status)) // decided (and so never to change again)
        return Error{tr("„%1“ ist nicht beschlossen: nur beschlossene Beschlusspunkte werden übernommen.").arg(source->title),
                     ErrorCode::Invalid};
    const auto item = std::find_if(source->beschluss.cbegin(), source->beschluss.cend(),
                                   [&place](const BeschlussItem &b) { return b.id == place.itemId; });
    if (item == source->beschluss.cend())
        return Error{tr("Den Beschlusspunkt gibt es in „%1“ nicht mehr.").arg(source->title), ErrorCode::NotFound};
    editor->flush();
    const int at = Commands::quoteBeschlussItem(editor->document(), source->id, *item, &mFigures);
    editor->focusPlace({Place::Kind::Beschluss, {}, editor->document()->vorlage().beschluss.value(at).id});
    statusBar()->showMessage(tr("Beschlusspunkt %1 aus „%2“ wörtlich übernommen.")
                                 .arg(item - source->beschluss.cbegin() + 1)
                                 .arg(source->title), 8000);
    return {};
}

void MainWindow::reloadVorlage(qint64 id)
{
    if (!mWorkspace)
        return;
    for (VorlageEditor *e : editors()) {
        if (e->document()->vorlage().id != id)
            continue;
        auto stored = mWorkspace->load(id);
        if (!stored) {
            showError(tr("Vorlage laden"), stored.error());
            break;
        }
        e->document()->reset(stored.value());
        e->saver()->clearConflict();
    }
    updateListRow(id);
    refreshPreview();
    updateActions();
}

void MainWindow::showNewVorlage(qint64 id)
{
    setFilterText(QString());
    reloadList(id);
}

Result<void> MainWindow::exportCurrent(const QString &path)
{
    VorlageEditor *editor = currentEditor();
    if (!editor)
        return Error{tr("Es ist keine Vorlage geöffnet.")};
    editor->flush();
    const QList<Problem> problems = validate(editor->document()->vorlage(), mWorkspace->ressorts(), &mFigures);
    if (hasErrors(problems))
        return Error{tr("Die Vorlage wird nicht exportiert, solange sie Fehler hat:\n\n%1").arg(errorReport(problems))};
    auto r = PdfExporter(mWorkspace->ressorts(), mFigures).writeFile(editor->document()->vorlage(), path);
    if (r) {
        const int warnings = warningCount(problems);
        statusBar()->showMessage(warnings ? tr("Exportiert mit %n Warnung(en): %1", nullptr, warnings).arg(QDir::toNativeSeparators(path))
                                          : tr("Exportiert: %1").arg(QDir::toNativeSeparators(path)),
                                 8000);
    }
    return r;
}

Result<MainWindow::ImportReport> MainWindow::importFile(const QString &path)
{
    if (!mWorkspace)
        return Error{tr("Es ist kein Arbeitsbereich geöffnet.")};
    auto imported = vw::importFile(path, mWorkspace->ressorts());
    if (!imported)
        return imported.failure();
    auto id = mWorkspace->add(imported->vorlage);
    if (!id)
        return id.failure();
    setFilterText(QString());
    reloadList(id.value());
    ImportReport report;
    for (const ImportMessage &m : imported->notes)
        report.notes << tr("Zeile %1: %2").arg(m.line).arg(m.text);
    for (const ImportMessage &m : imported->unplaced)
        report.unplaced << tr("Zeile %1: %2").arg(m.line).arg(m.text);
    return report;
}

Result<void> MainWindow::adoptFigures(qint64 id, const QList<NumberCandidate> &chosen)
{
    if (!mWorkspace)
        return Error{tr("Es ist kein Arbeitsbereich geöffnet.")};
    QList<Figure> figures;
    for (const NumberCandidate &c : chosen)
        figures << c.proposal;
    // The figures first (all or none), then the Vorlage quoting them through its editor: one undo step.
    if (auto r = mWorkspace->setFigures(figures, mFigurePanel->currentUser()); !r)
        return r;
    reloadFigures();
    mFigurePanel->reload();
    if (!openVorlage(id))
        return Error{tr("Im Arbeitsbereich gibt es keine Vorlage mit der Nummer %1.").arg(id)};
    VorlageEditor *editor = currentEditor();
    editor->flush();
    Vorlage quoted = editor->document()->vorlage();
    quoteCandidates(quoted, chosen);
    QUndoStack *stack = editor->document()->undoStack();
    stack->beginMacro(tr("Zahlen als Verweise einsetzen"));
    for (const Section &s : quoted.sections)
        Commands::setSectionContent(editor->document(), s.label, s.content);
    for (int i = 0; i < quoted.questions.size(); ++i)
        Commands::setAnswer(editor->document(), i, quoted.questions[i].answer);
    for (int i = 0; i < quoted.beschluss.size(); ++i)
        Commands::setBeschlussText(editor->document(), i, quoted.beschluss[i].text);
    stack->endMacro();
    return editor->saver()->saveNow();
}

Result<qint64> MainWindow::createVorlage(VorlageKind kind)
{
    if (!mWorkspace)
        return Error{tr("Es ist kein Arbeitsbereich geöffnet.")};
    Vorlage v = vorlageFromTemplate(kind);
    v.title = tr("Neue %1").arg(kindLabel(kind));
    v.date = QDate::currentDate();
    auto id = mWorkspace->add(v);
    if (!id)
        return id;
    setFilterText(QString());
    reloadList(id.value());
    if (VorlageEditor *e = currentEditor())
        e->focusPlace({Place::Kind::Header, QStringLiteral("title")});
    return id;
}

Result<qint64> MainWindow::duplicateCurrent()
{
    VorlageEditor *editor = currentEditor();
    if (!editor)
        return Error{tr("Es ist keine Vorlage geöffnet.")};
    editor->flush();
    Vorlage copy = duplicateVorlage(editor->document()->vorlage());
    copy.title = tr("Kopie von %1").arg(copy.title);
    auto id = mWorkspace->add(copy);
    if (!id)
        return id;
    setFilterText(QString());
    reloadList(id.value());
    return id;
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

void MainWindow::chooseAndOpenServer()
{
    bool ok = false;
    const QString location =
        QInputDialog::getText(this, tr("Arbeitsbereich auf einem Server öffnen"),
                              tr("Adresse des Servers, wie die IT sie nennt, zum Beispiel\n"
                                 "postgresql://server.bremen.de/vorlagen?sslmode=verify-full\n"
                                 "oder service=vorlagen (aus pg_service.conf):"),
                              QLineEdit::Normal, QString(), &ok)
            .trimmed();
    if (!ok || location.isEmpty())
        return;
    if (!Database::isServer(location)) {
        showError(tr("Arbeitsbereich auf einem Server öffnen"),
                  tr("„%1“ ist keine Serveradresse. Sie beginnt mit postgresql:// oder hat die Form service=NAME.")
                      .arg(location));
        return;
    }
    if (auto r = openWorkspace(location); !r)
        showError(tr("Arbeitsbereich auf einem Server öffnen"), r.error());
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

void MainWindow::chooseAndCreateVorlage()
{
    QStringList labels;
    for (VorlageKind kind : allKinds())
        labels << kindLabel(kind);
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Neue Vorlage"), tr("Art der Vorlage:"), labels, 0, false, &ok);
    if (!ok)
        return;
    if (auto r = createVorlage(allKinds().at(labels.indexOf(chosen))); !r)
        showError(tr("Neue Vorlage"), r.error());
}

void MainWindow::chooseAndImport()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Vorlage importieren"), QString(),
        tr("Vorlagen als Text oder PDF (*.txt *.md *.pdf);;Alle Dateien (*)"));
    if (!path.isEmpty())
        importAndReview(path);
}

void MainWindow::importAndReview(const QString &path)
{
    auto r = importFile(path);
    if (!r) {
        showError(tr("Vorlage importieren"), r.error());
        return;
    }
    if (!r->notes.isEmpty() || !r->unplaced.isEmpty()) {
        QStringList parts{tr("Die Vorlage wurde importiert.")};
        if (!r->notes.isEmpty())
            parts << tr("Hinweise:\n\n%1").arg(r->notes.join(QLatin1Char('\n')));
        if (!r->unplaced.isEmpty())
            parts << tr("Diese Zeilen konnten keinem Feld zugeordnet werden:\n\n%1")
                         .arg(r->unplaced.join(QLatin1Char('\n')));
        QMessageBox::information(this, tr("Vorlage importiert"), parts.join(QStringLiteral("\n\n")));
    }
    // Offer the numbers it typed as figures, so that they agree everywhere from now on.
    const qint64 id = currentVorlageId();
    const QList<NumberCandidate> candidates = currentVorlage() ? numberCandidates(*currentVorlage(), mFigures)
                                                               : QList<NumberCandidate>();
    if (candidates.isEmpty())
        return;
    FigureCandidatesDialog dialog(candidates, this);
    if (dialog.exec() != QDialog::Accepted || dialog.chosen().isEmpty())
        return;
    if (auto adopted = adoptFigures(id, dialog.chosen()); !adopted)
        showError(tr("Zahlen übernehmen"), adopted.error());
}

void MainWindow::chooseAndExport()
{
    const Vorlage *v = currentVorlage();
    if (!v)
        return;
    const QString name = suggestedFileName(v->title);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Als PDF exportieren"),
                                                      QDir(dir).filePath(name + QStringLiteral(".pdf")),
                                                      tr("PDF-Dateien (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = exportCurrent(path); !r)
        showError(tr("Als PDF exportieren"), r.error());
}

Result<void> MainWindow::printCurrent(QPrinter *printer)
{
    VorlageEditor *editor = currentEditor();
    if (!editor)
        return Error{tr("Es ist keine Vorlage geöffnet.")};
    editor->flush();
    printer->setFullPage(true); // the layout has its own margins, as in the PDF
    printer->setDocName(editor->document()->vorlage().title);
    if (auto r = PdfExporter(mWorkspace->ressorts(), mFigures).print(editor->document()->vorlage(), printer); !r)
        return r;
    statusBar()->showMessage(tr("Gedruckt: %1").arg(editor->document()->vorlage().title), 5000);
    return {};
}

void MainWindow::chooseAndPrint()
{
    if (!currentEditor())
        return;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Vorlage drucken"));
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto r = printCurrent(&printer); !r)
        showError(tr("Drucken"), r.error());
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

} // namespace vw
