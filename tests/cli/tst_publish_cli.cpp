// Publication on the command line (#6), run as the real binary on the demo workspace: refusals and
// warnings, the register package, the OParl schema, the leak test over the whole stack and the batch
// for a session.

#include "clitest.h"

#include <QBuffer>
#include <QDateTime>
#include <QDirIterator>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSqlError>
#include <QStringDecoder>

using namespace clitest;

namespace {

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *a : list)
        result << QString::fromUtf8(a);
    return result;
}

QString status(const Demo &demo, qint64 id)
{
    return demo.showJson(id)[QStringLiteral("status")].toString();
}

// The lines of a refusal or warning report ("– …").
QStringList reasons(const QString &err)
{
    QStringList lines;
    for (const QString &line : err.split(QLatin1Char('\n')))
        if (line.startsWith(S("– ")) || line.startsWith(S("Warnung: ")))
            lines << line;
    return lines;
}

// Every file below `dir`, relative, hidden ones included.
QStringList filesBelow(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

QByteArray runTool(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    REQUIRE(p.waitForFinished(60000));
    INFO(program.toStdString() << ": " << p.readAllStandardError().toStdString());
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    REQUIRE(p.exitCode() == 0);
    return p.readAllStandardOutput();
}

// The publication rows of the workspace, newest last.
QList<QPair<QString, QString>> publications(const Demo &demo, qint64 id)
{
    auto ws = demo.open();
    QSqlQuery q(ws->database());
    q.prepare(QStringLiteral("SELECT sha512, package FROM publication WHERE vorlage_id = ? ORDER BY id"));
    q.addBindValue(id);
    REQUIRE(q.exec());
    QList<QPair<QString, QString>> rows;
    while (q.next())
        rows << qMakePair(q.value(0).toString(), q.value(1).toString());
    return rows;
}

QString sha512Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex());
}

// A small real PDF, for an Anlage.
QByteArray smallPdf(const QString &text)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        painter.drawText(QPointF(800, 1200), text);
    }
    return bytes;
}

// Every form in which a marker could stand in a file: the bytes (Latin-1, UTF-8, UTF-16 in both byte
// orders and alignments) and, for a PDF, every object decompressed (qpdf --qdf) and the text poppler
// extracts.
QStringList readableForms(const QString &path)
{
    const QByteArray bytes = readFile(path);
    QStringList forms{QString::fromLatin1(bytes), QString::fromUtf8(bytes)};
    for (const QByteArray &b : {bytes, bytes.mid(1)}) {
        auto be = QStringDecoder(QStringDecoder::Utf16BE);
        auto le = QStringDecoder(QStringDecoder::Utf16LE);
        forms << QString(be(b)) << QString(le(b));
    }
    if (bytes.startsWith("%PDF")) {
        QTemporaryDir dir;
        const QString qdf = dir.filePath(QStringLiteral("qdf.pdf"));
        runTool(QStringLiteral("qpdf"), {QStringLiteral("--qdf"), QStringLiteral("--object-streams=disable"), path, qdf});
        const QByteArray objects = readFile(qdf);
        auto be = QStringDecoder(QStringDecoder::Utf16BE);
        forms << QString::fromLatin1(objects) << QString(be(objects));
        forms << QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path,
                                                                          QStringLiteral("-")}));
    }
    return forms;
}

// "file: marker" for every marker found in a file below `dir`.
QStringList scan(const QString &dir, const QStringList &markers)
{
    QStringList found;
    for (const QString &file : filesBelow(dir)) {
        const QStringList forms = readableForms(QDir(dir).filePath(file));
        for (const QString &m : markers)
            for (const QString &form : forms)
                if (form.contains(m, Qt::CaseInsensitive)) {
                    found << QStringLiteral("%1: %2").arg(file, m);
                    break;
                }
    }
    return found;
}

QString packageFile(const QString &folder, const QString &suffix)
{
    const QStringList matches = QDir(folder).entryList({QStringLiteral("*") + suffix}, QDir::Files);
    REQUIRE(matches.size() >= 1);
    for (const QString &m : matches)
        if (!m.contains(QStringLiteral("_mit-anlagen")))
            return QDir(folder).filePath(m);
    return QDir(folder).filePath(matches.first());
}

} // namespace

