#include "testutil.h"

#include "figure.h"

using namespace vw;

namespace {

QString parsed(FigureType type, const char *input)
{
    auto r = parseFigureValue(type, QString::fromUtf8(input));
    return r ? r.value() : QStringLiteral("ERROR");
}

QString shown(FigureType type, const char *value, bool millions = false, int groupFrom = 5)
{
    Figure f;
    f.type = type;
    f.value = QString::fromLatin1(value);
    f.millions = millions;
    return formatFigureValue(f, NumberStyle{groupFrom});
}

} // namespace

TEST_CASE("figure values are read as people type them", "[model]")
{
    CHECK(parsed(FigureType::Integer, "4750") == QStringLiteral("4750"));
    CHECK(parsed(FigureType::Integer, "91.430") == QStringLiteral("91430"));
    CHECK(parsed(FigureType::Integer, "1.200.000") == QStringLiteral("1200000"));
    CHECK(parsed(FigureType::Integer, "12,5") == QStringLiteral("ERROR"));
    CHECK(parsed(FigureType::Integer, "viele") == QStringLiteral("ERROR"));
    CHECK(parsed(FigureType::Decimal, "1,5") == QStringLiteral("1.5"));
    CHECK(parsed(FigureType::Decimal, "1.234,75") == QStringLiteral("1234.75"));
    CHECK(parsed(FigureType::Decimal, "1234.75") == QStringLiteral("1234.75"));
    CHECK(parsed(FigureType::Percentage, "12,5 %") == QStringLiteral("12.5"));
    CHECK(parsed(FigureType::Amount, "7.500.000 €") == QStringLiteral("7500000.00"));
    CHECK(parsed(FigureType::Amount, "7,5 Mio. €") == QStringLiteral("7500000.00"));
    CHECK(parsed(FigureType::Amount, "350,25 EUR") == QStringLiteral("350.25"));
    CHECK(parsed(FigureType::Date, "12.05.2020") == QStringLiteral("2020-05-12"));
    CHECK(parsed(FigureType::Date, "31.02.2020") == QStringLiteral("ERROR"));
    CHECK(parsed(FigureType::Amount, "") == QStringLiteral("ERROR"));
}

TEST_CASE("figures are printed in the workspace's number style", "[model]")
{
    CHECK(shown(FigureType::Integer, "4750") == QStringLiteral("4750"));
    CHECK(shown(FigureType::Integer, "91430") == QStringLiteral("91.430"));
    CHECK(shown(FigureType::Integer, "1200000") == QStringLiteral("1.200.000"));
    CHECK(shown(FigureType::Integer, "4750", false, 4) == QStringLiteral("4.750"));
    CHECK(shown(FigureType::Integer, "91430", false, 0) == QStringLiteral("91430"));
    CHECK(shown(FigureType::Decimal, "1234.5") == QStringLiteral("1234,5"));
    CHECK(shown(FigureType::Percentage, "12.5") == QStringLiteral("12,5 %"));
    CHECK(shown(FigureType::Amount, "7500000.00") == QStringLiteral("7.500.000 €"));
    CHECK(shown(FigureType::Amount, "350.25") == QStringLiteral("350,25 €"));
    CHECK(shown(FigureType::Amount, "7500000.00", true) == QStringLiteral("7,5 Mio. €"));
    CHECK(shown(FigureType::Amount, "1000000.00", true) == QStringLiteral("1 Mio. €"));
    CHECK(shown(FigureType::Date, "2020-05-12") == QStringLiteral("12.05.2020"));
}

TEST_CASE("figure keys are stable, lower case identifiers", "[model]")
{
    CHECK(isValidFigureKey(QStringLiteral("vpn-kapazitaet-bremen")));
    CHECK(isValidFigureKey(QStringLiteral("notebooks2020")));
    CHECK_FALSE(isValidFigureKey(QStringLiteral("VPN")));
    CHECK_FALSE(isValidFigureKey(QStringLiteral("2020-notebooks")));
    CHECK_FALSE(isValidFigureKey(QStringLiteral("a--b")));
    CHECK_FALSE(isValidFigureKey(QStringLiteral("kapazität")));
    for (FigureType t : allFigureTypes()) {
        FigureType back;
        REQUIRE(figureTypeFromKey(figureTypeKey(t), &back));
        CHECK(back == t);
    }
}
