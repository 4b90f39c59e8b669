#include "figurepanel.h"

#include "dateedit.h"

#include "figuretablemodel.h"
#include "userprofile.h"
#include "workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace vw {

namespace {

QString valuePlaceholder(FigureType type)
{
    switch (type) {
    case FigureType::Integer:
        return FigurePanel::tr("z. B. 91.430");
    case FigureType::Decimal:
        return FigurePanel::tr("z. B. 1,5");
    case FigureType::Amount:
        return FigurePanel::tr("z. B. 7.500.000 oder 7,5 Mio. €");
    case FigureType::Percentage:
        return FigurePanel::tr("z. B. 12,5 %");
    case FigureType::Date:
        return FigurePanel::tr("z. B. 12.05.2020");
    }
    return QString();
}

QString count(qsizetype n)
{
    return QLocale(QLocale::German).toString(qint64(n));
}

// Enter asks to insert the current figure. An Enter that commits an edit reaches the view as well once
// the editor has let it pass; the view is still editing then, and that Enter inserts nothing.
class FigureView : public QTableView {
public:
    using QTableView::QTableView;
    std::function<void(const QModelIndex &)> enterPressed;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && state() != EditingState &&
            currentIndex().isValid() && enterPressed) {
            enterPressed(currentIndex());
            event->accept();
            return;
        }
        QTableView::keyPressEvent(event);
    }
};

} // namespace

NewFigureDialog::NewFigureDialog(const RessortTable &ressorts, std::function<bool(const QString &)> keyTaken,
                                 QWidget *parent)
    : QDialog(parent), mKeyTaken(std::move(keyTaken)), mKey(new QLineEdit(this)), mLabel(new QLineEdit(this)),
      mType(new QComboBox(this)), mValue(new QLineEdit(this)), mUnit(new QLineEdit(this)),
      mAsOf(new DateEdit(this)), mSource(new QLineEdit(this)),
      mRessort(new QComboBox(this)), mMessage(new QLabel(this)), mOk(nullptr)
{
    setWindowTitle(tr("Neue Zahl"));

    mKey->setPlaceholderText(tr("z. B. vpn-kapazitaet-bremen"));
    mKey->setToolTip(tr("Kleinbuchstaben, Ziffern und Bindestriche, am Anfang ein Buchstabe. "
                        "Unter diesem Schlüssel wird die Zahl in Vorlagen zitiert."));
    mKey->setAccessibleName(tr("Schlüssel"));
    mLabel->setPlaceholderText(tr("z. B. VPN-Zugänge Bremen, gleichzeitig"));
    mLabel->setAccessibleName(tr("Bezeichnung"));
    for (FigureType t : allFigureTypes())
        mType->addItem(figureTypeLabel(t), figureTypeKey(t));
    mType->setAccessibleName(tr("Typ"));
    mValue->setAccessibleName(tr("Wert"));
    mUnit->setPlaceholderText(tr("z. B. Nutzer"));
    mUnit->setAccessibleName(tr("Einheit"));
    mAsOf->setDate(QDate::currentDate());
    mAsOf->lineEdit()->setAccessibleName(tr("Stand"));
    mSource->setPlaceholderText(tr("z. B. Dataport, Monatsbericht April"));
    mSource->setAccessibleName(tr("Quelle"));
    mRessort->addItem(tr("– kein Ressort –"), QString());
    const QDate today = QDate::currentDate();
    for (const QString &key : ressorts.keysOn(today))
        mRessort->addItem(ressorts.displayName(key, QString(), today), key);
    mRessort->setAccessibleName(tr("Ressort"));

    mMessage->setWordWrap(true);
    mMessage->setAccessibleName(tr("Meldung"));
    mMessage->setStyleSheet(QStringLiteral("color: #a00000"));
    mMessage->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    mOk = buttons->button(QDialogButtonBox::Ok);
    mOk->setText(tr("Anlegen"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Abbrechen"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewFigureDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewFigureDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Schlüssel:"), mKey);
    form->addRow(tr("&Bezeichnung:"), mLabel);
    form->addRow(tr("&Typ:"), mType);
    form->addRow(tr("&Wert:"), mValue);
    form->addRow(tr("&Einheit:"), mUnit);
    form->addRow(tr("S&tand:"), mAsOf);
    form->addRow(tr("&Quelle:"), mSource);
    form->addRow(tr("&Ressort:"), mRessort);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(mMessage);
    layout->addWidget(buttons);

    connect(mType, &QComboBox::currentIndexChanged, this, &NewFigureDialog::typeChanged);
    typeChanged();
}

