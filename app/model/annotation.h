#pragma once

#include "figure.h"
#include "place.h"
#include "textdiff.h"
#include "vorlage.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vw {

// German name of the place for lists and PDFs: "Abschnitt C", "Antwort zu Frage 2", "Titel", "Anlage „Kosten“".
QString placeLabel(const Vorlage &vorlage, const Place &place);

// The text an anchor's offsets count in. Content: one line per paragraph, list item or table cell
// (row by row), joined by '\n'; placeholders add nothing; a quoted figure is one U+FFFC character
// (as the editor's inline object). Header fields: the field's text. Empty when the place is gone.
QString anchorText(const Vorlage &vorlage, const Place &place);
// Whether the place exists in the Vorlage and can carry an annotation (a deleted question takes its
// anchors with it; Beteiligung entries and Anlagen take none).
bool placeExists(const Vorlage &vorlage, const Place &place);

struct Anchor {
    Place place;
    int start = 0; // offsets into anchorText(); start <= end
    int end = 0;
    QString quote;        // the words it was made on (kept when detached)
    bool detached = false; // the words were deleted; start/end mean nothing then

    bool operator==(const Anchor &) const = default;
};

struct Reply {
    qint64 id = 0;
    QString author;
    QDateTime created;
    QString text;

    bool operator==(const Reply &) const = default;
};

// A comment thread, or a suggested replacement, on a passage of a Vorlage. Kept beside the Vorlage:
// never part of it, of its versions or of any public export.
struct Annotation {
    enum class Suggestion { None, Open, Accepted, Rejected };

    qint64 id = 0;
    qint64 vorlageId = 0;
    Anchor anchor;
    QString author;
    QDateTime created;
    QString text;                 // the comment (for a suggestion: its reason, may be empty)
    Suggestion suggestion = Suggestion::None;
    QString replacement;          // a suggestion's proposed text for the anchored words
    QString decidedBy;            // who accepted or rejected the suggestion
    QDateTime decided;
    bool resolved = false;
    QString resolvedBy;
    QDateTime resolvedAt;
    QList<Reply> replies;

    bool isSuggestion() const { return suggestion != Suggestion::None; }
    // Unresolved comments and open suggestions block publication.
    bool isOpen() const { return !resolved && suggestion != Suggestion::Accepted && suggestion != Suggestion::Rejected; }
    bool operator==(const Annotation &) const = default;
};

QString suggestionKey(Annotation::Suggestion s);
bool suggestionFromKey(const QString &key, Annotation::Suggestion *s);

// Finds `quote` in the place's text: the only occurrence, or the `occurrence`-th (1-based). Fails with
// a German message when the text does not contain it or contains it more than once. A quoted figure
// matches as U+FFFC and, as printed, as its value (`figures`, else a frozen value); a match that takes
// part of a printed value takes the whole figure.
Result<Anchor> findAnchor(const Vorlage &vorlage, const Place &place, const QString &quote, int occurrence = 0,
                          const FigureValues *figures = nullptr);
// The same in a section as it is read: its own text and the questions, answers and Beschluss items
// printed in it (its placeholders), in reading order; occurrences count over all of them. The anchor
// goes to the place the words are in: the section, or the answer, question or Beschluss item by its id.
Result<Anchor> findAnchorInSection(const Vorlage &vorlage, const QString &label, const QString &quote,
                                   int occurrence = 0, const FigureValues *figures = nullptr);

// Carries anchors from one state of a Vorlage to the next: every anchor whose place changed is moved
// with its words (remapRange() over the two texts) or marked detached when they are gone. Anchors
// of places that no longer exist become detached, and so do anchors whose words were replaced by
// other words (isReplaced()): a few letters in common do not keep a comment on a new word.
// Returns true when any anchor changed.
// Whether the words of the range [start, end) of the old text are gone in `runs`, although a few
// letters may have survived: less than a quarter of its characters are left, or less than half
// while new text was typed in it or at its edges (a replacement).
bool isReplaced(const QList<DiffRun> &runs, int start, int end);
bool remapAnchors(const Vorlage &before, const Vorlage &after, QList<Anchor *> anchors);

// Replaces the anchored words in `vorlage` by `replacement` (accepting a suggestion). The anchor
// must be attached and its words unchanged; fails with a German message otherwise. Formatting of
// the first replaced character is kept; a figure quote inside the range is replaced as well.
Result<void> replaceAnchoredText(Vorlage &vorlage, const Anchor &anchor, const QString &replacement);

} // namespace vw
