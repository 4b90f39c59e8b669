#pragma once

#include "result.h"

#include <memory>

namespace vw {

class Workspace;

// Fills a new workspace with the demo Vorlagen (resources/demo/demo.json): a Fragestunde answer
// and a Beschlussvorlage with a table, written in the project's own words.
Result<void> addDemoContent(Workspace &workspace);

// Opens the workspace at `path`; a workspace that does not exist yet is created with the demo
// content, as on the first start of the app.
Result<std::unique_ptr<Workspace>> openOrCreateWithDemo(const QString &path);

} // namespace vw
