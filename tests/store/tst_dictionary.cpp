#include "workspace.h"

#include "testutil.h"

#include <QTemporaryDir>

using namespace vw;

TEST_CASE("the workspace dictionary keeps words, refuses non-words and is seeded once", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("dictionary.vorlagen"));
    {
        auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
        REQUIRE(ws.ok());
        CHECK(ws.value()->dictionaryWords()->isEmpty());
        REQUIRE(ws.value()->seedDictionary().ok());
        const QStringList seeded = ws.value()->dictionaryWords().value();
        for (const QString &w : {QStringLiteral("ZGF"), QStringLiteral("Senatskanzlei"), QStringLiteral("Bremerhaven"),
                                 QStringLiteral("Deputation"), QStringLiteral("Drucksache")})
            CHECK(seeded.contains(w));
        CHECK(seeded.size() == Workspace::standardDictionaryWords().size());

        REQUIRE(ws.value()->addDictionaryWord(QStringLiteral(" Überseestadt ")).ok());
        REQUIRE(ws.value()->addDictionaryWord(QStringLiteral("Überseestadt")).ok()); // twice is no error
        REQUIRE(ws.value()->removeDictionaryWord(QStringLiteral("ZGF")).ok());
        CHECK_FALSE(ws.value()->addDictionaryWord(QStringLiteral("zwei Wörter")).ok());
        CHECK_FALSE(ws.value()->addDictionaryWord(QStringLiteral("  ")).ok());
        // Seeding again does not bring back a word the users removed.
        REQUIRE(ws.value()->seedDictionary().ok());
    }
    auto ws = Workspace::open(path, Workspace::Mode::OpenExisting);
    REQUIRE(ws.ok());
    const QStringList words = ws.value()->dictionaryWords().value();
    CHECK(words.count(QStringLiteral("Überseestadt")) == 1);
    CHECK_FALSE(words.contains(QStringLiteral("ZGF")));
    CHECK_FALSE(words.contains(QStringLiteral("zwei Wörter")));
    QStringList sorted = words;
    sorted.sort(Qt::CaseInsensitive);
    CHECK(words == sorted);
}
