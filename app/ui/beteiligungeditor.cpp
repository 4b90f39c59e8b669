#include "beteiligungeditor.h"

#include "dateedit.h"

#include "beteiligung.h"
#include "commands.h"
#include "ressorts.h"
#include "vorlagedocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vw {

namespace {


QList<Participation::State> allStates()
{
    return {Participation::State::Angefragt, Participation::State::Zugestimmt,
            Participation::State::ZugestimmtMitMassgabe, Participation::State::Einwaende};
}

} // namespace

QStringList BeteiligungEditor::freeEntries()
{
    return {tr("Magistrat Bremerhaven"), tr("Gesamtpersonalrat"), tr("Frauenbeauftragte / ZGF"),
            tr("Landesbeauftragte für Datenschutz und Informationsfreiheit"), tr("Senatskanzlei"),
            tr("Schwerbehindertenvertretung")};
}

BeteiligungEditor::BeteiligungEditor(VorlageDocument *document, const RessortTable &ressorts, QWidget *parent)
    : QWidget(parent), mDocument(document), mRessorts(ressorts), mSummary(new QLabel(this)),
      mTable(new QTableWidget(0, ColumnCount, this)), mAddCombo(new QComboBox(this)),
      mAdd(new QPushButton(tr("&Hinzufügen"), this)), mRemove(new QPushButton(tr("Entfernen"), this)),
      mPropose(new QPushButton(tr("Abschnitt &E vorschlagen"), this)),
      mAttach(new QPushButton(tr("Einwände als &Anlage anhängen"), this))
{
    setObjectName(QStringLiteral("beteiligungEditor"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 8);

    auto *headingRow = new QHBoxLayout;
    auto *heading = new QLabel(tr("Beteiligung"), this);
    heading->setToolTip(tr("Mitzeichnung: die beteiligten Ressorts und Stellen"));
    heading->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 12pt;"));
    mSummary->setStyleSheet(QStringLiteral("color: #555;"));
    mSummary->setWordWrap(true); // may shrink: the page must fit the window
    headingRow->addWidget(heading);
    headingRow->addStretch(1);
    headingRow->addWidget(mPropose);
    headingRow->addWidget(mAttach);
    layout->addLayout(headingRow);
    layout->addWidget(mSummary);

    mTable->setHorizontalHeaderLabels(
        {tr("Ressort / Stelle"), tr("Stand"), tr("Datum"), tr("Maßgabe / Einwände"), tr("Ausgeräumt")});
    mTable->verticalHeader()->hide();
    mTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    mTable->setSelectionMode(QAbstractItemView::SingleSelection);
    mTable->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                            QAbstractItemView::AnyKeyPressed);
    mTable->setWordWrap(true);
    mTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView *header = mTable->horizontalHeader();
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    // The state and date cells are widgets, which ResizeToContents does not measure.
    header->setSectionResizeMode(StateColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(DateColumn, QHeaderView::Fixed);
    header->resizeSection(StateColumn, QComboBox().fontMetrics().horizontalAdvance(tr("zugestimmt mit Maßgabe")) + 34);
    header->resizeSection(DateColumn, DateEdit().sizeHint().width() + 4);
    header->setSectionResizeMode(TextColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ResolvedColumn, QHeaderView::ResizeToContents);
    mTable->setToolTip(tr("Doppelklick auf „Maßgabe / Einwände“, um den Text zu bearbeiten"));
    layout->addWidget(mTable);

    auto *buttons = new QHBoxLayout;
    mAddCombo->setEditable(true);
    mAddCombo->setInsertPolicy(QComboBox::NoInsert);
    mAddCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    mAddCombo->setMinimumContentsLength(18);
    mAddCombo->lineEdit()->setPlaceholderText(tr("Ressort oder Stelle …"));
    mAddCombo->setToolTip(tr("Ein Ressort aus der Liste oder eine freie Angabe, z. B. Magistrat Bremerhaven"));
    buttons->addWidget(mAddCombo, 1);
    buttons->addWidget(mAdd);
    buttons->addWidget(mRemove);
    layout->addLayout(buttons);
    mPropose->setToolTip(tr("Den Text von Abschnitt E aus dieser Liste vorschlagen (rückgängig zu machen)"));
    mAttach->setToolTip(tr("Die Einwände der gewählten Stelle als interne Anlage an die Vorlage hängen"));

    connect(mAdd, &QPushButton::clicked, this, [this] {
        if (addEntry(mAddCombo->currentText()))
            mAddCombo->setCurrentText(QString());
    });
    connect(mAddCombo->lineEdit(), &QLineEdit::returnPressed, mAdd, &QPushButton::click);
    connect(mRemove, &QPushButton::clicked, this, [this] { removeEntry(currentRow()); });
    connect(mPropose, &QPushButton::clicked, this, &BeteiligungEditor::askAndProposeSectionE);
    connect(mAttach, &QPushButton::clicked, this, [this] {
        if (!attachObjection(currentRow()))
            QMessageBox::information(this, tr("Einwände anhängen"),
                                     tr("Diese Einwände hängen schon als Anlage an der Vorlage."));
    });
    connect(mTable, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (mUpdating)
            return;
        if (item->column() == TextColumn)
            setText(item->row(), item->text());
        else if (item->column() == ResolvedColumn)
            setResolved(item->row(), item->checkState() == Qt::Checked);
    });
    connect(mTable, &QTableWidget::currentCellChanged, this, &BeteiligungEditor::updateButtons);
    connect(mDocument, &VorlageDocument::changed, this, [this](const Place &place) {
        if (place.kind == Place::Kind::Beteiligung || place.kind == Place::Kind::Anlage ||
            place == Place{Place::Kind::Header, QStringLiteral("date")})
            refresh();
    });
    connect(mDocument, &VorlageDocument::reloaded, this, &BeteiligungEditor::refresh);
    fillAddCombo();
    refresh();
}

