#include "annotationpane.h"

#include "anchormapping.h"
#include "commands.h"
#include "contentedit.h"
#include "documentsaver.h"
#include "headerform.h"
#include "itemlisteditor.h"
#include "pdfexporter.h"
#include "sectionform.h"
#include "userprofile.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolButton>
#include <QUndoCommand>
#include <QVBoxLayout>

#include <tuple>

namespace vw {

namespace {

constexpr QChar objectReplacement(0xFFFC);
// The widest the comment column's minimum gets for what does not wrap in its cards.
constexpr int maxMinimumWidth = 360;
constexpr int minimumPaneWidth = 200;

const QKeySequence commentKeys(Qt::CTRL | Qt::ALT | Qt::Key_K);
const QKeySequence suggestKeys(Qt::CTRL | Qt::ALT | Qt::Key_V);

// Header fields that are line edits and can carry an annotation.
const char *const headerKeys[] = {"title", "subtitle", "questionNumber", "fileCode", "fraktion"};

// A quote as the pane shows it: figures as "[Zahl]", lines joined, long ones shortened.
QString displayQuote(const QString &quote, int max = 160)
{
    QString q = quote;
    q.replace(objectReplacement, AnnotationPane::tr("[Zahl]"));
    q.replace(QLatin1Char('\n'), QLatin1Char(' '));
    q.replace(QChar::LineSeparator, QLatin1Char(' '));
    if (q.size() > max)
        q = q.left(max - 1) + QStringLiteral("…");
    return q;
}

Content withoutPlaceholders(const Content &content)
{
    Content result;
    for (const Block &b : content)
        if (!b.isPlaceholder())
            result.append(b);
    return result;
}

int questionIndex(const Vorlage &v, const QString &id)
{
    for (int i = 0; i < v.questions.size(); ++i)
        if (v.questions[i].id == id)
            return i;
    return -1;
}

int beschlussIndex(const Vorlage &v, const QString &id)
{
    for (int i = 0; i < v.beschluss.size(); ++i)
        if (v.beschluss[i].id == id)
            return i;
    return -1;
}

// Pushes the text of `place` in `changed` onto the document through the Commands facade.
bool pushPlace(VorlageDocument *doc, const Place &place, const Vorlage &changed)
{
    switch (place.kind) {
    case Place::Kind::Header: {
        const QString &f = place.field;
        if (f == QLatin1String("title"))
            Commands::setTitle(doc, changed.title);
        else if (f == QLatin1String("subtitle"))
            Commands::setSubtitle(doc, changed.subtitle);
        else if (f == QLatin1String("questionNumber"))
            Commands::setQuestionNumber(doc, changed.questionNumber);
        else if (f == QLatin1String("fileCode"))
            Commands::setFileCode(doc, changed.fileCode);
        else if (f == QLatin1String("body"))
            Commands::setBody(doc, changed.body);
        else if (f == QLatin1String("fraktion"))
            Commands::setFraktion(doc, changed.fraktion);
        else if (f == QLatin1String("questionSignatories"))
            Commands::setSignatories(doc, changed.questionSignatories);
        else
            return false;
        return true;
    }
    case Place::Kind::Section:
        if (const Section *s = changed.section(place.field)) {
            Commands::setSectionContent(doc, place.field, s->content);
            return true;
        }
        return false;
    case Place::Kind::Question:
        if (const int i = questionIndex(changed, place.itemId); i >= 0) {
            Commands::setQuestionText(doc, i, changed.questions[i].text);
            return true;
        }
        return false;
    case Place::Kind::Answer:
        if (const int i = questionIndex(changed, place.itemId); i >= 0) {
            Commands::setAnswer(doc, i, changed.questions[i].answer);
            return true;
        }
        return false;
    case Place::Kind::Beschluss:
        if (const int i = beschlussIndex(changed, place.itemId); i >= 0) {
            Commands::setBeschlussText(doc, i, changed.beschluss[i].text);
            return true;
        }
        return false;
    case Place::Kind::Beteiligung:
    case Place::Kind::Anlage:
        return false;
    }
    return false;
}

// The record of accepting a suggestion, as the first part of the undo step that changes the text.
// Undoing it (after the text is back) saves, puts the anchor back on the restored words and opens
// the suggestion again; redoing it accepts again.
class DecisionCommand : public QUndoCommand {
public:
    DecisionCommand(Workspace *workspace, DocumentSaver *saver, AnnotationPane *pane, qint64 id, Anchor anchor,
                    QUndoCommand *parent)
        : QUndoCommand(parent), mWorkspace(workspace), mSaver(saver), mPane(pane), mId(id), mAnchor(std::move(anchor))
    {
    }

    void redo() override
    {
        report(mWorkspace->decideSuggestion(mId, Annotation::Suggestion::Accepted));
    }

    void undo() override
    {
        // Runs after the text change was undone (children undo in reverse order).
        mSaver->saveNow();
        auto restored = mWorkspace->restoreAnchor(mId, mAnchor);
        auto opened = mWorkspace->decideSuggestion(mId, Annotation::Suggestion::Open);
        report(restored ? opened : restored);
    }

private:
    void report(const Result<void> &r)
    {
        if (!mPane)
            return;
        if (!r) {
            if (auto *window = qobject_cast<QMainWindow *>(mPane->window()))
                window->statusBar()->showMessage(r.error(), 8000);
        }
        // The stack is in the middle of its step: read the annotations once it is done.
        QTimer::singleShot(0, mPane, [pane = mPane] {
            if (pane)
                pane->reload();
        });
    }

    Workspace *mWorkspace;
    DocumentSaver *mSaver;
    QPointer<AnnotationPane> mPane;
    qint64 mId;
    Anchor mAnchor;
};

} // namespace

// A text of the Vorlage that can carry annotations: a text editor (lines mapped to anchor offsets)
// or a line edit (offsets are positions).
struct AnnotationPane::Target {
    QWidget *widget = nullptr;
    Place place;
    int firstOffset = 0;
    QList<AnchorLine> lines;
    bool inSync = true; // the editor shows what the model holds (no typing waiting to be recorded)

