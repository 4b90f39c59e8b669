#pragma once

#include "place.h"
#include "ressorts.h"
#include "vorlage.h"

#include <QList>
#include <QString>

namespace vw {

// One finding of validate(). Warnings let the export through; errors stop it.
struct Problem {
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    Place place; // where a click jumps to
    QString message; // German, complete on its own: names the section, question, Ressort or dates
    // A number typed in the text that equals a figure's value: the typed text and the figure's key,
    // so that the panel can offer to turn it into a quote (applyFigureSuggestion()).
    QString typedNumber{};
    QString suggestedFigure{};

    bool operator==(const Problem &) const = default;
};

// A number typed in an imported Vorlage that could become a figure: what was typed, the words around it,
// where it stands, and a proposal for the figure (key from the words after it, type from € or %).
struct NumberCandidate {
    QString typed;
    QString context;
    Place place;
    Figure proposal;
};
// Every typed number of the Vorlage except dates, list numbers and numbers already quoted; one entry per
// distinct value. Keys are unique among themselves and against `existing`.
QList<NumberCandidate> numberCandidates(const Vorlage &vorlage, const FigureValues &existing);
// Turns the chosen candidates into quotes of their (new) figures in the Vorlage.
void quoteCandidates(Vorlage &vorlage, const QList<NumberCandidate> &chosen);

// Replaces the typed number a suggestion names, at its place, by a quote of the suggested figure.
// Returns false when the number is no longer there.
bool applyFigureSuggestion(Vorlage &vorlage, const Problem &suggestion);

// Checks a Vorlage for what would make it unfit to submit. Cheap enough to run on every keystroke:
// regular expressions are compiled once, the template's section list is read once per kind.
// Problems come in document order: header, then the sections with their questions, answers and
// Beschluss items, then template sections that are missing altogether.
//
// Rules and severities:
//   Header
//     Error   title empty
//     Error   no submitting Ressort
//     Error   a Ressort key unknown to the table, or known but without a name valid on the Vorlage date
//     Error   a Ressort with neither key nor name
//     Warning a Ressort with a name but no key ("nicht in der Ressorttabelle": printed as typed)
//     Error   Vorlage date missing; session date missing; session date before the Vorlage date
//     Warning question number not of the form "L 11" / "S 7"; a Fragestunde without question number
//   Sections (every section of the kind's template; Vorträge der Senatskanzlei have no A–G and only
//   get a warning per empty Vortrag). Empty = no text and no questions/answers/Beschluss items to print.
//     Error   A, B, D or G empty or missing (D: the gender assessment is never left out)
//     Warning C, E or F empty or missing (often one sentence, but it should be there)
//     Error   D has text, but none of it is a gender assessment (Gender, Geschlecht, Gleichstellung,
//             Frauen, Männer …)
//   Questions (Fragestunde; Anfrage kinds when they have questions)
//     Error   a Fragestunde without questions (unless A is already reported empty)
//     Error   a question without text
//     Error   a question without an answer (Fragestunde, or any Vorlage whose sections print answers)
//   Beschluss (kinds whose template has a Beschluss section)
//     Error   no Beschluss item (unless G is already reported empty)
//     Error   an item without text; an item without a recognisable verb (see beschlussVerb())
//     Warning an item whose due date (the dueDate field, or "bis zum <Datum>" in the sentence) lies
//             before the session date
//     Warning an item addressed to a Ressort that is unknown or has no name valid on the Vorlage date
//   Leftovers (title, sections, questions, answers, Beschluss items; the typed text, quotes left out)
//     Error   "{{" that is no quote: it would print as typed, like a quote of an unknown figure
//     Warning "}}" without "{{"
//     Warning a "…" placeholder not filled in (of a standard wording or a new Beschluss item);
//             "[…]" and "(…)", omissions in quotations, do not count
//   Figures (with `figures` given)
//     Error   a quote of a figure the workspace does not have (names the key); export refuses it
//     Warning a quoted figure whose as-of date lies more than figures->maxAgeDays() before the Vorlage date
//     Warning a number typed in the text that equals the value of a figure (with a suggestion to quote it)
QList<Problem> validate(const Vorlage &vorlage, const RessortTable &ressorts, const FigureValues *figures = nullptr);

bool hasErrors(const QList<Problem> &problems);
int errorCount(const QList<Problem> &problems);
int warningCount(const QList<Problem> &problems);

// "Fehler" / "Warnung".
QString severityLabel(Problem::Severity severity);
// One line for `vorlagenwerk-cli check`: "Fehler: Abschnitt D: Die Gender-Prüfung fehlt."
QString problemLine(const Problem &problem);
// "2 Fehler, 1 Warnung", "1 Warnung", "Keine Probleme".
QString problemSummary(const QList<Problem> &problems);
// What an export says when it refuses: the summary and one problemLine() per error. Empty without errors.
QString errorReport(const QList<Problem> &problems);

// The verb of a Beschluss sentence, from the small set Senate decisions use.
enum class BeschlussVerb { None, Kenntnis, Zustimmung, Beschluss, Bitte, Auftrag, Begruessung };

// Finds the first finite decision verb in a German sentence, whatever the subject ("Der Senat",
// "Die Deputation", "Senat und Magistrat"): nimmt/nehmen … (zur) Kenntnis; stimmt/stimmen … zu;
// beschließt/beschließen; bittet/bitten; beauftragt/beauftragen; begrüßt/begrüßen. Infinitives
// ("zu beschließen"), passives and reports ("wird beauftragt", "hat … begrüßt"), nouns ("Bitte",
// "Kenntnisnahme") do not count.
BeschlussVerb beschlussVerb(const QString &sentence);
// "nimmt … zur Kenntnis", "stimmt … zu", "beschließt", …; for None "kein Beschlussverb".
QString beschlussVerbLabel(BeschlussVerb verb);
// The six verbs, without None, in the order of the label list above.
QList<BeschlussVerb> allBeschlussVerbs();
// A sentence to start a new item with, the object left as "…": "Der Senat nimmt … zur Kenntnis.".
// The verb is in the third person singular; beschlussVerb() recognises every template.
QString beschlussSentence(BeschlussVerb verb, const QString &subject = QStringLiteral("Der Senat"));

} // namespace vw
