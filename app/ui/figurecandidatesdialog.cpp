#include "figurecandidatesdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vw {

namespace {
enum Column { TakeColumn, ValueColumn, ContextColumn, KeyColumn, LabelColumn };
}

FigureCandidatesDialog::FigureCandidatesDialog(const QList<NumberCandidate> &candidates, QWidget *parent)
    : QDialog(parent), mCandidates(candidates), mTable(new QTableWidget(int(candidates.size()), 5, this))
{
    setWindowTitle(tr("Zahlen aus der Vorlage übernehmen"));
    auto *intro = new QLabel(tr("Die importierte Vorlage nennt diese Zahlen. Angehakte Zahlen werden als Zahlen des "
                                "Arbeitsbereichs angelegt und im Text als Verweis eingesetzt; so bleiben sie überall "
                                "gleich. Schlüssel und Bezeichnung können Sie hier ändern."),
                             this);
    intro->setWordWrap(true);
    mTable->setHorizontalHeaderLabels({tr("Übernehmen"), tr("Zahl"), tr("Zusammenhang"), tr("Schlüssel"), tr("Bezeichnung")});
    mTable->verticalHeader()->hide();
    for (int row = 0; row < candidates.size(); ++row) {
        const NumberCandidate &c = candidates[row];
        auto *take = new QTableWidgetItem;
        take->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        take->setCheckState(Qt::Unchecked);
        mTable->setItem(row, TakeColumn, take);
        for (const auto &[column, text] : {std::pair{int(ValueColumn), c.typed}, std::pair{int(ContextColumn), c.context}}) {
            auto *item = new QTableWidgetItem(text);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            mTable->setItem(row, column, item);
        }
        mTable->setItem(row, KeyColumn, new QTableWidgetItem(c.proposal.key));
        mTable->setItem(row, LabelColumn, new QTableWidgetItem(c.proposal.label));
    }
    mTable->setWordWrap(false);
    mTable->resizeColumnsToContents();
    mTable->horizontalHeader()->setSectionResizeMode(ContextColumn, QHeaderView::Stretch);
    mTable->horizontalHeader()->setSectionResizeMode(LabelColumn, QHeaderView::Interactive);
    mTable->setColumnWidth(LabelColumn, 280);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Angehakte übernehmen"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Keine übernehmen"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(mTable, 1);
    layout->addWidget(buttons);
    resize(860, 420);
}

QList<NumberCandidate> FigureCandidatesDialog::chosen() const
{
    QList<NumberCandidate> result;
    for (int row = 0; row < mCandidates.size(); ++row) {
        if (mTable->item(row, TakeColumn)->checkState() != Qt::Checked)
            continue;
        NumberCandidate c = mCandidates[row];
        c.proposal.key = mTable->item(row, KeyColumn)->text().trimmed();
        c.proposal.label = mTable->item(row, LabelColumn)->text().trimmed();
        result << c;
    }
    return result;
}

} // namespace vw
