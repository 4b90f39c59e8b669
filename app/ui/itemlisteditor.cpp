#include "itemlisteditor.h"

#include "spellhighlighter.h"

#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QAbstractTextDocumentLayout>
#include <QTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QToolButton>

#include <memory>

namespace vw {

void fitHeightToText(QTextEdit *edit)
{
    edit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const auto fit = [edit] {
        const int height = int(edit->document()->documentLayout()->documentSize().height());
        edit->setFixedHeight(std::max(height, edit->fontMetrics().lineSpacing() * 2) + 2 * edit->frameWidth() + 4);
    };
    // The document's size follows the editor's width, so a resize refits it too.
    QObject::connect(edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, edit, fit);
    fit();
}

ItemListEditor::ItemListEditor(Operations operations, const QString &addLabel, QWidget *parent)
    : QWidget(parent), mOps(std::move(operations)), mRows(new QVBoxLayout), mAdd(new QPushButton(addLabel, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mRows->setSpacing(6);
    layout->addLayout(mRows);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(mAdd);
    addRow->addStretch();
    layout->addLayout(addRow);
    connect(mAdd, &QPushButton::clicked, this, [this] {
        const int at = mOps.count();
        mOps.add(at);
        focusRow(at, 0);
        // A new item's "…" ("Der Senat nimmt … zur Kenntnis.") is selected: typing replaces it.
        if (QTextEdit *edit = textEdit(at)) {
            const qsizetype placeholder = edit->toPlainText().indexOf(QChar(0x2026));
            if (placeholder >= 0) {
                QTextCursor c = edit->textCursor();
                c.setPosition(int(placeholder));
                c.setPosition(int(placeholder) + 1, QTextCursor::KeepAnchor);
                edit->setTextCursor(c);
            }
        }
    });
    rebuild();
}

int ItemListEditor::rowCount() const
{
    return int(mEdits.size());
}

QTextEdit *ItemListEditor::textEdit(int row) const
{
    return mEdits.value(row);
}

void ItemListEditor::rebuild()
{
    qDeleteAll(mRowWidgets);
    mRowWidgets.clear();
    mEdits.clear();
    mExtras.clear();
    mIds.clear();
    const int n = mOps.count();
    for (int i = 0; i < n; ++i) {
        auto *row = new QWidget(this);
        auto *grid = new QGridLayout(row);
        grid->setContentsMargins(0, 0, 0, 0);
        auto *number = new QLabel(mOps.numberFormat.arg(i + 1), row);
        number->setAlignment(Qt::AlignRight | Qt::AlignTop);
        number->setMinimumWidth(fontMetrics().horizontalAdvance(mOps.numberFormat.arg(99)));
        auto *edit = new QTextEdit(row);
        edit->setAcceptRichText(false);
        edit->setTabChangesFocus(true);
        edit->setUndoRedoEnabled(false); // undo is the Vorlage's
        enableSpellCheck(edit); // before the text, so that it is checked at once
        edit->setPlainText(mOps.text(i));
        fitHeightToText(edit);
        // Spell check: red underlines, corrections at the top of the context menu.
        edit->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(edit, &QWidget::customContextMenuRequested, edit, [edit](const QPoint &pos) {
            std::unique_ptr<QMenu> menu(edit->createStandardContextMenu(pos));
            addSpellActions(menu.get(), edit, edit->cursorForPosition(pos).position());
            menu->exec(edit->viewport()->mapToGlobal(pos));
        });
        connect(edit, &QTextEdit::textChanged, this, [this, edit] {
            const int index = int(mEdits.indexOf(edit));
            if (index >= 0)
                mOps.setText(index, edit->toPlainText(), edit->textCursor().position());
        });
        const auto button = [row, this](QStyle::StandardPixmap icon, const QString &tip, bool enabled) {
            auto *b = new QToolButton(row);
            b->setIcon(style()->standardIcon(icon));
            b->setToolTip(tip);
            b->setAccessibleName(tip);
            b->setEnabled(enabled);
            return b;
        };
        QToolButton *up = button(QStyle::SP_ArrowUp, tr("Nach oben"), i > 0);
        QToolButton *down = button(QStyle::SP_ArrowDown, tr("Nach unten"), i < n - 1);
        QToolButton *remove = button(QStyle::SP_TrashIcon, tr("Entfernen"), true);
        connect(up, &QToolButton::clicked, this, [this, i] { mOps.move(i, i - 1); });
        connect(down, &QToolButton::clicked, this, [this, i] { mOps.move(i, i + 1); });
        connect(remove, &QToolButton::clicked, this, [this, i] { mOps.remove(i); });
        grid->addWidget(number, 0, 0);
        grid->addWidget(edit, 0, 1);
        auto *buttons = new QVBoxLayout;
        buttons->setSpacing(0);
        buttons->addWidget(up);
        buttons->addWidget(down);
        buttons->addWidget(remove);
        buttons->addStretch();
        grid->addLayout(buttons, 0, 2, 2, 1);
        QWidget *extra = mOps.extra ? mOps.extra(i, row) : nullptr;
        if (extra)
            grid->addWidget(extra, 1, 1);
        mExtras << extra;
        mIds << mOps.id(i);
        grid->setColumnStretch(1, 1);
        mRows->addWidget(row);
        mRowWidgets << row;
        mEdits << edit;
    }
}

void ItemListEditor::refresh()
{
    QStringList ids;
    for (int i = 0; i < mOps.count(); ++i)
        ids << mOps.id(i);
    if (ids != mIds) {
        const bool hadFocus = std::any_of(mEdits.cbegin(), mEdits.cend(), [](QWidget *w) { return w->hasFocus(); });
        rebuild();
        if (hadFocus && !mEdits.isEmpty())
            focusRow(int(mEdits.size()) - 1, -1);
        return;
    }
    for (int i = 0; i < mEdits.size(); ++i) {
        const QString text = mOps.text(i);
        if (mEdits[i]->toPlainText() != text) {
            const QSignalBlocker block(mEdits[i]);
            mEdits[i]->setPlainText(text);
        }
    }
    if (mOps.refreshExtra) {
        for (int i = 0; i < mExtras.size(); ++i)
            if (mExtras[i])
                mOps.refreshExtra(i, mExtras[i]);
    }
}

void ItemListEditor::focusRow(int row, int cursor)
{
    QTextEdit *edit = textEdit(row);
    if (!edit)
        return;
    edit->setFocus(Qt::OtherFocusReason);
    QTextCursor c = edit->textCursor();
    c.setPosition(cursor < 0 ? int(edit->toPlainText().size()) : std::min(cursor, int(edit->toPlainText().size())));
    edit->setTextCursor(c);
}

} // namespace vw
