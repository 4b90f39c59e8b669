#include "cli.h"
#include "clihelp.h"

#include "commands.h"
#include "demo.h"
#include "diskspace.h"
#include "figurecsv.h"
#include "pdfexporter.h"
#include "pdfimporter.h"
#include "publicationcheck.h"
#include "publisher.h"
#include "database.h"
#include "searchindex.h"
#include "workspacecopy.h"
#include "serveraccess.h"
#include "migrations.h"
#include "vorlagedocument.h"
#include "validation.h"
#include "vorlagediff.h"
#include "vorlagejson.h"
#include "beteiligung.h"
#include "userprofile.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStringDecoder>
#include <QTextStream>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Cli", text);
}

struct UsageError {
    QString message;
};

// The arguments after the command: positionals, --flags and --options with a value.
class Args {
public:
    Args(QStringList args) : mArgs(std::move(args)) {}

    bool flag(const QString &name) { return mArgs.removeAll(name) > 0; }
    // Whether an option is given at all (an empty value clears a field, a missing one keeps it).
    bool has(const QString &name) const { return mArgs.contains(name); }
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
            if (const std::optional<int> help = handleCliHelp(arguments, mOut, mErr))
                return *help;
            Args args(arguments);
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
            if (command == QLatin1String("search"))
                return search(args);
            if (command == QLatin1String("export"))
                return exportPdf(args);
            if (command == QLatin1String("check"))
                return check(args);
            if (command == QLatin1String("set"))
                return setField(args);
            if (command == QLatin1String("section"))
                return replaceSection(args);
            if (command == QLatin1String("figure"))
                return figure(args);
            if (command == QLatin1String("annotate"))
                return annotate(args);
            if (command == QLatin1String("annotations"))
                return annotations(args);
            if (command == QLatin1String("resolve"))
                return resolve(args);
            if (command == QLatin1String("reply"))
                return reply(args);
            if (command == QLatin1String("accept") || command == QLatin1String("reject"))
                return decide(args, command == QLatin1String("accept"));
            if (command == QLatin1String("version"))
                return version(args);
            if (command == QLatin1String("versions"))
                return versions(args);
            if (command == QLatin1String("restore"))
                return restore(args);
            if (command == QLatin1String("neufassung"))
                return neufassung(args);
            if (command == QLatin1String("status"))
                return status(args);
            if (command == QLatin1String("beteiligung"))
                return beteiligung(args);
            if (command == QLatin1String("diff"))
                return diff(args);
            if (command == QLatin1String("review-pdf"))
                return reviewPdf(args);
            if (command == QLatin1String("publish"))
                return publish(args);
            if (command == QLatin1String("publish-session"))
                return publishSession(args);
            if (command == QLatin1String("copy"))
                return copy(args);
            if (command == QLatin1String("server"))
                return server(args);
            if (command == QLatin1String("protected"))
                return protectedNames(args);
            throw UsageError{tr("Unbekannter Befehl: %1").arg(command)};
        } catch (const UsageError &e) {
            mErr << tr("Fehler: %1").arg(e.message) << '\n' << '\n' << cliUsage();
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
        if (!mWorkspace->openNotice().isEmpty())
            mErr << tr("Hinweis: %1").arg(mWorkspace->openNotice()) << '\n';
        mWorkspace->setAuthor(UserProfile::load().author());
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

    int copy(Args &args)
    {
        const QString from = args.positional();
        const QString to = args.positional();
        if (from.isEmpty() || to.isEmpty())
            throw UsageError{tr("copy braucht VON und NACH.")};
        args.finish();
        auto copied = WorkspaceCopy::copy(from, to);
        if (!copied)
            return fail(copied.error());
        for (const WorkspaceCopy::Table &t : copied.value())
            mOut << QCoreApplication::translate("vw::Cli", "%1: %n Zeile(n)", nullptr, t.rows).arg(t.name) << '\n';
        mOut << tr("Kopiert nach %1; beide Seiten stimmen Tabelle für Tabelle überein.")
                    .arg(Database::withoutPassword(to))
             << '\n';
        return ExitOk;
    }

    // The administrator's commands for a shared workspace (docs/server.md).
    int server(Args &args)
    {
        const QString what = args.positional();
        if (!Database::isServer(mWorkspacePath))
            throw UsageError{tr("server braucht --workspace mit einem Server (postgresql://server/datenbank oder service=NAME).")};
        if (what == QLatin1String("init") || what == QLatin1String("migrate")) {
            const QString adminLogin = what == QLatin1String("init") ? args.option(QStringLiteral("--admin")) : QString();
            const QString adminName = adminLogin.isEmpty() ? QString() : args.option(QStringLiteral("--name"));
            args.finish();
            const QString shown = Database::withoutPassword(mWorkspacePath);
            if (!openWorkspace())
                return ExitInputError;
            if (!adminLogin.isEmpty()) {
                if (auto r = ServerAccess::addMember(mWorkspace->database(),
                                                     {adminLogin, adminName, ServerAccess::Kind::Admin, QString()});
                    !r)
                    return fail(r.error());
            }
            mOut << tr("Arbeitsbereich auf %1 eingerichtet, Schema %2.").arg(shown).arg(Migrations::latestVersion()) << '\n';
            return ExitOk;
        }
        if (what != QLatin1String("user"))
            throw UsageError{tr("server kennt init, migrate und user.")};
        const QString action = args.positional();
        if (action == QLatin1String("add")) {
            ServerAccess::Member m;
            m.login = args.positional();
            m.name = args.option(QStringLiteral("--name"));
            m.ressortKey = args.option(QStringLiteral("--ressort"));
            const QString role = args.option(QStringLiteral("--role"));
            if (m.login.isEmpty() || role.isEmpty())
                throw UsageError{tr("server user add braucht ANMELDENAME und --role.")};
            if (!ServerAccess::kindFromKey(role, &m.kind))
                throw UsageError{tr("„%1“ ist keine Rolle: reviewer, clerk, senatskanzlei oder admin.").arg(role)};
            args.finish();
            if (!openWorkspace())
                return ExitInputError;
            if (auto r = ServerAccess::addMember(mWorkspace->database(), m); !r)
                return fail(r.error());
            mOut << tr("%1 (%2) ist eingetragen: %3%4.")
                        .arg(m.login, m.name, ServerAccess::kindLabel(m.kind),
                             m.ressortKey.isEmpty() ? QString() : QStringLiteral(", ") + m.ressortKey)
                 << '\n';
            return ExitOk;
        }
        if (action == QLatin1String("remove")) {
            const QString login = args.positional();
            if (login.isEmpty())
                throw UsageError{tr("server user remove braucht ANMELDENAME.")};
            args.finish();
            if (!openWorkspace())
                return ExitInputError;
            if (auto r = ServerAccess::removeMember(mWorkspace->database(), login); !r)
                return fail(r.error());
            mOut << tr("%1 ist ausgetragen und kann in diesem Arbeitsbereich nichts mehr lesen oder ändern.").arg(login) << '\n';
            return ExitOk;
        }
        if (action == QLatin1String("list") || action.isEmpty()) {
            args.finish();
            if (!openWorkspace())
                return ExitInputError;
            auto members = ServerAccess::members(mWorkspace->database());
            if (!members)
                return fail(members.error());
            for (const ServerAccess::Member &m : members.value())
                mOut << m.login << '\t' << m.name << '\t' << ServerAccess::kindKey(m.kind) << '\t' << m.ressortKey << '\n';
            return ExitOk;
        }
        throw UsageError{tr("server user kennt add, remove und list.")};
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
        for (const ImportMessage &m : result->notes)
            mErr << tr("%1:%2: Hinweis: %3").arg(file).arg(m.line).arg(m.text) << '\n';
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

    static QDate dateArgument(Args &args, const char *name)
    {
        const QString option = QString::fromLatin1(name);
        const QString text = args.option(option);
        if (text.isEmpty())
            return {};
        const QDate date = parseGermanDate(text);
        if (!date.isValid())
            throw UsageError{tr("%1: „%2“ ist kein Datum (erwartet wird z. B. 12.05.2020).").arg(option, text)};
        return date;
    }

    int search(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        SearchQuery query;
        query.decidedOnly = args.flag(QStringLiteral("--decided"));
        query.publishedOnly = args.flag(QStringLiteral("--published"));
        const QString kindText = args.option(QStringLiteral("--kind"));
        const QString statusText = args.option(QStringLiteral("--status"));
        const QString ressortText = args.option(QStringLiteral("--ressort")).trimmed();
        query.from = dateArgument(args, "--from");
        query.to = dateArgument(args, "--to");
        QStringList words;
        for (QString word = args.positional(); !word.isNull(); word = args.positional())
            words << word;
        args.finish();
        query.text = words.join(QLatin1Char(' '));
        if (SearchIndex::matchExpression(query.text).isEmpty())
            throw UsageError{tr("Der Suchbegriff fehlt (ein Wort, „Homeoff*“ oder \"mobile Arbeit\").")};
        if (!kindText.isEmpty()) {
            VorlageKind kind;
            if (!kindFromKey(kindText, &kind)) {
                QStringList keys;
                for (const VorlageKind k : allKinds())
                    keys << kindKey(k);
                throw UsageError{tr("Unbekannte Art „%1“ (%2).").arg(kindText, keys.join(QStringLiteral(", ")))};
            }
            query.kind = kind;
        }
        if (!statusText.isEmpty()) {
            Status status;
            if (!statusFromKey(statusText, &status)) {
                QStringList keys;
                for (const Status st : allStatuses())
                    keys << statusKey(st);
                throw UsageError{tr("Unbekannter Status „%1“ (%2).").arg(statusText, keys.join(QStringLiteral(", ")))};
            }
            query.status = status;
        }
        if (!openWorkspace())
            return ExitInputError;
        if (!ressortText.isEmpty()) {
            const RessortTable &ressorts = mWorkspace->ressorts();
            query.ressortKey = ressorts.hasKey(ressortText) ? ressortText : ressorts.keyForName(ressortText);
            if (query.ressortKey.isEmpty())
                return fail(tr("Unbekanntes Ressort „%1“ (Schlüssel: %2).")
                                .arg(ressortText, ressorts.keysOn(QDate::currentDate()).join(QStringLiteral(", "))));
        }
        const QString noticeBefore = mWorkspace->openNotice();
        if (auto r = mWorkspace->checkSearchIndex(); !r)
            return fail(r.error());
        if (mWorkspace->openNotice() != noticeBefore)
            mErr << tr("Hinweis: %1").arg(mWorkspace->openNotice()) << '\n';
        auto hits = mWorkspace->search(query);
        if (!hits)
            return fail(hits.error());
        if (json) {
            QJsonArray array;
            for (const SearchHit &h : hits.value()) {
                QJsonArray highlights;
                for (const auto &[start, length] : h.highlights)
                    highlights.append(QJsonArray{start, length});
                array.append(QJsonObject{
                    {QStringLiteral("id"), h.vorlageId},
                    {QStringLiteral("title"), h.title},
                    {QStringLiteral("sessionDate"), h.sessionDate.toString(Qt::ISODate)},
                    {QStringLiteral("kind"), kindKey(h.kind)},
                    {QStringLiteral("status"), statusKey(h.status)},
                    {QStringLiteral("place"), h.placeKey},
                    {QStringLiteral("placeLabel"), h.placeLabel},
                    {QStringLiteral("snippet"), h.markedSnippet()},
                    {QStringLiteral("text"), h.snippet},
                    {QStringLiteral("highlights"), highlights},
                    {QStringLiteral("rank"), h.rank},
                });
            }
            mOut << QJsonDocument(array).toJson();
        } else {
            for (const SearchHit &h : hits.value())
                mOut << QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                            .arg(h.vorlageId)
                            .arg(germanDate(h.sessionDate), h.title, h.placeLabel, h.markedSnippet());
        }
        if (hits->isEmpty()) {
            mErr << tr("Keine Treffer.") << '\n';
            return ExitInputError;
        }
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
        for (const ImportMessage &m : imported->notes)
            mErr << tr("%1:%2: Hinweis: %3").arg(file).arg(m.line).arg(m.text) << '\n';
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

    // Review: annotations, versions, status, Beteiligung.

    static qint64 numberArgument(Args &args, const QString &what)
    {
        const QString text = args.positional();
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        if (text.isEmpty() || !ok || n <= 0)
            throw UsageError{text.isEmpty() ? tr("%1 fehlt.").arg(what) : tr("„%1“ ist keine gültige Angabe für %2.").arg(text, what)};
        return n;
    }

    static QString annotationState(const Annotation &a)
    {
        switch (a.suggestion) {
        case Annotation::Suggestion::Open:
            return a.resolved ? tr("Vorschlag, erledigt") : tr("Vorschlag, offen");
        case Annotation::Suggestion::Accepted:
            return tr("Vorschlag angenommen");
        case Annotation::Suggestion::Rejected:
            return tr("Vorschlag abgelehnt");
        case Annotation::Suggestion::None:
            break;
        }
        return a.resolved ? tr("erledigt") : tr("offen");
    }

    int annotate(Args &args)
    {
        const QString label = args.option(QStringLiteral("--section"));
        const QString field = args.option(QStringLiteral("--field"));
        const QString quote = args.option(QStringLiteral("--quote"));
        const QString comment = args.option(QStringLiteral("--comment"));
        const QString suggestion = args.option(QStringLiteral("--suggest"));
        const bool suggests = args.has(QStringLiteral("--suggest")) || !suggestion.isNull();
        const QString author = args.option(QStringLiteral("--author"));
        const QString occurrence = args.option(QStringLiteral("--occurrence"));
        const qint64 id = idArgument(args);
        args.finish();
        if ((label.isEmpty() == field.isEmpty()) || quote.isEmpty())
            throw UsageError{tr("annotate braucht --section BUCHSTABE (oder --field title|subtitle) und --quote TEXT.")};
        if (comment.trimmed().isEmpty() && !suggests)
            throw UsageError{tr("annotate braucht --comment TEXT oder --suggest ERSATZ.")};
        bool occurrenceOk = occurrence.isNull();
        const int occurrenceNumber = occurrenceOk ? 0 : occurrence.toInt(&occurrenceOk);
        if (!occurrenceOk || (!occurrence.isNull() && occurrenceNumber < 1))
            throw UsageError{tr("--occurrence braucht eine positive Zahl, nicht „%1“.").arg(occurrence)};
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        // The words as printed: a figure by its value, a section with the answers, questions and
        // Beschluss items it prints.
        const FigureValues figures = figuresOf(*v);
        Result<Anchor> anchor = Error{QString()};
        if (!label.isEmpty()) {
            if (!v->section(label.toUpper()))
                return fail(tr("Vorlage %1 hat keinen Abschnitt %2.").arg(id).arg(label));
            anchor = findAnchorInSection(*v, label.toUpper(), quote, occurrenceNumber, &figures);
        } else {
            anchor = findAnchor(*v, {Place::Kind::Header, field, {}}, quote, occurrenceNumber, &figures);
        }
        if (!anchor)
            return fail(anchor.error());
        Annotation a;
        a.vorlageId = id;
        a.anchor = anchor.value();
        a.author = author;
        a.text = comment;
        if (suggests) {
            a.suggestion = Annotation::Suggestion::Open;
            a.replacement = suggestion;
        }
        auto created = mWorkspace->addAnnotation(a);
        if (!created)
            return fail(created.error());
        mOut << created.value() << '\n';
        return ExitOk;
    }

    int annotations(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        const qint64 id = idArgument(args);
        args.finish();
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        auto list = mWorkspace->annotations(id);
        if (!list)
            return fail(list.error());
        if (json) {
            QJsonArray array;
            for (const Annotation &a : list.value()) {
                QJsonArray replies;
                for (const Reply &r : a.replies)
                    replies.append(QJsonObject{{QStringLiteral("author"), r.author},
                                               {QStringLiteral("created"), r.created.toString(Qt::ISODate)},
                                               {QStringLiteral("text"), r.text}});
                QJsonObject o{{QStringLiteral("id"), a.id},
                              {QStringLiteral("place"), placeKey(a.anchor.place)},
                              {QStringLiteral("start"), a.anchor.start},
                              {QStringLiteral("end"), a.anchor.end},
                              {QStringLiteral("quote"), a.anchor.quote},
                              {QStringLiteral("detached"), a.anchor.detached},
                              {QStringLiteral("author"), a.author},
                              {QStringLiteral("created"), a.created.toString(Qt::ISODate)},
                              {QStringLiteral("text"), a.text},
                              {QStringLiteral("resolved"), a.resolved},
                              {QStringLiteral("replies"), replies}};
                if (a.isSuggestion()) {
                    o.insert(QStringLiteral("suggestion"), suggestionKey(a.suggestion));
                    o.insert(QStringLiteral("replacement"), a.replacement);
                }
                array.append(o);
            }
            mOut << QJsonDocument(array).toJson();
            return ExitOk;
        }
        for (const Annotation &a : list.value()) {
            mOut << QStringLiteral("%1\t%2\t%3\t%4\t„%5“%6\t%7")
                        .arg(a.id)
                        .arg(placeLabel(*v, a.anchor.place), annotationState(a), a.author, a.anchor.quote,
                             a.anchor.detached ? tr(" (Text nicht mehr vorhanden)") : QString(),
                             a.isSuggestion() ? tr("→ „%1“ %2").arg(a.replacement, a.text).trimmed() : a.text)
                 << '\n';
            for (const Reply &r : a.replies)
                mOut << QStringLiteral("\t↳ %1: %2\n").arg(r.author, r.text);
        }
        return ExitOk;
    }

    int resolve(Args &args)
    {
        const bool reopen = args.flag(QStringLiteral("--reopen"));
        const qint64 annotationId = numberArgument(args, tr("Die Nummer des Kommentars"));
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        if (auto r = mWorkspace->setResolved(annotationId, !reopen); !r)
            return fail(r.error());
        return ExitOk;
    }

    int reply(Args &args)
    {
        const QString text = args.option(QStringLiteral("--text"));
        const qint64 annotationId = numberArgument(args, tr("Die Nummer des Kommentars"));
        args.finish();
        if (text.trimmed().isEmpty())
            throw UsageError{tr("reply braucht --text TEXT.")};
        if (!openWorkspace())
            return ExitInputError;
        auto id = mWorkspace->addReply(annotationId, text);
        if (!id)
            return fail(id.error());
        mOut << id.value() << '\n';
        return ExitOk;
    }

    int decide(Args &args, bool accept)
    {
        const qint64 annotationId = numberArgument(args, tr("Die Nummer des Vorschlags"));
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        if (accept) {
            if (auto r = mWorkspace->acceptSuggestion(annotationId); !r)
                return fail(r.error());
        } else if (auto r = mWorkspace->decideSuggestion(annotationId, Annotation::Suggestion::Rejected); !r) {
            return fail(r.error());
        }
        return ExitOk;
    }

    int version(Args &args)
    {
        const QString name = args.option(QStringLiteral("--name"));
        const qint64 id = idArgument(args);
        args.finish();
        if (name.trimmed().isEmpty())
            throw UsageError{tr("version braucht --name NAME.")};
        if (!openWorkspace())
            return ExitInputError;
        auto info = mWorkspace->addVersion(id, name);
        if (!info)
            return fail(info.error());
        mOut << info->number << '\n';
        return ExitOk;
    }

    int versions(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        const qint64 id = idArgument(args);
        args.finish();
        if (!openVorlage(id))
            return ExitInputError;
        auto list = mWorkspace->versions(id);
        if (!list)
            return fail(list.error());
        if (json) {
            QJsonArray array;
            for (const Workspace::VersionInfo &v : list.value())
                array.append(QJsonObject{{QStringLiteral("number"), v.number},
                                         {QStringLiteral("name"), v.name},
                                         {QStringLiteral("automatic"), v.automatic},
                                         {QStringLiteral("status"), statusKey(v.status)},
                                         {QStringLiteral("author"), v.author},
                                         {QStringLiteral("created"), v.created.toString(Qt::ISODate)}});
            mOut << QJsonDocument(array).toJson();
            return ExitOk;
        }
        for (const Workspace::VersionInfo &v : list.value())
            mOut << QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                        .arg(v.number)
                        .arg(germanDateTime(v.created),
                             statusLabel(v.status), v.author, v.name);
        return ExitOk;
    }

    int restore(Args &args)
    {
        const qint64 id = idArgument(args);
        const qint64 number = numberArgument(args, tr("Die Nummer der Version"));
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto created = mWorkspace->restoreVersion(id, int(number));
        if (!created)
            return fail(created.error());
        mOut << created.value() << '\n';
        return ExitOk;
    }

    int neufassung(Args &args)
    {
        const qint64 id = idArgument(args);
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto created = mWorkspace->addNeufassung(id);
        if (!created)
            return fail(created.error());
        mOut << created.value() << '\n';
        return ExitOk;
    }

    int status(Args &args)
    {
        const QString session = args.option(QStringLiteral("--session-date"));
        const QString outcomeText = args.option(QStringLiteral("--outcome"));
        const bool force = args.flag(QStringLiteral("--force"));
        const qint64 id = idArgument(args);
        const QString statusText = args.positional();
        args.finish();
        if (statusText.isEmpty()) {
            // Without a new status: the current one and its history.
            const std::optional<Vorlage> v = openVorlage(id);
            if (!v)
                return ExitInputError;
            mOut << statusLabel(v->status)
                 << (v->outcome != Outcome::Keins ? QStringLiteral(" (%1)").arg(outcomeLabel(v->outcome)) : QString()) << '\n';
            auto history = mWorkspace->statusHistory(id);
            if (!history)
                return fail(history.error());
            for (const Workspace::StatusChange &c : history.value())
                mOut << QStringLiteral("%1\t%2 → %3\t%4\t%5\n")
                            .arg(germanDateTime(c.at),
                                 statusLabel(c.from), statusLabel(c.to),
                                 c.outcome != Outcome::Keins ? outcomeLabel(c.outcome) : QString(), c.author);
            return ExitOk;
        }
        Status to = Status::Entwurf;
        if (!statusFromKey(statusText, &to))
            throw UsageError{tr("Unbekannter Status „%1“ (entwurf, in-abstimmung, beschlussreif, beschlossen).").arg(statusText)};
        Outcome outcome = Outcome::Keins;
        if (!outcomeFromKey(outcomeText, &outcome))
            throw UsageError{tr("Unbekanntes Ergebnis „%1“ (unveraendert, geaendert, zurueckgestellt).").arg(outcomeText)};
        const QDate sessionDate = parseGermanDate(session);
        if (!session.isEmpty() && !sessionDate.isValid())
            throw UsageError{tr("„%1“ ist kein Datum.").arg(session)};
        if (!openWorkspace())
            return ExitInputError;
        // What is left open now blocks the publication later, when the text can no longer change.
        const bool deferred = to == Status::Beschlossen && outcome == Outcome::Zurueckgestellt;
        if ((to == Status::Beschlussreif || to == Status::Beschlossen) && !deferred && !force) {
            const std::optional<Vorlage> v = openVorlage(id);
            if (!v)
                return ExitInputError;
            auto annotations = mWorkspace->annotations(id);
            if (!annotations)
                return fail(annotations.error());
            const OpenReview open = openReview(*v, annotations.value());
            if (open.any() && v->status != to)
                return fail(tr("Vorlage %1 wird nicht „%2“ (mit --force trotzdem): diese Punkte der Prüfung sind offen und "
                               "verhindern später die Veröffentlichung:\n  %3\nEntscheiden Sie sie zuerst (accept, reject, "
                               "resolve, beteiligung … resolve).")
                                .arg(id)
                                .arg(statusLabel(to), open.lines().join(QStringLiteral("\n  "))));
        }
        if (auto r = mWorkspace->setStatus(id, to, sessionDate, outcome); !r)
            return fail(r.error());
        return ExitOk;
    }

    // beteiligung ID [list] | add NAME [--state S] [--date D] [--text T] | set N STATE [--date D] [--text T]
    //   | resolve N | remove N | attach N | propose
    int beteiligung(Args &args)
    {
        const qint64 id = idArgument(args);
        const QString sub = args.positional();
        const bool json = args.flag(QStringLiteral("--json"));
        const QString stateText = args.option(QStringLiteral("--state"));
        const QString dateText = args.option(QStringLiteral("--date"));
        const bool hasText = args.has(QStringLiteral("--text"));
        const QString text = args.option(QStringLiteral("--text"));
        if (sub.isEmpty() || sub == QLatin1String("list")) {
            args.finish();
            return listBeteiligung(id, json);
        }
        const QDate date = dateText.isEmpty() ? QDate::currentDate() : parseGermanDate(dateText);
        if (!date.isValid())
            throw UsageError{tr("„%1“ ist kein Datum.").arg(dateText)};
        const auto entryIndex = [&args](const Vorlage &v) {
            const QString n = args.positional();
            bool ok = false;
            const int index = n.toInt(&ok) - 1;
            if (!ok || index < 0 || index >= v.beteiligung.size())
                throw UsageError{tr("„%1“ ist kein Eintrag der Beteiligung (1 bis %2).").arg(n).arg(v.beteiligung.size())};
            return index;
        };
        std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        if (sub == QLatin1String("add")) {
            const QString name = args.positional();
            args.finish();
            if (name.trimmed().isEmpty())
                throw UsageError{tr("beteiligung add braucht einen Ressortschlüssel oder Namen.")};
            Participation entry;
            entry.id = newItemId();
            const RessortTable &ressorts = mWorkspace->ressorts();
            entry.ressortKey = ressorts.hasKey(name) ? name : ressorts.keyForName(name);
            if (entry.ressortKey.isEmpty())
                entry.name = name.trimmed();
            if (!stateText.isEmpty() && !participationStateFromKey(stateText, &entry.state))
                throw UsageError{tr("Unbekannter Stand „%1“ (angefragt, zugestimmt, massgabe, einwaende).").arg(stateText)};
            entry.date = date;
            entry.text = text;
            v->beteiligung.append(entry);
        } else if (sub == QLatin1String("set")) {
            const int index = entryIndex(*v);
            const QString state = args.positional();
            args.finish();
            Participation &entry = v->beteiligung[index];
            if (!participationStateFromKey(state, &entry.state))
                throw UsageError{tr("Unbekannter Stand „%1“ (angefragt, zugestimmt, massgabe, einwaende).").arg(state)};
            entry.date = date;
            if (hasText)
                entry.text = text;
            entry.resolved = false;
        } else if (sub == QLatin1String("resolve")) {
            const int index = entryIndex(*v);
            args.finish();
            if (v->beteiligung[index].state != Participation::State::Einwaende)
                return fail(tr("Eintrag %1 hat keine Einwände.").arg(index + 1));
            if (auto r = mWorkspace->setObjectionResolved(id, v->beteiligung[index].id, true); !r)
                return fail(r.error());
            return ExitOk;
        } else if (sub == QLatin1String("remove")) {
            const int index = entryIndex(*v);
            args.finish();
            v->beteiligung.removeAt(index);
        } else if (sub == QLatin1String("attach")) {
            const int index = entryIndex(*v);
            args.finish();
            if (v->beteiligung[index].state != Participation::State::Einwaende)
                return fail(tr("Eintrag %1 hat keine Einwände, die angehängt werden könnten.").arg(index + 1));
            v->anlagen.append(objectionAnlage(*v, v->beteiligung[index], mWorkspace->ressorts()));
        } else if (sub == QLatin1String("propose")) {
            args.finish();
            if (!v->section(QStringLiteral("E")))
                return fail(tr("Vorlage %1 hat keinen Abschnitt E.").arg(id));
            VorlageDocument doc(*v);
            Vorlage proposal = *v;
            proposal.section(QStringLiteral("E"))->content = beteiligungProposal(*v, mWorkspace->ressorts());
            Commands::replaceSection(&doc, QStringLiteral("E"), proposal);
            return save(doc);
        } else {
            throw UsageError{tr("Unbekannter Unterbefehl: beteiligung %1").arg(sub)};
        }
        auto saved = mWorkspace->save(*v);
        if (!saved)
            return fail(saved.error());
        return ExitOk;
    }

    int listBeteiligung(qint64 id, bool json)
    {
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        QJsonArray array;
        for (int i = 0; i < v->beteiligung.size(); ++i) {
            const Participation &p = v->beteiligung[i];
            const QString name = participantName(*v, p, mWorkspace->ressorts());
            if (json) {
                array.append(QJsonObject{{QStringLiteral("ressort"), p.ressortKey},
                                         {QStringLiteral("name"), name},
                                         {QStringLiteral("state"), participationStateKey(p.state)},
                                         {QStringLiteral("date"), p.date.toString(Qt::ISODate)},
                                         {QStringLiteral("text"), p.text},
                                         {QStringLiteral("resolved"), p.resolved}});
                continue;
            }
            mOut << QStringLiteral("%1\t%2\t%3%4\t%5\t%6\n")
                        .arg(i + 1)
                        .arg(name, participationStateLabel(p.state),
                             p.state == Participation::State::Einwaende && p.resolved ? tr(" (ausgeräumt)") : QString(),
                             germanDate(p.date), p.text);
        }
        if (json)
            mOut << QJsonDocument(array).toJson();
        return ExitOk;
    }

    // diff ID V1 V2 [--pdf OUT]: V is a version number or "aktuell" (the current state).
    int diff(Args &args)
    {
        const QString pdf = args.option(QStringLiteral("--pdf"));
        const qint64 id = idArgument(args);
        const QString first = args.positional();
        const QString second = args.positional();
        args.finish();
        if (first.isEmpty() || second.isEmpty())
            throw UsageError{tr("diff braucht zwei Versionen (Nummer oder „aktuell“).")};
        const std::optional<Vorlage> current = openVorlage(id);
        if (!current)
            return ExitInputError;
        auto versionList = mWorkspace->versions(id);
        if (!versionList)
            return fail(versionList.error());
        const auto side = [&](const QString &text, VersionLabel *label) -> Result<Vorlage> {
            if (text == QLatin1String("aktuell") || text == QLatin1String("current")) {
                *label = VersionLabel{};
                return *current;
            }
            bool ok = false;
            const int number = text.toInt(&ok);
            if (!ok)
                throw UsageError{tr("„%1“ ist keine Versionsnummer.").arg(text)};
            for (const Workspace::VersionInfo &info : versionList.value()) {
                if (info.number == number)
                    *label = VersionLabel{info.number, info.name, info.created, info.author};
            }
            return mWorkspace->versionSnapshot(id, number);
        };
        VersionLabel beforeLabel, afterLabel;
        auto before = side(first, &beforeLabel);
        if (!before)
            return fail(before.error());
        auto after = side(second, &afterLabel);
        if (!after)
            return fail(after.error());
        const FigureValues figures = figuresOf(*current);
        if (!pdf.isEmpty()) {
            const PdfExporter exporter(mWorkspace->ressorts(), figures);
            auto bytes = exporter.comparisonBytes(before.value(), beforeLabel, after.value(), afterLabel);
            if (!bytes)
                return fail(bytes.error());
            if (auto r = PdfExporter::saveBytes(bytes.value(), pdf); !r)
                return fail(r.error());
            return ExitOk;
        }
        const VorlageDiff d = compareVorlagen(before.value(), after.value(), &mWorkspace->ressorts(), &figures, &figures);
        mOut << versionLabelText(beforeLabel) << " → " << versionLabelText(afterLabel) << '\n';
        for (const PlaceDiff &place : d.places) {
            if (!place.changed)
                continue;
            mOut << '\n' << place.label << '\n';
            // Plain text form: [-deleted-] and {+inserted+}, as wdiff prints them.
            QString line;
            for (const DiffRun &run : place.runs) {
                switch (run.kind) {
                case DiffRun::Kind::Equal:
                    line += run.text;
                    break;
                case DiffRun::Kind::Delete:
                    line += QStringLiteral("[-%1-]").arg(run.text);
                    break;
                case DiffRun::Kind::Insert:
                    line += QStringLiteral("{+%1+}").arg(run.text);
                    break;
                }
            }
            mOut << line << '\n';
        }
        if (!d.hasChanges())
            mOut << tr("Keine Unterschiede.") << '\n';
        return ExitOk;
    }

    int reviewPdf(Args &args)
    {
        const QString pdf = args.option(QStringLiteral("--pdf"));
        const qint64 id = idArgument(args);
        args.finish();
        if (pdf.isEmpty())
            throw UsageError{tr("review-pdf braucht --pdf DATEI.")};
        const std::optional<Vorlage> v = openVorlage(id);
        if (!v)
            return ExitInputError;
        auto annotations = mWorkspace->annotations(id);
        if (!annotations)
            return fail(annotations.error());
        auto bytes = PdfExporter(mWorkspace->ressorts(), figuresOf(*v)).reviewBytes(*v, annotations.value());
        if (!bytes)
            return fail(bytes.error());
        if (auto r = PdfExporter::saveBytes(bytes.value(), pdf); !r)
            return fail(r.error());
        return ExitOk;
    }

    // Publication to the Informationsregister.

    int publish(Args &args)
    {
        const QString out = args.option(QStringLiteral("--out"));
        const bool confirm = args.flag(QStringLiteral("--confirm-warnings"));
        const qint64 id = idArgument(args);
        args.finish();
        if (out.isEmpty())
            throw UsageError{tr("publish braucht --out ORDNER.")};
        if (!openWorkspace())
            return ExitInputError;
        Publisher publisher(*mWorkspace);
        auto checked = publisher.check(id);
        if (!checked)
            return fail(checked.error());
        for (const PublicationIssue &w : checked->warnings)
            mErr << tr("Warnung: %1").arg(w.message) << '\n';
        auto package = publisher.publish(id, out, confirm);
        if (!package) {
            if (!checked->refused() && !checked->warnings.isEmpty() && !confirm)
                return fail(tr("Vorlage %1 wird nicht veröffentlicht: prüfen Sie jede Warnung und bestätigen Sie mit "
                               "--confirm-warnings.")
                                .arg(id));
            return fail(package.error());
        }
        mOut << package->folder << '\n';
        return ExitOk;
    }

    int publishSession(Args &args)
    {
        const QString out = args.option(QStringLiteral("--out"));
        const bool confirm = args.flag(QStringLiteral("--confirm-warnings"));
        const QString dateText = args.positional();
        args.finish();
        if (out.isEmpty() || dateText.isEmpty())
            throw UsageError{tr("publish-session braucht DATUM und --out ORDNER.")};
        const QDate date = parseGermanDate(dateText);
        if (!date.isValid())
            throw UsageError{tr("„%1“ ist kein Datum.").arg(dateText)};
        if (!openWorkspace())
            return ExitInputError;
        Publisher publisher(*mWorkspace);
        auto result = publisher.publishSession(date, out, confirm, [this](int done, int total, const QString &title) {
            if (done < total)
                mErr << tr("[%1/%2] %3").arg(done + 1).arg(total).arg(title) << '\n';
            return true;
        });
        if (!result)
            return fail(result.error());
        for (const RegisterPackage &p : result->packages)
            mOut << p.folder << '\n';
        for (const Publisher::Failure &f : result->failures)
            mErr << tr("Fehler: Vorlage %1 („%2“): %3").arg(f.id).arg(f.title, f.message) << '\n';
        mOut << result->indexPath << '\n';
        return result->failures.isEmpty() ? ExitOk : ExitInputError;
    }

    // protected [list] | add NAME | remove NAME: names that must not appear in a publication.
    int protectedNames(Args &args)
    {
        const QString sub = args.positional();
        const QString name = args.positional();
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto names = mWorkspace->protectedPersons();
        if (!names)
            return fail(names.error());
        if (sub.isEmpty() || sub == QLatin1String("list")) {
            for (const QString &n : names.value())
                mOut << n << '\n';
            return ExitOk;
        }
        if (name.trimmed().isEmpty())
            throw UsageError{tr("protected %1 braucht einen Namen.").arg(sub)};
        QStringList list = names.value();
        if (sub == QLatin1String("add"))
            list << name.trimmed();
        else if (sub == QLatin1String("remove"))
            list.removeAll(name.trimmed());
        else
            throw UsageError{tr("Unbekannter Unterbefehl: protected %1").arg(sub)};
        if (auto r = mWorkspace->setProtectedPersons(list); !r)
            return fail(r.error());
        return ExitOk;
    }

    // Figures: numbers kept once in the workspace and quoted by key.

    int figure(Args &args)
    {
        const QString sub = args.positional();
        if (sub == QLatin1String("set"))
            return figureSet(args);
        if (sub == QLatin1String("list"))
            return figureList(args);
        if (sub == QLatin1String("show"))
            return figureShow(args);
        if (sub == QLatin1String("import"))
            return figureImport(args);
        if (sub == QLatin1String("export"))
            return figureExport(args);
        if (sub.isEmpty())
            throw UsageError{tr("figure braucht set, list, show, import oder export.")};
        throw UsageError{tr("Unbekannter Befehl: figure %1").arg(sub)};
    }

    // Who changed a figure, for its history: the profile's name, as in the app, else $USER.
    static QString who()
    {
        const UserProfile profile = UserProfile::load();
        if (profile.isComplete())
            return profile.name.trimmed();
        const QString user = qEnvironmentVariable("USER");
        return user.isEmpty() ? tr("unbekannt") : user;
    }

    // A value of the history as printed; values of another type (the figure's type changed) as stored.
    QString figureValueText(const Figure &figure, const QString &value) const
    {
        if (value.isEmpty())
            return QStringLiteral("–");
        Figure f = figure;
        f.value = value;
        if (!parseFigureValue(f.type, value))
            return value;
        return formatFigureValue(f, mWorkspace->numberStyle());
    }

    QJsonObject figureJson(const Figure &f) const
    {
        return QJsonObject{
            {QStringLiteral("key"), f.key},
            {QStringLiteral("label"), f.label},
            {QStringLiteral("type"), figureTypeKey(f.type)},
            {QStringLiteral("value"), f.value},
            {QStringLiteral("formatted"), formatFigureValue(f, mWorkspace->numberStyle())},
            {QStringLiteral("unit"), f.unit},
            {QStringLiteral("asOf"), f.asOf.toString(Qt::ISODate)},
            {QStringLiteral("source"), f.source},
            {QStringLiteral("ressort"), f.ressortKey},
            {QStringLiteral("note"), f.note},
            {QStringLiteral("millions"), f.millions},
        };
    }

    int figureSet(Args &args)
    {
        const auto textOption = [&args](const char *name) -> std::optional<QString> {
            const QString option = QString::fromLatin1(name);
            if (!args.has(option))
                return std::nullopt;
            return args.option(option);
        };
        const std::optional<QString> label = textOption("--label");
        const std::optional<QString> typeText = textOption("--type");
        const std::optional<QString> unit = textOption("--unit");
        const std::optional<QString> asOfText = textOption("--as-of");
        const std::optional<QString> source = textOption("--source");
        const std::optional<QString> ressortText = textOption("--ressort");
        const std::optional<QString> note = textOption("--note");
        const bool millions = args.flag(QStringLiteral("--millions"));
        const bool noMillions = args.flag(QStringLiteral("--no-millions"));
        const QString key = args.positional();
        const QString valueText = args.positional();
        if (key.isEmpty() || valueText.isEmpty())
            throw UsageError{tr("figure set braucht SCHLÜSSEL und WERT.")};
        if (millions && noMillions)
            throw UsageError{tr("--millions und --no-millions schließen einander aus.")};
        args.finish();

        if (!isValidFigureKey(key))
            return fail(tr("„%1“ ist kein gültiger Schlüssel (Kleinbuchstaben, Ziffern und Bindestriche, am Anfang "
                           "ein Buchstabe).")
                            .arg(key));
        FigureType type = FigureType::Integer;
        if (typeText && !figureTypeFromKey(*typeText, &type))
            return fail(tr("Unbekannter Typ „%1“ (möglich: integer, decimal, amount, percentage, date).").arg(*typeText));
        if (!openWorkspace())
            return ExitInputError;

        auto existing = mWorkspace->figure(key);
        const bool exists = existing.ok();
        Figure f = exists ? existing.value() : Figure{};
        f.key = key;
        if (!exists && (!label || label->trimmed().isEmpty()))
            return fail(tr("Die Zahl „%1“ ist neu und braucht eine Bezeichnung (--label).").arg(key));
        if (label) {
            if (label->trimmed().isEmpty())
                return fail(tr("Die Bezeichnung darf nicht leer sein."));
            f.label = *label;
        }
        if (typeText)
            f.type = type;
        else if (!exists)
            f.type = guessFigureType(valueText);
        auto value = parseFigureValue(f.type, valueText);
        if (!value)
            return fail(value.error());
        f.value = value.value();
        if (millions || noMillions)
            f.millions = millions;
        else if (f.type == FigureType::Amount && valueText.contains(QLatin1String("Mio")))
            f.millions = true; // "7,5 Mio. €" says how it is to be written
        if (f.type != FigureType::Amount)
            f.millions = false;
        if (millions && f.type != FigureType::Amount)
            return fail(tr("--millions gibt es nur für Beträge (--type amount)."));
        if (unit)
            f.unit = *unit;
        if (asOfText) {
            f.asOf = asOfText->trimmed().isEmpty() ? QDate() : parseGermanDate(*asOfText);
            if (!asOfText->trimmed().isEmpty() && !f.asOf.isValid())
                return fail(tr("--as-of: „%1“ ist kein Datum (erwartet wird z. B. 12.05.2020).").arg(*asOfText));
        }
        if (source)
            f.source = *source;
        if (ressortText) {
            const QString r = ressortText->trimmed();
            if (r.isEmpty() || mWorkspace->ressorts().hasKey(r)) {
                f.ressortKey = r;
            } else if (const QString byName = mWorkspace->ressorts().keyForName(r); !byName.isEmpty()) {
                f.ressortKey = byName;
            } else {
                return fail(tr("Unbekanntes Ressort „%1“ (Schlüssel: %2).")
                                .arg(r, mWorkspace->ressorts().keysOn(QDate::currentDate()).join(QStringLiteral(", "))));
            }
        }
        if (exists && f == existing.value()) {
            mOut << tr("Zahl %1 unverändert: %2").arg(key, formatFigureValue(f, mWorkspace->numberStyle())) << '\n';
            return ExitOk;
        }
        if (auto r = mWorkspace->setFigure(f, who()); !r)
            return fail(r.error());
        const QString shown = formatFigureValue(f, mWorkspace->numberStyle());
        if (!exists)
            mOut << tr("Zahl %1 angelegt: %2").arg(key, shown) << '\n';
        else if (existing->value != f.value)
            mOut << tr("Zahl %1 geändert: %2 → %3").arg(key, figureValueText(existing.value(), existing->value), shown) << '\n';
        else
            mOut << tr("Zahl %1 geändert (Wert wie bisher: %2)").arg(key, shown) << '\n';
        return ExitOk;
    }

    int figureList(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto figures = mWorkspace->figures();
        if (!figures)
            return fail(figures.error());
        if (json) {
            QJsonArray array;
            for (const Figure &f : figures.value())
                array.append(figureJson(f));
            mOut << QJsonDocument(array).toJson();
            return ExitOk;
        }
        const NumberStyle style = mWorkspace->numberStyle();
        for (const Figure &f : figures.value())
            mOut << QStringLiteral("%1\t%2\t%3\t%4\t%5\n")
                        .arg(f.key, formatFigureValue(f, style), f.unit, germanDate(f.asOf), f.label);
        return ExitOk;
    }

    int figureShow(Args &args)
    {
        const bool json = args.flag(QStringLiteral("--json"));
        const QString key = args.positional();
        if (key.isEmpty())
            throw UsageError{tr("figure show braucht einen SCHLÜSSEL.")};
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto f = mWorkspace->figure(key);
        if (!f)
            return fail(f.error());
        auto history = mWorkspace->figureHistory(key);
        if (!history)
            return fail(history.error());
        auto uses = mWorkspace->figureUses(key);
        if (!uses)
            return fail(uses.error());

        if (json) {
            QJsonObject object = figureJson(f.value());
            QJsonArray changes;
            for (const FigureChange &c : history.value())
                changes.append(QJsonObject{{QStringLiteral("old"), c.oldValue},
                                           {QStringLiteral("new"), c.newValue},
                                           {QStringLiteral("who"), c.who},
                                           {QStringLiteral("when"), c.when.toString(Qt::ISODate)}});
            object.insert(QStringLiteral("history"), changes);
            QJsonArray usesArray;
            for (const Workspace::FigureUse &u : uses.value())
                usesArray.append(QJsonObject{{QStringLiteral("vorlageId"), u.vorlageId},
                                             {QStringLiteral("title"), u.title},
                                             {QStringLiteral("section"), u.section}});
            object.insert(QStringLiteral("uses"), usesArray);
            mOut << QJsonDocument(object).toJson();
            return ExitOk;
        }

        const Figure &figure = f.value();
        mOut << tr("Zahl %1: %2").arg(figure.key, figure.label) << '\n';
        const auto line = [this](const QString &label, const QString &value) {
            if (!value.isEmpty())
                mOut << label << ": " << value << '\n';
        };
        line(tr("Typ"), figureTypeLabel(figure.type));
        line(tr("Wert"), formatFigureValue(figure, mWorkspace->numberStyle())
                             + (figure.unit.isEmpty() ? QString() : QLatin1Char(' ') + figure.unit));
        line(tr("Gespeichert"), figure.value);
        line(tr("Stand"), germanDate(figure.asOf));
        line(tr("Quelle"), figure.source);
        if (!figure.ressortKey.isEmpty()) {
            const QString name = mWorkspace->ressorts().nameOn(figure.ressortKey, QDate());
            line(tr("Ressort"), name.isEmpty() ? figure.ressortKey : QStringLiteral("%1 (%2)").arg(name, figure.ressortKey));
        }
        line(tr("Notiz"), figure.note);
        if (figure.type == FigureType::Amount)
            line(tr("In Millionen"), figure.millions ? tr("ja") : tr("nein"));

        mOut << '\n' << tr("Verlauf:") << '\n';
        if (history->isEmpty())
            mOut << "  " << tr("keine Änderungen") << '\n';
        for (const FigureChange &c : history.value())
            mOut << "  "
                 << tr("%1 → %2, %3, %4")
                        .arg(figureValueText(figure, c.oldValue), figureValueText(figure, c.newValue), c.who,
                             c.when.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm")))
                 << '\n';
        mOut << '\n' << tr("Verwendet in:") << '\n';
        if (uses->isEmpty())
            mOut << "  " << tr("keiner Vorlage") << '\n';
        for (const Workspace::FigureUse &u : uses.value())
            mOut << "  " << tr("Vorlage %1 „%2“, Abschnitt %3").arg(u.vorlageId).arg(u.title, u.section) << '\n';
        return ExitOk;
    }

    int figureImport(Args &args)
    {
        const QString file = args.positional();
        if (file.isEmpty())
            throw UsageError{tr("figure import braucht eine CSV-DATEI.")};
        args.finish();
        QFile input(file);
        if (!input.open(QIODevice::ReadOnly))
            return fail(tr("%1 kann nicht gelesen werden: %2").arg(file, input.errorString()));
        const QByteArray bytes = input.readAll();
        if (!openWorkspace())
            return ExitInputError;
        QList<CsvProblem> problems;
        auto read = readFigureCsv(bytes, &problems, &mWorkspace->ressorts());
        if (!read) {
            for (const CsvProblem &p : problems)
                mErr << tr("%1:%2: Fehler: %3").arg(file).arg(p.line).arg(p.message) << '\n';
            const int lines = problemLineCount(problems);
            return fail(lines == 1 ? tr("Eine fehlerhafte Zeile in %1; es wurde nichts eingelesen.").arg(file)
                                   : tr("%1 fehlerhafte Zeilen in %2; es wurde nichts eingelesen.").arg(lines).arg(file));
        }
        auto stored = mWorkspace->figures();
        if (!stored)
            return fail(stored.error());
        QHash<QString, Figure> before;
        for (const Figure &f : stored.value())
            before.insert(f.key, f);
        QList<Figure> changed;
        int added = 0;
        int updated = 0;
        for (const Figure &f : read.value()) {
            const auto old = before.constFind(f.key);
            if (old == before.cend())
                ++added;
            else if (old.value() != f)
                ++updated;
            else
                continue;
            changed.append(f);
        }
        if (auto r = mWorkspace->setFigures(changed, who()); !r)
            return fail(tr("%1: %2 Es wurde nichts eingelesen.").arg(file, r.error()));
        mOut << tr("%1 Zahlen eingelesen: %2 neu, %3 geändert, %4 unverändert.")
                    .arg(read->size())
                    .arg(added)
                    .arg(updated)
                    .arg(read->size() - added - updated)
             << '\n';
        return ExitOk;
    }

    static int problemLineCount(const QList<CsvProblem> &problems)
    {
        QSet<int> lines;
        for (const CsvProblem &p : problems)
            lines.insert(p.line);
        return int(lines.size());
    }

    int figureExport(Args &args)
    {
        const QString file = args.positional();
        if (file.isEmpty())
            throw UsageError{tr("figure export braucht eine CSV-DATEI.")};
        args.finish();
        if (!openWorkspace())
            return ExitInputError;
        auto figures = mWorkspace->figures();
        if (!figures)
            return fail(figures.error());
        QSaveFile out(file);
        if (!out.open(QIODevice::WriteOnly))
            return fail(writeFailureMessage(file, out.errorString()));
        out.write(writeFigureCsv(figures.value()));
        if (!out.commit())
            return fail(writeFailureMessage(file, out.errorString()));
        mOut << tr("%1 Zahlen nach %2 geschrieben.").arg(figures->size()).arg(QDir::toNativeSeparators(file)) << '\n';
        return ExitOk;
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