NewFigureDialog::~NewFigureDialog() = default;

void NewFigureDialog::setCommit(std::function<Result<void>(const Figure &)> commit)
{
    mCommit = std::move(commit);
}

void NewFigureDialog::setType(FigureType type)
{
    mType->setCurrentIndex(mType->findData(figureTypeKey(type)));
}

FigureType NewFigureDialog::type() const
{
    FigureType t = FigureType::Integer;
    figureTypeFromKey(mType->currentData().toString(), &t);
    return t;
}

void NewFigureDialog::setRessortKey(const QString &key)
{
    const int index = mRessort->findData(key);
    if (index >= 0)
        mRessort->setCurrentIndex(index);
}

void NewFigureDialog::typeChanged()
{
    const FigureType t = type();
    mValue->setPlaceholderText(valuePlaceholder(t));
    // Amounts and percentages carry € and % by their type.
    const bool ownUnit = t == FigureType::Amount || t == FigureType::Percentage || t == FigureType::Date;
    mUnit->setEnabled(!ownUnit);
    if (ownUnit)
        mUnit->clear();
}

Result<Figure> NewFigureDialog::figureFromFields() const
{
    Figure f;
    f.key = mKey->text().trimmed();
    if (f.key.isEmpty())
        return Error{tr("Der Schlüssel fehlt.")};
    if (!isValidFigureKey(f.key))
        return Error{
            tr("„%1“ ist kein gültiger Schlüssel: erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, "
               "am Anfang ein Buchstabe (z. B. vpn-bremen).")
                .arg(f.key)};
    if (mKeyTaken && mKeyTaken(f.key))
        return Error{tr("Eine Zahl mit dem Schlüssel „%1“ gibt es schon.").arg(f.key)};
    f.label = mLabel->text().trimmed();
    if (f.label.isEmpty())
        return Error{tr("Die Bezeichnung fehlt.")};
    f.type = type();
    const Result<QString> value = parseFigureValue(f.type, mValue->text());
    if (!value)
        return Error{tr("Wert: %1 Erwartet wird: %2.").arg(value.error(), figureTypeLabel(f.type))};
    f.value = value.value();
    f.millions = f.type == FigureType::Amount && mValue->text().contains(QStringLiteral("Mio"));
    f.unit = mUnit->isEnabled() ? mUnit->text().trimmed() : QString();
    const Result<QDate> asOf = mAsOf->typedDate();
    if (!asOf)
        return Error{tr("Stand: %1").arg(asOf.error())};
    f.asOf = asOf.value();
    f.source = mSource->text().trimmed();
    f.ressortKey = mRessort->currentData().toString();
    return f;
}

QString NewFigureDialog::message() const
{
    return mMessage->isHidden() ? QString() : mMessage->text();
}

void NewFigureDialog::refuse(const QString &message)
{
    mMessage->setText(message);
    mMessage->show();
}

void NewFigureDialog::accept()
{
    Result<Figure> f = figureFromFields();
    if (!f) {
        refuse(f.error());
        return;
    }
    if (mCommit) {
        if (Result<void> r = mCommit(f.value()); !r) {
            refuse(r.error());
            return;
        }
    }
    mFigure = f.value();
    mMessage->clear();
    mMessage->hide();
    QDialog::accept();
}

