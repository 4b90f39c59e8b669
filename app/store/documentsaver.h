#pragma once

#include "result.h"
#include "vorlage.h"

#include <QObject>
#include <QTimer>

namespace vw {

class VorlageDocument;
class Workspace;

// Saves an open Vorlage without a "Save" command: the first change starts a short timer, and when it
// fires everything changed so far goes to the workspace in one transaction. While someone keeps typing,
// that is every delayMs, so a crash loses at most the last second.
// A save that finds the Vorlage changed elsewhere stops saving and reports a conflict; the document keeps
// its changes until the user decides (see MainWindow), so nothing is lost. A save writes only the places
// that changed since the last one (VorlagenRepository::save with the stored state as its base).
class DocumentSaver : public QObject {
    Q_OBJECT
public:
    static constexpr int delayMs = 500;

    DocumentSaver(Workspace *workspace, VorlageDocument *document, QObject *parent = nullptr);

    bool hasUnsavedChanges() const { return mDirty; }
    bool inConflict() const { return mConflict; }
    // Saves now if anything is unsaved (before closing, exporting, quitting).
    Result<void> saveNow();
    // After the user resolved a conflict (reloaded, or kept their version as a copy).
    void clearConflict();

signals:
    void saved();
    void saveFailed(const QString &message);
    void conflictDetected(const QString &message);

private:
    void changed();

    Workspace *mWorkspace;
    VorlageDocument *mDocument;
    Vorlage mStored; // the Vorlage as the workspace holds it at its revision: the base of the next save
    QTimer mTimer;
    bool mDirty = false;
    bool mConflict = false;
};

} // namespace vw