TEST_CASE("publish refuses an undecided Vorlage and writes nothing", "[cli][publication]")
{
    Demo demo;
    const QString out = demo.home.filePath(QStringLiteral("register"));
    Run r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out});
    CHECK(r.exitCode == 1);
    INFO(r.err.toStdString());
    const QStringList lines = reasons(r.err);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].contains(S("beschlossen")));
    CHECK(entriesOf(out).isEmpty());
    CHECK(status(demo, 2) == QStringLiteral("entwurf"));

    demo.ok(args({"status", "2", "in-abstimmung"}));
    demo.ok(args({"status", "2", "beschlussreif"}));
    CHECK(demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out}).exitCode == 1);
    CHECK(entriesOf(out).isEmpty());
    CHECK(demo.run(args({"publish", "2"})).exitCode == 2);
    CHECK(demo.run(args({"publish", "--out", "x"})).exitCode == 2);
    CHECK(demo.run({QStringLiteral("publish"), QStringLiteral("99"), QStringLiteral("--out"), out}).exitCode == 1);
    CHECK(demo.run(args({"publish-session", "--out", "x"})).exitCode == 2);
    CHECK(demo.run(args({"publish-session", "irgendwann", "--out", "x"})).exitCode == 2);
    r = demo.run({QStringLiteral("publish-session"), QStringLiteral("01.01.2020"), QStringLiteral("--out"), out});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("keine beschlossene")));
}

TEST_CASE("publish lists every reason that stands in the way: F, open comment, open objection", "[cli][publication]")
{
    Demo demo;
    const QString fSentence = S("Die Vorlage ist nicht zur Veröffentlichung geeignet, da sie Angaben zu einzelnen "
                                "Beschäftigten enthält.");
    demo.setSection(2, QStringLiteral("F"), fSentence + QLatin1Char('\n'));
    const qint64 comment = demo.number(args({"annotate", "2", "--section", "B", "--quote", "Stift", "--comment", "Stift nötig?"}));
    demo.ok(args({"beteiligung", "2", "add", "Gesamtpersonalrat", "--state", "einwaende", "--text", "Mitbestimmung fehlt"}));
    demo.decide(2, S("17.11.2020"));
    const QString out = demo.home.filePath(QStringLiteral("register"));
    const QStringList publish{QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out,
                              QStringLiteral("--confirm-warnings")};

    Run r = demo.run(publish);
    CHECK(r.exitCode == 1);
    INFO(r.err.toStdString());
    QStringList lines = reasons(r.err);
    REQUIRE(lines.size() == 3);
    CHECK(lines.filter(fSentence).size() == 1);
    CHECK(lines.filter(S("Stift")).size() == 1);                 // the comment, by its words
    CHECK(lines.filter(S("Gesamtpersonalrat")).size() == 1);     // the objection
    CHECK(lines.filter(S("nicht beschlossen")).isEmpty());
    CHECK(entriesOf(out).isEmpty());

    // Settled one by one (both possible after the decision), each reason goes away by itself.
    demo.ok({QStringLiteral("resolve"), QString::number(comment)});
    r = demo.run(publish);
    CHECK(r.exitCode == 1);
    lines = reasons(r.err);
    REQUIRE(lines.size() == 2);
    CHECK(lines.filter(S("Stift")).isEmpty());
    demo.ok(args({"beteiligung", "2", "resolve", "1"}));
    r = demo.run(publish);
    CHECK(r.exitCode == 1);
    lines = reasons(r.err);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].contains(fSentence));
    CHECK(entriesOf(out).isEmpty());
    CHECK(status(demo, 2) == QStringLiteral("beschlossen"));
    CHECK(publications(demo, 2).isEmpty());
}

TEST_CASE("an unresolved comment alone refuses publication, once resolved it is published", "[cli][publication]")
{
    Demo demo;
    const qint64 comment = demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--comment", "Höhe?"}));
    const qint64 suggestion = demo.number(args({"annotate", "2", "--section", "C", "--quote", "geprüft", "--suggest", "untersucht"}));
    demo.ok({QStringLiteral("reject"), QString::number(suggestion)});
    demo.decide(2, S("17.11.2020"));
    const QString out = demo.home.filePath(QStringLiteral("register"));
    Run r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out});
    CHECK(r.exitCode == 1);
    REQUIRE(reasons(r.err).size() == 1);
    CHECK(reasons(r.err)[0].contains(S("Entschädigung")));
    demo.ok({QStringLiteral("resolve"), QString::number(comment)});
    demo.ok({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out});
    CHECK(status(demo, 2) == QStringLiteral("veroeffentlicht"));
}

