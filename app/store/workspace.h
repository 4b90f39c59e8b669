#pragma once

#include "annotation.h"
#include "database.h"
#include "figure.h"
#include "figurerepository.h"
#include "publicationrepository.h"
#include "ressorts.h"
#include "result.h"
#include "reviewrepository.h"
#include "searchindex.h"
#include "settingsrepository.h"
#include "versionrepository.h"
#include "vorlage.h"
#include "vorlagenrepository.h"

#include <QSqlDatabase>

#include <QHash>

#include <memory>

namespace vw {

// A workspace: one store holding many Vorlagen and the dated Ressort table. The face the app, the
// command line and the tests use: it owns the Database and one repository per concern and forwards to
// them (see each repository for the details). Every write happens in one transaction; a failure leaves
// the workspace as it was, and says why with an ErrorCode.
class Workspace {
public:
    using Mode = Database::Mode;
    using FigureUse = FigureRepository::FigureUse;
    using VersionInfo = VersionRepository::VersionInfo;
    using StatusChange = VersionRepository::StatusChange;
    using Publication = PublicationRepository::Publication;

    // `path`: a workspace file, or a shared workspace on a PostgreSQL server (Database::isServer:
    // postgresql://server/database, service=NAME, key=value …; `mode` does not apply to a server).
    // `progress` is called while the search index is filled (migrations 6 and 8) or rebuilt: (done, total) Vorlagen.
    static Result<std::unique_ptr<Workspace>> open(const QString &path, Mode mode,
                                                   const SearchIndex::Progress &progress = {});
    // What open() or checkSearchIndex() repaired and the user should be told; empty normally.
    const QString &openNotice() const { return mNotice; }
    // Where the app keeps its workspace unless told otherwise.
    static QString defaultPath();

    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    const QString &path() const { return mDb->path(); }
    QSqlDatabase database() const { return mDb->connection(); }
    const RessortTable &ressorts() const { return mRessorts; }
    // The printed name of a submitting Ressort on the Vorlage's date.
    QString ressortName(const RessortRef &ref, const QDate &date) const;

    // Who is working: recorded with every change, comment, version and status change (the user
    // profile's name; UserProfile::author()).
    void setAuthor(const QString &name) { mDb->setAuthor(name); }
    const QString &author() const { return mDb->author(); }
    // On a server: the logged-in member (its name is the author, its kind and Ressort decide what the server
    // lets it do); none on a file, where one person does everything.
    const std::optional<ServerAccess::Member> &member() const { return mDb->member(); }
    // Whether the server lets the user change the Vorlage's text (a clerk of one of its Ressorts); true on a file.
    Result<bool> mayEdit(qint64 id) const;

    // Vorlagen (VorlagenRepository).
    Result<QList<VorlageSummary>> list() const { return mVorlagen.list(); }
    Result<VorlageSummary> summary(qint64 id) const { return mVorlagen.summary(id); }

    // What others changed (another window, the CLI, another program on the same file). `changeCounter()` moves
    // whenever another connection commits (SQLite's PRAGMA data_version; a server reports 0 until it notifies).
    // `changes()` then says which Vorlagen: those modified since `since` (a little before the last look) and
    // how many there are now (a Vorlage added or deleted changes the count), with their revisions.
    struct Changes {
        QHash<qint64, int> revisions; // modified since, with their revision now
        int count = 0;
    };
    Result<qint64> changeCounter() const;
    Result<Changes> changes(const QDateTime &since) const;
    Result<Vorlage> load(qint64 id) const { return mVorlagen.load(id); }
    Result<qint64> add(const Vorlage &vorlage);
    Result<QList<qint64>> addAll(const QList<Vorlage> &vorlagen) { return mVorlagen.addAll(vorlagen); }
    Result<int> save(const Vorlage &vorlage, const Vorlage *base = nullptr) { return mVorlagen.save(vorlage, base); }
    Result<void> remove(qint64 id) { return mVorlagen.remove(id); }
    static QString conflictMessage(qint64 id) { return VorlagenRepository::conflictMessage(id); }
    static QString readOnlyMessage(const Vorlage &v) { return VorlagenRepository::readOnlyMessage(v); }
    Result<QString> storeBlob(const QByteArray &data) { return mVorlagen.storeBlob(data); }
    Result<QByteArray> blob(const QString &sha256) const { return mVorlagen.blob(sha256); }

    // Full-text search over every place of every Vorlage (searchindex.h).
    Result<QList<SearchHit>> search(const SearchQuery &query) const { return mVorlagen.search(query); }
    // Reads the whole search index (FTS5's integrity-check) and rebuilds it when damaged, saying so in
    // openNotice(). open() checks only the index's structure and size: the whole check takes 0.16 s on 10,000
    // Vorlagen, so the CLI runs it before a search and the app in a worker thread after its start.
    Result<void> checkSearchIndex(const SearchIndex::Progress &progress = {});
    // The whole check on a connection of its own, for a worker thread (the app checks so after its start and
    // calls checkSearchIndex() only when this found damage).
    static bool searchIndexIsSound(const QString &path);

