#include "testutil.h"

#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace vw;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Runs the real vorlagenwerk-cli in its own data folder, as `user`.
Run cli(const QStringList &args, const QString &home, const QString &user = QStringLiteral("anna"))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    if (user.isEmpty())
        env.remove(QStringLiteral("USER"));
    else
        env.insert(QStringLiteral("USER"), user);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(VW_CLI_BINARY), args);
    REQUIRE(p.waitForFinished(60000));
    REQUIRE(p.exitStatus() == QProcess::NormalExit);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

// A fresh, empty workspace in `home` and a way to run commands on it.
struct Fixture {
    QTemporaryDir home;
    QString ws = home.filePath(QStringLiteral("ws.vorlagen"));

    Fixture() { REQUIRE(cli({QStringLiteral("--workspace"), ws, QStringLiteral("init")}, home.path()).exitCode == 0); }
    Run run(const QStringList &args, const QString &user = QStringLiteral("anna"))
    {
        return cli(QStringList{QStringLiteral("--workspace"), ws} + args, home.path(), user);
    }
    QString write(const char *name, const QByteArray &bytes)
    {
        const QString path = home.filePath(QString::fromUtf8(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }
};

QStringList figureArgs(std::initializer_list<const char *> args)
{
    QStringList list{QStringLiteral("figure")};
    for (const char *a : args)
        list << QString::fromUtf8(a);
    return list;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("figure set creates a figure, a second set changes it and show lists both in the history", "[cli]")
{
    Fixture fx;
    Run r = fx.run(figureArgs({"set", "vpn-bremen", "4.750"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("--label")));

    r = fx.run(figureArgs({"set", "vpn-bremen", "4.750", "--label", "VPN-Zugänge Bremen, gleichzeitig", "--unit", "Nutzer",
                           "--as-of", "30.04.2020", "--source", "Dataport", "--ressort", "finanzen"}));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(QStringLiteral("angelegt: 4750")));

    r = fx.run(figureArgs({"set", "vpn-bremen", "91430", "--as-of", "04.05.2020"}), QStringLiteral("jonas"));
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(S("geändert: 4750 → 91.430")));

    r = fx.run(figureArgs({"show", "vpn-bremen"}));
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(S("Zahl vpn-bremen: VPN-Zugänge Bremen, gleichzeitig")));
    CHECK(r.out.contains(S("Wert: 91.430 Nutzer"))); // unit, source and Ressort were kept
    CHECK(r.out.contains(S("Stand: 04.05.2020")));
    CHECK(r.out.contains(S("Quelle: Dataport")));
    CHECK(r.out.contains(S("Ressort: Der Senator für Finanzen (finanzen)")));
    CHECK(r.out.contains(S("– → 4750, anna, ")));
    CHECK(r.out.contains(S("4750 → 91.430, jonas, ")));
    CHECK(r.out.contains(S("keiner Vorlage")));

    r = fx.run(figureArgs({"show", "vpn-bremen", "--json"}));
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonObject f = QJsonDocument::fromJson(r.out.toUtf8(), &error).object();
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(f[QStringLiteral("key")].toString() == QStringLiteral("vpn-bremen"));
    CHECK(f[QStringLiteral("type")].toString() == QStringLiteral("integer"));
    CHECK(f[QStringLiteral("value")].toString() == QStringLiteral("91430"));
    CHECK(f[QStringLiteral("formatted")].toString() == QStringLiteral("91.430"));
    CHECK(f[QStringLiteral("asOf")].toString() == QStringLiteral("2020-05-04"));
    CHECK(f[QStringLiteral("ressort")].toString() == QStringLiteral("finanzen"));
    const QJsonArray history = f[QStringLiteral("history")].toArray();
    REQUIRE(history.size() == 2);
    CHECK(history[0][QStringLiteral("old")].toString().isEmpty());
    CHECK(history[0][QStringLiteral("new")].toString() == QStringLiteral("4750"));
    CHECK(history[0][QStringLiteral("who")].toString() == QStringLiteral("anna"));
    CHECK(history[1][QStringLiteral("old")].toString() == QStringLiteral("4750"));
    CHECK(history[1][QStringLiteral("new")].toString() == QStringLiteral("91430"));
    CHECK(history[1][QStringLiteral("who")].toString() == QStringLiteral("jonas"));
    CHECK(QDateTime::fromString(history[1][QStringLiteral("when")].toString(), Qt::ISODate).isValid());
    CHECK(f[QStringLiteral("uses")].toArray().isEmpty());

    // Without USER the change is recorded as "unbekannt"; the same value again is no change.
    REQUIRE(fx.run(figureArgs({"set", "vpn-bremen", "5000"}), QString()).exitCode == 0);
    r = fx.run(figureArgs({"set", "vpn-bremen", "5000"}));
    CHECK(r.out.contains(S("unverändert")));
    r = fx.run(figureArgs({"show", "vpn-bremen", "--json"}));
    const QJsonArray after = QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("history")].toArray();
    REQUIRE(after.size() == 3);
    CHECK(after[2][QStringLiteral("who")].toString() == QStringLiteral("unbekannt"));