    QTextEdit *textEdit() const { return qobject_cast<QTextEdit *>(widget); }
    QLineEdit *lineEdit() const { return qobject_cast<QLineEdit *>(widget); }
};

AnnotationPane::AnnotationPane(Workspace *workspace, VorlageEditor *editor, QWidget *parent)
    : QWidget(parent), mWorkspace(workspace), mEditor(editor)
{
    if (mWorkspace->author().isEmpty())
        mWorkspace->setAuthor(UserProfile::load().author());
    mPrompt = [this](const QString &title, const QString &label, QString *text) {
        bool ok = false;
        const QString answer = QInputDialog::getMultiLineText(this, title, label, *text, &ok);
        if (ok)
            *text = answer;
        return ok && !answer.trimmed().isEmpty();
    };

    setObjectName(QStringLiteral("annotationPane"));
    setMinimumWidth(minimumPaneWidth);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);

    auto *titleRow = new QHBoxLayout;
    mSummary = new QLabel(tr("Kommentare"), this);
    mSummary->setStyleSheet(QStringLiteral("font-weight: bold;"));
    mSummary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // never widens the pane
    mFilterBox = new QComboBox(this);
    mFilterBox->addItem(tr("Alle"));
    mFilterBox->addItem(tr("Offene"));
    mFilterBox->setAccessibleName(tr("Kommentare filtern"));
    mFilterBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    titleRow->addWidget(mSummary, 1);
    titleRow->addWidget(mFilterBox);
    layout->addLayout(titleRow);

    auto *addRow = new QHBoxLayout;
    addRow->setSpacing(4);
    mAddComment = new QToolButton(this);
    mAddComment->setText(tr("Kommentar…"));
    mAddSuggestion = new QToolButton(this);
    mAddSuggestion->setText(tr("Vorschlag…"));
    for (QToolButton *b : {mAddComment, mAddSuggestion})
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addRow->addWidget(mAddComment);
    addRow->addWidget(mAddSuggestion);
    addRow->addStretch();
    layout->addLayout(addRow);

    auto *scroll = mScroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mList = new QWidget;
    mList->setObjectName(QStringLiteral("threadList"));
    mListLayout = new QVBoxLayout(mList);
    mListLayout->setContentsMargins(0, 2, 2, 8);
    mListLayout->setSpacing(6);
    mEmpty = new QLabel(tr("Noch keine Kommentare. Markieren Sie Text und wählen Sie „Kommentar“ (%1).")
                            .arg(commentKeys.toString(QKeySequence::NativeText)),
                        mList);
    mEmpty->setWordWrap(true);
    mEmpty->setStyleSheet(QStringLiteral("color: palette(mid); padding: 8px 2px;"));
    mListLayout->addWidget(mEmpty);
    mListLayout->addStretch();
    scroll->setWidget(mList);
    layout->addWidget(scroll, 1);

    connect(mFilterBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setFilter(i == 1 ? Filter::Open : Filter::All); });
    connect(mAddComment, &QToolButton::clicked, this, &AnnotationPane::askAndAddComment);
    connect(mAddSuggestion, &QToolButton::clicked, this, &AnnotationPane::askAndAddSuggestion);

    VorlageDocument *doc = mEditor->document();
    connect(mEditor->saver(), &DocumentSaver::saved, this, &AnnotationPane::followSave);
    connect(doc, &VorlageDocument::reloaded, this, &AnnotationPane::reload);
    connect(doc, &VorlageDocument::changed, this, [this] {
        updateState();
        scheduleHighlights();
    });
    // The text the selection is taken from when a button of the pane is pressed; its context menu.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (!now || !mEditor->isAncestorOf(now) || !targetOf(now))
            return;
        mLastText = now;
        if (auto *content = qobject_cast<ContentEdit *>(now)) {
            connect(content, &ContentEdit::contextMenuAboutToShow, this, &AnnotationPane::addContextEntries,
                    Qt::UniqueConnection);
        } else {
            now->installEventFilter(this);
            if (auto *text = qobject_cast<QTextEdit *>(now))
                text->viewport()->installEventFilter(this);
        }
    });
    reload();
}

