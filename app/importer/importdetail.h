#pragma once

// Building blocks of the text importer, kept apart so the tests can reach the tricky parts
// (line clean-up, hyphenation, inline markup) directly. Not part of the layer's interface.

#include "richtext.h"
#include "textimporter.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace vw::importdetail {

// One line of the input after splitting at line breaks and form feeds.
struct SourceLine {
    int number = 0;           // 1-based line of the original input
    QString raw;              // as read (control characters replaced), for reports
    QString text;             // trimmed; markup still in place
    bool pageStart = false;   // first piece after a form feed
    bool skip = false;        // page furniture or stamp: recognised, not content
    bool breakBefore = false; // a paragraph ends before this line although no blank line says so
    bool isBlank() const { return text.isEmpty(); }
};

// How the name of a submitting Ressort begins ("Der Senator", "Senatskanzlei", …), as a regex alternation.
QString ressortPrefixPattern();

// Splits text into lines (LF, CRLF, CR; form feeds start a new page), numbering the lines of the input.
QList<SourceLine> splitSourceLines(const QString &text);

// Marks page footers and headers ("Seite 1 von 3", "- 2 -", lone page numbers, lines repeated at the
// top or foot of several pages) and "beschlossene Fassung" stamps as skip; joins paragraphs that run
// across a page break. Returns the date of the stamp, if there is one.
QDate removePageFurniture(QList<SourceLine> &lines);

// Joins the wrapped lines of one paragraph with spaces, undoing hyphenation at line ends:
// "Verwal-" + "tung" -> "Verwaltung", "Corona-" + "Krise" -> "Corona-Krise",
// "Sicherheits-" + "und …" -> "Sicherheits- und …". `document` is the whole input: a compound
// that is hyphenated elsewhere in it ("öffentlich-rechtlich") keeps its hyphen.
QString joinWrappedLines(const QStringList &lines, const QString &document = QString());

// Whether the text uses the Markdown-like markup of the reference form.
bool looksLikeMarkdown(const QString &text);

// Inline markup (**bold**, *italic*, __bold__, _italic_, backslash escapes) into spans. Without
// `markdown` the text is taken literally (a gender star in "Mitarbeiter*innen" is text, not markup).
Paragraph parseInline(const QString &text, bool markdown);

// Text without heading prefixes ("## ") and inline markup, whitespace simplified.
QString stripMarkup(const QString &text, bool markdown = true);

// importText() with a name for the input in messages ("Der Text", "„datei.txt“").
Result<ImportResult> importTextAs(const QString &text, const RessortTable &ressorts, const QString &subject);

} // namespace vw::importdetail
