#include "publishdemo.h"

#include "publicationcheck.h"

using namespace vw;

namespace {

using Kind = PublicationIssue::Kind;

// The demo Beschlussvorlage, decided in the session of 12.05.2020.
Vorlage decided()
{
    return decidedDemo(1);
}

void setSection(Vorlage &v, const QString &label, const QString &text)
{
    Section *s = v.section(label);
    REQUIRE(s);
    s->content = {Block::para(text)};
}

QList<Kind> kinds(const QList<PublicationIssue> &issues)
{
    QList<Kind> k;
    for (const PublicationIssue &i : issues)
        k << i.kind;
    return k;
}

QList<PublicationIssue> warningsIn(const QString &text, const QStringList &names = {})
{
    Vorlage v = decided();
    setSection(v, QStringLiteral("B"), text);
    QList<PublicationIssue> found;
    for (const PublicationIssue &i : personalDataWarnings(v, names))
        if (i.place == Place{Place::Kind::Section, QStringLiteral("B")})
            found << i;
    return found;
}

} // namespace

TEST_CASE("a decided Vorlage without open points may be published", "[model][publication]")
{
    const PublicationCheck check = checkPublication(decided(), {}, {});
    for (const PublicationIssue &i : check.refusals)
        UNSCOPED_INFO(i.message.toStdString());
    CHECK_FALSE(check.refused());
    CHECK(check.warnings.isEmpty());
}

TEST_CASE("what of the review is still open is counted by kind, in German", "[model][publication]")
{
    Vorlage v = decided();
    CHECK_FALSE(openReview(v, {}).any());
    CHECK(openReview(v, {}).lines().isEmpty());

    const auto annotation = [](Annotation::Suggestion suggestion, bool resolved) {
        Annotation a;
        a.suggestion = suggestion;
        a.resolved = resolved;
        return a;
    };
    using S = Annotation::Suggestion;
    const QList<Annotation> list{annotation(S::Open, false), annotation(S::Open, false), annotation(S::Rejected, false),
                                 annotation(S::Accepted, false), annotation(S::None, false), annotation(S::None, true)};
    Participation objection;
    objection.name = QStringLiteral("Gesamtpersonalrat");
    objection.state = Participation::State::Einwaende;
    v.beteiligung << objection;
    objection.resolved = true;
    v.beteiligung << objection;

    const OpenReview open = openReview(v, list);
    CHECK(open.suggestions == 2);
    CHECK(open.comments == 1);
    CHECK(open.objections == 1);
    CHECK(open.any());
    CHECK(open.lines() == QStringList{QStringLiteral("2 offene Änderungsvorschläge"),
                                      QStringLiteral("1 nicht erledigter Kommentar"),
                                      QStringLiteral("1 Beteiligung mit nicht ausgeräumten Einwänden")});
}

