#include "vorlagelistmodel.h"

namespace vw {

void VorlageListModel::setRows(const QList<VorlageSummary> &rows)
{
    beginResetModel();
    mRows = rows;
    mRowOfId.clear();
    for (int i = 0; i < mRows.size(); ++i)
        mRowOfId.insert(mRows[i].id, i);
    endResetModel();
}

bool VorlageListModel::updateRow(const VorlageSummary &summary)
{
    const int row = rowOf(summary.id);
    if (row < 0)
        return false;
    mRows[row] = summary;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

int VorlageListModel::rowOf(qint64 id) const
{
    return mRowOfId.value(id, -1);
}

int VorlageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mRows.size());
}

int VorlageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VorlageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VorlageSummary &row = mRows[index.row()];
    if (role == IdRole)
        return row.id;
    if (role == Qt::ToolTipRole && index.column() == TitleColumn)
        return row.title;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case KindColumn:
        return kindLabel(row.kind);
    case TitleColumn:
        return row.title;
    case SessionColumn:
        // Sorting by date, showing it the German way.
        return role == SortRole ? QVariant(row.sessionDate) : QVariant(germanDate(row.sessionDate));
    case RessortColumn:
        return row.ressort;
    case StatusColumn:
        return statusLabel(row.status);
    }
    return {};
}

QVariant VorlageListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Art");
    case TitleColumn:
        return tr("Titel");
    case SessionColumn:
        return tr("Sitzung");
    case RessortColumn:
        return tr("Ressort");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace vw
