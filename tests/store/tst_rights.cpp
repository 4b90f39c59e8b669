// Rights on a shared workspace (#13), enforced by the server: each person logs in as their own database role
// of the tests' throwaway cluster, and what they may not do is refused by the server — through the Workspace
// (with a message and ErrorCode::Refused, told apart from a conflict) and with hand-written SQL through the very
// same connection.
#include "testutil.h"

#include "../pgcluster.h"

#include "database.h"
#include "demo.h"
#include "serveraccess.h"
#include "workspace.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace vw;
using Kind = ServerAccess::Kind;

namespace {

struct Server {
    QString database;
    std::unique_ptr<Workspace> it; // the cluster's superuser: sets things up and looks at what is stored
    qint64 finanzen = 0;           // a Vorlage of Finanzen, Inneres asked to co-sign
    qint64 bildung = 0;            // a Vorlage of Kinder und Bildung, nobody asked

    QString location(const QString &login) const
    {
        return PgCluster::instance().location(database).replace(QStringLiteral("user=postgres"), QStringLiteral("user=") + login);
    }
    std::unique_ptr<Workspace> open(const QString &login) const
    {
        auto ws = Workspace::open(location(login), Workspace::Mode::OpenExisting);
        INFO(ws.error().toStdString());
        REQUIRE(ws.ok());
        return std::move(ws.value());
    }
    Vorlage stored(qint64 id) const
    {
        auto v = it->load(id);
        REQUIRE(v.ok());
        return v.value();
    }
};

Vorlage draft(const QString &ressort, const QString &title)
{
    Vorlage v;
    v.title = title;
    v.kind = VorlageKind::Beschlussvorlage;
    v.body = QStringLiteral("Senat");
    v.date = QDate(2020, 11, 13);
    v.sessionDate = QDate(2020, 11, 17);
    v.ressorts = {RessortRef{ressort, QString(), true}};
    v.sections = {Section{QStringLiteral("A"), QStringLiteral("Problem"), {Block::para(QStringLiteral("Die Lage."))}},
                  Section{QStringLiteral("B"), QStringLiteral("Lösung"), {Block::para(QStringLiteral("Der Plan."))}}};
    v.beschluss = {BeschlussItem{QString(), Paragraph::plain(QStringLiteral("Der Senat stimmt zu.")), {}, {}}};
    return v;
}

Server setUp()
{
    PgCluster &cluster = PgCluster::instance();
    INFO(cluster.error().toStdString());
    REQUIRE(cluster.error().isEmpty());
    Server s;
    s.database = cluster.createDatabase();
    REQUIRE(cluster.error().isEmpty());
    s.it = s.open(QStringLiteral("postgres"));
    REQUIRE_FALSE(s.it->member()); // a superuser is nobody's member: unchecked

    // The demo's Beschlussvorlage (complete, with its figures: it may go on to „beschlussreif“), made Finanzen's.
    REQUIRE(addDemoContent(*s.it).ok());
    for (const VorlageSummary &summary : s.it->list().value()) {
        if (summary.kind == VorlageKind::Beschlussvorlage)
            s.finanzen = summary.id;
    }
    Vorlage f = s.stored(s.finanzen);
    f.title = QStringLiteral("Haushalt 2021");
    f.ressorts = {RessortRef{QStringLiteral("finanzen"), QString(), true}};
    Participation inneres;
    inneres.ressortKey = QStringLiteral("inneres");
    Participation bau;
    bau.ressortKey = QStringLiteral("bau");
    f.beteiligung = {inneres, bau};
    REQUIRE(s.it->save(f).ok());
    auto id = s.it->add(draft(QStringLiteral("kinder-bildung"), QStringLiteral("Schulbau")));
    REQUIRE(id.ok());
    s.bildung = id.value();

    const QList<ServerAccess::Member> people = {
        {QStringLiteral("anna"), QStringLiteral("Anna Beispiel"), Kind::Clerk, QStringLiteral("finanzen")},
        {QStringLiteral("bernd"), QStringLiteral("Bernd Muster"), Kind::Clerk, QStringLiteral("kinder-bildung")},
        {QStringLiteral("carla"), QStringLiteral("Carla Prüfer"), Kind::Reviewer, QStringLiteral("inneres")},
        {QStringLiteral("dora"), QStringLiteral("Dora Kanzlei"), Kind::Senatskanzlei, QStringLiteral("senatskanzlei")},
    };
    for (const ServerAccess::Member &m : people) {
        auto added = ServerAccess::addMember(s.it->database(), m);
        INFO(added.error().toStdString());
        REQUIRE(added.ok());
    }
    return s;
}

QList<qint64> listed(const Workspace &ws)
{
    auto list = ws.list();
    REQUIRE(list.ok());
    QList<qint64> ids;
    for (const VorlageSummary &s : list.value())
        ids << s.id;
    return ids;
}

// Hand-written SQL through the workspace's own connection: refused (false, SQLSTATE 42501) or how many rows changed.
int handWritten(const Workspace &ws, const QString &statement, QString *state = nullptr)
{
    QSqlQuery q(ws.database());
    if (!q.exec(statement)) {
        if (state)
            *state = q.lastError().nativeErrorCode();
        return -1;
    }
    return q.numRowsAffected();
}


} // namespace

