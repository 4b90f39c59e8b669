#pragma once

#include "textimporter.h"

namespace vw {

// The text of a PDF through Qt PDF, one page after another separated by form feeds. Lines come in
// reading order with a blank line where the print leaves a paragraph's space, as pdftotext gives
// them (Qt PDF's own page text runs some lines together and marks no paragraphs). Fails with a
// message on a missing, damaged, encrypted or text-less PDF.
Result<QString> pdfText(const QString &path);

// Imports FILE: a PDF (by its %PDF signature) through pdfText(), anything else as UTF-8 text.
// Refuses files that cannot be read, are not UTF-8 text, or are not a Vorlage.
Result<ImportResult> importFile(const QString &path, const RessortTable &ressorts);

} // namespace vw