    // An option given empty clears its field.
    REQUIRE(fx.run(figureArgs({"set", "vpn-bremen", "5000", "--unit", "", "--as-of", ""})).exitCode == 0);
    const QJsonObject cleared = QJsonDocument::fromJson(fx.run(figureArgs({"show", "vpn-bremen", "--json"})).out.toUtf8()).object();
    CHECK(cleared[QStringLiteral("unit")].toString().isEmpty());
    CHECK(cleared[QStringLiteral("asOf")].toString().isEmpty());
    CHECK(cleared[QStringLiteral("source")].toString() == QStringLiteral("Dataport"));
}

TEST_CASE("figure set records the user profile's name, as the app does, before the login", "[cli]")
{
    Fixture fx;
    REQUIRE(fx.run(figureArgs({"set", "vpn-bremen", "4750", "--label", "VPN-Zugänge Bremen"})).exitCode == 0);
    // The profile as the app's settings dialog stores it.
    QDir(fx.home.path()).mkpath(QStringLiteral("config/Unknown Organization"));
    fx.write("config/Unknown Organization/vorlagenwerk.conf", "[profile]\nname=Jana M\xc3\xbcller\n");
    REQUIRE(fx.run(figureArgs({"set", "vpn-bremen", "5000"})).exitCode == 0);
    const Run r = fx.run(figureArgs({"show", "vpn-bremen"}));
    CHECK(r.out.contains(S("– → 4750, anna, ")));
    CHECK(r.out.contains(S("4750 → 5000, Jana Müller, ")));
}

