#include "textdiff.h"

namespace vw {
} // namespace vw
