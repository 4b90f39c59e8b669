// The review commands of the command line (#5), run as the real binary on the demo workspace:
// annotations and suggestions, anchors across edits, versions, comparison, status, the read-only
// decided Vorlage, Neufassung, Beteiligung and the review PDF.

#include "clitest.h"

#include <QRegularExpression>
#include <QSqlError>

using namespace clitest;

namespace {

const QString beschlussvorlage = QStringLiteral("2"); // demo: "Digitale Endgeräte für Lehrkräfte …"

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *a : list)
        result << QString::fromUtf8(a);
    return result;
}

QJsonObject annotationById(const QJsonArray &list, qint64 id)
{
    for (const QJsonValue &a : list)
        if (a[QStringLiteral("id")].toInteger() == id)
            return a.toObject();
    FAIL("no annotation " << id);
    return {};
}

// The workspace as the user sees it through the command line plus every row of every table.
QString everything(const Demo &demo, qint64 id)
{
    const QString n = QString::number(id);
    QString text = demo.ok({QStringLiteral("show"), n, QStringLiteral("--json")})
                   + demo.ok({QStringLiteral("annotations"), n, QStringLiteral("--json")})
                   + demo.ok({QStringLiteral("versions"), n, QStringLiteral("--json")})
                   + demo.ok({QStringLiteral("beteiligung"), n, QStringLiteral("--json")})
                   + demo.ok({QStringLiteral("status"), n}) + demo.ok({QStringLiteral("list"), QStringLiteral("--json")});
    auto ws = demo.open();
    text += logicalDump(*ws);
    return text;
}

} // namespace

TEST_CASE("annotate prints the new id last and annotations shows it with its anchor", "[cli][review]")
{
    Demo demo;
    const qint64 id = demo.number(args({"annotate", "2", "--section", "B", "--quote", "dienstliches Tablet", "--comment",
                                        "Welches Modell ist gemeint?", "--author", "Prüferin Senatskanzlei"}));
    CHECK(id > 0);

    const QJsonObject a = annotationById(demo.annotationsJson(2), id);
    CHECK(a[QStringLiteral("quote")].toString() == S("dienstliches Tablet"));
    CHECK(a[QStringLiteral("place")].toString().contains(QStringLiteral("B")));
    CHECK(a[QStringLiteral("text")].toString() == S("Welches Modell ist gemeint?"));
    CHECK(a[QStringLiteral("author")].toString() == S("Prüferin Senatskanzlei"));
    CHECK_FALSE(a[QStringLiteral("detached")].toBool());
    CHECK_FALSE(a[QStringLiteral("resolved")].toBool());
    CHECK_FALSE(a.contains(QStringLiteral("suggestion")));
    const int start = a[QStringLiteral("start")].toInt();
    const int end = a[QStringLiteral("end")].toInt();
    CHECK(end - start == S("dienstliches Tablet").size());
    // The offsets count in the section's text: they point at the quoted words.
    CHECK(demo.sectionText(2, QStringLiteral("B")).mid(start, end - start) == S("dienstliches Tablet"));
    CHECK(QDateTime::fromString(a[QStringLiteral("created")].toString(), Qt::ISODate).isValid());

    // Without --author the profile's name (here: the login) is recorded; the plain list shows it too.
    const qint64 second = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--comment", "Höhe?"}));
    CHECK(second > id);
    CHECK(annotationById(demo.annotationsJson(2), second)[QStringLiteral("author")].toString() == QStringLiteral("anna"));
    const QString list = demo.ok(args({"annotations", "2"}));
    CHECK(list.contains(S("„dienstliches Tablet“")));
    CHECK(list.contains(S("Welches Modell ist gemeint?")));
    CHECK(list.contains(S("„Entschädigung“")));

    // A header field can be annotated as well.
    const qint64 onTitle = demo.number(args({"annotate", "2", "--field", "title", "--quote", "Lehrkräfte", "--comment", "Titel kürzen?"}));
    CHECK(annotationById(demo.annotationsJson(2), onTitle)[QStringLiteral("quote")].toString() == S("Lehrkräfte"));
}

TEST_CASE("annotate --section B finds the words of B's answers, a figure by its value, and anchors on the answer",
          "[cli][review]")
{
    Demo demo;
    // The demo Fragestunde (1): B prints "Zu Frage 1: … 3027 Notebooks ausgegeben …" from the first answer.
    const QJsonObject fragestunde = demo.showJson(1);
    const QString firstQuestion = fragestunde[QStringLiteral("questions")].toArray().first()[QStringLiteral("id")].toString();
    REQUIRE_FALSE(firstQuestion.isEmpty());
    const Run run = demo.run(args({"annotate", "1", "--section", "B", "--quote", "3027 Notebooks", "--comment", "Stand?"}));
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const qint64 id = run.out.trimmed().split(QLatin1Char('\n')).last().toLongLong();
    const QJsonObject a = annotationById(demo.annotationsJson(1), id);
    CHECK(a[QStringLiteral("place")].toString() == QStringLiteral("answer:") + firstQuestion);
    CHECK(a[QStringLiteral("quote")].toString() == QString(QChar(0xFFFC)) + S(" Notebooks"));
    CHECK(demo.ok(args({"annotations", "1"})).contains(S("Antwort zu Frage 1")));
    // Words of a question are found through the section that prints the questions (A), not through B.
    CHECK(demo.run(args({"annotate", "1", "--section", "B", "--quote", "getrennt nach Frauen und Männern", "--comment",
                         "x"})).exitCode == 1);
    const qint64 onQuestion = demo.number(args({"annotate", "1", "--section", "A", "--quote", "getrennt nach Frauen und Männern",
                                                "--comment", "Warum?"}));
    CHECK(annotationById(demo.annotationsJson(1), onQuestion)[QStringLiteral("place")].toString()
          == QStringLiteral("question:") + firstQuestion);
}