TEST_CASE("publication is refused for each reason, with one German message per reason", "[model][publication]")
{
    SECTION("not decided")
    {
        for (Status s : {Status::Entwurf, Status::InAbstimmung, Status::Beschlussreif}) {
            Vorlage v = decided();
            v.status = s;
            const auto refusals = publicationRefusals(v, {});
            REQUIRE(kinds(refusals) == QList<Kind>{Kind::NotDecided});
            CHECK(refusals.first().message.contains(statusLabel(s)));
            CHECK(refusals.first().isRefusal());
        }
        Vorlage published = decided();
        published.status = Status::Veroeffentlicht;
        CHECK(publicationRefusals(published, {}).isEmpty());
        Vorlage noSession = decided();
        noSession.sessionDate = {};
        CHECK(kinds(publicationRefusals(noSession, {})) == QList<Kind>{Kind::NotDecided});
    }
    SECTION("F says it is not to be published")
    {
        Vorlage v = decided();
        setSection(v, QStringLiteral("F"), QStringLiteral("Die Vorlage ist nicht zur Veröffentlichung im Informationsregister "
                                                          "geeignet, weil sie Betriebsgeheimnisse enthält."));
        const auto refusals = publicationRefusals(v, {});
        REQUIRE(kinds(refusals) == QList<Kind>{Kind::NotForPublication});
        CHECK(refusals.first().place == Place{Place::Kind::Section, QStringLiteral("F")});
        CHECK(refusals.first().message.contains(QStringLiteral("Abschnitt F")));
    }
    SECTION("a broken figure quote")
    {
        Vorlage v = decided();
        Section *b = v.section(QStringLiteral("B"));
        Paragraph p = Paragraph::plain(QStringLiteral("Es gibt "));
        p.append(Span::quote(QStringLiteral("gibt-es-nicht")));
        p.append(Span{QStringLiteral(" Plätze.")});
        b->content.append(Block::para(p));
        const FigureValues none;
        const auto refusals = publicationRefusals(v, {}, &none);
        REQUIRE(kinds(refusals) == QList<Kind>{Kind::BrokenFigure});
        CHECK(refusals.first().text == QStringLiteral("gibt-es-nicht"));
        CHECK(refusals.first().message.contains(QStringLiteral("Abschnitt B")));

        // A quote that kept the value it was decided with prints that value: not broken.
        forEachSpan(b->content, [](Span &s) {
            if (s.isFigure())
                s.frozen = QStringLiteral("12");
        });
        CHECK(publicationRefusals(v, {}, &none).isEmpty());
    }
    SECTION("an open objection")
    {
        Vorlage v = decided();
        Participation p;
        p.name = QStringLiteral("Gesamtpersonalrat");
        p.state = Participation::State::Einwaende;
        p.text = QStringLiteral("Die Dienstvereinbarung fehlt.");
        v.beteiligung << p;
        const auto refusals = publicationRefusals(v, {});
        REQUIRE(kinds(refusals) == QList<Kind>{Kind::OpenObjection});
        CHECK(refusals.first().message.contains(QStringLiteral("Gesamtpersonalrat")));
        v.beteiligung.last().resolved = true;
        CHECK(publicationRefusals(v, {}).isEmpty());
    }
    SECTION("unresolved comments and open suggestions")
    {
        const Vorlage v = decided();
        Annotation comment;
        comment.author = QStringLiteral("Jana Prüfer");
        comment.anchor.place = {Place::Kind::Section, QStringLiteral("C"), {}};
        comment.anchor.quote = QStringLiteral("Alternativen");
        comment.text = QStringLiteral("Bitte begründen.");
        Annotation suggestion = comment;
        suggestion.suggestion = Annotation::Suggestion::Open;
        suggestion.replacement = QStringLiteral("Varianten");
        const auto refusals = publicationRefusals(v, {comment, suggestion});
        REQUIRE(kinds(refusals) == QList<Kind>{Kind::OpenAnnotation, Kind::OpenAnnotation});
        CHECK(refusals[0].message.contains(QStringLiteral("Kommentar")));
        CHECK(refusals[1].message.contains(QStringLiteral("Änderungsvorschlag")));
        CHECK(refusals[0].place == Place{Place::Kind::Section, QStringLiteral("C")});

        comment.resolved = true;
        suggestion.suggestion = Annotation::Suggestion::Rejected;
        CHECK(publicationRefusals(v, {comment, suggestion}).isEmpty());
    }
    SECTION("several reasons at once are all listed")
    {
        Vorlage v = decided();
        v.status = Status::Beschlussreif;
        setSection(v, QStringLiteral("F"), QStringLiteral("Von einer Veröffentlichung wird abgesehen."));
        Participation p;
        p.ressortKey = QStringLiteral("finanzen");
        p.state = Participation::State::Einwaende;
        v.beteiligung << p;
        CHECK(kinds(publicationRefusals(v, {})) == QList<Kind>{Kind::NotDecided, Kind::NotForPublication, Kind::OpenObjection});
    }
}

