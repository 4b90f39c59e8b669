#include "figurecsv.h"

#include "vorlage.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>

#include <algorithm>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::FigureCsv", text);
}

enum class Column { Key, Label, Type, Value, Unit, AsOf, Source, Ressort, Note, Millions };

struct ColumnName {
    Column column;
    const char *name; // UTF-8
};

// In the order the writer puts them.
const ColumnName columnNames[] = {
    {Column::Key, "Schlüssel"}, {Column::Label, "Bezeichnung"}, {Column::Type, "Typ"},
    {Column::Value, "Wert"},    {Column::Unit, "Einheit"},      {Column::AsOf, "Stand"},
    {Column::Source, "Quelle"}, {Column::Ressort, "Ressort"},   {Column::Note, "Notiz"},
    {Column::Millions, "Mio"},
};

QString columnName(Column column)
{
    return QString::fromUtf8(columnNames[int(column)].name);
}

QString headerLine()
{
    QStringList names;
    for (const ColumnName &c : columnNames)
        names << QString::fromUtf8(c.name);
    return names.join(QLatin1Char(';'));
}

bool columnFromName(QString name, Column *column)
{
    name = name.trimmed();
    // Spreadsheets saved by people without an umlaut on their keyboard.
    if (name.compare(QLatin1String("Schluessel"), Qt::CaseInsensitive) == 0) {
        *column = Column::Key;
        return true;
    }
    for (const ColumnName &c : columnNames) {
        if (name.compare(QString::fromUtf8(c.name), Qt::CaseInsensitive) == 0) {
            *column = c.column;
            return true;
        }
    }
    return false;
}

// One record of the file: its fields and the line it starts on.
struct Record {
    int line = 0;
    QStringList fields;
    bool broken = false; // a quoting problem, already reported
    bool isBlank() const
    {
        for (const QString &f : fields)
            if (!f.isEmpty())
                return false;
        return true;
    }
};

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