TEST_CASE("annotate refuses a quote that is missing or ambiguous, and a wrong call", "[cli][review]")
{
    Demo demo;
    const QString before = demo.ok(args({"annotations", "2", "--json"}));

    // "Schül" stands twice in A ("Schülerinnen und Schülern").
    Run r = demo.run(args({"annotate", "2", "--section", "A", "--quote", "Schül", "--comment", "x"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("mal vor")));
    CHECK(r.err.contains(S("Vorkommen")));
    // With --occurrence the second one is taken, after the first.
    const qint64 first = demo.number(args({"annotate", "2", "--section", "A", "--quote", "Schül", "--comment", "eins",
                                           "--occurrence", "1"}));
    const qint64 second = demo.number(args({"annotate", "2", "--section", "A", "--quote", "Schül", "--comment", "zwei",
                                            "--occurrence", "2"}));
    const QJsonArray list = demo.annotationsJson(2);
    CHECK(annotationById(list, second)[QStringLiteral("start")].toInt() > annotationById(list, first)[QStringLiteral("start")].toInt());
    const QString a = demo.sectionText(2, QStringLiteral("A"));
    CHECK(a.mid(annotationById(list, first)[QStringLiteral("start")].toInt(), 12) == S("Schülerinnen"));
    CHECK(a.mid(annotationById(list, second)[QStringLiteral("start")].toInt(), 10) == S("Schülern i"));
    r = demo.run(args({"annotate", "2", "--section", "A", "--quote", "Schül", "--comment", "x", "--occurrence", "99"}));
    CHECK(r.exitCode == 1);

    r = demo.run(args({"annotate", "2", "--section", "B", "--quote", "Raumschiff", "--comment", "x"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("„Raumschiff“")));
    CHECK(r.err.contains(S("nicht vor")));
    r = demo.run(args({"annotate", "2", "--section", "Z", "--quote", "Tablet", "--comment", "x"}));
    CHECK(r.exitCode == 1);
    r = demo.run(args({"annotate", "99", "--section", "B", "--quote", "Tablet", "--comment", "x"}));
    CHECK(r.exitCode == 1);
    CHECK(demo.annotationsJson(2).size() == 2);

    for (const QStringList &usage :
         {args({"annotate"}), args({"annotate", "2", "--section", "B", "--comment", "x"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet"}),
          args({"annotate", "2", "--quote", "Tablet", "--comment", "x"}),
          args({"annotate", "2", "--section", "B", "--field", "title", "--quote", "Tablet", "--comment", "x"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment", "x", "--bunt"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment", "x", "--occurrence", "zwei"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment", "x", "--occurrence", "0"}),
          args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment", "x", "--occurrence", "-1"}),
          args({"annotate", "zwei", "--section", "B", "--quote", "Tablet", "--comment", "x"}), args({"reply", "1"}),
          args({"reply", "--text", "x"}), args({"resolve"}), args({"accept"}), args({"reject", "x"}), args({"version", "2"}),
          args({"versions"}), args({"restore", "2"}), args({"diff", "2", "1"}), args({"status", "2", "fertig"}),
          args({"status", "2", "beschlossen", "--outcome", "vertagt"}),
          args({"status", "2", "beschlossen", "--session-date", "morgen"}), args({"neufassung"}),
          args({"beteiligung", "2", "zaubern"}), args({"beteiligung", "2", "set", "1", "zugestimmt"}),
          args({"review-pdf", "2"})}) {
        INFO(usage.join(QLatin1Char(' ')).toStdString());
        r = demo.run(usage);
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QStringLiteral("Aufruf:")));
    }
    CHECK(demo.annotationsJson(2).size() == 2);
}

TEST_CASE("reply, resolve and reopen a comment thread", "[cli][review]")
{
    Demo demo;
    const qint64 id = demo.number(args({"annotate", "2", "--section", "B", "--quote", "zentral beschafft", "--comment", "Durch wen?"}));
    const qint64 reply = demo.number({QStringLiteral("reply"), QString::number(id), QStringLiteral("--text"), S("Durch Dataport.")},
                                     QStringLiteral("jonas"));
    CHECK(reply > 0);
    demo.ok({QStringLiteral("reply"), QString::number(id), QStringLiteral("--text"), S("Danke.")});

    QJsonObject a = annotationById(demo.annotationsJson(2), id);
    const QJsonArray replies = a[QStringLiteral("replies")].toArray();
    REQUIRE(replies.size() == 2);
    CHECK(replies[0][QStringLiteral("text")].toString() == S("Durch Dataport."));
    CHECK(replies[0][QStringLiteral("author")].toString() == QStringLiteral("jonas"));
    CHECK(replies[1][QStringLiteral("author")].toString() == QStringLiteral("anna"));
    CHECK_FALSE(a[QStringLiteral("resolved")].toBool());
    CHECK(demo.ok(args({"annotations", "2"})).contains(S("↳ jonas: Durch Dataport.")));

    demo.ok({QStringLiteral("resolve"), QString::number(id)});
    CHECK(annotationById(demo.annotationsJson(2), id)[QStringLiteral("resolved")].toBool());
    CHECK(demo.ok(args({"annotations", "2"})).contains(S("erledigt")));
    demo.ok({QStringLiteral("resolve"), QString::number(id), QStringLiteral("--reopen")});
    CHECK_FALSE(annotationById(demo.annotationsJson(2), id)[QStringLiteral("resolved")].toBool());

    Run r = demo.run(args({"resolve", "999"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("999")));
    CHECK(demo.run(args({"reply", "999", "--text", "x"})).exitCode == 1);
    CHECK(demo.run({QStringLiteral("reply"), QString::number(id), QStringLiteral("--text"), QStringLiteral("  ")}).exitCode == 2);
}

TEST_CASE("a suggestion accepted changes the text, one rejected is recorded and leaves it", "[cli][review]")
{
    Demo demo;
    const QString cBefore = demo.sectionText(2, QStringLiteral("C"));
    REQUIRE(cBefore.contains(S("Eine Entschädigung für die Nutzung privater Geräte")));
    const qint64 accepted = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--suggest",
                                              "pauschale Abgeltung", "--comment", "genauer"}));
    const qint64 rejected = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Datenschutzfragen", "--suggest",
                                              "Fragen des Datenschutzes"}));
    QJsonArray list = demo.annotationsJson(2);
    CHECK(annotationById(list, accepted)[QStringLiteral("suggestion")].toString() == QStringLiteral("open"));
    CHECK(annotationById(list, accepted)[QStringLiteral("replacement")].toString() == S("pauschale Abgeltung"));

    demo.ok({QStringLiteral("accept"), QString::number(accepted)}, QStringLiteral("jonas"));
    const QString cAfter = demo.sectionText(2, QStringLiteral("C"));
    CHECK(cAfter.contains(S("Eine pauschale Abgeltung für die Nutzung privater Geräte")));
    CHECK_FALSE(cAfter.contains(S("Entschädigung")));
    CHECK(demo.ok(args({"show", "2"})).contains(S("Eine pauschale Abgeltung für")));
    // Everything else of C is as it was.
    CHECK(QString(cAfter).replace(S("pauschale Abgeltung"), S("Entschädigung")) == cBefore);

    demo.ok({QStringLiteral("reject"), QString::number(rejected)});
    CHECK(demo.sectionText(2, QStringLiteral("C")) == cAfter);
    list = demo.annotationsJson(2);
    CHECK(annotationById(list, accepted)[QStringLiteral("suggestion")].toString() == QStringLiteral("accepted"));
    CHECK(annotationById(list, rejected)[QStringLiteral("suggestion")].toString() == QStringLiteral("rejected"));
    // The other suggestion's anchor moved with the accepted replacement and still holds its words.
    const QJsonObject other = annotationById(list, rejected);
    CHECK(cAfter.mid(other[QStringLiteral("start")].toInt(), other[QStringLiteral("end")].toInt() - other[QStringLiteral("start")].toInt())
          == S("Datenschutzfragen"));
    const QString plain = demo.ok(args({"annotations", "2"}));
    CHECK(plain.contains(S("Vorschlag angenommen")));
    CHECK(plain.contains(S("Vorschlag abgelehnt")));

    // A decided suggestion is not decided again; a comment is no suggestion.
    CHECK(demo.run({QStringLiteral("accept"), QString::number(accepted)}).exitCode == 1);
    CHECK(demo.run({QStringLiteral("accept"), QString::number(rejected)}).exitCode == 1);
    const qint64 comment = demo.number(args({"annotate", "2", "--section", "C", "--quote", "geprüft", "--comment", "wann?"}));
    Run r = demo.run({QStringLiteral("accept"), QString::number(comment)});
    CHECK(r.exitCode == 1);
    CHECK(demo.run({QStringLiteral("reject"), QString::number(comment)}).exitCode == 1);
    CHECK(demo.sectionText(2, QStringLiteral("C")) == cAfter);
}

