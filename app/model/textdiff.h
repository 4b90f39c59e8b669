#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vw {

// One run of a diff: text present in both (Equal), only in the new text (Insert) or only in the
// old one (Delete).
struct DiffRun {
    enum class Kind { Equal, Insert, Delete };
    Kind kind = Kind::Equal;
    QString text;

    bool operator==(const DiffRun &) const = default;
};

// The shortest edit script (Myers) between two token lists, as runs of joined tokens.
QList<DiffRun> diffTokens(const QStringList &before, const QStringList &after);
// Word-level diff for people to read: tokens are words, whitespace runs and punctuation.
QList<DiffRun> diffWords(const QString &before, const QString &after);
// Character-level diff (common prefix and suffix trimmed first, so typing stays cheap).
QList<DiffRun> diffChars(const QString &before, const QString &after);

// Maps the range [start, end) of `before` to `after` through a character diff. Returns false when
// every character of the range was deleted (the range is then left unchanged); otherwise the range
// covers the surviving characters plus text inserted strictly inside it.
bool remapRange(const QString &before, const QString &after, int *start, int *end);
// The same over the runs of diffChars(before, after), for mapping many ranges through one diff.
bool remapRange(const QList<DiffRun> &charRuns, int *start, int *end);

} // namespace vw
