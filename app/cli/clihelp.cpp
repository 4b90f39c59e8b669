#include "clihelp.h"

#include <QCoreApplication>
#include <QTextStream>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::CliHelp", text);
}

constexpr int summaryColumn = 29;

// clang-format off
const QList<CliCommandHelp> commandTable = {
    {"init",
     QT_TRANSLATE_NOOP("vw::CliHelp", "init"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "leeren Arbeitsbereich anlegen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Legt den mit --workspace genannten Arbeitsbereich (ohne --workspace den Standard-Arbeitsbereich)\n"
        "neu und leer an. Einen vorhandenen Arbeitsbereich lässt init unverändert und meldet einen Fehler.")},
    {"import",
     QT_TRANSLATE_NOOP("vw::CliHelp", "import DATEI"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Vorlage aus Text oder PDF einlesen; gibt zuletzt ihre Nummer aus"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Liest eine Vorlage aus einer Textdatei (Markdown-ähnlich oder Ausgabe von pdftotext) oder aus\n"
        "einer PDF-Datei und legt sie im Arbeitsbereich an. Die letzte Zeile der Ausgabe ist die Nummer\n"
        "der neuen Vorlage. Zeilen, die keinem Feld zugeordnet werden konnten, erscheinen als Warnungen\n"
        "mit Zeilennummer.")},
    {"list",
     QT_TRANSLATE_NOOP("vw::CliHelp", "list [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Vorlagen des Arbeitsbereichs auflisten"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Eine Zeile je Vorlage, durch Tabulatoren getrennt: Nummer, Sitzungsdatum, Art, Ressort, Status,\n"
        "Titel. Mit --json ein JSON-Array mit denselben Angaben.")},
    {"search",
     QT_TRANSLATE_NOOP("vw::CliHelp", "search SUCHE [--kind ART] [--status STATUS] [--ressort RESSORT]\n"
                                      "       [--from DATUM] [--to DATUM] [--decided] [--published] [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "im Text aller Vorlagen suchen (Rückgabewert 1 ohne Treffer)"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Sucht in Titel, Untertitel, Bezug, Abschnitten, Fragen, Antworten, Beschlusspunkten, Beteiligung,\n"
        "Anlagen und den Namen der zitierten Zahlen, mit den Zahlen, wie sie gedruckt werden. Alle Wörter\n"
        "müssen vorkommen; „Homeoff*“ sucht nach dem Wortanfang, \"mobile Arbeit\" (in Anführungszeichen,\n"
        "für die Shell in einfachen) nach den Wörtern in dieser Folge. Groß- und Kleinschreibung zählen\n"
        "nicht, ä gilt wie ae, ö wie oe, ü wie ue, ß wie ss. Eine Zeile je Fundstelle, die beste zuerst,\n"
        "durch Tabulatoren getrennt: Nummer, Sitzungsdatum, Titel, Stelle, Ausschnitt mit den gefundenen\n"
        "Wörtern in »…«. --kind und --status nehmen die Schlüssel von list --json, --ressort einen\n"
        "Schlüssel oder Namen (federführend oder beteiligt), --from und --to ein Sitzungsdatum (12.05.2020\n"
        "oder 2020-05-12, jeweils einschließlich); --decided: nur beschlossene und veröffentlichte,\n"
        "--published: nur veröffentlichte. Mit --json ein JSON-Array (place, placeLabel, snippet mit »…«,\n"
        "text ohne Markierung, highlights als [Anfang, Länge] in text, rank: kleiner ist besser).\n"
        "Rückgabewert 0 mit Treffern, 1 ohne.")},
    {"show",
     QT_TRANSLATE_NOOP("vw::CliHelp", "show ID [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Kopfdaten und Abschnitte einer Vorlage zeigen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Zeigt die Kopfdaten und die Abschnitte A bis G als Text; mit --json die ganze Vorlage als JSON,\n"
        "mit den aktuellen Werten der zitierten Zahlen.")},
    {"export",
     QT_TRANSLATE_NOOP("vw::CliHelp", "export ID --pdf DATEI [--force]\n"
                                      "export --all --out ORDNER"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Vorlage oder alle Vorlagen als PDF exportieren"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Schreibt die Vorlage als PDF/A-1b. Hat sie Fehler (siehe check), wird sie nur mit --force\n"
        "exportiert. Mit --all wird jede Vorlage als eigene Datei in ORDNER geschrieben; scheitert eine,\n"
        "werden die anderen trotzdem geschrieben und der Rückgabewert ist 1.")},
    {"check",
     QT_TRANSLATE_NOOP("vw::CliHelp", "check ID"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Probleme der Vorlage zeigen (Rückgabewert 1 bei Fehlern)"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Prüft die Vorlage wie die App: fehlende Pflichtangaben, unbekannte oder veraltete Zahlen und\n"
        "Ähnliches. Eine Zeile je Problem; Rückgabewert 1, wenn mindestens ein Fehler dabei ist.")},
    {"set",
     QT_TRANSLATE_NOOP("vw::CliHelp", "set ID FELD WERT"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "ein Kopffeld ändern"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "FELD ist eines von: kind, paperKind, date, sessionDate, body, questionNumber, title, subtitle,\n"
        "references, fileCode, ressorts, fraktion, askedOn, signatories. Daten im Format 12.05.2020;\n"
        "Listen durch Semikolon getrennt.")},
    {"section",
     QT_TRANSLATE_NOOP("vw::CliHelp", "section ID BUCHSTABE --text-file DATEI"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "einen Abschnitt durch Text in der Form von import ersetzen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Ersetzt den Abschnitt BUCHSTABE (A bis G) durch den Inhalt der Textdatei, geschrieben wie bei\n"
        "import (Absätze, Listen mit „-“ oder „1.“, Zahlen als {{schlüssel}}).")},
    {"figure set",
     QT_TRANSLATE_NOOP("vw::CliHelp", "figure set SCHLÜSSEL WERT [--label TEXT] [--type TYP] [--unit EINHEIT]\n"
                                      "           [--as-of DATUM] [--source QUELLE] [--ressort RESSORT]\n"
                                      "           [--note NOTIZ] [--millions | --no-millions]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "eine Zahl anlegen oder ändern"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Nicht genannte Felder bleiben, wie sie sind; eine leere Angabe leert ein Feld. Neue Zahlen\n"
        "brauchen --label. TYP: integer, decimal, amount, percentage, date; ohne --type richtet er sich\n"
        "nach dem Wert: „12,5 %“ Prozent, „7,5 Mio. €“ Betrag, „12.05.2020“ Datum, sonst ganze Zahl\n"
        "oder Dezimalzahl.")},
    {"figure list",
     QT_TRANSLATE_NOOP("vw::CliHelp", "figure list [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Zahlen des Arbeitsbereichs auflisten"),
     ""},
    {"figure show",
     QT_TRANSLATE_NOOP("vw::CliHelp", "figure show SCHLÜSSEL [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "eine Zahl mit Verlauf und Verwendungen zeigen"),
     ""},
    {"figure import",
     QT_TRANSLATE_NOOP("vw::CliHelp", "figure import DATEI.csv"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Zahlen aus CSV einlesen: alle oder, bei einer fehlerhaften Zeile, keine"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Spalten wie bei figure export; Semikolon oder Komma als Trenner, UTF-8 oder Latin-1.")},
    {"figure export",
     QT_TRANSLATE_NOOP("vw::CliHelp", "figure export DATEI.csv"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "alle Zahlen als CSV schreiben"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Semikolon, UTF-8; Spalten Schlüssel;Bezeichnung;Typ;Wert;Einheit;Stand;Quelle;Ressort;Notiz;Mio.")},

    // Review (#5)
    {"annotate",
     QT_TRANSLATE_NOOP("vw::CliHelp", "annotate ID (--section BUCHSTABE | --field title|subtitle) --quote TEXT\n"
                                      "         (--comment TEXT | --suggest ERSATZ) [--author NAME] [--occurrence N]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "eine Textstelle kommentieren oder eine Änderung vorschlagen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Verankert einen Kommentar (oder mit --suggest einen Änderungsvorschlag) an der Stelle des\n"
        "Abschnitts oder Kopffelds, an der TEXT steht; zum Abschnitt gehören die Fragen, Antworten und\n"
        "Beschlusspunkte, die in ihm stehen, und Zahlen zählen mit ihrem Wert. Kommt TEXT mehrfach vor,\n"
        "wählt --occurrence N das N-te Vorkommen. Ohne --author gilt der Name aus dem Benutzerprofil. Die letzte Zeile der Ausgabe\n"
        "ist die Nummer des Kommentars. Beschlossene Vorlagen nehmen keine Kommentare mehr an.")},
    {"annotations",
     QT_TRANSLATE_NOOP("vw::CliHelp", "annotations ID [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Kommentare und Vorschläge einer Vorlage auflisten"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Mit Stelle, zitiertem Text, Verfasser, Zustand (offen, erledigt; Vorschlag offen, angenommen,\n"
        "abgelehnt) und Antworten. Ist der Text gelöscht, steht „Text nicht mehr vorhanden“ dabei.")},
    {"reply",
     QT_TRANSLATE_NOOP("vw::CliHelp", "reply KOMMENTAR --text TEXT"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "auf einen Kommentar antworten; gibt die Nummer der Antwort aus"),
     ""},
    {"resolve",
     QT_TRANSLATE_NOOP("vw::CliHelp", "resolve KOMMENTAR [--reopen]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "einen Kommentar als erledigt markieren oder wieder öffnen"),
     ""},
    {"accept",
     QT_TRANSLATE_NOOP("vw::CliHelp", "accept VORSCHLAG"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "einen Änderungsvorschlag annehmen: der Text wird ersetzt"),
     ""},
    {"reject",
     QT_TRANSLATE_NOOP("vw::CliHelp", "reject VORSCHLAG"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "einen Änderungsvorschlag ablehnen (auch nach dem Beschluss)"),
     ""},
    {"version",
     QT_TRANSLATE_NOOP("vw::CliHelp", "version ID --name NAME"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "eine Fassung der Vorlage festhalten; gibt ihre Nummer aus"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Hält den aktuellen Stand (Kopf, Abschnitte, Zahlenwerte, Beteiligung, Anlagen) unveränderlich\n"
        "unter NAME fest, zum Beispiel „zur Mitzeichnung“.")},
    {"versions",
     QT_TRANSLATE_NOOP("vw::CliHelp", "versions ID [--json]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "die Fassungen einer Vorlage auflisten"),
     ""},
    {"restore",
     QT_TRANSLATE_NOOP("vw::CliHelp", "restore ID VERSION"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "eine Fassung als neuen Entwurf anlegen; gibt dessen Nummer aus"),
     ""},
    {"diff",
     QT_TRANSLATE_NOOP("vw::CliHelp", "diff ID V1 V2 [--pdf DATEI]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "zwei Fassungen Abschnitt für Abschnitt vergleichen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "V1 und V2 sind Nummern von Fassungen oder „aktuell“. Zeigt je geänderter Stelle [-Streichungen-]\n"
        "und {+Einfügungen+}; mit --pdf als PDF, Einfügungen unterstrichen, Streichungen durchgestrichen.")},
    {"status",
     QT_TRANSLATE_NOOP("vw::CliHelp", "status ID [STATUS] [--session-date DATUM] [--outcome ERGEBNIS] [--force]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "den Status einer Vorlage zeigen oder ändern"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Ohne STATUS: der Status und sein Verlauf. STATUS: entwurf, in-abstimmung, beschlussreif,\n"
        "beschlossen (veröffentlicht wird mit publish). Für beschlossen gehören --session-date und\n"
        "--outcome (unveraendert, geaendert, zurueckgestellt) dazu; zurückgestellte Vorlagen bleiben\n"
        "beschlussreif. Jeder Wechsel hält automatisch eine Fassung fest; eine beschlossene Vorlage ist\n"
        "schreibgeschützt. Sind noch Änderungsvorschläge, Kommentare oder Einwände offen, die später die\n"
        "Veröffentlichung verhindern, wird beschlussreif und beschlossen verweigert; --force wechselt\n"
        "trotzdem.")},
    {"neufassung",
     QT_TRANSLATE_NOOP("vw::CliHelp", "neufassung ID"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Neufassung einer beschlossenen Vorlage anlegen; gibt ihre Nummer aus"),
     ""},
    {"beteiligung",
     QT_TRANSLATE_NOOP("vw::CliHelp", "beteiligung ID [list] [--json]\n"
                                      "beteiligung ID add STELLE [--state ZUSTAND] [--date DATUM] [--text TEXT]\n"
                                      "beteiligung ID set N ZUSTAND [--date DATUM] [--text TEXT]\n"
                                      "beteiligung ID resolve N | remove N | attach N | propose"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "beteiligte Ressorts und Stellen zeigen und pflegen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "STELLE ist ein Ressort-Schlüssel oder -Name oder ein freier Name (etwa „Gesamtpersonalrat“);\n"
        "N ist die Nummer des Eintrags in der Liste. ZUSTAND: angefragt, zugestimmt, massgabe (zugestimmt\n"
        "mit Maßgabe), einwaende; bei Maßgabe und Einwänden gehört der Text mit --text dazu. resolve:\n"
        "Einwände ausgeräumt (auch nach dem Beschluss); attach: Einwände als interne Anlage; propose:\n"
        "Abschnitt E aus der Beteiligung vorschlagen.")},
    {"review-pdf",
     QT_TRANSLATE_NOOP("vw::CliHelp", "review-pdf ID --pdf DATEI"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Prüfexemplar mit Wasserzeichen, Kommentaren und Beteiligung"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Nur für den internen Gebrauch: „Entwurf – nicht zur Veröffentlichung“.")},

    // Publication (#6)
    {"publish",
     QT_TRANSLATE_NOOP("vw::CliHelp", "publish ID --out ORDNER [--confirm-warnings]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "das Paket für das Informationsregister schreiben"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Nur für beschlossene Vorlagen: schreibt die öffentliche PDF (beschlossene Fassung, PDF/A-1b),\n"
        "die Metadaten als JSON, OParl-Paper und -File sowie die Textfassung nach ORDNER. Gründe, die\n"
        "eine Veröffentlichung verhindern, werden alle aufgezählt. Warnungen (etwa personenbezogene\n"
        "Daten) müssen mit --confirm-warnings bestätigt werden. Danach ist die Vorlage veröffentlicht.")},
    {"publish-session",
     QT_TRANSLATE_NOOP("vw::CliHelp", "publish-session DATUM --out ORDNER [--confirm-warnings]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "alle beschlossenen Vorlagen einer Sitzung veröffentlichen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Schreibt für jede beschlossene Vorlage der Sitzung am DATUM ein Paket und index.json nach\n"
        "ORDNER. Scheitert eine Vorlage, wird das gemeldet; die anderen werden trotzdem geschrieben.")},
    {"protected",
     QT_TRANSLATE_NOOP("vw::CliHelp", "protected [list] | add NAME | remove NAME"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Namen, die in keiner Veröffentlichung stehen dürfen"),
     ""},

    {"copy",
     QT_TRANSLATE_NOOP("vw::CliHelp", "copy VON NACH"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Arbeitsbereich zwischen Datei und Server kopieren, danach vergleichen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Kopiert jede Zeile des Arbeitsbereichs VON (eine Datei oder ein Server: postgresql://server/datenbank,\n"
        "service=NAME) nach NACH, mit Nummern, Fassungen, Verlauf, Kommentaren und Anlagen, in einem Schritt,\n"
        "und vergleicht danach beide Seiten Tabelle für Tabelle. NACH muss ein neuer, leerer Arbeitsbereich\n"
        "sein. Weichen die Seiten ab, wird nichts kopiert. VON wird nur gelesen.")},

    {"server",
     QT_TRANSLATE_NOOP("vw::CliHelp", "server init [--admin ANMELDENAME --name NAME] | migrate | user add ANMELDENAME --name NAME --role ROLLE [--ressort KÜRZEL] | user remove ANMELDENAME | user list"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "einen Arbeitsbereich auf einem Server einrichten und Personen eintragen"),
     QT_TRANSLATE_NOOP("vw::CliHelp",
        "Für die Verwaltung des Arbeitsbereichs, mit --workspace postgresql://server/datenbank.\n"
        "init legt die Rollen und das Schema an (als Superuser der IT) und trägt mit --admin die erste\n"
        "Verwaltung ein; migrate bringt das Schema auf den Stand dieses Programms. user add trägt eine\n"
        "Anmeldung mit ihrer Rolle ein: reviewer (prüft für ihr Ressort), clerk (bearbeitet die Vorlagen\n"
        "ihres Ressorts), senatskanzlei (beschließt und veröffentlicht) oder admin. Ein Passwort setzt die\n"
        "IT mit psql \\password; mit Kerberos braucht es keins. Was eine Rolle nicht darf, lehnt der\n"
        "Server ab. Siehe docs/server.md.")},

    {"help",
     QT_TRANSLATE_NOOP("vw::CliHelp", "help [BEFEHL]"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "diese Übersicht oder die Hilfe zu einem Befehl zeigen"),
     QT_TRANSLATE_NOOP("vw::CliHelp", "Gleichwertig: vorlagenwerk-cli BEFEHL --help.")},
};
// clang-format on

QString indented(const QString &text, int by)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(QString(by, QLatin1Char(' ')));
    return lines.join(QLatin1Char('\n'));
}

QString footer()
{
    return tr("Ohne --workspace gilt der Standard-Arbeitsbereich der App.\n"
              "Rückgabewerte: 0 Erfolg, 1 Fehler in Eingabe oder Arbeitsbereich, 2 falscher Aufruf.\n");
}

QString helpOf(const CliCommandHelp &c)
{
    const QString prefix = tr("Aufruf: vorlagenwerk-cli [--workspace PFAD] ");
    QString text = prefix + tr(c.synopsis).replace(QLatin1Char('\n'), QLatin1Char('\n') + QString(prefix.size(), QLatin1Char(' ')))
                   + QStringLiteral("\n\n") + tr(c.summary) + QLatin1Char('.') + QLatin1Char('\n');
    if (*c.details)
        text += QLatin1Char('\n') + tr(c.details) + QLatin1Char('\n');
    return text;
}

} // namespace

const QList<CliCommandHelp> &cliCommands()
{
    return commandTable;
}

QString cliUsage()
{
    QString text = tr("Aufruf: vorlagenwerk-cli [--workspace PFAD] BEFEHL …\n"
                      "       vorlagenwerk-cli help BEFEHL | --help | --version\n\nBefehle:\n");
    for (const CliCommandHelp &c : commandTable) {
        const QStringList lines = tr(c.synopsis).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QString line = QStringLiteral("  ") + lines[i];
            if (i == lines.size() - 1) {
                if (line.size() < summaryColumn)
                    line = line.leftJustified(summaryColumn, QLatin1Char(' '));
                else
                    line += QLatin1Char('\n') + QString(summaryColumn, QLatin1Char(' '));
                line += tr(c.summary);
            }
            text += line + QLatin1Char('\n');
        }
    }
    return text + QLatin1Char('\n') + footer();
}

std::optional<QString> cliCommandUsage(const QString &name)
{
    const QString wanted = name.simplified();
    for (const CliCommandHelp &c : commandTable) {
        if (QLatin1String(c.name) == wanted)
            return helpOf(c);
    }
    // A group such as "figure": every subcommand.
    QString group;
    for (const CliCommandHelp &c : commandTable) {
        if (QString::fromLatin1(c.name).startsWith(wanted + QLatin1Char(' '))) {
            if (group.isEmpty())
                group = tr("Aufruf: vorlagenwerk-cli [--workspace PFAD] %1 …\n").arg(wanted);
            group += QLatin1Char('\n') + indented(tr(c.synopsis), 2) + QLatin1Char('\n') + QStringLiteral("    ")
                     + tr(c.summary) + QLatin1Char('\n');
        }
    }
    if (group.isEmpty())
        return std::nullopt;
    return group;
}

std::optional<int> handleCliHelp(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QStringList words;
    bool helpFlag = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--workspace")) {
            ++i; // its value is not a command
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            helpFlag = true;
        } else if (!a.startsWith(QLatin1String("--"))) {
            words << a;
        }
    }
    const bool helpCommand = !words.isEmpty() && words.first() == QLatin1String("help");
    if (!helpFlag && !helpCommand)
        return std::nullopt;
    if (helpCommand)
        words.removeFirst();
    if (words.isEmpty()) {
        out << cliUsage();
        return 0;
    }
    // "figure set 3 --help": the longest known name among the leading words.
    for (qsizetype n = qMin<qsizetype>(words.size(), 2); n >= 1; --n) {
        const QString name = words.mid(0, n).join(QLatin1Char(' '));
        if (n == 2 && !cliCommandUsage(name))
            continue;
        if (auto usage = cliCommandUsage(name)) {
            out << *usage;
            return 0;
        }
    }
    err << tr("Fehler: %1").arg(tr("Unbekannter Befehl: %1").arg(words.first())) << '\n' << '\n' << cliUsage();
    return 2;
}

} // namespace vw
