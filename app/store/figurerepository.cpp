#include "figurerepository.h"

#include "database.h"
#include "settingsrepository.h"
#include "sqlvalues.h"
#include "transaction.h"
#include "vorlagejson.h"

#include <QSqlQuery>

namespace vw {

using namespace sql;

namespace {

Figure figureFrom(const QSqlQuery &q)
{
    Figure f;
    f.key = q.value(0).toString();
    f.label = q.value(1).toString();
    figureTypeFromKey(q.value(2).toString(), &f.type);
    f.value = q.value(3).toString();
    f.unit = q.value(4).toString();
    f.asOf = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    f.source = q.value(6).toString();
    f.ressortKey = q.value(7).toString();
    f.note = q.value(8).toString();
    f.millions = q.value(9).toBool();
    return f;
}

const QString figureColumns = QStringLiteral("key, label, type, value, unit, as_of, source, ressort_key, note, millions");

} // namespace

FigureRepository::FigureRepository(Database &db, const SettingsRepository &settings) : mDb(db), mSettings(settings) {}

Result<QList<Figure>> FigureRepository::figures() const
{
    QSqlQuery q(mDb.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM figure ORDER BY key").arg(figureColumns));
    if (auto r = execQuery(q, tr("Zahlen lesen")); !r)
        return r.failure();
    QList<Figure> result;
    while (q.next())
        result.append(figureFrom(q));
    return result;
}

Result<Figure> FigureRepository::figure(const QString &key) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM figure WHERE key = ?").arg(figureColumns));
    q.addBindValue(key);
    if (auto r = execQuery(q, tr("Zahl %1 lesen").arg(key)); !r)
        return r.failure();
    if (!q.next())
        return Error{tr("Eine Zahl mit dem Schlüssel „%1“ gibt es im Arbeitsbereich nicht.").arg(key), ErrorCode::NotFound};
    return figureFrom(q);
}

// The three statements a figure is written with, prepared once for a whole batch (100,000 figures).
struct FigureRepository::Statements {
    explicit Statements(const QSqlDatabase &db) : old(db), upsert(db), change(db)
    {
        old.prepare(QStringLiteral("SELECT value FROM figure WHERE key = ?"));
        upsert.prepare(QStringLiteral(
            "INSERT INTO figure (key, label, type, value, unit, as_of, source, ressort_key, note, millions, modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET label = excluded.label, "
            "type = excluded.type, value = excluded.value, unit = excluded.unit, as_of = excluded.as_of, "
            "source = excluded.source, ressort_key = excluded.ressort_key, note = excluded.note, "
            "millions = excluded.millions, modified = excluded.modified"));
        change.prepare(QStringLiteral(
            "INSERT INTO figure_change (figure_key, old_value, new_value, who, at) VALUES (?, ?, ?, ?, ?)"));
    }
    QSqlQuery old;
    QSqlQuery upsert;
    QSqlQuery change;
};

Result<void> FigureRepository::writeFigure(const Figure &f, const QString &who, const QString &now, Statements &st)
{
    if (!isValidFigureKey(f.key))
        return Error{tr("„%1“ ist kein gültiger Schlüssel (Kleinbuchstaben, Ziffern und Bindestriche, "
                        "am Anfang ein Buchstabe).")
                         .arg(f.key),
                     ErrorCode::Invalid};
    if (!isCanonicalFigureValue(f.type, f.value))
        return Error{tr("Zahl %1: „%2“ ist kein Wert vom Typ %3.").arg(f.key, f.value, figureTypeLabel(f.type)), ErrorCode::Invalid};
    st.old.bindValue(0, f.key);
    if (auto r = execQuery(st.old, tr("Zahl %1 lesen").arg(f.key)); !r)
        return r;
    const bool exists = st.old.next();
    const QString oldValue = exists ? st.old.value(0).toString() : QString();
    st.old.finish();

    int i = 0;
    for (const QVariant &v : {QVariant(f.key), QVariant(text(f.label)), QVariant(figureTypeKey(f.type)), QVariant(f.value),
                              QVariant(text(f.unit)), QVariant(text(dateText(f.asOf))), QVariant(text(f.source)),
                              QVariant(text(f.ressortKey)), QVariant(text(f.note)), QVariant(flag(f.millions)), QVariant(now)})
        st.upsert.bindValue(i++, v);
    if (auto r = execQuery(st.upsert, tr("Zahl %1 schreiben").arg(f.key)); !r)
        return r;
    if (exists && oldValue == f.value)
        return {};
    i = 0;
    for (const QVariant &v : {QVariant(f.key), QVariant(text(oldValue)), QVariant(f.value), QVariant(text(who)), QVariant(now)})
        st.change.bindValue(i++, v);
    return execQuery(st.change, tr("Änderung der Zahl %1 festhalten").arg(f.key));
}

Result<void> FigureRepository::setFigure(const Figure &figure, const QString &who)
{
    return setFigures({figure}, who);
}

Result<void> FigureRepository::setFigures(const QList<Figure> &figures, const QString &who)
{
    Transaction tx(mDb.connection());
    if (auto r = tx.started(); !r)
        return r;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    Statements statements(mDb.connection());
    QStringList keys;
    for (const Figure &f : figures) {
        if (auto r = writeFigure(f, who, now, statements); !r)
            return r;
        keys << f.key;
    }
    if (mChanged) {
        if (auto r = mChanged(keys); !r)
            return r;
    }
    return tx.commit();
}

Result<QList<FigureChange>> FigureRepository::figureHistory(const QString &key) const
{
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral("SELECT old_value, new_value, who, at FROM figure_change WHERE figure_key = ? ORDER BY id"));
    q.addBindValue(key);
    if (auto r = execQuery(q, tr("Verlauf der Zahl %1 lesen").arg(key)); !r)
        return r.failure();
    QList<FigureChange> result;
    while (q.next())
        result.append({key, q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       QDateTime::fromString(q.value(3).toString(), Qt::ISODate)});
    return result;
}