TEST_CASE("section F: the negative form is found, the positive one is not", "[model][publication]")
{
    const QStringList refusing{
        QStringLiteral("Die Vorlage ist nicht zur Veröffentlichung im Informationsregister geeignet, weil …"),
        QStringLiteral("Einer Veröffentlichung stehen Gründe des Datenschutzes entgegen."),
        QStringLiteral("Einer Veröffentlichung stehen, weil personenbezogene Daten enthalten sind, Gründe des Datenschutzes entgegen."),
        QStringLiteral("Von einer Veröffentlichung wird abgesehen."),
        QStringLiteral("Die Vorlage wird nicht veröffentlicht."),
        QStringLiteral("Da personenbezogene Daten enthalten sind, wird die Vorlage nicht veröffentlicht."),
        QStringLiteral("Eine Pressemitteilung ist vorgesehen. Die Vorlage soll nicht im Informationsregister veröffentlicht werden."),
        QStringLiteral("Gegen eine Veröffentlichung bestehen Bedenken."),
        QStringLiteral("Die Vorlage ist für eine Veröffentlichung ungeeignet."),
        QStringLiteral("Die Vorlage soll im Informationsregister und Transparenzportal nicht veröffentlicht werden."),
        QStringLiteral("Es spricht der Schutz von Betriebsgeheimnissen gegen eine Veröffentlichung."),
        QStringLiteral("Eine Veroeffentlichung erfolgt nicht."),
    };
    for (const QString &text : refusing) {
        INFO(text.toStdString());
        CHECK_FALSE(refusingPublicationSentence(text).isEmpty());
    }
    const QStringList allowing{
        QStringLiteral("Die Vorlage soll nach der Beschlussfassung im zentralen elektronischen Informationsregister veröffentlicht "
                       "werden. Belange des Datenschutzes sind nicht berührt."),
        QStringLiteral("Die Vorlage ist für die Veröffentlichung im Informationsregister geeignet. Eine Pressemitteilung ist nicht vorgesehen."),
        QStringLiteral("Einer Veröffentlichung stehen keine Gründe entgegen."),
        QStringLiteral("Gegen eine Veröffentlichung bestehen keine Bedenken."),
        QStringLiteral("Die Vorlage soll veröffentlicht werden, da Belange des Datenschutzes nicht berührt sind."),
        QStringLiteral("Da keine personenbezogenen Daten enthalten sind, wird die Vorlage veröffentlicht."),
        QStringLiteral("Die Vorlage soll veröffentlicht werden und Belange des Datenschutzes stehen dem nicht entgegen."),
        QStringLiteral("Es spricht nichts gegen eine Veröffentlichung."),
        QStringLiteral("Die Vorlage wird nicht nur im Informationsregister veröffentlicht, sondern auch im Amtsblatt."),
        QStringLiteral("Öffentlichkeitsarbeit ist nicht vorgesehen."),
    };
    for (const QString &text : allowing) {
        INFO(text.toStdString());
        CHECK(refusingPublicationSentence(text).isEmpty());
    }
    // The reported sentence is the refusing one, not its neighbour.
    CHECK(refusingPublicationSentence(QStringLiteral("Eine Pressemitteilung ist vorgesehen. Die Vorlage wird nicht veröffentlicht."))
          == QStringLiteral("Die Vorlage wird nicht veröffentlicht."));
}

TEST_CASE("IBANs are recognised by their check digits", "[model][publication]")
{
    CHECK(isValidIban(QStringLiteral("DE89 3704 0044 0532 0130 00")));
    CHECK(isValidIban(QStringLiteral("DE89370400440532013000")));
    CHECK(isValidIban(QStringLiteral("GB82 WEST 1234 5698 7654 32")));
    CHECK_FALSE(isValidIban(QStringLiteral("DE88 3704 0044 0532 0130 00"))); // one check digit off
    CHECK_FALSE(isValidIban(QStringLiteral("DE89 3704 0044 0532 0130 01"))); // one account digit off
    CHECK_FALSE(isValidIban(QStringLiteral("DE89 3704 0044 0532 0130")));    // too short for DE
}