TEST_CASE("a reviewer reads what its Ressort reviews, comments in its own name, answers for its Ressort — nothing else",
          "[store][postgresql][rights]")
{
    Server server = setUp();
    auto carla = server.open(QStringLiteral("carla"));
    REQUIRE(carla->member());
    CHECK(carla->member()->kind == Kind::Reviewer);
    CHECK(carla->author() == QStringLiteral("Carla Prüfer"));
    carla->setAuthor(QStringLiteral("Jemand anderes")); // the profile's name does not override the server's
    CHECK(carla->author() == QStringLiteral("Carla Prüfer"));

    CHECK(listed(*carla) == QList<qint64>{server.finanzen});
    CHECK(carla->load(server.bildung).code() == ErrorCode::NotFound);
    CHECK(carla->mayEdit(server.finanzen).value() == false);

    // Section text: refused through the store, and by hand.
    auto v = carla->load(server.finanzen);
    REQUIRE(v.ok());
    Vorlage changed = v.value();
    changed.sections[1].content = {Block::para(QStringLiteral("Ein anderer Plan."))};
    auto saved = carla->save(changed);
    REQUIRE_FALSE(saved.ok());
    CHECK(saved.code() == ErrorCode::Refused);
    INFO(saved.error().toStdString());
    CHECK(saved.error().contains(QStringLiteral("Abschnitt B")));
    CHECK(saved.error().contains(QStringLiteral("nicht erlaubt")));
    QString state;
    CHECK(handWritten(*carla, QStringLiteral("UPDATE section SET content = '[]' WHERE vorlage_id = %1").arg(server.finanzen), &state) == -1);
    CHECK(state == QStringLiteral("42501"));
    CHECK(handWritten(*carla, QStringLiteral("UPDATE vorlage SET title = 'Anders' WHERE id = %1").arg(server.finanzen), &state) == -1);
    CHECK(state == QStringLiteral("42501"));
    CHECK(handWritten(*carla, QStringLiteral("DELETE FROM participation WHERE vorlage_id = %1").arg(server.finanzen), &state) == -1);
    CHECK(server.stored(server.finanzen).title == QStringLiteral("Haushalt 2021"));
    CHECK(server.stored(server.finanzen).sections == v->sections);

    // Its own Ressort's answer: saved; another Ressort's: refused, also by hand.
    changed = v.value();
    changed.beteiligung[0].state = Participation::State::ZugestimmtMitMassgabe;
    changed.beteiligung[0].text = QStringLiteral("Mit der Maßgabe, dass die Stellen befristet sind.");
    changed.beteiligung[0].date = QDate(2020, 11, 10);
    saved = carla->save(changed);
    INFO(saved.error().toStdString());
    REQUIRE(saved.ok());
    CHECK(server.stored(server.finanzen).beteiligung[0].state == Participation::State::ZugestimmtMitMassgabe);
    QSqlQuery by(server.it->database());
    REQUIRE(by.exec(QStringLiteral("SELECT modified_by FROM vorlage WHERE id = %1").arg(server.finanzen)));
    REQUIRE(by.next());
    CHECK(by.value(0).toString() == QStringLiteral("Carla Prüfer"));
    auto again = carla->load(server.finanzen);
    REQUIRE(again.ok());
    changed = again.value();
    changed.beteiligung[1].state = Participation::State::Zugestimmt; // Bau's
    saved = carla->save(changed);
    CHECK(saved.code() == ErrorCode::Refused);
    CHECK(handWritten(*carla, QStringLiteral("UPDATE participation SET state = 'einwaende' WHERE ressort_key = 'bau'")) == 0);
    CHECK(handWritten(*carla, QStringLiteral("UPDATE participation SET name = 'x' WHERE ressort_key = 'inneres'"), &state) == -1);
    CHECK(state == QStringLiteral("42501"));
    CHECK(server.stored(server.finanzen).beteiligung[1].state == Participation::State::Angefragt);

    // Comments: in its own name; a forged author is refused, through the store and by hand.
    Annotation a;
    a.vorlageId = server.finanzen;
    a.anchor.place = Place{Place::Kind::Section, QStringLiteral("B"), {}};
    a.anchor.start = 0;
    a.anchor.end = 3;
    a.anchor.quote = anchorText(v.value(), a.anchor.place).left(3);
    a.text = QStringLiteral("Welcher Plan genau?");
    auto comment = carla->addAnnotation(a);
    INFO(comment.error().toStdString());
    REQUIRE(comment.ok());
    CHECK(server.it->annotation(comment.value()).value().author == QStringLiteral("Carla Prüfer"));
    CHECK(carla->addReply(comment.value(), QStringLiteral("Nachtrag.")).ok());
    a.author = QStringLiteral("Anna Beispiel");
    auto forged = carla->addAnnotation(a);
    CHECK(forged.code() == ErrorCode::Refused);
    CHECK(handWritten(*carla, QStringLiteral("INSERT INTO annotation (vorlage_id, place, start_offset, end_offset, quote, author, "
                                             "created, text) VALUES (%1, 'section:B', 0, 3, 'Der', 'Anna Beispiel', 'x', 'y')")
                                  .arg(server.finanzen),
                      &state)
          == -1);
    CHECK(state == QStringLiteral("42501"));
    CHECK(handWritten(*carla, QStringLiteral("UPDATE annotation SET author = 'Anna Beispiel'"), &state) == -1);
    CHECK(server.it->annotations(server.finanzen).value().size() == 1);

    // No status, no publication, no figure.
    CHECK(carla->setStatus(server.finanzen, Status::InAbstimmung).code() == ErrorCode::Refused);
    CHECK(server.stored(server.finanzen).status == Status::Entwurf);
    Figure figure;
    figure.key = QStringLiteral("stellen");
    figure.label = QStringLiteral("Stellen");
    figure.value = QStringLiteral("12");
    CHECK(carla->setFigure(figure, carla->author()).code() == ErrorCode::Refused);
}

