#include "demo.h"

#include "vorlagejson.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace vw {

Result<void> addDemoContent(Workspace &workspace)
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("vw::Workspace", "Die Beispielvorlagen fehlen im Programm.")};
    QList<Vorlage> vorlagen;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        auto vorlage = vorlageFromJson(value.toObject());
        if (!vorlage)
            return Error{vorlage.error()};
        vorlagen << vorlage.value();
    }
    auto ids = workspace.addAll(vorlagen);
    if (!ids)
        return Error{ids.error()};
    return {};
}

Result<std::unique_ptr<Workspace>> openOrCreateWithDemo(const QString &path)
{
    const bool isNew = !QFileInfo::exists(path);
    auto workspace = Workspace::open(path, Workspace::Mode::CreateIfMissing);
    if (workspace && isNew) {
        if (auto r = addDemoContent(*workspace.value()); !r) {
            // Nothing of ours is in the new file yet: do not leave a half-made workspace behind.
            workspace.value().reset();
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
            return Error{r.error()};
        }
    }
    return workspace;
}

} // namespace vw