FigurePanel::FigurePanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent), mModel(new FigureTableModel(this)), mProxy(new FigureFilterModel(mModel, this)),
      mFilter(new QLineEdit(this)), mCount(new QLabel(this)),
      mNewButton(new QPushButton(tr("&Neue Zahl …"), this)),
      mInsertButton(new QPushButton(tr("&Einfügen"), this)), mView(new FigureView(this)),
      mDetailTitle(new QLabel(this)), mHistoryHeading(new QLabel(this)), mHistory(new QListWidget(this)),
      mUsesHeading(new QLabel(this)), mUses(new QListWidget(this)), mStatus(new QLabel(this))
{
    setWindowTitle(tr("Zahlen"));

    mFilter->setPlaceholderText(tr("Filtern nach Schlüssel, Bezeichnung, Quelle, Einheit …"));
    mFilter->setClearButtonEnabled(true);
    mFilter->setAccessibleName(tr("Zahlen filtern"));
    connect(mFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        mProxy->setFilterText(text);
        if (currentKey().isEmpty() && !mLastKey.isEmpty())
            selectFigure(mLastKey);
        currentMaybeChanged();
        updateCount();
    });
    mCount->setAccessibleName(tr("Anzahl der Zahlen"));
    mNewButton->setAccessibleName(tr("Neue Zahl anlegen"));
    connect(mNewButton, &QPushButton::clicked, this, [this] { openNewFigureDialog(); });
    mInsertButton->setAccessibleName(tr("Zahl in die Vorlage einfügen"));
    mInsertButton->setToolTip(
        tr("Zitiert die gewählte Zahl an der Schreibmarke (auch Eingabetaste)"));
    connect(mInsertButton, &QPushButton::clicked, this, [this] { requestInsert(mView->currentIndex()); });

    mView->setModel(mProxy);
    mView->setAccessibleName(tr("Zahlen"));
    mView->setAlternatingRowColors(true);
    mView->setSelectionBehavior(QAbstractItemView::SelectRows);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    // A double-click, F2 or typing edits the cell; only Enter and the button insert the figure, so that
    // a double-click meant to correct a value never changes the text.
    mView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                           QAbstractItemView::AnyKeyPressed);
    mView->setWordWrap(false);
    mView->setSortingEnabled(true);
    mView->sortByColumn(FigureTableModel::KeyColumn, Qt::AscendingOrder);
    // Fixed row heights and no fitting to contents: both would measure all 100,000 rows.
    mView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    mView->verticalHeader()->setDefaultSectionSize(mView->fontMetrics().height() + 8);
    mView->verticalHeader()->hide();
    mView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    mView->horizontalHeader()->setStretchLastSection(true);
    mView->setColumnWidth(FigureTableModel::KeyColumn, 180);
    mView->setColumnWidth(FigureTableModel::LabelColumn, 260);
    mView->setColumnWidth(FigureTableModel::ValueColumn, 110);
    mView->setColumnWidth(FigureTableModel::AsOfColumn, 90);
    mView->setColumnWidth(FigureTableModel::SourceColumn, 200);
    mView->setColumnWidth(FigureTableModel::RessortColumn, 200);
    static_cast<FigureView *>(mView)->enterPressed = [this](const QModelIndex &index) {
        requestInsert(index);
    };
    connect(mView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &FigurePanel::updateDetails);

    connect(mModel, &FigureTableModel::editRefused, this, &FigurePanel::showMessage);
    connect(mModel, &FigureTableModel::figureEdited, this, [this](const Figure &f) { saveFigure(f); });
    connect(mProxy, &QAbstractItemModel::rowsInserted, this, &FigurePanel::updateCount);
    connect(mProxy, &QAbstractItemModel::rowsRemoved, this, &FigurePanel::updateCount);
    connect(mProxy, &QAbstractItemModel::modelReset, this, &FigurePanel::updateCount);
    // A filter that hides the current row does not always say so through the selection model.
    connect(mProxy, &QAbstractItemModel::rowsRemoved, this, &FigurePanel::currentMaybeChanged);
    connect(mProxy, &QAbstractItemModel::layoutChanged, this, &FigurePanel::currentMaybeChanged);
    connect(mProxy, &QAbstractItemModel::modelReset, this, &FigurePanel::currentMaybeChanged);

    mDetailTitle->setWordWrap(true);
    mDetailTitle->setTextFormat(Qt::PlainText);
    mDetailTitle->setAccessibleName(tr("Gewählte Zahl"));
    mHistory->setAccessibleName(tr("Verlauf der Zahl"));
    mHistory->setWordWrap(true);
    mHistoryHeading->setBuddy(mHistory);
    mUses->setAccessibleName(tr("Verwendungen der Zahl"));
    mUses->setWordWrap(true);
    mUses->setToolTip(tr("Doppelklick öffnet die Vorlage"));
    mUsesHeading->setBuddy(mUses);
    connect(mUses, &QListWidget::itemDoubleClicked, this, &FigurePanel::activateUse);

    mStatus->setWordWrap(true);
    mStatus->setTextFormat(Qt::PlainText);
    mStatus->setAccessibleName(tr("Meldung"));

    auto *top = new QWidget(this);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(mFilter, 1);
    filterRow->addWidget(mCount);
    filterRow->addWidget(mNewButton);
    filterRow->addWidget(mInsertButton);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(filterRow);
    topLayout->addWidget(mView, 1);

    auto *details = new QWidget(this);
    auto *historyColumn = new QVBoxLayout;
    historyColumn->addWidget(mHistoryHeading);
    historyColumn->addWidget(mHistory, 1);
    auto *usesColumn = new QVBoxLayout;
    usesColumn->addWidget(mUsesHeading);
    usesColumn->addWidget(mUses, 1);
    // Docked below the editor the panel is wide and low: the details go beside the table.
    auto *lists = new QVBoxLayout;
    lists->addLayout(historyColumn, 1);
    lists->addLayout(usesColumn, 1);
    auto *detailLayout = new QVBoxLayout(details);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(mDetailTitle);
    detailLayout->addLayout(lists, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(top);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(mStatus);

    setWorkspace(workspace);
}

