#include "contentedit.h"
#include <QAbstractTextDocumentLayout>
#include <QAbstractItemView>
#include <QStringListModel>
#include <QCompleter>
#include "figuretokens.h"
#include "spellhighlighter.h"

#include "contentdocument.h"

#include <QAction>
#include <QCheckBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>
#include <QToolBar>
#include <QToolButton>

#include <algorithm>
#include <memory>
#include <utility>

namespace vw {

namespace {

bool inTable(const QTextBlock &block)
{
    return QTextCursor(block).currentTable() != nullptr;
}

bool isUndoOrRedo(QKeyEvent *event)
{
    return event->matches(QKeySequence::Undo) || event->matches(QKeySequence::Redo) ||
           (event->key() == Qt::Key_Z && event->modifiers() == (Qt::ControlModifier | Qt::ShiftModifier));
}

} // namespace

ContentEdit::ContentEdit(QWidget *parent) : QTextEdit(parent)
{
    setAcceptRichText(true);
    setUndoRedoEnabled(false);
    setTabChangesFocus(false);
    writeContent(document(), {});
    document()->setUndoRedoEnabled(false);
    createActions();
    connect(document(), &QTextDocument::contentsChanged, this, &ContentEdit::documentChanged);
    mTokens = new FigureTokens(this);
    document()->documentLayout()->registerHandler(contentformat::figureObjectType, mTokens);
    enableSpellCheck(this); // red underlines, corrections in the context menu
    mCompleter = new QCompleter(this);
    mCompleter->setWidget(this);
    mCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    mCompleter->setFilterMode(Qt::MatchContains);
    mCompleter->setCompletionMode(QCompleter::PopupCompletion);
    connect(mCompleter, qOverload<const QString &>(&QCompleter::activated), this, &ContentEdit::figureChosen);
    connect(this, &QTextEdit::cursorPositionChanged, this, &ContentEdit::updateActions);
    // Right behind a quote the cursor takes the quote's format: typing goes on in plain text.
    connect(this, &QTextEdit::cursorPositionChanged, this, [this] {
        const QTextCharFormat format = currentCharFormat();
        if (contentformat::isFigureFormat(format))
            setCurrentCharFormat(contentformat::spanFormat(format.fontWeight() >= QFont::Bold, format.fontItalic()));
    });
    connect(this, &QTextEdit::currentCharFormatChanged, this, &ContentEdit::updateActions);
    connect(this, &QTextEdit::selectionChanged, this, &ContentEdit::updateActions);
    updateActions();
}

ContentEdit::~ContentEdit() = default;

void ContentEdit::createActions()
{
    auto make = [this](const QString &text, const char *icon, const QKeySequence &key, bool checkable) {
        auto *action = new QAction(QIcon::fromTheme(QLatin1String(icon)), text, this);
        action->setCheckable(checkable);
        if (!key.isEmpty()) {
            action->setShortcut(key);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            action->setToolTip(tr("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        }
        addAction(action);
        return action;
    };
    mBold = make(tr("Fett"), "format-text-bold", QKeySequence(Qt::CTRL | Qt::Key_B), true);
    mItalic = make(tr("Kursiv"), "format-text-italic", QKeySequence(Qt::CTRL | Qt::Key_I), true);
    mNumbered = make(tr("Nummerierte Liste"), "format-list-ordered",
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7), true);
    mBullets =
        make(tr("Aufzählung"), "format-list-unordered", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8), true);
    mIndent = make(tr("Einrücken"), "format-indent-more", QKeySequence(Qt::CTRL | Qt::Key_M), false);
    mIndent->setToolTip(tr("Einrücken: Absatz wird Listenpunkt (Tab in einer Liste, Strg+M)"));
    mOutdent =
        make(tr("Ausrücken"), "format-indent-less", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M), false);
    mOutdent->setToolTip(
        tr("Ausrücken: Listenpunkt wird Absatz (Umschalt+Tab in einer Liste, Strg+Umschalt+M)"));
    mInsertTable =
        make(tr("Tabelle einfügen"), "insert-table", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), false);
    mInsertRow = make(tr("Zeile einfügen"), "edit-table-insert-row-below", {}, false);
    mInsertColumn = make(tr("Spalte einfügen"), "edit-table-insert-column-right", {}, false);
    mRemoveRow = make(tr("Zeile löschen"), "edit-table-delete-row", {}, false);
    mRemoveColumn = make(tr("Spalte löschen"), "edit-table-delete-column", {}, false);
    mHeaderRow = make(tr("Kopfzeile"), "table-header", {}, true);
    mHeaderRow->setToolTip(tr("Die erste Zeile der Tabelle ist eine Überschriftenzeile"));

