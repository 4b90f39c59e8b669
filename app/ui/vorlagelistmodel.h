#pragma once

#include "workspace.h"

#include <QAbstractTableModel>

namespace vw {

// The workspace's Vorlagen as a table: kind, title, session date, Ressort, status.
class VorlageListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TitleColumn, SessionColumn, RessortColumn, StatusColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(const QList<VorlageSummary> &rows);
    const QList<VorlageSummary> &rows() const { return mRows; }
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<VorlageSummary> mRows;
};

} // namespace vw