FigurePanel::~FigurePanel() = default;

void FigurePanel::setWorkspace(Workspace *workspace)
{
    mWorkspace = workspace;
    mNewButton->setEnabled(mWorkspace != nullptr);
    mView->setEnabled(mWorkspace != nullptr);
    mFilter->setEnabled(mWorkspace != nullptr);
    reload();
}

void FigurePanel::reload()
{
    const QString current = currentKey();
    if (!mWorkspace) {
        mModel->setFigures({});
        updateDetails();
        return;
    }
    Result<QList<Figure>> figures = mWorkspace->figures();
    if (!figures) {
        showMessage(tr("Die Zahlen können nicht gelesen werden: %1").arg(figures.error()));
        return;
    }
    mModel->setNumberStyle(mWorkspace->numberStyle());
    mModel->setRessorts(mWorkspace->ressorts());
    mModel->setFigures(figures.value());
    if (current.isEmpty() || !selectFigure(current))
        updateDetails();
    updateCount();
}

void FigurePanel::setFilterText(const QString &text)
{
    mFilter->setText(text);
}

QString FigurePanel::filterText() const
{
    return mFilter->text();
}

bool FigurePanel::selectFigure(const QString &key)
{
    const int row = mModel->rowOf(key);
    if (row < 0)
        return false;
    const QModelIndex index = mProxy->mapFromSource(mModel->index(row, FigureTableModel::ValueColumn));
    if (!index.isValid())
        return false;
    mView->setCurrentIndex(index);
    mView->scrollTo(index);
    updateDetails();
    return true;
}

QString FigurePanel::currentKey() const
{
    const QModelIndex index = mView->currentIndex();
    return index.isValid() ? index.data(FigureTableModel::KeyRole).toString() : QString();
}

QString FigurePanel::currentUser() const
{
    // The window sets the workspace's author from the profile; a panel on its own asks the profile.
    if (mWorkspace && !mWorkspace->author().isEmpty())
        return mWorkspace->author();
    return UserProfile::load().author();
}

Result<void> FigurePanel::saveFigure(const Figure &figure)
{
    if (!mWorkspace) {
        const QString message =
            tr("Kein Arbeitsbereich geöffnet: die Zahl „%1“ wurde nicht gespeichert.").arg(figure.key);
        showMessage(message);
        return Error{message};
    }
    if (Result<void> written = mWorkspace->setFigure(figure, currentUser()); !written) {
        const QString message =
            tr("Die Zahl „%1“ wurde nicht gespeichert: %2").arg(figure.key, written.error());
        showMessage(message);
        // The table shows what is stored, not the refused edit.
        if (Result<Figure> stored = mWorkspace->figure(figure.key))
            mModel->updateFigure(stored.value());
        return Error{message};
    }
    Result<Figure> stored = mWorkspace->figure(figure.key);
    const Figure shown = stored ? stored.value() : figure;
    mModel->updateFigure(shown);
    showMessage(
        tr("Zahl „%1“ gespeichert: %2").arg(shown.key, formatFigureValue(shown, mModel->numberStyle())));
    if (currentKey() == figure.key)
        updateDetails();
    emit figureChanged(figure.key);
    return {};
}

NewFigureDialog *FigurePanel::openNewFigureDialog()
{
    if (!mWorkspace)
        return nullptr;
    auto *dialog = new NewFigureDialog(
        mWorkspace->ressorts(),
        [this](const QString &key) {
            return mModel->rowOf(key) >= 0 || (mWorkspace && mWorkspace->figure(key).ok());
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setCommit([this](const Figure &f) { return saveFigure(f); });
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString key = dialog->figure().key;
        // A new figure the filter hides would seem lost.
        if (!selectFigure(key)) {
            mFilter->clear();
            selectFigure(key);
        }
    });
    dialog->open();
    return dialog;
}

