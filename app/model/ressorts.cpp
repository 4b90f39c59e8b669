#include "ressorts.h"

#include <QStringList>

namespace vw {

bool RessortName::validOn(const QDate &date) const
{
    if (!date.isValid())
        return !validTo.isValid();
    return (!validFrom.isValid() || validFrom <= date) && (!validTo.isValid() || date <= validTo);
}

QString RessortTable::nameOn(const QString &key, const QDate &date) const
{
    QString newest;
    for (const RessortName &e : mEntries) {
        if (e.key != key)
            continue;
        if (e.validOn(date))
            return e.name;
        if (!e.validTo.isValid())
            newest = e.name;
    }
    return date.isValid() ? QString() : newest;
}

bool RessortTable::hasKey(const QString &key) const
{
    for (const RessortName &e : mEntries) {
        if (e.key == key)
            return true;
    }
    return false;
}

QString RessortTable::keyForName(const QString &name) const
{
    const QString wanted = name.simplified();
    for (const RessortName &e : mEntries) {
        if (e.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return e.key;
    }
    return QString();
}

QString RessortTable::displayName(const QString &key, const QString &importedName, const QDate &date) const
{
    if (!key.isEmpty()) {
        const QString dated = nameOn(key, date);
        if (!dated.isEmpty())
            return dated;
    }
    return importedName.isEmpty() ? nameOn(key, QDate()) : importedName;
}

QStringList RessortTable::keysOn(const QDate &date) const
{
    QStringList keys;
    for (const RessortName &e : mEntries) {
        if (e.validOn(date) && !keys.contains(e.key))
            keys << e.key;
    }
    return keys;
}

} // namespace vw
