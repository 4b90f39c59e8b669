#include "versionsdialog.h"

#include "comparisondialog.h"
#include "statusbanner.h"
#include "vorlageeditor.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vw {

namespace {

} // namespace

VersionsDialog::VersionsDialog(Workspace *workspace, qint64 vorlageId, const FigureValues &figures, QWidget *parent)
    : QDialog(parent), mWorkspace(workspace), mVorlageId(vorlageId), mFigures(figures),
      mTable(new QTableWidget(0, ColumnCount, this)), mHistory(new QTreeWidget(this)),
      mAdd(new QPushButton(tr("Version &festhalten …"), this)),
      mOpen(new QPushButton(tr("Ö&ffnen (schreibgeschützt)"), this)),
      mRestore(new QPushButton(tr("Als neuen &Entwurf wiederherstellen"), this)),
      mCompare(new QPushButton(tr("&Vergleichen …"), this))
{
    resize(980, 620);
    mTable->setHorizontalHeaderLabels({tr("Nr."), tr("Name"), tr("Festgehalten"), tr("Von"), tr("Status"), tr("Art")});
    mTable->verticalHeader()->hide();
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    mTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mTable->setAlternatingRowColors(true);
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    mTable->setToolTip(tr("Zwei Zeilen wählen (Strg+Klick), um sie zu vergleichen; eine Zeile wird mit dem "
                          "aktuellen Stand verglichen."));

    mHistory->setColumnCount(5);
    mHistory->setHeaderLabels({tr("Wann"), tr("Statuswechsel"), tr("Ergebnis / Sitzung"), tr("Von"), tr("Fassung")});
    mHistory->setRootIsDecorated(false);
    mHistory->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    mHistory->header()->setStretchLastSection(true);

    auto *versionsBox = new QWidget(this);
    auto *versionsLayout = new QVBoxLayout(versionsBox);
    versionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *versionsLabel = new QLabel(tr("<b>Versionen</b> – eingefrorene Stände der ganzen Vorlage"), versionsBox);
    versionsLayout->addWidget(versionsLabel);
    versionsLayout->addWidget(mTable, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mAdd);
    buttons->addStretch(1);
    buttons->addWidget(mOpen);
    buttons->addWidget(mRestore);
    buttons->addWidget(mCompare);
    versionsLayout->addLayout(buttons);

    auto *historyBox = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("<b>Statusverlauf</b>"), historyBox));
    historyLayout->addWidget(mHistory, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(versionsBox);
    splitter->addWidget(historyBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Schließen"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(close);

    connect(mAdd, &QPushButton::clicked, this, &VersionsDialog::askAndAddVersion);
    connect(mOpen, &QPushButton::clicked, this, [this] {
        if (auto r = openSelected(); !r)
            report(tr("Version öffnen"), r.failure());
    });
    connect(mRestore, &QPushButton::clicked, this, [this] {
        if (auto r = restoreSelected(); !r)
            report(tr("Version wiederherstellen"), r.failure());
    });
    connect(mCompare, &QPushButton::clicked, this, [this] {
        auto r = compareSelected();
        if (!r) {
            report(tr("Versionen vergleichen"), r.failure());
            return;
        }
        r.value()->show();
    });
    connect(mTable, &QTableWidget::itemSelectionChanged, this, &VersionsDialog::updateButtons);
    connect(mTable, &QTableWidget::cellDoubleClicked, mOpen, &QPushButton::click);
    reload();
}

void VersionsDialog::report(const QString &title, const Result<void> &result)
{
    if (!result)
        QMessageBox::warning(this, title, result.error());
}

void VersionsDialog::reload()
{
    auto current = mWorkspace->load(mVorlageId);
    mTitle = current ? current->title : QString();
    setWindowTitle(tr("Versionen – %1").arg(mTitle));
    auto list = mWorkspace->versions(mVorlageId);
    mVersions = list ? list.value() : QList<Workspace::VersionInfo>();
    // Newest first, under the current state.
    std::sort(mVersions.begin(), mVersions.end(),
              [](const Workspace::VersionInfo &a, const Workspace::VersionInfo &b) { return a.number > b.number; });
    mTable->setRowCount(int(mVersions.size()) + 1);
    const auto put = [this](int row, int column, const QString &text, int number) {
        auto *item = new QTableWidgetItem(text);
        item->setData(Qt::UserRole, number);
        mTable->setItem(row, column, item);
        return item;
    };
    QTableWidgetItem *first = put(0, NumberColumn, QStringLiteral("–"), 0);
    put(0, NameColumn, tr("Aktueller Stand"), 0);
    put(0, CreatedColumn, current && current->modified.isValid() ? germanDateTime(current->modified) : QString(), 0);
    put(0, AuthorColumn, QString(), 0);
    put(0, StatusColumn, current ? statusLabel(current->status) : QString(), 0);
    put(0, KindColumn, tr("in Arbeit"), 0);
    QFont italic = first->font();
    italic.setItalic(true);
    for (int c = 0; c < ColumnCount; ++c)
        mTable->item(0, c)->setFont(italic);
    for (int i = 0; i < mVersions.size(); ++i) {
        const Workspace::VersionInfo &v = mVersions[i];
        const int row = i + 1;
        put(row, NumberColumn, QString::number(v.number), v.number)->setTextAlignment(Qt::AlignCenter);
        put(row, NameColumn, v.name, v.number);
        put(row, CreatedColumn, germanDateTime(v.created), v.number);
        put(row, AuthorColumn, v.author, v.number);
        put(row, StatusColumn, statusLabel(v.status), v.number);
        put(row, KindColumn, v.automatic ? tr("automatisch") : tr("von Hand"), v.number);
    }
    if (!list)
        QMessageBox::warning(this, tr("Versionen"), list.error());

    mHistory->clear();
    auto history = mWorkspace->statusHistory(mVorlageId);
    if (history) {
        for (const Workspace::StatusChange &c : history.value()) {
            QString outcome;
            if (c.outcome != Outcome::Keins)
                outcome = c.sessionDate.isValid() ? tr("%1, Sitzung am %2").arg(outcomeLabel(c.outcome), germanDate(c.sessionDate))
                                                  : outcomeLabel(c.outcome);
            auto *item = new QTreeWidgetItem(mHistory, {germanDateTime(c.at),
                                                        tr("%1 → %2").arg(statusLabel(c.from), statusLabel(c.to)),
                                                        outcome, c.author,
                                                        c.versionNumber > 0 ? tr("Fassung %1").arg(c.versionNumber) : QString()});
            item->setData(0, Qt::UserRole, c.versionNumber);
        }
    }
    if (mHistory->topLevelItemCount() == 0)
        new QTreeWidgetItem(mHistory, {QString(), tr("noch kein Statuswechsel")});
    updateButtons();
}

QList<int> VersionsDialog::selectedNumbers() const
{
    QList<int> numbers;
    for (const QModelIndex &index : mTable->selectionModel()->selectedRows())
        numbers << index.data(Qt::UserRole).toInt();
    return numbers;
}

void VersionsDialog::selectNumbers(const QList<int> &numbers)
{
    mTable->clearSelection();
    for (int row = 0; row < mTable->rowCount(); ++row) {
        if (numbers.contains(mTable->item(row, 0)->data(Qt::UserRole).toInt())) {
            mTable->selectionModel()->select(mTable->model()->index(row, 0),
                                             QItemSelectionModel::Select | QItemSelectionModel::Rows);
            mTable->selectionModel()->setCurrentIndex(mTable->model()->index(row, 0), QItemSelectionModel::NoUpdate);
        }
    }
}

void VersionsDialog::updateButtons()
{
    const QList<int> numbers = selectedNumbers();
    const bool oneVersion = numbers.size() == 1 && numbers.first() > 0;
    mOpen->setEnabled(oneVersion);
    mRestore->setEnabled(oneVersion);
    mCompare->setEnabled(oneVersion || numbers.size() == 2);
}

void VersionsDialog::askAndAddVersion()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Version festhalten"),
                                               tr("Name der Version (z. B. „zur Mitzeichnung“, „Staatsrätekonferenz“):"),
                                               QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (auto r = addVersion(name); !r)
        report(tr("Version festhalten"), r.failure());
}

