#include "workspace.h"

#include "migrations.h"
#include "transaction.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace vw {

Workspace::Workspace(std::unique_ptr<Database> db)
    : mDb(std::move(db)), mSettings(*mDb), mFigures(*mDb, mSettings), mVorlagen(*mDb, mRessorts, mFigures),
      mReview(*mDb, mVorlagen), mVersions(*mDb, mVorlagen, mFigures, mReview, mRessorts),
      mPublications(*mDb, mVorlagen, mVersions)
{
    // A figure's printed value is part of the text of the Vorlagen that quote it.
    mFigures.setChangedHook([this](const QStringList &keys) -> Result<void> {
        auto ids = SearchIndex::vorlagenQuoting(mDb->connection(), keys);
        if (!ids)
            return ids.failure();
        return mVorlagen.reindex(ids.value());
    });
}

QString Workspace::defaultPath()
{
    // Independent of the application name, so that the app and the CLI share it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/vorlagenwerk/arbeitsbereich.vorlagen");
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, Mode mode, const SearchIndex::Progress &progress)
{
    // Migrations 6 and 8 make the search index; it is filled from the Vorlagen in the transaction of the last
    // migration, when the repositories' queries fit the tables (a crash before leaves an empty index, which
    // the check below rebuilds).
    bool fillIndex = false;
    const auto fillSearchIndex = [&progress, &fillIndex](Database &db, int version) -> Result<void> {
        fillIndex = fillIndex || version == 6 || version == 8;
        if (!fillIndex || version != Migrations::latestVersion())
            return {};
        SettingsRepository settings(db);
        auto ressorts = settings.ressorts();
        if (!ressorts)
            return ressorts.failure();
        FigureRepository figures(db, settings);
        VorlagenRepository vorlagen(db, ressorts.value(), figures);
        return vorlagen.rebuildSearchIndex(progress);
    };
    auto db = Database::isServer(path) ? Database::openServer(path, fillSearchIndex)
                                       : Database::openFile(path, mode, fillSearchIndex);
    if (!db)
        return db.failure();
    std::unique_ptr<Workspace> ws(new Workspace(std::move(db.value())));
    auto ressorts = ws->mSettings.ressorts();
    if (!ressorts)
        return ressorts.failure();
    ws->mRessorts = ressorts.value();
    if (auto r = ws->repairSearchIndex(SearchIndex::Check::Quick, progress); !r)
        return r.failure();
    return ws;
}

bool Workspace::searchIndexIsSound(const QString &path)
{
    if (Database::isServer(path))
        return true; // the server keeps its GIN index itself; nothing to read through
    static QAtomicInt counter;
    const QString name = QStringLiteral("vw-search-check-%1").arg(counter.fetchAndAddRelaxed(1));
    bool sound = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        sound = !db.open() || SearchIndex::isSound(db, SearchIndex::Check::Thorough); // unreadable: open() says so
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return sound;
}

Result<bool> Workspace::mayEdit(qint64 id) const
{
    if (!member())
        return true;
    QSqlQuery q(mDb->connection());
    q.prepare(QStringLiteral("SELECT vw_may_edit(?)"));
    q.addBindValue(id);
    if (auto r = execQuery(q, QCoreApplication::translate("vw::Workspace", "Rechte lesen")); !r)
        return r.failure();
    return q.next() && q.value(0).toBool();
}

Result<qint64> Workspace::changeCounter() const
{
    if (mDb->dialect() != Database::Dialect::Sqlite)
        return qint64(0);
    QSqlQuery q(mDb->connection());
    if (!q.exec(QStringLiteral("PRAGMA data_version")) || !q.next())
        return Error{QCoreApplication::translate("vw::Workspace", "%1: Änderungen können nicht abgefragt werden: %2")
                         .arg(QDir::toNativeSeparators(path()), q.lastError().text())};
    return q.value(0).toLongLong();
}

Result<Workspace::Changes> Workspace::changes(const QDateTime &since) const
{
    Changes changes;
    QSqlQuery q(mDb->connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, revision FROM vorlage WHERE modified >= ?"));
    q.addBindValue(since.toUTC().toString(Qt::ISODate));
    if (auto r = execQuery(q, QCoreApplication::translate("vw::Workspace", "Änderungen lesen")); !r)
        return r.failure();
    while (q.next())
        changes.revisions.insert(q.value(0).toLongLong(), q.value(1).toInt());
    QSqlQuery count(mDb->connection());
    if (!count.exec(QStringLiteral("SELECT count(*) FROM vorlage")) || !count.next())
        return Error{count.lastError().text()};
    changes.count = count.value(0).toInt();
    return changes;
}

Result<void> Workspace::checkSearchIndex(const SearchIndex::Progress &progress)
{
    return repairSearchIndex(SearchIndex::Check::Thorough, progress);
}

// A missing or damaged search index is rebuilt from the Vorlagen (nothing else is touched) and the user told.
Result<void> Workspace::repairSearchIndex(SearchIndex::Check check, const SearchIndex::Progress &progress)
{
    if (SearchIndex::isSound(mDb->connection(), check))
        return {};
    Transaction tx(mDb->connection());
    if (auto r = tx.started(); !r)
        return r;
    if (auto r = mVorlagen.rebuildSearchIndex(progress); !r)
        return Error{QCoreApplication::translate("vw::Workspace", "%1: Der Suchindex kann nicht neu aufgebaut werden: %2")
                         .arg(QDir::toNativeSeparators(path()), r.error()),
                     r.code()};
    if (auto r = tx.commit(); !r)
        return r;
    mNotice = QCoreApplication::translate("vw::Workspace", "Der Suchindex von %1 fehlte oder war beschädigt und wurde neu "
                                                           "aufgebaut; die Vorlagen sind unverändert.")
                  .arg(QDir::toNativeSeparators(path()));
    return {};
}

QString Workspace::ressortName(const RessortRef &ref, const QDate &date) const
{
    return mRessorts.displayName(ref.key, ref.name, date);
}

Result<qint64> Workspace::add(const Vorlage &vorlage)
{
    auto ids = mVorlagen.addAll({vorlage});
    if (!ids)
        return ids.failure();
    return ids->first();
}

} // namespace vw