TEST_CASE("status refuses Beschlussreif and Beschlossen while suggestions or comments are open, unless --force",
          "[cli][publication]")
{
    Demo demo;
    demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--suggest", "Prämie"}));
    demo.number(args({"annotate", "2", "--section", "B", "--quote", "Stift", "--comment", "Stift nötig?"}));
    demo.ok(args({"status", "2", "in-abstimmung"}));

    Run r = demo.run(args({"status", "2", "beschlussreif"}));
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("1 offener Änderungsvorschlag")));
    CHECK(r.err.contains(S("1 nicht erledigter Kommentar")));
    CHECK(r.err.contains(S("--force")));
    CHECK(status(demo, 2) == QStringLiteral("in-abstimmung"));
    demo.ok(args({"status", "2", "beschlussreif", "--force"}));

    // A deferral leaves the Vorlage Beschlussreif and editable: nothing to warn about.
    demo.ok(args({"status", "2", "beschlossen", "--session-date", "17.11.2020", "--outcome", "zurueckgestellt"}));
    r = demo.run(args({"status", "2", "beschlossen", "--session-date", "24.11.2020"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("1 offener Änderungsvorschlag")));
    CHECK(status(demo, 2) == QStringLiteral("beschlussreif"));
    demo.ok(args({"status", "2", "beschlossen", "--session-date", "24.11.2020", "--force"}));
    CHECK(status(demo, 2) == QStringLiteral("beschlossen"));
}

TEST_CASE("a suggestion left open at the decision can still be rejected, and then the Vorlage is published",
          "[cli][publication]")
{
    Demo demo;
    const QString suggestion = QString::number(
        demo.number(args({"annotate", "2", "--section", "C", "--quote", "Entschädigung", "--suggest", "Prämie"})));
    demo.decide(2, S("17.11.2020"));
    const QString out = demo.home.filePath(QStringLiteral("register"));
    const QStringList publish{QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out};
    Run r = demo.run(publish);
    CHECK(r.exitCode == 1);
    REQUIRE(reasons(r.err).size() == 1);
    CHECK(reasons(r.err)[0].contains(S("nicht entschieden")));

    // Accepting would change the decided text: refused. Rejecting leaves it: allowed.
    r = demo.run({QStringLiteral("accept"), suggestion});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("Neufassung")));
    const QString sectionC = demo.sectionText(2, QStringLiteral("C"));
    demo.ok({QStringLiteral("reject"), suggestion});
    CHECK(demo.ok(args({"annotations", "2"})).contains(S("Vorschlag abgelehnt")));
    CHECK(demo.sectionText(2, QStringLiteral("C")) == sectionC);
    demo.ok(publish);
    CHECK(status(demo, 2) == QStringLiteral("veroeffentlicht"));
}

