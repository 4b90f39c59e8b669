#pragma once

#include "result.h"
#include "vorlage.h"

class QDate;

namespace vw {

class RessortTable;
class VorlageDocument;

// Every change to an open Vorlage, as one undo command on its document's stack. Typing in one place
// merges into one undo step until the writer pauses (Commands::pauseMs); structural changes (adding,
// removing, moving items) are steps of their own. A change to the value already there pushes nothing,
// and so does every change to a read-only document (VorlageDocument::isReadOnly()).
namespace Commands {

constexpr int pauseMs = 1000;

// Header fields by their key, as on the command line: kind, paperKind, date, sessionDate, body,
// questionNumber, title, subtitle, references (separated by ";"), fileCode, ressorts (keys separated
// by ",", the lead one first), fraktion, askedOn, signatories. Values are parsed and checked;
// an invalid value changes nothing and says why.
QStringList headerFields();
Result<void> setHeaderField(VorlageDocument *doc, const QString &field, const QString &value,
                            const RessortTable &ressorts);

void setTitle(VorlageDocument *doc, const QString &title, int cursor = -1);
void setSubtitle(VorlageDocument *doc, const QString &subtitle, int cursor = -1);
void setQuestionNumber(VorlageDocument *doc, const QString &number);
void setFileCode(VorlageDocument *doc, const QString &code);
void setBody(VorlageDocument *doc, const QString &body);
void setReferences(VorlageDocument *doc, const QStringList &references);
void setDate(VorlageDocument *doc, const QDate &date);
void setSessionDate(VorlageDocument *doc, const QDate &date);
void setKind(VorlageDocument *doc, VorlageKind kind);
void setPaperKind(VorlageDocument *doc, PaperKind kind);
void setRessorts(VorlageDocument *doc, const QList<RessortRef> &ressorts);
void setFraktion(VorlageDocument *doc, const QString &fraktion);
void setAskedOn(VorlageDocument *doc, const QDate &date);
void setSignatories(VorlageDocument *doc, const QString &signatories, int cursor = -1);

void setSectionContent(VorlageDocument *doc, const QString &label, const Content &content, int cursor = -1);
// Replaces section `label` with the one of `source` (as the importer reads it), in one undo step: its
// content and, where the section holds them, the question texts and signatories (A), the answers in
// question order (B), the Beschluss items (G).
void replaceSection(VorlageDocument *doc, const QString &label, const Vorlage &source);

void setQuestionText(VorlageDocument *doc, int index, const Paragraph &text, int cursor = -1);
void setAnswer(VorlageDocument *doc, int index, const Content &answer, int cursor = -1);
void addQuestion(VorlageDocument *doc, int at);
void removeQuestion(VorlageDocument *doc, int index);
void moveQuestion(VorlageDocument *doc, int from, int to);

void setBeschlussText(VorlageDocument *doc, int index, const Paragraph &text, int cursor = -1);
void setBeschlussDetails(VorlageDocument *doc, int index, const QString &ressortKey, const QDate &dueDate);
void addBeschlussItem(VorlageDocument *doc, int at, const Paragraph &text = {});
void removeBeschlussItem(VorlageDocument *doc, int index);
void moveBeschlussItem(VorlageDocument *doc, int from, int to);
// Appends Beschluss item `source` of the decided Vorlage `sourceVorlageId` word for word, as one undo step: its
// formatting kept, its figure quotes as the values it was decided with (plain text, so the quote stays as it
// was), its origin kept in quotedFromVorlage/quotedFromItem. Returns the new item's index.
int quoteBeschlussItem(VorlageDocument *doc, qint64 sourceVorlageId, const BeschlussItem &source,
                       const FigureValues *figures = nullptr);

// The Beteiligung list and the Anlagen, each replaced as a whole in one undo step (`text` names the
// step in the undo history, e.g. "Beteiligung: Stand ändern").
void setBeteiligung(VorlageDocument *doc, const QList<Participation> &beteiligung, const QString &text = {});
void setAnlagen(VorlageDocument *doc, const QList<Anlage> &anlagen, const QString &text = {});

// Find and replace (Ctrl+H): every occurrence of `find` (case aside) in the title, subtitle, signatories,
// sections, questions, answers and Beschluss items becomes `replacement`, in one undo step. Figure quotes
// are left alone, and so is a match that runs across a change of format (half bold). Returns the count.
int replaceText(VorlageDocument *doc, const QString &find, const QString &replacement);

} // namespace Commands
} // namespace vw
