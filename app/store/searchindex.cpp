#include "searchindex.h"

#include "migrations.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::SearchIndex", text);
}

// A word of the text: a run of letters and digits, as FTS5's unicode61 tokenizer sees it.
struct Token {
    int start = 0;
    int end = 0;
    QString folded;
};

QList<Token> tokens(const QString &text)
{
    QList<Token> list;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        while (i < n && !text[i].isLetterOrNumber())
            ++i;
        const int start = i;
        while (i < n && (text[i].isLetterOrNumber() || text[i].isMark()))
            ++i;
        if (i > start)
            list.append({start, i, SearchIndex::foldForSearch(text.mid(start, i - start))});
    }
    return list;
}

QStringList foldedWords(const QString &text)
{
    QStringList words;
    for (const Token &t : tokens(SearchIndex::foldForSearch(text)))
        words << t.folded;
    return words;
}

// One thing the user asked for: a word, a phrase ("mobile Arbeit"), or a prefix (the last word with a *).
struct Term {
    QStringList words;
    bool prefix = false;
};

QList<Term> parseTerms(const QString &text)
{
    QList<Term> terms;
    int i = 0;
    const int n = int(text.size());
    while (i < n) {
        if (text[i].isSpace()) {
            ++i;
            continue;
        }
        QString raw;
        if (text[i] == QLatin1Char('"')) {
            const int close = int(text.indexOf(QLatin1Char('"'), i + 1));
            const int end = close < 0 ? n : close;
            raw = text.mid(i + 1, end - i - 1);
            i = close < 0 ? n : close + 1;
            if (i < n && text[i] == QLatin1Char('*')) {
                raw += QLatin1Char('*');
                ++i;
            }
        } else {
            const int start = i;
            while (i < n && !text[i].isSpace() && text[i] != QLatin1Char('"'))
                ++i;
            raw = text.mid(start, i - start);
        }
        Term term;
        term.prefix = raw.trimmed().endsWith(QLatin1Char('*'));
        term.words = foldedWords(raw);
        if (!term.words.isEmpty())
            terms.append(term);
    }
    return terms;
}

struct Match {
    int start = 0;
    int end = 0;
};

// Where the terms occur in `text` (original, not folded), in order.
QList<Match> findMatches(const QList<Token> &words, const QList<Term> &terms)
{
    QList<Match> matches;
    for (int i = 0; i < words.size(); ++i) {
        for (const Term &term : terms) {
            const int n = int(term.words.size());
            if (i + n > words.size())
                continue;
            bool ok = true;
            for (int k = 0; k < n && ok; ++k) {
                const QString &w = words[i + k].folded;
                ok = (term.prefix && k == n - 1) ? w.startsWith(term.words[k]) : w == term.words[k];
            }
            if (ok) {
                matches.append({words[i].start, words[i + n - 1].end});
                break;
            }
        }
    }
    return matches;
}

constexpr int snippetBefore = 60;
constexpr int snippetAfter = 140;

void makeSnippet(const QString &text, const QList<Term> &terms, SearchHit *hit)
{
    const QList<Token> words = tokens(text);
    const QList<Match> matches = findMatches(words, terms);
    int from = 0;
    if (!matches.isEmpty() && matches.first().start > snippetBefore) {
        // Start at the first word that begins within the window before the match.
        const int earliest = matches.first().start - snippetBefore;
        for (const Token &t : words) {
            if (t.start >= earliest) {
                from = t.start;
                break;
            }
        }
    }
    const int anchorEnd = matches.isEmpty() ? 0 : matches.first().end;
    int to = int(text.size());
    if (to - anchorEnd > snippetAfter) {
        const int latest = anchorEnd + snippetAfter;
        to = anchorEnd;
        for (const Token &t : words) {
            if (t.end > latest)
                break;
            to = std::max(to, t.end);
        }
    }
    QString snippet = text.mid(from, to - from);
    for (QChar &c : snippet) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
    }
    const int shift = from > 0 ? 1 : 0;
    hit->snippet = (from > 0 ? QStringLiteral("…") : QString()) + snippet
                   + (to < text.size() ? QStringLiteral("…") : QString());
    hit->highlights.clear();
    for (const Match &m : matches) {
        if (m.start >= from && m.end <= to)
            hit->highlights.append({m.start - from + shift, m.end - m.start});
    }
}