    connect(mBold, &QAction::triggered, this, &ContentEdit::setBold);
    connect(mItalic, &QAction::triggered, this, &ContentEdit::setItalic);
    connect(mNumbered, &QAction::triggered, this, [this] { toggleList(true); });
    connect(mBullets, &QAction::triggered, this, [this] { toggleList(false); });
    connect(mIndent, &QAction::triggered, this, &ContentEdit::indent);
    connect(mOutdent, &QAction::triggered, this, &ContentEdit::outdent);
    connect(mInsertTable, &QAction::triggered, this, &ContentEdit::chooseAndInsertTable);
    connect(mInsertRow, &QAction::triggered, this,
            [this] { changeTable([](QTextTable *table, int row, int) { table->insertRows(row + 1, 1); }); });
    connect(mInsertColumn, &QAction::triggered, this, [this] {
        changeTable([](QTextTable *table, int, int column) { table->insertColumns(column + 1, 1); });
    });
    // Removing the last row or column removes the table.
    connect(mRemoveRow, &QAction::triggered, this,
            [this] { changeTable([](QTextTable *table, int row, int) { table->removeRows(row, 1); }); });
    connect(mRemoveColumn, &QAction::triggered, this, [this] {
        changeTable([](QTextTable *table, int, int column) { table->removeColumns(column, 1); });
    });
    connect(mHeaderRow, &QAction::triggered, this, &ContentEdit::setHeaderRow);
}

QList<QAction *> ContentEdit::formatActions() const
{
    return {mBold,        mItalic,    mNumbered,     mBullets,   mIndent,       mOutdent,
            mInsertTable, mInsertRow, mInsertColumn, mRemoveRow, mRemoveColumn, mHeaderRow};
}

QToolBar *ContentEdit::createFormatBar(QWidget *parent)
{
    // Compact, as in word processors: "F" and "K" for Fett and Kursiv, the full names as tool tips;
    // the table commands in one drop-down.
    auto *bar = new QToolBar(tr("Format"), parent);
    bar->setIconSize(QSize(16, 16));
    const auto compact = [](QAction *action, const QString &iconText) {
        action->setIconText(iconText);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(action->text().remove(QLatin1Char('&')),
                                                        action->shortcut().toString(QKeySequence::NativeText)));
    };
    compact(mBold, tr("F", "short for Fett"));
    compact(mItalic, tr("K", "short for Kursiv"));
    compact(mNumbered, QStringLiteral("1."));
    compact(mBullets, QStringLiteral("•"));
    compact(mOutdent, QStringLiteral("⇤"));
    compact(mIndent, QStringLiteral("⇥"));
    bar->addActions({mBold, mItalic});
    for (QAction *a : {mBold, mItalic}) {
        QFont font = bar->widgetForAction(a)->font();
        font.setBold(a == mBold);
        font.setItalic(a == mItalic);
        bar->widgetForAction(a)->setFont(font);
    }
    bar->addSeparator();
    bar->addActions({mNumbered, mBullets, mOutdent, mIndent});
    bar->addSeparator();
    auto *table = new QToolButton(bar);
    table->setText(tr("Tabelle"));
    table->setToolTip(tr("Tabelle einfügen und bearbeiten"));
    table->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(table);
    menu->addActions({mInsertTable, mInsertRow, mInsertColumn, mRemoveRow, mRemoveColumn, mHeaderRow});
    table->setMenu(menu);
    bar->addWidget(table);
    return bar;
}

