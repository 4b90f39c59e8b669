#pragma once

#include "place.h"
#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QDateTime>
#include <QSet>

#include <functional>

namespace vw {

class Database;
class FigureRepository;
struct SearchHit;
struct SearchQuery;

// One row of the workspace's list of Vorlagen.
struct VorlageSummary {
    qint64 id = 0;
    VorlageKind kind = VorlageKind::Beschlussvorlage;
    PaperKind paperKind = PaperKind::Vorlage;
    Status status = Status::Entwurf;
    QString title;
    QDate date;
    QDate sessionDate;
    QString ressort; // the lead Ressort's name on the Vorlage's date
    QDateTime modified;

    bool operator==(const VorlageSummary &) const = default;
};

// The Vorlagen themselves: header rows and their parts (Ressorts, sections, questions, Beschluss items,
// Beteiligung, Anlagen), the file contents of Anlagen, and the full-text index of their places
// (searchindex.h), written in the same transaction as the places themselves. A save writes only the places
// that changed.
class VorlagenRepository {
public:
    VorlagenRepository(Database &db, const RessortTable &ressorts, const FigureRepository &figures);

    Result<QList<VorlageSummary>> list() const;
    Result<VorlageSummary> summary(qint64 id) const;
    Result<Vorlage> load(qint64 id) const;
    // Stores new Vorlagen in one transaction, all or none, and returns their ids.
    Result<QList<qint64>> addAll(const QList<Vorlage> &vorlagen);
    // Writes `vorlage` over the stored one in one transaction and returns the new revision. `base` is the
    // Vorlage as it was stored at vorlage.revision (what the caller loaded or last saved); without it,
    // it is read first. Only the places that differ from `base` are written. Refused with
    // ErrorCode::Conflict when the stored revision is no longer vorlage.revision, and with
    // ErrorCode::ReadOnly when the stored Vorlage is decided.
    Result<int> save(const Vorlage &vorlage, const Vorlage *base = nullptr);
    Result<void> remove(qint64 id);

    // File contents of Anlagen, addressed by SHA-256 (hex).
    Result<QString> storeBlob(const QByteArray &data);
    Result<QByteArray> blob(const QString &sha256) const;

    // Full-text search (SearchIndex::search).
    Result<QList<SearchHit>> search(const SearchQuery &query) const;
    // Inside a caller's transaction: the index of these Vorlagen written again from what is stored (their
    // figures changed), or the whole index dropped, created and filled (migration, repair).
    Result<void> reindex(const QList<qint64> &ids);
    Result<void> rebuildSearchIndex(const std::function<void(int done, int total)> &progress = {});

    static QString conflictMessage(qint64 id);
    static QString refusedMessage(qint64 id);
    static QString readOnlyMessage(const Vorlage &vorlage);

    // The parts of the writers above that run inside a caller's transaction (status changes, Neufassungen,
    // accepted suggestions).
    Result<qint64> insertInTransaction(const Vorlage &vorlage);
    Result<int> saveInTransaction(const Vorlage &vorlage, const Vorlage *base = nullptr);
    // Writes the rows of `places` as they are in `after` (status changes freeze figure values this way).
    Result<void> writePlaces(const Vorlage &before, const Vorlage &after, const QList<Place> &places);

private:
    Result<QList<VorlageSummary>> summaries(qint64 id) const;
    Result<void> writeRessorts(const Vorlage &v);
    Result<void> writeSections(const Vorlage &v, const QList<int> &positions);
    Result<void> insertQuestion(const Vorlage &v, int i);
    Result<void> insertBeschluss(const Vorlage &v, int i);
    Result<void> insertParticipation(const Vorlage &v, int i);
    Result<void> updateParticipation(const Vorlage &before, const Vorlage &after, QSet<QString> *changed);
    Result<void> insertAnlage(const Vorlage &v, int i);
    using Insert = Result<void> (VorlagenRepository::*)(const Vorlage &, int);
    template <typename T>
    Result<void> writeItems(const Vorlage &v, const QList<T> &list, const QSet<QString> &changed, const char *table,
                            Insert insert);
    Result<void> deleteRows(const char *table, qint64 vorlageId, const QString &id = {});
    Result<void> indexPlaces(const Vorlage &vorlage, const QList<Place> &places);
    Result<void> indexWhole(const Vorlage &vorlage);

    Database &mDb;
    const RessortTable &mRessorts;
    const FigureRepository &mFigures;
};

} // namespace vw
