#pragma once

#include "figure.h"
#include "ressorts.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vw {

// Figures as a table for spreadsheets: semicolon-separated, UTF-8, one figure per row under a header
// row naming the columns
//   Schlüssel;Bezeichnung;Typ;Wert;Einheit;Stand;Quelle;Ressort;Notiz;Mio
// in any order (Schlüssel, Bezeichnung and Wert are required, the others may be left out; other names are
// refused, empty columns without a name are ignored while they stay empty). Fields are
// quoted as in RFC 4180. Values are read as people type them ("91.430", "12,5 %", "7,5 Mio. €"), Typ is
// the type's key or its German label (empty: guessFigureType()), Stand a German date, Mio "ja", "nein" or
// empty (for an amount typed "7,5 Mio. €": ja).

struct CsvProblem {
    int line = 0; // 1-based line of the file where the row (or field) starts
    QString message;

    bool operator==(const CsvProblem &) const = default;
};

// Reads every row or nothing: when any row is bad the result is an error and `problems` (if given)
// lists each problem with its line. With `ressorts`, the Ressort column must be a key or a name of the
// table (stored as the key); without, it is taken as written.
Result<QList<Figure>> readFigureCsv(const QByteArray &data, QList<CsvProblem> *problems,
                                    const RessortTable *ressorts = nullptr);

// The type a value without one is taken to have: integer when it is whole, else decimal; "12,5 %" a
// percentage, "7,5 Mio. €" an amount, "12.05.2020" a date.
FigureType guessFigureType(const QString &value);

// The same format, every column, values in German form without grouping ("1234,5", dates 12.05.2020)
// so that reading it back gives the same figures. Starts with a byte order mark and ends lines with
// CRLF, so that Excel opens it as UTF-8.
QByteArray writeFigureCsv(const QList<Figure> &figures);

} // namespace vw
