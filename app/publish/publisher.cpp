#include "publisher.h"

#include "workspace.h"

#include <QCoreApplication>
#include <QDir>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Publisher", text);
}

} // namespace

QString refusalReport(const QList<PublicationIssue> &issues)
{
    QStringList lines;
    for (const PublicationIssue &issue : issues)
        lines << QStringLiteral("– %1").arg(issue.message);
    return lines.join(QLatin1Char('\n'));
}

Publisher::Publisher(Workspace &workspace, RegisterOptions options) : mWorkspace(workspace), mOptions(std::move(options))
{
}

Result<Publisher::Prepared> Publisher::prepare(qint64 id) const
{
    auto current = mWorkspace.load(id);
    if (!current)
        return current.failure();
    auto annotations = mWorkspace.annotations(id);
    if (!annotations)
        return annotations.failure();
    auto names = mWorkspace.protectedPersons();
    if (!names)
        return names.failure();
    // A Vorlage that is not decided has no decided version: the check then runs on the current state,
    // which reports it as not decided (and whatever else stands in the way).
    auto decided = isReadOnly(current->status) ? mWorkspace.decidedVersion(id) : current;
    if (!decided)
        return decided.failure();
    // Objections settled after the decision count as settled (Workspace::setObjectionResolved()).
    decided->beteiligung = current->beteiligung;
    auto figures = mWorkspace.figureValues(&decided.value());
    if (!figures)
        return figures.failure();
    PublicationCheck checked = checkPublication(decided.value(), annotations.value(), names.value(), &figures.value());
    return Prepared{std::move(decided).value(), std::move(figures).value(), std::move(checked)};
}

Result<PublicationCheck> Publisher::check(qint64 id) const
{
    auto prepared = prepare(id);
    if (!prepared)
        return prepared.failure();
    return prepared->check;
}

Result<RegisterPackage> Publisher::publish(qint64 id, const QString &outDir, bool warningsConfirmed)
{
    auto prepared = prepare(id);
    if (!prepared)
        return prepared.failure();
    const PublicationCheck &checked = prepared->check;
    if (checked.refused())
        return Error{tr("Vorlage %1 wird nicht veröffentlicht:\n%2").arg(id).arg(refusalReport(checked.refusals))};
    if (!checked.warnings.isEmpty() && !warningsConfirmed)
        return Error{tr("Vorlage %1 enthält möglicherweise personenbezogene Daten; jede Stelle muss bestätigt "
                        "werden:\n%2")
                         .arg(id)
                         .arg(refusalReport(checked.warnings))};
    auto document = makePublicDocument(prepared->decided, mWorkspace.ressorts(), prepared->figures,
                                       [this](const Anlage &a) { return mWorkspace.blob(a.sha256); });
    if (!document)
        return document.failure();
    if (!QDir().mkpath(outDir))
        return Error{tr("Der Ordner %1 kann nicht angelegt werden.").arg(QDir::toNativeSeparators(outDir))};
    auto package = writeRegisterPackage(document.value(), outDir, mOptions);
    if (!package)
        return package;
    if (auto r = mWorkspace.recordPublication(id, package->mainFile.sha512, package->folder); !r) {
        QDir(package->folder).removeRecursively();
        return Error{tr("Die Veröffentlichung von Vorlage %1 konnte nicht festgehalten werden; das Paket wurde "
                        "wieder entfernt: %2")
                         .arg(id)
                         .arg(r.error())};
    }
    return package;
}

Result<QList<qint64>> Publisher::sessionVorlagen(const QDate &sessionDate) const
{
    auto rows = mWorkspace.list();
    if (!rows)
        return rows.failure();
    QList<qint64> ids;
    for (const VorlageSummary &s : rows.value()) {
        if (s.sessionDate == sessionDate && s.status == Status::Beschlossen)
            ids << s.id;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<Publisher::SessionResult> Publisher::publishSession(const QDate &sessionDate, const QString &outDir,
                                                           bool warningsConfirmed, const Progress &progress)
{
    auto ids = sessionVorlagen(sessionDate);
    if (!ids)
        return ids.failure();
    if (ids->isEmpty())
        return Error{tr("Für die Sitzung am %1 gibt es keine beschlossene, noch nicht veröffentlichte Vorlage.")
                         .arg(germanDate(sessionDate))};
    if (!QDir().mkpath(outDir))
        return Error{tr("Der Ordner %1 kann nicht angelegt werden.").arg(QDir::toNativeSeparators(outDir))};
    SessionResult result;
    for (int i = 0; i < ids->size(); ++i) {
        const qint64 id = ids->at(i);
        auto vorlage = mWorkspace.load(id);
        const QString title = vorlage ? vorlage->title : QString();
        if (progress && !progress(i, int(ids->size()), title))
            break;
        auto package = vorlage ? publish(id, outDir, warningsConfirmed) : Result<RegisterPackage>(vorlage.failure());
        if (package)
            result.packages << package.value();
        else
            result.failures << Failure{id, title, package.error()};
    }
    if (progress)
        progress(int(ids->size()), int(ids->size()), QString());
    auto index = writeSessionIndex(outDir, sessionDate, result.packages, mOptions);
    if (!index)
        return index.failure();
    result.indexPath = index.value();
    return result;
}

} // namespace vw
