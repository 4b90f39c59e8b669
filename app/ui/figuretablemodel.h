#pragma once

#include "figure.h"
#include "ressorts.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace vw {

// The workspace's figures as a table. Edits are checked here (a value must parse as its type) and
// announced with figureEdited(); writing them to the workspace is the owner's job, so the model can be
// tested without one.
class FigureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        KeyColumn,
        LabelColumn,
        ValueColumn,
        UnitColumn,
        AsOfColumn,
        SourceColumn,
        RessortColumn,
        TypeColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1,
        // Numbers as double, dates as QDate, text as QString: numeric and chronological sorting.
        SortRole,
    };

    explicit FigureTableModel(QObject *parent = nullptr);

    // Replaces all rows (a model reset).
    void setFigures(const QList<Figure> &figures);
    const QList<Figure> &figures() const { return mFigures; }
    const Figure &figureAt(int row) const { return mFigures.at(row); }
    int rowOf(const QString &key) const { return mRows.value(key, -1); }
    // Replaces the row with the figure's key (dataChanged for that row), or appends it.
    void updateFigure(const Figure &figure);

    void setNumberStyle(const NumberStyle &style);
    const NumberStyle &numberStyle() const { return mStyle; }
    void setRessorts(const RessortTable &ressorts);

    // Whether every word of `words` is in the row's key, label, source or unit, without regard to case.
    bool rowMatches(int row, const QStringList &words) const;
    // Orders two rows by a column as SortRole does, without going through QVariant: numbers numerically,
    // dates chronologically, text without regard to case, empty values last. Negative, zero or positive.
    int compareRows(int leftRow, int rightRow, int column) const;
    // "91430" as people type it: German decimal comma, no grouping, no unit ("7500000,50", "12,5").
    static QString typingForm(const Figure &figure);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // An edit was refused: why, in a sentence a user can act on.
    void editRefused(const QString &message);
    // An edit was accepted and the row shows it; the figure is complete, its value canonical.
    void figureEdited(const vw::Figure &figure);

private:
    // What sorting needs of a row, worked out once: parsing 100,000 values for every comparison would make
    // a click on a column header take seconds.
    struct RowCache {
        int valueRank = 2; // 0 number, 1 date, 2 none
        double value = 0;  // the number, or the date's Julian day
        QString ressort;   // the Ressort's name on the as-of date
    };
    RowCache cacheFor(const Figure &figure) const;
    // Built on the first sort that needs it, not on every load.
    const RowCache &cacheAt(int row) const;
    void updateCache(int row);
    QString ressortName(const Figure &figure) const;

    QList<Figure> mFigures;
    mutable QList<RowCache> mCache; // empty until needed
    QHash<QString, int> mRows;      // key → row
    QStringList mTypeLabels;        // by FigureType
    NumberStyle mStyle;
    RessortTable mRessorts;
};

// Sorts as FigureTableModel::compareRows() and filters by words in key, label, source and unit, without
// regard to case ("zugänge DATAPORT"). Fast enough to filter 100,000 rows on each keystroke.
class FigureFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FigureFilterModel(FigureTableModel *source, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    const QString &filterText() const { return mText; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    FigureTableModel *mSource;
    QString mText;
    QStringList mWords;
};

} // namespace vw
