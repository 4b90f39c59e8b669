#include "figuretablemodel.h"

#include "dateedit.h"
#include "vorlage.h"

namespace vw {

FigureTableModel::FigureTableModel(QObject *parent) : QAbstractTableModel(parent)
{
    for (FigureType type : allFigureTypes())
        mTypeLabels << figureTypeLabel(type);
}

FigureTableModel::RowCache FigureTableModel::cacheFor(const Figure &figure) const
{
    RowCache cache;
    if (figure.type == FigureType::Date) {
        const QDate date = QDate::fromString(figure.value, Qt::ISODate);
        if (date.isValid()) {
            cache.valueRank = 1;
            cache.value = double(date.toJulianDay());
        }
    } else {
        bool ok = false;
        cache.value = figure.value.toDouble(&ok);
        cache.valueRank = ok ? 0 : 2;
    }
    cache.ressort = ressortName(figure);
    return cache;
}

const FigureTableModel::RowCache &FigureTableModel::cacheAt(int row) const
{
    if (mCache.size() != mFigures.size()) {
        mCache.resize(mFigures.size());
        for (qsizetype i = 0; i < mFigures.size(); ++i)
            mCache[i] = cacheFor(mFigures.at(i));
    }
    return mCache.at(row);
}

void FigureTableModel::updateCache(int row)
{
    if (row < mCache.size())
        mCache[row] = cacheFor(mFigures.at(row));
    else if (row == mCache.size() && row == mFigures.size() - 1)
        mCache.append(cacheFor(mFigures.at(row)));
}

QString FigureTableModel::ressortName(const Figure &figure) const
{
    if (figure.ressortKey.isEmpty())
        return QString();
    const QString name = mRessorts.displayName(figure.ressortKey, QString(), figure.asOf);
    // An unknown key is still shown, so that the row says what it refers to.
    return name.isEmpty() ? figure.ressortKey : name;
}

void FigureTableModel::setFigures(const QList<Figure> &figures)
{
    beginResetModel();
    mFigures = figures;
    mCache.clear();
    mRows.clear();
    mRows.reserve(mFigures.size());
    // at(), not []: the list is shared with the caller's, and [] would copy all of it.
    for (int row = 0; row < mFigures.size(); ++row)
        mRows.insert(mFigures.at(row).key, row);
    endResetModel();
}

void FigureTableModel::updateFigure(const Figure &figure)
{
    const int row = rowOf(figure.key);
    if (row >= 0) {
        if (mFigures.at(row) == figure)
            return;
        mFigures[row] = figure;
        updateCache(row);
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Appended, not put in key order: the rows after it keep their numbers, and views sort anyway.
    const int newRow = int(mFigures.size());
    beginInsertRows({}, newRow, newRow);
    mFigures.append(figure);
    updateCache(newRow);
    mRows.insert(figure.key, newRow);
    endInsertRows();
}

void FigureTableModel::setNumberStyle(const NumberStyle &style)
{
    if (style == mStyle)
        return;
    mStyle = style;
    if (!mFigures.isEmpty())
        emit dataChanged(index(0, ValueColumn), index(int(mFigures.size()) - 1, ValueColumn));
}

void FigureTableModel::setRessorts(const RessortTable &ressorts)
{
    mRessorts = ressorts;
    mCache.clear();
    if (!mFigures.isEmpty())
        emit dataChanged(index(0, RessortColumn), index(int(mFigures.size()) - 1, RessortColumn));
}

bool FigureTableModel::rowMatches(int row, const QStringList &words) const
{
    const Figure &f = mFigures.at(row);
    for (const QString &word : words) {
        if (!f.key.contains(word, Qt::CaseInsensitive) && !f.label.contains(word, Qt::CaseInsensitive) &&
            !f.source.contains(word, Qt::CaseInsensitive) && !f.unit.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

QString FigureTableModel::typingForm(const Figure &figure)
{
    Figure plain = figure;
    // The full amount, not "7,5 Mio.": a rounded form typed back unchanged would change the value.
    plain.millions = false;
    QString text = formatFigureValue(plain, NumberStyle{0});
    if (figure.type == FigureType::Amount)
        text.remove(QStringLiteral(" €"));
    else if (figure.type == FigureType::Percentage)
        text.remove(QStringLiteral(" %"));
    return text;
}

int FigureTableModel::compareRows(int leftRow, int rightRow, int column) const
{
    const Figure &a = mFigures.at(leftRow);
    const Figure &b = mFigures.at(rightRow);
    // Empty text and dates go last.
    const auto text = [](const QString &x, const QString &y) {
        if (x.isEmpty() != y.isEmpty())
            return x.isEmpty() ? 1 : -1;
        return QString::compare(x, y, Qt::CaseInsensitive);
    };
    switch (column) {
    case KeyColumn:
        return QString::compare(a.key, b.key);
    case LabelColumn:
        return text(a.label, b.label);
    case ValueColumn: {
        const RowCache &x = cacheAt(leftRow);
        const RowCache &y = cacheAt(rightRow);
        if (x.valueRank != y.valueRank)
            return x.valueRank - y.valueRank;
        return x.value < y.value ? -1 : (y.value < x.value ? 1 : 0);
    }
    case UnitColumn:
        return text(a.unit, b.unit);
    case AsOfColumn:
        if (a.asOf.isValid() != b.asOf.isValid())
            return a.asOf.isValid() ? -1 : 1;
        return a.asOf < b.asOf ? -1 : (b.asOf < a.asOf ? 1 : 0);
    case SourceColumn:
        return text(a.source, b.source);
    case RessortColumn:
        return text(cacheAt(leftRow).ressort, cacheAt(rightRow).ressort);
    case TypeColumn:
        // In the order of the types (whole numbers first), not of their names.
        return int(a.type) - int(b.type);
    case NoteColumn:
        return text(a.note, b.note);
    }
    return 0;
}

int FigureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mFigures.size());
}

int FigureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FigureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Figure &f = mFigures.at(index.row());
    const int column = index.column();
    switch (role) {
    case KeyRole:
        return f.key;
    case Qt::TextAlignmentRole:
        // Numbers line up at their last digit.
        return column == ValueColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        if (column == LabelColumn)
            return f.note.isEmpty() ? f.label : tr("%1\n\nNotiz: %2").arg(f.label, f.note);
        if (column == ValueColumn)
            return tr("%1 · %2").arg(formatFigureValue(f, mStyle), figureTypeLabel(f.type));
        if (column == NoteColumn)
            return f.note;
        return {};
    case SortRole:
        if (column == ValueColumn) {
            const RowCache &cache = cacheAt(index.row());
            if (cache.valueRank == 0)
                return cache.value;
            return cache.valueRank == 1 ? QVariant(QDate::fromJulianDay(qint64(cache.value))) : QVariant();
        }
        if (column == AsOfColumn)
            return f.asOf.isValid() ? QVariant(f.asOf) : QVariant();
        if (column == TypeColumn)
            return double(f.type);
        break;
    case Qt::EditRole:
        if (column == ValueColumn)
            return typingForm(f);
        break;
    case Qt::DisplayRole:
        if (column == ValueColumn)
            return formatFigureValue(f, mStyle);
        break;
    default:
        return {};
    }
    // The text of the column, the same for display, editing and sorting.
    switch (column) {
    case KeyColumn:
        return f.key;
    case LabelColumn:
        return f.label;
    case UnitColumn:
        return f.unit;
    case AsOfColumn:
        return germanDate(f.asOf);
    case SourceColumn:
        return f.source;
    case RessortColumn:
        return ressortName(f);
    case TypeColumn:
        return mTypeLabels.value(int(f.type));
    case NoteColumn:
        return f.note;
    }
    return {};
}

bool FigureTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const int row = index.row();
    Figure f = mFigures.at(row);
    const QString text = value.toString();
    const auto refuse = [this, &f](const QString &why) {
        emit editRefused(tr("Zahl „%1“ nicht geändert: %2").arg(f.key, why));
        return false;
    };
    switch (index.column()) {
    case LabelColumn:
        if (text.trimmed().isEmpty())
            return refuse(tr("Die Bezeichnung darf nicht leer sein."));
        f.label = text.trimmed();
        break;
    case ValueColumn: {
        const Result<QString> parsed = parseFigureValue(f.type, text);
        if (!parsed)
            return refuse(tr("%1 Erwartet wird: %2.").arg(parsed.error(), figureTypeLabel(f.type)));
        f.value = parsed.value();
        if (f.type == FigureType::Amount && text.contains(QStringLiteral("Mio")))
            f.millions = true;
        break;
    }
    case UnitColumn:
        f.unit = text.trimmed();
        break;
    case AsOfColumn: {
        // The same reading as every date field: "17.11." is this year, an impossible date is named.
        const Result<QDate> date = readTypedDate(text);
        if (!date)
            return refuse(date.error());
        f.asOf = date.value();
        break;
    }
    case SourceColumn:
        f.source = text.trimmed();
        break;
    case NoteColumn:
        f.note = text.trimmed();
        break;
    default:
        return false;
    }
    if (f == mFigures.at(row))
        return true;
    mFigures[row] = f;
    updateCache(row);
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
    // A copy: whoever listens may replace the row again (a failed write puts the stored figure back).
    emit figureEdited(f);
    return true;
}

Qt::ItemFlags FigureTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractTableModel::flags(index);
    Qt::ItemFlags result = QAbstractTableModel::flags(index) | Qt::ItemNeverHasChildren;
    switch (index.column()) {
    case LabelColumn:
    case ValueColumn:
    case UnitColumn:
    case AsOfColumn:
    case SourceColumn:
    case NoteColumn:
        result |= Qt::ItemIsEditable;
        break;
    default:
        break;
    }
    return result;
}

