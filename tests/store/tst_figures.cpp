#include "testdemo.h"

#include "workspace.h"

#include <QSqlQuery>
#include <QTemporaryDir>

using namespace vw;

namespace {

Figure vpn()
{
    Figure f;
    f.key = QStringLiteral("vpn-bremen");
    f.label = QStringLiteral("VPN-Zugänge Bremen, gleichzeitig");
    f.type = FigureType::Integer;
    f.value = QStringLiteral("4750");
    f.unit = QStringLiteral("Nutzer");
    f.asOf = QDate(2020, 4, 30);
    f.source = QStringLiteral("Dataport, Monatsbericht April");
    f.ressortKey = QStringLiteral("finanzen");
    return f;
}

} // namespace

TEST_CASE("figures are stored, changed with history, and refused when invalid", "[store]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("f.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Workspace &w = *ws.value();
    REQUIRE(w.setFigure(vpn(), QStringLiteral("anna")).ok());
    CHECK(w.figure(QStringLiteral("vpn-bremen")).value() == vpn());

    Figure changed = vpn();
    changed.value = QStringLiteral("5200");
    REQUIRE(w.setFigure(changed, QStringLiteral("jonas")).ok());
    changed.label = QStringLiteral("nur die Beschreibung");
    REQUIRE(w.setFigure(changed, QStringLiteral("jonas")).ok());
    auto history = w.figureHistory(QStringLiteral("vpn-bremen"));
    REQUIRE(history->size() == 2); // the label change is no change of the value
    CHECK(history->at(0).newValue == QStringLiteral("4750"));
    CHECK(history->at(1).oldValue == QStringLiteral("4750"));
    CHECK(history->at(1).newValue == QStringLiteral("5200"));
    CHECK(history->at(1).who == QStringLiteral("jonas"));

    Figure bad = vpn();
    bad.key = QStringLiteral("Ungültig Schlüssel");
    CHECK_FALSE(w.setFigure(bad, QString()).ok());
    bad = vpn();
    bad.value = QStringLiteral("viele");
    CHECK_FALSE(w.setFigure(bad, QString()).ok());
    // All or none.
    Figure second = vpn();
    second.key = QStringLiteral("notebooks");
    CHECK_FALSE(w.setFigures({second, bad}, QString()).ok());
    CHECK_FALSE(w.figure(QStringLiteral("notebooks")).ok());
    CHECK(w.figures()->size() == 1);
}

TEST_CASE("number style and figure age are workspace settings", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.vorlagen"));
    {
        auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
        REQUIRE(ws.ok());
        CHECK(ws.value()->numberStyle().groupFrom == 5);
        CHECK(ws.value()->figureMaxAgeDays() == 90);
        REQUIRE(ws.value()->setNumberStyle(NumberStyle{4}).ok());
        REQUIRE(ws.value()->setFigureMaxAgeDays(30).ok());
    }
    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    CHECK(ws.value()->numberStyle().groupFrom == 4);
    CHECK(ws.value()->figureMaxAgeDays() == 30);
}
