#include "clitest.h"

#include <QSqlDatabase>

using namespace clitest;

namespace {

QStringList rowsOf(const QString &out)
{
    return out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QSet<QString> idsOf(const QString &out)
{
    QSet<QString> ids;
    for (const QString &row : rowsOf(out))
        ids.insert(row.section(QLatin1Char('\t'), 0, 0));
    return ids;
}

} // namespace

TEST_CASE("search prints id, session date, title, place and a marked snippet; exit 1 without hits", "[search][cli]")
{
    Demo demo;
    Run r = demo.run({S("search"), S("Homeoff*")});
    REQUIRE(r.exitCode == 0);
    const QStringList rows = rowsOf(r.out);
    REQUIRE_FALSE(rows.isEmpty());
    const QStringList cols = rows.first().split(QLatin1Char('\t'));
    REQUIRE(cols.size() == 5);
    CHECK(cols[0] == S("1"));
    CHECK(cols[1] == S("12.05.2020"));
    CHECK(cols[2] == S("Mobiles Arbeiten in der bremischen Verwaltung"));
    CHECK(cols[3] == S("Zahlen")); // the label of the figure it quotes
    CHECK(cols[4].contains(S("»Homeoffice«-Arbeitsplätze")));

    r = demo.run({S("search"), S("Zauberwort")});
    CHECK(r.exitCode == 1);
    CHECK(r.out.isEmpty());
    CHECK(r.err.contains(S("Keine Treffer")));

    // Words, a phrase in double quotes, umlauts folded.
    r = demo.run({S("search"), S("\"mobiles Arbeiten\""), S("verankern")});
    REQUIRE(r.exitCode == 0);
    CHECK(rowsOf(r.out).size() == 1);
    CHECK(r.out.contains(S("\tFrage 3\t")));
    CHECK(r.out.contains(S("»mobiles Arbeiten« dauerhaft in der bremischen Verwaltung zu »verankern«")));
    CHECK(idsOf(demo.ok({S("search"), S("LEHRKRAEFTE")})) == QSet<QString>{S("2")});
}

TEST_CASE("search --json gives the place, the snippet with its highlights and the rank", "[search][cli]")
{
    Demo demo;
    const Run r = demo.run({S("search"), S("Lehrkräfte"), S("--json")});
    REQUIRE(r.exitCode == 0);
    const QJsonArray hits = QJsonDocument::fromJson(r.out.toUtf8()).array();
    REQUIRE_FALSE(hits.isEmpty());
    double rank = -1e9;
    QStringList places;
    for (const QJsonValue &hit : hits) {
        CHECK(hit[S("id")].toInt() == 2);
        CHECK(hit[S("title")].toString() == S("Digitale Endgeräte für Lehrkräfte an öffentlichen Schulen"));
        CHECK(hit[S("kind")].toString() == S("beschlussvorlage"));
        CHECK(hit[S("status")].toString() == S("entwurf"));
        CHECK(hit[S("sessionDate")].toString() == S("2020-11-17"));
        CHECK(hit[S("snippet")].toString().contains(S("»Lehrkräfte«")));
        const QString text = hit[S("text")].toString();
        const QJsonArray first = hit[S("highlights")].toArray().first().toArray();
        CHECK(text.mid(first[0].toInt(), first[1].toInt()) == S("Lehrkräfte"));
        CHECK(hit[S("rank")].toDouble() >= rank);
        rank = hit[S("rank")].toDouble();
        places << hit[S("place")].toString() + S(" ") + hit[S("placeLabel")].toString();
    }
    CHECK(places.contains(S("header:title Titel")));
    CHECK(places.contains(S("section:B Abschnitt B")));
    CHECK(std::any_of(places.cbegin(), places.cend(), [](const QString &p) {
        return p.startsWith(S("beschluss:")) && p.endsWith(S("Beschlusspunkt 1"));
    }));

    const Run none = demo.run({S("search"), S("Zauberwort"), S("--json")});
    CHECK(none.exitCode == 1);
    CHECK(QJsonDocument::fromJson(none.out.toUtf8()).array().isEmpty());
}

TEST_CASE("search filters by kind, status, Ressort and session dates in German or ISO form", "[search][cli]")
{
    Demo demo;
    // "Bremen" is in both demo Vorlagen.
    CHECK(idsOf(demo.ok({S("search"), S("Bremen")})) == QSet<QString>{S("1"), S("2")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--kind"), S("fragestunde")})) == QSet<QString>{S("1")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--from"), S("1.6.2020")})) == QSet<QString>{S("2")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--to"), S("2020-06-01")})) == QSet<QString>{S("1")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--from"), S("12.05.2020"), S("--to"), S("12.05.2020")}))
          == QSet<QString>{S("1")});
    // Lead or involved: Finanzen leads 1 and is involved in 2; Kinder und Bildung leads 2 only.
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--ressort"), S("Der Senator für Finanzen")}))
          == QSet<QString>{S("1"), S("2")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--ressort"), S("kinder-bildung")})) == QSet<QString>{S("2")});
    CHECK(demo.run({S("search"), S("Bremen"), S("--decided")}).exitCode == 1);
    demo.ok({S("status"), S("2"), S("in-abstimmung"), S("--force")});
    CHECK(idsOf(demo.ok({S("search"), S("Bremen"), S("--status"), S("in-abstimmung")})) == QSet<QString>{S("2")});
    CHECK(demo.run({S("search"), S("Bremen"), S("--ressort"), S("Ministerium für Magie")}).exitCode == 1);

    for (const QStringList &wrong : {QStringList{S("search")}, QStringList{S("search"), S("\"")},
                                     QStringList{S("search"), S("*"), S("-")},
                                     QStringList{S("search"), S("Bremen"), S("--from"), S("31.02.2021")},
                                     QStringList{S("search"), S("Bremen"), S("--kind"), S("roman")},
                                     QStringList{S("search"), S("Bremen"), S("--status"), S("fertig")}}) {
        INFO(wrong.join(QLatin1Char(' ')).toStdString());
        const Run r = demo.run(wrong);
        CHECK(r.exitCode == 2);
        CHECK(r.err.startsWith(S("Fehler: ")));
    }
    // Stray FTS5 syntax is text, never an error.
    CHECK(demo.run({S("search"), S("Bremen\"")}).exitCode == 0);
    CHECK(demo.run({S("search"), S("-Bremen (")}).exitCode == 0);
    const Run words = demo.run({S("search"), S("Bremen OR NOT")}); // words, not operators: no such text
    CHECK(words.exitCode == 1);
    CHECK(words.err.contains(S("Keine Treffer")));
}

TEST_CASE("search follows an edit on the command line and reports a rebuilt index", "[search][cli]")
{
    Demo demo;
    CHECK(demo.run({S("search"), S("Glasfaserausbau")}).exitCode == 1);
    demo.ok({S("set"), S("2"), S("title"), S("Glasfaserausbau an Schulen")});
    CHECK(idsOf(demo.ok({S("search"), S("glasfaser*")})) == QSet<QString>{S("2")});

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(S("QSQLITE"), S("damage"));
        db.setDatabaseName(demo.workspacePath());
        REQUIRE(db.open());
        QSqlQuery q(db);
        REQUIRE(q.exec(S("DROP TABLE search_fts")));
        db.close();
    }
    QSqlDatabase::removeDatabase(S("damage"));
    const Run r = demo.run({S("search"), S("glasfaser*")});
    CHECK(r.exitCode == 0);
    CHECK(r.err.contains(S("Hinweis: ")));
    CHECK(r.err.contains(S("Suchindex")));
    CHECK(idsOf(r.out) == QSet<QString>{S("2")});
    CHECK_FALSE(demo.run({S("search"), S("glasfaser*")}).err.contains(S("Suchindex")));
}
