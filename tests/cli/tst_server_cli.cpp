// The command line on a shared workspace on a PostgreSQL server (#13, first part): the same commands with
// --workspace naming the server, against the tests' throwaway cluster.
#include "clitest.h"

#include "../pgcluster.h"

#include "demo.h"

using namespace clitest;
using namespace vw;

TEST_CASE("the command line lists, shows, changes and searches a workspace on the server", "[cli][postgresql]")
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    const QString name = cluster.createDatabase();
    const QString location = cluster.location(name);
    {
        auto ws = Workspace::open(location, Workspace::Mode::OpenExisting);
        INFO(ws.error().toStdString());
        REQUIRE(ws.ok());
        REQUIRE(addDemoContent(*ws.value()).ok());
    }
    Demo demo;
    const QString list = demo.ok({QStringLiteral("--workspace"), location, QStringLiteral("list")});
    CHECK(list.contains(S("Digitale Endgeräte für Lehrkräfte an öffentlichen Schulen")));
    CHECK(list.contains(S("Mobiles Arbeiten in der bremischen Verwaltung")));

    demo.ok({QStringLiteral("--workspace"), location, QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("title"),
             S("Tablets für alle Lehrkräfte")});
    CHECK(demo.ok({QStringLiteral("--workspace"), location, QStringLiteral("show"), QStringLiteral("2")})
              .contains(S("Tablets für alle Lehrkräfte")));

    const Run found = demo.run({QStringLiteral("--workspace"), location, QStringLiteral("search"), S("lehrkraefte"),
                                QStringLiteral("--json")});
    INFO(found.err.toStdString());
    REQUIRE(found.exitCode == 0);
    const QJsonArray hits = QJsonDocument::fromJson(found.out.toUtf8()).array();
    REQUIRE_FALSE(hits.isEmpty());
    CHECK(hits.first().toObject()[QStringLiteral("id")].toInteger() == 2);
    CHECK(demo.run({QStringLiteral("--workspace"), location, QStringLiteral("search"), QStringLiteral("Quastenflosser")}).exitCode == 1);

    const Run unreachable = demo.run({QStringLiteral("--workspace"), QStringLiteral("host=/nonexistent dbname=x user=postgres"),
                                      QStringLiteral("list")});
    CHECK(unreachable.exitCode == 1);
    CHECK(unreachable.err.contains(S("nicht erreichbar")));
}