void BeteiligungEditor::fillAddCombo()
{
    const QSignalBlocker block(mAddCombo);
    mAddCombo->clear();
    const QDate date = mDocument->vorlage().date;
    for (const QString &key : mRessorts.keysOn(date))
        mAddCombo->addItem(mRessorts.displayName(key, QString(), date), key);
    mAddCombo->insertSeparator(mAddCombo->count());
    for (const QString &name : freeEntries())
        mAddCombo->addItem(name);
    mAddCombo->setCurrentIndex(-1);
    mAddCombo->setCurrentText(QString());
}

int BeteiligungEditor::currentRow() const
{
    return mTable->currentRow();
}

void BeteiligungEditor::selectRow(int row)
{
    mTable->setCurrentCell(row, NameColumn);
}

void BeteiligungEditor::change(const std::function<void(QList<Participation> &)> &edit, const QString &text)
{
    QList<Participation> list = mDocument->vorlage().beteiligung;
    edit(list);
    Commands::setBeteiligung(mDocument, list, text);
}

bool BeteiligungEditor::addEntry(const QString &nameOrKey)
{
    const QString text = nameOrKey.trimmed();
    if (text.isEmpty() || mDocument->isReadOnly())
        return false;
    Participation entry;
    entry.id = newItemId();
    const int item = mAddCombo->findText(text, Qt::MatchFixedString);
    if (item >= 0 && !mAddCombo->itemData(item).toString().isEmpty())
        entry.ressortKey = mAddCombo->itemData(item).toString();
    else if (mRessorts.hasKey(text))
        entry.ressortKey = text;
    else
        entry.ressortKey = mRessorts.keyForName(text);
    if (entry.ressortKey.isEmpty())
        entry.name = text;
    entry.date = QDate::currentDate();
    const Vorlage &v = mDocument->vorlage();
    const QString name = participantName(v, entry, mRessorts);
    for (int i = 0; i < v.beteiligung.size(); ++i) {
        const Participation &p = v.beteiligung[i];
        if ((!entry.ressortKey.isEmpty() && p.ressortKey == entry.ressortKey) ||
            participantName(v, p, mRessorts).compare(name, Qt::CaseInsensitive) == 0) {
            selectRow(i);
            return false;
        }
    }
    change([&entry](QList<Participation> &l) { l.append(entry); }, tr("Beteiligung: %1 hinzufügen").arg(name));
    selectRow(int(mDocument->vorlage().beteiligung.size()) - 1);
    return true;
}

void BeteiligungEditor::setState(int row, Participation::State state)
{
    if (row < 0 || row >= mDocument->vorlage().beteiligung.size())
        return;
    change(
        [row, state](QList<Participation> &l) {
            if (l[row].state == state)
                return;
            l[row].state = state;
            l[row].resolved = false;
            l[row].date = QDate::currentDate(); // the date of the answer, as on the command line
        },
        tr("Beteiligung: Stand ändern"));
}

void BeteiligungEditor::setDate(int row, const QDate &date)
{
    if (row < 0 || row >= mDocument->vorlage().beteiligung.size())
        return;
    change([row, date](QList<Participation> &l) { l[row].date = date; }, tr("Beteiligung: Datum ändern"));
}

void BeteiligungEditor::setText(int row, const QString &text)
{
    if (row < 0 || row >= mDocument->vorlage().beteiligung.size())
        return;
    change([row, &text](QList<Participation> &l) { l[row].text = text.trimmed(); },
           tr("Beteiligung: Maßgabe/Einwände ändern"));
    updateRow(row); // a refused change (read-only) shows the model's text again
}

