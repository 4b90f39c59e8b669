// A shared workspace on a PostgreSQL server (#13, first part): the same Workspace and repositories over the
// tests' throwaway PostgreSQL 15 cluster — Vorlagen, place-level saves with their conflict and read-only codes,
// figures, comments, status, search — and a server schema newer than the program refused.
#include "testutil.h"

#include "../pgcluster.h"

#include "database.h"
#include "demo.h"
#include "migrations.h"
#include "searchindex.h"
#include "workspace.h"

#include <QSqlQuery>

using namespace vw;

namespace {

// A new database on the cluster, as a location Workspace::open takes (libpq's key=value form).
QString newServerWorkspace()
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    const QString name = cluster.createDatabase();
    REQUIRE(cluster.error().isEmpty());
    return cluster.location(name);
}

std::unique_ptr<Workspace> openServer(const QString &location)
{
    auto ws = Workspace::open(location, Workspace::Mode::OpenExisting);
    INFO(ws.error().toStdString());
    REQUIRE(ws.ok());
    return std::move(ws.value());
}

Vorlage draft(const QString &title, const QString &sectionB)
{
    Vorlage v;
    v.title = title;
    v.kind = VorlageKind::Beschlussvorlage;
    v.body = QStringLiteral("Senat");
    v.date = QDate(2020, 11, 13);
    v.sessionDate = QDate(2020, 11, 17);
    v.ressorts = {RessortRef{QStringLiteral("kinder-bildung"), QString(), true}};
    v.sections = {Section{QStringLiteral("A"), QStringLiteral("Problem"), {}},
                  Section{QStringLiteral("B"), QStringLiteral("Lösung"), {Block::para(sectionB)}}};
    v.beschluss = {BeschlussItem{QString(), Paragraph::plain(QStringLiteral("Der Senat stimmt zu.")), {}, {}}};
    return v;
}

QList<qint64> ids(const QList<SearchHit> &hits)
{
    QList<qint64> list;
    for (const SearchHit &h : hits)
        if (!list.contains(h.vorlageId))
            list << h.vorlageId;
    return list;
}

} // namespace