void ContentEdit::setContent(const Content &content)
{
    if (content == mContent)
        return;
    const int position = cursorPosition();
    {
        const QScopedValueRollback guard(mSettingContent, true);
        writeContent(document(), content);
        mContent = readContent(document());
    }
    setCursorPosition(position);
    updateActions();
}

int ContentEdit::cursorPosition() const
{
    return textCursor().position();
}

void ContentEdit::setCursorPosition(int position)
{
    QTextCursor cursor(document());
    cursor.setPosition(std::clamp(position, 0, document()->characterCount() - 1));
    setTextCursor(cursor);
}

void ContentEdit::documentChanged()
{
    if (mSettingContent)
        return;
    Content now = readContent(document());
    if (now != mContent) {
        mContent = std::move(now);
        emit contentEdited();
    }
    updateActions();
}

QList<QTextBlock> ContentEdit::selectedBlocks() const
{
    const QTextCursor cursor = textCursor();
    const QTextBlock last = document()->findBlock(cursor.selectionEnd());
    QList<QTextBlock> blocks;
    for (QTextBlock b = document()->findBlock(cursor.selectionStart()); b.isValid(); b = b.next()) {
        if (!inTable(b))
            blocks.append(b);
        if (b == last)
            break;
    }
    return blocks;
}

void ContentEdit::updateActions()
{
    if (isReadOnly()) {
        for (QAction *a : formatActions())
            a->setEnabled(false);
        return;
    }
    const QTextCursor cursor = textCursor();
    const QTextCharFormat format = cursor.charFormat();
    mBold->setChecked(format.fontWeight() >= QFont::Bold);
    mItalic->setChecked(format.fontItalic());

    QTextTable *table = cursor.currentTable();
    const QTextList *list = table ? nullptr : cursor.currentList();
    mNumbered->setEnabled(!table);
    mBullets->setEnabled(!table);
    mNumbered->setChecked(list && contentformat::isNumbered(list->format()));
    mBullets->setChecked(list && !contentformat::isNumbered(list->format()));
    const QList<QTextBlock> blocks = table ? QList<QTextBlock>() : selectedBlocks();
    const auto inList = [](const QTextBlock &b) { return b.textList() != nullptr; };
    mIndent->setEnabled(
        std::any_of(blocks.begin(), blocks.end(), [&](const QTextBlock &b) { return !inList(b); }));
    mOutdent->setEnabled(std::any_of(blocks.begin(), blocks.end(), inList));

    mInsertTable->setEnabled(!table);
    for (QAction *a : {mInsertRow, mInsertColumn, mRemoveRow, mRemoveColumn, mHeaderRow})
        a->setEnabled(table);
    mHeaderRow->setChecked(table && table->format().headerRowCount() > 0);
}

void ContentEdit::setBold(bool bold)
{
    QTextCharFormat f;
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    mergeCurrentCharFormat(f);
}

void ContentEdit::setItalic(bool italic)
{
    QTextCharFormat f;
    f.setFontItalic(italic);
    mergeCurrentCharFormat(f);
}

void ContentEdit::toggleList(bool numbered)
{
    const QList<QTextBlock> blocks = selectedBlocks();
    if (blocks.isEmpty())
        return;
    const auto ofThisKind = [numbered](const QTextBlock &b) {
        return b.textList() && contentformat::isNumbered(b.textList()->format()) == numbered;
    };
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    if (std::all_of(blocks.begin(), blocks.end(), ofThisKind)) {
        for (const QTextBlock &b : blocks)
            contentformat::takeOutOfList(b);
    } else if (!cursor.hasSelection() && blocks.first().textList()) {
        // In a list of the other kind: the whole list changes its kind.
        QTextList *list = blocks.first().textList();
        QTextListFormat f = list->format();
        f.setStyle(contentformat::listFormat(numbered).style());
        list->setFormat(f);
    } else {
        // Paragraphs right below a list of this kind continue it.
        QTextList *target = nullptr;
        const QTextBlock before = blocks.first().previous();
        if (before.isValid() && ofThisKind(before) && !inTable(before))
            target = before.textList();
        for (const QTextBlock &b : blocks) {
            if (target && b.textList() == target)
                continue;
            contentformat::takeOutOfList(b);
            if (target)
                target->add(b);
            else
                target = QTextCursor(b).createList(contentformat::listFormat(numbered));
        }
    }
    cursor.endEditBlock();
}

