#pragma once

#include <QDir>
#include <QFileInfo>

// How many of this process's descriptors point to a deleted file: a -wal or -shm someone else removed.
inline int deletedDescriptors()
{
    int deleted = 0;
    for (const QFileInfo &fd : QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::Files | QDir::System))
        deleted += fd.symLinkTarget().endsWith(QLatin1String(" (deleted)"));
    return deleted;
}
