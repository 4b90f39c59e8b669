#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace vw {

// A run of text with one set of character formats.
struct Span {
    QString text;
    bool bold = false;
    bool italic = false;

    bool operator==(const Span &) const = default;
};

// One paragraph of inline text. Adjacent spans with equal formats are merged by append().
struct Paragraph {
    QList<Span> spans;

    static Paragraph plain(const QString &text);
    void append(const Span &span);
    QString plainText() const;
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
QString contentPlainText(const Content &content);
bool contentIsEmpty(const Content &content);

} // namespace vw
