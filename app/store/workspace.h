#pragma once

#include "annotation.h"
#include "figure.h"
#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>

namespace vw {

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
};

// A workspace: one SQLite file holding many Vorlagen and the dated Ressort table.
// Every write happens in one transaction; a failure leaves the file as it was.
class Workspace {
public:
    enum class Mode {
        OpenExisting,   // the file must be a workspace already
        CreateIfMissing // a missing (or empty) file becomes a new workspace
    };

    // `progress` is called while the search index is filled (migration 0006) or rebuilt: (done, total) Vorlagen.
    static Result<std::unique_ptr<Workspace>> open(const QString &path, Mode mode,
                                                   const std::function<void(int, int)> &progress = {});
    // What open() repaired and the user should be told (a rebuilt search index); empty normally.
    const QString &openNotice() const { return mOpenNotice; }
    // Where the app keeps its workspace unless told otherwise.
    static QString defaultPath();

    ~Workspace();
    Workspace(const Workspace &) = delete;
    Workspace &operator=(const Workspace &) = delete;

    const QString &path() const { return mPath; }
    QSqlDatabase database() const;
    const RessortTable &ressorts() const { return mRessorts; }
    // The printed name of a submitting Ressort on the Vorlage's date.
    QString ressortName(const RessortRef &ref, const QDate &date) const;

    Result<QList<VorlageSummary>> list() const;
    Result<Vorlage> load(qint64 id) const;
    // Stores a new Vorlage and returns its id.
    Result<qint64> add(const Vorlage &vorlage);
    // Stores several new Vorlagen in one transaction: all or none.
    Result<QList<qint64>> addAll(const QList<Vorlage> &vorlagen);
    // Replaces the stored Vorlage with `vorlage` (same id) and returns the new revision. Refuses, with
    // conflictMessage(), when the stored revision is no longer vorlage.revision: someone else saved since
    // it was loaded, and their work must not be overwritten silently.
    Result<int> save(const Vorlage &vorlage);
    static QString conflictMessage(qint64 id);
    static bool isConflict(const QString &error, qint64 id);
    Result<void> remove(qint64 id);

    // Figures. setFigure() inserts or updates one figure in a transaction and records a change of its
    // value (old, new, who, when); the value must already be canonical (parseFigureValue()).
    Result<QList<Figure>> figures() const;
    Result<Figure> figure(const QString &key) const;
    Result<void> setFigure(const Figure &figure, const QString &who);
    // Several at once (CSV import): all or none.
    Result<void> setFigures(const QList<Figure> &figures, const QString &who);
    Result<QList<FigureChange>> figureHistory(const QString &key) const;
    // The figures to render with, in the workspace's number style: only those `vorlage` quotes (a quick
    // look-up for one export), or all of them.
    Result<FigureValues> figureValues(const Vorlage *vorlage = nullptr) const;
    // Where a figure is quoted: Vorlage id, title and section label (one entry per section).
    struct FigureUse {
        qint64 vorlageId = 0;
        QString title;
        QString section;
    };
    Result<QList<FigureUse>> figureUses(const QString &key) const;

    // Who is working: recorded with every change, comment, version and status change (the user
    // profile's name; UserProfile::author()).
    void setAuthor(const QString &name) { mAuthor = name; }
    const QString &author() const { return mAuthor; }

    // Annotations (comments and suggestions). They are kept beside the Vorlage; save() carries their
    // anchors along with every edit (remapAnchors()). New annotations on a decided Vorlage are refused;
    // replies, resolving and rejecting a suggestion stay possible.
    Result<QList<Annotation>> annotations(qint64 vorlageId) const;
    Result<Annotation> annotation(qint64 annotationId) const;
    // Stores a new comment or suggestion (author and time are filled in when empty) and returns its id.
    Result<qint64> addAnnotation(const Annotation &annotation);
    Result<qint64> addReply(qint64 annotationId, const QString &text);
    Result<void> setResolved(qint64 annotationId, bool resolved);
    // Records the clerk's decision on a suggestion (Accepted, Rejected, or Open again after an undo).
    // The app changes the text itself, as an undoable command; see acceptSuggestion() for one step.
    // A decided Vorlage takes only the rejection of an open suggestion (its text stays as decided).
    Result<void> decideSuggestion(qint64 annotationId, Annotation::Suggestion decision);
    // Puts an annotation's anchor back where it was (undoing an accepted suggestion in the app, after
    // the restored text was saved). The anchor must fit the stored text; it is attached again.
    Result<void> restoreAnchor(qint64 annotationId, const Anchor &anchor);
    // Accepts a suggestion in one transaction: replaces the anchored words, saves the Vorlage and
    // records the decision (command line). Returns the Vorlage's new revision.
    Result<int> acceptSuggestion(qint64 annotationId);

