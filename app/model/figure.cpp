#include "figure.h"

#include "vorlage.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vw {

namespace {

struct TypeInfo {
    FigureType type;
    const char *key;
    const char *label;
};

const TypeInfo types[] = {
    {FigureType::Integer, "integer", QT_TRANSLATE_NOOP("vw::Figure", "Ganzzahl")},
    {FigureType::Decimal, "decimal", QT_TRANSLATE_NOOP("vw::Figure", "Dezimalzahl")},
    {FigureType::Amount, "amount", QT_TRANSLATE_NOOP("vw::Figure", "Betrag in Euro")},
    {FigureType::Percentage, "percentage", QT_TRANSLATE_NOOP("vw::Figure", "Prozent")},
    {FigureType::Date, "date", QT_TRANSLATE_NOOP("vw::Figure", "Datum")},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Figure", text);
}

// Normalises a German or plain number to "1234.5"; empty when it is none.
QString canonicalNumber(QString text)
{
    text = text.trimmed();
    text.remove(QChar(0x00A0)).remove(QLatin1Char(' '));
    static const QRegularExpression german(QStringLiteral("^-?\\d{1,3}(\\.\\d{3})+(,\\d+)?$|^-?\\d+(,\\d+)?$"));
    static const QRegularExpression plain(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    if (german.match(text).hasMatch()) {
        // A lone dot followed by exactly three digits is a thousands separator ("91.430").
        text.remove(QLatin1Char('.'));
        text.replace(QLatin1Char(','), QLatin1Char('.'));
        return text;
    }
    if (plain.match(text).hasMatch())
        return text;
    return QString();
}

// "1234567.5" → "1.234.567,5" (grouping from `groupFrom` integer digits).
QString germanNumber(const QString &canonical, int decimals, int groupFrom)
{
    const bool negative = canonical.startsWith(QLatin1Char('-'));
    QString digits = negative ? canonical.mid(1) : canonical;
    QString intPart = digits.section(QLatin1Char('.'), 0, 0);
    QString fraction = digits.section(QLatin1Char('.'), 1, 1);
    if (decimals >= 0) {
        // Round half up on the decimal string, no floating point.
        const double value = digits.toDouble();
        const QString fixed = QString::number(value, 'f', decimals);
        intPart = fixed.section(QLatin1Char('.'), 0, 0);
        fraction = fixed.section(QLatin1Char('.'), 1, 1);
    }
    if (groupFrom > 0 && intPart.size() >= groupFrom) {
        for (qsizetype i = intPart.size() - 3; i > 0; i -= 3)
            intPart.insert(i, QLatin1Char('.'));
    }
    QString result = intPart;
    if (!fraction.isEmpty())
        result += QLatin1Char(',') + fraction;
    return negative ? QLatin1Char('-') + result : result;
}

} // namespace

QString figureTypeKey(FigureType type)
{
    return QString::fromLatin1(types[int(type)].key);
}

QString figureTypeLabel(FigureType type)
{
    return tr(types[int(type)].label);
}

bool figureTypeFromKey(const QString &key, FigureType *type)
{
    for (const TypeInfo &t : types) {
        if (key == QLatin1String(t.key)) {
            *type = t.type;
            return true;
        }
    }
    return false;
}

QList<FigureType> allFigureTypes()
{
    QList<FigureType> result;
    for (const TypeInfo &t : types)
        result << t.type;
    return result;
}

bool isValidFigureKey(const QString &key)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9]*(-[a-z0-9]+)*$"));
    return key.size() <= 80 && pattern.match(key).hasMatch();
}

Result<QString> parseFigureValue(FigureType type, const QString &input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return Error{tr("Der Wert fehlt.")};
    switch (type) {
    case FigureType::Date: {
        const QDate date = parseGermanDate(text);
        if (!date.isValid())
            return Error{tr("„%1“ ist kein Datum (erwartet wird z. B. 12.05.2020).").arg(input)};
        return date.toString(Qt::ISODate);
    }
    case FigureType::Percentage:
        text.remove(QLatin1Char('%'));
        break;
    case FigureType::Amount: {
        text.remove(QStringLiteral("EUR")).remove(QChar(0x20AC));
        static const QRegularExpression millions(QStringLiteral("\\s*(Mio\\.?|Millionen)\\s*$"));
        const bool mio = millions.match(text).hasMatch();
        text.remove(millions);
        const QString number = canonicalNumber(text);
        if (number.isEmpty())
            return Error{tr("„%1“ ist kein Betrag (erwartet wird z. B. 7.500.000 oder 7,5 Mio. €).").arg(input)};
        const double value = number.toDouble() * (mio ? 1e6 : 1.0);
        return QString::number(value, 'f', 2);
    }
    default:
        break;
    }
    const QString number = canonicalNumber(text);
    if (number.isEmpty())
        return Error{tr("„%1“ ist keine Zahl.").arg(input)};
    if (type == FigureType::Integer && number.contains(QLatin1Char('.')))
        return Error{tr("„%1“ ist keine ganze Zahl.").arg(input)};
    return number;
}

bool isCanonicalFigureValue(FigureType type, const QString &value)
{
    static const QRegularExpression integer(QStringLiteral("^-?\\d+$"));
    static const QRegularExpression decimal(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    static const QRegularExpression amount(QStringLiteral("^-?\\d+\\.\\d{2}$"));
    switch (type) {
    case FigureType::Integer:
        return integer.match(value).hasMatch();
    case FigureType::Decimal:
    case FigureType::Percentage:
        return decimal.match(value).hasMatch();
    case FigureType::Amount:
        return amount.match(value).hasMatch();
    case FigureType::Date:
        return QDate::fromString(value, Qt::ISODate).isValid();
    }
    return false;
}

QString formatFigureValue(const Figure &f, const NumberStyle &style)
{
    switch (f.type) {
    case FigureType::Date:
        return germanDate(QDate::fromString(f.value, Qt::ISODate));
    case FigureType::Integer:
    case FigureType::Decimal:
        return germanNumber(f.value, -1, style.groupFrom);
    case FigureType::Percentage:
        return germanNumber(f.value, -1, style.groupFrom) + QStringLiteral(" %");
    case FigureType::Amount: {
        const double value = f.value.toDouble();
        if (f.millions) {
            QString mio = germanNumber(QString::number(value / 1e6, 'f', 2), 2, style.groupFrom);
            while (mio.contains(QLatin1Char(',')) && (mio.endsWith(QLatin1Char('0')) || mio.endsWith(QLatin1Char(','))))
                mio.chop(1);
            return mio + QStringLiteral(" Mio. €");
        }
        const bool cents = qRound64(value * 100) % 100 != 0;
        return germanNumber(f.value, cents ? 2 : 0, style.groupFrom) + QStringLiteral(" €");
    }
    }
    return f.value;
}

FigureValues::FigureValues(const QList<Figure> &figures, const NumberStyle &style, int maxAgeDays)
    : mStyle(style), mMaxAgeDays(maxAgeDays)
{
    mFigures.reserve(figures.size());
    for (const Figure &f : figures)
        mFigures.insert(f.key, f);
}

const Figure *FigureValues::find(const QString &key) const
{
    const auto it = mFigures.constFind(key);
    return it == mFigures.cend() ? nullptr : &*it;
}

QString FigureValues::text(const QString &key) const
{
    const Figure *f = find(key);
    return f ? formatFigureValue(*f, mStyle) : figurePlaceholder(key);
}

QString figurePlaceholder(const QString &key)
{
    return QStringLiteral("{{%1}}").arg(key);
}

} // namespace vw
