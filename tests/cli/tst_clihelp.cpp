#include "testutil.h"

#include "cli.h"
#include "clihelp.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// The command line in this process: help never touches a workspace.
Run runInProcess(const QStringList &args)
{
    Run r;
    QTextStream out(&r.out);
    QTextStream err(&r.err);
    r.exitCode = vw::runCli(args, out, err);
    out.flush();
    err.flush();
    return r;
}

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

TEST_CASE("--help lists every command, those of review and publication included", "[cli]")
{
    const Run r = runInProcess({S("--help")});
    CHECK(r.exitCode == 0);
    CHECK(r.err.isEmpty());
    for (const char *command : {"init", "import DATEI", "list", "show ID", "export ID --pdf DATEI", "export --all",
                                "check ID", "set ID FELD WERT", "section ID BUCHSTABE", "figure set SCHLÜSSEL",
                                "figure list", "figure show", "figure import", "figure export", "annotate ID (--section",
                                "annotations ID", "resolve KOMMENTAR", "version ID --name NAME", "versions ID",
                                "diff ID V1 V2", "status ID [STATUS]", "beteiligung ID [list]", "beteiligung ID add",
                                "beteiligung ID set", "publish ID --out ORDNER", "publish-session DATUM --out ORDNER",
                                "help [BEFEHL]"}) {
        INFO(command);
        CHECK(r.out.contains(QStringLiteral("\n  ") + S(command)));
    }
    CHECK(runInProcess({S("-h")}).out == r.out);
    CHECK(runInProcess({S("help")}).out == r.out);
    // Every command of the table is in the overview, and every one has its own help.
    for (const vw::CliCommandHelp &c : vw::cliCommands()) {
        INFO(c.name);
        const std::optional<QString> usage = vw::cliCommandUsage(QString::fromLatin1(c.name));
        REQUIRE(usage);
        CHECK(usage->startsWith(S("Aufruf: vorlagenwerk-cli")));
    }
}

TEST_CASE("help COMMAND and COMMAND --help print that command's usage", "[cli]")
{
    Run r = runInProcess({S("help"), S("export")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(S("export ID --pdf DATEI [--force]")));
    CHECK(r.out.contains(S("export --all --out ORDNER")));
    CHECK(r.out.contains(S("--force")));
    CHECK_FALSE(r.out.contains(S("figure")));

    // The same text however it is asked for, also after the command's own arguments.
    CHECK(runInProcess({S("export"), S("--help")}).out == r.out);
    CHECK(runInProcess({S("export"), S("3"), S("--pdf"), S("x.pdf"), S("-h")}).out == r.out);
    CHECK(runInProcess({S("--workspace"), S("egal.vorlagen"), S("help"), S("export")}).out == r.out);

    r = runInProcess({S("status"), S("--help")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(S("status ID [STATUS] [--session-date DATUM] [--outcome ERGEBNIS]")));
    CHECK(r.out.contains(S("beschlossen")));
    CHECK_FALSE(r.out.contains(S("Befehle:")));

    r = runInProcess({S("help"), S("publish")});
    CHECK(r.out.contains(S("--confirm-warnings")));

    // A group lists its subcommands; a subcommand prints its own usage.
    r = runInProcess({S("help"), S("figure")});
    CHECK(r.exitCode == 0);
    for (const char *sub : {"figure set", "figure list", "figure show", "figure import", "figure export"})
        CHECK(r.out.contains(S(sub)));
    r = runInProcess({S("figure"), S("set"), S("--help")});
    CHECK(r.exitCode == 0);
    CHECK(r.out.contains(S("--millions")));
    CHECK_FALSE(r.out.contains(S("figure export")));
}

TEST_CASE("an unknown command is a usage error with exit code 2", "[cli]")
{
    for (const QStringList &args : {QStringList{S("zaubern")}, QStringList{S("help"), S("zaubern")},
                                    QStringList{S("zaubern"), S("--help")}}) {
        INFO(args.join(QLatin1Char(' ')).toStdString());
        const Run r = runInProcess(args);
        CHECK(r.exitCode == 2);
        CHECK(r.out.isEmpty());
        CHECK(r.err.contains(S("Unbekannter Befehl: zaubern")));
        CHECK(r.err.contains(S("Befehle:")));
    }
}

TEST_CASE("vorlagenwerk-cli --version prints the project version", "[cli]")
{
    QTemporaryDir home;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("XDG_DATA_HOME"), home.filePath(S("data")));
    env.insert(S("XDG_CONFIG_HOME"), home.filePath(S("config")));
    p.setProcessEnvironment(env);
    p.start(S(VW_CLI_BINARY), {S("--version")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitCode() == 0);
    CHECK(QString::fromUtf8(p.readAllStandardOutput()) == S("vorlagenwerk-cli " VW_PROJECT_VERSION "\n"));
    CHECK(QDir(home.path()).isEmpty()); // --version creates no workspace
}
