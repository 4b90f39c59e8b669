#include "settingsrepository.h"

#include "database.h"
#include "sqlvalues.h"
#include "transaction.h"

#include <QSqlQuery>

namespace vw {

using namespace sql;

SettingsRepository::SettingsRepository(Database &db) : mDb(db) {}

QString SettingsRepository::setting(const QString &key, const QString &fallback) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT value FROM setting WHERE key = ?"));
    q.addBindValue(key);
    return q.exec() && q.next() ? q.value(0).toString() : fallback;
}

Result<void> SettingsRepository::setSetting(const QString &key, const QString &value)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (auto r = execQuery(q, tr("Einstellung %1 schreiben").arg(key)); !r)
        return r;
    return tx.commit();
}

NumberStyle SettingsRepository::numberStyle() const
{
    NumberStyle style;
    style.groupFrom = setting(QStringLiteral("numberStyle.groupFrom"), QString::number(style.groupFrom)).toInt();
    return style;
}

Result<void> SettingsRepository::setNumberStyle(const NumberStyle &style)
{
    return setSetting(QStringLiteral("numberStyle.groupFrom"), QString::number(style.groupFrom));
}

int SettingsRepository::figureMaxAgeDays() const
{
    return setting(QStringLiteral("figures.maxAgeDays"), QStringLiteral("90")).toInt();
}

Result<void> SettingsRepository::setFigureMaxAgeDays(int days)
{
    return setSetting(QStringLiteral("figures.maxAgeDays"), QString::number(days));
}

Result<RessortTable> SettingsRepository::ressorts() const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT ressort_key, name, valid_from, valid_to FROM ressort_name ORDER BY id"));
    if (auto r = execQuery(q, tr("Ressorts lesen")); !r)
        return r.failure();
    QList<RessortName> entries;
    while (q.next())
        entries.append({q.value(0).toString(), q.value(1).toString(), dateFrom(q.value(2)), dateFrom(q.value(3))});
    return RessortTable(entries);
}

Result<QStringList> SettingsRepository::protectedPersons() const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT name FROM protected_person ORDER BY name"));
    if (auto r = execQuery(q, tr("Geschützte Namen lesen")); !r)
        return r.failure();
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return names;
}

Result<void> SettingsRepository::setProtectedPersons(const QStringList &names)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery d(mDb.connection());
    d.prepare(QStringLiteral("DELETE FROM protected_person"));
    if (auto r = execQuery(d, tr("Geschützte Namen schreiben")); !r)
        return r;
    for (const QString &name : names) {
        if (name.trimmed().isEmpty())
            continue;
        QSqlQuery q(mDb.connection());
        q.prepare(QStringLiteral("INSERT INTO protected_person (name) VALUES (?) ON CONFLICT DO NOTHING"));
        q.addBindValue(name.trimmed());
        if (auto r = execQuery(q, tr("Geschützte Namen schreiben")); !r)
            return r;
    }
    return tx.commit();
}

// ---- Workspace dictionary (spell check) ---------------------------------------------------------

namespace {

Result<QString> dictionaryWord(const QString &word)
{
    const QString w = word.trimmed();
    if (w.isEmpty())
        return Error{tr("Das Wort ist leer."), ErrorCode::Invalid};
    for (const QChar c : w) {
        if (c.isSpace())
            return Error{tr("„%1“ ist kein einzelnes Wort: Das Wörterbuch nimmt Wörter ohne Leerzeichen auf.").arg(w), ErrorCode::Invalid};
    }
    if (w.size() > 100)
        return Error{tr("„%1…“ ist zu lang für ein Wort.").arg(w.left(30)), ErrorCode::Invalid};
    return w;
}

} // namespace

Result<QStringList> SettingsRepository::dictionaryWords() const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT word FROM dictionary_word"));
    if (auto r = execQuery(q, tr("Wörterbuch des Arbeitsbereichs lesen")); !r)
        return r.failure();
    QStringList words;
    while (q.next())
        words << q.value(0).toString();
    words.sort(Qt::CaseInsensitive);
    return words;
}

Result<void> SettingsRepository::addDictionaryWord(const QString &word)
{
    auto w = dictionaryWord(word);
    if (!w)
        return w.failure();
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO dictionary_word (word) VALUES (?) ON CONFLICT DO NOTHING"));
    q.addBindValue(w.value());
    if (auto r = execQuery(q, tr("„%1“ ins Wörterbuch aufnehmen").arg(w.value())); !r)
        return r;
    return tx.commit();
}

Result<void> SettingsRepository::removeDictionaryWord(const QString &word)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("DELETE FROM dictionary_word WHERE word = ?"));
    q.addBindValue(word.trimmed());
    if (auto r = execQuery(q, tr("„%1“ aus dem Wörterbuch entfernen").arg(word.trimmed())); !r)
        return r;
    return tx.commit();
}

QStringList SettingsRepository::standardDictionaryWords()
{
    // Terms of Bremen's administration the German dictionary lacks (or that must never be flagged):
    // the Ressorts' short names, places, bodies and companies often named in Vorlagen.
    return {
        QStringLiteral("ZGF"), QStringLiteral("SK"), QStringLiteral("SF"), QStringLiteral("SI"),
        QStringLiteral("SKB"), QStringLiteral("SJV"), QStringLiteral("SGFV"), QStringLiteral("SWHT"),
        QStringLiteral("SWAE"), QStringLiteral("SASJI"), QStringLiteral("SJIS"), QStringLiteral("SUKW"),
        QStringLiteral("SKUMS"), QStringLiteral("SBMS"), QStringLiteral("SWH"), QStringLiteral("SfK"),
        QStringLiteral("Senatskanzlei"), QStringLiteral("Bremerhaven"), QStringLiteral("Vegesack"),
        QStringLiteral("Deputation"), QStringLiteral("Deputationen"), QStringLiteral("Deputationsvorlage"),
        QStringLiteral("Drucksache"), QStringLiteral("Drucksachen"), QStringLiteral("Bürgerschaftsfraktion"),
        QStringLiteral("Bürgerschaftsfraktionen"), QStringLiteral("Stadtbürgerschaft"),
        QStringLiteral("Senatsressort"), QStringLiteral("Mitzeichnung"), QStringLiteral("BSAG"),
        QStringLiteral("GEWOBA"), QStringLiteral("Ortsamt"), QStringLiteral("Ortsämter"),
        QStringLiteral("bremisch"), QStringLiteral("bremische"), QStringLiteral("bremischen"),
        QStringLiteral("bremischer"), QStringLiteral("bremisches"), QStringLiteral("Bremerhavener"),
        QStringLiteral("Dataport"), QStringLiteral("DigitalPakt"),
    };
}

Result<void> SettingsRepository::seedDictionary()
{
    const QString seededKey = QStringLiteral("dictionary.seeded");
    if (setting(seededKey, QString()) == QLatin1String("1"))
        return {};
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("INSERT INTO dictionary_word (word) VALUES (?) ON CONFLICT DO NOTHING"));
    for (const QString &word : standardDictionaryWords()) {
        q.addBindValue(word);
        if (auto r = execQuery(q, tr("Wörterbuch des Arbeitsbereichs anlegen")); !r)
            return r;
    }
    QSqlQuery s(mDb.connection());
    s.prepare(QStringLiteral("INSERT INTO setting (key, value) VALUES (?, '1') ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    s.addBindValue(seededKey);
    if (auto r = execQuery(s, tr("Wörterbuch des Arbeitsbereichs anlegen")); !r)
        return r;
    return tx.commit();
}

} // namespace vw
