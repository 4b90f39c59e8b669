#pragma once

#include "figure.h"
#include "richtext.h"

#include <QTextEdit>

#include <functional>

class QAction;
class QMenu;
class QTextBlock;
class QTextTable;
class QAbstractItemModel;
class QCompleter;
class QToolBar;

namespace vw {

// Rich text editor for one piece of section content: paragraphs, bold and italic, one level of
// numbered and bulleted lists, and tables, nothing else: content() is what the model keeps.
//
// Undo is the application's: the document keeps no undo stack, and Ctrl+Z / Ctrl+Shift+Z are left
// to the window's actions. On every change the user makes, contentEdited() is emitted; the
// application records content() (and cursorPosition()) and, on undo or redo, hands them back with
// setContent() and setCursorPosition().
class ContentEdit : public QTextEdit {
    Q_OBJECT
public:
    explicit ContentEdit(QWidget *parent = nullptr);
    ~ContentEdit() override;

    // Replaces what the editor shows, without emitting contentEdited(). The cursor stays where it
    // was, as far as the new content reaches. Does nothing when content() already equals content,
    // so that a view refreshing from the model does not disturb the user.
    void setContent(const Content &content);
    Content content() const { return mContent; }

    // Position of the text cursor in the document (0 … document()->characterCount() - 1).
    int cursorPosition() const;
    // Clamped to the document; clears the selection.
    void setCursorPosition(int position);

    // Inserts a table of empty cells behind the current paragraph and puts the cursor in the first
    // cell. Does nothing inside a table (the model has no nested tables).
    void insertTable(int rows, int columns, bool headerRow = false);

    // Quoted figures show as tokens with their current values from `values`; typing "{{" offers the
    // figures by key and label. Setting new values (a figure changed) repaints the tokens.
    // `entries` ("key — label (value)" per figure) can be shared by the editors of one Vorlage.
    void setFigureValues(const FigureValues &values, QAbstractItemModel *entries);
    static QStringList figureEntries(const FigureValues &values);
    // Inserts a quote of figure `key` at the cursor (an edit like typing).
    void insertFigure(const QString &key);
    QCompleter *figureCompleter() const { return mCompleter; }

    // Bold, italic, numbered list, bullet list, indent, outdent, insert table, then the table
    // actions (insert row, insert column, remove row, remove column, heading row).
    QList<QAction *> formatActions() const;
    QAction *boldAction() const { return mBold; }
    QAction *italicAction() const { return mItalic; }
    QAction *numberedListAction() const { return mNumbered; }
    QAction *bulletListAction() const { return mBullets; }
    // Makes paragraphs list items (of the list above or below, else a bullet list).
    QAction *indentAction() const { return mIndent; }
    // Makes list items paragraphs again (the model has a single list level).
    QAction *outdentAction() const { return mOutdent; }
    // Asks for rows and columns (3 × 3 unless changed), then insertTable().
    QAction *insertTableAction() const { return mInsertTable; }
    QAction *insertRowAction() const { return mInsertRow; }       // below the current row
    QAction *insertColumnAction() const { return mInsertColumn; } // right of the current column
    QAction *removeRowAction() const { return mRemoveRow; }
    QAction *removeColumnAction() const { return mRemoveColumn; }
    QAction *headerRowAction() const { return mHeaderRow; } // the first row is a heading

    // A tool bar with formatActions(), for the form that holds this editor.
    QToolBar *createFormatBar(QWidget *parent);

signals:
    // The user changed the content (typing, paste, drop, formatting, lists, tables).
    void contentEdited();
    // The context menu is about to show: others (annotations) add their entries to it.
    void contextMenuAboutToShow(QMenu *menu);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    void createActions();
    void documentChanged();
    void updateActions();
    QList<QTextBlock> selectedBlocks() const;
    void setBold(bool bold);
    void setItalic(bool italic);
    void toggleList(bool numbered);
    void indent();
    void outdent();
    void chooseAndInsertTable();
    void changeTable(const std::function<void(QTextTable *, int row, int column)> &change);
    void setHeaderRow(bool on);
    void moveToCell(int step);

    Content mContent;
    class FigureTokens *mTokens = nullptr;
    QCompleter *mCompleter = nullptr;
    void completeFigure();
    void figureChosen(const QString &entry);
    bool mSettingContent = false;
    QAction *mBold = nullptr;
    QAction *mItalic = nullptr;
    QAction *mNumbered = nullptr;
    QAction *mBullets = nullptr;
    QAction *mIndent = nullptr;
    QAction *mOutdent = nullptr;
    QAction *mInsertTable = nullptr;
    QAction *mInsertRow = nullptr;
    QAction *mInsertColumn = nullptr;
    QAction *mRemoveRow = nullptr;
    QAction *mRemoveColumn = nullptr;
    QAction *mHeaderRow = nullptr;
};

} // namespace vw
