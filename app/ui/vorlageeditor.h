#pragma once

#include "validation.h"
#include "vorlage.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QStringListModel;
class QTextEdit;
class QScrollArea;
class QTimer;
class QToolButton;

namespace vw {

class AnnotationPane;
class AnlagenEditor;
class BeteiligungEditor;
class ContentEdit;
class DocumentSaver;
class StatusBanner;
class HeaderForm;
class SectionForm;
class ValidationPanel;
class VorlageDocument;
class Workspace;

// One open Vorlage: the header form and one form per section on a scrolling page, a find bar, and the
// problems panel. Changes go through Commands onto the document's undo stack and are saved by a
// DocumentSaver; the editor announces when the preview is due.
class VorlageEditor : public QWidget {
    Q_OBJECT
public:
    VorlageEditor(Workspace *workspace, const Vorlage &vorlage, QWidget *parent = nullptr);
    ~VorlageEditor() override;

    VorlageDocument *document() const { return mDocument; }
    DocumentSaver *saver() const { return mSaver; }
    HeaderForm *headerForm() const { return mHeader; }
    SectionForm *sectionForm(const QString &label) const;
    ValidationPanel *validationPanel() const { return mPanel; }
    const QList<Problem> &problems() const { return mProblems; }
    // Comments and suggestions beside the text.
    AnnotationPane *annotationPane() const { return mAnnotations; }

    // Status, Beteiligung and Anlagen. A decided Vorlage (or a version's snapshot) is shown read-only:
    // no field takes typing, no command is recorded, nothing is saved; the banner explains why.
    StatusBanner *statusBanner() const { return mBanner; }
    BeteiligungEditor *beteiligungEditor() const { return mBeteiligung; }
    AnlagenEditor *anlagenEditor() const { return mAnlagen; }
    bool isReadOnly() const;
    // Shows a version's snapshot for reading only; the banner names it (e.g. "Fassung 3 „zur Mitzeichnung“").
    void showAsSnapshot(const QString &label);

    // The workspace's figures: quotes show their values, "{{" offers them, validation checks them.
    void setFigureValues(const FigureValues &values);
    const FigureValues &figureValues() const { return mFigures; }
    // Inserts a quote of `key` where the cursor was last in a text of this Vorlage.
    bool insertFigure(const QString &key);
    // Turns the typed number a problem names into a quote of its figure, as one undo step.
    bool applySuggestion(const Problem &suggestion);
    // Records pending typing as undo steps and saves; before undo/redo, export, closing.
    void flush();
    // Ctrl+0 … Ctrl+7, a click in the problems panel or on a publication issue, undo and redo come here:
    // the cursor goes to `place`, at `cursor` inside its text when given.
    bool focusPlace(const Place &place, int cursor = -1);
    // A search hit opened: the cursor goes to `place`, at the first word of `text` (what was searched for,
    // as in the search field) found there, and those words are highlighted until the Vorlage is next changed.
    // False when the place is not in this Vorlage; true (without highlights) when the words are not found.
    bool showFound(const Place &place, const QString &text);
    // The words highlighted by showFound(), in order.
    QStringList foundWords() const;
    // Ctrl+F: shows the find bar; findNext() searches from the cursor through all fields.
    void showFind();
    bool findNext(const QString &text);
    // Ctrl+H: the find bar with a replacement. replaceNext() replaces the match found last (selected in
    // its field) and finds the next; replaceAll() replaces every one through Commands, as one undo step,
    // and returns how many. The bar says what happened (findMessage()).
    void showReplace();
    bool replaceNext(const QString &find, const QString &replacement);
    int replaceAll(const QString &find, const QString &replacement);
    QString findMessage() const;
    QLineEdit *findEdit() const { return mFindEdit; }
    QLineEdit *replaceEdit() const { return mReplaceEdit; }
    QToolButton *replaceAllButton() const { return mReplaceAllButton; }

signals:
    // The Vorlage changed and stayed unchanged for a moment: time to refresh the preview.
    void previewDue();
    void titleChanged(const QString &title);
    // The banner's "Neufassung anlegen" of a decided Vorlage.
    void neufassungRequested();

private:
    void validateNow();
    void clearFound();
    QList<QWidget *> searchableWidgets() const;
    // Locks every field of the page when the document is read-only (it never becomes editable again:
    // a decided Vorlage changes through a Neufassung in a tab of its own).
    void applyReadOnly();

    Workspace *mWorkspace;
    VorlageDocument *mDocument;
    DocumentSaver *mSaver;
    QScrollArea *mScroll;
    HeaderForm *mHeader;
    StatusBanner *mBanner;
    BeteiligungEditor *mBeteiligung;
    AnlagenEditor *mAnlagen;
    QList<SectionForm *> mSections;
    ValidationPanel *mPanel;
    QWidget *mFindBar;
    QLineEdit *mFindEdit;
    QLabel *mReplaceLabel;
    QLineEdit *mReplaceEdit;
    QToolButton *mReplaceButton;
    QToolButton *mReplaceAllButton;
    QLabel *mFindMessage;
    QTimer *mValidateTimer;
    QTimer *mPreviewTimer;
    QList<Problem> mProblems;
    FigureValues mFigures;
    QStringListModel *mFigureEntries;
    QPointer<ContentEdit> mLastText;
    QPointer<QTextEdit> mFoundIn; // holds the highlights of showFound()
    AnnotationPane *mAnnotations = nullptr;
};

} // namespace vw
