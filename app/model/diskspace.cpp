#include "diskspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::DiskSpace", text);
}

constexpr qint64 nearlyFull = 1024 * 1024;

} // namespace

bool isDiskFull(const QString &path)
{
    // The nearest folder that exists: a file that could not be created has none of its own yet.
    QDir folder = QFileInfo(path).absoluteDir();
    while (!folder.exists() && folder.cdUp()) {
    }
    const QStorageInfo storage(folder.path());
    return storage.isValid() && storage.bytesAvailable() >= 0 && storage.bytesAvailable() < nearlyFull;
}

QString diskFullMessage(const QString &path)
{
    return tr("Der Datenträger ist voll: %1 kann nicht geschrieben werden. Bitte schaffen Sie Platz auf dem "
              "Datenträger und versuchen Sie es erneut.")
        .arg(QDir::toNativeSeparators(path));
}

QString writeFailureMessage(const QString &path, const QString &detail)
{
    if (isDiskFull(path))
        return diskFullMessage(path);
    return tr("%1 kann nicht geschrieben werden: %2").arg(QDir::toNativeSeparators(path), detail);
}

QString workspaceDiskFullMessage(const QString &workspacePath, bool opening)
{
    const QString path = QDir::toNativeSeparators(workspacePath);
    if (opening)
        return tr("Der Datenträger ist voll: Der Arbeitsbereich %1 kann nicht geöffnet werden, denn auch zum Lesen "
                  "braucht er etwas Platz für seine Arbeitsdateien. Der Arbeitsbereich ist unverändert und in "
                  "Ordnung; bitte schaffen Sie Platz auf dem Datenträger und versuchen Sie es erneut.")
            .arg(path);
    return tr("Der Datenträger ist voll: Die Änderung kann nicht in den Arbeitsbereich %1 geschrieben werden. "
              "Der Arbeitsbereich ist unverändert und in Ordnung; bitte schaffen Sie Platz auf dem Datenträger "
              "und versuchen Sie es erneut.")
        .arg(path);
}

} // namespace vw