void ContentEdit::indent()
{
    const QList<QTextBlock> blocks = selectedBlocks();
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    for (const QTextBlock &b : blocks) {
        if (b.textList())
            continue; // the model has one list level
        QTextList *target = nullptr;
        const QTextBlock before = b.previous();
        const QTextBlock after = b.next();
        if (before.isValid() && before.textList() && !inTable(before))
            target = before.textList();
        else if (after.isValid() && after.textList() && !inTable(after))
            target = after.textList();
        if (target)
            target->add(b);
        else
            QTextCursor(b).createList(contentformat::listFormat(false));
    }
    cursor.endEditBlock();
}

void ContentEdit::outdent()
{
    const QList<QTextBlock> blocks = selectedBlocks();
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    for (const QTextBlock &b : blocks)
        contentformat::takeOutOfList(b);
    cursor.endEditBlock();
}

void ContentEdit::insertTable(int rows, int columns, bool headerRow)
{
    QTextCursor cursor = textCursor();
    if (cursor.currentTable() || rows < 1 || columns < 1)
        return;
    cursor.beginEditBlock();
    cursor.clearSelection();
    // Behind the current paragraph; an empty paragraph outside lists is the table's anchor itself.
    if (!cursor.block().text().isEmpty() || cursor.currentList()) {
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertBlock(contentformat::paragraphFormat(), QTextCharFormat());
    }
    QTextTable *table = contentformat::insertTable(cursor, rows, columns, headerRow);
    // The block Qt leaves after the table: not needed when a paragraph follows anyway.
    const QTextBlock after = cursor.block();
    const QTextBlock next = after.next();
    if (after.text().isEmpty() && next.isValid() && !inTable(next) &&
        QTextCursor(next).currentFrame() == QTextCursor(after).currentFrame()) {
        const QTextBlockFormat blockFormat = next.blockFormat();
        const QTextCharFormat charFormat = next.charFormat();
        cursor.deleteChar();
        cursor.setBlockFormat(blockFormat);
        cursor.setBlockCharFormat(charFormat);
    }
    cursor.endEditBlock();
    setTextCursor(table->cellAt(0, 0).firstCursorPosition());
}

void ContentEdit::chooseAndInsertTable()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Tabelle einfügen"));
    auto *rows = new QSpinBox(&dialog);
    rows->setRange(1, 100);
    rows->setValue(3);
    auto *columns = new QSpinBox(&dialog);
    columns->setRange(1, 20);
    columns->setValue(3);
    auto *header = new QCheckBox(tr("&Erste Zeile ist Überschrift"), &dialog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QFormLayout(&dialog);
    layout->addRow(tr("&Zeilen:"), rows);
    layout->addRow(tr("&Spalten:"), columns);
    layout->addRow(header);
    layout->addRow(buttons);
    rows->setFocus();
    if (dialog.exec() == QDialog::Accepted)
        insertTable(rows->value(), columns->value(), header->isChecked());
}

void ContentEdit::changeTable(const std::function<void(QTextTable *, int, int)> &change)
{
    QTextCursor cursor = textCursor();
    QTextTable *table = cursor.currentTable();
    if (!table)
        return;
    const QTextTableCell cell = table->cellAt(cursor);
    cursor.beginEditBlock();
    change(table, cell.row(), cell.column());
    // The table may be gone; look it up again.
    if (QTextTable *now = textCursor().currentTable())
        contentformat::styleTable(now);
    cursor.endEditBlock();
    updateActions();
}

void ContentEdit::setHeaderRow(bool on)
{
    changeTable([on](QTextTable *table, int, int) {
        QTextTableFormat f = table->format();
        f.setHeaderRowCount(on ? 1 : 0);
        table->setFormat(f);
    });
}