QStringList FigurePanel::historyLines() const
{
    QStringList lines;
    for (int i = 0; i < mHistory->count(); ++i)
        lines << mHistory->item(i)->text();
    return lines;
}

QStringList FigurePanel::useLines() const
{
    QStringList lines;
    for (int i = 0; i < mUses->count(); ++i)
        lines << mUses->item(i)->text();
    return lines;
}

void FigurePanel::showMessage(const QString &message)
{
    mLastMessage = message;
    mStatus->setText(message);
}

void FigurePanel::updateCount()
{
    const int shown = mProxy->rowCount();
    const int all = mModel->rowCount();
    mCount->setText(shown == all ? tr("%1 Zahlen").arg(count(all))
                                 : tr("%1 von %2 Zahlen").arg(count(shown), count(all)));
}

QString FigurePanel::historyLine(const Figure &figure, const FigureChange &change) const
{
    const auto shown = [&figure, this](const QString &value) {
        if (value.isEmpty())
            return QStringLiteral("–");
        Figure f = figure;
        f.value = value;
        return formatFigureValue(f, mModel->numberStyle());
    };
    const QString who = change.who.isEmpty() ? tr("unbekannt") : change.who;
    const QString when = change.when.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
    return tr("%1 → %2 · %3 · %4").arg(shown(change.oldValue), shown(change.newValue), who, when);
}

void FigurePanel::currentMaybeChanged()
{
    if (currentKey() != mShownKey)
        updateDetails();
}

void FigurePanel::updateDetails()
{
    mHistory->clear();
    mUses->clear();
    const QString key = currentKey();
    mShownKey = key;
    if (!key.isEmpty())
        mLastKey = key;
    const int row = mModel->rowOf(key);
    mInsertButton->setEnabled(row >= 0);
    if (row < 0 || !mWorkspace) {
        mDetailTitle->setText(tr("Keine Zahl gewählt."));
        mHistoryHeading->setText(tr("Verlauf"));
        mUsesHeading->setText(tr("Verwendet in"));
        return;
    }
    const Figure &figure = mModel->figureAt(row);
    QString title =
        tr("%1 — %2: %3").arg(figure.key, figure.label, formatFigureValue(figure, mModel->numberStyle()));
    if (!figure.note.isEmpty())
        title += QLatin1Char('\n') + tr("Notiz: %1").arg(figure.note);
    mDetailTitle->setText(title);

    Result<QList<FigureChange>> history = mWorkspace->figureHistory(key);
    if (!history) {
        showMessage(history.error());
    } else {
        for (auto it = history->crbegin(); it != history->crend(); ++it)
            mHistory->addItem(historyLine(figure, *it));
        mHistoryHeading->setText(history->size() == 1 ? tr("Verlauf (1 Änderung)")
                                                      : tr("Verlauf (%1 Änderungen)").arg(history->size()));
    }

    Result<QList<Workspace::FigureUse>> uses = mWorkspace->figureUses(key);
    if (!uses) {
        showMessage(uses.error());
        return;
    }
    for (const Workspace::FigureUse &use : uses.value()) {
        const QString id = QString::number(use.vorlageId);
        const QString line = use.section.isEmpty()
                                 ? tr("Vorlage %1: %2").arg(id, use.title)
                                 : tr("Vorlage %1: %2 — Abschnitt %3").arg(id, use.title, use.section);
        auto *item = new QListWidgetItem(line, mUses);
        item->setData(Qt::UserRole, use.vorlageId);
        item->setData(Qt::UserRole + 1, use.section);
    }
    if (uses->isEmpty())
        mUsesHeading->setText(tr("In keiner Vorlage verwendet"));
    else if (uses->size() == 1)
        mUsesHeading->setText(tr("Verwendet in 1 Abschnitt"));
    else
        mUsesHeading->setText(tr("Verwendet in %1 Abschnitten").arg(uses->size()));
}

void FigurePanel::requestInsert(const QModelIndex &index)
{
    if (index.isValid())
        emit insertRequested(index.data(FigureTableModel::KeyRole).toString());
}

void FigurePanel::activateUse(QListWidgetItem *item)
{
    if (item)
        emit useActivated(item->data(Qt::UserRole).toLongLong(), item->data(Qt::UserRole + 1).toString());
}

} // namespace vw