    // Versions: frozen snapshots of the whole Vorlage with the figure values of their moment.
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

    // Status. Only the steps statusTransitionAllowed() allows; Beschlossen needs a session date and an
    // outcome (Zurueckgestellt records the session and leaves the Vorlage Beschlussreif). Every change
    // is recorded and makes an automatic version.
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
    // A Neufassung of a (decided) Vorlage: a new draft pointing to it. Returns its id. The open threads
    // (comments not resolved, suggestions not decided, with their replies) go with it, on the same places
    // of the draft; in one transaction.
    Result<qint64> addNeufassung(qint64 vorlageId);
    static QString readOnlyMessage(const Vorlage &vorlage);

    // Publication. The decided version: the automatic version made when the Vorlage became Beschlossen.
    Result<Vorlage> decidedVersion(qint64 vorlageId) const;
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
    // Names that must not appear in a published document.
    Result<QStringList> protectedPersons() const;
    Result<void> setProtectedPersons(const QStringList &names);

    // File contents of Anlagen, addressed by SHA-256 (hex).
    Result<QString> storeBlob(const QByteArray &data);
    Result<QByteArray> blob(const QString &sha256) const;

    // Workspace settings.
    NumberStyle numberStyle() const;
    Result<void> setNumberStyle(const NumberStyle &style);
    int figureMaxAgeDays() const; // a figure older than this at the Vorlage's date is a warning
    Result<void> setFigureMaxAgeDays(int days);

    // The workspace dictionary (spell check): words accepted in this workspace besides the German
    // dictionary's — Ressort names and abbreviations, places, terms such as ZGF or Deputation.
    Result<QStringList> dictionaryWords() const; // sorted, case-insensitively
    // One word (no spaces); adding a word already there, or removing one that is not, is no error.
    Result<void> addDictionaryWord(const QString &word);
    Result<void> removeDictionaryWord(const QString &word);
    // Adds standardDictionaryWords() once per workspace (a setting remembers it), so that a term the
    // users removed stays removed. The app calls it when it opens a workspace.
    Result<void> seedDictionary();
    static QStringList standardDictionaryWords();

private:
    Workspace(QString path, QString connection);
    Result<void> loadRessorts();
    Result<void> repairSearchIndex(const std::function<void(int, int)> &progress);
    Result<void> writeParts(const Vorlage &vorlage, qint64 id);
    // The part of add() that runs inside its transaction: inserts one new Vorlage, returns its id.
    Result<qint64> insertInTransaction(const Vorlage &vorlage);
    // The parts of save(), setStatus() and the other writers that run inside their transaction.
    Result<int> saveInTransaction(const Vorlage &vorlage);
    Result<void> moveAnchors(const Vorlage &before, const Vorlage &after);
    Result<void> writeAnnotationAnchor(const Annotation &annotation);
    Result<VersionInfo> insertVersion(const Vorlage &vorlage, const QString &name, bool automatic);
    // Writes the status of `vorlage`, records the change from `from` (with the outcome `recorded`) and an
    // automatic version; returns the version's id.
    Result<qint64> writeStatus(const Vorlage &vorlage, Status from, Outcome recorded, const QString &versionName);
    struct FigureStatements;
    Result<void> writeFigure(const Figure &figure, const QString &who, const QString &now, FigureStatements &st);
    QString setting(const QString &key, const QString &fallback) const;
    Result<void> setSetting(const QString &key, const QString &value);

    QString mPath;
    QString mConnection;
    QString mAuthor;
    QString mOpenNotice;
    RessortTable mRessorts;
};

} // namespace vw