TEST_CASE("a broken figure reference cannot be decided, in a damaged decided version it refuses publication", "[cli][publication]")
{
    Demo demo;
    // Through the command line a quote of a figure that does not exist is a validation error, and a
    // Vorlage with errors never becomes Beschlussreif — so it cannot be decided.
    const QString c = demo.sectionText(2, QStringLiteral("C"));
    demo.setSection(2, QStringLiteral("C"), S("Die Kosten betrügen {{gibt-es-nicht}} im Jahr.\n"));
    demo.ok(args({"status", "2", "in-abstimmung"}));
    Run r = demo.run(args({"status", "2", "beschlussreif"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("gibt-es-nicht")));
    CHECK(status(demo, 2) == QStringLiteral("in-abstimmung"));

    // The decided version freezes the values of its quotes, so a figure removed later breaks nothing.
    // A broken reference in a decided version therefore needs a damaged workspace: a decided version
    // whose quote has lost its frozen value and names an unknown figure, made here with SQL.
    demo.setSection(2, QStringLiteral("C"), c + QLatin1Char('\n'));
    demo.ok(args({"status", "2", "beschlussreif"}));
    demo.ok(args({"status", "2", "beschlossen"}));
    {
        auto ws = demo.open();
        QSqlDatabase db = ws->database();
        QSqlQuery q(db);
        REQUIRE(q.exec(QStringLiteral("SELECT v.snapshot, v.number FROM status_change c JOIN version v ON v.id = c.version_id "
                                      "WHERE c.vorlage_id = 2 AND c.to_status = 'beschlossen'")));
        REQUIRE(q.next());
        QJsonObject snapshot = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        const int number = q.value(1).toInt();
        q.finish();
        int broken = 0;
        std::function<QJsonValue(const QJsonValue &)> damage = [&](const QJsonValue &value) -> QJsonValue {
            if (value.isArray()) {
                QJsonArray array;
                for (const QJsonValue &v : value.toArray())
                    array.append(damage(v));
                return array;
            }
            if (!value.isObject())
                return value;
            QJsonObject o = value.toObject();
            if (o.value(QStringLiteral("f")).toString() == QStringLiteral("tablets-lehrkraefte-kosten")) {
                REQUIRE(o.contains(QStringLiteral("v"))); // the frozen value
                o.insert(QStringLiteral("f"), QStringLiteral("gibt-es-nicht"));
                o.remove(QStringLiteral("v"));
                ++broken;
                return o;
            }
            for (auto it = o.begin(); it != o.end(); ++it)
                it.value() = damage(it.value());
            return o;
        };
        snapshot = damage(snapshot).toObject();
        REQUIRE(broken >= 1);
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO version (vorlage_id, number, name, automatic, status, author, created, snapshot) "
                                      "VALUES (2, ?, 'beschädigt', 1, 'beschlossen', 'test', ?, ?)"));
        insert.addBindValue(number + 1);
        insert.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        insert.addBindValue(QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)));
        REQUIRE(insert.exec());
        const qint64 versionId = insert.lastInsertId().toLongLong();
        QSqlQuery change(db);
        change.prepare(QStringLiteral("INSERT INTO status_change (vorlage_id, from_status, to_status, outcome, session_date, "
                                      "author, at, version_id) VALUES (2, 'beschlossen', 'beschlossen', 'unveraendert', "
                                      "'2020-11-17', 'test', ?, ?)"));
        change.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        change.addBindValue(versionId);
        REQUIRE(change.exec());
    }
    const QString out = demo.home.filePath(QStringLiteral("register"));
    r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out, QStringLiteral("--confirm-warnings")});
    CHECK(r.exitCode == 1);
    INFO(r.err.toStdString());
    const QStringList lines = reasons(r.err);
    REQUIRE_FALSE(lines.isEmpty());
    for (const QString &line : lines)
        CHECK(line.contains(S("Die Zahl „gibt-es-nicht“ gibt es nicht")));
    CHECK(lines.filter(S("Abschnitt D")).size() == 1);
    CHECK(entriesOf(out).isEmpty());
    CHECK(status(demo, 2) == QStringLiteral("beschlossen"));
}

TEST_CASE("personal data and protected names are warnings that must be confirmed", "[cli][publication]")
{
    Demo demo;
    demo.ok(args({"protected", "add", "Erika Musterfrau"}));
    CHECK(demo.ok(args({"protected"})).contains(S("Erika Musterfrau")));
    const QString c = demo.sectionText(2, QStringLiteral("C"));
    demo.setSection(2, QStringLiteral("C"),
                    c + S("\n\nAuskunft gibt Erika Musterfrau (erika.musterfrau@bildung.bremen.de, Tel. 0421 361-2345). "
                          "Erstattungen gehen an DE89 3704 0044 0532 0130 00.\n"));
    demo.decide(2, S("17.11.2020"));
    const QString out = demo.home.filePath(QStringLiteral("register"));

    Run r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out});
    CHECK(r.exitCode == 1);
    INFO(r.err.toStdString());
    const QStringList warnings = r.err.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^Warnung: ")));
    CHECK(warnings.size() == 4);
    CHECK(warnings.filter(S("erika.musterfrau@bildung.bremen.de")).size() == 1);
    CHECK(warnings.filter(S("361-2345")).size() == 1);
    CHECK(warnings.filter(S("DE89")).size() == 1);
    CHECK(warnings.filter(S("Erika Musterfrau")).size() >= 1);
    CHECK(r.err.contains(QStringLiteral("--confirm-warnings")));
    CHECK(entriesOf(out).isEmpty());
    CHECK(status(demo, 2) == QStringLiteral("beschlossen"));

    r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out, QStringLiteral("--confirm-warnings")});
    INFO(r.err.toStdString());
    CHECK(r.exitCode == 0);
    CHECK(status(demo, 2) == QStringLiteral("veroeffentlicht"));
    CHECK(entriesOf(out).size() == 1);

    // Removed from the list, the name is no warning any more.
    demo.ok(args({"protected", "remove", "Erika Musterfrau"}));
    CHECK_FALSE(demo.ok(args({"protected"})).contains(S("Erika Musterfrau")));
}

