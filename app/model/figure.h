#pragma once

#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

namespace vw {

// A number that Vorlagen quote: kept once in the workspace, quoted by its key ({{key}} in text form),
// so that it agrees in every section and every Vorlage and can be traced to who reported it.
enum class FigureType { Integer, Decimal, Amount, Percentage, Date };

QString figureTypeKey(FigureType type); // "integer", "decimal", "amount", "percentage", "date"
QString figureTypeLabel(FigureType type);
bool figureTypeFromKey(const QString &key, FigureType *type);
QList<FigureType> allFigureTypes();

struct Figure {
    QString key;   // stable, lower case: "vpn-kapazitaet-bremen"
    QString label; // "VPN-Zugänge Bremen, gleichzeitig"
    FigureType type = FigureType::Integer;
    // Canonical value: integer "4750", decimal and percentage "12.5" (dot), amount in euro "7500000.00",
    // date "2020-05-12". parseFigureValue() makes it from what people type.
    QString value;
    QString unit; // "Nutzer", "Geräte"; amounts and percentages carry € and % by their type
    QDate asOf;
    QString source;     // who reported it, where
    QString ressortKey; // the responsible Ressort
    QString note;
    bool millions = false; // amounts written "7,5 Mio. €"

    bool operator==(const Figure &) const = default;
};

// One change of a figure's value, kept for ever.
struct FigureChange {
    QString key;
    QString oldValue;
    QString newValue;
    QString who;
    QDateTime when;

    bool operator==(const FigureChange &) const = default;
};

// How figures are written in a workspace. By default as Bremen's Vorlagen should: digits grouped with a dot
// from five digits up (4750, 91.430), decimal comma, dates 12.05.2020.
struct NumberStyle {
    int groupFrom = 5; // group thousands from this many integer digits; 0: never
    bool operator==(const NumberStyle &) const = default;
};

// Reads a value as people type it: "91.430", "91430", "1.234,5", "1234.5" (a single dot with three digits
// after it is a thousands separator in German), "12,5 %", "7,5 Mio. €", "12.05.2020". Refuses, saying why,
// what is not a value of the type.
Result<QString> parseFigureValue(FigureType type, const QString &input);
// Whether `value` is in the canonical form parseFigureValue() gives (what the store keeps).
bool isCanonicalFigureValue(FigureType type, const QString &value);
// The value as printed: "4750", "91.430", "1,5", "7.500.000 €" or "7,5 Mio. €", "12,5 %", "12.05.2020".
QString formatFigureValue(const Figure &figure, const NumberStyle &style = {});
// The figures a Vorlage is rendered with: looked up by key, formatted in the workspace's style.
// Cheap to copy (implicitly shared), so a worker thread can take its own.
class FigureValues {
public:
    FigureValues() = default;
    FigureValues(const QList<Figure> &figures, const NumberStyle &style, int maxAgeDays = 90);

    const Figure *find(const QString &key) const;
    // Adds or replaces one figure (after an edit), without reading all of them again.
    void set(const Figure &figure) { mFigures.insert(figure.key, figure); }
    // The formatted value; for an unknown key "{{key}}", which validation reports and export refuses.
    QString text(const QString &key) const;
    const NumberStyle &style() const { return mStyle; }
    int maxAgeDays() const { return mMaxAgeDays; }
    QList<Figure> all() const { return mFigures.values(); }

private:
    QHash<QString, Figure> mFigures;
    NumberStyle mStyle;
    int mMaxAgeDays = 90;
};

QString figurePlaceholder(const QString &key); // "{{key}}"

// A key as the store accepts it: lower case letters, digits and '-', starting with a letter.
bool isValidFigureKey(const QString &key);

} // namespace vw
