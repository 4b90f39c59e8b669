#pragma once

#include "testdemo.h"

#include "vorlagejson.h"

// The demo figures (resources/demo/demo.json), so that the demo Vorlagen print their numbers.
inline vw::FigureValues demoFigures()
{
    QFile file(QStringLiteral(VW_SOURCE_DIR "/resources/demo/demo.json"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QList<vw::Figure> figures;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("figures")).toArray()) {
        const QJsonObject o = value.toObject();
        vw::Figure f;
        f.key = o.value(QStringLiteral("key")).toString();
        f.label = o.value(QStringLiteral("label")).toString();
        REQUIRE(vw::figureTypeFromKey(o.value(QStringLiteral("type")).toString(), &f.type));
        f.value = o.value(QStringLiteral("value")).toString();
        f.unit = o.value(QStringLiteral("unit")).toString();
        f.asOf = QDate::fromString(o.value(QStringLiteral("asOf")).toString(), Qt::ISODate);
        figures << f;
    }
    return vw::FigureValues(figures, {});
}

// A demo Vorlage ([0] Fragestunde, 12.05.2020; [1] Beschlussvorlage, 17.11.2020) as the Senate decided it:
// status Beschlossen, the figures' values frozen in its quotes.
inline vw::Vorlage decidedDemo(int index)
{
    vw::Vorlage v = demoVorlagen()[index];
    v.status = vw::Status::Beschlossen;
    v.outcome = vw::Outcome::Unveraendert;
    vw::freezeFigures(v, demoFigures());
    return v;
}