TEST_CASE("figure set takes the type from --type or the value, and refuses what does not fit", "[cli]")
{
    Fixture fx;
    REQUIRE(fx.run(figureArgs({"set", "anteil", "0,5", "--label", "Anteil"})).exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "quote", "12,5 %", "--label", "Quote"})).exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "budget", "7,5 Mio. €", "--label", "Budget"})).exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "kosten", "7500", "--label", "Kosten", "--type", "amount", "--millions"})).exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "beginn", "16.03.2020", "--label", "Beginn"})).exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "geraete", "-12", "--label", "Geräte"})).exitCode == 0);

    Run r = fx.run(figureArgs({"list", "--json"}));
    REQUIRE(r.exitCode == 0);
    QJsonParseError error;
    const QJsonArray rows = QJsonDocument::fromJson(r.out.toUtf8(), &error).array();
    REQUIRE(error.error == QJsonParseError::NoError);
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue &row : rows)
        byKey.insert(row[QStringLiteral("key")].toString(), row.toObject());
    REQUIRE(byKey.size() == 6);
    CHECK(byKey[QStringLiteral("anteil")][QStringLiteral("type")].toString() == QStringLiteral("decimal"));
    CHECK(byKey[QStringLiteral("quote")][QStringLiteral("type")].toString() == QStringLiteral("percentage"));
    CHECK(byKey[QStringLiteral("budget")][QStringLiteral("type")].toString() == QStringLiteral("amount"));
    CHECK(byKey[QStringLiteral("budget")][QStringLiteral("millions")].toBool());
    CHECK(byKey[QStringLiteral("kosten")][QStringLiteral("formatted")].toString() == S("0,01 Mio. €"));
    CHECK(byKey[QStringLiteral("beginn")][QStringLiteral("value")].toString() == QStringLiteral("2020-03-16"));
    CHECK(byKey[QStringLiteral("geraete")][QStringLiteral("value")].toString() == QStringLiteral("-12"));

    // An existing figure keeps its type; a value not of it is refused and nothing changes.
    r = fx.run(figureArgs({"set", "beginn", "viele"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("ist kein Datum")));
    CHECK(fx.run(figureArgs({"set", "quote", "1", "--millions"})).exitCode == 1);
    CHECK(fx.run(figureArgs({"set", "quote", "1", "--type", "zahl"})).exitCode == 1);
    CHECK(fx.run(figureArgs({"set", "quote", "1", "--as-of", "gestern"})).exitCode == 1);
    r = fx.run(figureArgs({"set", "quote", "1", "--ressort", "finanzamt"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("Unbekanntes Ressort „finanzamt“")));
    CHECK(fx.run(figureArgs({"set", "Quote", "1", "--label", "Groß"})).exitCode == 1);
    // A decimal with three places is stored as such (the store checks the canonical form, not a re-reading).
    r = fx.run(figureArgs({"set", "drei-stellen", "1,234", "--label", "Drei Stellen", "--type", "decimal"}));
    CHECK(r.exitCode == 0);
    CHECK(fx.run(figureArgs({"list"})).out.contains(QStringLiteral("1,234")));

    // A Ressort can be named by its name; the key is stored.
    REQUIRE(fx.run(figureArgs({"set", "quote", "13", "--ressort", "Der Senator für Finanzen"})).exitCode == 0);
    CHECK(fx.run(figureArgs({"show", "quote"})).out.contains(S("Ressort: Der Senator für Finanzen (finanzen)")));
}

TEST_CASE("figure list prints key, value in the workspace's style, unit, date and label", "[cli]")
{
    Fixture fx;
    REQUIRE(fx.run(figureArgs({"set", "notebooks", "91430", "--label", "Notebooks", "--unit", "Geräte", "--as-of",
                               "2020-05-04"}))
                .exitCode == 0);
    REQUIRE(fx.run(figureArgs({"set", "budget", "7.500.000", "--type", "amount", "--label", "Budget"})).exitCode == 0);
    Run r = fx.run(figureArgs({"list"}));
    REQUIRE(r.exitCode == 0);
    CHECK(r.out == S("budget\t7.500.000 €\t\t\tBudget\nnotebooks\t91.430\tGeräte\t04.05.2020\tNotebooks\n"));

    Fixture empty;
    r = empty.run(figureArgs({"list"}));
    CHECK(r.exitCode == 0);
    CHECK(r.out.isEmpty());
    r = empty.run(figureArgs({"list", "--json"}));
    CHECK(QJsonDocument::fromJson(r.out.toUtf8()).isArray());
}

TEST_CASE("figure commands: exit code 2 for usage errors, 1 for bad input or workspace", "[cli]")
{
    Fixture fx;
    for (const QStringList &usage :
         {figureArgs({}), figureArgs({"zaubern"}), figureArgs({"set"}), figureArgs({"set", "x"}),
          figureArgs({"set", "x", "1", "--label"}), figureArgs({"set", "x", "1", "--label", "X", "--bunt"}),
          figureArgs({"set", "x", "1", "--label", "X", "--millions", "--no-millions"}), figureArgs({"list", "x"}),
          figureArgs({"show"}), figureArgs({"import"}), figureArgs({"export"}), figureArgs({"export", "a.csv", "b.csv"})}) {
        Run r = fx.run(usage);
        INFO(usage.join(QLatin1Char(' ')).toStdString());
        CHECK(r.exitCode == 2);
        CHECK(r.err.contains(QStringLiteral("Aufruf:")));
    }
    Run r = fx.run(figureArgs({"show", "gibt-es-nicht"}));
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(S("„gibt-es-nicht“ gibt es im Arbeitsbereich nicht")));
    CHECK(fx.run(figureArgs({"import"}) << fx.home.filePath(QStringLiteral("fehlt.csv"))).exitCode == 1);
    CHECK(fx.run(figureArgs({"export"}) << fx.home.filePath(QStringLiteral("kein/ordner/z.csv"))).exitCode == 1);
    r = cli({QStringLiteral("--workspace"), fx.home.filePath(QStringLiteral("fehlt.vorlagen")), QStringLiteral("figure"),
             QStringLiteral("list")},
            fx.home.path());
    CHECK(r.exitCode == 1);
    CHECK(fx.run(figureArgs({"set", "x", "1", "--label", "X"})).exitCode == 0);
}

TEST_CASE("figure import with one bad row imports nothing and names the line", "[cli]")
{
    Fixture fx;
    REQUIRE(fx.run(figureArgs({"set", "vpn-bremen", "4750", "--label", "VPN"})).exitCode == 0);
    const QString before = fx.run(figureArgs({"list", "--json"})).out;

    const QString bad = fx.write("zahlen.csv", S("Schlüssel;Bezeichnung;Typ;Wert\n"
                                                 "vpn-bremen;VPN;integer;5200\n"
                                                 "notebooks;Notebooks;integer;zwölf\n"
                                                 "schulen;Schulen;integer;158\n")
                                                   .toUtf8());
    Run r = fx.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), bad});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(bad + S(":3: Fehler: Wert: „zwölf“ ist keine Zahl.")));
    CHECK(r.err.contains(S("nichts eingelesen")));
    CHECK(fx.run(figureArgs({"list", "--json"})).out == before);
    CHECK(fx.run(figureArgs({"show", "vpn-bremen", "--json"})).out.contains(QStringLiteral("4750")));

    // The same file corrected: one new, one changed, one new.
    const QString good = fx.write("richtig.csv", S("Schlüssel;Bezeichnung;Typ;Wert\n"
                                                   "vpn-bremen;VPN;integer;5200\n"
                                                   "notebooks;Notebooks;integer;12\n"
                                                   "schulen;Schulen;integer;158\n")
                                                     .toUtf8());
    r = fx.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), good}, QStringLiteral("jonas"));
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(S("3 Zahlen eingelesen: 2 neu, 1 geändert, 0 unverändert.")));
    const QJsonObject vpn = QJsonDocument::fromJson(fx.run(figureArgs({"show", "vpn-bremen", "--json"})).out.toUtf8()).object();
    CHECK(vpn[QStringLiteral("value")].toString() == QStringLiteral("5200"));
    CHECK(vpn[QStringLiteral("history")].toArray().last()[QStringLiteral("who")].toString() == QStringLiteral("jonas"));

    // An unknown Ressort is an error of its line, as is a file that is not UTF-8.
    const QString ressort = fx.write("ressort.csv", S("Schlüssel;Bezeichnung;Wert;Ressort\nx;X;1;finanzen\ny;Y;2;Hafenamt\n").toUtf8());
    r = fx.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), ressort});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(ressort + S(":3: Fehler: Ressort: „Hafenamt“")));
    r = fx.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), testData(QStringLiteral("figures/latin1.csv"))});
    CHECK(r.exitCode == 1);
    CHECK(r.err.contains(QStringLiteral("latin1.csv:1: Fehler:")));
}