TEST_CASE("publish writes the register package, records its checksum and makes the Vorlage Veröffentlicht", "[cli][publication]")
{
    Demo demo;
    demo.decide(2, S("17.11.2020"));
    const QString out = demo.home.filePath(QStringLiteral("register"));
    const QString printed = demo.ok({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out});
    const QString folder = lastLine(printed);
    CHECK(QFileInfo(folder).isDir());
    CHECK(QFileInfo(folder).absolutePath() == QFileInfo(out).absoluteFilePath());
    CHECK(entriesOf(out) == QStringList{QFileInfo(folder).fileName()});

    const QStringList files = entriesOf(folder);
    INFO(files.join(QStringLiteral(", ")).toStdString());
    CHECK(files.contains(QStringLiteral("metadata.json")));
    CHECK(files.contains(QStringLiteral("oparl-paper.json")));
    CHECK(files.filter(QRegularExpression(QStringLiteral("\\.pdf$"))).size() == 1);
    CHECK(files.filter(QRegularExpression(QStringLiteral("\\.txt$"))).size() == 1);
    const QString pdf = packageFile(folder, QStringLiteral(".pdf"));
    const QByteArray pdfBytes = readFile(pdf);

    // The decided version, stamped, with its text; the text rendition says the same.
    const QString text = pdfText(pdf).simplified();
    CHECK(text.contains(S("In der Senatssitzung am 17. November 2020 beschlossene Fassung")));
    CHECK(text.contains(S("Eine Entschädigung für die Nutzung privater Geräte")));
    CHECK_FALSE(text.contains(S("nicht zur Veröffentlichung")));
    CHECK(QString::fromUtf8(readFile(packageFile(folder, QStringLiteral(".txt")))).contains(S("Eine Entschädigung für die Nutzung")));

    // Status and the recorded checksum: SHA-512 of the public PDF, as in metadata.json.
    CHECK(status(demo, 2) == QStringLiteral("veroeffentlicht"));
    CHECK(demo.ok(args({"status", "2"})).startsWith(S("Veröffentlicht")));
    const auto rows = publications(demo, 2);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].first == sha512Hex(pdfBytes));
    CHECK(rows[0].second == folder);
    CHECK(readFile(QDir(folder).filePath(QStringLiteral("metadata.json"))).contains(sha512Hex(pdfBytes).toLatin1()));
    const QJsonArray versions = demo.versionsJson(2);
    CHECK(versions.last()[QStringLiteral("status")].toString() == QStringLiteral("veroeffentlicht"));

    // The OParl Paper validates against the OParl 1.1 schema.
    QProcess p;
    p.start(QStringLiteral(VW_PYTHON3), {QStringLiteral("-W"), QStringLiteral("ignore"), QStringLiteral(VW_SOURCE_DIR "/tests/export/validate_oparl.py"),
                                         testData(QStringLiteral("oparl")), QStringLiteral("Paper"),
                                         QDir(folder).filePath(QStringLiteral("oparl-paper.json"))});
    REQUIRE(p.waitForFinished(60000));
    INFO(QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).toStdString());
    CHECK(p.exitCode() == 0);
    const QJsonObject paper = QJsonDocument::fromJson(readFile(QDir(folder).filePath(QStringLiteral("oparl-paper.json")))).object();
    CHECK(paper[QStringLiteral("type")].toString().contains(QStringLiteral("Paper")));
    CHECK(paper[QStringLiteral("mainFile")][QStringLiteral("fileName")].toString() == QFileInfo(pdf).fileName());

    // Published is read-only like decided.
    CHECK(demo.run(args({"set", "2", "title", "Nachher"})).exitCode == 1);
    CHECK(demo.run(args({"status", "2", "beschlossen"})).exitCode == 1);
}

