#include "testutil.h"

#include "textdiff.h"

#include <QElapsedTimer>

#include <random>
#include <vector>

using namespace vw;

namespace {

using Kind = DiffRun::Kind;

DiffRun eq(const QString &t) { return {Kind::Equal, t}; }
DiffRun ins(const QString &t) { return {Kind::Insert, t}; }
DiffRun del(const QString &t) { return {Kind::Delete, t}; }

QString sideOf(const QList<DiffRun> &runs, Kind skipped)
{
    QString s;
    for (const DiffRun &r : runs) {
        if (r.kind != skipped)
            s += r.text;
    }
    return s;
}
QString beforeOf(const QList<DiffRun> &runs) { return sideOf(runs, Kind::Insert); }
QString afterOf(const QList<DiffRun> &runs) { return sideOf(runs, Kind::Delete); }

// Characters deleted plus characters inserted.
int editCost(const QList<DiffRun> &runs)
{
    int cost = 0;
    for (const DiffRun &r : runs) {
        if (r.kind != Kind::Equal)
            cost += int(r.text.size());
    }
    return cost;
}

// The shortest edit script's cost by the textbook dynamic programme (LCS), to check Myers against.
template <typename Seq> int minimalCost(const Seq &a, const Seq &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> row(size_t(m + 1), 0);
    for (qsizetype i = 1; i <= n; ++i) {
        int diagonal = 0;
        for (qsizetype j = 1; j <= m; ++j) {
            const int above = row[size_t(j)];
            row[size_t(j)] = a[i - 1] == b[j - 1] ? diagonal + 1 : std::max(row[size_t(j)], row[size_t(j - 1)]);
            diagonal = above;
        }
    }
    return int(n + m - 2 * row[size_t(m)]);
}

// Runs are never empty, adjacent runs differ in kind and a Delete always comes before its Insert.
void checkShape(const QList<DiffRun> &runs)
{
    for (int i = 0; i < runs.size(); ++i) {
        CHECK_FALSE(runs[i].text.isEmpty());
        if (i > 0) {
            CHECK(runs[i].kind != runs[i - 1].kind);
            CHECK_FALSE((runs[i - 1].kind == Kind::Insert && runs[i].kind == Kind::Delete));
        }
    }
}

QString randomString(std::mt19937 &rng, int maxLength, const QString &alphabet)
{
    const int length = std::uniform_int_distribution<int>(0, maxLength)(rng);
    QString s;
    for (int i = 0; i < length; ++i)
        s += alphabet.at(std::uniform_int_distribution<int>(0, int(alphabet.size()) - 1)(rng));
    return s;
}

// A random edit of `s`: a few insertions, deletions and replacements.
QString mutate(std::mt19937 &rng, QString s, const QString &alphabet)
{
    const int edits = std::uniform_int_distribution<int>(0, 5)(rng);
    for (int e = 0; e < edits; ++e) {
        const int pos = std::uniform_int_distribution<int>(0, int(s.size()))(rng);
        const int len = std::uniform_int_distribution<int>(0, std::min<int>(6, int(s.size()) - pos))(rng);
        s.replace(pos, len, randomString(rng, 5, alphabet));
    }
    return s;
}

} // namespace

