#include "textdiff.h"

#include <QHash>

#include <algorithm>
#include <functional>
#include <vector>

namespace vw {

namespace {

enum class Op { Equal, Insert, Delete };

struct Edit {
    Op op;
    int count;
};

// Myers' O(ND) difference algorithm in linear space (the "middle snake" bisection), over sequences
// of integers. Runs that cost more than the budget fall back to delete-all/insert-all for the
// remaining sub-problem: the script stays valid, it is only no longer minimal.
class Myers {
public:
    Myers(const std::vector<int> &a, const std::vector<int> &b) : mA(a), mB(b) {}

    std::vector<Edit> run()
    {
        diff(0, int(mA.size()), 0, int(mB.size()));
        return std::move(mEdits);
    }

private:
    // Roughly (N+M)·D for a pair of 20000-element sequences with 4000 edits: anything beyond is
    // pasted-over text, where a minimal script is of no use to anyone.
    static constexpr qint64 budget = 80'000'000;

    void push(Op op, int count)
    {
        if (count <= 0)
            return;
        if (!mEdits.empty() && mEdits.back().op == op)
            mEdits.back().count += count;
        else
            mEdits.push_back({op, count});
    }

    void diff(int aLo, int aHi, int bLo, int bHi)
    {
        int prefix = 0;
        while (aLo + prefix < aHi && bLo + prefix < bHi && mA[aLo + prefix] == mB[bLo + prefix])
            ++prefix;
        push(Op::Equal, prefix);
        aLo += prefix;
        bLo += prefix;
        int suffix = 0;
        while (aHi - suffix > aLo && bHi - suffix > bLo && mA[aHi - suffix - 1] == mB[bHi - suffix - 1])
            ++suffix;
        aHi -= suffix;
        bHi -= suffix;

        if (aLo == aHi) {
            push(Op::Insert, bHi - bLo);
        } else if (bLo == bHi) {
            push(Op::Delete, aHi - aLo);
        } else {
            int x = 0;
            int y = 0;
            if (bisect(aLo, aHi, bLo, bHi, &x, &y)) {
                diff(aLo, x, bLo, y);
                diff(x, aHi, y, bHi);
            } else {
                push(Op::Delete, aHi - aLo);
                push(Op::Insert, bHi - bLo);
            }
        }
        push(Op::Equal, suffix);
    }