TEST_CASE("leak test: nothing internal from the whole review reaches the package", "[cli][publication][leak]")
{
    Demo demo;
    QStringList markers;
    int n = 0;
    const auto marker = [&] {
        markers << QStringLiteral("LECK%1QZ").arg(++n, 3, 10, QLatin1Char('0'));
        return markers.last();
    };
    const QString publicMarker = QStringLiteral("OEFFENTLICH777QZ");
    // Who does what: every person's name is a marker (the login is what the CLI records).
    const QString clerk = marker();
    const QString reviewer = marker();
    const QString chief = marker();
    const auto as = [&](const QString &who, const QStringList &a) { return demo.ok(a, who); };
    const auto num = [&](const QString &who, const QStringList &a) { return demo.number(a, who); };

    // Earlier drafts: a title and a text that were changed before the decision, kept in versions.
    const QString title = demo.showJson(2)[QStringLiteral("title")].toString();
    const QString c = demo.sectionText(2, QStringLiteral("C"));
    as(clerk, {QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("title"), title + QLatin1Char(' ') + marker()});
    demo.setSection(2, QStringLiteral("C"), c + S("\n\nEntwurfsabsatz ") + marker() + S(", später gestrichen.\n"), clerk);
    as(clerk, {QStringLiteral("version"), QStringLiteral("2"), QStringLiteral("--name"), S("zur Mitzeichnung ") + marker()});
    as(clerk, {QStringLiteral("set"), QStringLiteral("2"), QStringLiteral("title"), title});
    // The public text: with a marker of its own, which must be published.
    demo.setSection(2, QStringLiteral("C"), c + S("\n\nGeprüft wurde auch die Variante ") + publicMarker + S(".\n"), clerk);
    as(clerk, {QStringLiteral("version"), QStringLiteral("2"), QStringLiteral("--name"), S("Staatsrätekonferenz ") + marker()});

    // Comments with replies, resolved; suggestions accepted and rejected.
    const qint64 comment = num(reviewer, {QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--section"), QStringLiteral("B"),
                                          QStringLiteral("--quote"), QStringLiteral("Stift"), QStringLiteral("--comment"),
                                          S("Kommentar ") + marker()});
    as(clerk, {QStringLiteral("reply"), QString::number(comment), QStringLiteral("--text"), S("Antwort ") + marker()});
    as(chief, {QStringLiteral("resolve"), QString::number(comment)});
    const qint64 byName = num(clerk, {QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--section"), QStringLiteral("A"),
                                      QStringLiteral("--quote"), QStringLiteral("DigitalPakt"), QStringLiteral("--comment"),
                                      S("Bitte Fundstelle"), QStringLiteral("--author"), S("Referentin ") + marker()});
    as(clerk, {QStringLiteral("resolve"), QString::number(byName)});
    const qint64 accepted = num(reviewer, {QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--section"), QStringLiteral("B"),
                                           QStringLiteral("--quote"), QStringLiteral("zentral beschafft"), QStringLiteral("--suggest"),
                                           QStringLiteral("gemeinsam beschafft"), QStringLiteral("--comment"),
                                           S("Begründung ") + marker()});
    as(chief, {QStringLiteral("accept"), QString::number(accepted)});
    const qint64 rejected = num(reviewer, {QStringLiteral("annotate"), QStringLiteral("2"), QStringLiteral("--section"), QStringLiteral("C"),
                                           QStringLiteral("--quote"), QStringLiteral("Datenschutzfragen"), QStringLiteral("--suggest"),
                                           S("Vorschlag ") + marker()});
    as(chief, {QStringLiteral("reject"), QString::number(rejected)});

    // Beteiligung: an objection (attached as an internal Anlage, then settled) and a Maßgabe.
    as(clerk, {QStringLiteral("beteiligung"), QStringLiteral("2"), QStringLiteral("add"), S("Gesamtpersonalrat ") + marker(),
               QStringLiteral("--state"), QStringLiteral("einwaende"), QStringLiteral("--text"), S("Einwand ") + marker()});
    as(clerk, {QStringLiteral("beteiligung"), QStringLiteral("2"), QStringLiteral("add"), QStringLiteral("finanzen"),
               QStringLiteral("--state"), QStringLiteral("massgabe"), QStringLiteral("--text"), S("Maßgabe ") + marker()});
    as(clerk, args({"beteiligung", "2", "attach", "1"}));
    as(chief, args({"beteiligung", "2", "resolve", "1"}));
    // Anlagen as files (the command line has no command for them; the app's panel stores them so): an
    // internal PDF, marked in its title, file name, text and PDF metadata, and a public one, so that the
    // combined file is made as well.
    {
        auto ws = demo.open();
        auto v = ws->load(2);
        REQUIRE(v.ok());
        const auto anlage = [&](const QString &name, const QString &fileName, const QByteArray &pdf, bool internal) {
            auto sha = ws->storeBlob(pdf);
            REQUIRE(sha.ok());
            vw::Anlage a;
            a.id = vw::newItemId();
            a.title = name;
            a.fileName = fileName;
            a.mediaType = QStringLiteral("application/pdf");
            a.sha256 = sha.value();
            a.size = pdf.size();
            a.internal = internal;
            v->anlagen << a;
        };
        const QString internalTitle = S("Vermerk ") + marker();
        const QString internalFile = QStringLiteral("vermerk-%1.pdf").arg(marker());
        anlage(internalTitle, internalFile, smallPdf(S("Interner Vermerk")), true);
        anlage(S("Kostenaufstellung"), QStringLiteral("kosten.pdf"), smallPdf(S("Kostenaufstellung der Senatorin")), false);
        REQUIRE(ws->save(v.value()).ok());
    }
    demo.decide(2, S("17.11.2020"), chief);

    // The markers are really in the workspace (so that a leak would have something to leak).
    QString internal = demo.ok(args({"annotations", "2", "--json"})) + demo.ok(args({"versions", "2", "--json"}))
                       + demo.ok(args({"beteiligung", "2", "--json"})) + demo.ok(args({"show", "2", "--json"}));
    CHECK(internal.contains(reviewer));
    CHECK(internal.contains(markers[13])); // the objection's text
    const QString diff = demo.ok(args({"diff", "2", "1", "aktuell"}));
    CHECK(diff.contains(markers[4])); // the struck paragraph, in version 1
    {
        auto ws = demo.open();
        internal += logicalDump(*ws); // versions' snapshots, who resolved and decided
    }
    QStringList missing;
    for (const QString &m : markers)
        if (!internal.contains(m))
            missing << m;
    CHECK(missing == QStringList());
    CHECK(demo.sectionText(2, QStringLiteral("B")).contains(S("gemeinsam beschafft")));

    const QString out = demo.home.filePath(QStringLiteral("register"));
    const Run r = demo.run({QStringLiteral("publish"), QStringLiteral("2"), QStringLiteral("--out"), out}, chief);
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    const QString folder = lastLine(r.out);
    const QStringList files = filesBelow(out);
    INFO("files: " << files.join(QStringLiteral(", ")).toStdString());
    CHECK(files.size() >= 6); // PDF, combined PDF, the public Anlage, text, metadata, OParl
    CHECK(files.filter(QStringLiteral("_mit-anlagen.pdf")).size() == 1);

    CHECK(scan(out, markers) == QStringList());
    // The scan finds what is there: the public marker in the PDF (through its text), the text file
    // and the OParl file; the accepted suggestion's words are public too.
    const QStringList found = scan(out, {publicMarker});
    const QString base = QFileInfo(folder).fileName();
    CHECK(found.filter(QRegularExpression(QStringLiteral("\\.pdf: "))).size() >= 1);
    CHECK(found.filter(QRegularExpression(QStringLiteral("\\.txt: "))).size() == 1);
    CHECK(found.filter(QStringLiteral("oparl-paper.json")).size() == 1);
    CHECK(pdfText(packageFile(folder, QStringLiteral(".pdf"))).simplified().contains(S("gemeinsam beschafft")));
    CHECK_FALSE(readFile(packageFile(folder, QStringLiteral(".pdf"))).contains(publicMarker.toLatin1())); // only compressed
    CHECK_FALSE(base.isEmpty());
}

