#include "cli.h"

#include "commands.h"
#include "demo.h"
#include "pdfexporter.h"
#include "pdfimporter.h"
#include "vorlagedocument.h"
#include "validation.h"
#include "vorlagejson.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>
#include <QTextStream>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Cli", text);
}

const char *const usageText = QT_TRANSLATE_NOOP("vw::Cli",
    "Aufruf: vorlagenwerk-cli [--workspace PFAD] BEFEHL …\n"
    "\n"
    "Befehle:\n"
    "  init                       leeren Arbeitsbereich anlegen\n"
    "  import DATEI               Vorlage aus Text oder PDF einlesen; gibt zuletzt ihre Nummer aus\n"
    "  list [--json]              Vorlagen des Arbeitsbereichs auflisten\n"
    "  show ID [--json]           Kopfdaten und Abschnitte einer Vorlage zeigen\n"
    "  export ID --pdf DATEI [--force]\n"
    "                             Vorlage als PDF exportieren; mit Fehlern nur mit --force\n"
    "  export --all --out ORDNER  jede Vorlage als PDF in ORDNER exportieren\n"
    "  check ID                   Probleme der Vorlage zeigen (Rückgabewert 1 bei Fehlern)\n"
    "  set ID FELD WERT           ein Kopffeld ändern (FELD: kind, paperKind, date, sessionDate, body,\n"
    "                             questionNumber, title, subtitle, references, fileCode, ressorts,\n"
    "                             fraktion, askedOn, signatories)\n"
    "  section ID BUCHSTABE --text-file DATEI\n"
    "                             einen Abschnitt durch Text in der Form von import ersetzen\n"
    "\n"
    "Ohne --workspace gilt der Standard-Arbeitsbereich der App.\n"
    "Rückgabewerte: 0 Erfolg, 1 Fehler in Eingabe oder Arbeitsbereich, 2 falscher Aufruf.\n");

struct UsageError {
    QString message;
};

// The arguments after the command: positionals, --flags and --options with a value.
class Args {
public:
    Args(QStringList args) : mArgs(std::move(args)) {}

    bool flag(const QString &name) { return mArgs.removeAll(name) > 0; }
    QString option(const QString &name)
    {
        const qsizetype i = mArgs.indexOf(name);
        if (i < 0)
            return QString();
        if (i + 1 >= mArgs.size())
            throw UsageError{tr("%1 braucht einen Wert.").arg(name)};
        const QString value = mArgs.at(i + 1);
        mArgs.remove(i, 2);
        return value;
    }
    QString positional()
    {
        for (qsizetype i = 0; i < mArgs.size(); ++i) {
            if (!mArgs[i].startsWith(QLatin1String("--"))) {
                return mArgs.takeAt(i);
            }
        }
        return QString();
    }
    void finish() const
    {
        if (!mArgs.isEmpty())
            throw UsageError{tr("Unbekanntes Argument: %1").arg(mArgs.first())};
    }

private:
    QStringList mArgs;
};

class Cli {
public:
    Cli(QTextStream &out, QTextStream &err) : mOut(out), mErr(err) {}

    int run(QStringList arguments)
    {
        try {
            Args args(arguments);
            if (args.flag(QStringLiteral("--help")) || args.flag(QStringLiteral("-h"))) {
                mOut << tr(usageText);
                return ExitOk;
            }
            if (args.flag(QStringLiteral("--version"))) {
                mOut << QStringLiteral("vorlagenwerk-cli %1\n").arg(QCoreApplication::applicationVersion());
                return ExitOk;
            }
            mWorkspacePath = args.option(QStringLiteral("--workspace"));
            const QString command = args.positional();
            if (command.isEmpty())
                throw UsageError{tr("Kein Befehl angegeben.")};
            if (command == QLatin1String("init"))
                return init(args);
            if (command == QLatin1String("import"))
                return import(args);
            if (command == QLatin1String("list"))
                return list(args);
            if (command == QLatin1String("show"))
                return show(args);
            if (command == QLatin1String("export"))
                return exportPdf(args);
            if (command == QLatin1String("check"))
                return check(args);
            if (command == QLatin1String("set"))
                return setField(args);
            if (command == QLatin1String("section"))
                return replaceSection(args);
            throw UsageError{tr("Unbekannter Befehl: %1").arg(command)};
        } catch (const UsageError &e) {
            mErr << tr("Fehler: %1").arg(e.message) << '\n' << '\n' << tr(usageText);
            return ExitUsage;
        }
    }

private:
    int fail(const QString &message)
    {
        mErr << tr("Fehler: %1").arg(message) << '\n';
        return ExitInputError;
    }

    // The named workspace must exist; the default one is created with demo content, as by the app.
    bool openWorkspace()
    {
        auto ws = mWorkspacePath.isEmpty() ? openOrCreateWithDemo(Workspace::defaultPath())
                                           : Workspace::open(mWorkspacePath, Workspace::Mode::OpenExisting);
        if (!ws) {
            fail(ws.error());
            return false;
        }
        mWorkspace = std::move(ws.value());
        return true;
    }

