#pragma once

#include <QList>
#include <QSyntaxHighlighter>

class QAction;
class QMenu;
class QTextEdit;

namespace vw {

class SpellChecker;

// Marks misspelt words with a red wavy underline. Only the blocks that change are checked again
// (QSyntaxHighlighter), and the checker caches its answers, so typing in a long Vorlage stays quick.
// The marks are layout formats: they never reach the document's content, the model or the PDF.
class SpellHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    SpellHighlighter(QTextDocument *document, SpellChecker *checker);

    static QTextCharFormat misspelledFormat();

protected:
    void highlightBlock(const QString &text) override;

private:
    SpellChecker *mChecker;
};

// Turns the spell check on for a text editor: a highlighter on its document (the shared checker).
SpellHighlighter *enableSpellCheck(QTextEdit *edit);

// The spell-check entries of a context menu for the word at document position `position` in `edit`:
// up to six corrections (choosing one replaces the word as an edit like typing, so it is undone and
// saved as typing is), "Zum Wörterbuch hinzufügen" and "Ignorieren". Empty when the word there is
// spelt right or the check is off. The actions are children of `parent`.
QList<QAction *> spellActions(QTextEdit *edit, int position, QObject *parent);
// Puts spellActions() at the top of `menu`, followed by a separator.
void addSpellActions(QMenu *menu, QTextEdit *edit, int position);

} // namespace vw
