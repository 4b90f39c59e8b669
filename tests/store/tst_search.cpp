#include "testutil.h"

#include "annotation.h"
#include "migrations.h"
#include "placetext.h"
#include "searchindex.h"
#include "workspace.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace vw;

namespace {

std::unique_ptr<Workspace> openWs(const QString &path, Workspace::Mode mode = Workspace::Mode::CreateIfMissing)
{
    auto ws = Workspace::open(path, mode);
    REQUIRE(ws.ok());
    return std::move(ws.value());
}

Vorlage vorlage(const QString &title, const QString &sectionB, const QDate &session = {})
{
    Vorlage v;
    v.title = title;
    v.sessionDate = session;
    v.sections = {Section{QStringLiteral("A"), QStringLiteral("Problem"), {}},
                  Section{QStringLiteral("B"), QStringLiteral("Lösung"), {Block::para(sectionB)}}};
    return v;
}

QList<SearchHit> find(const Workspace &ws, const QString &text)
{
    auto hits = SearchIndex::search(ws.database(), SearchQuery{text});
    INFO(hits.error().toStdString());
    REQUIRE(hits.ok());
    return hits.value();
}

QList<SearchHit> find(const Workspace &ws, SearchQuery query)
{
    auto hits = SearchIndex::search(ws.database(), query);
    REQUIRE(hits.ok());
    return hits.value();
}

QList<qint64> ids(const QList<SearchHit> &hits)
{
    QList<qint64> result;
    for (const SearchHit &h : hits) {
        if (!result.contains(h.vorlageId))
            result << h.vorlageId;
    }
    return result;
}

void exec(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    INFO(sql.toStdString());
    REQUIRE(q.exec(sql));
}

} // namespace

