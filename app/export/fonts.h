#pragma once

#include "result.h"

#include <QFont>

namespace vw {

// The document font is bundled (a renamed Liberation Sans, metric-compatible with Arial), so that
// pages are identical on every machine. Loads it once per process; fails when the resource is missing.
Result<void> loadDocumentFonts();
QFont documentFont(qreal pointSize = 11, bool bold = false);

} // namespace vw