Result<QList<FigureRepository::FigureUse>> FigureRepository::figureUses(const QString &key) const
{
    // Quotes are spans {"f": key} in the stored content JSON; answers print in B, Beschluss items in G.
    const QString needle = QStringLiteral("%\"f\":\"%1\"%").arg(key);
    QSqlQuery q(mDb.connection());
    q.prepare(QStringLiteral(
        "SELECT v.id, v.title, s.label FROM section s JOIN vorlage v ON v.id = s.vorlage_id WHERE s.content LIKE :n "
        "UNION SELECT v.id, v.title, (SELECT label FROM section x WHERE x.vorlage_id = v.id AND x.content LIKE "
        "'%\"answers\"%') FROM question qu JOIN vorlage v ON v.id = qu.vorlage_id WHERE qu.answer LIKE :n OR qu.text LIKE :n "
        "UNION SELECT v.id, v.title, (SELECT label FROM section x WHERE x.vorlage_id = v.id AND x.content LIKE "
        "'%\"beschluss\"%') FROM beschluss_item b JOIN vorlage v ON v.id = b.vorlage_id WHERE b.text LIKE :n "
        "ORDER BY 1, 3"));
    q.bindValue(QStringLiteral(":n"), needle);
    if (auto r = execQuery(q, tr("Verwendungen der Zahl %1 suchen").arg(key)); !r)
        return r.failure();
    QList<FigureUse> result;
    while (q.next())
        result.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return result;
}

Result<FigureValues> FigureRepository::figureValues(const Vorlage *vorlage) const
{
    QList<Figure> list;
    if (!vorlage) {
        auto all = figures();
        if (!all)
            return all.failure();
        list = all.value();
    } else {
        for (const QString &key : quotedFigureKeys(*vorlage)) {
            if (auto f = figure(key))
                list << f.value();
        }
    }
    return FigureValues(list, mSettings.numberStyle(), mSettings.figureMaxAgeDays());
}

} // namespace vw