void BeteiligungEditor::setResolved(int row, bool resolved)
{
    if (row < 0 || row >= mDocument->vorlage().beteiligung.size())
        return;
    if (mDocument->isReadOnly()) {
        if (mSettle) {
            if (auto r = mSettle(mDocument->vorlage().beteiligung[row].id, resolved); !r)
                QMessageBox::warning(this, tr("Einwände"), r.error());
        }
        updateRow(row);
        return;
    }
    change([row, resolved](QList<Participation> &l) { l[row].resolved = resolved; },
           resolved ? tr("Beteiligung: Einwände ausgeräumt") : tr("Beteiligung: Einwände wieder offen"));
    updateRow(row);
}

void BeteiligungEditor::removeEntry(int row)
{
    const Vorlage &v = mDocument->vorlage();
    if (row < 0 || row >= v.beteiligung.size())
        return;
    const QString name = participantName(v, v.beteiligung[row], mRessorts);
    change([row](QList<Participation> &l) { l.removeAt(row); }, tr("Beteiligung: %1 entfernen").arg(name));
}

bool BeteiligungEditor::proposeSectionE()
{
    const Vorlage &v = mDocument->vorlage();
    if (!v.section(QStringLiteral("E")) || mDocument->isReadOnly())
        return false;
    Vorlage proposal = v;
    proposal.section(QStringLiteral("E"))->content = beteiligungProposal(v, mRessorts);
    Commands::replaceSection(mDocument, QStringLiteral("E"), proposal);
    return true;
}

void BeteiligungEditor::askAndProposeSectionE()
{
    const Section *e = mDocument->vorlage().section(QStringLiteral("E"));
    if (!e)
        return;
    if (!contentPlainText(e->content).trimmed().isEmpty() &&
        QMessageBox::question(this, tr("Abschnitt E vorschlagen"),
                              tr("Der Text von Abschnitt E „%1“ wird durch einen Vorschlag aus der Beteiligung "
                                 "ersetzt. Sie können das mit „Rückgängig“ zurücknehmen.")
                                  .arg(e->heading),
                              QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok) != QMessageBox::Ok)
        return;
    proposeSectionE();
}

bool BeteiligungEditor::attachObjection(int row)
{
    const Vorlage &v = mDocument->vorlage();
    if (row < 0 || row >= v.beteiligung.size() || v.beteiligung[row].state != Participation::State::Einwaende ||
        mDocument->isReadOnly())
        return false;
    const Anlage anlage = objectionAnlage(v, v.beteiligung[row], mRessorts);
    for (const Anlage &a : v.anlagen)
        if (a.title == anlage.title && a.text == anlage.text)
            return false;
    Commands::setAnlagen(mDocument, v.anlagen + QList<Anlage>{anlage}, tr("Einwände als Anlage anhängen"));
    return true;
}

void BeteiligungEditor::refresh()
{
    const Vorlage &v = mDocument->vorlage();
    QStringList ids;
    for (const Participation &p : v.beteiligung)
        ids << p.id;
    if (ids != mShownIds) {
        rebuild();
    } else {
        for (int row = 0; row < ids.size(); ++row)
            updateRow(row);
    }
    int agreed = 0, open = 0, asked = 0;
    for (const Participation &p : v.beteiligung) {
        if (p.isOpenObjection())
            ++open;
        else if (p.state == Participation::State::Angefragt)
            ++asked;
        else
            ++agreed;
    }
    QStringList summary;
    if (v.beteiligung.isEmpty())
        summary << tr("noch niemand beteiligt");
    if (agreed)
        summary << tr("%n zugestimmt", nullptr, agreed);
    if (asked)
        summary << tr("%n angefragt", nullptr, asked);
    if (open)
        summary << tr("%n mit offenen Einwänden", nullptr, open);
    mSummary->setText(summary.join(QStringLiteral(" · ")));
    mSummary->setStyleSheet(open ? QStringLiteral("color: #a33a00; font-weight: bold;") : QStringLiteral("color: #555;"));
    updateButtons();
}

