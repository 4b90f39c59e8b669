#pragma once

#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QList>
#include <QString>

namespace vw {

// A line of the input (1-based line number) and what the importer says about it.
struct ImportMessage {
    int line = 0;
    QString text;
};

struct ImportResult {
    Vorlage vorlage; // id 0: not stored yet
    QList<ImportMessage> unplaced; // lines it could not place in the Vorlage
    QList<ImportMessage> notes;    // fields it filled from elsewhere than their usual place
};

// Reads a Vorlage from text: the Markdown-like form of shared/reference/, or plain text as
// pdftotext (or QPdfDocument) produces it from a published Vorlage, pages separated by form feeds.
// Ressort names are matched against `ressorts`. Fails, with a message, on text that is not a Vorlage.
Result<ImportResult> importText(const QString &text, const RessortTable &ressorts);

// Reads the content of one section, written in the same text form, into section `label` of the result's
// Vorlage (with its questions, answers or Beschluss items where the section holds them). Line numbers of
// unplaced lines refer to `text`.
Result<ImportResult> importSectionText(const QString &text, const QString &label, const RessortTable &ressorts);

} // namespace vw