TEST_CASE("character diff of small examples", "[model][diff]")
{
    CHECK(diffChars(QString(), QString()).isEmpty());
    CHECK(diffChars(QStringLiteral("Haus"), QStringLiteral("Haus")) == QList<DiffRun>{eq(QStringLiteral("Haus"))});
    CHECK(diffChars(QString(), QStringLiteral("neu")) == QList<DiffRun>{ins(QStringLiteral("neu"))});
    CHECK(diffChars(QStringLiteral("alt"), QString()) == QList<DiffRun>{del(QStringLiteral("alt"))});
    CHECK(diffChars(QStringLiteral("Haus"), QStringLiteral("Maus"))
          == QList<DiffRun>{del(QStringLiteral("H")), ins(QStringLiteral("M")), eq(QStringLiteral("aus"))});
    CHECK(diffChars(QStringLiteral("Der Senat stimmt zu."), QStringLiteral("Der Senat stimmt nicht zu."))
          == QList<DiffRun>{eq(QStringLiteral("Der Senat stimmt ")), ins(QStringLiteral("nicht ")),
                            eq(QStringLiteral("zu."))});
    // Myers finds the shortest script where a naive scan would not: ABCABBA → CBABAC costs 5.
    const auto runs = diffChars(QStringLiteral("ABCABBA"), QStringLiteral("CBABAC"));
    CHECK(editCost(runs) == 5);
    CHECK(beforeOf(runs) == QStringLiteral("ABCABBA"));
    CHECK(afterOf(runs) == QStringLiteral("CBABAC"));
    checkShape(runs);
}

TEST_CASE("word diff reads in words, umlauts and numbers included", "[model][diff]")
{
    CHECK(diffWords(QStringLiteral("Die Prüfung läuft noch."), QStringLiteral("Die Prüfung ist beendet."))
          == QList<DiffRun>{eq(QStringLiteral("Die Prüfung ")), del(QStringLiteral("läuft")), ins(QStringLiteral("ist")),
                            eq(QStringLiteral(" ")), del(QStringLiteral("noch")), ins(QStringLiteral("beendet")),
                            eq(QStringLiteral("."))});
    // A changed number is one word: no "1.2|0|0" salad.
    CHECK(diffWords(QStringLiteral("Kosten: 1.200 €"), QStringLiteral("Kosten: 1.350 €"))
          == QList<DiffRun>{eq(QStringLiteral("Kosten: 1.")), del(QStringLiteral("200")), ins(QStringLiteral("350")),
                            eq(QStringLiteral(" €"))});
    // Whitespace runs are tokens of their own.
    CHECK(diffWords(QStringLiteral("a  b"), QStringLiteral("a b"))
          == QList<DiffRun>{eq(QStringLiteral("a")), del(QStringLiteral("  ")), ins(QStringLiteral(" ")),
                            eq(QStringLiteral("b"))});
    // "Straße" is one word, the hyphen is punctuation.
    CHECK(diffWords(QStringLiteral("Groß-Straße"), QStringLiteral("Klein-Straße"))
          == QList<DiffRun>{del(QStringLiteral("Groß")), ins(QStringLiteral("Klein")), eq(QStringLiteral("-Straße"))});
}

