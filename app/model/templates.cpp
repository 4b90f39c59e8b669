#include "templates.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonArray>
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

namespace {

const QJsonObject &templates()
{
    static const QJsonObject loaded = loadTemplates();
    return loaded;
}

} // namespace

namespace {

void collectStrings(const QJsonValue &value, QStringList *into)
{
    if (value.isString()) {
        into->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collectStrings(v, into);
    } else if (value.isObject()) {
        for (const QJsonValue &v : value.toObject())
            collectStrings(v, into);
    }
}

} // namespace

QStringList templateTexts()
{
    QStringList texts;
    collectStrings(templates(), &texts);
    return texts;
}

QStringList standardWordings(VorlageKind kind, const QString &label)
{
    QJsonObject wordings = templates().value(kindKey(kind)).toObject().value(QStringLiteral("wordings")).toObject();
    if (!wordings.contains(label))
        wordings = templates().value(QStringLiteral("wordings")).toObject();
    QStringList result;
    for (const QJsonValue &w : wordings.value(label).toArray())
        result << w.toString();
    return result;
}

Vorlage vorlageFromTemplate(VorlageKind kind)
{
    const QJsonObject &templates = vw::templates();
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
