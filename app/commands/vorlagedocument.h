#pragma once

#include "place.h"
#include "vorlage.h"

#include <QObject>
#include <QUndoStack>

#include <functional>

namespace vw {

// An open Vorlage: the model, its undo stack, and the announcement of every change. Widgets never
// change the Vorlage directly; they go through Commands (commands.h), which push onto this stack.
class VorlageDocument : public QObject {
    Q_OBJECT
public:
    explicit VorlageDocument(Vorlage vorlage, QObject *parent = nullptr);

    const Vorlage &vorlage() const { return mVorlage; }
    QUndoStack *undoStack() { return &mUndoStack; }

    // Changes the model at `place` and announces it. Only undo commands call this.
    void modify(const std::function<void(Vorlage &)> &change, const Place &place);
    // After a save: the workspace's new revision, so the next save expects it.
    void setRevision(int revision) { mVorlage.revision = revision; }
    // Replaces the whole Vorlage (another version was loaded); the undo history no longer applies.
    void reset(const Vorlage &vorlage);

    // A decided Vorlage (isReadOnly(status)) or one shown only for reading (a version's snapshot):
    // Commands change nothing and push no undo step, so nothing is saved either.
    bool isReadOnly() const { return mReadOnly || vw::isReadOnly(mVorlage.status); }
    void setReadOnly(bool readOnly) { mReadOnly = readOnly; }

signals:
    // Something at `place` changed (by an edit, an undo or a redo).
    void changed(const vw::Place &place);
    // Undo or redo asks the views to put the cursor back at `place`: at `cursor` inside its text, or
    // (-1) at the place as a whole.
    void focusRequested(const vw::Place &place, int cursor);
    void reloaded();

private:
    Vorlage mVorlage;
    QUndoStack mUndoStack;
    bool mReadOnly = false;
};

} // namespace vw