TEST_CASE("anchors stay on their words across section edits and are detached when the words go", "[cli][review]")
{
    Demo demo;
    const qint64 onWords = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Datenschutzfragen", "--comment", "präziser"}));
    const qint64 onB = demo.number(args({"annotate", "2", "--section", "B", "--quote", "Stift", "--comment", "Stift nötig?"}));
    const QJsonObject before = annotationById(demo.annotationsJson(2), onWords);
    const QJsonObject bBefore = annotationById(demo.annotationsJson(2), onB);

    // Text inserted before the quoted words, and a second paragraph after them.
    const QString inserted = S("Vorab wurde der Bedarf in allen Schulen erhoben. ");
    demo.setSection(2, QStringLiteral("C"),
                    inserted
                        + S("Eine Entschädigung für die Nutzung privater Geräte wurde geprüft. Sie löst die "
                            "Datenschutzfragen nicht und wird deshalb nicht vorgeschlagen.\n\nWeitere Alternativen gibt es nicht.\n"));
    const QString c = demo.sectionText(2, QStringLiteral("C"));
    QJsonObject moved = annotationById(demo.annotationsJson(2), onWords);
    CHECK_FALSE(moved[QStringLiteral("detached")].toBool());
    CHECK(moved[QStringLiteral("quote")].toString() == S("Datenschutzfragen"));
    CHECK(moved[QStringLiteral("start")].toInt() == before[QStringLiteral("start")].toInt() + inserted.size());
    CHECK(c.mid(moved[QStringLiteral("start")].toInt(), S("Datenschutzfragen").size()) == S("Datenschutzfragen"));
    // Editing C left B's comment where it was; editing a header field moves nothing.
    CHECK(annotationById(demo.annotationsJson(2), onB) == bBefore);
    demo.ok(args({"set", "2", "subtitle", "Neuer Untertitel"}));
    CHECK(annotationById(demo.annotationsJson(2), onWords)[QStringLiteral("start")] == moved[QStringLiteral("start")]);

    // The quoted words removed: the comment stays, detached, with the words it was made on.
    demo.setSection(2, QStringLiteral("C"),
                    S("Vorab wurde der Bedarf in allen Schulen erhoben. Eine Entschädigung für die Nutzung privater Geräte "
                      "wurde geprüft. Sie löst die nicht und wird deshalb nicht vorgeschlagen.\n\nWeitere Alternativen gibt es nicht.\n"));
    const QJsonObject gone = annotationById(demo.annotationsJson(2), onWords);
    CHECK(gone[QStringLiteral("detached")].toBool());
    CHECK(gone[QStringLiteral("quote")].toString() == S("Datenschutzfragen"));
    CHECK(gone[QStringLiteral("text")].toString() == S("präziser"));
    CHECK(demo.ok(args({"annotations", "2"})).contains(S("(Text nicht mehr vorhanden)")));
    CHECK_FALSE(annotationById(demo.annotationsJson(2), onB)[QStringLiteral("detached")].toBool());
}