QVariant FigureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && section == ValueColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Schlüssel");
    case LabelColumn:
        return tr("Bezeichnung");
    case ValueColumn:
        return tr("Wert");
    case UnitColumn:
        return tr("Einheit");
    case AsOfColumn:
        return tr("Stand");
    case SourceColumn:
        return tr("Quelle");
    case RessortColumn:
        return tr("Ressort");
    case TypeColumn:
        return tr("Typ");
    case NoteColumn:
        return tr("Notiz");
    }
    return {};
}

FigureFilterModel::FigureFilterModel(FigureTableModel *source, QObject *parent)
    : QSortFilterProxyModel(parent), mSource(source)
{
    setSourceModel(source);
    setSortRole(FigureTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void FigureFilterModel::setFilterText(const QString &text)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    mText = text;
    if (words == mWords)
        return;
    mWords = words;
    // A layout change, not a filter change: QSortFilterProxyModel reports filtered rows range by range,
    // and a word found in every other row of 100,000 made each keystroke take over a second.
    invalidate();
}

bool FigureFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Straight to the figures: going through data() and QVariant for four columns of 100,000 rows
    // would be several times slower.
    return sourceParent.isValid() || mWords.isEmpty() || mSource->rowMatches(sourceRow, mWords);
}

bool FigureFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.model() == mSource && right.model() == mSource && left.column() == right.column())
        return mSource->compareRows(left.row(), right.row(), left.column()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace vw
