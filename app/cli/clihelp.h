#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QTextStream;

namespace vw {

// One command of vorlagenwerk-cli as its help shows it. `name` is what follows the program name
// ("export", "figure set"); the texts are translated through the context "vw::CliHelp".
struct CliCommandHelp {
    const char *name;
    const char *synopsis; // one or more lines of usage, without the program name
    const char *summary;  // one line for the overview
    const char *details;  // paragraphs for `help COMMAND`; may be empty
};

// Every command, in the order the overview lists them, including those of review and publication.
const QList<CliCommandHelp> &cliCommands();

// The overview printed by `--help` and after a usage error.
QString cliUsage();

// The help of one command ("export", "figure set") or of a group of subcommands ("figure");
// nothing when no command has that name.
std::optional<QString> cliCommandUsage(const QString &name);

// Answers `help [COMMAND …]`, `COMMAND … --help` / `-h` and `--help` alone: returns the exit code when
// `arguments` (without the program name, --workspace already removed or not) asked for help.
std::optional<int> handleCliHelp(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace vw