// A comment whose words go in a rewritten sentence is detached, even where single letters of the old
// words happen to match letters of the new sentence.
TEST_CASE("a comment whose words go in a rewritten sentence is detached, not moved onto other letters",
          "[cli][review]")
{
    Demo demo;
    const qint64 id = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Datenschutzfragen", "--comment", "präziser"}));
    demo.setSection(2, QStringLiteral("C"), S("Eine Entschädigung wurde geprüft und wird nicht vorgeschlagen.\n"));
    const QJsonObject a = annotationById(demo.annotationsJson(2), id);
    const QString c = demo.sectionText(2, QStringLiteral("C"));
    const int start = a[QStringLiteral("start")].toInt();
    const int end = a[QStringLiteral("end")].toInt();
    INFO("anchored on „" << c.mid(start, end - start).toStdString() << "“");
    CHECK((a[QStringLiteral("detached")].toBool() || c.mid(start, end - start) == S("Datenschutzfragen")));
}

TEST_CASE("versions are listed, immutable, restored as a new draft", "[cli][review]")
{
    Demo demo;
    CHECK(demo.versionsJson(2).isEmpty());
    const QString original = demo.sectionText(2, QStringLiteral("C"));
    CHECK(demo.number(args({"version", "2", "--name", "zur Mitzeichnung"})) == 1);
    demo.setSection(2, QStringLiteral("C"), S("Alternativen werden nicht vorgeschlagen.\n"));
    CHECK(demo.number(args({"version", "2", "--name", "Staatsrätekonferenz"}), QStringLiteral("jonas")) == 2);

    const QJsonArray versions = demo.versionsJson(2);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0][QStringLiteral("number")].toInt() == 1);
    CHECK(versions[0][QStringLiteral("name")].toString() == S("zur Mitzeichnung"));
    CHECK_FALSE(versions[0][QStringLiteral("automatic")].toBool());
    CHECK(versions[0][QStringLiteral("status")].toString() == QStringLiteral("entwurf"));
    CHECK(versions[0][QStringLiteral("author")].toString() == QStringLiteral("anna"));
    CHECK(versions[1][QStringLiteral("author")].toString() == QStringLiteral("jonas"));
    CHECK(QDateTime::fromString(versions[1][QStringLiteral("created")].toString(), Qt::ISODate).isValid());
    const QString plain = demo.ok(args({"versions", "2"}));
    CHECK(plain.contains(S("Staatsrätekonferenz")));
    CHECK(plain.contains(S("zur Mitzeichnung")));
    CHECK(demo.run(args({"version", "2", "--name", " "})).exitCode == 2);
    CHECK(demo.run(args({"version", "99", "--name", "x"})).exitCode == 1);

    // Nobody changes or deletes a version, not even with SQL on the file.
    {
        auto ws = demo.open();
        QSqlQuery read(ws->database());
        REQUIRE(read.exec(QStringLiteral("SELECT snapshot, name FROM version WHERE vorlage_id = 2 AND number = 1")));
        REQUIRE(read.next());
        const QByteArray snapshot = read.value(0).toString().toUtf8();
        CHECK(snapshot.contains(S("Eine Entschädigung für die Nutzung").toUtf8()));
        read.finish();
        QSqlQuery update(ws->database());
        CHECK_FALSE(update.exec(QStringLiteral("UPDATE version SET snapshot = replace(snapshot, 'Entschädigung', 'Prämie') "
                                               "WHERE vorlage_id = 2 AND number = 1")));
        CHECK(update.lastError().text().contains(QStringLiteral("immutable")));
        QSqlQuery rename(ws->database());
        CHECK_FALSE(rename.exec(QStringLiteral("UPDATE version SET name = 'anders' WHERE vorlage_id = 2")));
        QSqlQuery remove(ws->database());
        CHECK_FALSE(remove.exec(QStringLiteral("DELETE FROM version WHERE vorlage_id = 2 AND number = 1")));
        QSqlQuery again(ws->database());
        REQUIRE(again.exec(QStringLiteral("SELECT snapshot, name FROM version WHERE vorlage_id = 2 AND number = 1")));
        REQUIRE(again.next());
        CHECK(again.value(0).toString().toUtf8() == snapshot);
        CHECK(again.value(1).toString() == S("zur Mitzeichnung"));
    }
    CHECK(demo.versionsJson(2) == versions);

    // Restoring version 1 makes a new draft with its text; the Vorlage itself stays as it is.
    const qint64 restored = demo.number(args({"restore", "2", "1"}));
    CHECK(restored != 2);
    const QJsonObject draft = demo.showJson(restored);
    CHECK(draft[QStringLiteral("status")].toString() == QStringLiteral("entwurf"));
    CHECK(demo.sectionText(restored, QStringLiteral("C")) == original);
    CHECK(demo.sectionText(2, QStringLiteral("C")) == S("Alternativen werden nicht vorgeschlagen."));
    CHECK(demo.versionsJson(2).size() == 2);
    demo.ok({QStringLiteral("set"), QString::number(restored), QStringLiteral("title"), S("Wiederhergestellt")});
    CHECK(demo.run(args({"restore", "2", "7"})).exitCode == 1);
}

