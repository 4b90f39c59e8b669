#pragma once

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

enum class Status { Entwurf };

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

    bool operator==(const BeschlussItem &) const = default;
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
    QDateTime modified;
    int revision = 0; // the workspace's revision when loaded; a save expects it unchanged

    Section *section(const QString &label);
    const Section *section(const QString &label) const;
    // The lead Ressort, or the first one.
    const RessortRef *leadRessort() const;

    bool operator==(const Vorlage &) const = default;
};

QString newItemId();

// A copy to be stored as a new Vorlage: no id or revision, new ids for its questions and Beschluss items.
Vorlage duplicateVorlage(const Vorlage &vorlage);

// "12.05.2020", the way dates appear in every Vorlage.
QString germanDate(const QDate &date);
// "12. Mai 2020", as in the stamp of the decided version.
QString germanLongDate(const QDate &date);
// Parses 12.05.2020, 4.5.2020, 4.5.20, 2020-05-12 and "12. Mai 2020".
QDate parseGermanDate(const QString &text);

} // namespace vw
