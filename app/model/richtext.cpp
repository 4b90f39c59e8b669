#include "richtext.h"

#include <QJsonObject>
#include <QStringList>

namespace vw {

Paragraph Paragraph::plain(const QString &text)
{
    Paragraph p;
    if (!text.isEmpty())
        p.spans.append(Span{text});
    return p;
}

Span Span::quote(const QString &key, bool bold, bool italic)
{
    Span s;
    s.figure = key;
    s.bold = bold;
    s.italic = italic;
    return s;
}

QString Span::printed(const FigureValues *figures) const
{
    if (!isFigure())
        return text;
    if (!frozen.isEmpty())
        return frozen;
    return figures ? figures->text(figure) : figurePlaceholder(figure);
}

void Paragraph::append(const Span &span)
{
    if (span.text.isEmpty() && !span.isFigure())
        return;
    // Quotes stay spans of their own; text runs with equal formats merge.
    if (!span.isFigure() && !spans.isEmpty() && !spans.last().isFigure() && spans.last().bold == span.bold
        && spans.last().italic == span.italic)
        spans.last().text += span.text;
    else
        spans.append(span);
}

QString Paragraph::plainText(const FigureValues *figures) const
{
    QString text;
    for (const Span &s : spans)
        text += s.printed(figures);
    return text;
}

bool Paragraph::isEmpty() const
{
    for (const Span &s : spans) {
        if (s.isFigure() || !s.text.trimmed().isEmpty())
            return false;
    }
    return true;
}

Block Block::para(const Paragraph &p)
{
    Block b;
    b.paragraph = p;
    return b;
}

Block Block::list(Type type, const QList<Paragraph> &items)
{
    Block b;
    b.type = type;
    b.items = items;
    return b;
}

Block Block::placeholder(Type type)
{
    Block b;
    b.type = type;
    return b;
}

bool Block::isPlaceholder() const
{
    return type == Type::Questions || type == Type::Answers || type == Type::Beschluss;
}

namespace {

const char *const typeNames[] = {"p", "ul", "ol", "table", "questions", "answers", "beschluss"};

QString typeName(Block::Type t)
{
    return QString::fromLatin1(typeNames[int(t)]);
}

bool typeFromName(const QString &name, Block::Type *t)
{
    for (int i = 0; i < int(std::size(typeNames)); ++i) {
        if (name == QLatin1String(typeNames[i])) {
            *t = Block::Type(i);
            return true;
        }
    }
    return false;
}

} // namespace

QJsonArray paragraphToJson(const Paragraph &paragraph)
{
    QJsonArray spans;
    for (const Span &s : paragraph.spans) {
        QJsonObject o{{QStringLiteral("t"), s.text}};
        if (s.isFigure())
            o.insert(QStringLiteral("f"), s.figure);
        if (!s.frozen.isEmpty())
            o.insert(QStringLiteral("v"), s.frozen);
        if (s.bold)
            o.insert(QStringLiteral("b"), true);
        if (s.italic)
            o.insert(QStringLiteral("i"), true);
        spans.append(o);
    }
    return spans;
}

Paragraph paragraphFromJson(const QJsonValue &json)
{
    if (json.isString())
        return Paragraph::plain(json.toString());
    Paragraph p;
    for (const QJsonValue &v : json.toArray()) {
        const QJsonObject o = v.toObject();
        p.append(Span{o.value(QStringLiteral("t")).toString(), o.value(QStringLiteral("b")).toBool(),
                      o.value(QStringLiteral("i")).toBool(), o.value(QStringLiteral("f")).toString(),
                      o.value(QStringLiteral("v")).toString()});
    }
    return p;
}

QJsonArray contentToJson(const Content &content)
{
    QJsonArray blocks;
    for (const Block &b : content) {
        QJsonObject o{{QStringLiteral("type"), typeName(b.type)}};
        switch (b.type) {
        case Block::Type::Paragraph:
            o.insert(QStringLiteral("text"), paragraphToJson(b.paragraph));
            break;
        case Block::Type::BulletList:
        case Block::Type::NumberedList: {
            QJsonArray items;
            for (const Paragraph &p : b.items)
                items.append(paragraphToJson(p));
            o.insert(QStringLiteral("items"), items);
            break;
        }
        case Block::Type::Table: {
            QJsonArray rows;
            for (const auto &row : b.rows) {
                QJsonArray cells;
                for (const Paragraph &cell : row)
                    cells.append(paragraphToJson(cell));
                rows.append(cells);
            }
            o.insert(QStringLiteral("rows"), rows);
            o.insert(QStringLiteral("header"), b.headerRow);
            break;
        }
        default:
            break;
        }
        blocks.append(o);
    }
    return blocks;
}

bool contentFromJson(const QJsonArray &json, Content *content)
{
    content->clear();
    Content result;
    for (const QJsonValue &v : json) {
        if (!v.isObject())
            return false;
        const QJsonObject o = v.toObject();
        Block b;
        if (!typeFromName(o.value(QStringLiteral("type")).toString(), &b.type))
            return false;
        b.paragraph = paragraphFromJson(o.value(QStringLiteral("text")));
        for (const QJsonValue &item : o.value(QStringLiteral("items")).toArray())
            b.items.append(paragraphFromJson(item));
        for (const QJsonValue &row : o.value(QStringLiteral("rows")).toArray()) {
            QList<Paragraph> cells;
            for (const QJsonValue &cell : row.toArray())
                cells.append(paragraphFromJson(cell));
            b.rows.append(cells);
        }
        b.headerRow = o.value(QStringLiteral("header")).toBool();
        result.append(b);
    }
    *content = result;
    return true;
}

QString contentPlainText(const Content &content, const FigureValues *figures)
{
    QStringList lines;
    for (const Block &b : content) {
        switch (b.type) {
        case Block::Type::Paragraph:
            lines << b.paragraph.plainText(figures);
            break;
        case Block::Type::BulletList:
            for (const Paragraph &p : b.items)
                lines << QStringLiteral("• ") + p.plainText(figures);
            break;
        case Block::Type::NumberedList:
            for (int i = 0; i < b.items.size(); ++i)
                lines << QStringLiteral("%1. %2").arg(i + 1).arg(b.items[i].plainText(figures));
            break;
        case Block::Type::Table:
            for (const auto &row : b.rows) {
                QStringList cells;
                for (const Paragraph &cell : row)
                    cells << cell.plainText(figures);
                lines << cells.join(QStringLiteral(" | "));
            }
            break;
        default:
            break;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

bool contentIsEmpty(const Content &content)
{
    for (const Block &b : content) {
        if (b.isPlaceholder())
            continue;
        if (!contentPlainText({b}).trimmed().isEmpty())
            return false;
    }
    return true;
}

void forEachSpan(Content &content, const std::function<void(Span &)> &visit)
{
    const auto paragraph = [&visit](Paragraph &p) {
        for (Span &s : p.spans)
            visit(s);
    };
    for (Block &b : content) {
        paragraph(b.paragraph);
        for (Paragraph &p : b.items)
            paragraph(p);
        for (auto &row : b.rows)
            for (Paragraph &cell : row)
                paragraph(cell);
    }
}

void collectFigureKeys(const Content &content, QStringList *keys)
{
    forEachSpan(const_cast<Content &>(content), [keys](Span &s) {
        if (s.isFigure() && !keys->contains(s.figure))
            keys->append(s.figure);
    });
}

} // namespace vw
