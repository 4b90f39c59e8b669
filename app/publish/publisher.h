#pragma once

#include "publicationcheck.h"
#include "registerpackage.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>

namespace vw {

class Workspace;

// Publication of decided Vorlagen to the Informationsregister, for the app and the command line:
// check, make the public PDF from the decided version, write the register package, record it.
class Publisher {
public:
    explicit Publisher(Workspace &workspace, RegisterOptions options = {});

    // Refusals and warnings for Vorlage `id` (its decided version, its annotations, the workspace's
    // protected names).
    Result<PublicationCheck> check(qint64 id) const;

    // Publishes Vorlage `id` into outDir/<name>/. Refuses, listing every reason, when check() refuses;
    // with warnings, only when `warningsConfirmed` (the app asks for each one, the command line takes
    // --confirm-warnings). Afterwards the Vorlage is Veröffentlicht with the checksum recorded; when
    // that cannot be recorded, the package is removed again.
    Result<RegisterPackage> publish(qint64 id, const QString &outDir, bool warningsConfirmed);

    struct Failure {
        qint64 id = 0;
        QString title;
        QString message;
    };
    struct SessionResult {
        QList<RegisterPackage> packages;
        QList<Failure> failures;
        QString indexPath;
    };
    // Every decided (not yet published) Vorlage of the session: one failure is reported and does not
    // stop or spoil the others. `progress` is called before each Vorlage (done, total, title) and
    // returns false to stop. The index lists the packages written.
    using Progress = std::function<bool(int done, int total, const QString &title)>;
    Result<SessionResult> publishSession(const QDate &sessionDate, const QString &outDir, bool warningsConfirmed,
                                         const Progress &progress = {});

    // The Vorlagen publishSession() would publish.
    Result<QList<qint64>> sessionVorlagen(const QDate &sessionDate) const;

private:
    // What check() and publish() both need: the decided version (else the current state), its
    // figures and the check.
    struct Prepared {
        Vorlage decided;
        FigureValues figures;
        PublicationCheck check;
    };
    Result<Prepared> prepare(qint64 id) const;

    Workspace &mWorkspace;
    RegisterOptions mOptions;
};

// Every reason in one message, one per line.
QString refusalReport(const QList<PublicationIssue> &issues);

} // namespace vw