TEST_CASE("a clerk edits its Ressort's Vorlagen; another Ressort's clerk changes nothing", "[store][postgresql][rights]")
{
    Server server = setUp();
    auto bernd = server.open(QStringLiteral("bernd"));
    CHECK(listed(*bernd) == QList<qint64>{server.bildung});
    CHECK(bernd->mayEdit(server.bildung).value());
    CHECK_FALSE(bernd->mayEdit(server.finanzen).value());

    auto own = bernd->load(server.bildung);
    REQUIRE(own.ok());
    Vorlage changed = own.value();
    changed.title = QStringLiteral("Schulbau in Gröpelingen");
    auto saved = bernd->save(changed);
    INFO(saved.error().toStdString());
    REQUIRE(saved.ok());
    CHECK(server.stored(server.bildung).title == QStringLiteral("Schulbau in Gröpelingen"));

    // Finanzen's Vorlage: invisible, so every change touches no row, and a save with its stored state is refused.
    CHECK(bernd->load(server.finanzen).code() == ErrorCode::NotFound);
    CHECK(handWritten(*bernd, QStringLiteral("UPDATE section SET content = '[]' WHERE vorlage_id = %1").arg(server.finanzen)) == 0);
    CHECK(handWritten(*bernd, QStringLiteral("UPDATE vorlage SET title = 'Anders' WHERE id = %1").arg(server.finanzen)) == 0);
    CHECK(handWritten(*bernd, QStringLiteral("DELETE FROM vorlage WHERE id = %1").arg(server.finanzen)) == 0);
    CHECK(handWritten(*bernd, QStringLiteral("INSERT INTO section (vorlage_id, position, label, heading, content) "
                                             "VALUES (%1, 9, 'H', 'H', '[]')").arg(server.finanzen))
          == -1);
    const Vorlage before = server.stored(server.finanzen);
    Vorlage foreign = before;
    foreign.title = QStringLiteral("Anders");
    CHECK_FALSE(bernd->save(foreign).ok());
    CHECK(server.stored(server.finanzen).title == QStringLiteral("Haushalt 2021"));
    CHECK(server.stored(server.finanzen).sections == before.sections);

    // A new Vorlage is the creator's to go on with.
    auto added = bernd->add(draft(QStringLiteral("kinder-bildung"), QStringLiteral("Kitaplätze")));
    INFO(added.error().toStdString());
    REQUIRE(added.ok());
    CHECK(listed(*bernd).contains(added.value()));

    // A conflict is a conflict, not a refusal: two sessions of the same clerk.
    auto bernd2 = server.open(QStringLiteral("bernd"));
    auto first = bernd->load(server.bildung).value();
    auto second = bernd2->load(server.bildung).value();
    first.subtitle = QStringLiteral("Erster Stand");
    second.subtitle = QStringLiteral("Zweiter Stand");
    REQUIRE(bernd->save(first).ok());
    CHECK(bernd2->save(second).code() == ErrorCode::Conflict);

    // Status up to „beschlussreif“ is the Ressort's; deciding and publishing are the Senatskanzlei's.
    auto anna = server.open(QStringLiteral("anna"));
    auto step = anna->setStatus(server.finanzen, Status::InAbstimmung);
    INFO(step.error().toStdString());
    REQUIRE(step.ok());
    REQUIRE(anna->setStatus(server.finanzen, Status::Beschlussreif).ok());
    auto decided = anna->setStatus(server.finanzen, Status::Beschlossen, QDate(2020, 11, 17));
    CHECK(decided.code() == ErrorCode::Refused);
    CHECK(decided.error().contains(QStringLiteral("Senatskanzlei")));
    CHECK(server.stored(server.finanzen).status == Status::Beschlussreif);
}

