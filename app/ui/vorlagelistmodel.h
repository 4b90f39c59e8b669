#pragma once

#include "workspace.h"

#include <QAbstractTableModel>
#include <QHash>

namespace vw {

// The workspace's Vorlagen as a table: kind, title, session date, Ressort, status.
class VorlageListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TitleColumn, SessionColumn, RessortColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<VorlageSummary> &rows);
    // Replaces the row of summary.id (dataChanged, so a proxy re-sorts and re-filters just that row);
    // false when the Vorlage is not listed.
    bool updateRow(const VorlageSummary &summary);
    const QList<VorlageSummary> &rows() const { return mRows; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VorlageSummary> mRows;
    QHash<qint64, int> mRowOfId; // a save updates one row of thousands without a search
};

} // namespace vw