Result<Workspace::VersionInfo> VersionsDialog::addVersion(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error{tr("Eine Version braucht einen Namen.")};
    auto info = mWorkspace->addVersion(mVorlageId, name.trimmed());
    if (!info)
        return info;
    reload();
    selectNumbers({info->number});
    return info;
}

VersionLabel VersionsDialog::labelOf(int number) const
{
    for (const Workspace::VersionInfo &v : mVersions)
        if (v.number == number)
            return {v.number, v.name, v.created, v.author};
    return {};
}

Result<Vorlage> VersionsDialog::stateOf(int number) const
{
    return number == 0 ? mWorkspace->load(mVorlageId) : mWorkspace->versionSnapshot(mVorlageId, number);
}

Result<qint64> VersionsDialog::restoreSelected()
{
    const QList<int> numbers = selectedNumbers();
    if (numbers.size() != 1 || numbers.first() <= 0)
        return Error{tr("Wählen Sie genau eine Version.")};
    auto id = mWorkspace->restoreVersion(mVorlageId, numbers.first());
    if (!id)
        return id;
    emit draftCreated(id.value());
    accept();
    return id;
}

Result<VorlageEditor *> VersionsDialog::openSelected()
{
    const QList<int> numbers = selectedNumbers();
    if (numbers.size() != 1 || numbers.first() <= 0)
        return Error{tr("Wählen Sie genau eine Version.")};
    const int number = numbers.first();
    auto snapshot = mWorkspace->versionSnapshot(mVorlageId, number);
    if (!snapshot)
        return snapshot.failure();
    auto *window = new QDialog(this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("%1 – Fassung %2 (schreibgeschützt)").arg(snapshot->title).arg(number));
    window->resize(900, 760);
    auto *editor = new VorlageEditor(mWorkspace, snapshot.value(), window);
    editor->setFigureValues(mFigures);
    editor->showAsSnapshot(versionLabelText(labelOf(number)));
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, window);
    close->button(QDialogButtonBox::Close)->setText(tr("Schließen"));
    connect(close, &QDialogButtonBox::rejected, window, &QDialog::reject);
    auto *layout = new QVBoxLayout(window);
    layout->setContentsMargins(0, 0, 0, 6);
    layout->addWidget(editor, 1);
    layout->addWidget(close);
    window->show();
    return editor;
}

Result<ComparisonDialog *> VersionsDialog::compareSelected()
{
    QList<int> numbers = selectedNumbers();
    if (numbers.size() == 1 && numbers.first() > 0)
        numbers << 0;
    if (numbers.size() != 2)
        return Error{tr("Wählen Sie zwei Versionen oder eine Version, um sie mit dem aktuellen Stand zu vergleichen.")};
    // The older one first; the current state (0) is the newest.
    std::sort(numbers.begin(), numbers.end(), [](int a, int b) { return (a == 0 ? INT_MAX : a) < (b == 0 ? INT_MAX : b); });
    auto before = stateOf(numbers[0]);
    if (!before)
        return before.failure();
    auto after = stateOf(numbers[1]);
    if (!after)
        return after.failure();
    return new ComparisonDialog(mWorkspace->ressorts(), mFigures, before.value(), labelOf(numbers[0]), after.value(),
                                labelOf(numbers[1]), this);
}

} // namespace vw