    // The figures a Vorlage quotes, in the workspace's number style (empty when they cannot be read:
    // validation then reports every quote).
    FigureValues figuresOf(const Vorlage &v) const
    {
        auto values = mWorkspace->figureValues(&v);
        return values ? values.value() : FigureValues();
    }

    // Opens the workspace and loads Vorlage `id`; reports what went wrong otherwise.
    std::optional<Vorlage> openVorlage(qint64 id)
    {
        if (!openWorkspace())
            return std::nullopt;
        auto v = mWorkspace->load(id);
        if (!v) {
            fail(v.error());
            return std::nullopt;
        }
        return std::move(v).value();
    }

    static qint64 idArgument(Args &args)
    {
        const QString text = args.positional();
        if (text.isEmpty())
            throw UsageError{tr("Die Nummer der Vorlage fehlt.")};
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            throw UsageError{tr("„%1“ ist keine Nummer einer Vorlage.").arg(text)};
        return id;
    }

    int init(Args &args)
    {
        args.finish();
        const QString path = mWorkspacePath.isEmpty() ? Workspace::defaultPath() : mWorkspacePath;
        if (QFileInfo(path).size() > 0)
            return fail(tr("%1 gibt es schon; init legt nur neue Arbeitsbereiche an.").arg(path));
        auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
        if (!ws)
            return fail(ws.error());
        mOut << tr("Arbeitsbereich angelegt: %1").arg(QDir::toNativeSeparators(path)) << '\n';
        return ExitOk;
    }

    int import(Args &args)
    {
        const QString file = args.positional();
        if (file.isEmpty())
            throw UsageError{tr("Die Datei fehlt.")};
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto result = importFile(file, mWorkspace->ressorts());
        if (!result)
            return fail(result.error());
        for (const ImportMessage &m : result->unplaced)
            mErr << tr("%1:%2: Warnung: nicht zugeordnet: %3").arg(file).arg(m.line).arg(m.text) << '\n';
        auto id = mWorkspace->add(result->vorlage);
        if (!id)
            return fail(id.error());
        mOut << id.value() << '\n';
        return ExitOk;
    }

    int list(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto rows = mWorkspace->list();
        if (!rows)
            return fail(rows.error());
        if (json) {
            QJsonArray array;
            for (const VorlageSummary &s : rows.value())
                array.append(QJsonObject{
                    {QStringLiteral("id"), s.id},
                    {QStringLiteral("kind"), kindKey(s.kind)},
                    {QStringLiteral("paperKind"), paperKindKey(s.paperKind)},
                    {QStringLiteral("status"), statusKey(s.status)},
                    {QStringLiteral("title"), s.title},
                    {QStringLiteral("date"), s.date.toString(Qt::ISODate)},
                    {QStringLiteral("sessionDate"), s.sessionDate.toString(Qt::ISODate)},
                    {QStringLiteral("ressort"), s.ressort},
                });
            mOut << QJsonDocument(array).toJson();
            return ExitOk;
        }
        for (const VorlageSummary &s : rows.value())
            mOut << QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                        .arg(s.id)
                        .arg(germanDate(s.sessionDate), kindLabel(s.kind), s.ressort, statusLabel(s.status), s.title);
        return ExitOk;
    }

    int show(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        const qint64 id = idArgument(args);
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        if (json) {
            const FigureValues figures = figuresOf(*v);
            mOut << QJsonDocument(vorlageToJson(*v, &mWorkspace->ressorts(), &figures)).toJson();
            return ExitOk;
        }
        const Vorlage &vorlage = *v;
        mOut << tr("Vorlage %1: %2").arg(id).arg(vorlage.title) << '\n';
        const auto line = [this](const QString &label, const QString &value) {
            if (!value.isEmpty())
                mOut << label << ": " << value << '\n';
        };
        line(tr("Art"), kindLabel(vorlage.kind));
        line(tr("Papier"), paperKindLabel(vorlage.paperKind));
        line(tr("Status"), statusLabel(vorlage.status));
        for (const RessortRef &r : vorlage.ressorts)
            line(tr("Ressort"), mWorkspace->ressortName(r, vorlage.date)
                                    + (r.lead && vorlage.ressorts.size() > 1 ? tr(" (federführend)") : QString()));
        line(tr("Datum"), germanDate(vorlage.date));
        line(tr("Sitzung"), QStringLiteral("%1, %2").arg(vorlage.body, germanDate(vorlage.sessionDate)));
        line(tr("Fragenummer"), vorlage.questionNumber);
        line(tr("Untertitel"), vorlage.subtitle);
        line(tr("Drucksachen"), vorlage.references.join(QStringLiteral("; ")));
        line(tr("Aktenzeichen"), vorlage.fileCode);
        const FigureValues figures = figuresOf(vorlage);
        for (const Section &s : vorlage.sections)
            mOut << '\n' << s.label << ". " << s.heading << '\n' << sectionPlainText(vorlage, s, &figures) << '\n';
        return ExitOk;
    }