bool AnnotationPane::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ContextMenu) {
        auto *e = static_cast<QContextMenuEvent *>(event);
        QWidget *w = qobject_cast<QWidget *>(watched);
        auto *text = qobject_cast<QTextEdit *>(w);
        if (!text && w && w->parentWidget())
            text = qobject_cast<QTextEdit *>(w->parentWidget());
        std::unique_ptr<QMenu> menu;
        if (auto *line = qobject_cast<QLineEdit *>(w))
            menu.reset(line->createStandardContextMenu());
        else if (text)
            menu.reset(text->createStandardContextMenu(text->viewport()->mapFromGlobal(e->globalPos())));
        if (menu) {
            addContextEntries(menu.get());
            menu->exec(e->globalPos());
            return true;
        }
    }
    if (event->type() == QEvent::MouseButtonPress) {
        auto *w = qobject_cast<QWidget *>(watched);
        if (w && w->property("annotationId").isValid()) {
            activate(w->property("annotationId").toLongLong());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

QString AnnotationPane::readOnlyReason() const
{
    const Vorlage &v = mEditor->document()->vorlage();
    if (!isReadOnly(v.status)) {
        if (mEditor->document()->isReadOnly())
            return tr("Eine frühere Fassung wird nur zum Lesen gezeigt: Kommentare und Vorschläge gehören zur "
                      "aktuellen Fassung.");
        return {};
    }
    return tr("Die Vorlage ist %1: Kommentare und Vorschläge können nicht mehr hinzugefügt oder angenommen werden. "
              "Antworten, Erledigen und Ablehnen bleiben möglich.")
        .arg(statusLabel(v.status).toLower());
}

void AnnotationPane::updateState()
{
    const QString reason = readOnlyReason();
    mAddComment->setEnabled(reason.isEmpty());
    mAddSuggestion->setEnabled(reason.isEmpty());
    if (!reason.isEmpty()) {
        mAddComment->setToolTip(reason);
        mAddSuggestion->setToolTip(reason);
    } else {
        mAddComment->setToolTip(tr("Die markierten Wörter kommentieren (%1)").arg(commentKeys.toString(QKeySequence::NativeText)));
        mAddSuggestion->setToolTip(tr("Einen Ersatz für die markierten Wörter vorschlagen (%1)")
                                       .arg(suggestKeys.toString(QKeySequence::NativeText)));
    }
    const QString rejectReason = rejectBlockedReason();
    for (auto it = mCards.cbegin(); it != mCards.cend(); ++it) {
        if (QAbstractButton *button = this->button(it.key(), Button::Accept)) {
            button->setEnabled(reason.isEmpty());
            button->setToolTip(reason.isEmpty() ? tr("Den Text ersetzen (rückgängig zu machen)") : reason);
        }
        if (QAbstractButton *button = this->button(it.key(), Button::Reject)) {
            button->setEnabled(rejectReason.isEmpty());
            button->setToolTip(!rejectReason.isEmpty() ? rejectReason
                               : reason.isEmpty()      ? tr("Den Vorschlag ablehnen; der Text bleibt")
                                                       : tr("Den Vorschlag ablehnen; der beschlossene Text bleibt, wie er ist"));
        }
    }
}

QString AnnotationPane::rejectBlockedReason() const
{
    // Rejecting leaves the text: a decided Vorlage takes it, so that what blocks its publication can be
    // settled. Only an earlier version shown for reading takes nothing.
    if (isReadOnly(mEditor->document()->vorlage().status))
        return {};
    return readOnlyReason();
}

void AnnotationPane::reload()
{
    const qint64 id = mEditor->document()->vorlage().id;
    auto list = mWorkspace->annotations(id);
    if (!list) {
        mSummary->setText(tr("Kommentare nicht lesbar"));
        mSummary->setToolTip(list.error());
        return;
    }
    if (mEditor->saver()->hasUnsavedChanges()) {
        auto stored = mWorkspace->load(id);
        mBase = stored ? stored.value() : mEditor->document()->vorlage();
    } else {
        mBase = mEditor->document()->vorlage();
    }
    const bool changed = list.value() != mAnnotations;
    mAnnotations = list.value();
    if (changed)
        rebuild();
    updateState();
    scheduleHighlights();
    if (changed)
        emit annotationsChanged();
}

static std::tuple<int, int, int> readingKey(const Vorlage &v, const Annotation &a)
{
    const Place &p = a.anchor.place;
    const int start = a.anchor.detached ? 1 << 30 : a.anchor.start;
    const auto sectionHolding = [&v](Block::Type type) {
        for (int i = 0; i < v.sections.size(); ++i)
            for (const Block &b : v.sections[i].content)
                if (b.type == type)
                    return i;
        return int(v.sections.size());
    };
    switch (p.kind) {
    case Place::Kind::Header: {
        int i = 0;
        for (const char *key : {"title", "subtitle", "questionNumber", "fileCode", "body", "fraktion", "questionSignatories"}) {
            if (p.field == QLatin1String(key))
                break;
            ++i;
        }
        return {0, i, start};
    }
    case Place::Kind::Section:
        for (int i = 0; i < v.sections.size(); ++i)
            if (v.sections[i].label == p.field)
                return {1 + i, 0, start};
        break;
    case Place::Kind::Question:
        return {1 + sectionHolding(Block::Type::Questions), 1 + questionIndex(v, p.itemId), start};
    case Place::Kind::Answer:
        return {1 + sectionHolding(Block::Type::Answers), 1 + questionIndex(v, p.itemId), start};
    case Place::Kind::Beschluss:
        return {1 + sectionHolding(Block::Type::Beschluss), 1 + beschlussIndex(v, p.itemId), start};
    case Place::Kind::Beteiligung:
    case Place::Kind::Anlage:
        break;
    }
    return {1000, 0, start};
}

QList<qint64> AnnotationPane::shownIds() const
{
    const Vorlage &v = mEditor->document()->vorlage();
    QList<const Annotation *> shown;
    for (const Annotation &a : mAnnotations)
        if (mFilter == Filter::All || a.isOpen())
            shown << &a;
    std::stable_sort(shown.begin(), shown.end(),
                     [&v](const Annotation *a, const Annotation *b) { return readingKey(v, *a) < readingKey(v, *b); });
    QList<qint64> ids;
    for (const Annotation *a : shown)
        ids << a->id;
    return ids;
}

void AnnotationPane::setFilter(Filter filter)
{
    if (mFilterBox->currentIndex() != (filter == Filter::Open ? 1 : 0))
        mFilterBox->setCurrentIndex(filter == Filter::Open ? 1 : 0);
    if (mFilter == filter)
        return;
    mFilter = filter;
    rebuild();
}

void AnnotationPane::rebuild()
{
    // Later: rebuilding may come from a click on a card's own button.
    for (QWidget *card : std::as_const(mCards)) {
        mListLayout->removeWidget(card);
        card->hide();
        card->deleteLater();
    }
    mCards.clear();
    int open = 0;
    for (const Annotation &a : mAnnotations)
        open += a.isOpen() ? 1 : 0;
    mSummary->setToolTip(tr("%1 offen von %2").arg(open).arg(mAnnotations.size()));
    mFilterBox->setItemText(0, tr("Alle (%1)").arg(mAnnotations.size()));
    mFilterBox->setItemText(1, tr("Offene (%1)").arg(open));
    const QList<qint64> ids = shownIds();
    int at = 0;
    for (qint64 id : ids) {
        for (const Annotation &a : mAnnotations) {
            if (a.id == id) {
                QWidget *card = makeCard(a, mList);
                mListLayout->insertWidget(1 + at++, card);
                mCards.insert(id, card);
            }
        }
    }
    // What does not wrap (the state, the buttons, a long word) must fit beside the scroll bar: the column
    // is never narrower than that, else the cards are cut off at its right edge. Up to a limit: a very long
    // unbroken word must not push the text aside.
    mScroll->setMinimumWidth(std::min(mList->minimumSizeHint().width() + mScroll->verticalScrollBar()->sizeHint().width()
                                          + 2 * mScroll->frameWidth(),
                                      maxMinimumWidth));
    const QMargins margins = layout()->contentsMargins();
    setMinimumWidth(std::max(minimumPaneWidth, mScroll->minimumWidth() + margins.left() + margins.right()));
    mEmpty->setVisible(ids.isEmpty());
    if (ids.isEmpty() && !mAnnotations.isEmpty())
        mEmpty->setText(tr("Keine offenen Kommentare."));
    else
        mEmpty->setText(tr("Noch keine Kommentare. Markieren Sie Text und wählen Sie „Kommentar“ (%1).")
                            .arg(commentKeys.toString(QKeySequence::NativeText)));
}

QWidget *AnnotationPane::makeCard(const Annotation &a, QWidget *parent)
{
    const Vorlage &v = mEditor->document()->vorlage();
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("thread"));
    card->setProperty("annotationId", a.id);
    card->setFrameShape(QFrame::StyledPanel);
    styleCard(card, a);
    card->setCursor(Qt::PointingHandCursor);
    card->installEventFilter(this);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(3);

    const auto label = [card](const QString &text, const QString &style = {}) {
        auto *l = new QLabel(text, card);
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
        if (!style.isEmpty())
            l->setStyleSheet(style);
        return l;
    };

    auto *head = new QHBoxLayout;
    head->addWidget(label(placeLabel(v, a.anchor.place), QStringLiteral("font-weight: bold;")), 1);
    QString state;
    QString stateColor = QStringLiteral("#8a6d00");
    switch (a.suggestion) {
    case Annotation::Suggestion::Open:
        state = a.resolved ? tr("erledigt") : tr("Vorschlag");
        break;
    case Annotation::Suggestion::Accepted:
        state = tr("angenommen");
        stateColor = QStringLiteral("#2e7d32");
        break;
    case Annotation::Suggestion::Rejected:
        state = tr("abgelehnt");
        stateColor = QStringLiteral("#777777");
        break;
    case Annotation::Suggestion::None:
        state = a.resolved ? tr("erledigt") : tr("offen");
        if (a.resolved)
            stateColor = QStringLiteral("#2e7d32");
        break;
    }
    auto *stateLabel = label(state, QStringLiteral("color: %1;").arg(stateColor));
    stateLabel->setWordWrap(false);
    stateLabel->setObjectName(QStringLiteral("state"));
    head->addWidget(stateLabel, 0, Qt::AlignTop);
    layout->addLayout(head);

    if (a.anchor.detached) {
        layout->addWidget(label(tr("Text nicht mehr vorhanden: „%1“").arg(displayQuote(a.anchor.quote)),
                                QStringLiteral("color: #a12622; font-style: italic;")));
    } else if (!a.isSuggestion()) {
        layout->addWidget(label(tr("„%1“").arg(displayQuote(a.anchor.quote)),
                                QStringLiteral("color: #555555; font-style: italic;")));
    }
    if (a.isSuggestion()) {
        const QString change = a.replacement.isEmpty()
                                   ? tr("Vorschlag: „%1“ streichen").arg(displayQuote(a.anchor.quote, 120))
                                   : tr("Vorschlag: „%1“ → „%2“")
                                         .arg(displayQuote(a.anchor.quote, 120), displayQuote(a.replacement, 200));
        auto *l = label(change);
        l->setObjectName(QStringLiteral("suggestion"));
        layout->addWidget(l);
    }
    if (!a.text.trimmed().isEmpty())
        layout->addWidget(label(a.text));
    QString byline = tr("%1 · %2").arg(a.author, germanDateTime(a.created));
    if (a.suggestion == Annotation::Suggestion::Accepted || a.suggestion == Annotation::Suggestion::Rejected)
        byline += QLatin1Char('\n') + tr("entschieden: %1 · %2").arg(a.decidedBy, germanDateTime(a.decided));
    else if (a.resolved)
        byline += QLatin1Char('\n') + tr("erledigt: %1 · %2").arg(a.resolvedBy, germanDateTime(a.resolvedAt));
    layout->addWidget(label(byline, QStringLiteral("color: #6b6b6b; font-size: 8pt;")));

    for (const Reply &r : a.replies) {
        auto *reply = new QFrame(card);
        reply->setObjectName(QStringLiteral("reply"));
        reply->setStyleSheet(QStringLiteral("QFrame#reply { border: none; border-left: 3px solid #d8d8d8; }"));
        auto *rl = new QVBoxLayout(reply);
        rl->setContentsMargins(8, 1, 0, 1);
        rl->setSpacing(1);
        auto *text = new QLabel(r.text, reply);
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        auto *by = new QLabel(tr("%1 · %2").arg(r.author, germanDateTime(r.created)), reply);
        by->setWordWrap(true); // a long name must not widen the column beyond its width
        by->setTextFormat(Qt::PlainText);
        by->setStyleSheet(QStringLiteral("color: #6b6b6b; font-size: 8pt;"));
        rl->addWidget(text);
        rl->addWidget(by);
        layout->addWidget(reply);
    }

    // At most two buttons a row: the pane is narrow beside the text.
    auto *buttons = new QGridLayout;
    buttons->setHorizontalSpacing(4);
    buttons->setVerticalSpacing(3);
    int count = 0;
    const auto add = [card, buttons, &count](const QString &text, const char *name) -> QToolButton * {
        auto *b = new QToolButton(card);
        b->setText(text);
        b->setObjectName(QLatin1String(name));
        b->setCursor(Qt::ArrowCursor);
        buttons->addWidget(b, count / 2, count % 2);
        ++count;
        return b;
    };
    const qint64 id = a.id;
    if (a.suggestion == Annotation::Suggestion::Open && !a.resolved) {
        QToolButton *accept = add(tr("Annehmen"), "accept");
        connect(accept, &QToolButton::clicked, this, [this, id] {
            if (auto r = this->accept(id); !r)
                showError(tr("Vorschlag annehmen"), r.error());
        });
        QToolButton *reject = add(tr("Ablehnen"), "reject");
        connect(reject, &QToolButton::clicked, this, [this, id] {
            if (auto r = this->reject(id); !r)
                showError(tr("Vorschlag ablehnen"), r.error());
        });
        if (a.anchor.detached) {
            accept->setEnabled(false);
            accept->setToolTip(tr("Der Text, auf den sich der Vorschlag bezieht, ist nicht mehr vorhanden."));
        }
    }
    QToolButton *replyButton = add(tr("Antworten"), "reply");
    connect(replyButton, &QToolButton::clicked, this, [this, id] { askAndReply(id); });
    if (!a.isSuggestion()) {
        QToolButton *resolve = add(a.resolved ? tr("Wieder öffnen") : tr("Erledigt"), "resolve");
        connect(resolve, &QToolButton::clicked, this, [this, id, resolved = a.resolved] {
            if (auto r = setResolved(id, !resolved); !r)
                showError(tr("Kommentar"), r.error());
        });
    }
    buttons->setColumnStretch(2, 1);
    layout->addLayout(buttons);
    return card;
}

void AnnotationPane::styleCard(QWidget *card, const Annotation &a) const
{
    const bool current = a.id == mCurrent;
    card->setProperty("current", current);
    const QString border = current ? QStringLiteral("#d39e00") : QStringLiteral("#c8c8c8");
    const QString background = a.isOpen() ? QStringLiteral("#fffdf3") : QStringLiteral("#f6f6f6");
    card->setStyleSheet(QStringLiteral("QFrame#thread { border: %1px solid %2; border-radius: 4px; background: %3; }")
                            .arg(current ? 2 : 1)
                            .arg(border, background));
}

QWidget *AnnotationPane::threadWidget(qint64 id) const
{
    return mCards.value(id);
}

QAbstractButton *AnnotationPane::button(qint64 id, Button which) const
{
    QWidget *card = mCards.value(id);
    if (!card)
        return nullptr;
    const char *name = "reply";
    switch (which) {
    case Button::Reply:
        name = "reply";
        break;
    case Button::Resolve:
        name = "resolve";
        break;
    case Button::Accept:
        name = "accept";
        break;
    case Button::Reject:
        name = "reject";
        break;
    }
    return card->findChild<QAbstractButton *>(QLatin1String(name));
}

// ---- Texts of the Vorlage and their anchors ---------------------------------------------------------

QList<AnnotationPane::Target> AnnotationPane::targets() const
{
    QList<Target> result;
    const Vorlage &v = mEditor->document()->vorlage();
    for (const char *key : headerKeys) {
        if (auto *line = qobject_cast<QLineEdit *>(mEditor->headerForm()->fieldWidget(QLatin1String(key)))) {
            Target t;
            t.widget = line;
            t.place = {Place::Kind::Header, QLatin1String(key), {}};
            t.inSync = false; // line edits show no highlights
            result << t;
        }
    }
    for (const Section &s : v.sections) {
        SectionForm *form = mEditor->sectionForm(s.label);
        if (!form)
            continue;
        Content shown;
        int next = 0;
        QList<Target> segments;
        for (ContentEdit *edit : form->textEdits()) {
            if (!edit)
                continue;
            shown += edit->content();
            Target t;
            t.widget = edit;
            t.place = {Place::Kind::Section, s.label, {}};
            t.lines = anchorLines(edit->document());
            t.firstOffset = next;
            if (!t.lines.isEmpty())
                next = t.firstOffset + anchorLength(t.lines) + 1;
            segments << t;
        }
        const bool inSync = shown == withoutPlaceholders(s.content);
        for (Target &t : segments)
            t.inSync = inSync;
        result += segments;
        for (int i = 0; i < v.questions.size(); ++i) {
            if (ContentEdit *edit = form->answerEdit(i)) {
                Target t;
                t.widget = edit;
                t.place = {Place::Kind::Answer, {}, v.questions[i].id};
                t.lines = anchorLines(edit->document());
                t.inSync = edit->content() == v.questions[i].answer;
                result << t;
            }
        }
        const auto items = [&result](ItemListEditor *list, Place::Kind kind, const QStringList &ids,
                                     const QStringList &texts) {
            if (!list)
                return;
            for (int row = 0; row < list->rowCount() && row < ids.size(); ++row) {
                if (QTextEdit *edit = list->textEdit(row)) {
                    Target t;
                    t.widget = edit;
                    t.place = {kind, {}, ids[row]};
                    t.lines = anchorLines(edit->document());
                    t.inSync = edit->toPlainText() == texts[row];
                    result << t;
                }
            }
        };
        QStringList ids, texts;
        for (const Question &q : v.questions) {
            ids << q.id;
            texts << q.text.plainText();
        }
        items(form->questionsEditor(), Place::Kind::Question, ids, texts);
        ids.clear();
        texts.clear();
        for (const BeschlussItem &b : v.beschluss) {
            ids << b.id;
            texts << b.text.plainText();
        }
        items(form->beschlussEditor(), Place::Kind::Beschluss, ids, texts);
    }
    return result;
}

std::optional<AnnotationPane::Target> AnnotationPane::targetOf(const QWidget *widget) const
{
    if (!widget)
        return std::nullopt;
    for (const Target &t : targets()) {
        if (t.widget == widget)
            return t;
    }
    return std::nullopt;
}

Result<Anchor> AnnotationPane::selectionAnchor()
{
    QWidget *w = QApplication::focusWidget();
    if (!targetOf(w))
        w = mLastText;
    const std::optional<Target> before = targetOf(w);
    const QString select = tr("Markieren Sie zuerst die Wörter in einem Text der Vorlage, auf die sich der Kommentar "
                              "beziehen soll.");
    if (!before)
        return Error{select};
    int from = 0;
    int to = 0;
    QString selected;
    if (QTextEdit *edit = before->textEdit()) {
        const QTextCursor c = edit->textCursor();
        from = c.selectionStart();
        to = c.selectionEnd();
        selected = c.selectedText();
    } else if (QLineEdit *line = before->lineEdit()) {
        from = line->selectionStart();
        to = from + int(line->selectedText().size());
        selected = line->selectedText();
    }
    if (from >= to || from < 0)
        return Error{select};
    if (const QString reason = readOnlyReason(); !reason.isEmpty())
        return Error{reason};

    // Anchors count in the stored text: record pending typing and save first.
    mEditor->flush();
    if (mEditor->saver()->hasUnsavedChanges())
        return Error{tr("Die Vorlage ist nicht gespeichert; der Kommentar kann erst nach dem Speichern angelegt werden.")};
    const std::optional<Target> t = targetOf(w);
    if (!t)
        return Error{select};
    const Vorlage &v = mEditor->document()->vorlage();
    const QString text = anchorText(v, t->place);
    Anchor anchor;
    anchor.place = t->place;
    if (t->lineEdit()) {
        anchor.start = from;
        anchor.end = to;
    } else {
        anchor.start = anchorOffset(t->lines, t->firstOffset, from);
        anchor.end = anchorOffset(t->lines, t->firstOffset, to);
    }
    anchor.start = std::clamp(anchor.start, 0, int(text.size()));
    anchor.end = std::clamp(anchor.end, anchor.start, int(text.size()));
    anchor.quote = text.mid(anchor.start, anchor.end - anchor.start);
    selected.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    if (anchor.quote != selected && !selected.contains(QLatin1Char('\n'))) {
        // A text whose positions do not count as the model does (a figure in a question): find the words.
        if (auto found = findAnchor(v, t->place, selected, 0, &mEditor->figureValues()))
            return found.value();
    }
    if (anchor.quote.trimmed().isEmpty())
        return Error{select};
    return anchor;
}

Result<qint64> AnnotationPane::addComment(const QString &text)
{
    auto anchor = selectionAnchor();
    if (!anchor)
        return anchor.failure();
    Annotation a;
    a.vorlageId = mEditor->document()->vorlage().id;
    a.anchor = anchor.value();
    a.text = text;
    auto id = mWorkspace->addAnnotation(a);
    if (id) {
        mCurrent = id.value();
        reload();
    }
    return id;
}

Result<qint64> AnnotationPane::addSuggestion(const QString &replacement, const QString &reason)
{
    auto anchor = selectionAnchor();
    if (!anchor)
        return anchor.failure();
    if (replacement == anchor->quote)
        return Error{tr("Der Vorschlag ändert nichts: der Ersatz ist der markierte Text.")};
    Annotation a;
    a.vorlageId = mEditor->document()->vorlage().id;
    a.anchor = anchor.value();
    a.text = reason;
    a.suggestion = Annotation::Suggestion::Open;
    a.replacement = replacement;
    auto id = mWorkspace->addAnnotation(a);
    if (id) {
        mCurrent = id.value();
        reload();
    }
    return id;
}

void AnnotationPane::askAndAddComment()
{
    auto anchor = selectionAnchor();
    if (!anchor) {
        showError(tr("Kommentar hinzufügen"), anchor.error());
        return;
    }
    QString text;
    if (!mPrompt(tr("Kommentar hinzufügen"), tr("Kommentar zu „%1“:").arg(displayQuote(anchor->quote, 80)), &text))
        return;
    // The selection still stands: add on it (the anchor is computed again against the saved text).
    if (auto r = addComment(text); !r)
        showError(tr("Kommentar hinzufügen"), r.error());
}

void AnnotationPane::askAndAddSuggestion()
{
    auto anchor = selectionAnchor();
    if (!anchor) {
        showError(tr("Änderung vorschlagen"), anchor.error());
        return;
    }
    QString text = anchor->quote;
    text.replace(objectReplacement, QString());
    if (!mPrompt(tr("Änderung vorschlagen"), tr("„%1“ ersetzen durch:").arg(displayQuote(anchor->quote, 80)), &text))
        return;
    if (auto r = addSuggestion(text); !r)
        showError(tr("Änderung vorschlagen"), r.error());
}

void AnnotationPane::askAndReply(qint64 id)
{
    QString text;
    if (!mPrompt(tr("Antworten"), tr("Ihre Antwort:"), &text))
        return;
    if (auto r = reply(id, text); !r)
        showError(tr("Antworten"), r.error());
}

Result<void> AnnotationPane::reply(qint64 id, const QString &text)
{
    auto r = mWorkspace->addReply(id, text);
    if (!r)
        return r.failure();
    reload();
    return {};
}

Result<void> AnnotationPane::setResolved(qint64 id, bool resolved)
{
    auto r = mWorkspace->setResolved(id, resolved);
    reload();
    return r;
}

Result<void> AnnotationPane::reject(qint64 id)
{
    if (const QString reason = rejectBlockedReason(); !reason.isEmpty())
        return Error{reason};
    auto r = mWorkspace->decideSuggestion(id, Annotation::Suggestion::Rejected);
    reload();
    return r;
}

Result<void> AnnotationPane::accept(qint64 id)
{
    if (const QString reason = readOnlyReason(); !reason.isEmpty())
        return Error{reason};
    // The anchor counts in the stored text: everything typed goes there first.
    mEditor->flush();
    if (mEditor->saver()->hasUnsavedChanges())
        return Error{tr("Die Vorlage ist nicht gespeichert; der Vorschlag kann erst danach angenommen werden.")};
    auto a = mWorkspace->annotation(id);
    if (!a)
        return a.failure();
    if (a->suggestion != Annotation::Suggestion::Open)
        return Error{tr("Der Vorschlag ist schon entschieden.")};
    VorlageDocument *doc = mEditor->document();
    Vorlage changed = doc->vorlage();
    if (auto r = replaceAnchoredText(changed, a->anchor, a->replacement); !r)
        return r;
    QUndoStack *stack = doc->undoStack();
    // One undo step: the decision first (so that undoing it comes after the text is back), then the text.
    stack->beginMacro(tr("Vorschlag annehmen"));
    stack->push(new DecisionCommand(mWorkspace, mEditor->saver(), this, id, a->anchor, nullptr));
    const bool pushed = pushPlace(doc, a->anchor.place, changed);
    stack->endMacro();
    if (!pushed)
        return Error{tr("Die Stelle des Vorschlags gibt es nicht mehr.")};
    mEditor->flush();
    reload();
    return {};
}

Result<void> AnnotationPane::exportReview(const QString &path, const FigureValues &figures)
{
    mEditor->flush();
    reload();
    PdfExporter exporter(mWorkspace->ressorts(), figures);
    auto bytes = exporter.reviewBytes(mEditor->document()->vorlage(), mAnnotations);
    if (!bytes)
        return bytes.failure();
    return PdfExporter::saveBytes(bytes.value(), path);
}

// ---- Highlights and jumping ------------------------------------------------------------------------

QColor AnnotationPane::highlightColor(bool current)
{
    return current ? QColor(0xff, 0xcc, 0x4d) : QColor(0xff, 0xf0, 0xb3);
}

QList<Anchor> AnnotationPane::currentAnchors() const
{
    // The anchors count in the stored text; the document may be a step further (an undo not yet saved).
    QList<Annotation> copy = mAnnotations;
    QList<Anchor *> anchors;
    for (Annotation &a : copy)
        anchors << &a.anchor;
    remapAnchors(mBase, mEditor->document()->vorlage(), anchors);
    QList<Anchor> result;
    for (const Annotation &a : std::as_const(copy))
        result << a.anchor;
    return result;
}

void AnnotationPane::followSave()
{
    // Workspace::save moved the anchors of the places that changed since the stored text (mBase), as
    // remapAnchors() moves them here; when none of ours moved, nothing the pane shows changed in the store,
    // and typing costs no reading of the annotations on every autosave.
    QList<Annotation> copy = mAnnotations;
    QList<Anchor *> anchors;
    for (Annotation &a : copy)
        anchors << &a.anchor;
    if (remapAnchors(mBase, mEditor->document()->vorlage(), anchors)) {
        reload();
        return;
    }
    mBase = mEditor->document()->vorlage();
}

void AnnotationPane::scheduleHighlights()
{
    if (mHighlightsDue)
        return;
    mHighlightsDue = true;
    // After the forms followed the change (they refresh on the same signal).
    QTimer::singleShot(0, this, [this] {
        mHighlightsDue = false;
        refreshHighlights();
    });
}

void AnnotationPane::refreshHighlights()
{
    const QList<Anchor> anchors = currentAnchors();
    QHash<QTextEdit *, QList<QTextEdit::ExtraSelection>> selections;
    const QList<Target> all = targets();
    for (const Target &t : all) {
        QTextEdit *edit = t.textEdit();
        if (!edit || !t.inSync)
            continue; // typing not yet recorded: the old highlights move with the text by themselves
        QList<QTextEdit::ExtraSelection> &mine = selections[edit];
        for (int i = 0; i < mAnnotations.size(); ++i) {
            const Annotation &a = mAnnotations[i];
            const Anchor &anchor = anchors[i];
            if (!a.isOpen() || anchor.detached || anchor.place != t.place)
                continue;
            for (const DocumentRange &r : documentRanges(t.lines, t.firstOffset, anchor.start, anchor.end)) {
                QTextEdit::ExtraSelection sel;
                sel.cursor = QTextCursor(edit->document());
                sel.cursor.setPosition(r.from);
                sel.cursor.setPosition(r.to, QTextCursor::KeepAnchor);
                sel.format.setBackground(highlightColor(a.id == mCurrent));
                sel.format.setProperty(highlightProperty, a.id);
                sel.format.setToolTip(a.text);
                mine << sel;
            }
        }
    }
    for (auto it = selections.begin(); it != selections.end(); ++it) {
        QList<QTextEdit::ExtraSelection> merged;
        for (const QTextEdit::ExtraSelection &s : it.key()->extraSelections())
            if (!s.format.hasProperty(highlightProperty))
                merged << s;
        // The current thread last, so that it paints over others on the same words.
        std::stable_sort(it.value().begin(), it.value().end(), [this](const auto &a, const auto &b) {
            return (a.format.property(highlightProperty).toLongLong() == mCurrent)
                   < (b.format.property(highlightProperty).toLongLong() == mCurrent);
        });
        merged += it.value();
        it.key()->setExtraSelections(merged);
    }
}

bool AnnotationPane::activate(qint64 id)
{
    int index = -1;
    for (int i = 0; i < mAnnotations.size(); ++i)
        if (mAnnotations[i].id == id)
            index = i;
    if (index < 0)
        return false;
    mCurrent = id;
    for (const Annotation &a : std::as_const(mAnnotations))
        if (QWidget *card = mCards.value(a.id))
            styleCard(card, a);
    if (QWidget *card = mCards.value(id)) {
        if (auto *scroll = qobject_cast<QScrollArea *>(mList->parentWidget() ? mList->parentWidget()->parentWidget() : nullptr))
            scroll->ensureWidgetVisible(card, 0, 8);
    }
    refreshHighlights();
    const Anchor anchor = currentAnchors().value(index);
    const Place &place = anchor.place;
    QList<Target> matching;
    for (const Target &t : targets())
        if (t.place == place)
            matching << t;
    if (matching.isEmpty())
        return false;
    QWidget *widget = matching.first().widget;
    int from = -1;
    int to = -1;
    if (!anchor.detached) {
        for (const Target &t : std::as_const(matching)) {
            if (t.lineEdit()) {
                from = anchor.start;
                to = anchor.end;
            } else {
                const QList<DocumentRange> ranges = documentRanges(t.lines, t.firstOffset, anchor.start, anchor.end);
                if (ranges.isEmpty())
                    continue;
                from = ranges.first().from;
                to = ranges.last().to;
            }
            widget = t.widget;
            break;
        }
    }
    widget->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QTextEdit *>(widget)) {
        if (from >= 0) {
            QTextCursor c(edit->document());
            c.setPosition(from);
            c.setPosition(to, QTextCursor::KeepAnchor);
            edit->setTextCursor(c);
        }
    } else if (auto *line = qobject_cast<QLineEdit *>(widget); line && from >= 0) {
        line->setSelection(from, to - from);
    }
    // Scroll the page so that the words are in view.
    for (QWidget *p = widget->parentWidget(); p; p = p->parentWidget()) {
        if (auto *scroll = qobject_cast<QScrollArea *>(p); scroll && scroll->widget() && scroll->widget()->isAncestorOf(widget)) {
            QPoint at = widget->mapTo(scroll->widget(), QPoint(0, 0));
            if (auto *edit = qobject_cast<QTextEdit *>(widget))
                at = edit->viewport()->mapTo(scroll->widget(), edit->cursorRect().center());
            scroll->ensureVisible(at.x(), at.y(), 40, 120);
            break;
        }
    }
    return true;
}

