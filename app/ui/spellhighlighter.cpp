#include "spellhighlighter.h"

#include "spellchecker.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QTextBlock>
#include <QTextEdit>

#include <algorithm>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::SpellHighlighter", text);
}

} // namespace

SpellHighlighter::SpellHighlighter(QTextDocument *document, SpellChecker *checker)
    : QSyntaxHighlighter(document), mChecker(checker)
{
    connect(checker, &SpellChecker::changed, this, &QSyntaxHighlighter::rehighlight);
}

QTextCharFormat SpellHighlighter::misspelledFormat()
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    format.setUnderlineColor(Qt::red);
    return format;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    if (!mChecker->isActive())
        return;
    static const QTextCharFormat format = misspelledFormat();
    for (const SpellChecker::WordRange &w : mChecker->misspelled(text))
        setFormat(w.start, w.length, format);
}

SpellHighlighter *enableSpellCheck(QTextEdit *edit)
{
    return new SpellHighlighter(edit->document(), SpellChecker::instance());
}

QList<QAction *> spellActions(QTextEdit *edit, int position, QObject *parent)
{
    SpellChecker *checker = SpellChecker::instance();
    const QTextBlock block = edit->document()->findBlock(position);
    if (!checker->isActive() || !block.isValid() || edit->isReadOnly())
        return {};
    const int inBlock = position - block.position();
    const QString text = block.text();
    const QList<SpellChecker::WordRange> wrong = checker->misspelled(text);
    const auto hit = std::find_if(wrong.cbegin(), wrong.cend(), [inBlock](const SpellChecker::WordRange &w) {
        return inBlock >= w.start && inBlock <= w.start + w.length;
    });
    if (hit == wrong.cend())
        return {};
    const QString word = text.mid(hit->start, hit->length);
    const int start = block.position() + hit->start;
    const int end = start + hit->length;
    QPointer<QTextEdit> target(edit);

    QList<QAction *> actions;
    const QStringList suggestions = checker->suggestions(word);
    for (const QString &suggestion : suggestions) {
        auto *action = new QAction(suggestion, parent);
        QFont bold = action->font();
        bold.setBold(true);
        action->setFont(bold);
        QObject::connect(action, &QAction::triggered, edit, [target, start, end, word, suggestion] {
            if (!target)
                return;
            QTextCursor cursor(target->document());
            cursor.setPosition(start);
            cursor.setPosition(end, QTextCursor::KeepAnchor);
            if (cursor.selectedText() != word)
                return; // the text changed since the menu opened
            // Through the editor's cursor, as typing: the editor records it like any other edit.
            target->setTextCursor(cursor);
            QTextCursor typing = target->textCursor();
            typing.insertText(suggestion, typing.charFormat());
            target->setTextCursor(typing);
        });
        actions << action;
    }
    if (suggestions.isEmpty()) {
        auto *none = new QAction(tr("(keine Vorschläge)"), parent);
        none->setEnabled(false);
        actions << none;
    }
    auto *separator = new QAction(parent);
    separator->setSeparator(true);
    actions << separator;
    auto *add = new QAction(tr("Zum &Wörterbuch hinzufügen"), parent);
    add->setToolTip(tr("„%1“ in das Wörterbuch dieses Arbeitsbereichs aufnehmen").arg(word));
    add->setEnabled(checker->workspace() != nullptr);
    QObject::connect(add, &QAction::triggered, edit, [target, word] {
        if (auto r = SpellChecker::instance()->addToDictionary(word); !r && target)
            QMessageBox::warning(target, tr("Wörterbuch"), r.error());
    });
    auto *ignore = new QAction(tr("&Ignorieren"), parent);
    ignore->setToolTip(tr("„%1“ bis zum Ende der Sitzung nicht mehr markieren").arg(word));
    QObject::connect(ignore, &QAction::triggered, edit, [word] { SpellChecker::instance()->ignore(word); });
    actions << add << ignore;
    return actions;
}

void addSpellActions(QMenu *menu, QTextEdit *edit, int position)
{
    const QList<QAction *> actions = spellActions(edit, position, menu);
    if (actions.isEmpty())
        return;
    QAction *first = menu->actions().value(0);
    menu->insertActions(first, actions);
    menu->insertSeparator(first);
}

} // namespace vw
