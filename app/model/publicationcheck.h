#pragma once

#include "annotation.h"
#include "validation.h"
#include "vorlage.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vw {

// What stands in the way of publishing a Vorlage (refusals) and what the publisher must look at and
// confirm one by one (warnings). Computed from the model alone.
struct PublicationIssue {
    enum class Kind {
        // Refusals
        NotDecided,        // status not Beschlossen (or no session date)
        NotForPublication, // section F says the Vorlage is not to be published
        BrokenFigure,      // a quote whose figure is unknown and has no frozen value: it would print {{key}}
        OpenObjection,     // a Beteiligung with an objection that is not resolved
        OpenAnnotation,    // a comment or suggestion that is not resolved
        // Warnings
        Email,
        Phone,
        BirthDate,
        Iban,
        ProtectedName,
    };

    Kind kind = Kind::NotDecided;
    Place place;        // where to jump
    QString text;       // the words found (warnings), the F sentence, the figure key
    int start = -1;     // warnings: offset of `text` in placeText() of `place`
    QString message;    // German, complete on its own

    bool isRefusal() const { return kind <= Kind::OpenAnnotation; }
    bool operator==(const PublicationIssue &) const = default;
};

struct PublicationCheck {
    QList<PublicationIssue> refusals;
    QList<PublicationIssue> warnings;

    bool refused() const { return !refusals.isEmpty(); }
};

// The refusals: not decided; F says no; broken figure quotes; open objections; open annotations
// (`annotations` are those kept beside the Vorlage, see Annotation::isOpen()). One issue per reason
// and place, each with its own German message.
QList<PublicationIssue> publicationRefusals(const Vorlage &vorlage, const QList<Annotation> &annotations,
                                            const FigureValues *figures = nullptr);

// The warnings over every printed text of the Vorlage (header, sections, questions, answers,
// Beschluss items, titles and texts of public Anlagen): e-mail addresses; German phone numbers
// (0421 361-2345, +49 421 3612345, (0421) 36 12 345, Tel. 361-2345); dates of birth ("geb. 01.02.1970",
// "geboren am 1. Februar 1970", "Geburtsdatum: …"); IBANs whose check digits are right (mod 97);
// names from `protectedNames`, case-insensitive, as whole words. In document order.
QList<PublicationIssue> personalDataWarnings(const Vorlage &vorlage, const QStringList &protectedNames,
                                             const FigureValues *figures = nullptr);

PublicationCheck checkPublication(const Vorlage &vorlage, const QList<Annotation> &annotations,
                                  const QStringList &protectedNames, const FigureValues *figures = nullptr);

// What of the review is still open and would refuse the publication later: suggestions not decided,
// comments not resolved (Annotation::isOpen()), objections of the Beteiligung not settled. Asked before a
// Vorlage becomes Beschlussreif or Beschlossen, while they can still be settled in the text.
struct OpenReview {
    int suggestions = 0;
    int comments = 0;
    int objections = 0;

    bool any() const { return suggestions + comments + objections > 0; }
    // German, one line per kind: "2 offene Änderungsvorschläge", "1 nicht erledigter Kommentar",
    // "1 Beteiligung mit nicht ausgeräumten Einwänden".
    QStringList lines() const;
};
OpenReview openReview(const Vorlage &vorlage, const QList<Annotation> &annotations);

// The sentence of F that says the Vorlage is not to be published ("Die Vorlage ist nicht zur
// Veröffentlichung geeignet", "Einer Veröffentlichung stehen Gründe des Datenschutzes entgegen",
// "Von einer Veröffentlichung wird abgesehen"); empty when F allows it ("Einer Veröffentlichung stehen
// keine Gründe entgegen", "… soll veröffentlicht werden, da Belange des Datenschutzes nicht berührt sind").
QString refusingPublicationSentence(const QString &sectionText);

// Whether `iban` (spaces allowed) is an IBAN with valid check digits (ISO 13616, mod 97 = 1).
bool isValidIban(const QString &iban);

// The text a warning's offsets count in: the printed text of the place (sections without their
// placeholders, one line per paragraph or item, quotes as printed).
QString placeText(const Vorlage &vorlage, const Place &place, const FigureValues *figures = nullptr);

} // namespace vw