    // Saves a document edited through the commands, as the app's autosave does, and says what the
    // validation now finds.
    int save(const VorlageDocument &doc)
    {
        auto saved = mWorkspace->save(doc.vorlage());
        if (!saved)
            return fail(saved.error());
        const FigureValues figures = figuresOf(doc.vorlage());
        for (const Problem &p : validate(doc.vorlage(), mWorkspace->ressorts(), &figures))
            mErr << problemLine(p) << '\n';
        return ExitOk;
    }

    int check(Args &args)
    {
        const qint64 id = idArgument(args);
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        const FigureValues figures = figuresOf(*v);
        const QList<Problem> problems = validate(*v, mWorkspace->ressorts(), &figures);
        for (const Problem &p : problems)
            mOut << problemLine(p) << '\n';
        mOut << problemSummary(problems) << '\n';
        return hasErrors(problems) ? ExitInputError : ExitOk;
    }

    int setField(Args &args)
    {
        const qint64 id = idArgument(args);
        const QString field = args.positional();
        if (field.isEmpty())
            throw UsageError{tr("set braucht FELD und WERT.")};
        const QString value = args.positional();
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        VorlageDocument doc(*v);
        if (auto r = Commands::setHeaderField(&doc, field, value, mWorkspace->ressorts()); !r)
            return fail(r.error());
        return save(doc);
    }

    int replaceSection(Args &args)
    {
        const QString file = args.option(QStringLiteral("--text-file"));
        const qint64 id = idArgument(args);
        const QString label = args.positional();
        if (label.isEmpty() || file.isEmpty())
            throw UsageError{tr("section braucht BUCHSTABE und --text-file DATEI.")};
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        if (!v->section(label))
            return fail(tr("Vorlage %1 hat keinen Abschnitt %2.").arg(id).arg(label));
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return fail(tr("%1 kann nicht gelesen werden: %2").arg(file, input.errorString()));
        const QByteArray bytes = input.readAll();
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString text = utf8.decode(bytes);
        if (utf8.hasError() || bytes.contains('\0'))
            return fail(tr("%1 ist keine UTF-8-Textdatei.").arg(file));
        auto imported = importSectionText(text, label, mWorkspace->ressorts());
        if (!imported)
            return fail(imported.error());
        for (const ImportMessage &m : imported->unplaced)
            mErr << tr("%1:%2: Warnung: nicht zugeordnet: %3").arg(file).arg(m.line).arg(m.text) << '\n';
        VorlageDocument doc(*v);
        Commands::replaceSection(&doc, label, imported->vorlage);
        return save(doc);
    }

    int exportPdf(Args &args)
    {
        const bool all = args.flag(QStringLiteral("--all"));
        const bool force = args.flag(QStringLiteral("--force"));
        const QString pdf = args.option(QStringLiteral("--pdf"));
        const QString outDir = args.option(QStringLiteral("--out"));
        if (all) {
            if (outDir.isEmpty())
                throw UsageError{tr("export --all braucht --out ORDNER.")};
            args.finish();
            return exportAll(outDir);
        }
        const qint64 id = idArgument(args);
        if (pdf.isEmpty())
            throw UsageError{tr("export braucht --pdf DATEI.")};
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        const FigureValues figures = figuresOf(*v);
        const QList<Problem> problems = validate(*v, mWorkspace->ressorts(), &figures);
        if (hasErrors(problems) && !force)
            return fail(tr("Vorlage %1 wird nicht exportiert (mit --force trotzdem):\n%2").arg(id).arg(errorReport(problems)));
        if (auto r = PdfExporter(mWorkspace->ressorts(), figures).writeFile(*v, pdf); !r)
            return fail(r.error());
        return ExitOk;
    }

    int exportAll(const QString &outDir)
    {
        if (!openWorkspace())
            return ExitInputError;
        if (!QDir().mkpath(outDir))
            return fail(tr("Der Ordner %1 kann nicht angelegt werden.").arg(outDir));
        auto rows = mWorkspace->list();
        if (!rows)
            return fail(rows.error());
        QList<PdfExporter::Job> jobs;
        int failures = 0;
        for (const VorlageSummary &s : rows.value()) {
            auto v = mWorkspace->load(s.id);
            if (!v) {
                ++failures;
                mErr << tr("Fehler: Vorlage %1: %2").arg(s.id).arg(v.error()) << '\n';
                continue;
            }
            jobs.append({v.value(), QDir(outDir).filePath(QStringLiteral("vorlage-%1.pdf").arg(s.id))});
        }
        auto figures = mWorkspace->figureValues();
        if (!figures)
            return fail(figures.error());
        const QList<Result<void>> results = PdfExporter(mWorkspace->ressorts(), figures.value()).writeFiles(jobs);
        for (qsizetype i = 0; i < jobs.size(); ++i) {
            if (results[i]) {
                mOut << jobs[i].path << '\n';
            } else {
                ++failures;
                mErr << tr("Fehler: Vorlage %1: %2").arg(jobs[i].vorlage.id).arg(results[i].error()) << '\n';
            }
        }
        return failures ? ExitInputError : ExitOk;
    }

    QTextStream &mOut;
    QTextStream &mErr;
    QString mWorkspacePath;
    std::unique_ptr<Workspace> mWorkspace;
};

} // namespace

int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return Cli(out, err).run(arguments);
}

} // namespace vw