TEST_CASE("a workspace on the server stores, saves by place, refuses conflicts and decided Vorlagen", "[store][postgresql]")
{
    REQUIRE(Database::isServer(QStringLiteral("postgresql://server.bremen.de/vorlagen?sslmode=verify-full")));
    REQUIRE(Database::isServer(QStringLiteral("service=vorlagen")));
    REQUIRE_FALSE(Database::isServer(QStringLiteral("/home/anna/amt.vorlagen")));
    REQUIRE_FALSE(Database::isServer(QStringLiteral("/home/anna/a=b/amt.vorlagen")));
    REQUIRE_FALSE(Database::isServer(QStringLiteral("stand=2020.vorlagen")));
    REQUIRE(Database::isServer(QStringLiteral("host=/run/postgresql dbname=vorlagen")));
    CHECK(Database::withoutPassword(QStringLiteral("postgresql://anna:geheim@server/vorlagen?sslmode=verify-full"))
          == QStringLiteral("postgresql://anna@server/vorlagen?sslmode=verify-full"));
    CHECK(Database::withoutPassword(QStringLiteral("host=server password='ge heim' dbname=vorlagen"))
          == QStringLiteral("host=server dbname=vorlagen"));
    CHECK(Database::withoutPassword(QStringLiteral("host=server password=geheim")) == QStringLiteral("host=server"));

    const QString location = newServerWorkspace();
    auto ws = openServer(location);
    ws->setAuthor(QStringLiteral("Anna Beispiel"));
    CHECK(ws->ressorts().hasKey(QStringLiteral("finanzen"))); // 0001's rows are there
    auto id = ws->add(draft(QStringLiteral("Digitale Endgeräte"), QStringLiteral("Alle Lehrkräfte erhalten ein Tablet.")));
    INFO(id.error().toStdString());
    REQUIRE(id.ok());
    Vorlage v = ws->load(id.value()).value();
    CHECK(v.title == QStringLiteral("Digitale Endgeräte"));
    REQUIRE(v.beschluss.size() == 1);
    CHECK_FALSE(v.beschluss[0].id.isEmpty());

    // A place-level save, then a save from a stale revision: a conflict by code, nothing changed.
    const Vorlage base = v;
    v.sections[1].content = {Block::para(QStringLiteral("Alle Lehrkräfte erhalten ein dienstliches Tablet."))};
    auto revision = ws->save(v, &base);
    REQUIRE(revision.ok());
    Vorlage stale = base;
    stale.title = QStringLiteral("Anders");
    CHECK(ws->save(stale, &base).code() == ErrorCode::Conflict);
    CHECK(ws->load(id.value())->title == QStringLiteral("Digitale Endgeräte"));
    CHECK(ws->load(id.value())->sections[1].content == v.sections[1].content);

    // A second connection (another machine) sees the save.
    auto other = openServer(location);
    CHECK(other->load(id.value())->sections[1].content == v.sections[1].content);
    CHECK(other->list()->size() == 1);

    // Figures with history, comments.
    Figure f;
    f.key = QStringLiteral("tablets");
    f.label = QStringLiteral("Tablets für Lehrkräfte");
    f.type = FigureType::Integer;
    f.value = QStringLiteral("6000");
    REQUIRE(ws->setFigure(f, QStringLiteral("Anna Beispiel")).ok());
    f.value = QStringLiteral("6200");
    REQUIRE(other->setFigure(f, QStringLiteral("Jonas Muster")).ok());
    auto history = ws->figureHistory(QStringLiteral("tablets"));
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK(history->at(1).who == QStringLiteral("Jonas Muster"));
    Annotation a;
    a.vorlageId = id.value();
    a.anchor = {{Place::Kind::Section, QStringLiteral("B")}, 5, 15, QStringLiteral("Lehrkräfte"), false};
    a.author = QStringLiteral("Jonas Muster");
    a.text = QStringLiteral("Auch die Referendare?");
    auto added = other->addAnnotation(a);
    INFO(added.error().toStdString());
    REQUIRE(added.ok());
    auto comments = ws->annotations(id.value());
    REQUIRE(comments.ok());
    REQUIRE(comments->size() == 1);
    CHECK(comments->at(0).anchor.end == 15);

    // Decided (the demo's complete Beschlussvorlage): the store refuses a save by code.
    REQUIRE(addDemoContent(*ws).ok()); // the demo Vorlagen with their figures, as on a first start
    qint64 demoId = 0;
    for (const VorlageSummary &s : ws->list().value())
        if (s.kind == VorlageKind::Beschlussvorlage && s.title.startsWith(QStringLiteral("Digitale Endgeräte für")))
            demoId = s.id;
    REQUIRE(demoId != 0);
    const Result<qint64> demo = demoId;
    REQUIRE(ws->setStatus(demo.value(), Status::InAbstimmung).ok());
    auto ready = ws->setStatus(demo.value(), Status::Beschlussreif);
    INFO(ready.error().toStdString());
    REQUIRE(ready.ok());
    REQUIRE(ws->setStatus(demo.value(), Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    Vorlage decided = ws->load(demo.value()).value();
    Vorlage changed = decided;
    changed.title = QStringLiteral("Nachträglich");
    CHECK(ws->save(changed, &decided).code() == ErrorCode::ReadOnly);
    CHECK_FALSE(ws->versions(demo.value())->isEmpty());
    CHECK(other->load(demo.value())->status == Status::Beschlossen);
}

TEST_CASE("search on the server: the same folding, prefixes, phrases, filters and snippets", "[store][postgresql][search]")
{
    auto ws = openServer(newServerWorkspace());
    const auto add = [&ws](const Vorlage &v) {
        auto id = ws->add(v);
        INFO(id.error().toStdString());
        REQUIRE(id.ok());
        return id.value();
    };
    const qint64 a = add(draft(QStringLiteral("Mobiles Arbeiten"),
                               QStringLiteral("Homeoffice für Beschäftigte: mobile Arbeit mit 4750 VPN-Zugängen.")));
    const qint64 b = add(draft(QStringLiteral("Straßenbahn Huchting"), QStringLiteral("Die Straßenbahn fährt öfter.")));
    const auto find = [&ws](const QString &text) {
        auto hits = ws->search(SearchQuery(text));
        INFO(hits.error().toStdString());
        REQUIRE(hits.ok());
        return hits.value();
    };
    CHECK(ids(find(QStringLiteral("homeoffice"))) == QList<qint64>{a});
    CHECK(ids(find(QStringLiteral("Homeoff*"))) == QList<qint64>{a});
    CHECK(ids(find(QStringLiteral("\"mobile Arbeit\""))) == QList<qint64>{a});
    CHECK(find(QStringLiteral("\"Arbeit mobile\"")).isEmpty());
    CHECK(ids(find(QStringLiteral("Strassenbahn"))) == QList<qint64>{b});
    CHECK(ids(find(QStringLiteral("beschaeftigte"))) == QList<qint64>{a});
    CHECK(ids(find(QStringLiteral("VPN-Zugänge*"))) == QList<qint64>{a});
    CHECK(ids(find(QStringLiteral("4750"))) == QList<qint64>{a});
    CHECK(find(QStringLiteral("\" * ) AND")).isEmpty()); // no input is a syntax error
    auto hits = find(QStringLiteral("Straßenbahn"));
    REQUIRE_FALSE(hits.isEmpty());
    CHECK(hits[0].markedSnippet().contains(QStringLiteral("»Straßenbahn«")));
    SearchQuery filtered(QStringLiteral("Senat"));
    filtered.ressortKey = QStringLiteral("finanzen");
    CHECK(ws->search(filtered)->isEmpty());
    filtered.ressortKey = QStringLiteral("kinder-bildung");
    CHECK(ids(ws->search(filtered).value()).size() == 2);

    // A save re-indexes on the server too.
    Vorlage v = ws->load(b).value();
    v.sections[1].content = {Block::para(QStringLiteral("Der Bus fährt öfter."))};
    REQUIRE(ws->save(v).ok());
    CHECK(find(QStringLiteral("Straßenbahn")).size() == 1); // only the title is left
    CHECK(ids(find(QStringLiteral("Bus"))) == QList<qint64>{b});
}

TEST_CASE("a server schema newer than the program is refused and left as it is", "[store][postgresql]")
{
    const QString location = newServerWorkspace();
    openServer(location).reset();
    {
        PgCluster &cluster = PgCluster::instance();
        QSqlDatabase db = cluster.connect(location.section(QStringLiteral("dbname="), 1).section(QLatin1Char(' '), 0, 0),
                                          QStringLiteral("newer"));
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("UPDATE schema_version SET version = %1").arg(Migrations::latestVersion() + 1)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    auto refused = Workspace::open(location, Workspace::Mode::OpenExisting);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.code() == ErrorCode::NewerSchema);
    CHECK(refused.error().contains(QStringLiteral("neueren Version")));

    auto unreachable = Workspace::open(QStringLiteral("host=/nonexistent port=5432 dbname=x user=postgres"),
                                       Workspace::Mode::OpenExisting);
    REQUIRE_FALSE(unreachable.ok());
    CHECK(unreachable.error().contains(QStringLiteral("nicht erreichbar")));
}
