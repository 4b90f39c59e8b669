#pragma once

#include "placetext.h"
#include "result.h"
#include "vorlage.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

namespace vw {

// What to look for. `text` is what a user typed: words (all must occur), "a phrase" in double quotes,
// a prefix with a trailing * ("Homeoff*"). Anything else (a stray quote, *, -, AND/OR/NOT, brackets) is taken
// as text, never as FTS5 syntax: no input makes the search fail.
struct SearchQuery {
    SearchQuery() = default;
    explicit SearchQuery(QString words) : text(std::move(words)) {}

    QString text;
    std::optional<VorlageKind> kind;
    std::optional<Status> status;
    QString ressortKey; // any submitting Ressort of the Vorlage, lead or not
    QDate from;         // session date range, inclusive; a null date leaves that end open
    QDate to;
    bool decidedOnly = false;   // status Beschlossen or Veröffentlicht
    bool publishedOnly = false; // status Veröffentlicht
    int limit = 50;
};

// One place of a Vorlage that matches, best first.
struct SearchHit {
    qint64 vorlageId = 0;
    QString title;
    QDate sessionDate;
    VorlageKind kind = VorlageKind::Beschlussvorlage;
    Status status = Status::Entwurf;
    QString placeKey;   // PlaceText::key: "section:B", "answer:<id>", …
    QString placeLabel; // "Abschnitt B", "Antwort zu Frage 2", …
    // Words around the first match, from the text as printed (not folded), on one line; "…" where cut.
    QString snippet;
    // The matched words in `snippet`: (start, length) pairs, in order.
    QList<std::pair<int, int>> highlights;
    double rank = 0; // bm25: lower is better

    // The snippet with every match wrapped in `open` and `close`: »Homeoffice« for plain text (the CLI). For rich
    // text use `highlights` on the escaped pieces; the strings are inserted as they are.
    QString markedSnippet(const QString &open = QStringLiteral("»"), const QString &close = QStringLiteral("«")) const;
};

// The full-text search over a workspace (SQLite FTS5; tables search_place, search_place_figure, search_fts of
// migration 0008). A place is indexed in passages (passages()); all the words of a query must occur in one
// passage, and a hit is the best passage of its place. The index rows of a place are written in the transaction that writes the place: every
// writer (VorlagenRepository) calls one of the write functions below inside its Transaction.
//
// Matching folds German text the same way for the indexed text and for the query (foldForSearch): case,
// ä/ö/ü → ae/oe/ue (so "Ärzte", "ärzte" and "Aerzte" match each other; "Arzte" does not), ß and ẞ → ss,
// other accents dropped (é → e).
namespace SearchIndex {

QString foldForSearch(const QString &text);
// The FTS5 MATCH expression for what a user typed; empty when it holds no word.
QString matchExpression(const QString &userText);
// Where what the user typed occurs in `text` (as printed, not folded), as (start, length) pairs in order: the
// words a search result highlights when it is opened.
QList<std::pair<int, int>> matchesIn(const QString &text, const QString &userText);

// Replaces every index row of the Vorlage (stored, with its id) by its placeTexts().
Result<void> writeVorlage(QSqlDatabase db, const Vorlage &vorlage, const FigureValues &figures,
                          const RessortTable *ressorts = nullptr);
// A place's text in the passages it is indexed in: its lines (paragraphs, list items, table rows) together
// until a line ends a passage. Whether a line ends one depends on that line alone (a hash of it; about every
// eighth line does) or on the passage growing past a few thousand characters, so an edit of one paragraph
// changes one passage, or two, and never the rest. Passages of white space only are left out.
QStringList passages(const QString &text);

// Writes the given places of one Vorlage (a place-level save): of each place only the passages that changed;
// a place with an empty text is removed from the index.
Result<void> writePlaces(QSqlDatabase db, qint64 vorlageId, const QList<PlaceText> &places);
Result<void> removePlaces(QSqlDatabase db, qint64 vorlageId, const QStringList &placeKeys);
Result<void> removeVorlage(QSqlDatabase db, qint64 vorlageId);
// The Vorlagen that quote one of `figureKeys` (to re-index when their printed value or label changed).
Result<QList<qint64>> vorlagenQuoting(QSqlDatabase db, const QStringList &figureKeys);

Result<QList<SearchHit>> search(QSqlDatabase db, const SearchQuery &query);

// Whether the index is there and sound: its tables and triggers exist and it indexes as many places as there
// are; Thorough adds FTS5's integrity-check, which reads the whole index.
enum class Check { Quick, Thorough };
bool isSound(QSqlDatabase db, Check check = Check::Thorough);
// Drops what is left of the index and creates it again, empty (the statements of migration 0006), inside the
// caller's transaction. VorlagenRepository::rebuildSearchIndex() fills it.
Result<void> recreate(QSqlDatabase db);
using Progress = std::function<void(int done, int total)>;

} // namespace SearchIndex
} // namespace vw
