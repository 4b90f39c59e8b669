#include "anlageneditor.h"

#include "commands.h"
#include "vorlagedocument.h"
#include "workspace.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vw {

AnlagenEditor::AnlagenEditor(VorlageDocument *document, Workspace *workspace, QWidget *parent)
    : QWidget(parent), mDocument(document), mWorkspace(workspace), mSummary(new QLabel(this)),
      mTable(new QTableWidget(0, ColumnCount, this)), mAdd(new QPushButton(tr("&Datei anhängen …"), this)),
      mRemove(new QPushButton(tr("Entfernen"), this)), mUp(new QPushButton(tr("Nach oben"), this)),
      mDown(new QPushButton(tr("Nach unten"), this))
{
    setObjectName(QStringLiteral("anlagenEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 8);
    auto *headingRow = new QHBoxLayout;
    auto *heading = new QLabel(tr("Anlagen"), this);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 12pt;"));
    mSummary->setStyleSheet(QStringLiteral("color: #555;"));
    headingRow->addWidget(heading);
    headingRow->addSpacing(12);
    headingRow->addWidget(mSummary, 1);
    layout->addLayout(headingRow);

    mTable->setHorizontalHeaderLabels({tr("Titel"), tr("Datei"), tr("Nur intern"), tr("Lizenz")});
    mTable->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // numbered as they are printed
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(InternalColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(LicenceColumn, QHeaderView::Fixed);
    header->resizeSection(LicenceColumn, fontMetrics().horizontalAdvance(QStringLiteral("CC BY-SA 4.0")) + 16);
    layout->addWidget(mTable);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    buttons->addWidget(mUp);
    buttons->addWidget(mDown);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    mAdd->setToolTip(tr("Eine PDF- oder Textdatei als Anlage in den Arbeitsbereich übernehmen"));

    connect(mAdd, &QPushButton::clicked, this, &AnlagenEditor::chooseAndAddFile);
    connect(mRemove, &QPushButton::clicked, this, [this] { removeAnlage(currentRow()); });
    connect(mUp, &QPushButton::clicked, this, [this] { moveAnlage(currentRow(), currentRow() - 1); });
    connect(mDown, &QPushButton::clicked, this, [this] { moveAnlage(currentRow(), currentRow() + 1); });
    connect(mTable, &QTableWidget::currentCellChanged, this, &AnlagenEditor::updateButtons);
    connect(mTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mUpdating)
            return;
        if (item->column() == TitleColumn)
            setTitle(item->row(), item->text());
        else if (item->column() == InternalColumn)
            setInternal(item->row(), item->checkState() == Qt::Checked);
        else if (item->column() == LicenceColumn)
            setLicence(item->row(), item->text());
    });
    connect(mDocument, &VorlageDocument::changed, this, [this](const Place &place) {
        if (place.kind == Place::Kind::Anlage)
            refresh();
    });
    connect(mDocument, &VorlageDocument::reloaded, this, &AnlagenEditor::refresh);
    refresh();
}

int AnlagenEditor::currentRow() const
{
    return mTable->currentRow();
}

void AnlagenEditor::selectRow(int row)
{
    mTable->setCurrentCell(row, TitleColumn);
}

void AnlagenEditor::change(int row, const std::function<void(Anlage &)> &edit, const QString &text)
{
    QList<Anlage> list = mDocument->vorlage().anlagen;
    if (row < 0 || row >= list.size())
        return;
    edit(list[row]);
    Commands::setAnlagen(mDocument, list, text);
    refresh(); // a refused change (read-only, an empty title) shows the model again
}

Result<void> AnlagenEditor::addFile(const QString &path)
{
    if (mDocument->isReadOnly())
        return Error{Workspace::readOnlyMessage(mDocument->vorlage())};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("„%1“ lässt sich nicht lesen: %2").arg(QFileInfo(path).fileName(), file.errorString())};
    const QByteArray bytes = file.readAll();
    const QString mediaType = QMimeDatabase().mimeTypeForFileNameAndData(path, bytes).name();
    if (mediaType != QLatin1String("application/pdf") && mediaType != QLatin1String("text/plain"))
        return Error{tr("„%1“ ist weder eine PDF- noch eine Textdatei (%2). Anlagen sind PDF- oder Textdateien.")
                         .arg(QFileInfo(path).fileName(), mediaType)};
    auto sha = mWorkspace->storeBlob(bytes);
    if (!sha)
        return sha.failure();
    Anlage anlage;
    anlage.id = newItemId();
    anlage.title = QFileInfo(path).completeBaseName();
    anlage.fileName = QFileInfo(path).fileName();
    anlage.mediaType = mediaType;
    anlage.sha256 = sha.value();
    anlage.size = bytes.size();
    Commands::setAnlagen(mDocument, mDocument->vorlage().anlagen + QList<Anlage>{anlage},
                         tr("Anlage „%1“ anhängen").arg(anlage.title));
    selectRow(int(mDocument->vorlage().anlagen.size()) - 1);
    return {};
}

