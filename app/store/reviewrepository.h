#pragma once

#include "annotation.h"
#include "result.h"

namespace vw {

class Database;
class VorlagenRepository;

// Comments and suggestions, kept beside the Vorlage (tables annotation, annotation_reply). A save carries
// the anchors of the places it changed along (moveAnchors()). New annotations on a decided Vorlage are
// refused; replies, resolving and rejecting a suggestion stay possible.
class ReviewRepository {
public:
    ReviewRepository(Database &db, VorlagenRepository &vorlagen);

    Result<QList<Annotation>> annotations(qint64 vorlageId) const;
    Result<Annotation> annotation(qint64 annotationId) const;
    // Stores a new comment or suggestion (author and time are filled in when empty) and returns its id.
    Result<qint64> addAnnotation(const Annotation &annotation);
    Result<qint64> addReply(qint64 annotationId, const QString &text);
    Result<void> setResolved(qint64 annotationId, bool resolved);
    // Records the clerk's decision on a suggestion (Accepted, Rejected, or Open again after an undo).
    // A decided Vorlage takes only the rejection of an open suggestion (its text stays as decided).
    Result<void> decideSuggestion(qint64 annotationId, Annotation::Suggestion decision);
    // Puts an annotation's anchor back where it was (undoing an accepted suggestion in the app, after
    // the restored text was saved). The anchor must fit the stored text; it is attached again.
    Result<void> restoreAnchor(qint64 annotationId, const Anchor &anchor);
    // Accepts a suggestion in one transaction: replaces the anchored words, saves the Vorlage and
    // records the decision. Returns the Vorlage's new revision.
    Result<int> acceptSuggestion(qint64 annotationId);

    // Inside a save's transaction: moves the anchors on `places` from `before` to `after` (remapAnchors()).
    static Result<void> moveAnchors(Database &db, const Vorlage &before, const Vorlage &after,
                                    const QList<Place> &places);
    // Inside a Neufassung's transaction: copies the open threads of `from` (with their replies) to the
    // Vorlage `to`, translating item ids through `itemIds`.
    Result<void> copyOpenThreads(qint64 from, qint64 to, const QHash<QString, QString> &itemIds);

private:
    static Result<QList<Annotation>> read(Database &db, qint64 vorlageId, const QStringList &placeKeys = {});
    static Result<void> writeAnchor(Database &db, const Annotation &annotation);
    Result<qint64> insert(const Annotation &annotation, qint64 vorlageId, const Place &place);

    Database &mDb;
    VorlagenRepository &mVorlagen;
};

} // namespace vw
