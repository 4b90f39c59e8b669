#include "publishdialog.h"

#include "mainwindow.h"
#include "publisher.h"
#include "sessionpublishdialog.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStyle>
#include <QTextEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace vw {

namespace {

constexpr int contextChars = 45; // characters shown on each side of a found text

} // namespace

QLabel *wrappingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QString PublishDialog::folderSettingsKey()
{
    return QStringLiteral("publish/lastFolder");
}

QString PublishDialog::defaultOutputFolder()
{
    const QString saved = QSettings().value(folderSettingsKey()).toString();
    if (!saved.isEmpty())
        return saved;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QCoreApplication::translate("vw::PublishDialog", "Informationsregister"));
}

PublishDialog::PublishDialog(Workspace *workspace, qint64 vorlageId, QWidget *parent)
    : QDialog(parent), mWorkspace(workspace), mId(vorlageId)
{
    setWindowTitle(tr("Vorlage veröffentlichen"));
    setMinimumSize(520, 420);
    auto *layout = new QVBoxLayout(this);
    mPages = new QStackedWidget(this);
    layout->addWidget(mPages, 1);

    // --- The check ---
    auto *checkPage = new QWidget(mPages);
    auto *checkLayout = new QVBoxLayout(checkPage);
    checkLayout->setContentsMargins(0, 0, 0, 0);
    mIntro = wrappingLabel(QString(), checkPage);
    mIntro->setTextFormat(Qt::RichText);
    checkLayout->addWidget(mIntro);

    auto *refusals = new QGroupBox(tr("Gründe gegen die Veröffentlichung"), checkPage);
    mRefusalBox = refusals;
    auto *refusalLayout = new QVBoxLayout(refusals);
    refusalLayout->addWidget(wrappingLabel(tr("Solange einer dieser Gründe besteht, wird die Vorlage nicht "
                                              "veröffentlicht. Ein Klick zeigt die Stelle im Editor."),
                                           refusals));
    mRefusalList = new QListWidget(refusals);
    mRefusalList->setWordWrap(true);
    mRefusalList->setTextElideMode(Qt::ElideNone);
    mRefusalList->setUniformItemSizes(false);
    mRefusalList->setAccessibleName(tr("Gründe gegen die Veröffentlichung"));
    refusalLayout->addWidget(mRefusalList);
    const auto activateRefusal = [this](QListWidgetItem *item) {
        const int row = mRefusalList->row(item);
        if (row >= 0 && row < mCheck.refusals.size())
            emit issueActivated(mCheck.refusals[row].place, mCheck.refusals[row].text);
    };
    connect(mRefusalList, &QListWidget::itemClicked, this, activateRefusal);
    connect(mRefusalList, &QListWidget::itemActivated, this, activateRefusal);
    checkLayout->addWidget(refusals, 1);

    auto *warnings = new QGroupBox(tr("Hinweise auf personenbezogene Daten"), checkPage);
    mWarningBox = warnings;
    auto *warningLayout = new QVBoxLayout(warnings);
    warningLayout->addWidget(wrappingLabel(tr("Bitte prüfen Sie jede Stelle und bestätigen Sie sie einzeln. "
                                              "Veröffentlicht wird erst, wenn alle bestätigt sind."),
                                           warnings));
    auto *scroll = new QScrollArea(warnings);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    mWarningContainer = new QWidget(scroll);
    mWarningRows = new QVBoxLayout(mWarningContainer);
    mWarningRows->setContentsMargins(0, 0, 0, 0);
    mWarningRows->addStretch(1);
    scroll->setWidget(mWarningContainer);
    warningLayout->addWidget(scroll, 1);
    checkLayout->addWidget(warnings, 2);

    mAllClear = wrappingLabel(QString(), checkPage);
    mAllClear->setText(tr("Keine Gründe gegen die Veröffentlichung und keine Hinweise auf personenbezogene "
                          "Daten gefunden."));
    checkLayout->addWidget(mAllClear);
    checkLayout->addStretch(0);

    auto *folderBox = new QGroupBox(tr("Ziel"), checkPage);
    auto *folderLayout = new QHBoxLayout(folderBox);
    auto *folderLabel = new QLabel(tr("&Ordner:"), folderBox);
    mFolderEdit = new QLineEdit(folderBox);
    folderLabel->setBuddy(mFolderEdit);
    auto *chooseButton = new QPushButton(tr("Ordner &wählen…"), folderBox);
    chooseButton->setAutoDefault(false);
    folderLayout->addWidget(folderLabel);
    folderLayout->addWidget(mFolderEdit, 1);
    folderLayout->addWidget(chooseButton);
    checkLayout->addWidget(folderBox);
    connect(chooseButton, &QPushButton::clicked, this, &PublishDialog::chooseFolder);
    connect(mFolderEdit, &QLineEdit::textChanged, this, &PublishDialog::updatePublishButton);
    mPages->addWidget(checkPage);

    // --- Done ---
    auto *donePage = new QWidget(mPages);
    auto *doneLayout = new QVBoxLayout(donePage);
    mDoneLabel = wrappingLabel(QString(), donePage);
    mDoneLabel->setTextFormat(Qt::RichText);
    mDoneLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    doneLayout->addWidget(mDoneLabel);
    mOpenFolderButton = new QPushButton(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Ordner ö&ffnen"), donePage);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(mOpenFolderButton);
    openRow->addStretch(1);
    doneLayout->addLayout(openRow);
    doneLayout->addStretch(1);
    connect(mOpenFolderButton, &QPushButton::clicked, this, [this] { openFolder(mPackage.folder); });
    mPages->addWidget(donePage);

    mMessage = wrappingLabel(QString(), this);
    mMessage->hide();
    layout->addWidget(mMessage);

    auto *buttons = new QDialogButtonBox(this);
    mRecheckButton = buttons->addButton(tr("&Erneut prüfen"), QDialogButtonBox::ActionRole);
    mPublishButton = buttons->addButton(tr("&Veröffentlichen"), QDialogButtonBox::AcceptRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setText(tr("&Schließen"));
    mRecheckButton->setAutoDefault(false);
    mPublishButton->setDefault(true);
    layout->addWidget(buttons);
    connect(mRecheckButton, &QPushButton::clicked, this, &PublishDialog::recheck);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(mPublishButton, &QPushButton::clicked, this, [this] { (void)publish(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    mFolderEdit->setText(defaultOutputFolder());
    recheck();
    resize(760, 620);
}

PublishDialog::~PublishDialog() = default;

void PublishDialog::recheck()
{
    emit aboutToCheck();
    mMessage->hide();
    Publisher publisher(*mWorkspace);
    auto checked = publisher.check(mId);
    mCheckFailed = !checked;
    const PublicationCheck before = mCheck;
    QList<bool> ticked;
    for (QCheckBox *box : std::as_const(mWarningBoxes))
        ticked << box->isChecked();
    mCheck = checked ? checked.value() : PublicationCheck{};

    auto current = mWorkspace->load(mId);
    if (current) {
        mTitle = current->title;
        mChecked = current.value();
        if (isReadOnly(current->status)) {
            if (auto decided = mWorkspace->decidedVersion(mId))
                mChecked = decided.value();
        }
    }
    showCheck();
    // A warning seen and ticked before stays ticked when the check finds it again unchanged.
    for (int i = 0; i < mCheck.warnings.size(); ++i) {
        const qsizetype was = before.warnings.indexOf(mCheck.warnings[i]);
        if (was >= 0 && was < ticked.size() && ticked[was])
            mWarningBoxes[i]->setChecked(true);
    }
    if (!checked)
        showMessage(checked.error(), true);
    else if (!current)
        showMessage(current.error(), true);
    updatePublishButton();
}

QString PublishDialog::contextHtml(const PublicationIssue &issue) const
{
    auto figures = mWorkspace->figureValues(&mChecked);
    const QString place = placeText(mChecked, issue.place, figures ? &figures.value() : nullptr);
    qsizetype start = issue.start;
    if (start < 0 || place.mid(start, issue.text.size()) != issue.text)
        start = place.indexOf(issue.text);
    if (start < 0 || issue.text.isEmpty())
        return issue.text.toHtmlEscaped();
    qsizetype from = std::max<qsizetype>(0, start - contextChars);
    const qsizetype end = start + issue.text.size();
    qsizetype to = std::min(place.size(), end + contextChars);
    // Whole words only: the context starts after a space and ends before one.
    while (from > 0 && from < start && !place.at(from - 1).isSpace())
        ++from;
    while (to < place.size() && to > end && !place.at(to).isSpace())
        --to;
    const auto flat = [](QString s) { return s.replace(QLatin1Char('\n'), QLatin1Char(' ')).toHtmlEscaped(); };
    return QStringLiteral("%1%2<span style=\"background-color:#ffd54f; color:#000000; font-weight:600\">%3</span>%4%5")
        .arg(from > 0 ? QStringLiteral("… ") : QString(), flat(place.mid(from, start - from)), flat(issue.text),
             flat(place.mid(end, to - end)), to < place.size() ? QStringLiteral(" …") : QString());
}

void PublishDialog::showCheck()
{
    QString intro = tr("<b>%1</b>").arg(mTitle.toHtmlEscaped());
    intro += QStringLiteral("<br/>") + tr("Status: %1").arg(statusLabel(mChecked.status));
    if (mChecked.sessionDate.isValid())
        intro += QStringLiteral(" · ") + tr("Sitzung am %1").arg(germanDate(mChecked.sessionDate));
    if (auto earlier = mWorkspace->publications(mId); earlier && !earlier->isEmpty())
        intro += QStringLiteral("<br/>")
                 + tr("Bereits veröffentlicht am %1 in %2.")
                       .arg(germanDateTime(earlier->last().at),
                            QDir::toNativeSeparators(earlier->last().package).toHtmlEscaped());
    intro += QStringLiteral("<br/>")
             + tr("Veröffentlicht wird die beschlossene Fassung – ohne Kommentare, Änderungsvorschläge, Beteiligung "
                  "und frühere Fassungen.");
    mIntro->setText(intro);

    mRefusalList->clear();
    const QIcon refusalIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (const PublicationIssue &issue : std::as_const(mCheck.refusals)) {
        auto *item = new QListWidgetItem(refusalIcon, issue.message, mRefusalList);
        item->setToolTip(tr("Klicken, um die Stelle im Editor zu zeigen."));
    }
    mRefusalBox->setVisible(!mCheck.refusals.isEmpty());

    qDeleteAll(mWarningContainer->findChildren<QFrame *>(QString(), Qt::FindDirectChildrenOnly));
    mWarningBoxes.clear();
    mWarningContexts.clear();
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    for (int i = 0; i < mCheck.warnings.size(); ++i) {
        const PublicationIssue &issue = mCheck.warnings[i];
        auto *row = new QFrame(mWarningContainer);
        row->setFrameShape(QFrame::StyledPanel);
        auto *grid = new QGridLayout(row);
        auto *icon = new QLabel(row);
        icon->setPixmap(warningIcon.pixmap(iconSize, iconSize));
        icon->setAlignment(Qt::AlignTop);
        grid->addWidget(icon, 0, 0, 2, 1);
        auto *message = wrappingLabel(issue.message, row);
        grid->addWidget(message, 0, 1);
        const QString context = contextHtml(issue);
        mWarningContexts << context;
        auto *contextLabel = wrappingLabel(context, row);
        contextLabel->setTextFormat(Qt::RichText);
        contextLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(contextLabel, 1, 1);
        auto *show = new QPushButton(tr("Stelle zeigen"), row);
        show->setAutoDefault(false);
        grid->addWidget(show, 0, 2, Qt::AlignTop);
        connect(show, &QPushButton::clicked, this, [this, i] {
            if (i < mCheck.warnings.size())
                emit issueActivated(mCheck.warnings[i].place, mCheck.warnings[i].text);
        });
        auto *box = new QCheckBox(tr("geprüft – darf veröffentlicht werden"), row);
        box->setAccessibleDescription(issue.message);
        grid->addWidget(box, 2, 1, 1, 2);
        grid->setColumnStretch(1, 1);
        connect(box, &QCheckBox::toggled, this, &PublishDialog::updatePublishButton);
        mWarningBoxes << box;
        mWarningRows->insertWidget(mWarningRows->count() - 1, row);
    }
    mWarningBox->setVisible(!mCheck.warnings.isEmpty());
    mAllClear->setVisible(!mCheckFailed && !mCheck.refused() && mCheck.warnings.isEmpty());
}

QString PublishDialog::warningContextHtml(int i) const
{
    return mWarningContexts.value(i);
}

bool PublishDialog::allWarningsConfirmed() const
{
    return std::all_of(mWarningBoxes.cbegin(), mWarningBoxes.cend(), [](const QCheckBox *b) { return b->isChecked(); });
}

QString PublishDialog::outputFolder() const
{
    return mFolderEdit->text().trimmed();
}

void PublishDialog::setOutputFolder(const QString &folder)
{
    mFolderEdit->setText(folder);
}

void PublishDialog::updatePublishButton()
{
    const bool ready = !mPublished && !mCheckFailed && !mCheck.refused() && allWarningsConfirmed() && !outputFolder().isEmpty();
    mPublishButton->setEnabled(ready);
    if (mPublished)
        return;
    QString why;
    if (mCheck.refused())
        why = tr("Die Vorlage kann nicht veröffentlicht werden, solange Gründe dagegen bestehen.");
    else if (!allWarningsConfirmed())
        why = tr("Bestätigen Sie jeden Hinweis auf personenbezogene Daten, um zu veröffentlichen.");
    else if (outputFolder().isEmpty())
        why = tr("Wählen Sie den Ordner, in den das Registerpaket geschrieben wird.");
    mPublishButton->setToolTip(why);
}

void PublishDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Ordner für das Registerpaket"), outputFolder());
    if (!folder.isEmpty()) {
        setOutputFolder(folder);
        QSettings().setValue(folderSettingsKey(), folder);
    }
}

void PublishDialog::showMessage(const QString &text, bool error)
{
    mMessage->setText(text);
    mMessage->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    mMessage->setVisible(!text.isEmpty());
}

QString PublishDialog::messageText() const
{
    return mMessage->isHidden() ? QString() : mMessage->text();
}

Result<RegisterPackage> PublishDialog::publish()
{
    const auto fail = [this](const QString &message) -> Result<RegisterPackage> {
        showMessage(message, true);
        return Error{message};
    };
    if (mPublished)
        return fail(tr("Die Vorlage ist schon veröffentlicht."));
    if (!mPublishButton->isEnabled())
        return fail(mPublishButton->toolTip().isEmpty() ? tr("Die Vorlage kann noch nicht veröffentlicht werden.")
                                                        : mPublishButton->toolTip());
    // What was confirmed must be what is published: check once more, right before.
    emit aboutToCheck();
    Publisher publisher(*mWorkspace);
    auto fresh = publisher.check(mId);
    if (!fresh)
        return fail(fresh.error());
    if (fresh->refusals != mCheck.refusals || fresh->warnings != mCheck.warnings) {
        recheck();
        return fail(tr("Die Prüfung hat inzwischen etwas anderes ergeben. Bitte sehen Sie die Liste noch einmal durch."));
    }
    const QString folder = outputFolder();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto package = publisher.publish(mId, folder, allWarningsConfirmed());
    QApplication::restoreOverrideCursor();
    if (!package)
        return fail(package.error());
    QSettings().setValue(folderSettingsKey(), folder);
    mPublished = true;
    mPackage = package.value();
    QStringList files;
    for (const PackageFile &f : std::as_const(mPackage.files))
        files << f.fileName.toHtmlEscaped();
    mDoneLabel->setText(tr("<p><b>„%1“ ist veröffentlicht.</b></p><p>Das Registerpaket liegt in<br/><b>%2</b></p>"
                           "<p>Dateien: %3</p><p>Die Vorlage hat jetzt den Status „%4“ und kann nicht mehr geändert "
                           "werden.</p>")
                            .arg(mTitle.toHtmlEscaped(), QDir::toNativeSeparators(mPackage.folder).toHtmlEscaped(),
                                 files.join(QStringLiteral(", ")), statusLabel(Status::Veroeffentlicht)));
    mPages->setCurrentIndex(1);
    mMessage->hide();
    mPublishButton->hide();
    mRecheckButton->hide();
    mOpenFolderButton->setFocus();
    emit published(mId);
    return package;
}

void showIssueInEditor(VorlageEditor *editor, const Place &place, const QString &text)
{
    if (!editor)
        return;
    editor->window()->raise();
    editor->window()->activateWindow();
    if (!editor->focusPlace(place) || text.isEmpty())
        return;
    // The place's field has the focus (of its window, which may not be the active one yet).
    QWidget *field = editor->window()->focusWidget();
    if (auto *edit = qobject_cast<QTextEdit *>(field)) {
        QTextCursor cursor = edit->textCursor();
        cursor.movePosition(QTextCursor::Start);
        edit->setTextCursor(cursor);
        if (!edit->find(text))
            edit->moveCursor(QTextCursor::Start);
        edit->ensureCursorVisible();
    } else if (auto *line = qobject_cast<QLineEdit *>(field)) {
        const qsizetype at = line->text().indexOf(text, 0, Qt::CaseInsensitive);
        if (at >= 0)
            line->setSelection(int(at), int(text.size()));
    }
}

void openFolder(const QString &folder)
{
    QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
}

PublishDialog *showPublishDialog(MainWindow *window)
{
    VorlageEditor *editor = window->currentEditor();
    if (!editor || !window->workspace())
        return nullptr;
    const qint64 id = editor->document()->vorlage().id;
    // One publication dialog at a time; asking again for the same Vorlage brings it to the front.
    for (PublishDialog *open : window->findChildren<PublishDialog *>()) {
        if (open->vorlageId() == id && open->isVisible() && !open->isPublished()) {
            open->recheck();
            open->raise();
            open->activateWindow();
            return open;
        }
        open->close();
    }
    editor->flush();
    auto *dialog = new PublishDialog(window->workspace(), id, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &PublishDialog::aboutToCheck, window, [window, id] {
        for (VorlageEditor *e : window->editors())
            if (e->document()->vorlage().id == id)
                e->flush();
    });
    QObject::connect(dialog, &PublishDialog::issueActivated, window,
                     [window, id](const Place &place, const QString &text) {
                         if (window->openVorlage(id))
                             showIssueInEditor(window->currentEditor(), place, text);
                     });
    QObject::connect(dialog, &PublishDialog::published, window, &MainWindow::reloadVorlage);
    // Beside the editor, over the preview: a place it points to stays visible.
    const QRect area = window->geometry();
    dialog->resize(std::min(620, std::max(dialog->minimumWidth(), area.width() / 2)), std::min(680, area.height() - 40));
    dialog->move(std::max(area.left(), area.right() - dialog->width() - 16), area.top() + 40);
    dialog->show();
    return dialog;
}

SessionPublishDialog *showSessionPublishDialog(MainWindow *window)
{
    if (!window->workspace())
        return nullptr;
    for (VorlageEditor *e : window->editors())
        e->flush();
    auto *dialog = new SessionPublishDialog(window->workspace(), window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &SessionPublishDialog::published, window, [window](const QList<qint64> &ids) {
        for (qint64 id : ids)
            window->reloadVorlage(id);
    });
    dialog->open();
    return dialog;
}

void addPublishMenu(MainWindow *window)
{
    QMenu *menu = window->menuBar()->addMenu(QCoreApplication::translate("vw::PublishDialog", "Ver&öffentlichung"));
    menu->setObjectName(QStringLiteral("menuPublish"));
    QAction *publish = menu->addAction(QCoreApplication::translate("vw::PublishDialog", "&Veröffentlichen…"));
    publish->setObjectName(QStringLiteral("actionPublish"));
    publish->setStatusTip(QCoreApplication::translate(
        "vw::PublishDialog", "Die beschlossene Vorlage prüfen und als Registerpaket für das Informationsregister schreiben"));
    QAction *session = menu->addAction(QCoreApplication::translate("vw::PublishDialog", "&Sitzung veröffentlichen…"));
    session->setObjectName(QStringLiteral("actionPublishSession"));
    session->setStatusTip(QCoreApplication::translate(
        "vw::PublishDialog", "Alle beschlossenen Vorlagen einer Senatssitzung veröffentlichen"));
    QObject::connect(menu, &QMenu::aboutToShow, window, [window, publish, session] {
        publish->setEnabled(window->currentEditor() != nullptr);
        session->setEnabled(window->workspace() != nullptr);
    });
    QObject::connect(publish, &QAction::triggered, window, [window] {
        if (!showPublishDialog(window))
            window->statusBar()->showMessage(
                QCoreApplication::translate("vw::PublishDialog", "Öffnen Sie zuerst die Vorlage, die veröffentlicht werden soll."), 5000);
    });
    QObject::connect(session, &QAction::triggered, window, [window] { showSessionPublishDialog(window); });
}

} // namespace vw