    // Finds the middle snake of the sub-problem and returns where to split it (absolute indexes),
    // or false when the sequences share nothing (or the budget is spent).
    bool bisect(int aLo, int aHi, int bLo, int bHi, int *splitA, int *splitB)
    {
        const int n = aHi - aLo;
        const int m = bHi - bLo;
        const int maxD = (n + m + 1) / 2;
        const int offset = maxD;
        const int length = 2 * maxD + 2;
        std::vector<int> v1(size_t(length), -1);
        std::vector<int> v2(size_t(length), -1);
        v1[size_t(offset + 1)] = 0;
        v2[size_t(offset + 1)] = 0;
        const int delta = n - m;
        const bool front = (delta % 2 != 0);
        int k1start = 0, k1end = 0, k2start = 0, k2end = 0;
        for (int d = 0; d < maxD; ++d) {
            mSpent += 2 * qint64(d) + 1;
            if (mSpent > budget)
                return false;
            for (int k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
                const int k1off = offset + k1;
                int x1;
                if (k1 == -d || (k1 != d && v1[size_t(k1off - 1)] < v1[size_t(k1off + 1)]))
                    x1 = v1[size_t(k1off + 1)];
                else
                    x1 = v1[size_t(k1off - 1)] + 1;
                int y1 = x1 - k1;
                while (x1 < n && y1 < m && mA[size_t(aLo + x1)] == mB[size_t(bLo + y1)]) {
                    ++x1;
                    ++y1;
                }
                v1[size_t(k1off)] = x1;
                if (x1 > n) {
                    k1end += 2;
                } else if (y1 > m) {
                    k1start += 2;
                } else if (front) {
                    const int k2off = offset + delta - k1;
                    if (k2off >= 0 && k2off < length && v2[size_t(k2off)] != -1) {
                        const int x2 = n - v2[size_t(k2off)];
                        if (x1 >= x2) {
                            *splitA = aLo + x1;
                            *splitB = bLo + y1;
                            return true;
                        }
                    }
                }
            }
            for (int k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
                const int k2off = offset + k2;
                int x2;
                if (k2 == -d || (k2 != d && v2[size_t(k2off - 1)] < v2[size_t(k2off + 1)]))
                    x2 = v2[size_t(k2off + 1)];
                else
                    x2 = v2[size_t(k2off - 1)] + 1;
                int y2 = x2 - k2;
                while (x2 < n && y2 < m && mA[size_t(aHi - x2 - 1)] == mB[size_t(bHi - y2 - 1)]) {
                    ++x2;
                    ++y2;
                }
                v2[size_t(k2off)] = x2;
                if (x2 > n) {
                    k2end += 2;
                } else if (y2 > m) {
                    k2start += 2;
                } else if (!front) {
                    const int k1off = offset + delta - k2;
                    if (k1off >= 0 && k1off < length && v1[size_t(k1off)] != -1) {
                        const int x1 = v1[size_t(k1off)];
                        const int y1 = offset + x1 - k1off;
                        if (x1 >= n - x2) {
                            *splitA = aLo + x1;
                            *splitB = bLo + y1;
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    const std::vector<int> &mA;
    const std::vector<int> &mB;
    std::vector<Edit> mEdits;
    qint64 mSpent = 0;
};

// Turns an edit script into runs: within every stretch between equal parts, all deletions come
// first and then all insertions, so each stretch is at most one Delete and one Insert run.
template <typename Text>
QList<DiffRun> toRuns(const std::vector<Edit> &edits, const Text &textA, const Text &textB)
{
    QList<DiffRun> runs;
    int a = 0;
    int b = 0;
    QString deleted;
    QString inserted;
    const auto flush = [&] {
        if (!deleted.isEmpty())
            runs.append({DiffRun::Kind::Delete, deleted});
        if (!inserted.isEmpty())
            runs.append({DiffRun::Kind::Insert, inserted});
        deleted.clear();
        inserted.clear();
    };
    for (const Edit &e : edits) {
        switch (e.op) {
        case Op::Equal: {
            flush();
            QString text = textA(a, e.count);
            if (!runs.isEmpty() && runs.last().kind == DiffRun::Kind::Equal)
                runs.last().text += text;
            else
                runs.append({DiffRun::Kind::Equal, text});
            a += e.count;
            b += e.count;
            break;
        }
        case Op::Delete:
            deleted += textA(a, e.count);
            a += e.count;
            break;
        case Op::Insert:
            inserted += textB(b, e.count);
            b += e.count;
            break;
        }
    }
    flush();
    return runs;
}

QList<DiffRun> diffIds(const std::vector<int> &a, const std::vector<int> &b,
                       const std::function<QString(int, int)> &textA, const std::function<QString(int, int)> &textB)
{
    return toRuns(Myers(a, b).run(), textA, textB);
}

QStringList wordTokens(const QString &text)
{
    QStringList tokens;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        const QChar c = text.at(i);
        int j = i + 1;
        if (c.isLetterOrNumber() || c.isMark()) {
            while (j < n && (text.at(j).isLetterOrNumber() || text.at(j).isMark() || text.at(j).isSurrogate()))
                ++j;
        } else if (c.isSpace()) {
            while (j < n && text.at(j).isSpace())
                ++j;
        } else if (c.isHighSurrogate() && j < n && text.at(j).isLowSurrogate()) {
            ++j; // one character outside the BMP
        }
        tokens.append(text.mid(i, j - i));
        i = j;
    }
    return tokens;
}

} // namespace

QList<DiffRun> diffTokens(const QStringList &before, const QStringList &after)
{
    QHash<QString, int> ids;
    const auto idsOf = [&ids](const QStringList &tokens) {
        std::vector<int> out;
        out.reserve(size_t(tokens.size()));
        for (const QString &t : tokens) {
            auto it = ids.constFind(t);
            if (it == ids.constEnd())
                it = ids.insert(t, int(ids.size()));
            out.push_back(it.value());
        }
        return out;
    };
    const std::vector<int> a = idsOf(before);
    const std::vector<int> b = idsOf(after);
    const auto join = [](const QStringList &tokens) {
        return [&tokens](int from, int count) {
            QString s;
            for (int i = from; i < from + count; ++i)
                s += tokens.at(i);
            return s;
        };
    };
    return diffIds(a, b, join(before), join(after));
}

QList<DiffRun> diffWords(const QString &before, const QString &after)
{
    return diffTokens(wordTokens(before), wordTokens(after));
}

QList<DiffRun> diffChars(const QString &before, const QString &after)
{
    const int na = int(before.size());
    const int nb = int(after.size());
    // Typing changes a few characters of a long text: trim what both share before running Myers.
    int prefix = 0;
    while (prefix < na && prefix < nb && before.at(prefix) == after.at(prefix))
        ++prefix;
    if (prefix > 0 && prefix < na && prefix < nb && before.at(prefix - 1).isHighSurrogate())
        --prefix; // never split a surrogate pair
    int suffix = 0;
    while (suffix < na - prefix && suffix < nb - prefix && before.at(na - suffix - 1) == after.at(nb - suffix - 1))
        ++suffix;
    if (suffix > 0 && suffix < na - prefix && suffix < nb - prefix && before.at(na - suffix).isLowSurrogate())
        --suffix;

    std::vector<int> a;
    std::vector<int> b;
    a.reserve(size_t(na - prefix - suffix));
    b.reserve(size_t(nb - prefix - suffix));
    for (int i = prefix; i < na - suffix; ++i)
        a.push_back(before.at(i).unicode());
    for (int i = prefix; i < nb - suffix; ++i)
        b.push_back(after.at(i).unicode());
    QList<DiffRun> middle = diffIds(
        a, b, [&](int from, int count) { return before.mid(prefix + from, count); },
        [&](int from, int count) { return after.mid(prefix + from, count); });

    QList<DiffRun> runs;
    const auto add = [&runs](const DiffRun &run) {
        if (run.text.isEmpty())
            return;
        if (!runs.isEmpty() && runs.last().kind == run.kind)
            runs.last().text += run.text;
        else
            runs.append(run);
    };
    add({DiffRun::Kind::Equal, before.left(prefix)});
    for (const DiffRun &run : middle)
        add(run);
    add({DiffRun::Kind::Equal, before.right(suffix)});
    return runs;
}

bool remapRange(const QList<DiffRun> &charRuns, int *start, int *end)
{
    int total = 0;
    for (const DiffRun &run : charRuns) {
        if (run.kind != DiffRun::Kind::Insert)
            total += int(run.text.size());
    }
    const int s = std::clamp(*start, 0, total);
    const int e = std::clamp(*end, s, total);

    int b = 0; // position in the old text
    int a = 0; // position in the new text
    if (s == e) {
        // An empty range is a position: it stays before text inserted at it.
        for (const DiffRun &run : charRuns) {
            const int len = int(run.text.size());
            if (s <= b)
                break;
            if (run.kind == DiffRun::Kind::Equal) {
                if (s < b + len) {
                    a += s - b;
                    b = s;
                    break;
                }
                a += len;
                b += len;
            } else if (run.kind == DiffRun::Kind::Delete) {
                if (s < b + len) {
                    b = s;
                    break;
                }
                b += len;
            } else {
                a += len;
            }
        }
        *start = *end = a;
        return true;
    }

    int newStart = -1;
    int newEnd = -1;
    bool survived = false;
    for (const DiffRun &run : charRuns) {
        const int len = int(run.text.size());
        switch (run.kind) {
        case DiffRun::Kind::Equal: {
            const int from = std::max(b, s);
            const int to = std::min(b + len, e);
            if (from < to) {
                survived = true;
                if (newStart < 0)
                    newStart = a + (from - b);
                newEnd = a + (to - b);
            }
            a += len;
            b += len;
            break;
        }
        case DiffRun::Kind::Delete:
            b += len;
            break;
        case DiffRun::Kind::Insert:
            // Runs put deletions before insertions, so text typed over the range's first characters
            // sits after them and counts as inside.
            if (s < b && b < e) {
                if (newStart < 0)
                    newStart = a;
                newEnd = a + len;
            }
            a += len;
            break;
        }
        if (b >= e)
            break;
    }
    if (!survived)
        return false;
    *start = newStart;
    *end = newEnd;
    return true;
}

bool remapRange(const QString &before, const QString &after, int *start, int *end)
{
    return remapRange(diffChars(before, after), start, end);
}

} // namespace vw