void BeteiligungEditor::rebuild()
{
    const Vorlage &v = mDocument->vorlage();
    const int current = currentRow();
    mUpdating = true;
    mTable->setRowCount(0);
    mShownIds.clear();
    const bool readOnly = mDocument->isReadOnly();
    for (int row = 0; row < v.beteiligung.size(); ++row) {
        mShownIds << v.beteiligung[row].id;
        mTable->insertRow(row);
        auto *name = new QTableWidgetItem;
        name->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        mTable->setItem(row, NameColumn, name);
        mTable->setItem(row, TextColumn, new QTableWidgetItem);
        mTable->setItem(row, ResolvedColumn, new QTableWidgetItem);

        auto *state = new QComboBox(mTable);
        for (Participation::State s : allStates())
            state->addItem(participationStateLabel(s), int(s));
        state->setEnabled(!readOnly);
        const QString id = v.beteiligung[row].id; // the row of an entry can change; its id does not
        connect(state, &QComboBox::activated, this, [this, state, id] {
            setState(int(mShownIds.indexOf(id)), Participation::State(state->currentData().toInt()));
        });
        mTable->setCellWidget(row, StateColumn, state);

        auto *date = new DateEdit(mTable);
        date->setReadOnly(readOnly);
        date->setFrame(false);
        date->setReferenceDate(v.date);
        connect(date, &DateEdit::dateChanged, this, [this, id](const QDate &d) { setDate(int(mShownIds.indexOf(id)), d); });
        mTable->setCellWidget(row, DateColumn, date);
        updateRow(row);
    }
    mUpdating = false;
    mTable->resizeRowsToContents();
    // As tall as its rows: the page scrolls, not the table.
    int height = mTable->horizontalHeader()->height() + 2 * mTable->frameWidth();
    for (int row = 0; row < mTable->rowCount(); ++row)
        height += mTable->rowHeight(row);
    mTable->setFixedHeight(std::max(height, mTable->horizontalHeader()->height() + 2 * mTable->frameWidth() + 28));
    if (current >= 0 && current < mTable->rowCount())
        selectRow(current);
}

void BeteiligungEditor::updateRow(int row)
{
    const Vorlage &v = mDocument->vorlage();
    if (row < 0 || row >= v.beteiligung.size() || row >= mTable->rowCount())
        return;
    const Participation &p = v.beteiligung[row];
    const bool wasUpdating = mUpdating;
    mUpdating = true;
    const bool readOnly = mDocument->isReadOnly();
    QTableWidgetItem *name = mTable->item(row, NameColumn);
    name->setText(participantName(v, p, mRessorts));
    name->setToolTip(p.ressortKey.isEmpty() ? tr("Freie Angabe") : tr("Ressort „%1“").arg(p.ressortKey));
    if (auto *state = qobject_cast<QComboBox *>(mTable->cellWidget(row, StateColumn))) {
        const QSignalBlocker block(state);
        state->setCurrentIndex(state->findData(int(p.state)));
    }
    if (auto *date = qobject_cast<DateEdit *>(mTable->cellWidget(row, DateColumn))) {
        if (date->date() != p.date)
            date->setDate(p.date);
    }
    QTableWidgetItem *text = mTable->item(row, TextColumn);
    text->setText(p.text);
    text->setToolTip(p.text);
    const bool hasText = p.state == Participation::State::ZugestimmtMitMassgabe || p.state == Participation::State::Einwaende;
    Qt::ItemFlags textFlags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!readOnly)
        textFlags |= Qt::ItemIsEditable;
    text->setFlags(textFlags);
    text->setForeground(hasText || !p.text.isEmpty() ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
    QTableWidgetItem *resolved = mTable->item(row, ResolvedColumn);
    if (p.state == Participation::State::Einwaende) {
        Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
        if (!readOnly || mSettle)
            flags |= Qt::ItemIsUserCheckable;
        resolved->setFlags(flags);
        resolved->setCheckState(p.resolved ? Qt::Checked : Qt::Unchecked);
        resolved->setText(p.resolved ? tr("ja") : tr("offen"));
        resolved->setForeground(p.resolved ? palette().color(QPalette::Text) : QColor(0xa33a00));
    } else {
        resolved->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
        resolved->setData(Qt::CheckStateRole, QVariant());
        resolved->setText(QString());
    }
    mUpdating = wasUpdating;
}

void BeteiligungEditor::updateButtons()
{
    const Vorlage &v = mDocument->vorlage();
    const bool editable = !mDocument->isReadOnly();
    const int row = currentRow();
    const bool valid = row >= 0 && row < v.beteiligung.size();
    mAddCombo->setEnabled(editable);
    mAdd->setEnabled(editable);
    mRemove->setEnabled(editable && valid);
    mPropose->setEnabled(editable && v.section(QStringLiteral("E")) != nullptr);
    mAttach->setEnabled(editable && valid && v.beteiligung[row].state == Participation::State::Einwaende);
    mTable->setEditTriggers(editable ? QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                                           QAbstractItemView::AnyKeyPressed
                                     : QAbstractItemView::NoEditTriggers);
}

} // namespace vw