// Writes the passages of one place, keeping the rows of passages that did not change (their text is not
// indexed again), and the figures it quotes. `fresh`: the place has no rows yet (a Vorlage indexed whole).
Result<void> writePlace(QSqlDatabase db, qint64 vorlageId, const PlaceText &place, bool fresh)
{
    const QString context = tr("Suchindex der Vorlage %1 schreiben").arg(vorlageId);
    QMultiHash<QString, std::pair<qint64, QString>> kept; // passage text → (row id, label)
    if (!fresh) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, text, label FROM search_place WHERE vorlage_id = ? AND place = ?"));
        q.addBindValue(vorlageId);
        q.addBindValue(place.key);
        if (auto r = execQuery(q, context); !r)
            return r;
        while (q.next())
            kept.insert(q.value(1).toString(), {q.value(0).toLongLong(), q.value(2).toString()});
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO search_place (vorlage_id, place, label, text, folded) VALUES (?, ?, ?, ?, ?)"));
    QSqlQuery relabel(db);
    relabel.prepare(QStringLiteral("UPDATE search_place SET label = ? WHERE id = ?"));
    for (const QString &passage : SearchIndex::passages(place.text)) {
        if (auto it = kept.find(passage); it != kept.end()) {
            const auto [id, label] = it.value();
            kept.erase(it);
            if (label == place.label)
                continue;
            relabel.addBindValue(place.label);
            relabel.addBindValue(id);
            if (auto r = execQuery(relabel, context); !r)
                return r;
            continue;
        }
        for (const QVariant &value : {QVariant(vorlageId), QVariant(place.key), QVariant(place.label), QVariant(passage),
                                      QVariant(foldedWords(passage).join(QLatin1Char(' ')))})
            insert.addBindValue(value);
        if (auto r = execQuery(insert, context); !r)
            return r;
    }
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM search_place WHERE id = ?"));
    for (const auto &[id, label] : std::as_const(kept)) {
        remove.addBindValue(id);
        if (auto r = execQuery(remove, context); !r)
            return r;
    }

    if (!fresh) {
        QSqlQuery forget(db);
        forget.prepare(QStringLiteral("DELETE FROM search_place_figure WHERE vorlage_id = ? AND place = ?"));
        forget.addBindValue(vorlageId);
        forget.addBindValue(place.key);
        if (auto r = execQuery(forget, context); !r)
            return r;
    }
    QSqlQuery figure(db);
    figure.prepare(QStringLiteral("INSERT INTO search_place_figure (vorlage_id, place, figure_key) VALUES (?, ?, ?) "
                                  "ON CONFLICT DO NOTHING"));
    for (const QString &key : place.figureKeys) {
        figure.addBindValue(vorlageId);
        figure.addBindValue(place.key);
        figure.addBindValue(key);
        if (auto r = execQuery(figure, context); !r)
            return r;
    }
    return {};
}

const QStringList searchObjects = {
    QStringLiteral("search_place"),        QStringLiteral("search_place_figure"), QStringLiteral("search_fts"),
    QStringLiteral("search_place_insert"), QStringLiteral("search_place_delete"), QStringLiteral("search_place_update"),
};

QString foldSlowly(const QString &text)
{
    const QString lower = text.normalized(QString::NormalizationForm_C).toLower();
    QString folded;
    folded.reserve(lower.size() + 8);
    for (const QChar c : lower) {
        switch (c.unicode()) {
        case 0x00E4: folded += QLatin1String("ae"); break; // ä
        case 0x00F6: folded += QLatin1String("oe"); break; // ö
        case 0x00FC: folded += QLatin1String("ue"); break; // ü
        case 0x00DF: // ß
        case 0x1E9E: folded += QLatin1String("ss"); break; // ẞ
        default: folded += c;
        }
    }
    // Other accents (é, ç) go, as in FTS5's remove_diacritics: decompose and drop the marks.
    const QString decomposed = folded.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (!c.isMark())
            result += c;
    }
    return result;
}

} // namespace

QString SearchHit::markedSnippet(const QString &open, const QString &close) const
{
    QString result = snippet;
    for (auto it = highlights.crbegin(); it != highlights.crend(); ++it) {
        result.insert(it->first + it->second, close);
        result.insert(it->first, open);
    }
    return result;
}