TEST_CASE("SQLite has FTS5", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    QSqlQuery q(ws->database());
    REQUIRE(q.exec(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == 1);
    CHECK(SearchIndex::isSound(ws->database()));
}

TEST_CASE("placeTexts: every place as printed, with its key and German label", "[search][model]")
{
    Vorlage v = vorlage(QStringLiteral("Titel der Vorlage"), QStringLiteral("x"));
    Paragraph split;
    split.spans = {Span{QStringLiteral("Home")}, Span{QStringLiteral("office"), true}, Span{QStringLiteral(" für ")},
                   Span::quote(QStringLiteral("nutzer"))};
    v.sections[1].content = {Block::para(split), Block::para(QStringLiteral("Zweiter Absatz"))};
    v.questions = {Question{QStringLiteral("q1"), Paragraph::plain(QStringLiteral("Wie viele?")),
                            {Block::para(QStringLiteral("So viele."))}}};
    v.beschluss = {BeschlussItem{QStringLiteral("b1"), Paragraph::plain(QStringLiteral("Der Senat beschließt.")), {}, {}}};
    Participation p;
    p.id = QStringLiteral("p1");
    p.name = QStringLiteral("Magistrat Bremerhaven");
    p.text = QStringLiteral("Nur mit Maßgabe.");
    v.beteiligung = {p};
    v.anlagen = {Anlage{QStringLiteral("a1"), QStringLiteral("Kostenplan"), {}, {}, {}, 0, QStringLiteral("Summe"), false, {}, false}};
    Figure f;
    f.key = QStringLiteral("nutzer");
    f.label = QStringLiteral("Nutzerzahl Bremen");
    f.value = QStringLiteral("91430");
    const FigureValues figures({f}, NumberStyle{});

    QHash<QString, PlaceText> byKey;
    for (const PlaceText &t : placeTexts(v, figures))
        byKey.insert(t.key, t);
    CHECK(byKey.value(QStringLiteral("header:title")).label == QStringLiteral("Titel"));
    CHECK(byKey.value(QStringLiteral("section:B")).text == QStringLiteral("Homeoffice für 91.430\nZweiter Absatz"));
    CHECK(byKey.value(QStringLiteral("section:B")).label == QStringLiteral("Abschnitt B"));
    CHECK(byKey.value(QStringLiteral("section:B")).figureKeys == QStringList{QStringLiteral("nutzer")});
    CHECK_FALSE(byKey.contains(QStringLiteral("section:A"))); // empty places are not indexed
    CHECK(byKey.value(QStringLiteral("question:q1")).label == QStringLiteral("Frage 1"));
    CHECK(byKey.value(QStringLiteral("answer:q1")).label == QStringLiteral("Antwort zu Frage 1"));
    CHECK(byKey.value(QStringLiteral("beschluss:b1")).label == QStringLiteral("Beschlusspunkt 1"));
    CHECK(byKey.value(QStringLiteral("beteiligung:p1")).label == QStringLiteral("Beteiligung: Magistrat Bremerhaven"));
    CHECK(byKey.value(QStringLiteral("anlage:a1")).label == QStringLiteral("Anlage „Kostenplan“"));
    CHECK(byKey.value(QStringLiteral("anlage:a1")).text == QStringLiteral("Kostenplan\nSumme"));
    CHECK(byKey.value(QStringLiteral("figures")).text == QStringLiteral("Nutzerzahl Bremen"));
}

TEST_CASE("search folds German text: case, umlauts, ß and ss", "[search][store]")
{
    CHECK(SearchIndex::foldForSearch(QStringLiteral("Ärzte ÖFFNUNG Übung Straße GROẞ Café"))
          == QStringLiteral("aerzte oeffnung uebung strasse gross cafe"));
    // Typographic punctuation folds to itself, a letter with a combining mark like the precomposed letter.
    CHECK(SearchIndex::foldForSearch(QStringLiteral("„Ärzte“ – Øre… Ĳssel"))
          == QStringLiteral("„aerzte“ – øre… ĳssel"));
    CHECK(SearchIndex::foldForSearch(QStringLiteral("A\u0308rzte Cafe\u0301 \U0001F600")) == QStringLiteral("aerzte cafe \U0001F600"));

    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const qint64 a = ws->add(vorlage(QStringLiteral("Ärzte in der Fläche"), QStringLiteral("Die Straße wird gesperrt."))).value();
    const qint64 b = ws->add(vorlage(QStringLiteral("Anderes"), QStringLiteral("Die Strasse der Aerzte."))).value();

    for (const QString &q : {QStringLiteral("ärzte"), QStringLiteral("ÄRZTE"), QStringLiteral("Aerzte"), QStringLiteral("aerzte")})
        CHECK(ids(find(*ws, q)) == QList<qint64>{a, b});
    CHECK(find(*ws, QStringLiteral("Arzte")).isEmpty()); // ä is folded to ae, documented
    CHECK(ids(find(*ws, QStringLiteral("Straße"))) == QList<qint64>{a, b});
    CHECK(ids(find(*ws, QStringLiteral("strasse"))) == QList<qint64>{a, b});
    CHECK(ids(find(*ws, QStringLiteral("Fläche"))) == QList<qint64>{a});
    CHECK(ids(find(*ws, QStringLiteral("flaeche"))) == QList<qint64>{a});
}

TEST_CASE("search: all words, prefixes, phrases; no input is an FTS5 syntax error", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const qint64 a = ws->add(vorlage(QStringLiteral("Mobiles Arbeiten"), QStringLiteral("Homeoffice und mobile Arbeit in der Verwaltung."))).value();
    const qint64 b = ws->add(vorlage(QStringLiteral("Schulen"), QStringLiteral("Die Arbeit ist mobile, im Homeoffice-Betrieb."))).value();
    const qint64 c = ws->add(vorlage(QStringLiteral("Häfen"), QStringLiteral("Hafenarbeit"))).value();

    CHECK(ids(find(*ws, QStringLiteral("Homeoffice Verwaltung"))) == QList<qint64>{a});
    CHECK(ids(find(*ws, QStringLiteral("Homeoff*"))).size() == 2);
    CHECK(find(*ws, QStringLiteral("Homeoff")).isEmpty());
    CHECK(ids(find(*ws, QStringLiteral("\"mobile Arbeit\""))) == QList<qint64>{a});
    CHECK(ids(find(*ws, QStringLiteral("mobile Arbeit"))).size() == 2);
    CHECK(ids(find(*ws, QStringLiteral("Hafen*"))) == QList<qint64>{c});
    CHECK(ids(find(*ws, QStringLiteral("Homeoffice-Betrieb"))) == QList<qint64>{b}); // a phrase of its parts

    for (const QString &nasty : {QStringLiteral("\""), QStringLiteral("*"), QStringLiteral("-"), QStringLiteral("-Homeoffice"),
                                 QStringLiteral("Home\"office"), QStringLiteral("AND"), QStringLiteral("Homeoffice OR"),
                                 QStringLiteral("NEAR(a b)"), QStringLiteral("(Homeoffice"), QStringLiteral("^Homeoffice"),
                                 QStringLiteral("title:Homeoffice"), QStringLiteral("\"mobile"), QStringLiteral("{}:+")}) {
        INFO(nasty.toStdString());
        CHECK(SearchIndex::search(ws->database(), SearchQuery{nasty}).ok());
    }
    CHECK(ids(find(*ws, QStringLiteral("-Homeoffice"))).size() == 2); // "-" is no operator, just a separator
    CHECK(ids(find(*ws, QStringLiteral("\"mobile Arbeit"))) == QList<qint64>{a}); // an unclosed phrase runs to the end
}

TEST_CASE("search finds a word split by bold and a figure by its printed value and label", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    Figure f;
    f.key = QStringLiteral("vpn-nutzer");
    f.label = QStringLiteral("VPN-Zugänge Bremen, gleichzeitig");
    f.value = QStringLiteral("91430");
    f.unit = QStringLiteral("Nutzer");
    REQUIRE(ws->setFigure(f, QStringLiteral("Test")).ok());

    Vorlage v = vorlage(QStringLiteral("Zugänge"), QString());
    Paragraph p;
    p.spans = {Span{QStringLiteral("Es gibt Home")}, Span{QStringLiteral("office"), true},
               Span{QStringLiteral("-Plätze für ")}, Span::quote(QStringLiteral("vpn-nutzer")), Span{QStringLiteral(" Personen.")}};
    v.sections[1].content = {Block::para(p)};
    const qint64 id = ws->add(v).value();

    auto hits = find(*ws, QStringLiteral("Homeoffice"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].placeKey == QStringLiteral("section:B"));
    CHECK(hits[0].markedSnippet() == QStringLiteral("Es gibt »Homeoffice«-Plätze für 91.430 Personen."));
    hits = find(*ws, QStringLiteral("91.430"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].markedSnippet() == QStringLiteral("Es gibt Homeoffice-Plätze für »91.430« Personen."));
    CHECK(find(*ws, QStringLiteral("vpn-nutzer")).isEmpty()); // the key is not printed
    hits = find(*ws, QStringLiteral("gleichzeitig"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].vorlageId == id);
    CHECK(hits[0].placeKey == QStringLiteral("figures"));
    CHECK(hits[0].placeLabel == QStringLiteral("Zahlen"));

    SECTION("a changed figure value changes what is found")
    {
        f.value = QStringLiteral("12345");
        REQUIRE(ws->setFigure(f, QStringLiteral("Test")).ok());
        CHECK(find(*ws, QStringLiteral("91.430")).isEmpty());
        REQUIRE(find(*ws, QStringLiteral("12.345")).size() == 1);
        CHECK(find(*ws, QStringLiteral("12.345"))[0].markedSnippet() == QStringLiteral("Es gibt Homeoffice-Plätze für »12.345« Personen."));
    }
    SECTION("a changed figure label too")
    {
        f.label = QStringLiteral("Fernzugriffe");
        REQUIRE(ws->setFigures({f}, QStringLiteral("Test")).ok());
        CHECK(find(*ws, QStringLiteral("gleichzeitig")).isEmpty());
        CHECK(ids(find(*ws, QStringLiteral("Fernzugriffe"))) == QList<qint64>{id});
    }
}

TEST_CASE("search filters: kind, status, Ressort, session dates, decided, published", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    Vorlage entwurf = vorlage(QStringLiteral("Eins"), QStringLiteral("Homeoffice"), QDate(2020, 5, 12));
    entwurf.ressorts = {RessortRef{QStringLiteral("finanzen"), {}, true}};
    Vorlage beschlossen = vorlage(QStringLiteral("Zwei"), QStringLiteral("Homeoffice"), QDate(2021, 3, 2));
    beschlossen.kind = VorlageKind::Fragestunde;
    beschlossen.status = Status::Beschlossen;
    beschlossen.ressorts = {RessortRef{QStringLiteral("kinder"), {}, true}, RessortRef{QStringLiteral("finanzen"), {}, false}};
    Vorlage veroeffentlicht = vorlage(QStringLiteral("Drei"), QStringLiteral("Homeoffice"), QDate(2022, 1, 20));
    veroeffentlicht.status = Status::Veroeffentlicht;
    Vorlage ohneSitzung = vorlage(QStringLiteral("Vier"), QStringLiteral("Homeoffice"));
    const auto added = ws->addAll({entwurf, beschlossen, veroeffentlicht, ohneSitzung});
    REQUIRE(added.ok());
    const qint64 e = added->at(0), b = added->at(1), p = added->at(2), o = added->at(3);

    SearchQuery q{QStringLiteral("homeoffice")};
    CHECK(ids(find(*ws, q)).size() == 4);
    q.kind = VorlageKind::Fragestunde;
    CHECK(ids(find(*ws, q)) == QList<qint64>{b});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.status = Status::Entwurf;
    CHECK(ids(find(*ws, q)) == QList<qint64>{e, o});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.ressortKey = QStringLiteral("finanzen"); // lead or not
    CHECK(ids(find(*ws, q)) == QList<qint64>{e, b});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.from = QDate(2021, 1, 1);
    CHECK(ids(find(*ws, q)) == QList<qint64>{b, p});
    q.to = QDate(2021, 3, 2); // inclusive
    CHECK(ids(find(*ws, q)) == QList<qint64>{b});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.to = QDate(2021, 1, 1);
    CHECK(ids(find(*ws, q)) == QList<qint64>{e});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.decidedOnly = true;
    CHECK(ids(find(*ws, q)) == QList<qint64>{b, p});
    q = SearchQuery{QStringLiteral("homeoffice")};
    q.publishedOnly = true;
    CHECK(ids(find(*ws, q)) == QList<qint64>{p});

    SECTION("a status change needs no re-index: the filters read the Vorlage")
    {
        REQUIRE(ws->setStatus(e, Status::InAbstimmung).ok());
        q = SearchQuery{QStringLiteral("homeoffice")};
        q.status = Status::InAbstimmung;
        CHECK(ids(find(*ws, q)) == QList<qint64>{e});
    }
}

TEST_CASE("search ranks by bm25 on a fixed corpus", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const QString filler = QStringLiteral(" Der Senat nimmt den Bericht zur Kenntnis und bittet um weitere Prüfung.").repeated(8);
    const qint64 once = ws->add(vorlage(QStringLiteral("Bericht"), QStringLiteral("Telearbeit wird geprüft.") + filler)).value();
    const qint64 often = ws->add(vorlage(QStringLiteral("Telearbeit"), QStringLiteral("Telearbeit, Telearbeit und nochmals Telearbeit."))).value();
    const qint64 none = ws->add(vorlage(QStringLiteral("Häfen"), QStringLiteral("Kaikante"))).value();
    const qint64 middle = ws->add(vorlage(QStringLiteral("Verwaltung"), QStringLiteral("Telearbeit in der Verwaltung, kurz."))).value();

    const auto hits = find(*ws, QStringLiteral("telearbeit"));
    REQUIRE(hits.size() == 4); // "often" matches in its title and in B
    CHECK(hits[0].vorlageId == often);
    CHECK(hits[0].placeKey == QStringLiteral("section:B"));
    CHECK(ids(hits) == QList<qint64>{often, middle, once});
    CHECK_FALSE(ids(hits).contains(none));
    for (int i = 1; i < hits.size(); ++i)
        CHECK(hits[i - 1].rank <= hits[i].rank);
}

TEST_CASE("snippets come from the original text, around the first match, highlighted", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const QString before = QStringLiteral("Einleitende Worte über vieles, was hier nicht gesucht wird und lange dauert, sehr lange. ");
    const QString after = QStringLiteral(" Danach folgt noch ein sehr langer Text, der im Ausschnitt nicht mehr ganz vorkommt, weil er "
                                         "so lang ist wie ein ganzer Absatz in einer echten Senatsvorlage mit vielen Wörtern.");
    ws->add(vorlage(QStringLiteral("Gesundheit"), before + QStringLiteral("Die Ärzte und die STRASSE,\nÄrzte erneut.") + after));

    const auto hits = find(*ws, QStringLiteral("aerzte strasse"));
    REQUIRE(hits.size() == 1);
    const SearchHit &h = hits[0];
    CHECK(h.snippet.startsWith(QStringLiteral("…")));
    CHECK(h.snippet.endsWith(QStringLiteral("…")));
    CHECK_FALSE(h.snippet.contains(QStringLiteral("Einleitende")));
    CHECK_FALSE(h.snippet.contains(QLatin1Char('\n')));
    CHECK(h.markedSnippet().contains(QStringLiteral("Die »Ärzte« und die »STRASSE«, »Ärzte« erneut.")));
    CHECK(h.markedSnippet(QStringLiteral("<b>"), QStringLiteral("</b>")).contains(QStringLiteral("<b>Ärzte</b> und")));
    REQUIRE(h.highlights.size() == 3);
    CHECK(h.snippet.mid(h.highlights[0].first, h.highlights[0].second) == QStringLiteral("Ärzte"));
    CHECK(h.placeLabel == QStringLiteral("Abschnitt B"));
    CHECK(h.title == QStringLiteral("Gesundheit"));
}

TEST_CASE("the index follows saves, undos, Neufassungen, restores and deletions", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const qint64 id = ws->add(vorlage(QStringLiteral("Eins"), QStringLiteral("Breitbandausbau im Land"))).value();

    Vorlage v = ws->load(id).value();
    const Content old = v.sections[1].content;
    v.sections[1].content = {Block::para(QStringLiteral("Glasfaser für alle"))};
    v.revision = ws->save(v).value();
    CHECK(find(*ws, QStringLiteral("Breitbandausbau")).isEmpty());
    CHECK(ids(find(*ws, QStringLiteral("Glasfaser"))) == QList<qint64>{id});

    // An undo in the app saves the old text again.
    v.sections[1].content = old;
    v.revision = ws->save(v).value();
    CHECK(ids(find(*ws, QStringLiteral("Breitbandausbau"))) == QList<qint64>{id});
    CHECK(find(*ws, QStringLiteral("Glasfaser")).isEmpty());

    // New items get their ids when stored: the index has them under those ids.
    v.questions = {Question{QString(), Paragraph::plain(QStringLiteral("Wann kommt Glasfaser?")), {}}};
    v.revision = ws->save(v).value();
    auto hits = find(*ws, QStringLiteral("Glasfaser"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].placeKey == QStringLiteral("question:") + ws->load(id)->questions[0].id);
    CHECK(hits[0].placeLabel == QStringLiteral("Frage 1"));

    REQUIRE(ws->addVersion(id, QStringLiteral("Stand")).ok());
    const qint64 restored = ws->restoreVersion(id, 1).value();
    CHECK(ids(find(*ws, QStringLiteral("Breitbandausbau"))) == QList<qint64>{id, restored});

    SECTION("a Neufassung is found beside the decided Vorlage")
    {
        Vorlage decided = vorlage(QStringLiteral("Zwei"), QStringLiteral("Deichsanierung"), QDate(2021, 2, 2));
        decided.status = Status::Beschlossen;
        const qint64 d = ws->add(decided).value();
        const auto neu = ws->addNeufassung(d);
        REQUIRE(neu.ok());
        CHECK(ids(find(*ws, QStringLiteral("Deichsanierung"))) == QList<qint64>{d, neu.value()});
    }
    SECTION("an accepted suggestion changes what is found")
    {
        auto anchor = findAnchor(ws->load(id).value(), {Place::Kind::Section, QStringLiteral("B"), {}},
                                 QStringLiteral("im Land"));
        REQUIRE(anchor.ok());
        Annotation s;
        s.vorlageId = id;
        s.anchor = anchor.value();
        s.suggestion = Annotation::Suggestion::Open;
        s.replacement = QStringLiteral("in Bremerhaven");
        auto added = ws->addAnnotation(s);
        REQUIRE(added.ok());
        REQUIRE(ws->acceptSuggestion(added.value()).ok());
        CHECK(ids(find(*ws, QStringLiteral("\"Breitbandausbau im Land\""))) == QList<qint64>{restored}); // the copy keeps it
        const auto accepted = find(*ws, QStringLiteral("Bremerhaven"));
        REQUIRE(accepted.size() == 1);
        CHECK(accepted[0].markedSnippet() == QStringLiteral("Breitbandausbau in »Bremerhaven«"));
    }
    SECTION("a deleted Vorlage is gone from the index")
    {
        REQUIRE(ws->remove(restored).ok());
        CHECK(ids(find(*ws, QStringLiteral("Breitbandausbau"))) == QList<qint64>{id});
        REQUIRE(ws->remove(id).ok());
        CHECK(find(*ws, QStringLiteral("Breitbandausbau")).isEmpty());
        QSqlQuery q(ws->database());
        REQUIRE(q.exec(QStringLiteral("SELECT count(*) FROM search_place")));
        REQUIRE(q.next());
        CHECK(q.value(0).toInt() == 0);
        CHECK(SearchIndex::isSound(ws->database()));
    }
}

TEST_CASE("a long place is indexed in passages; an edit of one paragraph changes one or two", "[search][store]")
{
    QStringList lines;
    for (int i = 0; i < 400; ++i)
        lines << QStringLiteral("Absatz %1 über die Ausstattung der Schulen mit Geräten und Netzen.").arg(i);
    const QStringList before = SearchIndex::passages(lines.join(QLatin1Char('\n')));
    CHECK(before.size() > 20);
    CHECK(before.join(QLatin1Char('\n')) == lines.join(QLatin1Char('\n'))); // nothing lost, nothing added
    for (const QString &p : before)
        CHECK(p.size() <= 4000 + lines[0].size());
    for (int edited : {0, 17, 200, 399}) {
        QStringList changed = lines;
        changed[edited] += QStringLiteral(" Ergänzt.");
        const QStringList after = SearchIndex::passages(changed.join(QLatin1Char('\n')));
        const QSet<QString> old(before.cbegin(), before.cend());
        const auto isNew = [&old](const QString &p) { return !old.contains(p); };
        CHECK(std::count_if(after.cbegin(), after.cend(), isNew) <= 2);
    }
    CHECK(SearchIndex::passages(QStringLiteral(" \n\n ")).isEmpty());

    // In the store: a save rewrites the rows of the changed passage and keeps the others as they were.
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    Vorlage v = vorlage(QStringLiteral("Lang"), QString());
    for (const QString &line : std::as_const(lines))
        v.sections[1].content << Block::para(line);
    const qint64 id = ws->add(v).value();
    const auto passageRows = [&ws, id] {
        QMap<qint64, QString> rows;
        QSqlQuery q(ws->database());
        q.prepare(QStringLiteral("SELECT id, text FROM search_place WHERE vorlage_id = ? AND place = 'section:B'"));
        q.addBindValue(id);
        REQUIRE(q.exec());
        while (q.next())
            rows.insert(q.value(0).toLongLong(), q.value(1).toString());
        return rows;
    };
    const QMap<qint64, QString> rowsBefore = passageRows();
    CHECK(rowsBefore.size() == before.size());
    v = ws->load(id).value();
    v.sections[1].content[200].paragraph.append(Span{QStringLiteral(" Quastenflosser.")});
    REQUIRE(ws->save(v).ok());
    const QMap<qint64, QString> rowsAfter = passageRows();
    int kept = 0;
    for (auto it = rowsBefore.cbegin(); it != rowsBefore.cend(); ++it)
        kept += rowsAfter.value(it.key()) == it.value() ? 1 : 0;
    CHECK(kept >= rowsBefore.size() - 2);
    CHECK(rowsAfter.size() - kept <= 2);
    // The hit is the passage with the word, once for its place.
    auto hits = find(*ws, QStringLiteral("Quastenflosser"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].snippet.contains(QStringLiteral("Absatz 200 ")));
    CHECK(find(*ws, QStringLiteral("Ausstattung")).size() == 1); // many passages, one place
}

TEST_CASE("a failed save leaves the index as it was", "[search][store]")
{
    QTemporaryDir dir;
    auto ws = openWs(dir.filePath(QStringLiteral("ws.vorlagen")));
    const qint64 id = ws->add(vorlage(QStringLiteral("Eins"), QStringLiteral("Breitbandausbau"))).value();
    // A failure in the very last step of the save: the index write.
    exec(ws->database(), QStringLiteral("CREATE TRIGGER sabotage BEFORE INSERT ON search_place WHEN new.text LIKE '%Glasfaser%' "
                                        "BEGIN SELECT RAISE(ABORT, 'sabotage'); END"));
    Vorlage v = ws->load(id).value();
    v.sections[1].content = {Block::para(QStringLiteral("Glasfaser"))};
    REQUIRE_FALSE(ws->save(v).ok());
    CHECK(ws->load(id)->sections[1].content == vorlage({}, QStringLiteral("Breitbandausbau")).sections[1].content);
    CHECK(ids(find(*ws, QStringLiteral("Breitbandausbau"))) == QList<qint64>{id});
    CHECK(find(*ws, QStringLiteral("Glasfaser")).isEmpty());
    CHECK(SearchIndex::isSound(ws->database()));
}

TEST_CASE("a missing or damaged index is rebuilt on open or by the whole check, and says so", "[search][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws.vorlagen"));
    qint64 id = 0;
    {
        auto ws = openWs(path);
        CHECK(ws->openNotice().isEmpty());
        id = ws->add(vorlage(QStringLiteral("Eins"), QStringLiteral("Breitbandausbau"))).value();
        ws->add(vorlage(QStringLiteral("Zwei"), QStringLiteral("Deichbau")));
    }
    QStringList damage;
    SECTION("a dropped FTS table") { damage = {QStringLiteral("DROP TABLE search_fts")}; }
    SECTION("a dropped place table") { damage = {QStringLiteral("DROP TABLE search_place")}; }
    SECTION("damaged blocks of the FTS index")
    {
        damage = {QStringLiteral("UPDATE search_fts_data SET block = zeroblob(length(block)) WHERE id > 10")};
    }
    SECTION("places missing from the FTS index")
    {
        damage = {QStringLiteral("INSERT INTO search_fts(search_fts, rowid, folded) SELECT 'delete', id, folded FROM search_place "
                                 "WHERE vorlage_id = 1")};
    }
    {
        auto ws = openWs(path, Workspace::Mode::OpenExisting);
        for (const QString &sql : damage)
            exec(ws->database(), sql);
        CHECK_FALSE(SearchIndex::isSound(ws->database()));
    }
    int total = -1;
    auto reopened = Workspace::open(path, Workspace::Mode::OpenExisting, [&total](int, int t) { total = t; });
    REQUIRE(reopened.ok());
    auto &ws = reopened.value();
    // Opening checks the index's structure and size (cheap); damaged blocks inside it are found by the whole
    // check, which the CLI's search and the app (after its window is shown) run.
    const bool blocks = damage.first().contains(QLatin1String("search_fts_data"));
    CHECK(ws->openNotice().isEmpty() == blocks);
    REQUIRE(ws->checkSearchIndex([&total](int, int t) { total = t; }).ok());
    CHECK(ws->openNotice().contains(QStringLiteral("Suchindex")));
    CHECK(total == 2);
    CHECK(SearchIndex::isSound(ws->database()));
    CHECK(ids(find(*ws, QStringLiteral("Breitbandausbau"))) == QList<qint64>{id});
    CHECK(ws->list()->size() == 2);
    // Once repaired, the next open says nothing.
    reopened.value().reset();
    CHECK(openWs(path, Workspace::Mode::OpenExisting)->openNotice().isEmpty());
}

