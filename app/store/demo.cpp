#include "demo.h"

#include "vorlagejson.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vw {

Result<void> addDemoContent(Workspace &workspace)
{
    QFile file(QStringLiteral(":/demo/demo.json"));
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("vw::Workspace", "Die Beispielvorlagen fehlen im Programm.")};
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    QList<Figure> figures;
    for (const QJsonValue &value : demo.value(QStringLiteral("figures")).toArray()) {
        const QJsonObject o = value.toObject();
        Figure f;
        f.key = o.value(QStringLiteral("key")).toString();
        f.label = o.value(QStringLiteral("label")).toString();
        figureTypeFromKey(o.value(QStringLiteral("type")).toString(), &f.type);
        f.value = o.value(QStringLiteral("value")).toString();
        f.unit = o.value(QStringLiteral("unit")).toString();
        f.asOf = QDate::fromString(o.value(QStringLiteral("asOf")).toString(), Qt::ISODate);
        f.source = o.value(QStringLiteral("source")).toString();
        f.ressortKey = o.value(QStringLiteral("ressort")).toString();
        figures << f;
    }
    QList<Vorlage> vorlagen;
    for (const QJsonValue &value : demo.value(QStringLiteral("vorlagen")).toArray()) {
        auto vorlage = vorlageFromJson(value.toObject());
        if (!vorlage)
            return vorlage.failure();
        vorlagen << vorlage.value();
    }
    // Figures first: the Vorlagen quote them.
    if (auto r = workspace.setFigures(figures, QStringLiteral("Vorlagenwerk")); !r)
        return r;
    auto ids = workspace.addAll(vorlagen);
    if (!ids)
        return ids.failure();
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
            return r.failure();
        }
    }
    return workspace;
}

} // namespace vw