TEST_CASE("only the Senatskanzlei decides and publishes; publications never change", "[store][postgresql][rights]")
{
    Server server = setUp();
    auto anna = server.open(QStringLiteral("anna"));
    for (Status to : {Status::InAbstimmung, Status::Beschlussreif}) {
        auto step = anna->setStatus(server.finanzen, to);
        INFO(step.error().toStdString());
        REQUIRE(step.ok());
    }

    auto dora = server.open(QStringLiteral("dora"));
    CHECK(listed(*dora) == listed(*server.it)); // reads everything
    auto decided = dora->setStatus(server.finanzen, Status::Beschlossen, QDate(2020, 11, 17));
    INFO(decided.error().toStdString());
    REQUIRE(decided.ok());
    CHECK(anna->recordPublication(server.finanzen, QStringLiteral("abc"), QStringLiteral("paket.zip")).code() == ErrorCode::Refused);
    auto published = dora->recordPublication(server.finanzen, QStringLiteral("abc"), QStringLiteral("paket.zip"));
    INFO(published.error().toStdString());
    REQUIRE(published.ok());
    auto publications = server.it->publications(server.finanzen);
    REQUIRE(publications.ok());
    REQUIRE(publications->size() == 1);
    CHECK(publications->first().author == QStringLiteral("Dora Kanzlei"));
    CHECK(server.stored(server.finanzen).status == Status::Veroeffentlicht);
    // Not even the superuser changes what went out.
    CHECK(handWritten(*server.it, QStringLiteral("UPDATE publication SET sha512 = 'x'")) == -1);
}