void AnlagenEditor::chooseAndAddFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Anlage anhängen"), QString(),
                                                      tr("PDF- und Textdateien (*.pdf *.txt);;Alle Dateien (*)"));
    if (path.isEmpty())
        return;
    if (auto r = addFile(path); !r)
        QMessageBox::warning(this, tr("Anlage anhängen"), r.error());
}

void AnlagenEditor::setTitle(int row, const QString &title)
{
    if (title.trimmed().isEmpty()) { // an Anlage needs a title; the old one stays
        refresh();
        return;
    }
    change(row, [&title](Anlage &a) { a.title = title.trimmed(); }, tr("Titel der Anlage ändern"));
}

void AnlagenEditor::setInternal(int row, bool internal)
{
    change(row, [internal](Anlage &a) { a.internal = internal; },
           internal ? tr("Anlage nur intern") : tr("Anlage zur Veröffentlichung"));
}

void AnlagenEditor::setLicence(int row, const QString &licence)
{
    change(row, [&licence](Anlage &a) { a.licence = licence.trimmed(); }, tr("Lizenz der Anlage ändern"));
}

void AnlagenEditor::removeAnlage(int row)
{
    QList<Anlage> list = mDocument->vorlage().anlagen;
    if (row < 0 || row >= list.size())
        return;
    const QString title = list[row].title;
    list.removeAt(row);
    Commands::setAnlagen(mDocument, list, tr("Anlage „%1“ entfernen").arg(title));
}

void AnlagenEditor::moveAnlage(int from, int to)
{
    QList<Anlage> list = mDocument->vorlage().anlagen;
    if (from < 0 || from >= list.size() || to < 0 || to >= list.size() || from == to)
        return;
    list.move(from, to);
    Commands::setAnlagen(mDocument, list, tr("Anlage verschieben"));
    if (mDocument->vorlage().anlagen == list)
        selectRow(to);
}

void AnlagenEditor::refresh()
{
    const QList<Anlage> &anlagen = mDocument->vorlage().anlagen;
    const bool readOnly = mDocument->isReadOnly();
    const int current = currentRow();
    mUpdating = true;
    mTable->setRowCount(int(anlagen.size()));
    const QLocale german(QLocale::German);
    int internal = 0;
    for (int row = 0; row < anlagen.size(); ++row) {
        const Anlage &a = anlagen[row];
        internal += a.internal ? 1 : 0;
        const Qt::ItemFlags base = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        // Items are updated in place: this runs inside itemChanged of the item being edited.
        const auto itemAt = [this, row](int column) {
            QTableWidgetItem *item = mTable->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                mTable->setItem(row, column, item);
            }
            return item;
        };
        QTableWidgetItem *title = itemAt(TitleColumn);
        title->setText(a.title);
        title->setFlags(readOnly ? base : base | Qt::ItemIsEditable);
        QTableWidgetItem *file = itemAt(FileColumn);
        file->setText(a.sha256.isEmpty() ? tr("Text") : tr("%1 (%2)").arg(a.fileName, german.formattedDataSize(a.size, 0)));
        file->setFlags(base);
        file->setToolTip(a.sha256.isEmpty() ? tr("Eine Anlage aus Text (z. B. Einwände aus der Beteiligung)")
                                            : tr("%1, SHA-256 %2").arg(a.mediaType, a.sha256));
        QTableWidgetItem *intern = itemAt(InternalColumn);
        intern->setText(a.internal ? tr("nur intern") : tr("öffentlich"));
        intern->setFlags(readOnly ? base : base | Qt::ItemIsUserCheckable);
        intern->setCheckState(a.internal ? Qt::Checked : Qt::Unchecked);
        intern->setToolTip(tr("Interne Anlagen werden nie veröffentlicht"));
        QTableWidgetItem *licence = itemAt(LicenceColumn);
        licence->setText(a.licence);
        licence->setFlags(readOnly ? base : base | Qt::ItemIsEditable);
        licence->setToolTip(tr("Leer: die Lizenz des Registers"));
    }
    mUpdating = false;
    mTable->resizeRowsToContents();
    int height = mTable->horizontalHeader()->height() + 2 * mTable->frameWidth();
    for (int row = 0; row < mTable->rowCount(); ++row)
        height += mTable->rowHeight(row);
    mTable->setFixedHeight(std::max(height, mTable->horizontalHeader()->height() + 2 * mTable->frameWidth() + 28));
    mTable->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                     : QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    if (current >= 0 && current < mTable->rowCount())
        mTable->setCurrentCell(current, TitleColumn);
    mSummary->setText(anlagen.isEmpty() ? tr("keine")
                                        : internal ? tr("%n Anlage(n), davon %1 nur intern", nullptr, int(anlagen.size())).arg(internal)
                                                   : tr("%n Anlage(n)", nullptr, int(anlagen.size())));
    updateButtons();
}

void AnlagenEditor::updateButtons()
{
    const bool editable = !mDocument->isReadOnly();
    const int row = currentRow();
    const int count = mTable->rowCount();
    mAdd->setEnabled(editable);
    mRemove->setEnabled(editable && row >= 0);
    mUp->setEnabled(editable && row > 0);
    mDown->setEnabled(editable && row >= 0 && row < count - 1);
}

} // namespace vw