TEST_CASE("personal data patterns are found with their place and text", "[model][publication]")
{
    SECTION("e-mail addresses")
    {
        const auto w = warningsIn(QStringLiteral("Rückfragen an max.mustermann@finanzen.bremen.de oder an die Pressestelle."));
        REQUIRE(kinds(w) == QList<Kind>{Kind::Email});
        CHECK(w[0].text == QStringLiteral("max.mustermann@finanzen.bremen.de"));
        CHECK(w[0].message.contains(QStringLiteral("Abschnitt B")));
        CHECK(w[0].message.contains(w[0].text));
        // The offset points at the words in the place's printed text.
        Vorlage v = decided();
        setSection(v, QStringLiteral("B"), QStringLiteral("Rückfragen an max.mustermann@finanzen.bremen.de oder an die Pressestelle."));
        CHECK(w[0].start == 14);
        CHECK(placeText(v, w[0].place).mid(w[0].start, w[0].text.size()) == w[0].text);
    }
    SECTION("phone numbers in German formats")
    {
        const QStringList numbers{QStringLiteral("0421 361-2345"), QStringLiteral("0421/3612345"),
                                  QStringLiteral("(0421) 36 12 345"), QStringLiteral("+49 421 361-2345"),
                                  QStringLiteral("+49 (0) 421 3612345"), QStringLiteral("0170 1234567"),
                                  QStringLiteral("0049 471 590-2000")};
        for (const QString &n : numbers) {
            INFO(n.toStdString());
            const auto w = warningsIn(QStringLiteral("Erreichbar unter %1 werktags.").arg(n));
            REQUIRE(kinds(w) == QList<Kind>{Kind::Phone});
            CHECK(w[0].text == n);
        }
        const auto labelled = warningsIn(QStringLiteral("Auskunft: Tel. 361-2345."));
        REQUIRE(kinds(labelled) == QList<Kind>{Kind::Phone});
        CHECK(labelled[0].text == QStringLiteral("361-2345"));
    }
    SECTION("numbers that are no phone numbers stay quiet")
    {
        CHECK(warningsIn(QStringLiteral("Am 12.05.2020 wurden 3027 Notebooks für 7.500.000 € beschafft; 0,5 % fielen aus. "
                                        "Siehe Drucksache 20/139 S und das Schreiben vom 2020-05-12. 28195 Bremen."))
                  .isEmpty());
    }
    SECTION("dates of birth")
    {
        const auto w = warningsIn(QStringLiteral("Frau M. (geb. 01.02.1970) und Herr K., geboren am 3. März 1965, sowie "
                                                 "Geburtsdatum: 4.5.80."));
        REQUIRE(kinds(w) == QList<Kind>{Kind::BirthDate, Kind::BirthDate, Kind::BirthDate});
        CHECK(w[0].text == QStringLiteral("geb. 01.02.1970"));
        CHECK(w[1].text == QStringLiteral("geboren am 3. März 1965"));
        CHECK(w[2].text == QStringLiteral("Geburtsdatum: 4.5.80"));
        // A date alone is no date of birth.
        CHECK(warningsIn(QStringLiteral("Der Senat hat am 01.02.1970 beschlossen.")).isEmpty());
    }
    SECTION("IBANs, only with valid check digits")
    {
        const auto w = warningsIn(QStringLiteral("Zahlung auf DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX; nicht auf "
                                                 "DE88 3704 0044 0532 0130 00."));
        REQUIRE(kinds(w) == QList<Kind>{Kind::Iban});
        CHECK(w[0].text == QStringLiteral("DE89 3704 0044 0532 0130 00"));
    }
    SECTION("protected names, case-insensitive, as whole words")
    {
        const QStringList names{QStringLiteral("Erika Mustermann"), QStringLiteral("Kowalski")};
        const auto w = warningsIn(QStringLiteral("Die Stellungnahme von ERIKA  MUSTERMANN und Herrn kowalski liegt vor; "
                                                 "die Kowalskis und Mustermann allein sind nicht gemeint."),
                                  names);
        REQUIRE(kinds(w) == QList<Kind>{Kind::ProtectedName, Kind::ProtectedName});
        CHECK(w[0].text == QStringLiteral("ERIKA  MUSTERMANN"));
        CHECK(w[1].text == QStringLiteral("kowalski"));
    }
    SECTION("every printed place is searched; internal Anlagen are not")
    {
        Vorlage v = decided();
        v.title = QStringLiteral("Antrag von Kowalski");
        REQUIRE(!v.beschluss.isEmpty());
        v.beschluss[0].text = Paragraph::plain(QStringLiteral("Der Senat bittet kowalski@example.org um Bericht."));
        Anlage internal;
        internal.id = newItemId();
        internal.title = QStringLiteral("Vermerk Kowalski");
        internal.internal = true;
        Anlage open;
        open.id = newItemId();
        open.title = QStringLiteral("Liste");
        open.text = QStringLiteral("Tel. 0421 361-2345");
        v.anlagen << internal << open;
        const auto w = personalDataWarnings(v, {QStringLiteral("Kowalski")});
        REQUIRE(kinds(w) == QList<Kind>{Kind::ProtectedName, Kind::Email, Kind::Phone});
        CHECK(w[0].place == Place{Place::Kind::Header, QStringLiteral("title")});
        CHECK(w[1].place == Place{Place::Kind::Beschluss, {}, v.beschluss[0].id});
        CHECK(w[2].place == Place{Place::Kind::Anlage, {}, v.anlagen[1].id});
        for (const PublicationIssue &i : w)
            CHECK_FALSE(i.isRefusal());
    }
}
