#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace vw {

// One name of a Ressort for a period. A Ressort (key "finanzen") can have several names over time:
// "Die Senatorin für Finanzen" until 14.08.2019, "Der Senator für Finanzen" from 15.08.2019.
struct RessortName {
    QString key;
    QString name;
    QDate validFrom; // null: since ever
    QDate validTo;   // null: still valid

    bool validOn(const QDate &date) const;
};

class RessortTable {
public:
    RessortTable() = default;
    explicit RessortTable(QList<RessortName> entries) : mEntries(std::move(entries)) {}

    const QList<RessortName> &entries() const { return mEntries; }
    // The name valid on `date`; with a null date, the newest name. Empty when the key is unknown.
    QString nameOn(const QString &key, const QDate &date) const;
    bool hasKey(const QString &key) const;
    // The key of a Ressort by one of its names, matched without regard to case or spacing.
    QString keyForName(const QString &name) const;
    // The printed name of a submitting Ressort on `date`: the table's name then, else the name it was
    // imported with, else the table's newest name.
    QString displayName(const QString &key, const QString &importedName, const QDate &date) const;
    // Keys of the Ressorts with a name valid on `date`, in table order.
    QStringList keysOn(const QDate &date) const;

private:
    QList<RessortName> mEntries;
};

} // namespace vw
