#include "testutil.h"

#include "beteiligung.h"
#include "ressorts.h"
#include "templates.h"
#include "vorlage.h"

#include <QJsonDocument>

using namespace vw;

TEST_CASE("content survives the JSON round trip", "[model]")
{
    Paragraph p;
    p.append(Span{QStringLiteral("Der Senat "), false, false});
    p.append(Span{QStringLiteral("stimmt"), true, false});
    p.append(Span{QStringLiteral(" zu."), false, true});
    Block table;
    table.type = Block::Type::Table;
    table.headerRow = true;
    table.rows = {{Paragraph::plain(QStringLiteral("Jahr")), Paragraph::plain(QStringLiteral("Betrag"))},
                  {Paragraph::plain(QStringLiteral("2021")), Paragraph::plain(QStringLiteral("1.200 €"))}};
    const Content content{Block::para(p),
                          Block::list(Block::Type::NumberedList,
                                      {Paragraph::plain(QStringLiteral("eins")), Paragraph::plain(QStringLiteral("zwei"))}),
                          table, Block::placeholder(Block::Type::Answers)};

    const QByteArray json = QJsonDocument(contentToJson(content)).toJson();
    Content back;
    REQUIRE(contentFromJson(QJsonDocument::fromJson(json).array(), &back));
    CHECK(back == content);
}

TEST_CASE("content JSON from elsewhere is refused", "[model]")
{
    Content back;
    CHECK_FALSE(contentFromJson(QJsonDocument::fromJson(R"([{"type":"marquee"}])").array(), &back));
    CHECK_FALSE(contentFromJson(QJsonDocument::fromJson(R"([42])").array(), &back));
    CHECK(back.isEmpty());
}

TEST_CASE("adjacent spans with the same format merge", "[model]")
{
    Paragraph p;
    p.append(Span{QStringLiteral("a")});
    p.append(Span{QStringLiteral("b")});
    p.append(Span{QStringLiteral("c"), true});
    REQUIRE(p.spans.size() == 2);
    CHECK(p.spans[0].text == QStringLiteral("ab"));
    CHECK(p.plainText() == QStringLiteral("abc"));
}

TEST_CASE("Ressort names depend on the date", "[model]")
{
    const RessortTable table({
        {QStringLiteral("finanzen"), QStringLiteral("Die Senatorin für Finanzen"), QDate(2007, 7, 1), QDate(2019, 8, 14)},
        {QStringLiteral("finanzen"), QStringLiteral("Der Senator für Finanzen"), QDate(2019, 8, 15), QDate()},
    });
    CHECK(table.nameOn(QStringLiteral("finanzen"), QDate(2018, 1, 1)) == QStringLiteral("Die Senatorin für Finanzen"));
    CHECK(table.nameOn(QStringLiteral("finanzen"), QDate(2020, 5, 12)) == QStringLiteral("Der Senator für Finanzen"));
    CHECK(table.nameOn(QStringLiteral("finanzen"), QDate(2000, 1, 1)).isEmpty());
    CHECK(table.nameOn(QStringLiteral("finanzen"), QDate()) == QStringLiteral("Der Senator für Finanzen"));
    CHECK(table.keyForName(QStringLiteral("die  senatorin für Finanzen")) == QStringLiteral("finanzen"));
    CHECK(table.keyForName(QStringLiteral("Der Senator für Häfen")).isEmpty());
}

TEST_CASE("German dates are printed and parsed", "[model]")
{
    CHECK(germanDate(QDate(2020, 5, 4)) == QStringLiteral("04.05.2020"));
    CHECK(germanLongDate(QDate(2020, 5, 12)) == QStringLiteral("12. Mai 2020"));
    CHECK(parseGermanDate(QStringLiteral("4.5.2020")) == QDate(2020, 5, 4));
    CHECK(parseGermanDate(QStringLiteral("30.4.20")) == QDate(2020, 4, 30));
    CHECK(parseGermanDate(QStringLiteral("2020-05-12")) == QDate(2020, 5, 12));
    CHECK(parseGermanDate(QStringLiteral("17. November 2020")) == QDate(2020, 11, 17));
    CHECK(parseGermanDate(QStringLiteral("31.02.2020")).isValid() == false);
    CHECK(parseGermanDate(QStringLiteral("morgen")).isValid() == false);
}