TEST_CASE("figure export writes CSV that imports into another workspace as the same figures", "[cli]")
{
    Fixture a;
    Run r = a.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), testData(QStringLiteral("figures/good.csv"))});
    INFO(r.err.toStdString());
    REQUIRE(r.exitCode == 0);
    CHECK(r.out.contains(S("10 Zahlen eingelesen: 10 neu")));
    const QString exported = a.home.filePath(QStringLiteral("zahlen.csv"));
    r = a.run(QStringList{QStringLiteral("figure"), QStringLiteral("export"), exported});
    REQUIRE(r.exitCode == 0);
    CHECK(readAll(exported).startsWith(QByteArray("\xEF\xBB\xBF") + S("Schlüssel;Bezeichnung;Typ;Wert").toUtf8()));

    Fixture b;
    r = b.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), exported});
    REQUIRE(r.exitCode == 0);
    const QString listA = a.run(figureArgs({"list", "--json"})).out;
    CHECK(QJsonDocument::fromJson(listA.toUtf8()).array().size() == 10);
    CHECK(b.run(figureArgs({"list", "--json"})).out == listA);
    const QString again = b.home.filePath(QStringLiteral("wieder.csv"));
    REQUIRE(b.run(QStringList{QStringLiteral("figure"), QStringLiteral("export"), again}).exitCode == 0);
    CHECK(readAll(again) == readAll(exported));
    // Importing the export into its own workspace changes nothing.
    r = a.run(QStringList{QStringLiteral("figure"), QStringLiteral("import"), exported});
    CHECK(r.out.contains(S("0 neu, 0 geändert, 10 unverändert")));
}

TEST_CASE("figure show lists the Vorlagen and sections that quote the figure", "[cli]")
{
    QTemporaryDir home;
    // The default workspace with the demo Vorlagen.
    REQUIRE(cli({QStringLiteral("figure"), QStringLiteral("set"), QStringLiteral("vpn-bremen"), QStringLiteral("4750"),
                 QStringLiteral("--label"), QStringLiteral("VPN")},
                home.path())
                .exitCode == 0);
    {
        // A quote as the editor stores it: a span with the figure's key in the section's content.
        const QString path = home.filePath(QStringLiteral("data/vorlagenwerk/arbeitsbereich.vorlagen"));
        auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        QSqlQuery q(ws.value()->database());
        REQUIRE(q.exec(QStringLiteral("UPDATE section SET content = replace(content, '[{\"t\":', "
                                      "'[{\"f\":\"vpn-bremen\",\"t\":\"4750\"},{\"t\":') "
                                      "WHERE vorlage_id = 2 AND label = 'B'")));
        REQUIRE(q.numRowsAffected() == 1);
    }
    Run r = cli({QStringLiteral("figure"), QStringLiteral("show"), QStringLiteral("vpn-bremen")}, home.path());
    REQUIRE(r.exitCode == 0);
    INFO(r.out.toStdString());
    CHECK(r.out.contains(QRegularExpression(QStringLiteral("Verwendet in:\\n  Vorlage 2 „[^\\n]+“, Abschnitt B\\n"))));
    r = cli({QStringLiteral("figure"), QStringLiteral("show"), QStringLiteral("vpn-bremen"), QStringLiteral("--json")}, home.path());
    const QJsonArray uses = QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("uses")].toArray();
    REQUIRE(uses.size() == 1);
    CHECK(uses[0][QStringLiteral("vorlageId")].toInteger() == 2);
    CHECK(uses[0][QStringLiteral("section")].toString() == QStringLiteral("B"));
    CHECK_FALSE(uses[0][QStringLiteral("title")].toString().isEmpty());
}