// Splits text into records as RFC 4180 says, with ';' between fields; CRLF, LF or CR end a record.
// Unquoted fields are trimmed; quoted ones are kept as they are (line breaks inside them become LF).
QList<Record> splitRecords(const QString &text, QList<CsvProblem> *problems)
{
    QList<Record> records;
    const qsizetype n = text.size();
    qsizetype i = 0;
    int line = 1;
    const auto atLineEnd = [&](qsizetype at) { return at >= n || text[at] == QLatin1Char('\r') || text[at] == QLatin1Char('\n'); };
    // Steps over one line break at i (CRLF, LF or CR).
    const auto skipLineBreak = [&] {
        if (i < n && text[i] == QLatin1Char('\r'))
            ++i;
        if (i < n && text[i] == QLatin1Char('\n'))
            ++i;
        ++line;
    };
    while (i < n) {
        Record record;
        record.line = line;
        for (;;) {
            qsizetype start = i;
            while (start < n && isSpace(text[start]))
                ++start;
            QString field;
            if (start < n && text[start] == QLatin1Char('"')) {
                const int quoteLine = line;
                i = start + 1;
                bool closed = false;
                while (i < n) {
                    const QChar c = text[i];
                    if (c == QLatin1Char('"')) {
                        if (i + 1 < n && text[i + 1] == QLatin1Char('"')) {
                            field += QLatin1Char('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
                        if (c == QLatin1Char('\r') && i + 1 < n && text[i + 1] == QLatin1Char('\n'))
                            ++i;
                        field += QLatin1Char('\n');
                        ++line;
                        ++i;
                        continue;
                    }
                    field += c;
                    ++i;
                }
                if (!closed) {
                    problems->append({quoteLine, tr("Das Anführungszeichen am Anfang eines Feldes wird bis zum Ende der "
                                                    "Datei nicht geschlossen.")});
                    record.broken = true;
                    record.fields.append(field);
                    records.append(record);
                    return records;
                }
                while (i < n && isSpace(text[i]))
                    ++i;
                if (i < n && text[i] != QLatin1Char(';') && !atLineEnd(i)) {
                    if (!record.broken)
                        problems->append({line, tr("Nach einem Feld in Anführungszeichen darf nur ein Semikolon oder "
                                                   "das Zeilenende folgen (Anführungszeichen im Feld werden verdoppelt: \"\").")});
                    record.broken = true;
                    while (i < n && text[i] != QLatin1Char(';') && !atLineEnd(i))
                        ++i;
                }
            } else {
                i = start;
                while (i < n && text[i] != QLatin1Char(';') && !atLineEnd(i))
                    ++i;
                field = text.mid(start, i - start).trimmed();
            }
            record.fields.append(field);
            if (i < n && text[i] == QLatin1Char(';')) {
                ++i;
                continue;
            }
            skipLineBreak();
            break;
        }
        records.append(record);
    }
    return records;
}

// Decodes UTF-8 (with or without byte order mark); reports every line that is not.
bool decodeUtf8(const QByteArray &data, QString *text, QList<CsvProblem> *problems)
{
    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    if (bytes.contains('\0')) {
        problems->append({1, tr("Die Datei ist keine Textdatei (sie enthält Null-Bytes).")});
        return false;
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    *text = decoder.decode(bytes);
    if (!decoder.hasError())
        return true;
    // A line break never occurs inside a UTF-8 sequence, so each line can be checked alone.
    const QList<QByteArray> lines = bytes.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringDecoder lineDecoder(QStringDecoder::Utf8);
        const QString decoded = lineDecoder.decode(lines[i]); // decode() is lazy: converting runs it
        if (lineDecoder.hasError() || decoded.isNull())
            problems->append({int(i + 1), tr("Die Zeile ist nicht in UTF-8 kodiert (in Excel als „CSV UTF-8“ "
                                             "speichern).")});
    }
    return false;
}

// The names a type may be given by: its key and its (translated) label, looked up once per file.
struct TypeNames {
    QList<FigureType> types = allFigureTypes();
    QStringList keys;
    QStringList labels;
    TypeNames()
    {
        for (FigureType t : types) {
            keys << figureTypeKey(t);
            labels << figureTypeLabel(t);
        }
    }
    bool find(const QString &text, FigureType *type) const
    {
        for (qsizetype i = 0; i < types.size(); ++i) {
            if (text.compare(keys[i], Qt::CaseInsensitive) == 0 || text.compare(labels[i], Qt::CaseInsensitive) == 0) {
                *type = types[i];
                return true;
            }
        }
        return false;
    }
};

QString typeChoices()
{
    QStringList choices;
    for (FigureType t : allFigureTypes())
        choices << QStringLiteral("%1 (%2)").arg(figureTypeKey(t), figureTypeLabel(t));
    return choices.join(QStringLiteral(", "));
}

QString csvField(const QString &text)
{
    const bool quote = text.contains(QLatin1Char(';')) || text.contains(QLatin1Char('"'))
                       || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'))
                       || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!quote)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

FigureType guessFigureType(const QString &value)
{
    if (parseFigureValue(FigureType::Integer, value))
        return FigureType::Integer;
    if (parseFigureValue(FigureType::Decimal, value))
        return FigureType::Decimal;
    if (value.contains(QLatin1Char('%')) && parseFigureValue(FigureType::Percentage, value))
        return FigureType::Percentage;
    if (parseFigureValue(FigureType::Amount, value))
        return FigureType::Amount;
    if (parseFigureValue(FigureType::Date, value))
        return FigureType::Date;
    return FigureType::Decimal;
}

Result<QList<Figure>> readFigureCsv(const QByteArray &data, QList<CsvProblem> *problemsOut, const RessortTable *ressorts)
{
    QList<CsvProblem> problems;
    const auto finish = [&]() -> Result<QList<Figure>> {
        if (problems.isEmpty())
            problems.append({1, tr("Die Datei kann nicht gelesen werden.")});
        std::stable_sort(problems.begin(), problems.end(),
                         [](const CsvProblem &a, const CsvProblem &b) { return a.line < b.line; });
        if (problemsOut)
            *problemsOut = problems;
        QString message = tr("Zeile %1: %2").arg(problems.first().line).arg(problems.first().message);
        if (problems.size() == 2)
            message += QLatin1Char(' ') + tr("(und ein weiterer Fehler)");
        else if (problems.size() > 2)
            message += QLatin1Char(' ') + tr("(und %1 weitere Fehler)").arg(problems.size() - 1);
        return Error{message + QLatin1Char(' ') + tr("Es wurde nichts eingelesen.")};
    };

    QString text;
    if (!decodeUtf8(data, &text, &problems))
        return finish();
    QList<Record> records = splitRecords(text, &problems);
    qsizetype first = 0;
    while (first < records.size() && records[first].isBlank() && !records[first].broken)
        ++first;
    if (first == records.size()) {
        if (problems.isEmpty())
            problems.append({1, tr("Die Datei ist leer; die erste Zeile muss die Spalten nennen: %1").arg(headerLine())});
        return finish();
    }

    // The header row.
    const Record &header = records[first];
    QHash<int, int> columnIndex; // Column → field index
    int unknown = 0;
    QList<int> unnamed; // field indexes of columns without a name
    for (qsizetype f = 0; f < header.fields.size(); ++f) {
        const QString name = header.fields[f];
        Column column = Column::Key;
        if (name.isEmpty()) {
            // Spreadsheets add empty columns after the table; they may stay as long as they are empty.
            unnamed.append(int(f));
        } else if (!columnFromName(name, &column)) {
            ++unknown;
            problems.append({header.line, tr("Unbekannte Spalte „%1“.").arg(name)});
        } else if (columnIndex.contains(int(column))) {
            problems.append({header.line, tr("Die Spalte „%1“ steht zweimal in der Kopfzeile.").arg(columnName(column))});
        } else {
            columnIndex.insert(int(column), int(f));
        }
    }
    if (unknown + unnamed.size() == header.fields.size()) {
        problems.append({header.line, tr("Die erste Zeile muss die Spalten nennen: %1").arg(headerLine())});
    } else {
        for (Column required : {Column::Key, Column::Label, Column::Value})
            if (!columnIndex.contains(int(required)))
                problems.append({header.line, tr("Die Kopfzeile nennt die Spalte „%1“ nicht.").arg(columnName(required))});
    }
    if (!problems.isEmpty())
        return finish();

    const TypeNames typeNames;
    QList<Figure> figures;
    figures.reserve(records.size());
    QHash<QString, int> keyLines;
    keyLines.reserve(records.size());
    for (qsizetype r = first + 1; r < records.size(); ++r) {
        const Record &record = records[r];
        if (record.broken)
            continue;
        if (record.isBlank())
            continue;
        const int line = record.line;
        if (record.fields.size() != header.fields.size()) {
            problems.append({line, tr("Die Zeile hat %1 Felder, die Kopfzeile %2.")
                                       .arg(record.fields.size())
                                       .arg(header.fields.size())});
            continue;
        }
        const auto field = [&](Column c) {
            const int index = columnIndex.value(int(c), -1);
            return index < 0 ? QString() : record.fields[index];
        };
        const auto problem = [&](const QString &message) { problems.append({line, message}); };
        for (int index : std::as_const(unnamed))
            if (!record.fields[index].isEmpty())
                problem(tr("Spalte %1 hat keinen Namen in der Kopfzeile, aber hier den Wert „%2“.")
                            .arg(index + 1)
                            .arg(record.fields[index]));

        Figure f;
        f.key = field(Column::Key);
        if (f.key.isEmpty())
            problem(tr("Der Schlüssel fehlt."));
        else if (!isValidFigureKey(f.key))
            problem(tr("„%1“ ist kein gültiger Schlüssel (Kleinbuchstaben, Ziffern und Bindestriche, am Anfang ein "
                       "Buchstabe).")
                        .arg(f.key));
        else if (const int earlier = keyLines.value(f.key); earlier > 0)
            problem(tr("Der Schlüssel „%1“ steht schon in Zeile %2.").arg(f.key).arg(earlier));
        else
            keyLines.insert(f.key, line);

        f.label = field(Column::Label);
        if (f.label.trimmed().isEmpty())
            problem(tr("Die Bezeichnung fehlt."));

        const QString valueText = field(Column::Value);
        const QString typeText = field(Column::Type).trimmed();
        bool typeOk = true;
        if (typeText.isEmpty()) {
            f.type = guessFigureType(valueText);
        } else if (!typeNames.find(typeText, &f.type)) {
            typeOk = false;
            problem(tr("Unbekannter Typ „%1“ (möglich: %2).").arg(typeText, typeChoices()));
        }
        if (typeOk) {
            if (auto value = parseFigureValue(f.type, valueText)) {
                f.value = value.value();
            } else {
                problem(tr("Wert: %1").arg(value.error()));
            }
        }

        f.unit = field(Column::Unit);
        if (const QString asOf = field(Column::AsOf).trimmed(); !asOf.isEmpty()) {
            f.asOf = parseGermanDate(asOf);
            if (!f.asOf.isValid())
                problem(tr("Stand: „%1“ ist kein Datum (erwartet wird z. B. 12.05.2020).").arg(asOf));
        }
        f.source = field(Column::Source);
        f.note = field(Column::Note);

        if (const QString ressort = field(Column::Ressort).trimmed(); !ressort.isEmpty()) {
            if (!ressorts || ressorts->hasKey(ressort)) {
                f.ressortKey = ressort;
            } else if (const QString key = ressorts->keyForName(ressort); !key.isEmpty()) {
                f.ressortKey = key;
            } else {
                problem(tr("Ressort: „%1“ ist weder Schlüssel noch Name eines Ressorts.").arg(ressort));
            }
        }

        const QString millions = field(Column::Millions).trimmed();
        if (millions.compare(QLatin1String("ja"), Qt::CaseInsensitive) == 0) {
            f.millions = true;
        } else if (millions.isEmpty()) {
            // "7,5 Mio. €" in the value column says how it is to be written.
            f.millions = f.type == FigureType::Amount && valueText.contains(QLatin1String("Mio"));
        } else if (millions.compare(QLatin1String("nein"), Qt::CaseInsensitive) != 0) {
            problem(tr("Mio: „%1“ – erwartet wird „ja“, „nein“ oder nichts.").arg(millions));
        }
        if (f.millions && typeOk && f.type != FigureType::Amount)
            problem(tr("Mio: „ja“ gibt es nur für Beträge in Euro."));

        figures.append(f);
    }
    if (!problems.isEmpty())
        return finish();
    if (problemsOut)
        problemsOut->clear();
    return figures;
}

QByteArray writeFigureCsv(const QList<Figure> &figures)
{
    QString text = headerLine() + QStringLiteral("\r\n");
    for (const Figure &f : figures) {
        QString value = f.value;
        if (f.type == FigureType::Date)
            value = germanDate(QDate::fromString(f.value, Qt::ISODate));
        else
            value.replace(QLatin1Char('.'), QLatin1Char(','));
        const QString millions = f.type == FigureType::Amount ? (f.millions ? QStringLiteral("ja") : QStringLiteral("nein"))
                                                              : QString();
        const QStringList fields = {f.key,  f.label,        figureTypeKey(f.type), value,  f.unit,
                                    f.asOf.isValid() ? germanDate(f.asOf) : QString(), f.source, f.ressortKey,
                                    f.note, millions};
        QStringList quoted;
        for (const QString &field : fields)
            quoted << csvField(field);
        text += quoted.join(QLatin1Char(';')) + QStringLiteral("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace vw
