#pragma once

#include "figure.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace vw {

// A run of text with one set of character formats, or a quoted figure: `figure` holds its key and the
// text is looked up when printed. A decided Vorlage keeps the value it was decided with in `frozen`.
struct Span {
    QString text;
    bool bold = false;
    bool italic = false;
    QString figure{}; // default initialisers keep Span{text} free of warnings
    QString frozen{};

    static Span quote(const QString &key, bool bold = false, bool italic = false);
    bool isFigure() const { return !figure.isEmpty(); }
    // What is printed: the text, or the figure's value (frozen, else looked up, else "{{key}}").
    QString printed(const FigureValues *figures = nullptr) const;

    bool operator==(const Span &) const = default;
};

// One paragraph of inline text. Adjacent spans with equal formats are merged by append().
struct Paragraph {
    QList<Span> spans;

    static Paragraph plain(const QString &text);
    void append(const Span &span);
    QString plainText(const FigureValues *figures = nullptr) const;
    bool isEmpty() const;
    bool operator==(const Paragraph &) const = default;
};

// A block of section content. The three placeholder types mark where the structured items
// kept on the Vorlage (questions, answers, Beschluss items) are rendered inside a section.
struct Block {
    enum class Type { Paragraph, BulletList, NumberedList, Table, Questions, Answers, Beschluss };

    Type type = Type::Paragraph;
    Paragraph paragraph;              // Type::Paragraph
    QList<Paragraph> items;           // lists
    QList<QList<Paragraph>> rows;     // Type::Table; every row has the same number of cells
    bool headerRow = false;           // Type::Table: the first row is a heading row

    static Block para(const Paragraph &p);
    static Block para(const QString &text) { return para(Paragraph::plain(text)); }
    static Block list(Type type, const QList<Paragraph> &items);
    static Block placeholder(Type type);
    bool isPlaceholder() const;
    bool operator==(const Block &) const = default;
};

using Content = QList<Block>;

QJsonArray contentToJson(const Content &content);
// Returns false (and leaves content empty) when the JSON is not content this program wrote.
bool contentFromJson(const QJsonArray &json, Content *content);
QJsonArray paragraphToJson(const Paragraph &paragraph);
// Accepts an array of spans or, for hand-written files, a plain string.
Paragraph paragraphFromJson(const QJsonValue &json);

// Plain text of the content, one paragraph or item per line; placeholders produce nothing.
QString contentPlainText(const Content &content, const FigureValues *figures = nullptr);
// Calls `visit` for every span of the content (lists, tables included).
void forEachSpan(Content &content, const std::function<void(Span &)> &visit);
// Keys of the figures the content quotes, in order of first appearance.
void collectFigureKeys(const Content &content, QStringList *keys);
bool contentIsEmpty(const Content &content);

} // namespace vw
