#include "sessionpublishdialog.h"

#include "dateedit.h"

#include "publishdialog.h"
#include "workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <set>

namespace vw {

namespace {

enum Column { TitleColumn, StateColumn };

QString htmlLines(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br/>"));
}

} // namespace

SessionPublishDialog::SessionPublishDialog(Workspace *workspace, QWidget *parent)
    : QDialog(parent), mWorkspace(workspace)
{
    setWindowTitle(tr("Sitzung veröffentlichen"));
    setMinimumSize(640, 480);
    auto *layout = new QVBoxLayout(this);
    mPages = new QStackedWidget(this);
    layout->addWidget(mPages, 1);

    // --- Choose and check ---
    auto *choosePage = new QWidget(mPages);
    auto *chooseLayout = new QVBoxLayout(choosePage);
    chooseLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    mDateEdit = new DateEdit(choosePage);
    mDateEdit->setMinimumWidth(130);
    auto *dateRow = new QHBoxLayout;
    dateRow->addWidget(mDateEdit);
    dateRow->addStretch(1);
    auto *dateLabel = new QLabel(tr("Senatssitzung &am:"), choosePage);
    dateLabel->setBuddy(mDateEdit);
    form->addRow(dateLabel, dateRow);
    mSessionsHint = wrappingLabel(QString(), choosePage);
    mSessionsHint->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->addRow(QString(), mSessionsHint);
    chooseLayout->addLayout(form);

    auto *vorlagen = new QGroupBox(tr("Beschlossene, noch nicht veröffentlichte Vorlagen dieser Sitzung"), choosePage);
    auto *vorlagenLayout = new QVBoxLayout(vorlagen);
    mList = new QTreeWidget(vorlagen);
    mList->setRootIsDecorated(false);
    mList->setHeaderLabels({tr("Vorlage"), tr("Prüfung")});
    mList->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    mList->header()->setSectionResizeMode(StateColumn, QHeaderView::Interactive);
    mList->header()->setStretchLastSection(false);
    mList->header()->resizeSection(StateColumn, 300);
    mList->setAccessibleName(tr("Vorlagen der Sitzung"));
    vorlagenLayout->addWidget(mList, 2);
    mCounts = wrappingLabel(QString(), vorlagen);
    vorlagenLayout->addWidget(mCounts);
    mDetails = wrappingLabel(QString(), vorlagen);
    mDetails->setTextFormat(Qt::RichText);
    mDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    vorlagenLayout->addWidget(mDetails, 1);
    chooseLayout->addWidget(vorlagen, 1);

    mConfirm = new QCheckBox(tr("&Hinweise auf personenbezogene Daten wurden geprüft"), choosePage);
    chooseLayout->addWidget(mConfirm);
    mConfirmHint = wrappingLabel(tr("Ohne diese Bestätigung werden Vorlagen mit Hinweisen nicht veröffentlicht und "
                                    "in der Zusammenfassung als Fehler genannt."),
                                 choosePage);
    chooseLayout->addWidget(mConfirmHint);

    auto *folderBox = new QGroupBox(tr("Ziel"), choosePage);
    auto *folderLayout = new QHBoxLayout(folderBox);
    auto *folderLabel = new QLabel(tr("&Ordner:"), folderBox);
    mFolderEdit = new QLineEdit(folderBox);
    folderLabel->setBuddy(mFolderEdit);
    auto *chooseButton = new QPushButton(tr("Ordner &wählen…"), folderBox);
    chooseButton->setAutoDefault(false);
    folderLayout->addWidget(folderLabel);
    folderLayout->addWidget(mFolderEdit, 1);
    folderLayout->addWidget(chooseButton);
    chooseLayout->addWidget(folderBox);
    mPages->addWidget(choosePage);

    // --- Summary ---
    auto *summaryPage = new QWidget(mPages);
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    mSummary = new QTextBrowser(summaryPage);
    mSummary->setOpenLinks(false);
    summaryLayout->addWidget(mSummary, 1);
    mOpenFolderButton = new QPushButton(QIcon::fromTheme(QStringLiteral("folder-open")), tr("Ordner ö&ffnen"), summaryPage);
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(mOpenFolderButton);
    openRow->addStretch(1);
    summaryLayout->addLayout(openRow);
    mPages->addWidget(summaryPage);

    mMessage = wrappingLabel(QString(), this);
    mMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    mMessage->hide();
    layout->addWidget(mMessage);

    auto *buttons = new QDialogButtonBox(this);
    mPublishButton = buttons->addButton(tr("&Veröffentlichen"), QDialogButtonBox::AcceptRole);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setText(tr("&Schließen"));
    mPublishButton->setDefault(true);
    layout->addWidget(buttons);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(mPublishButton, &QPushButton::clicked, this, [this] { (void)publish(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(mDateEdit, &DateEdit::dateChanged, this, &SessionPublishDialog::reload);
    connect(mList, &QTreeWidget::currentItemChanged, this, &SessionPublishDialog::showDetails);
    connect(mFolderEdit, &QLineEdit::textChanged, this, &SessionPublishDialog::updatePublishButton);
    connect(chooseButton, &QPushButton::clicked, this, &SessionPublishDialog::chooseFolder);
    connect(mOpenFolderButton, &QPushButton::clicked, this, [this] { openFolder(outputFolder()); });

    // The sessions that have something to publish, newest first; the newest is proposed.
    std::set<QDate> sessions;
    if (auto rows = mWorkspace->list()) {
        for (const VorlageSummary &s : rows.value())
            if (s.status == Status::Beschlossen && s.sessionDate.isValid())
                sessions.insert(s.sessionDate);
    }
    QStringList dates;
    for (auto it = sessions.rbegin(); it != sessions.rend() && dates.size() < 6; ++it)
        dates << germanDate(*it);
    mSessionsHint->setText(dates.isEmpty() ? tr("Keine Sitzung hat beschlossene, noch nicht veröffentlichte Vorlagen.")
                                           : tr("Sitzungen mit beschlossenen, noch nicht veröffentlichten Vorlagen: %1")
                                                 .arg(dates.join(QStringLiteral(", "))));
    mFolderEdit->setText(PublishDialog::defaultOutputFolder());
    const QDate proposed = sessions.empty() ? QDate::currentDate() : *sessions.rbegin();
    mDateEdit->setDate(proposed); // emits nothing
    reload();
    resize(760, 600);
}

SessionPublishDialog::~SessionPublishDialog() = default;

QDate SessionPublishDialog::sessionDate() const
{
    return mDateEdit->date();
}

void SessionPublishDialog::setSessionDate(const QDate &date)
{
    mDateEdit->setDate(date);
    reload();
}

void SessionPublishDialog::reload()
{
    mMessage->hide();
    mEntries.clear();
    mList->clear();
    Publisher publisher(*mWorkspace);
    auto ids = publisher.sessionVorlagen(sessionDate());
    if (!ids)
        showMessage(ids.error());
    const QIcon refusedIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon readyIcon = style()->standardIcon(QStyle::SP_DialogApplyButton);
    int refused = 0;
    int warned = 0;
    for (qint64 id : ids ? ids.value() : QList<qint64>()) {
        Entry entry;
        entry.id = id;
        if (auto v = mWorkspace->load(id))
            entry.title = v->title;
        if (auto checked = publisher.check(id))
            entry.check = checked.value();
        else
            entry.error = checked.error();
        mEntries << entry;
        auto *item = new QTreeWidgetItem(mList);
        item->setText(TitleColumn, entry.title);
        item->setToolTip(TitleColumn, entry.title);
        QStringList tip;
        if (!entry.error.isEmpty() || entry.check.refused()) {
            ++refused;
            item->setIcon(StateColumn, refusedIcon);
            tip << entry.error;
            for (const PublicationIssue &i : std::as_const(entry.check.refusals))
                tip << i.message;
        } else if (!entry.check.warnings.isEmpty()) {
            ++warned;
            item->setIcon(StateColumn, warningIcon);
            for (const PublicationIssue &i : std::as_const(entry.check.warnings))
                tip << i.message;
        } else {
            item->setIcon(StateColumn, readyIcon);
        }
        item->setText(StateColumn, stateText(int(mEntries.size()) - 1));
        tip.removeAll(QString());
        item->setToolTip(StateColumn, tip.join(QLatin1Char('\n')));
    }
    const int total = int(mEntries.size());
    mCounts->setText(total == 0 ? tr("Für die Sitzung am %1 gibt es keine beschlossene, noch nicht veröffentlichte "
                                     "Vorlage.")
                                      .arg(germanDate(sessionDate()))
                                : (total == 1 ? tr("1 Vorlage: ") : tr("%1 Vorlagen: ").arg(total))
                                      + tr("%1 bereit, %2 mit Hinweisen, %3 nicht veröffentlichbar.")
                                            .arg(total - refused - warned)
                                            .arg(warned)
                                            .arg(refused));
    mConfirm->setChecked(false);
    mConfirm->setVisible(warned > 0);
    mConfirmHint->setVisible(warned > 0);
    if (mList->topLevelItemCount() > 0)
        mList->setCurrentItem(mList->topLevelItem(0));
    showDetails();
    updatePublishButton();
}

QString SessionPublishDialog::stateText(int row) const
{
    if (row < 0 || row >= mEntries.size())
        return {};
    const Entry &e = mEntries[row];
    if (!e.error.isEmpty())
        return tr("Prüfung nicht möglich: %1").arg(e.error);
    if (e.check.refused()) {
        const int more = int(e.check.refusals.size()) - 1;
        const QString first = e.check.refusals.first().message;
        if (more == 0)
            return tr("Wird nicht veröffentlicht: %1").arg(first);
        return more == 1 ? tr("Wird nicht veröffentlicht: %1 (und ein weiterer Grund)").arg(first)
                         : tr("Wird nicht veröffentlicht: %1 (und %2 weitere Gründe)").arg(first).arg(more);
    }
    if (!e.check.warnings.isEmpty())
        return e.check.warnings.size() == 1 ? tr("1 Hinweis auf personenbezogene Daten")
                                            : tr("%1 Hinweise auf personenbezogene Daten").arg(e.check.warnings.size());
    return tr("Bereit");
}

void SessionPublishDialog::showDetails()
{
    const int row = mList->indexOfTopLevelItem(mList->currentItem());
    if (row < 0 || row >= mEntries.size()) {
        mDetails->clear();
        return;
    }
    const Entry &e = mEntries[row];
    QStringList lines;
    if (!e.error.isEmpty())
        lines << htmlLines(e.error);
    for (const PublicationIssue &i : std::as_const(e.check.refusals))
        lines << tr("Grund gegen die Veröffentlichung: %1").arg(i.message.toHtmlEscaped());
    for (const PublicationIssue &i : std::as_const(e.check.warnings))
        lines << tr("Hinweis: %1").arg(i.message.toHtmlEscaped());
    mDetails->setText(lines.isEmpty() ? tr("„%1“ kann veröffentlicht werden.").arg(e.title.toHtmlEscaped())
                                      : QStringLiteral("<b>%1</b><br/>").arg(e.title.toHtmlEscaped())
                                            + lines.join(QStringLiteral("<br/>")));
}

QString SessionPublishDialog::outputFolder() const
{
    return mFolderEdit->text().trimmed();
}

void SessionPublishDialog::setOutputFolder(const QString &folder)
{
    mFolderEdit->setText(folder);
}

void SessionPublishDialog::updatePublishButton()
{
    const bool publishable = std::any_of(mEntries.cbegin(), mEntries.cend(),
                                         [](const Entry &e) { return e.error.isEmpty() && !e.check.refused(); });
    mPublishButton->setEnabled(!mDone && publishable && !outputFolder().isEmpty());
}

void SessionPublishDialog::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Ordner für die Registerpakete"), outputFolder());
    if (!folder.isEmpty()) {
        setOutputFolder(folder);
        QSettings().setValue(PublishDialog::folderSettingsKey(), folder);
    }
}

void SessionPublishDialog::showMessage(const QString &text)
{
    mMessage->setText(text);
    mMessage->setVisible(!text.isEmpty());
}

void SessionPublishDialog::cancelPublishing()
{
    if (mProgress)
        mProgress->cancel();
}

Result<Publisher::SessionResult> SessionPublishDialog::publish()
{
    if (mDone || !mPublishButton->isEnabled()) {
        const QString message = tr("Es gibt nichts zu veröffentlichen.");
        showMessage(message);
        return Error{message};
    }
    const QDate date = sessionDate();
    const QString folder = outputFolder();
    const bool confirmed = mConfirm->isVisible() ? mConfirm->isChecked() : false;
    mPublishButton->setEnabled(false);

    // On the GUI thread: the workspace's SQLite connection belongs to it. The progress dialog's event
    // processing keeps the window drawn and its „Abbrechen“ clickable between two Vorlagen.
    QProgressDialog progress(tr("Die Vorlagen werden veröffentlicht …"), tr("Abbrechen"), 0,
                             std::max(1, int(mEntries.size())), this);
    progress.setWindowTitle(tr("Sitzung veröffentlichen"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setMinimumWidth(420);
    mProgress = &progress;
    progress.show();
    mCanceled = false;
    Publisher publisher(*mWorkspace);
    auto result = publisher.publishSession(date, folder, confirmed, [this, &progress](int done, int total, const QString &title) {
        progress.setMaximum(total);
        if (done < total)
            progress.setLabelText(tr("Vorlage %1 von %2:\n„%3“").arg(done + 1).arg(total).arg(title));
        else
            progress.setLabelText(tr("Der Index wird geschrieben …"));
        progress.setValue(done);
        emit progressed(done, total, title);
        QCoreApplication::processEvents();
        if (progress.wasCanceled() && done < total) {
            mCanceled = true;
            return false;
        }
        return true;
    });
    mProgress = nullptr;
    progress.close();
    if (!result) {
        showMessage(result.error());
        updatePublishButton();
        return result;
    }
    mResult = result.value();
    mDone = true;
    QSettings().setValue(PublishDialog::folderSettingsKey(), folder);
    showSummary(date);
    // Those that really were published: not the failures, nor those a cancel left untouched.
    QList<qint64> publishedIds;
    for (const Entry &e : std::as_const(mEntries)) {
        if (auto v = mWorkspace->load(e.id); v && v->status == Status::Veroeffentlicht)
            publishedIds << e.id;
    }
    emit published(publishedIds);
    return result;
}

void SessionPublishDialog::showSummary(const QDate &date)
{
    QString html = tr("<h3>Senatssitzung am %1</h3>").arg(germanDate(date));
    if (mCanceled)
        html += tr("<p><b>Abgebrochen.</b> Die noch nicht bearbeiteten Vorlagen sind nicht veröffentlicht.</p>");
    const qsizetype done = mResult.packages.size();
    html += done == 1 ? tr("<p><b>1 Vorlage veröffentlicht</b></p>")
                      : tr("<p><b>%1 Vorlagen veröffentlicht</b></p>").arg(done);
    if (!mResult.packages.isEmpty()) {
        html += QStringLiteral("<ul>");
        for (const RegisterPackage &p : std::as_const(mResult.packages))
            html += QStringLiteral("<li>%1<br/><small>%2</small></li>")
                        .arg(p.title.toHtmlEscaped(), QDir::toNativeSeparators(p.folder).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    if (!mResult.failures.isEmpty()) {
        const qsizetype failed = mResult.failures.size();
        html += QStringLiteral("<p style=\"color:#b00020\"><b>%1</b></p>")
                    .arg(failed == 1 ? tr("1 Vorlage nicht veröffentlicht") : tr("%1 Vorlagen nicht veröffentlicht").arg(failed));
        html += QStringLiteral("<ul>");
        for (const Publisher::Failure &f : std::as_const(mResult.failures))
            html += QStringLiteral("<li>%1<br/><small>%2</small></li>")
                        .arg(f.title.isEmpty() ? tr("Vorlage %1").arg(f.id) : f.title.toHtmlEscaped(), htmlLines(f.message));
        html += QStringLiteral("</ul>");
    }
    html += tr("<p>Indexdatei: %1</p>").arg(QDir::toNativeSeparators(mResult.indexPath).toHtmlEscaped());
    mSummary->setHtml(html);
    mPages->setCurrentIndex(1);
    mPublishButton->hide();
    mMessage->hide();
    mOpenFolderButton->setFocus();
}

QString SessionPublishDialog::summaryText() const
{
    return mDone ? mSummary->toPlainText() : QString();
}

} // namespace vw