void ContentEdit::moveToCell(int step)
{
    QTextCursor cursor = textCursor();
    QTextTable *table = cursor.currentTable();
    if (!table)
        return;
    const QTextTableCell cell = table->cellAt(cursor);
    int row = cell.row();
    int column = step > 0 ? cell.column() + cell.columnSpan() : cell.column() - 1;
    if (column >= table->columns()) {
        column = 0;
        ++row;
    } else if (column < 0) {
        column = table->columns() - 1;
        --row;
    }
    if (row < 0)
        return;
    if (row >= table->rows()) {
        // Tab in the last cell adds a row, as in word processors.
        cursor.beginEditBlock();
        table->appendRows(1);
        contentformat::styleTable(table);
        cursor.endEditBlock();
    }
    const QTextTableCell target = table->cellAt(row, column);
    QTextCursor select = target.firstCursorPosition();
    select.setPosition(target.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    setTextCursor(select);
}

bool ContentEdit::event(QEvent *event)
{
    // QTextEdit claims undo and redo for its own stack; they belong to the application's.
    if (event->type() == QEvent::ShortcutOverride && isUndoOrRedo(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::ReadOnlyChange)
        updateActions();
    return QTextEdit::event(event);
}

void ContentEdit::keyPressEvent(QKeyEvent *event)
{
    if (isUndoOrRedo(event)) {
        event->ignore();
        return;
    }
    // Read-only (a decided Vorlage): moving and copying only; our list and table keys edit through the cursor.
    if (isReadOnly()) {
        QTextEdit::keyPressEvent(event);
        return;
    }
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const bool tab = event->key() == Qt::Key_Tab && modifiers == Qt::NoModifier;
    const bool backtab =
        event->key() == Qt::Key_Backtab || (event->key() == Qt::Key_Tab && modifiers == Qt::ShiftModifier);
    const QTextCursor cursor = textCursor();
    const bool table = cursor.currentTable() != nullptr;
    const bool list = !table && cursor.currentList();
    if (tab || backtab) {
        if (table) {
            moveToCell(tab ? 1 : -1);
            event->accept();
            return;
        }
        if (list) {
            if (tab)
                indent();
            else
                outdent();
            event->accept();
            return;
        }
    }
    // Return in an empty list item and Backspace at the start of one end the list there.
    const bool enter =
        (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && modifiers == Qt::NoModifier;
    const bool backspace = event->key() == Qt::Key_Backspace && modifiers == Qt::NoModifier;
    if (list && !cursor.hasSelection() &&
        ((enter && cursor.block().text().isEmpty()) || (backspace && cursor.atBlockStart()))) {
        QTextCursor edit = cursor;
        edit.beginEditBlock();
        contentformat::takeOutOfList(cursor.block());
        edit.endEditBlock();
        event->accept();
        return;
    }
    // While the figure list is open, its keys are the list's.
    if (mCompleter->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            // Enter takes the highlighted figure, or the first when none is: the completer alone would
            // close the list and leave "{{" in the text.
            QAbstractItemView *popup = mCompleter->popup();
            QModelIndex chosen = popup->currentIndex();
            if (!chosen.isValid())
                chosen = popup->model()->index(0, 0);
            popup->hide();
            if (chosen.isValid())
                figureChosen(chosen.data(mCompleter->completionRole()).toString());
            event->accept();
            return;
        }
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    QTextEdit::keyPressEvent(event);
    completeFigure();
}

QStringList ContentEdit::figureEntries(const FigureValues &values)
{
    QStringList entries;
    for (const Figure &f : values.all())
        entries << QStringLiteral("%1 — %2 (%3)").arg(f.key, f.label, formatFigureValue(f, values.style()));
    entries.sort(Qt::CaseInsensitive);
    return entries;
}

void ContentEdit::setFigureValues(const FigureValues &values, QAbstractItemModel *entries)
{
    mTokens->setValues(values);
    mCompleter->setModel(entries);
    // Tokens measure their text when laid out: lay them out again with the new values.
    document()->markContentsDirty(0, document()->characterCount());
    viewport()->update();
}

void ContentEdit::insertFigure(const QString &key)
{
    if (isReadOnly())
        return;
    QTextCursor cursor = textCursor();
    const QTextCharFormat around = cursor.charFormat();
    cursor.insertText(QString(QChar::ObjectReplacementCharacter),
                      contentformat::figureFormat(Span::quote(key, around.fontWeight() >= QFont::Bold, around.fontItalic())));
    // Typing goes on in plain text, not in the token's format.
    setCurrentCharFormat(contentformat::spanFormat(around.fontWeight() >= QFont::Bold, around.fontItalic()));
}

// "{{" followed by what has been typed since opens the list of figures filtered by it.
void ContentEdit::completeFigure()
{
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype open = before.lastIndexOf(QLatin1String("{{"));
    const QString typed = open < 0 ? QString() : before.mid(open + 2);
    if (open < 0 || typed.contains(QLatin1Char(' ')) || typed.contains(QLatin1String("}}"))
        || !mCompleter->model() || mCompleter->model()->rowCount() == 0) {
        mCompleter->popup()->hide();
        return;
    }
    mCompleter->setCompletionPrefix(typed);
    QRect rect = cursorRect();
    rect.setWidth(std::min(520, viewport()->width()));
    mCompleter->complete(rect);
}

void ContentEdit::figureChosen(const QString &entry)
{
    QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const qsizetype open = before.lastIndexOf(QLatin1String("{{"));
    if (open < 0)
        return;
    // Replace "{{typed" with the quote.
    cursor.setPosition(cursor.block().position() + int(open), QTextCursor::KeepAnchor);
    cursor.removeSelectedText();
    setTextCursor(cursor);
    insertFigure(entry.section(QStringLiteral(" — "), 0, 0));
}

void ContentEdit::contextMenuEvent(QContextMenuEvent *event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    // Undo and redo there would be the document's, which keeps no history.
    for (QAction *a : menu->actions()) {
        if (a->objectName() == QLatin1String("edit-undo") || a->objectName() == QLatin1String("edit-redo"))
            menu->removeAction(a);
    }
    // Corrections for a misspelt word at the top, as in word processors.
    const int at = event->reason() == QContextMenuEvent::Mouse ? cursorForPosition(event->pos()).position()
                                                               : textCursor().position();
    addSpellActions(menu.get(), this, at);
    menu->addSeparator();
    menu->addActions({mBold, mItalic});
    menu->addSeparator();
    menu->addActions({mNumbered, mBullets, mOutdent, mIndent});
    menu->addSeparator();
    menu->addAction(mInsertTable);
    if (textCursor().currentTable())
        menu->addActions({mInsertRow, mInsertColumn, mRemoveRow, mRemoveColumn, mHeaderRow});
    emit contextMenuAboutToShow(menu.get());
    menu->exec(event->globalPos());
}

bool ContentEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return source && (source->hasHtml() || source->hasText());
}

void ContentEdit::insertFromMimeData(const QMimeData *source)
{
    Content content = contentFromMimeData(source);
    if (content.isEmpty())
        return;
    // Pasted into a line, a word keeps the space copied with it, which cleaning trims.
    if (content.size() == 1 && content[0].type == Block::Type::Paragraph && source->hasText()) {
        const QString text = source->text();
        const auto blank = [](QChar ch) {
            return ch == QLatin1Char(' ') || ch == QLatin1Char('\t') || ch == QChar::Nbsp;
        };
        Paragraph &p = content[0].paragraph;
        if (!text.isEmpty() && blank(text.back()))
            p.append(Span{QStringLiteral(" "), p.spans.last().bold, p.spans.last().italic});
        if (!text.isEmpty() && blank(text.front())) {
            Paragraph spaced;
            spaced.append(Span{QStringLiteral(" "), p.spans.first().bold, p.spans.first().italic});
            for (const Span &s : std::as_const(p.spans))
                spaced.append(s);
            p = spaced;
        }
    }
    QTextCursor cursor = textCursor();
    insertContent(cursor, content);
    setTextCursor(cursor);
    ensureCursorVisible();
}

} // namespace vw
