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

TEST_CASE("server init, user add and remove set up who may do what; the server refuses the rest", "[cli][postgresql][rights]")
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    const QString name = cluster.createDatabase();
    const QString it = cluster.location(name); // IT: the cluster's superuser
    const auto as = [&it](const QString &login) {
        return QString(it).replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + login);
    };
    Demo demo;
    const auto cli = [&demo](const QString &location, QStringList arguments) {
        arguments.prepend(location);
        arguments.prepend(QStringLiteral("--workspace"));
        return demo.run(arguments);
    };

    Run run = cli(it, {QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--admin"), QStringLiteral("ida"),
                       QStringLiteral("--name"), S("Ida Verwaltung")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(S("eingerichtet")));
    {
        auto ws = Workspace::open(it, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        REQUIRE(addDemoContent(*ws.value()).ok());
    }

    // The administrator (not a superuser) adds people; a wrong role or Ressort is named.
    run = cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("carla"),
                                          QStringLiteral("--name"), S("Carla Prüfer"), QStringLiteral("--role"), QStringLiteral("reviewer"),
                                          QStringLiteral("--ressort"), QStringLiteral("inneres")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(S("Carla Prüfer")));
    run = cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("anna"),
                                          QStringLiteral("--name"), S("Anna Beispiel"), QStringLiteral("--role"), QStringLiteral("clerk"),
                                          QStringLiteral("--ressort"), QStringLiteral("kinder-bildung")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    run = cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("x"),
                                          QStringLiteral("--name"), S("X"), QStringLiteral("--role"), QStringLiteral("chef")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(S("„chef“ ist keine Rolle")));
    const QString members = cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("list")}).out;
    CHECK(members.contains(S("carla\tCarla Prüfer\treviewer\tinneres")));
    CHECK(members.contains(S("ida\tIda Verwaltung\tadmin")));

    // Anna edits her Ressort's Vorlage; Carla, asked by nobody, sees none and changes nothing.
    run = cli(as(QStringLiteral("anna")), {QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("title"), S("Tablets für alle")});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    CHECK_FALSE(cli(as(QStringLiteral("carla")), {QStringLiteral("list")}).out.contains(S("Tablets für alle")));
    run = cli(as(QStringLiteral("carla")), {QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("title"), S("Anders")});
    CHECK(run.exitCode == 1);
    // A reviewer may not add people either.
    run = cli(as(QStringLiteral("carla")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("eve"),
                                            QStringLiteral("--name"), S("Eve"), QStringLiteral("--role"), QStringLiteral("admin")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(S("nicht erlaubt")));

    run = cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("carla")});
    INFO(run.err.toStdString());
    CHECK(run.exitCode == 0);
    run = cli(as(QStringLiteral("carla")), {QStringLiteral("list")});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(S("nicht eingetragen")));
    CHECK(cli(as(QStringLiteral("ida")), {QStringLiteral("server"), QStringLiteral("migrate")}).exitCode == 0);
}
