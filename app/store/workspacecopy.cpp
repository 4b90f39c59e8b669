#include "workspacecopy.h"

#include "database.h"
#include "transaction.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace vw::WorkspaceCopy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::WorkspaceCopy", text);
}

// One row as text, the same for both dialects: integers as numbers, bytes as hex, NULL as \N.
QString rowText(const QSqlRecord &record)
{
    QStringList values;
    for (int i = 0; i < record.count(); ++i) {
        const QVariant v = record.value(i);
        if (v.isNull())
            values << QStringLiteral("\\N");
        else if (v.typeId() == QMetaType::QByteArray)
            values << QString::fromLatin1(v.toByteArray().toHex());
        else
            values << v.toString();
    }
    return values.join(QChar(0x1f));
}

Result<Table> describeTable(QSqlDatabase db, const QString &name)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // The columns in one order on both sides (the dialects have the same columns, tests/store/tst_dialects).
    QSqlQuery columns(db);
    if (!columns.exec(QStringLiteral("SELECT * FROM %1 WHERE 1 = 0").arg(name)))
        return Error{tr("Tabelle %1 lesen: %2").arg(name, columns.lastError().text())};
    QStringList names;
    for (int i = 0; i < columns.record().count(); ++i)
        names << columns.record().fieldName(i);
    names.sort();
    if (!q.exec(QStringLiteral("SELECT %1 FROM %2").arg(names.join(QStringLiteral(", ")), name)))
        return Error{tr("Tabelle %1 lesen: %2").arg(name, q.lastError().text())};
    QStringList rows;
    while (q.next())
        rows << rowText(q.record());
    rows.sort();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &row : std::as_const(rows)) {
        hash.addData(row.toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    return Table{name, int(rows.size()), QString::fromLatin1(hash.result().toHex())};
}

Result<QList<Table>> describeAll(QSqlDatabase db)
{
    QList<Table> list;
    for (const QString &name : tables()) {
        auto t = describeTable(db, name);
        if (!t)
            return t.failure();
        list << t.value();
    }
    return list;
}

Result<void> copyTable(QSqlDatabase from, QSqlDatabase to, const QString &name)
{
    QSqlQuery read(from);
    read.setForwardOnly(true);
    if (!read.exec(QStringLiteral("SELECT * FROM %1").arg(name)))
        return Error{tr("Tabelle %1 lesen: %2").arg(name, read.lastError().text())};
    const QSqlRecord record = read.record();
    QStringList columns, marks;
    for (int i = 0; i < record.count(); ++i) {
        columns << record.fieldName(i);
        marks << QStringLiteral("?");
    }
    QSqlQuery write(to);
    if (!write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(name, columns.join(QStringLiteral(", ")),
                                                                            marks.join(QStringLiteral(", ")))))
        return Error{tr("Tabelle %1 schreiben: %2").arg(name, write.lastError().text())};
    while (read.next()) {
        for (int i = 0; i < record.count(); ++i)
            write.addBindValue(read.value(i));
        if (auto r = execQuery(write, tr("Tabelle %1 schreiben").arg(name)); !r)
            return r;
    }
    // A server hands out the next ids from a sequence: it continues after the copied ones.
    if (dialectOf(to) == Dialect::Postgres && columns.contains(QStringLiteral("id"))) {
        QSqlQuery seq(to);
        if (!seq.exec(QStringLiteral("SELECT pg_get_serial_sequence('%1', 'id')").arg(name)) || !seq.next())
            return Error{tr("Tabelle %1: %2").arg(name, seq.lastError().text())};
        if (!seq.value(0).isNull()
            && !QSqlQuery(to).exec(QStringLiteral("SELECT setval('%1', coalesce((SELECT max(id) FROM %2), 0) + 1, false)")
                                       .arg(seq.value(0).toString(), name)))
            return Error{tr("Tabelle %1: die nächste Nummer kann nicht gesetzt werden.").arg(name)};
    }
    return {};
}

Result<std::unique_ptr<Workspace>> openSide(const QString &location, Workspace::Mode mode)
{
    auto ws = Workspace::open(location, mode);
    if (!ws)
        return ws.failure();
    return std::move(ws.value());
}

} // namespace

const QStringList &tables()
{
    static const QStringList list = {
        QStringLiteral("ressort_name"),   QStringLiteral("setting"),         QStringLiteral("figure"),
        QStringLiteral("figure_change"),  QStringLiteral("vorlage"),         QStringLiteral("vorlage_ressort"),
        QStringLiteral("section"),        QStringLiteral("question"),        QStringLiteral("beschluss_item"),
        QStringLiteral("participation"),  QStringLiteral("blob"),            QStringLiteral("anlage"),
        QStringLiteral("annotation"),     QStringLiteral("annotation_reply"), QStringLiteral("version"),
        QStringLiteral("status_change"),  QStringLiteral("publication"),     QStringLiteral("protected_person"),
        QStringLiteral("dictionary_word"), QStringLiteral("search_place"),   QStringLiteral("search_place_figure"),
        QStringLiteral("member"),
    };
    return list;
}

Result<QList<Table>> describe(const QString &location)
{
    auto ws = openSide(location, Workspace::Mode::OpenExisting);
    if (!ws)
        return ws.failure();
    return describeAll(ws.value()->database());
}

Result<QList<Table>> copy(const QString &from, const QString &to)
{
    auto source = openSide(from, Workspace::Mode::OpenExisting);
    if (!source)
        return source.failure();
    auto target = openSide(to, Workspace::Mode::CreateIfMissing);
    if (!target)
        return target.failure();
    QSqlDatabase in = source.value()->database();
    QSqlDatabase out = target.value()->database();
    for (const char *table : {"vorlage", "figure"}) {
        QSqlQuery q(out);
        if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table))) || !q.next())
            return Error{tr("%1 kann nicht gelesen werden: %2").arg(to, q.lastError().text())};
        if (q.value(0).toInt() > 0)
            return Error{tr("%1 ist nicht leer: kopiert wird nur in einen neuen Arbeitsbereich.").arg(to), ErrorCode::Refused};
    }
    auto expected = describeAll(in);
    if (!expected)
        return expected.failure();

    Transaction tx(out);
    if (auto r = tx.started(); !r)
        return r.failure();
    // What a new workspace brings (the Ressort table, settings, the seeded dictionary) makes way for the source's.
    for (auto it = tables().crbegin(); it != tables().crend(); ++it) {
        if (!QSqlQuery(out).exec(QStringLiteral("DELETE FROM %1").arg(*it)))
            return Error{tr("%1 kann nicht vorbereitet werden (Tabelle %2).").arg(to, *it)};
    }
    for (const QString &table : tables()) {
        if (auto r = copyTable(in, out, table); !r)
            return r.failure();
    }
    auto copied = describeAll(out);
    if (!copied)
        return copied.failure();
    for (int i = 0; i < tables().size(); ++i) {
        if (copied->at(i).rows != expected->at(i).rows || copied->at(i).digest != expected->at(i).digest)
            return Error{tr("Die Tabelle %1 ist nach dem Kopieren nicht gleich (%2 statt %3 Zeilen); nichts wurde "
                            "kopiert.")
                             .arg(tables()[i])
                             .arg(copied->at(i).rows)
                             .arg(expected->at(i).rows),
                         ErrorCode::Failed};
    }
    if (auto r = tx.commit(); !r)
        return r.failure();
    return copied;
}

} // namespace vw::WorkspaceCopy