    // Figures (FigureRepository).
    Result<QList<Figure>> figures() const { return mFigures.figures(); }
    Result<Figure> figure(const QString &key) const { return mFigures.figure(key); }
    Result<void> setFigure(const Figure &figure, const QString &who) { return mFigures.setFigure(figure, who); }
    Result<void> setFigures(const QList<Figure> &figures, const QString &who) { return mFigures.setFigures(figures, who); }
    Result<QList<FigureChange>> figureHistory(const QString &key) const { return mFigures.figureHistory(key); }
    Result<FigureValues> figureValues(const Vorlage *vorlage = nullptr) const { return mFigures.figureValues(vorlage); }
    Result<QList<FigureUse>> figureUses(const QString &key) const { return mFigures.figureUses(key); }

    // Annotations (ReviewRepository).
    Result<QList<Annotation>> annotations(qint64 vorlageId) const { return mReview.annotations(vorlageId); }
    Result<Annotation> annotation(qint64 annotationId) const { return mReview.annotation(annotationId); }
    Result<qint64> addAnnotation(const Annotation &a) { return mReview.addAnnotation(a); }
    Result<qint64> addReply(qint64 annotationId, const QString &text) { return mReview.addReply(annotationId, text); }
    Result<void> setResolved(qint64 annotationId, bool resolved) { return mReview.setResolved(annotationId, resolved); }
    Result<void> decideSuggestion(qint64 annotationId, Annotation::Suggestion decision)
    {
        return mReview.decideSuggestion(annotationId, decision);
    }
    Result<void> restoreAnchor(qint64 annotationId, const Anchor &anchor) { return mReview.restoreAnchor(annotationId, anchor); }
    Result<int> acceptSuggestion(qint64 annotationId) { return mReview.acceptSuggestion(annotationId); }

    // Versions, status and Neufassungen (VersionRepository).
    Result<QList<VersionInfo>> versions(qint64 vorlageId) const { return mVersions.versions(vorlageId); }
    Result<Vorlage> versionSnapshot(qint64 vorlageId, int number) const { return mVersions.versionSnapshot(vorlageId, number); }
    Result<VersionInfo> addVersion(qint64 vorlageId, const QString &name) { return mVersions.addVersion(vorlageId, name); }
    Result<qint64> restoreVersion(qint64 vorlageId, int number) { return mVersions.restoreVersion(vorlageId, number); }
    Result<void> setStatus(qint64 vorlageId, Status to, const QDate &sessionDate = {}, Outcome outcome = Outcome::Keins)
    {
        return mVersions.setStatus(vorlageId, to, sessionDate, outcome);
    }
    Result<QList<StatusChange>> statusHistory(qint64 vorlageId) const { return mVersions.statusHistory(vorlageId); }
    Result<void> setObjectionResolved(qint64 vorlageId, const QString &participationId, bool resolved)
    {
        return mVersions.setObjectionResolved(vorlageId, participationId, resolved);
    }
    Result<qint64> addNeufassung(qint64 vorlageId) { return mVersions.addNeufassung(vorlageId); }
    Result<Vorlage> decidedVersion(qint64 vorlageId) const { return mVersions.decidedVersion(vorlageId); }

    // Publication (PublicationRepository).
    Result<void> recordPublication(qint64 vorlageId, const QString &sha512, const QString &package)
    {
        return mPublications.recordPublication(vorlageId, sha512, package);
    }
    Result<QList<Publication>> publications(qint64 vorlageId) const { return mPublications.publications(vorlageId); }

    // Settings, protected names and the dictionary (SettingsRepository).
    NumberStyle numberStyle() const { return mSettings.numberStyle(); }
    Result<void> setNumberStyle(const NumberStyle &style) { return mSettings.setNumberStyle(style); }
    int figureMaxAgeDays() const { return mSettings.figureMaxAgeDays(); }
    Result<void> setFigureMaxAgeDays(int days) { return mSettings.setFigureMaxAgeDays(days); }
    Result<QStringList> protectedPersons() const { return mSettings.protectedPersons(); }
    Result<void> setProtectedPersons(const QStringList &names) { return mSettings.setProtectedPersons(names); }
    Result<QStringList> dictionaryWords() const { return mSettings.dictionaryWords(); }
    Result<void> addDictionaryWord(const QString &word) { return mSettings.addDictionaryWord(word); }
    Result<void> removeDictionaryWord(const QString &word) { return mSettings.removeDictionaryWord(word); }
    Result<void> seedDictionary() { return mSettings.seedDictionary(); }
    static QStringList standardDictionaryWords() { return SettingsRepository::standardDictionaryWords(); }

private:
    explicit Workspace(std::unique_ptr<Database> db);
    Result<void> repairSearchIndex(SearchIndex::Check check, const SearchIndex::Progress &progress);

    // In the order they depend on each other.
    std::unique_ptr<Database> mDb;
    RessortTable mRessorts;
    SettingsRepository mSettings;
    FigureRepository mFigures;
    VorlagenRepository mVorlagen;
    ReviewRepository mReview;
    VersionRepository mVersions;
    PublicationRepository mPublications;
    QString mNotice;
};

} // namespace vw
