#pragma once

#include "annotation.h"
#include "figure.h"
#include "result.h"

#include <QPointer>
#include <QTextEdit>
#include <QWidget>

#include <functional>
#include <optional>

class QAbstractButton;
class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace vw {

class VorlageEditor;
class Workspace;

// The comments and suggestions of one open Vorlage, beside its editor: threads in reading order with
// their place, quoted words, author, date, replies and state; buttons to answer, resolve, accept and
// reject. The anchored words are highlighted in the editors (extra selections, never part of the
// text); a click on a thread selects its words. Adding takes the selection of the focused text.
class AnnotationPane : public QWidget {
    Q_OBJECT
public:
    enum class Filter { All, Open };
    enum class Button { Reply, Resolve, Accept, Reject };

    AnnotationPane(Workspace *workspace, VorlageEditor *editor, QWidget *parent = nullptr);

    // Reads the annotations from the workspace again (after a save moved their anchors).
    void reload();
    const QList<Annotation> &annotations() const { return mAnnotations; }
    // The threads shown (filtered), in reading order.
    QList<qint64> shownIds() const;
    QWidget *threadWidget(qint64 id) const;
    QAbstractButton *button(qint64 id, Button which) const;
    void setFilter(Filter filter);
    Filter filter() const { return mFilter; }
    QComboBox *filterBox() const { return mFilterBox; }

    // The current thread: its words are highlighted more strongly and selected in the editor.
    qint64 currentId() const { return mCurrent; }
    bool activate(qint64 id);

    // The anchor of the selected words in the focused text of this Vorlage (a section, an answer,
    // a question, a Beschluss item, title or subtitle), after recording pending typing and saving.
    Result<Anchor> selectionAnchor();
    // Adds a comment (or a suggestion to replace the selected words) on the selection.
    Result<qint64> addComment(const QString &text);
    Result<qint64> addSuggestion(const QString &replacement, const QString &reason = {});
    Result<void> reply(qint64 id, const QString &text);
    Result<void> setResolved(qint64 id, bool resolved);
    // Accepting changes the text as one undo step; undoing it opens the suggestion again.
    Result<void> accept(qint64 id);
    Result<void> reject(qint64 id);
    // Writes the review PDF (watermark, comments as notes) of the Vorlage as it is now.
    Result<void> exportReview(const QString &path, const FigureValues &figures);

    // The interactive forms (asking for the text): the actions and buttons call these.
    void askAndAddComment();
    void askAndAddSuggestion();
    void askAndReply(qint64 id);
    // How the pane asks for a text (a dialog; tests put in their answers). Returns false on cancel.
    using Prompt = std::function<bool(const QString &title, const QString &label, QString *text)>;
    void setPrompt(Prompt prompt) { mPrompt = std::move(prompt); }

    // Why adding and accepting are not possible (a decided Vorlage), or empty.
    QString readOnlyReason() const;
    // Why rejecting a suggestion is not possible (an earlier version shown), or empty: a decided
    // Vorlage still takes rejections, its text stays as decided.
    QString rejectBlockedReason() const;
    // Entries for the context menu of a text of this Vorlage.
    void addContextEntries(QMenu *menu);

    // The highlight colours: open threads, and the current one.
    static QColor highlightColor(bool current);
    // Marks extra selections as ours, so that others' (spelling) stay.
    static constexpr int highlightProperty = QTextFormat::UserProperty + 300;

signals:
    void annotationsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Target;
    QList<Target> targets() const;
    std::optional<Target> targetOf(const QWidget *widget) const;
    void rebuild();
    void scheduleHighlights();
    void refreshHighlights();
    QList<Anchor> currentAnchors() const;
    // After an autosave: reads the annotations again only when the save moved some of their anchors.
    void followSave();
    void showError(const QString &title, const QString &message);
    void updateState();
    QWidget *makeCard(const Annotation &a, QWidget *parent);
    void styleCard(QWidget *card, const Annotation &a) const;

    Workspace *mWorkspace;
    VorlageEditor *mEditor;
    QList<Annotation> mAnnotations;
    Vorlage mBase; // the stored Vorlage the anchors count in
    Filter mFilter = Filter::All;
    qint64 mCurrent = 0;
    QLabel *mSummary;
    QComboBox *mFilterBox;
    QToolButton *mAddComment;
    QToolButton *mAddSuggestion;
    QScrollArea *mScroll;
    QWidget *mList;
    QVBoxLayout *mListLayout;
    QLabel *mEmpty;
    QHash<qint64, QWidget *> mCards;
    bool mHighlightsDue = false;
    QPointer<QWidget> mLastText; // the text last focused, for the buttons of the pane
    Prompt mPrompt;
};

// The "Prüfung" menu of the main window: add a comment or a suggestion, show the pane, the review PDF.
// The actions act on the current editor's pane.
void installReviewMenu(QMainWindow *window, const std::function<VorlageEditor *()> &currentEditor,
                       const std::function<FigureValues()> &figures);

} // namespace vw
