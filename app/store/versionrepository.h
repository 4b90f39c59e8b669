#pragma once

#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QDateTime>

namespace vw {

class Database;
class FigureRepository;
class ReviewRepository;
class VorlagenRepository;

// Versions (frozen snapshots of the whole Vorlage with the figure values of their moment), the status
// with its history, and Neufassungen.
class VersionRepository {
public:
    VersionRepository(Database &db, VorlagenRepository &vorlagen, const FigureRepository &figures,
                      ReviewRepository &review, const RessortTable &ressorts);

    struct VersionInfo {
        qint64 id = 0;
        qint64 vorlageId = 0;
        int number = 0; // 1, 2, … per Vorlage
        QString name;
        bool automatic = false; // made by a status change
        Status status = Status::Entwurf;
        QString author;
        QDateTime created;
    };
    Result<QList<VersionInfo>> versions(qint64 vorlageId) const;
    // The Vorlage as it was in version `number` (its id is the Vorlage's; never save it back).
    Result<Vorlage> versionSnapshot(qint64 vorlageId, int number) const;
    Result<VersionInfo> addVersion(qint64 vorlageId, const QString &name);
    // Stores the version as a new draft (a copy pointing to the Vorlage) and returns its id.
    Result<qint64> restoreVersion(qint64 vorlageId, int number);
    // The decided version: the automatic version made when the Vorlage became Beschlossen.
    Result<Vorlage> decidedVersion(qint64 vorlageId) const;

    // Only the steps statusTransitionAllowed() allows; Beschlossen needs a session date and an outcome
    // (Zurueckgestellt records the session and leaves the Vorlage Beschlussreif). Every change is recorded
    // and makes an automatic version.
    struct StatusChange {
        Status from = Status::Entwurf;
        Status to = Status::Entwurf;
        Outcome outcome = Outcome::Keins;
        QDate sessionDate;
        QString author;
        QDateTime at;
        int versionNumber = 0;
    };
    Result<void> setStatus(qint64 vorlageId, Status to, const QDate &sessionDate = {}, Outcome outcome = Outcome::Keins);
    Result<QList<StatusChange>> statusHistory(qint64 vorlageId) const;
    // Marks an objection of the Beteiligung as settled (or open again). The one change a decided
    // Vorlage still takes: the Senate decides over objections, and the record must say so.
    Result<void> setObjectionResolved(qint64 vorlageId, const QString &participationId, bool resolved);
    // A Neufassung of a (decided) Vorlage: a new draft pointing to it, with its open threads (comments
    // not resolved, suggestions not decided, with their replies) on the same places; in one transaction.
    Result<qint64> addNeufassung(qint64 vorlageId);

    // Inside a caller's transaction (publication): writes the status of `vorlage`, records the change from
    // `from` (with the outcome `recorded`) and an automatic version; returns the version's id.
    Result<qint64> writeStatus(const Vorlage &vorlage, Status from, Outcome recorded, const QString &versionName);

private:
    Result<VersionInfo> insertVersion(const Vorlage &vorlage, const QString &name, bool automatic);

    Database &mDb;
    VorlagenRepository &mVorlagen;
    const FigureRepository &mFigures;
    ReviewRepository &mReview;
    const RessortTable &mRessorts;
};

} // namespace vw
