#include "templates.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace vw {

namespace {

QJsonObject loadTemplates()
{
    QFile file(QStringLiteral(":/templates/templates.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

Vorlage vorlageFromTemplate(VorlageKind kind)
{
    static const QJsonObject templates = loadTemplates();
    QJsonObject tmpl = templates.value(kindKey(kind)).toObject();
    if (tmpl.isEmpty())
        tmpl = templates.value(QStringLiteral("beschlussvorlage")).toObject();

    Vorlage v;
    v.kind = kind;
    v.body = tmpl.value(QStringLiteral("body")).toString(QStringLiteral("Senat"));
    for (const QJsonValue &sv : tmpl.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject so = sv.toObject();
        Section s{so.value(QStringLiteral("label")).toString(), so.value(QStringLiteral("heading")).toString(), {}};
        contentFromJson(so.value(QStringLiteral("content")).toArray(), &s.content);
        v.sections.append(s);
    }
    return v;
}

} // namespace vw
