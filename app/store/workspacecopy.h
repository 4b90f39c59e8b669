#pragma once

#include "result.h"

#include <QList>
#include <QString>

namespace vw {

// Moving a workspace between a file and a server (`vorlagenwerk-cli copy FROM TO`): every row of every table —
// Vorlagen, figures and their history, comments, Anlagen with their files, versions, status history,
// publications, settings, the dictionary and the search index — with its id, in one transaction on the target,
// then both sides compared table by table. The target must be an empty workspace (a new file, a server database
// with no Vorlagen and no figures); the source is only read.
namespace WorkspaceCopy {

struct Table {
    QString name;
    int rows = 0;
    QString digest; // SHA-256 over the table's rows, sorted: the same on both sides when the copy is whole
};

// Every table a workspace has, in an order that keeps foreign keys satisfied while rows are inserted.
const QStringList &tables();

// The tables of the workspace at `location` (a file or a server), each with its row count and digest.
Result<QList<Table>> describe(const QString &location);

// Copies; returns the tables as found on the target afterwards, equal to the source's (else an error says
// which table differs, and the target is left as it was: the copy is rolled back).
Result<QList<Table>> copy(const QString &from, const QString &to);

} // namespace WorkspaceCopy
} // namespace vw