TEST_CASE("a login that is no member of the workspace sees nothing and is told so", "[store][postgresql][rights]")
{
    Server server = setUp();
    // Once a member (so it keeps the group role, which is cluster-wide), then removed.
    REQUIRE(ServerAccess::addMember(server.it->database(),
                                    {QStringLiteral("eve"), QStringLiteral("Eve Ehemalig"), Kind::Clerk, QStringLiteral("finanzen")})
                .ok());
    REQUIRE(ServerAccess::removeMember(server.it->database(), QStringLiteral("eve")).ok());
    CHECK(ServerAccess::removeMember(server.it->database(), QStringLiteral("eve")).code() == ErrorCode::NotFound);
    auto members = ServerAccess::members(server.it->database());
    REQUIRE(members.ok());
    CHECK(members->size() == 4);

    auto refused = Workspace::open(server.location(QStringLiteral("eve")), Workspace::Mode::OpenExisting);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.code() == ErrorCode::Refused);
    CHECK(refused.error().contains(QStringLiteral("nicht eingetragen")));

    {
        QSqlDatabase raw = PgCluster::instance().connect(server.database, QStringLiteral("eve-raw"));
        raw.close();
        raw.setUserName(QStringLiteral("eve"));
        REQUIRE(raw.open());
        {
            QSqlQuery q(raw);
            REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM vorlage")));
            REQUIRE(q.next());
            CHECK(q.value(0).toInt() == 0);
            REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM figure")));
            REQUIRE(q.next());
            CHECK(q.value(0).toInt() == 0);
            REQUIRE(q.exec(QStringLiteral("UPDATE section SET content = '[]'")));
            CHECK(q.numRowsAffected() == 0);
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("eve-raw"));

    // Bad entries get a specific message.
    CHECK(ServerAccess::addMember(server.it->database(), {QStringLiteral("x; DROP"), QStringLiteral("X"), Kind::Clerk,
                                                          QStringLiteral("finanzen")})
              .code()
          == ErrorCode::Invalid);
    CHECK(ServerAccess::addMember(server.it->database(), {QStringLiteral("fritz"), QStringLiteral("Fritz"), Kind::Clerk,
                                                          QStringLiteral("atlantis")})
              .error()
              .contains(QStringLiteral("atlantis")));
}

TEST_CASE("a schema older than the program is migrated only by the workspace's administration", "[store][postgresql][rights]")
{
    Server server = setUp();
    QSqlQuery q(server.it->database());
    REQUIRE(q.exec(QStringLiteral("UPDATE schema_version SET version = version - 1")));
    auto carla = Workspace::open(server.location(QStringLiteral("carla")), Workspace::Mode::OpenExisting);
    REQUIRE_FALSE(carla.ok());
    CHECK(carla.code() == ErrorCode::Refused);
    CHECK(carla.error().contains(QStringLiteral("server migrate")));
    REQUIRE(q.exec(QStringLiteral("UPDATE schema_version SET version = version + 1")));
    CHECK(Workspace::open(server.location(QStringLiteral("carla")), Workspace::Mode::OpenExisting).ok());
}
