#pragma once

#include "richtext.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QMenu;
class QTextEdit;
class QToolBar;
class QAbstractItemModel;

namespace vw {

struct BeschlussItem;
class ContentEdit;
class ItemListEditor;
class RessortTable;
class VorlageDocument;
struct Place;

// Inserts a standard wording at the cursor of `edit`, set apart from the text around it as a sentence
// of its own (a new paragraph after a paragraph's end, spaces in the middle of one).
void insertWording(QTextEdit *edit, const QString &wording);

// One section of a Vorlage as a form: its heading, a formatting bar, and the text as rich-text editors.
// Where the section holds structured items (the placeholders in its content), the form shows their
// editors in place: the questions with their signatories (A of a Fragestunde), one answer per question,
// numbered by the program (B), the Beschluss items with verb, Ressort and date (G).
class SectionForm : public QWidget {
    Q_OBJECT
public:
    SectionForm(VorlageDocument *document, const QString &label, const RessortTable &ressorts,
                QWidget *parent = nullptr);

    const QString &label() const { return mLabel; }
    // How a Beschluss item taken word for word from another Vorlage names its source (the title of Vorlage
    // `id`; empty when it is gone). Without it the source is named by its number.
    void setVorlageTitles(std::function<QString(qint64 id)> titleOf);
    // The figures its quotes show, and the completion list for "{{"; applied to every text editor.
    void setFigureValues(const FigureValues &values, QAbstractItemModel *entries);
    // Sends what was typed but not yet recorded as an undo step (before undo, export, closing).
    void flush();
    // Places the cursor (at `cursor`, or at the end) in this section's first text, in a question, an
    // answer or a Beschluss item this form prints, or in the signatories; a list as a whole (an item kind
    // without an id) is its first item, or the section's first text while it has none.
    bool focusPlace(const Place &place, int cursor = -1);

    // The editors, for tests and for find: the section's text parts in order.
    QList<ContentEdit *> textEdits() const { return mSegments; }
    ContentEdit *answerEdit(int question) const { return mAnswers.value(question); }
    ItemListEditor *questionsEditor() const { return mQuestions; }
    ItemListEditor *beschlussEditor() const { return mBeschluss; }
    // The "Textbausteine" menu: the section's standard wordings; nullptr when it has none.
    QMenu *wordingsMenu() const { return mWordings; }

private:
    void buildAnswers();
    void refresh();
    void showQuoteSource(QLabel *label, const BeschlussItem &item) const;
    Content assembled() const;
    QWidget *beschlussDetails(int index, QWidget *parent);

    VorlageDocument *mDocument;
    QString mLabel;
    const RessortTable &mRessorts;
    // The section's content is split at its placeholders: mSegments[i] edits the blocks before
    // mPlaceholders[i]; the last segment edits the blocks after the last placeholder.
    QList<ContentEdit *> mSegments;
    std::function<QString(qint64)> mTitleOf;
    QList<Block::Type> mPlaceholders;
    ItemListEditor *mQuestions = nullptr;
    QLineEdit *mSignatories = nullptr;
    ItemListEditor *mBeschluss = nullptr;
    QMenu *mWordings = nullptr;
    QWidget *mAnswersBox = nullptr;
    QList<ContentEdit *> mAnswers;
    QStringList mAnswerIds;
    QTimer mPending;
    FigureValues mFigures;
    QAbstractItemModel *mFigureEntries = nullptr;
    bool mSegmentsDirty = false;
    QList<int> mDirtyAnswers;
};

} // namespace vw
