#pragma once

#include <QStringList>

class QTextStream;

namespace vw {

// Exit codes of vorlagenwerk-cli.
enum ExitCode { ExitOk = 0, ExitInputError = 1, ExitUsage = 2 };

// Runs one command line (without the program name); results go to `out`, messages to `err`.
int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace vw