TEST_CASE("diff marks exactly the changed words, as text and as PDF", "[cli][review]")
{
    Demo demo;
    demo.ok(args({"version", "2", "--name", "vorher"}));
    CHECK(demo.ok(args({"diff", "2", "1", "aktuell"})).contains(S("Keine Unterschiede.")));

    const QString c = demo.sectionText(2, QStringLiteral("C"));
    REQUIRE(c.contains(S("Eine Entschädigung für die Nutzung privater Geräte wurde geprüft.")));
    demo.setSection(2, QStringLiteral("C"),
                    QString(c).replace(S("Eine Entschädigung für"), S("Eine Pauschale für"))
                        .replace(S(" und wird deshalb nicht vorgeschlagen"), S(" und wird nicht vorgeschlagen")));
    const QString out = demo.ok(args({"diff", "2", "1", "aktuell"}));
    INFO(out.toStdString());
    static const QRegularExpression deleted(QStringLiteral("\\[-(.*?)-\\]"));
    static const QRegularExpression insertedRe(QStringLiteral("\\{\\+(.*?)\\+\\}"));
    QStringList deletions, insertions;
    for (auto it = deleted.globalMatch(out); it.hasNext();)
        deletions << it.next().captured(1).trimmed();
    for (auto it = insertedRe.globalMatch(out); it.hasNext();)
        insertions << it.next().captured(1).trimmed();
    CHECK(deletions == QStringList{S("Entschädigung"), S("deshalb")});
    CHECK(insertions == QStringList{S("Pauschale")});
    // Only C is listed; the unchanged words around stay plain.
    CHECK(out.contains(S("Eine [-Entschädigung-]{+Pauschale+} für die Nutzung")));
    CHECK_FALSE(out.contains(S("Lehrkräfte")));
    // The other way round, insertions and deletions swap.
    const QString back = demo.ok(args({"diff", "2", "aktuell", "1"}));
    CHECK(back.contains(S("[-Pauschale-]{+Entschädigung+}")));

    const QString pdf = demo.home.filePath(QStringLiteral("vergleich.pdf"));
    demo.ok({QStringLiteral("diff"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("aktuell"), QStringLiteral("--pdf"), pdf});
    const QString text = pdfText(pdf).simplified();
    CHECK(text.contains(S("Pauschale")));
    CHECK(text.contains(S("Entschädigung")));
    CHECK(text.contains(S("deshalb")));
    CHECK(text.contains(S("vorher")));

    CHECK(demo.run(args({"diff", "2", "1", "9"})).exitCode == 1);
    CHECK(demo.run(args({"diff", "2", "1", "eins"})).exitCode == 2);
    CHECK(demo.run({QStringLiteral("diff"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("aktuell"),
                    QStringLiteral("--pdf"), demo.home.filePath(QStringLiteral("fehlt/ordner/v.pdf"))})
              .exitCode == 1);
}

TEST_CASE("status moves step by step, each change recorded with a version", "[cli][review]")
{
    Demo demo;
    CHECK(demo.ok(args({"status", "2"})).startsWith(S("Entwurf")));

    Run r = demo.run(args({"status", "2", "beschlussreif"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("„Entwurf“ nach „Beschlussreif“")));
    CHECK(demo.run(args({"status", "2", "beschlossen", "--session-date", "17.11.2020"})).exitCode == 1);
    r = demo.run(args({"status", "2", "veroeffentlicht"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("Veröffentlichung")));
    CHECK(demo.run(args({"status", "2", "in-abstimmung", "--outcome", "geaendert"})).exitCode == 1);
    CHECK(demo.versionsJson(2).isEmpty());

    demo.ok(args({"status", "2", "in-abstimmung"}));
    demo.ok(args({"status", "2", "entwurf"}), QStringLiteral("jonas")); // back before the decision
    demo.ok(args({"status", "2", "in-abstimmung"}));
    demo.ok(args({"status", "2", "beschlussreif"}));
    CHECK(demo.showJson(2)[QStringLiteral("status")].toString() == QStringLiteral("beschlussreif"));

    // A session before the Vorlage's date is refused.
    CHECK(demo.run(args({"status", "2", "beschlossen", "--session-date", "10.11.2020"})).exitCode == 1);
    // Deferred: the session is recorded, the Vorlage stays Beschlussreif and editable.
    demo.ok(args({"status", "2", "beschlossen", "--session-date", "17.11.2020", "--outcome", "zurueckgestellt"}));
    CHECK(demo.showJson(2)[QStringLiteral("status")].toString() == QStringLiteral("beschlussreif"));
    CHECK(demo.ok(args({"status", "2"})).contains(S("Zurückgestellt"), Qt::CaseInsensitive));
    demo.ok(args({"set", "2", "subtitle", "nach Zurückstellung"}));

    // Beschlossen needs the date of the session.
    demo.ok(args({"set", "2", "sessionDate", ""}));
    r = demo.run(args({"status", "2", "beschlossen"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("fehlt das Datum der Senatssitzung")));
    CHECK(demo.showJson(2)[QStringLiteral("status")].toString() == QStringLiteral("beschlussreif"));
    demo.ok(args({"status", "2", "beschlossen", "--session-date", "24.11.2020", "--outcome", "geaendert"}));
    const QJsonObject decided = demo.showJson(2);
    CHECK(decided[QStringLiteral("status")].toString() == QStringLiteral("beschlossen"));
    CHECK(decided[QStringLiteral("sessionDate")].toString() == QStringLiteral("2020-11-24"));

    // Once decided, nothing goes back.
    for (const char *to : {"beschlussreif", "in-abstimmung", "entwurf", "beschlossen"}) {
        INFO(to);
        r = demo.run({QStringLiteral("status"), QStringLiteral("2"), QString::fromLatin1(to), QStringLiteral("--session-date"),
                      QStringLiteral("25.11.2020")});
        CHECK(r.exitCode == 1);
    }

    const QString history = demo.ok(args({"status", "2"}));
    INFO(history.toStdString());
    const QStringList lines = history.trimmed().split(QLatin1Char('\n'));
    REQUIRE(lines.size() == 7);
    CHECK(lines[0].startsWith(S("Beschlossen (mit Änderungen")));
    CHECK(lines[1].contains(S("Entwurf → In Abstimmung")));
    CHECK(lines[2].contains(S("In Abstimmung → Entwurf")));
    CHECK(lines[2].contains(QStringLiteral("jonas")));
    CHECK(lines[4].contains(S("In Abstimmung → Beschlussreif")));
    CHECK(lines[5].contains(S("Beschlussreif → Beschlussreif")));
    CHECK(lines[5].contains(S("Zurückgestellt"), Qt::CaseInsensitive));
    CHECK(lines[6].contains(S("Beschlussreif → Beschlossen")));

    // Every change made an automatic version; the decided one is named after the session.
    const QJsonArray versions = demo.versionsJson(2);
    REQUIRE(versions.size() == 6);
    for (const QJsonValue &v : versions)
        CHECK(v[QStringLiteral("automatic")].toBool());
    CHECK(versions.last()[QStringLiteral("status")].toString() == QStringLiteral("beschlossen"));
    CHECK(versions.last()[QStringLiteral("name")].toString().contains(S("24.11.2020")));
    CHECK(versions[4][QStringLiteral("name")].toString().contains(S("17.11.2020")));
}

TEST_CASE("a decided Vorlage refuses every change on the command line and stays as it was", "[cli][review]")
{
    Demo demo;
    // Material to try to change: a suggestion, Beteiligung entries with an objection.
    const qint64 suggestion = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--suggest", "Prämie"}));
    demo.ok(args({"beteiligung", "2", "add", "finanzen", "--state", "zugestimmt", "--date", "02.11.2020"}));
    demo.ok(args({"beteiligung", "2", "add", "Gesamtpersonalrat", "--state", "einwaende", "--text", "Mitbestimmung fehlt",
                  "--date", "03.11.2020"}));
    demo.decide(2, S("17.11.2020"));
    const QString section = demo.write(QStringLiteral("neu.txt"), S("Ganz anderer Text.\n"));

    const QString before = everything(demo, 2);
    // Every process has closed the workspace, which checkpoints the WAL into the file: its bytes are the
    // whole state now.
    const auto fileState = [&] {
        QByteArray state = QCryptographicHash::hash(readFile(demo.workspacePath()), QCryptographicHash::Sha256);
        const QString wal = demo.workspacePath() + QStringLiteral("-wal");
        if (QFile::exists(wal))
            state += QCryptographicHash::hash(readFile(wal), QCryptographicHash::Sha256);
        return state.toHex();
    };
    const QByteArray bytesBefore = fileState();
    const QList<QStringList> attempts{
        args({"set", "2", "title", "Neuer Titel"}),
        args({"set", "2", "sessionDate", "18.11.2020"}),
        {QStringLiteral("section"), QStringLiteral("2"), QStringLiteral("C"), QStringLiteral("--text-file"), section},
        args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--comment", "zu spät"}),
        args({"annotate", "2", "--section", "B", "--quote", "Tablet", "--suggest", "Notebook"}),
        {QStringLiteral("accept"), QString::number(suggestion)},
        args({"beteiligung", "2", "add", "ZGF", "--state", "zugestimmt"}),
        args({"beteiligung", "2", "set", "1", "einwaende", "--text", "doch nicht"}),
        args({"beteiligung", "2", "remove", "1"}),
        args({"beteiligung", "2", "attach", "2"}),
        args({"beteiligung", "2", "propose"}),
        args({"status", "2", "beschlussreif"}),
        args({"status", "2", "entwurf"}),
    };
    for (const QStringList &attempt : attempts) {
        INFO(attempt.join(QLatin1Char(' ')).toStdString());
        const Run r = demo.run(attempt);
        INFO(r.err.toStdString());
        CHECK(r.exitCode == 1);
        CHECK_FALSE(r.err.isEmpty());
    }
    CHECK(demo.run(args({"set", "2", "title", "Neuer Titel"})).err.contains(S("Neufassung")));
    CHECK(fileState() == bytesBefore);
    CHECK(everything(demo, 2) == before);
}

TEST_CASE("a Neufassung is a draft pointing to its predecessor and can be edited", "[cli][review]")
{
    Demo demo;
    demo.decide(2, S("17.11.2020"));
    const QJsonObject decided = demo.showJson(2);
    const qint64 id = demo.number(args({"neufassung", "2"}));
    CHECK(id != 2);
    const QJsonObject copy = demo.showJson(id);
    CHECK(copy[QStringLiteral("predecessor")].toInteger() == 2);
    CHECK(copy[QStringLiteral("status")].toString() == QStringLiteral("entwurf"));
    CHECK(copy[QStringLiteral("title")].toString() == decided[QStringLiteral("title")].toString());
    CHECK(demo.sectionText(id, QStringLiteral("C")) == demo.sectionText(2, QStringLiteral("C")));

    const QString n = QString::number(id);
    demo.ok({QStringLiteral("set"), n, QStringLiteral("subtitle"), S("Neufassung nach Senatsbeschluss")});
    demo.setSection(id, QStringLiteral("C"), S("Alternativen werden nicht vorgeschlagen.\n"));
    demo.number({QStringLiteral("annotate"), n, QStringLiteral("--section"), QStringLiteral("C"), QStringLiteral("--quote"),
                 QStringLiteral("Alternativen"), QStringLiteral("--comment"), QStringLiteral("ok")});
    CHECK(demo.sectionText(id, QStringLiteral("C")) == S("Alternativen werden nicht vorgeschlagen."));
    // The predecessor is untouched and still decided.
    CHECK(demo.showJson(2) == decided);
    CHECK(demo.run(args({"neufassung", "99"})).exitCode == 1);
}

TEST_CASE("beteiligung: add, set, resolve, remove, attach and propose section E", "[cli][review]")
{
    Demo demo;
    CHECK(demo.arrayOf(args({"beteiligung", "2", "--json"})).isEmpty());
    demo.ok(args({"beteiligung", "2", "add", "finanzen", "--state", "zugestimmt", "--date", "02.11.2020"}));
    demo.ok(args({"beteiligung", "2", "add", "Magistrat Bremerhaven", "--date", "03.11.2020"}));
    demo.ok(args({"beteiligung", "2", "add", "Gesamtpersonalrat", "--state", "einwaende", "--text",
                  "Die Mitbestimmung nach § 52 BremPersVG ist nicht eingeleitet.", "--date", "04.11.2020"}));
    demo.ok(args({"beteiligung", "2", "add", "ZGF", "--state", "angefragt"}));

    QJsonArray list = demo.arrayOf(args({"beteiligung", "2", "--json"}));
    REQUIRE(list.size() == 4);
    CHECK(list[0][QStringLiteral("ressort")].toString() == QStringLiteral("finanzen"));
    CHECK(list[0][QStringLiteral("name")].toString().contains(S("Finanzen")));
    CHECK(list[0][QStringLiteral("state")].toString() == QStringLiteral("zugestimmt"));
    CHECK(list[0][QStringLiteral("date")].toString() == QStringLiteral("2020-11-02"));
    CHECK(list[1][QStringLiteral("name")].toString() == S("Magistrat Bremerhaven"));
    CHECK(list[1][QStringLiteral("state")].toString() == QStringLiteral("angefragt"));
    CHECK(list[2][QStringLiteral("state")].toString() == QStringLiteral("einwaende"));
    CHECK_FALSE(list[2][QStringLiteral("resolved")].toBool());

    // An open objection is shown by validation.
    Run r = demo.run(args({"check", "2"}));
    CHECK(r.out.contains(QStringLiteral("Gesamtpersonalrat")));

    demo.ok(args({"beteiligung", "2", "set", "2", "massgabe", "--text", "Vorbehaltlich der Haushaltsmittel", "--date",
                  "05.11.2020"}));
    list = demo.arrayOf(args({"beteiligung", "2", "--json"}));
    CHECK(list[1][QStringLiteral("state")].toString() == QStringLiteral("massgabe"));
    CHECK(list[1][QStringLiteral("text")].toString() == S("Vorbehaltlich der Haushaltsmittel"));
    CHECK(list[1][QStringLiteral("date")].toString() == QStringLiteral("2020-11-05"));

    // Attached as an internal Anlage with its text.
    demo.ok(args({"beteiligung", "2", "attach", "3"}));
    const QJsonArray anlagen = demo.showJson(2)[QStringLiteral("anlagen")].toArray();
    REQUIRE(anlagen.size() == 1);
    CHECK(anlagen[0][QStringLiteral("internal")].toBool());
    CHECK(QJsonDocument(anlagen[0].toObject()).toJson().contains(S("§ 52 BremPersVG").toUtf8()));

    demo.ok(args({"beteiligung", "2", "resolve", "3"}));
    CHECK(demo.arrayOf(args({"beteiligung", "2", "--json"}))[2][QStringLiteral("resolved")].toBool());
    CHECK(demo.ok(args({"beteiligung", "2"})).contains(S("(ausgeräumt)")));
    r = demo.run(args({"beteiligung", "2", "resolve", "1"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("keine Einwände")));
    CHECK(demo.run(args({"beteiligung", "2", "attach", "1"})).exitCode == 1);
    CHECK(demo.run(args({"beteiligung", "2", "set", "9", "zugestimmt"})).exitCode == 2);
    CHECK(demo.run(args({"beteiligung", "2", "set", "1", "begeistert"})).exitCode == 2);
    CHECK(demo.run(args({"beteiligung", "2", "add", "ZGF", "--state", "begeistert"})).exitCode == 2);
    CHECK(demo.run(args({"beteiligung", "2", "add", "ZGF", "--date", "gestern"})).exitCode == 2);

    demo.ok(args({"beteiligung", "2", "remove", "4"}));
    CHECK(demo.arrayOf(args({"beteiligung", "2", "--json"})).size() == 3);

    // E is filled from the list: every participant is named.
    const QString eBefore = demo.sectionText(2, QStringLiteral("E"));
    demo.ok(args({"beteiligung", "2", "propose"}));
    const QString e = demo.sectionText(2, QStringLiteral("E"));
    INFO(e.toStdString());
    CHECK(e != eBefore);
    CHECK(e.contains(S("Finanzen")));
    CHECK(e.contains(S("Magistrat Bremerhaven")));
    CHECK(e.contains(S("Gesamtpersonalrat")));
    CHECK_FALSE(e.contains(S("ZGF")));
}

TEST_CASE("the review PDF carries the watermark, the comments and the Beteiligung", "[cli][review]")
{
    Demo demo;
    demo.number(args({"annotate", "2", "--section", "B", "--quote", "Stift", "--comment", "Ist der Stift wirklich nötig?"}));
    const qint64 second = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--suggest", "Prämie",
                                            "--comment", "Begriff der Senatskanzlei"}));
    demo.ok({QStringLiteral("reply"), QString::number(second), QStringLiteral("--text"), S("Wird übernommen.")});
    demo.ok(args({"beteiligung", "2", "add", "Gesamtpersonalrat", "--state", "einwaende", "--text", "Mitbestimmung fehlt"}));
    const QString pdf = demo.home.filePath(QStringLiteral("pruefung.pdf"));
    demo.ok({QStringLiteral("review-pdf"), QStringLiteral("2"), QStringLiteral("--pdf"), pdf});
    const QString text = pdfText(pdf).simplified();
    INFO(text.toStdString());
    CHECK(text.contains(S("Entwurf – nicht zur Veröffentlichung")));
    CHECK(text.contains(S("Ist der Stift wirklich nötig?")));
    CHECK(text.contains(S("Begriff der Senatskanzlei")));
    CHECK(text.contains(S("Prämie")));
    CHECK(text.contains(S("Wird übernommen.")));
    CHECK(text.contains(S("Gesamtpersonalrat")));
    CHECK(text.contains(S("Mitbestimmung fehlt")));

    // The normal export of the same Vorlage has none of it.
    const QString clean = demo.home.filePath(QStringLiteral("sauber.pdf"));
    demo.ok({QStringLiteral("export"), QStringLiteral("2"), QStringLiteral("--pdf"), clean});
    const QString cleanText = pdfText(clean).simplified();
    CHECK_FALSE(cleanText.contains(S("Entwurf – nicht zur Veröffentlichung")));
    CHECK_FALSE(cleanText.contains(S("Ist der Stift wirklich nötig?")));
    CHECK_FALSE(cleanText.contains(S("Mitbestimmung fehlt")));
    CHECK(demo.run({QStringLiteral("review-pdf"), QStringLiteral("2"), QStringLiteral("--pdf"),
                    demo.home.filePath(QStringLiteral("kein/ordner/p.pdf"))})
              .exitCode == 1);
}
