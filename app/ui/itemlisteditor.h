#pragma once

#include <QWidget>

#include <functional>

class QTextEdit;
class QVBoxLayout;
class QPushButton;

namespace vw {

// A numbered list of short texts that can be added, removed and reordered: the questions of a
// Fragestunde, the Beschluss items of G. What the items are and how they change is given as functions,
// which go through Commands; the editor only shows the list and follows the document.
class ItemListEditor : public QWidget {
    Q_OBJECT
public:
    struct Operations {
        std::function<int()> count;
        std::function<QString(int)> id; // stable across moves
        std::function<QString(int)> text;
        std::function<void(int, const QString &, int cursor)> setText;
        std::function<void(int)> add;      // insert at index
        std::function<void(int)> remove;
        std::function<void(int, int)> move;
        // Optional: extra widgets for row i, placed under its text (Ressort and date of a Beschluss item).
        std::function<QWidget *(int, QWidget *parent)> extra;
        std::function<void(int, QWidget *extra)> refreshExtra;
        QString numberFormat; // "%1." or "Frage %1"
    };

    ItemListEditor(Operations operations, const QString &addLabel, QWidget *parent = nullptr);

    // Follows the model: rebuilds rows when items were added, removed or moved, otherwise updates what changed.
    void refresh();
    int rowCount() const;
    QTextEdit *textEdit(int row) const;
    QPushButton *addButton() const { return mAdd; }
    void focusRow(int row, int cursor);

private:
    void rebuild();

    Operations mOps;
    QVBoxLayout *mRows;
    QPushButton *mAdd;
    QList<QTextEdit *> mEdits;
    QList<QWidget *> mRowWidgets;
    QList<QWidget *> mExtras;
    QStringList mIds;
};

// A text editor that is as tall as its text, so that a page of them scrolls as one.
void fitHeightToText(QTextEdit *edit);

} // namespace vw
