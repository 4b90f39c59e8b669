#pragma once

#include "validation.h"

#include <QDialog>

class QTableWidget;

namespace vw {

// After an import: the numbers the Vorlage typed, each with the words around it and a proposed key and
// label. The clerk ticks the ones that are figures, edits key and label, and they become figures quoted
// in the text.
class FigureCandidatesDialog : public QDialog {
    Q_OBJECT
public:
    FigureCandidatesDialog(const QList<NumberCandidate> &candidates, QWidget *parent = nullptr);

    QTableWidget *table() const { return mTable; }
    // The ticked candidates with the key and label as edited.
    QList<NumberCandidate> chosen() const;

private:
    QList<NumberCandidate> mCandidates;
    QTableWidget *mTable;
};

} // namespace vw