namespace SearchIndex {

// Whether a character may combine with its neighbours under normalisation (a combining mark, a Hangul jamo, half
// of a surrogate pair): then only the whole text folds right.
bool combines(QChar c)
{
    const char16_t u = c.unicode();
    return c.isMark() || c.isSurrogate() || (u >= 0x1100 && u <= 0x11FF) || (u >= 0x3130 && u <= 0x318F)
           || (u >= 0xA960 && u <= 0xA97F) || (u >= 0xD7B0 && u <= 0xD7FF);
}

QString foldForSearch(const QString &text)
{
    // Folded a character at a time, the same as with the whole rules (foldSlowly, which normalises the whole
    // text), unless a character combines with its neighbours. Latin letters come from a table made once; a
    // 50-page section folds in a fraction of the time.
    constexpr char16_t tableSize = 0x250;
    static const QList<QString> table = [] {
        QList<QString> t;
        t.reserve(tableSize);
        for (char16_t c = 0; c < tableSize; ++c)
            t << foldSlowly(QString(QChar(c)));
        return t;
    }();
    QString folded;
    folded.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u < 0x80)
            folded += QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
        else if (u < tableSize)
            folded += table[u];
        else if (combines(c))
            return foldSlowly(text);
        else
            folded += foldSlowly(QString(c));
    }
    return folded;
}

// The same as a PostgreSQL tsquery: 'word' & 'mobile' <-> 'arbeit' & 'homeoff':*.
QString tsquery(const QString &userText)
{
    QStringList parts;
    for (const Term &term : parseTerms(userText)) {
        QStringList words;
        for (const QString &w : term.words)
            words << QLatin1Char('\'') + w + QLatin1Char('\''); // tokens hold letters and digits only
        parts << words.join(QStringLiteral(" <-> ")) + (term.prefix ? QStringLiteral(":*") : QString());
    }
    return parts.join(QStringLiteral(" & "));
}

QString matchExpression(const QString &userText)
{
    QStringList parts;
    for (const Term &term : parseTerms(userText))
        parts << QLatin1Char('"') + term.words.join(QLatin1Char(' ')) + QLatin1Char('"')
                     + (term.prefix ? QStringLiteral("*") : QString());
    return parts.join(QLatin1Char(' '));
}

QStringList passages(const QString &text)
{
    constexpr quint32 linesPerPassage = 8; // on average
    constexpr int maxChars = 4000;
    QStringList list;
    QString current;
    const auto flush = [&] {
        if (!current.trimmed().isEmpty())
            list << current;
        current.clear();
    };
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        if (!current.isEmpty())
            current += QLatin1Char('\n');
        current += line;
        quint32 hash = 2166136261u; // FNV-1a over the line's UTF-16: the same in every version of Qt
        for (const QChar c : line)
            hash = (hash ^ c.unicode()) * 16777619u;
        if (hash % linesPerPassage == 0 || current.size() >= maxChars)
            flush();
    }
    flush();
    return list;
}

QList<std::pair<int, int>> matchesIn(const QString &text, const QString &userText)
{
    QList<std::pair<int, int>> found;
    for (const Match &m : findMatches(tokens(text), parseTerms(userText)))
        found.append({m.start, m.end - m.start});
    return found;
}

Result<void> writeVorlage(QSqlDatabase db, const Vorlage &vorlage, const FigureValues &figures,
                          const RessortTable *ressorts)
{
    QSqlQuery del(db);
    del.prepare(QStringLiteral("DELETE FROM search_place WHERE vorlage_id = ?"));
    del.addBindValue(vorlage.id);
    if (auto r = execQuery(del, tr("Suchindex der Vorlage %1 schreiben").arg(vorlage.id)); !r)
        return r;
    for (const PlaceText &place : placeTexts(vorlage, figures, ressorts)) {
        if (auto r = writePlace(db, vorlage.id, place, true); !r)
            return r;
    }
    return {};
}

Result<void> removePlaces(QSqlDatabase db, qint64 vorlageId, const QStringList &placeKeys)
{
    for (const QString &key : placeKeys) {
        for (const char *sql : {"DELETE FROM search_place WHERE vorlage_id = ? AND place = ?",
                                "DELETE FROM search_place_figure WHERE vorlage_id = ? AND place = ?"}) {
            QSqlQuery del(db);
            del.prepare(QString::fromLatin1(sql));
            del.addBindValue(vorlageId);
            del.addBindValue(key);
            if (auto r = execQuery(del, tr("Suchindex der Vorlage %1 schreiben").arg(vorlageId)); !r)
                return r;
        }
    }
    return {};
}

