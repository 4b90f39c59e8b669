// The command line on a shared workspace on a PostgreSQL server (#13, first part): the same commands with
// --workspace naming the server, against the tests' throwaway cluster.
#include "clitest.h"

#include "../pgcluster.h"

#include "demo.h"

#include <QRegularExpression>
#include "searchindex.h"
#include "workspacecopy.h"

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

TEST_CASE("copy moves a workspace onto a server and back with every row, and refuses a non-empty target", "[cli][postgresql]")
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    Demo demo;
    const QString file = demo.workspacePath();
    demo.ok({QStringLiteral("list")}); // the default workspace with the demo Vorlagen
    // Review, versions, status and an Anlage with its file: what must survive the move.
    demo.ok({QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--section"), QStringLiteral("A"), QStringLiteral("--quote"),
             S("privaten Geräten"), QStringLiteral("--comment"), S("Gibt es dazu eine Zahl?")});
    demo.ok({QStringLiteral("version"), QStringLiteral("2"), QStringLiteral("--name"), QStringLiteral("zur Mitzeichnung")});
    demo.ok({QStringLiteral("status"), QStringLiteral("2"), QStringLiteral("in-abstimmung")});
    demo.ok({QStringLiteral("figure"), QStringLiteral("set"), QStringLiteral("tablets-lehrkraefte-kosten"), QStringLiteral("7600000")});
    {
        auto ws = Workspace::open(file, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.4 Anlage\n\x00\x01\x02\xff binary");
        auto sha = ws.value()->storeBlob(pdf);
        REQUIRE(sha.ok());
        Vorlage v = ws.value()->load(2).value();
        v.anlagen << Anlage{newItemId(), S("Kostenaufstellung"), QStringLiteral("kosten.pdf"), QStringLiteral("application/pdf"),
                            sha.value(), pdf.size(), S("Kosten je Schule"), false, QString(), true};
        REQUIRE(ws.value()->save(v).ok());
    }
    const auto before = WorkspaceCopy::describe(file);
    REQUIRE(before.ok());

    const QString server = cluster.location(cluster.createDatabase());
    const QString out = demo.ok({QStringLiteral("copy"), file, server});
    CHECK(out.contains(S("beide Seiten stimmen Tabelle für Tabelle überein")));
    CHECK(QRegularExpression(QStringLiteral("\\nversion: [1-9]")).match(out).hasMatch());
    const auto onServer = WorkspaceCopy::describe(server);
    REQUIRE(onServer.ok());
    REQUIRE(onServer->size() == before->size());
    for (int i = 0; i < before->size(); ++i) {
        INFO(before->at(i).name.toStdString());
        CHECK(onServer->at(i).rows == before->at(i).rows);
        CHECK(onServer->at(i).digest == before->at(i).digest);
    }
    // On the server it is the same workspace: the file of the Anlage, the search, new rows after the copied ones.
    {
        auto ws = Workspace::open(server, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        const Vorlage v = ws.value()->load(2).value();
        REQUIRE(v.anlagen.size() == 1);
        CHECK(ws.value()->blob(v.anlagen[0].sha256).value().endsWith(QByteArrayLiteral("\x00\x01\x02\xff binary")));
        CHECK_FALSE(ws.value()->search(SearchQuery(S("Kostenaufstellung")))->isEmpty());
        auto added = ws.value()->add(duplicateVorlage(v)); // new item ids: theirs are unique workspace-wide
        REQUIRE(added.ok());
        CHECK(added.value() == 3);
        REQUIRE(ws.value()->remove(added.value()).ok());
    }
    // And back into a new file: every row again.
    const QString back = demo.home.filePath(QStringLiteral("zurueck.vorlagen"));
    demo.ok({QStringLiteral("copy"), server, back});
    const auto returned = WorkspaceCopy::describe(back);
    REQUIRE(returned.ok());
    for (int i = 0; i < before->size(); ++i) {
        INFO(before->at(i).name.toStdString());
        CHECK(returned->at(i).digest == before->at(i).digest);
    }
    CHECK(demo.ok({QStringLiteral("--workspace"), back, QStringLiteral("search"), S("Kostenaufstellung")}).contains(S("Anlage")));

    // Not into a workspace that has Vorlagen: refused, nothing changed.
    const Run refused = demo.run({QStringLiteral("copy"), file, back});
    CHECK(refused.exitCode == 1);
    CHECK(refused.err.contains(S("nicht leer")));
    CHECK(WorkspaceCopy::describe(back)->at(4).digest == before->at(4).digest);
}
