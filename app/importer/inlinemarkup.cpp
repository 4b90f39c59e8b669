// Inline markup of the Markdown-like input form: **bold**, *italic*, backslash escapes.
#include "importdetail.h"

#include <QRegularExpression>

namespace vw::importdetail {

namespace {

bool isPunct(QChar c)
{
    return c.isPunct() || c.isSymbol();
}

bool isAsciiPunct(QChar c)
{
    return c.unicode() < 128 && c.isPrint() && !c.isLetterOrNumber() && !c.isSpace();
}

// A piece of literal text, or a run of '*' or '_' that may open or close emphasis.
struct Token {
    QString text;
    QChar delim;
    int length = 0;
    bool canOpen = false;
    bool canClose = false;
    int opensBold = 0;
    int opensItalic = 0;
    int closesBold = 0;
    int closesItalic = 0;
};

} // namespace

bool looksLikeMarkdown(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("(?:^|\\n)#{1,6}[ \\t]+\\S|\\*\\*[^*\\n]+\\*\\*|__[^_\\n]+__|\\\\[*_#\\[\\]]"),
        QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

namespace {

Paragraph parseEmphasis(const QString &input, bool markdown);

// "{{key}}" in a text is a quote of a figure: its own span, with the formats of the text around it.
Paragraph quotesToSpans(const Paragraph &p)
{
    static const QRegularExpression quote(QStringLiteral("\\{\\{\\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\s*\\}\\}"));
    Paragraph result;
    for (const Span &s : p.spans) {
        if (s.isFigure() || !s.text.contains(QLatin1String("{{"))) {
            result.append(s);
            continue;
        }
        qsizetype at = 0;
        for (auto it = quote.globalMatch(s.text); it.hasNext();) {
            const auto m = it.next();
            result.append(Span{s.text.mid(at, m.capturedStart() - at), s.bold, s.italic});
            result.append(Span::quote(m.captured(1), s.bold, s.italic));
            at = m.capturedEnd();
        }
        result.append(Span{s.text.mid(at), s.bold, s.italic});
    }
    return result;
}

} // namespace

Paragraph parseInline(const QString &input, bool markdown)
{
    return quotesToSpans(parseEmphasis(input, markdown));
}

namespace {

Paragraph parseEmphasis(const QString &input, bool markdown)
{
    if (!markdown)
        return Paragraph::plain(input);

    QList<Token> tokens;
    QString literal;
    auto flushLiteral = [&]() {
        if (!literal.isEmpty()) {
            Token t;
            t.text = literal;
            tokens.append(t);
            literal.clear();
        }
    };
    for (qsizetype i = 0; i < input.size();) {
        const QChar c = input.at(i);
        if (c == QLatin1Char('\\') && i + 1 < input.size() && isAsciiPunct(input.at(i + 1))) {
            literal += input.at(i + 1);
            i += 2;
            continue;
        }
        if (c != QLatin1Char('*') && c != QLatin1Char('_')) {
            literal += c;
            ++i;
            continue;
        }
        qsizetype j = i;
        while (j < input.size() && input.at(j) == c)
            ++j;
        const int run = int(j - i);
        if (run > 3) {
            literal += input.mid(i, run);
            i = j;
            continue;
        }
        // Emphasis only at word edges (stricter than CommonMark), so that a gender star or an
        // underscore inside a word stays text.
        const QChar before = i > 0 ? input.at(i - 1) : QLatin1Char(' ');
        const QChar after = j < input.size() ? input.at(j) : QLatin1Char(' ');
        const bool beforeEdge = before.isSpace() || isPunct(before);
        const bool afterEdge = after.isSpace() || isPunct(after);
        const bool leftFlanking = !after.isSpace() && (!isPunct(after) || beforeEdge);
        const bool rightFlanking = !before.isSpace() && (!isPunct(before) || afterEdge);
        flushLiteral();
        Token t;
        t.delim = c;
        t.length = run;
        t.canOpen = leftFlanking && beforeEdge;
        t.canClose = rightFlanking && afterEdge;
        tokens.append(t);
        i = j;
    }
    flushLiteral();

    QList<int> openers;
    for (int i = 0; i < tokens.size(); ++i) {
        Token &t = tokens[i];
        if (t.delim.isNull())
            continue;
        if (t.canClose) {
            for (qsizetype s = openers.size() - 1; s >= 0 && t.length > 0; --s) {
                Token &o = tokens[openers[s]];
                if (o.delim != t.delim || o.length == 0)
                    continue;
                const int use = (o.length >= 2 && t.length >= 2) ? 2 : 1;
                if (use == 2) {
                    ++o.opensBold;
                    ++t.closesBold;
                } else {
                    ++o.opensItalic;
                    ++t.closesItalic;
                }
                o.length -= use;
                t.length -= use;
                // Openers inside the matched pair can no longer match anything.
                openers.resize(o.length > 0 ? s + 1 : s);
                s = openers.size();
            }
        }
        if (t.length > 0 && t.canOpen)
            openers.append(i);
    }

    Paragraph p;
    int bold = 0;
    int italic = 0;
    for (const Token &t : tokens) {
        if (t.delim.isNull()) {
            p.append(Span{t.text, bold > 0, italic > 0});
            continue;
        }
        bold -= t.closesBold;
        italic -= t.closesItalic;
        if (t.length > 0)
            p.append(Span{QString(t.length, t.delim), bold > 0, italic > 0});
        bold += t.opensBold;
        italic += t.opensItalic;
    }
    return p;
}

} // namespace

QString stripMarkup(const QString &text, bool markdown)
{
    QString t = text.trimmed();
    if (markdown) {
        static const QRegularExpression headingPrefix(QStringLiteral("^#{1,6}\\s*"));
        t.remove(headingPrefix);
        t = parseInline(t, true).plainText();
    }
    return t.simplified();
}

} // namespace vw::importdetail