void AnnotationPane::addContextEntries(QMenu *menu)
{
    const QString reason = readOnlyReason();
    menu->addSeparator();
    QAction *comment = menu->addAction(tr("Kommentar hinzufügen…") + QLatin1Char('\t')
                                           + commentKeys.toString(QKeySequence::NativeText),
                                       this, &AnnotationPane::askAndAddComment);
    QAction *suggest = menu->addAction(tr("Änderung vorschlagen…") + QLatin1Char('\t')
                                           + suggestKeys.toString(QKeySequence::NativeText),
                                       this, &AnnotationPane::askAndAddSuggestion);
    for (QAction *a : {comment, suggest}) {
        a->setEnabled(reason.isEmpty());
        a->setToolTip(reason);
    }
    menu->setToolTipsVisible(true);
}

void AnnotationPane::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

// ---- The "Prüfung" menu ------------------------------------------------------------------------------

void installReviewMenu(QMainWindow *window, const std::function<VorlageEditor *()> &currentEditor,
                       const std::function<FigureValues()> &figures)
{
    QMenu *menu = new QMenu(AnnotationPane::tr("&Prüfung"), window);
    menu->setObjectName(QStringLiteral("menuReview"));
    menu->setToolTipsVisible(true);
    QAction *comment = menu->addAction(AnnotationPane::tr("&Kommentar hinzufügen…"));
    comment->setObjectName(QStringLiteral("actionAddComment"));
    comment->setShortcut(commentKeys);
    QAction *suggest = menu->addAction(AnnotationPane::tr("Änderung &vorschlagen…"));
    suggest->setObjectName(QStringLiteral("actionSuggest"));
    suggest->setShortcut(suggestKeys);
    menu->addSeparator();
    QAction *show = menu->addAction(AnnotationPane::tr("Kommentar&spalte anzeigen"));
    show->setObjectName(QStringLiteral("actionShowAnnotations"));
    show->setCheckable(true);
    show->setChecked(true);
    menu->addSeparator();
    QAction *review = menu->addAction(AnnotationPane::tr("&Prüfexemplar als PDF…"));
    review->setObjectName(QStringLiteral("actionReviewPdf"));
    // Shortcuts work while the menu is closed: the actions are the window's.
    window->addActions({comment, suggest, review});

    const auto pane = [currentEditor]() -> AnnotationPane * {
        VorlageEditor *e = currentEditor();
        return e ? e->annotationPane() : nullptr;
    };
    QObject::connect(menu, &QMenu::aboutToShow, menu, [=] {
        AnnotationPane *p = pane();
        const QString reason = p ? p->readOnlyReason() : QString();
        for (QAction *a : {comment, suggest}) {
            a->setEnabled(p && reason.isEmpty());
            a->setToolTip(reason);
        }
        review->setEnabled(p != nullptr);
    });
    QObject::connect(comment, &QAction::triggered, window, [=] {
        if (AnnotationPane *p = pane())
            p->askAndAddComment();
    });
    QObject::connect(suggest, &QAction::triggered, window, [=] {
        if (AnnotationPane *p = pane())
            p->askAndAddSuggestion();
    });
    QObject::connect(show, &QAction::toggled, window, [window](bool on) {
        for (AnnotationPane *p : window->findChildren<AnnotationPane *>())
            p->setVisible(on);
    });
    QObject::connect(review, &QAction::triggered, window, [=] {
        AnnotationPane *p = pane();
        if (!p)
            return;
        const QString path = QFileDialog::getSaveFileName(window, AnnotationPane::tr("Prüfexemplar als PDF speichern"),
                                                          {}, AnnotationPane::tr("PDF-Dateien (*.pdf)"));
        if (path.isEmpty())
            return;
        if (auto r = p->exportReview(path, figures()); !r)
            QMessageBox::warning(window, AnnotationPane::tr("Prüfexemplar"), r.error());
        else
            window->statusBar()->showMessage(AnnotationPane::tr("Prüfexemplar gespeichert: %1").arg(path), 5000);
    });

    // Before "Ansicht", if there is one; else at the end.
    QMenuBar *bar = window->menuBar();
    QAction *before = nullptr;
    for (QAction *a : bar->actions())
        if (a->menu() && a->menu()->objectName() == QLatin1String("menuView"))
            before = a;
    bar->insertMenu(before, menu);
}

} // namespace vw
