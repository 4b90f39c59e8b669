#pragma once

#include "result.h"
#include "richtext.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace vw {

enum class VorlageKind {
    Beschlussvorlage,
    Fragestunde,
    KleineAnfrage,
    GrosseAnfrage,
    Gesetzentwurf,
    Bericht,
    SenatskanzleiVortraege,
    Deputation,
};

enum class PaperKind { Vorlage, Tischvorlage, Neufassung };

// The way of a Vorlage through the Senate. Only the next (or, before the decision, the previous) step
// is allowed; see statusTransitionAllowed().
enum class Status { Entwurf, InAbstimmung, Beschlussreif, Beschlossen, Veroeffentlicht };

// What the Senate did with the Vorlage in its session. A deferred one (Zurueckgestellt) is not decided:
// it stays Beschlussreif.
enum class Outcome { Keins, Unveraendert, Geaendert, Zurueckgestellt };

// Stable keys (stored in the workspace, used on the command line and in JSON) and German labels.
QString kindKey(VorlageKind kind);
QString kindLabel(VorlageKind kind);
bool kindFromKey(const QString &key, VorlageKind *kind);
QList<VorlageKind> allKinds();

QString paperKindKey(PaperKind kind);
QString paperKindLabel(PaperKind kind);
bool paperKindFromKey(const QString &key, PaperKind *kind);

QString statusKey(Status status);
QString statusLabel(Status status);
bool statusFromKey(const QString &key, Status *status);
QList<Status> allStatuses();
bool statusTransitionAllowed(Status from, Status to);
// Decided and published Vorlagen are read-only: a change needs a Neufassung.
inline bool isReadOnly(Status status) { return status == Status::Beschlossen || status == Status::Veroeffentlicht; }

QString outcomeKey(Outcome outcome);
QString outcomeLabel(Outcome outcome);
bool outcomeFromKey(const QString &key, Outcome *outcome);

// A submitting Ressort. `key` points into the workspace's dated Ressort table; `name` is the
// name as written when no table entry is known (an imported name we could not match).
struct RessortRef {
    QString key;
    QString name;
    bool lead = false;

    bool operator==(const RessortRef &) const = default;
};

struct Section {
    QString label;   // "A" … "G"; "1", "2", … for Vorträge der Senatskanzlei
    QString heading; // "Problem", from the kind's template
    Content content;

    bool operator==(const Section &) const = default;
};

// A numbered question of a Fragestunde (or Anfrage) with its answer ("Zu Frage N:" in B).
struct Question {
    QString id; // stable across reordering
    Paragraph text;
    Content answer;

    bool operator==(const Question &) const = default;
};

// One sentence of the proposed decision in G ("Der Senat stimmt … zu."). Later Vorlagen quote it,
// so it keeps a stable id. The sentence is the truth; the addressed Ressort and the date it names
// ("bittet die Senatorin …, bis zum 30.06.2021 zu berichten") are kept beside it for follow-up.
struct BeschlussItem {
    QString id;
    Paragraph text;
    QString ressortKey; // optional
    QDate dueDate;      // optional
    // Taken word for word from a decided Vorlage's Beschluss (a search result's "übernehmen"): that Vorlage's
    // id and the item's stable id there. 0 and empty for an item written here.
    qint64 quotedFromVorlage = 0;
    QString quotedFromItem{};

    bool operator==(const BeschlussItem &) const = default;
};

// One Ressort or body involved in the Vorlage (Beteiligung, Mitzeichnung): from the dated Ressort table
// (`ressortKey`) or a free entry such as "Magistrat Bremerhaven" (`name` only).
struct Participation {
    enum class State { Angefragt, Zugestimmt, ZugestimmtMitMassgabe, Einwaende };

    QString id; // stable
    QString ressortKey;
    QString name;
    State state = State::Angefragt;
    QDate date;      // of the request or the answer
    QString text;    // the Maßgabe or the objection
    bool resolved = false; // an objection that has been settled

    bool isOpenObjection() const { return state == State::Einwaende && !resolved; }
    bool operator==(const Participation &) const = default;
};

QString participationStateKey(Participation::State state);
QString participationStateLabel(Participation::State state);
bool participationStateFromKey(const QString &key, Participation::State *state);

