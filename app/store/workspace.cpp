#include "workspace.h"

#include <QStandardPaths>

namespace vw {

Workspace::Workspace(std::unique_ptr<Database> db)
    : mDb(std::move(db)), mSettings(*mDb), mFigures(*mDb, mSettings), mVorlagen(*mDb, mRessorts),
      mReview(*mDb, mVorlagen), mVersions(*mDb, mVorlagen, mFigures, mReview, mRessorts),
      mPublications(*mDb, mVorlagen, mVersions)
{
}

QString Workspace::defaultPath()
{
    // Independent of the application name, so that the app and the CLI share it.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/vorlagenwerk/arbeitsbereich.vorlagen");
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &path, Mode mode)
{
    auto db = Database::openFile(path, mode);
    if (!db)
        return db.failure();
    std::unique_ptr<Workspace> ws(new Workspace(std::move(db.value())));
    auto ressorts = ws->mSettings.ressorts();
    if (!ressorts)
        return ressorts.failure();
    ws->mRessorts = ressorts.value();
    return ws;
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
