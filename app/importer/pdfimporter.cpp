#include "pdfimporter.h"
namespace vw { Result<QString> pdfText(const QString &) { return Error{QStringLiteral("stub")}; }
Result<ImportResult> importFile(const QString &, const RessortTable &) { return Error{QStringLiteral("stub")}; } }