TEST_CASE("token diff merges runs and is minimal", "[model][diff]")
{
    const QStringList a{QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")};
    const QStringList b{QStringLiteral("x"), QStringLiteral("q"), QStringLiteral("r"), QStringLiteral("z")};
    CHECK(diffTokens(a, b)
          == QList<DiffRun>{eq(QStringLiteral("x")), del(QStringLiteral("y")), ins(QStringLiteral("qr")),
                            eq(QStringLiteral("z"))});

    std::mt19937 rng(4711);
    const QStringList vocabulary{QStringLiteral("der"), QStringLiteral("Senat"), QStringLiteral(" "),
                                 QStringLiteral("."), QStringLiteral("stimmt"), QStringLiteral("zu")};
    for (int iteration = 0; iteration < 500; ++iteration) {
        QStringList before, after;
        const auto fill = [&](QStringList *list) {
            const int n = std::uniform_int_distribution<int>(0, 25)(rng);
            for (int i = 0; i < n; ++i)
                list->append(vocabulary.at(std::uniform_int_distribution<int>(0, int(vocabulary.size()) - 1)(rng)));
        };
        fill(&before);
        fill(&after);
        const auto runs = diffTokens(before, after);
        INFO(before.join(QLatin1Char('|')).toStdString() << " -> " << after.join(QLatin1Char('|')).toStdString());
        REQUIRE(beforeOf(runs) == before.join(QString()));
        REQUIRE(afterOf(runs) == after.join(QString()));
        checkShape(runs);
        // Every run is made of whole tokens and the token count of the script is minimal.
        int tokensChanged = 0;
        int inBefore = 0, inAfter = 0;
        for (const DiffRun &r : runs) {
            QString consumed;
            int &index = r.kind == Kind::Insert ? inAfter : inBefore;
            const QStringList &tokens = r.kind == Kind::Insert ? after : before;
            int count = 0;
            while (consumed.size() < r.text.size() && index < tokens.size()) {
                consumed += tokens.at(index++);
                ++count;
            }
            REQUIRE(consumed == r.text);
            if (r.kind == Kind::Equal)
                inAfter += count;
            else
                tokensChanged += count;
        }
        CHECK(tokensChanged == minimalCost(before, after));
    }
}

TEST_CASE("character diff reproduces both texts and is minimal, for random strings", "[model][diff]")
{
    std::mt19937 rng(20210512);
    const QString alphabets[] = {QStringLiteral("ab"), QStringLiteral("abc ä"), QStringLiteral("Der Sna tim,.ü")};
    for (int iteration = 0; iteration < 3000; ++iteration) {
        const QString &alphabet = alphabets[iteration % 3];
        const QString before = randomString(rng, 40, alphabet);
        // Half related (edits of the same text), half unrelated strings.
        const QString after = iteration % 2 ? mutate(rng, before, alphabet) : randomString(rng, 40, alphabet);
        INFO(before.toStdString() << " -> " << after.toStdString());
        const auto runs = diffChars(before, after);
        REQUIRE(beforeOf(runs) == before);
        REQUIRE(afterOf(runs) == after);
        checkShape(runs);
        REQUIRE(editCost(runs) == minimalCost(before, after));
        const auto words = diffWords(before, after);
        REQUIRE(beforeOf(words) == before);
        REQUIRE(afterOf(words) == after);
        checkShape(words);
    }
}

TEST_CASE("character diff stays fast on long texts and falls back on pasted-over ones", "[model][diff]")
{
    std::mt19937 rng(7);
    const QString alphabet = QStringLiteral("abcdefghijklmnopqrstuvwxyzäöü ,.");
    QString longText;
    while (longText.size() < 60000)
        longText += randomString(rng, 80, alphabet);

    QElapsedTimer timer;
    timer.start();
    // Typing in a few places of a long text: minimal, and quick.
    QString edited = longText;
    edited.insert(100, QStringLiteral("neu"));
    edited.remove(30000, 7);
    edited.insert(50000, QStringLiteral("auch"));
    auto runs = diffChars(longText, edited);
    CHECK(editCost(runs) == 3 + 7 + 4);
    CHECK(afterOf(runs) == edited);

    // Two unrelated long texts: still a valid script, in reasonable time.
    QString other;
    while (other.size() < 30000)
        other += randomString(rng, 80, alphabet);
    runs = diffChars(longText.left(30000), other);
    CHECK(beforeOf(runs) == longText.left(30000));
    CHECK(afterOf(runs) == other);
    checkShape(runs);
    CHECK(timer.elapsed() < 20000);
}

TEST_CASE("remapping a range through an edit", "[model][diff]")
{
    const QString text = QStringLiteral("Der Senat stimmt der Vorlage zu.");
    const int s0 = int(text.indexOf(QStringLiteral("stimmt der")));
    const int e0 = s0 + 10;
    const auto remap = [&](const QString &after, int *start, int *end) {
        *start = s0;
        *end = e0;
        return remapRange(text, after, start, end);
    };
    const auto mapped = [](const QString &after, int start, int end) { return after.mid(start, end - start); };
    int s = 0, e = 0;

    QString after = QStringLiteral("Der Bremer Senat stimmt der Vorlage zu.");
    REQUIRE(remap(after, &s, &e));
    CHECK(mapped(after, s, e) == QStringLiteral("stimmt der"));

    after = QStringLiteral("Der Senat stimmt nun der Vorlage zu.");
    REQUIRE(remap(after, &s, &e));
    CHECK(mapped(after, s, e) == QStringLiteral("stimmt nun der"));

    // Text typed right at either edge stays outside.
    after = QStringLiteral("Der Senat XXstimmt derYY Vorlage zu.");
    REQUIRE(remap(after, &s, &e));
    CHECK(mapped(after, s, e) == QStringLiteral("stimmt der"));

    // Part deleted: the rest stays anchored.
    after = QStringLiteral("Der Senat stimmt Vorlage zu.");
    REQUIRE(remap(after, &s, &e));
    CHECK(mapped(after, s, e) == QStringLiteral("stimmt "));

    // A word typed over at the start counts as inside.
    after = QStringLiteral("Der Senat folgt der Vorlage zu.");
    REQUIRE(remap(after, &s, &e));
    CHECK(mapped(after, s, e) == QStringLiteral("folgt der"));

    // All gone: false, and the range is left alone.
    after = QStringLiteral("Der Senat Vorlage zu.");
    CHECK_FALSE(remap(after, &s, &e));
    CHECK(s == s0);
    CHECK(e == e0);

    // Same text: unchanged. Out-of-range input is clamped, never read past the end.
    REQUIRE(remap(text, &s, &e));
    CHECK((s == s0 && e == e0));
    s = 25;
    e = 1000;
    REQUIRE(remapRange(text, QStringLiteral("Neu: ") + text, &s, &e));
    CHECK(e == text.size() + 5);
    s = e = 4;
    REQUIRE(remapRange(text, QStringLiteral("Vorab. ") + text, &s, &e));
    CHECK((s == 11 && e == 11));
}

// Every character of the texts is distinct, so where each one went is known without a diff, and
// the remapped range can be checked exactly: it holds the surviving characters of the range, and
// besides them only characters inserted since; it starts (ends) with the range's first (last)
// character whenever that one survived.
TEST_CASE("remapped ranges follow their characters through random edits", "[model][diff]")
{
    std::mt19937 rng(1234);
    char16_t next = 0x4E00;
    const auto fresh = [&](int n) {
        QString s;
        for (int i = 0; i < n; ++i)
            s += QChar(next++);
        return s;
    };
    const auto rand = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };

    for (int iteration = 0; iteration < 400; ++iteration) {
        if (next > 0x9F00)
            next = 0x4E00;
        QString text = fresh(rand(1, 50));
        int start = rand(0, int(text.size()) - 1);
        int end = rand(start + 1, int(text.size()));
        const QString range = text.mid(start, end - start);
        QString after = text;
        QString inserted;
        for (int edit = rand(1, 4); edit > 0; --edit) {
            const int pos = rand(0, int(after.size()));
            if (rand(0, 1)) {
                const QString add = fresh(rand(1, 4));
                inserted += add;
                after.insert(pos, add);
            } else {
                after.remove(pos, rand(1, 8));
            }
        }
        QString surviving;
        for (const QChar c : range) {
            if (after.contains(c))
                surviving += c;
        }
        INFO("iteration " << iteration);
        const bool attached = remapRange(text, after, &start, &end);
        REQUIRE(attached == !surviving.isEmpty());
        if (!attached)
            continue;
        REQUIRE(0 <= start);
        REQUIRE(start < end);
        REQUIRE(end <= after.size());
        const QString mapped = after.mid(start, end - start);
        for (const QChar c : mapped)
            REQUIRE((surviving.contains(c) || inserted.contains(c)));
        for (const QChar c : surviving)
            REQUIRE(mapped.contains(c));
        if (surviving.front() == range.front())
            REQUIRE(mapped.front() == range.front());
        if (surviving.back() == range.back())
            REQUIRE(mapped.back() == range.back());
    }
}