Result<void> writePlaces(QSqlDatabase db, qint64 vorlageId, const QList<PlaceText> &places)
{
    for (const PlaceText &place : places) {
        if (auto r = writePlace(db, vorlageId, place, false); !r)
            return r;
    }
    return {};
}

Result<void> removeVorlage(QSqlDatabase db, qint64 vorlageId)
{
    for (const char *sql : {"DELETE FROM search_place WHERE vorlage_id = ?",
                            "DELETE FROM search_place_figure WHERE vorlage_id = ?"}) {
        QSqlQuery del(db);
        del.prepare(QString::fromLatin1(sql));
        del.addBindValue(vorlageId);
        if (auto r = execQuery(del, tr("Suchindex der Vorlage %1 löschen").arg(vorlageId)); !r)
            return r;
    }
    return {};
}

Result<QList<qint64>> vorlagenQuoting(QSqlDatabase db, const QStringList &figureKeys)
{
    QSet<qint64> ids;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT DISTINCT vorlage_id FROM search_place_figure WHERE figure_key = ?"));
    for (const QString &key : figureKeys) {
        q.addBindValue(key);
        if (auto r = execQuery(q, tr("Suchindex für die Zahl %1 lesen").arg(key)); !r)
            return r.failure();
        while (q.next())
            ids.insert(q.value(0).toLongLong());
        q.finish();
    }
    QList<qint64> sorted(ids.cbegin(), ids.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

Result<QList<SearchHit>> search(QSqlDatabase db, const SearchQuery &query)
{
    const QString match = matchExpression(query.text);
    if (match.isEmpty())
        return QList<SearchHit>{};
    // The passages that match (materialized: bm25() cannot be called inside an aggregate), then the best of
    // each place (SQLite takes the other columns from the row of the one min() of the outer query).
    // On a server: ts_rank over the GIN-indexed column (higher is better, so negated), the best passage of each
    // place by DISTINCT ON.
    const bool server = dialectOf(db) == Dialect::Postgres;
    QString sql = server
        ? QStringLiteral("SELECT DISTINCT ON (p.vorlage_id, p.place) p.vorlage_id, v.title, v.session_date, v.kind, "
                         "v.status, p.place, p.label, p.text, -ts_rank(to_tsvector('simple', p.folded), m.q) AS rank "
                         "FROM search_place p JOIN vorlage v ON v.id = p.vorlage_id "
                         "CROSS JOIN (SELECT to_tsquery('simple', :match) AS q) m "
                         "WHERE to_tsvector('simple', p.folded) @@ m.q")
        : QStringLiteral("SELECT p.vorlage_id, v.title, v.session_date, v.kind, v.status, p.place, p.label, p.text, "
                         "bm25(search_fts) AS rank FROM search_fts JOIN search_place p ON p.id = search_fts.rowid "
                         "JOIN vorlage v ON v.id = p.vorlage_id WHERE search_fts MATCH :match");
    if (query.kind)
        sql += QStringLiteral(" AND v.kind = :kind");
    if (query.status)
        sql += QStringLiteral(" AND v.status = :status");
    if (query.decidedOnly)
        sql += QStringLiteral(" AND v.status IN (:decided, :published)");
    if (query.publishedOnly)
        sql += QStringLiteral(" AND v.status = :published");
    if (!query.ressortKey.isEmpty())
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM vorlage_ressort r WHERE r.vorlage_id = v.id "
                              "AND r.ressort_key = :ressort)");
    if (query.from.isValid() || query.to.isValid())
        sql += QStringLiteral(" AND coalesce(v.session_date, '') <> ''");
    if (query.from.isValid())
        sql += QStringLiteral(" AND v.session_date >= :from");
    if (query.to.isValid())
        sql += QStringLiteral(" AND v.session_date <= :to");
    sql = server ? QStringLiteral("SELECT * FROM (%1 ORDER BY p.vorlage_id, p.place, rank) best "
                                  "ORDER BY rank, vorlage_id, place LIMIT :limit").arg(sql)
                 : QStringLiteral("WITH passage AS MATERIALIZED (%1) "
                                  "SELECT vorlage_id, title, session_date, kind, status, place, label, text, min(rank) AS best "
                                  "FROM passage GROUP BY vorlage_id, place ORDER BY best, vorlage_id, place LIMIT :limit").arg(sql);

    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return Error{tr("Suche vorbereiten: %1").arg(q.lastError().text())};
    q.bindValue(QStringLiteral(":match"), server ? tsquery(query.text) : match);
    if (query.kind)
        q.bindValue(QStringLiteral(":kind"), kindKey(*query.kind));
    if (query.status)
        q.bindValue(QStringLiteral(":status"), statusKey(*query.status));
    if (query.decidedOnly || query.publishedOnly)
        q.bindValue(QStringLiteral(":published"), statusKey(Status::Veroeffentlicht));
    if (query.decidedOnly)
        q.bindValue(QStringLiteral(":decided"), statusKey(Status::Beschlossen));
    if (!query.ressortKey.isEmpty())
        q.bindValue(QStringLiteral(":ressort"), query.ressortKey);
    if (query.from.isValid())
        q.bindValue(QStringLiteral(":from"), query.from.toString(Qt::ISODate));
    if (query.to.isValid())
        q.bindValue(QStringLiteral(":to"), query.to.toString(Qt::ISODate));
    // No limit: -1 for SQLite, NULL for PostgreSQL.
    q.bindValue(QStringLiteral(":limit"), query.limit > 0 ? QVariant(query.limit) : server ? QVariant() : QVariant(-1));
    if (auto r = execQuery(q, tr("Suchen")); !r)
        return r.failure();

    const QList<Term> terms = parseTerms(query.text);
    QList<SearchHit> hits;
    while (q.next()) {
        SearchHit hit;
        hit.vorlageId = q.value(0).toLongLong();
        hit.title = q.value(1).toString();
        hit.sessionDate = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        kindFromKey(q.value(3).toString(), &hit.kind);
        statusFromKey(q.value(4).toString(), &hit.status);
        hit.placeKey = q.value(5).toString();
        hit.placeLabel = q.value(6).toString();
        hit.rank = q.value(8).toDouble();
        makeSnippet(q.value(7).toString(), terms, &hit);
        hits.append(hit);
    }
    return hits;
}

bool isSound(QSqlDatabase db, Check check)
{
    if (dialectOf(db) == Dialect::Postgres) { // the server keeps its GIN index itself
        QSqlQuery q(db);
        return q.exec(QStringLiteral("SELECT to_regclass('search_place') IS NOT NULL AND to_regclass('search_place_figure') "
                                     "IS NOT NULL AND to_regclass('search_place_words') IS NOT NULL"))
               && q.next() && q.value(0).toBool();
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name IN (?, ?, ?, ?, ?, ?)"));
    for (const QString &name : searchObjects)
        q.addBindValue(name);
    if (!q.exec() || !q.next() || q.value(0).toInt() != searchObjects.size())
        return false;
    q.finish();
    // In SQLite 3.40 FTS5's integrity-check does not compare an external-content index with its rows, so the
    // number of indexed places is compared too (catches a missing or extra place).
    QSqlQuery count(db);
    if (!count.exec(QStringLiteral("SELECT (SELECT count(*) FROM search_place) = (SELECT count(*) FROM search_fts_docsize)"))
        || !count.next() || !count.value(0).toBool())
        return false;
    count.finish();
    // FTS5's integrity-check reads the whole index (0.16 s on 10,000 Vorlagen): only when asked to.
    return check == Check::Quick
           || QSqlQuery(db).exec(QStringLiteral("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"));
}

Result<void> recreate(QSqlDatabase db)
{
    // On a server the tables stay (they carry the GRANTs and policies of migration 10): only their rows go.
    if (dialectOf(db) == Dialect::Postgres) {
        QSqlQuery q(db);
        for (const char *statement : {"DELETE FROM search_place_figure", "DELETE FROM search_place"}) {
            if (!q.exec(QString::fromLatin1(statement)))
                return Error{tr("Suchindex leeren: %1").arg(q.lastError().text())};
        }
        return {};
    }
    // The statements of the migration that gave the index its present form drop what is left and create it.
    QFile file(QStringLiteral(":/db/migrations/%1/0008_search_passages.sql")
                   .arg(dialectFolder(dialectOf(db))));
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Die Beschreibung des Suchindex fehlt im Programm.")};
    QSqlQuery q(db);
    for (const QString &statement : Migrations::statements(QString::fromUtf8(file.readAll()))) {
        if (!q.exec(statement))
            return Error{tr("Suchindex anlegen: %1").arg(q.lastError().text())};
    }
    return {};
}

} // namespace SearchIndex
} // namespace vw
