#pragma once

#include "result.h"

#include <QDateTime>

namespace vw {

class Database;
class VersionRepository;
class VorlagenRepository;

// What was published to the Informationsregister, when and by whom.
class PublicationRepository {
public:
    PublicationRepository(Database &db, VorlagenRepository &vorlagen, VersionRepository &versions);

    // Records a publication in one transaction: the publication (version, checksum of the public PDF,
    // package folder, who, when), the status Veröffentlicht with its status change and version.
    Result<void> recordPublication(qint64 vorlageId, const QString &sha512, const QString &package);
    struct Publication {
        QDateTime at;
        QString author;
        QString sha512;
        QString package;
    };
    Result<QList<Publication>> publications(qint64 vorlageId) const;

private:
    Database &mDb;
    VorlagenRepository &mVorlagen;
    VersionRepository &mVersions;
};

} // namespace vw
