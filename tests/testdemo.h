#pragma once

#include "testutil.h"

#include "vorlagejson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// The demo Vorlagen as shipped (resources/demo/demo.json): [0] Fragestunde, [1] Beschlussvorlage.
inline QList<vw::Vorlage> demoVorlagen()
{
    QFile file(QStringLiteral(VW_SOURCE_DIR "/resources/demo/demo.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QList<vw::Vorlage> result;
    for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("vorlagen")).toArray()) {
        auto vorlage = vw::vorlageFromJson(v.toObject());
        REQUIRE(vorlage.ok());
        result << vorlage.value();
    }
    return result;
}