TEST_CASE("publish-session publishes the decided Vorlagen of a session, a broken one is reported and left", "[cli][publication]")
{
    Demo demo;
    // Three Vorlagen of the session on 17.11.2020 (the demo Beschlussvorlage and two Neufassungen of it,
    // each with its own title), and the Fragestunde of another session.
    const qint64 first = 2;
    const qint64 middle = demo.number(args({"neufassung", "2"}));
    const qint64 last = demo.number(args({"neufassung", "2"}));
    REQUIRE(first < middle);
    REQUIRE(middle < last);
    demo.ok({QStringLiteral("set"), QString::number(middle), QStringLiteral("title"), S("Digitale Endgeräte für Schulleitungen")});
    demo.ok({QStringLiteral("set"), QString::number(last), QStringLiteral("title"), S("Digitale Endgeräte für Referendare")});

    QString brokenReason;
    SECTION("the middle one has an unresolved comment")
    {
        demo.number({QStringLiteral("annotate"), QString::number(middle), QStringLiteral("--section"), QStringLiteral("C"),
                     QStringLiteral("--quote"), S("Entschädigung"), QStringLiteral("--comment"), S("offen geblieben")});
        brokenReason = S("Entschädigung");
    }
    SECTION("the middle one's Anlage file is missing from the workspace")
    {
        const QByteArray pdf = smallPdf(QStringLiteral("Kostenaufstellung"));
        {
            auto ws = demo.open();
            auto sha = ws->storeBlob(pdf);
            REQUIRE(sha.ok());
            auto v = ws->load(middle);
            REQUIRE(v.ok());
            vw::Anlage a;
            a.id = vw::newItemId();
            a.title = S("Kostenaufstellung");
            a.fileName = QStringLiteral("kosten.pdf");
            a.mediaType = QStringLiteral("application/pdf");
            a.sha256 = sha.value();
            a.size = pdf.size();
            v->anlagen << a;
            REQUIRE(ws->save(v.value()).ok());
        }
        demo.decide(middle, S("17.11.2020"));
        {
            // The file goes missing after the decision (a damaged workspace).
            auto ws = demo.open();
            QSqlQuery off(ws->database());
            REQUIRE(off.exec(QStringLiteral("PRAGMA foreign_keys = OFF")));
            QSqlQuery del(ws->database());
            REQUIRE(del.exec(QStringLiteral("DELETE FROM blob")));
            REQUIRE(del.numRowsAffected() == 1);
        }
        brokenReason = S("fehlt");
    }
    for (const qint64 id : {first, middle, last})
        if (status(demo, id) != QStringLiteral("beschlossen"))
            demo.decide(id, S("17.11.2020"));
    demo.decide(1, S("12.05.2020"));

    const QString out = demo.home.filePath(QStringLiteral("sitzung"));
    const Run r = demo.run({QStringLiteral("publish-session"), QStringLiteral("17.11.2020"), QStringLiteral("--out"), out});
    INFO(r.out.toStdString() << r.err.toStdString());
    CHECK(r.exitCode == 1);
    const QStringList errors = r.err.split(QLatin1Char('\n')).filter(QRegularExpression(QStringLiteral("^Fehler: ")));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].startsWith(QStringLiteral("Fehler: Vorlage %1 ").arg(middle)));
    CHECK(errors[0].contains(S("Schulleitungen")));
    CHECK(r.err.contains(brokenReason));

    // Both others are published, the broken one and the other session's Vorlage are left as they were.
    CHECK(status(demo, first) == QStringLiteral("veroeffentlicht"));
    CHECK(status(demo, middle) == QStringLiteral("beschlossen"));
    CHECK(status(demo, last) == QStringLiteral("veroeffentlicht"));
    CHECK(status(demo, 1) == QStringLiteral("beschlossen"));
    CHECK(publications(demo, middle).isEmpty());

    const QJsonObject index = QJsonDocument::fromJson(readFile(QDir(out).filePath(QStringLiteral("index.json")))).object();
    CHECK(index[QStringLiteral("Anzahl")].toInt() == 2);
    CHECK(index[QStringLiteral("Sitzungsdatum")].toString() == QStringLiteral("2020-11-17"));
    QStringList titles, folders;
    for (const QJsonValue &p : index[QStringLiteral("Pakete")].toArray()) {
        titles << p[QStringLiteral("Titel")].toString();
        folders << p[QStringLiteral("Ordner")].toString();
    }
    CHECK(titles.size() == 2);
    CHECK(titles.filter(S("Referendare")).size() == 1);
    CHECK(titles.filter(S("Schulleitungen")).isEmpty());
    CHECK(titles.filter(S("Lehrkräfte")).size() == 1);
    // On disk exactly the two packages and the index: nothing half-written of the broken one.
    QStringList expected = folders;
    expected << QStringLiteral("index.json");
    expected.sort();
    CHECK(entriesOf(out) == expected);
    for (const QString &f : folders)
        CHECK(lastLine(r.out) != f);
    CHECK(lastLine(r.out) == QDir(out).absoluteFilePath(QStringLiteral("index.json")));
    for (const qint64 id : {first, last})
        CHECK(publications(demo, id).size() == 1);
}