TEST_CASE("migration 0006 fills the index of a workspace of the previous version", "[search][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alt.vorlagen"));
    REQUIRE(QFile::copy(testData(QStringLiteral("workspace-schema5.vorlagen")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    int calls = 0, total = -1;
    auto opened = Workspace::open(path, Workspace::Mode::OpenExisting, [&](int, int t) {
        ++calls;
        total = t;
    });
    REQUIRE(opened.ok());
    auto &ws = opened.value();
    CHECK(ws->openNotice().isEmpty()); // filled by the migration, nothing to repair
    CHECK(total == 3);
    CHECK(calls == 4);
    QSqlQuery q(ws->database());
    REQUIRE(q.exec(QStringLiteral("PRAGMA user_version")));
    REQUIRE(q.next());
    CHECK(q.value(0).toInt() == Migrations::latestVersion());

    const auto list = ws->list().value();
    REQUIRE(list.size() == 3);
    // The demo's Fragestunde answers on mobile work; the figure's value is printed in it.
    auto hits = find(*ws, QStringLiteral("Homeoffice*"));
    CHECK(ids(hits).contains(1));
    hits = find(*ws, QStringLiteral("Ganztagsschulen"));
    CHECK(ids(hits).contains(3));
    SearchQuery decided{QStringLiteral("Lehrkräfte")};
    decided.decidedOnly = true;
    CHECK(ids(find(*ws, decided)) == QList<qint64>{2});
    CHECK(SearchIndex::isSound(ws->database()));
}

TEST_CASE("a Vorlage that cannot be read does not keep the migrated workspace from opening", "[search][store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alt.vorlagen"));
    REQUIRE(QFile::copy(testData(QStringLiteral("workspace-schema5.vorlagen")), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw-search"));
        db.setDatabaseName(path);
        REQUIRE(db.open());
        exec(db, QStringLiteral("UPDATE section SET content = '[42]' WHERE vorlage_id = 3"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw-search"));

    auto ws = openWs(path, Workspace::Mode::OpenExisting);
    CHECK_FALSE(ws->load(3).ok());
    CHECK(ids(find(*ws, QStringLiteral("Lehrkräfte"))) == QList<qint64>{2});
    CHECK(find(*ws, QStringLiteral("Ganztagsschulen")).isEmpty());
    CHECK(ws->list()->size() == 3);
}
