#include "documentsaver.h"

#include "vorlagedocument.h"
#include "workspace.h"

namespace vw {

DocumentSaver::DocumentSaver(Workspace *workspace, VorlageDocument *document, QObject *parent)
    : QObject(parent), mWorkspace(workspace), mDocument(document), mStored(document->vorlage())
{
    mTimer.setSingleShot(true);
    mTimer.setInterval(delayMs);
    connect(&mTimer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(document, &VorlageDocument::changed, this, &DocumentSaver::changed);
    // Another version was loaded (after a conflict, a status change): that is what is stored now.
    connect(document, &VorlageDocument::reloaded, this, [this] { mStored = mDocument->vorlage(); });
}

void DocumentSaver::changed()
{
    // A read-only document (decided, or a version's snapshot carrying the Vorlage's id) is never written.
    if (mDocument->isReadOnly())
        return;
    mDirty = true;
    // Not restarted on every keystroke: a writer who never pauses is still saved every delayMs.
    if (!mTimer.isActive() && !mConflict)
        mTimer.start();
}

Result<void> DocumentSaver::saveNow()
{
    mTimer.stop();
    if (!mDirty || mConflict)
        return {};
    // Only what differs from the stored state is written; the revision check makes sure it is still stored.
    auto revision = mWorkspace->save(mDocument->vorlage(), &mStored);
    if (!revision) {
        if (revision.code() == ErrorCode::Conflict) {
            mConflict = true;
            emit conflictDetected(revision.error());
        } else {
            // A full disk or a locked file: keep the changes and try again with the next one.
            emit saveFailed(revision.error());
        }
        return revision.failure();
    }
    mDocument->setRevision(revision.value());
    mStored = mDocument->vorlage();
    mDirty = false;
    emit saved();
    return {};
}

void DocumentSaver::clearConflict()
{
    mConflict = false;
    if (mDirty)
        mTimer.start();
}

} // namespace vw