TEST_CASE("a suggested file name keeps umlauts and leaves out what a file name should not hold", "[model]")
{
    // #11: the export dialog offered "im ffentlichen Dienst.pdf".
    CHECK(suggestedFileName(QStringLiteral("Mobiles Arbeiten im öffentlichen Dienst")) ==
          QStringLiteral("Mobiles Arbeiten im öffentlichen Dienst"));
    CHECK(suggestedFileName(QStringLiteral("Straßenbäume: „Grün“ für Bremen/Bremerhaven?")) ==
          QStringLiteral("Straßenbäume Grün für Bremen Bremerhaven"));
    CHECK(suggestedFileName(QStringLiteral("...versteckt.")) == QStringLiteral("versteckt"));
    CHECK(suggestedFileName(QString(100, QLatin1Char('x'))).size() == 80);
}

TEST_CASE("templates give each kind its sections", "[model]")
{
    const Vorlage fs = vorlageFromTemplate(VorlageKind::Fragestunde);
    REQUIRE(fs.sections.size() == 7);
    CHECK(fs.sections[0].label == QStringLiteral("A"));
    CHECK(fs.sections[6].heading == QStringLiteral("Beschluss"));
    CHECK(fs.section(QStringLiteral("A"))->content.first().type == Block::Type::Questions);
    CHECK(fs.section(QStringLiteral("B"))->content.first().type == Block::Type::Answers);

    const Vorlage sk = vorlageFromTemplate(VorlageKind::SenatskanzleiVortraege);
    REQUIRE_FALSE(sk.sections.isEmpty());
    CHECK(sk.section(QStringLiteral("A")) == nullptr);

    for (VorlageKind kind : allKinds()) {
        VorlageKind back;
        REQUIRE(kindFromKey(kindKey(kind), &back));
        CHECK(back == kind);
        CHECK_FALSE(vorlageFromTemplate(kind).sections.isEmpty());
    }
}

TEST_CASE("the proposal for section E names who agreed, after „mit“ in the dative", "[model][beteiligung]")
{
    const vw::RessortTable ressorts({{QStringLiteral("finanzen"), QStringLiteral("Der Senator für Finanzen"), {}, {}},
                                     {QStringLiteral("kinder"), QStringLiteral("Die Senatorin für Kinder und Bildung"), {}, {}}});
    vw::Vorlage v;
    v.date = QDate(2020, 11, 13);
    const auto entry = [](const QString &key, const QString &name, vw::Participation::State state, const QString &text = {}) {
        vw::Participation p;
        p.id = vw::newItemId();
        p.ressortKey = key;
        p.name = name;
        p.state = state;
        p.text = text;
        return p;
    };
    v.beteiligung = {entry(QStringLiteral("finanzen"), {}, vw::Participation::State::Zugestimmt),
                     entry({}, QStringLiteral("Senatskanzlei"), vw::Participation::State::Zugestimmt),
                     entry(QStringLiteral("kinder"), {}, vw::Participation::State::Angefragt),
                     entry({}, QStringLiteral("Gesamtpersonalrat"), vw::Participation::State::Einwaende,
                           QStringLiteral("Mitbestimmung fehlt."))};
    const QString text = vw::contentPlainText(vw::beteiligungProposal(v, ressorts));
    CHECK(text.contains(QStringLiteral("Die Vorlage ist mit dem Senator für Finanzen und der Senatskanzlei abgestimmt.")));
    CHECK(text.contains(QStringLiteral("Die Abstimmung mit der Senatorin für Kinder und Bildung ist eingeleitet.")));
    CHECK(text.contains(QStringLiteral("Gesamtpersonalrat hat Einwände erhoben: Mitbestimmung fehlt.")));
    // Settled objections count as agreement; objections become internal Anlagen.
    v.beteiligung[3].resolved = true;
    CHECK(vw::contentPlainText(vw::beteiligungProposal(v, ressorts)).contains(QStringLiteral("und dem Gesamtpersonalrat abgestimmt")));
    const vw::Anlage a = vw::objectionAnlage(v, v.beteiligung[3], ressorts);
    CHECK(a.internal);
    CHECK(a.text == QStringLiteral("Mitbestimmung fehlt."));
}