// An attachment listed after G: a file kept in the workspace (addressed by its SHA-256) or, for an
// objection attached from the Beteiligung, a text. `internal` ones never leave the house: they are
// printed in review exports only, never published.
struct Anlage {
    QString id; // stable
    QString title;
    QString fileName;
    QString mediaType; // "application/pdf", "text/plain"
    QString sha256;    // of the file in the workspace; empty for a text Anlage
    qint64 size = 0;
    QString text;
    bool internal = false;
    QString licence; // e.g. "CC BY 4.0"; empty: the register's default
    bool accessible = false; // checked for accessibility (barrierefrei)

    bool isPdf() const { return mediaType == QLatin1String("application/pdf"); }
    bool operator==(const Anlage &) const = default;
};

struct Vorlage {
    qint64 id = 0; // 0 until stored
    VorlageKind kind = VorlageKind::Beschlussvorlage;
    PaperKind paperKind = PaperKind::Vorlage;
    Status status = Status::Entwurf;
    QList<RessortRef> ressorts;
    QDate date;
    QDate sessionDate;
    QString body = QStringLiteral("Senat"); // or the name of a Deputation
    QString questionNumber;                 // "L 11", "S 7"
    QString title;
    QString subtitle;
    QStringList references; // "Drucksache 20/139 S"
    QString fileCode;
    QList<Section> sections;
    QList<Question> questions;
    QString questionSignatories; // "… und Fraktion der SPD"
    QString fraktion;            // the asking Fraktion ("der SPD"), for questions
    QDate askedOn;               // the date of the Anfrage
    QList<BeschlussItem> beschluss;
    QList<Participation> beteiligung;
    QList<Anlage> anlagen;
    Outcome outcome = Outcome::Keins; // set with the status Beschlossen
    qint64 predecessorId = 0;         // a Neufassung points to the Vorlage it replaces
    QDateTime modified;
    int revision = 0; // the workspace's revision when loaded; a save expects it unchanged

    Section *section(const QString &label);
    const Section *section(const QString &label) const;
    // The lead Ressort, or the first one.
    const RessortRef *leadRessort() const;

    bool operator==(const Vorlage &) const = default;
};

QString newItemId();

// A copy to be stored as a new draft: no id or revision, status Entwurf, new ids for its questions,
// Beschluss items and Beteiligung entries.
Vorlage duplicateVorlage(const Vorlage &vorlage);

// The label of the first section holding a placeholder block of `type` (where the questions, answers or
// Beschluss items are printed); empty when no section does.
QString sectionWith(const Vorlage &vorlage, Block::Type type);

// "12.05.2020", the way dates appear in every Vorlage.
QString germanDate(const QDate &date);
// "12.05.2020, 18:45 Uhr" in local time, for who-did-what-when; empty when invalid.
QString germanDateTime(const QDateTime &when);
// "12. Mai 2020", as in the stamp of the decided version.
QString germanLongDate(const QDate &date);
// Parses 12.05.2020, 4.5.2020, 4.5.20, 2020-05-12 and "12. Mai 2020".
QDate parseGermanDate(const QString &text);
// Reads a date as a clerk types it, as LibreOffice does: 17.11.2020, 17.11.20, 17.11. (the year of `today`),
// 17112020, 2020-11-17, "17. November 2020". An empty text is an empty date; an impossible one ("31.02.2021")
// or no date at all is an Error that says why.
Result<QDate> readTypedDate(const QString &text, const QDate &today = QDate::currentDate());

// The standard line under the title of an answer to a parliamentary question, made from `fraktion` and
// `askedOn`: "(Anfrage in der Fragestunde der Fraktion der SPD vom 30.4.20)", "(Kleine Anfrage der Fraktion
// DIE LINKE vom 2.3.21)". Empty for other kinds and without a Fraktion.
QString questionLine(const Vorlage &vorlage);
// Finds such a line in `text` (a subtitle as printed or typed, "… vom 1. Februar 2021; Drucksache …" too) and
// reads Fraktion and date from it; false if `text` holds none.
bool parseQuestionLine(const QString &text, QString *fraktion, QDate *askedOn);

// A file name (without extension) a user would give a document called `title`: its words, umlauts and ß
// kept, characters a file name should not hold left out, at most 80 characters.
QString suggestedFileName(const QString &title);

} // namespace vw
