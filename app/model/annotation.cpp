#include "annotation.h"

namespace vw {
} // namespace vw
