#include "vorlageeditor.h"

#include "annotationpane.h"
#include "anlageneditor.h"
#include "beteiligungeditor.h"
#include "commands.h"
#include "contentedit.h"
#include "documentsaver.h"
#include "headerform.h"
#include "itemlisteditor.h"
#include "searchindex.h"
#include "sectionform.h"
#include "statusbanner.h"
#include "undokeys.h"
#include "validationpanel.h"
#include "vorlagedocument.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QTableWidget>
#include <QToolBar>
#include <QAction>
#include <QItemSelectionModel>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStringListModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vw {

namespace {
constexpr int validateDelayMs = 150;
constexpr int previewDelayMs = 400;

// The position of the item with `id` (a question, a Beschluss item), -1 when there is none.
template <typename T> int indexOf(const QList<T> &items, const QString &id)
{
    for (int i = 0; i < int(items.size()); ++i)
        if (items[i].id == id)
            return i;
    return -1;
}
} // namespace

VorlageEditor::VorlageEditor(Workspace *workspace, const Vorlage &vorlage, QWidget *parent)
    : QWidget(parent), mWorkspace(workspace), mDocument(new VorlageDocument(vorlage, this)),
      mSaver(new DocumentSaver(workspace, mDocument, this)), mScroll(new QScrollArea(this)),
      mPanel(new ValidationPanel(this)), mValidateTimer(new QTimer(this)), mPreviewTimer(new QTimer(this)),
      mFigureEntries(new QStringListModel(this))
{
    // The page: header and sections one below the other, as on paper.
    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("page"));
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(18, 12, 18, 24);
    mHeader = new HeaderForm(mDocument, workspace->ressorts(), page);
    pageLayout->addWidget(mHeader);
    // Beschluss items taken from other Vorlagen name them by title (looked up once per Vorlage quoted).
    const auto titles = [workspace, known = QHash<qint64, QString>()](qint64 id) mutable {
        if (!known.contains(id)) {
            auto summary = workspace->summary(id);
            known.insert(id, summary ? summary->title : QString());
        }
        return known.value(id);
    };
    for (const Section &s : vorlage.sections) {
        auto *form = new SectionForm(mDocument, s.label, workspace->ressorts(), page);
        if (s.label == sectionWith(vorlage, Block::Type::Beschluss))
            form->setVorlageTitles(titles);
        pageLayout->addWidget(form);
        mSections << form;
    }
    // After G, as on paper: who co-signs, and the Anlagen.
    mBeteiligung = new BeteiligungEditor(mDocument, workspace->ressorts(), page);
    mBeteiligung->setSettle([this](const QString &participationId, bool resolved) -> Result<void> {
        const qint64 id = mDocument->vorlage().id;
        if (auto r = mWorkspace->setObjectionResolved(id, participationId, resolved); !r)
            return r;
        auto stored = mWorkspace->load(id);
        if (!stored)
            return stored.failure();
        mDocument->reset(stored.value());
        return {};
    });
    pageLayout->addWidget(mBeteiligung);
    mAnlagen = new AnlagenEditor(mDocument, workspace, page);
    pageLayout->addWidget(mAnlagen);
    pageLayout->addStretch();
    mScroll->setWidget(page);
    UndoKeysToWindow::install(page);
    mScroll->setWidgetResizable(true);
    mScroll->setFrameShape(QFrame::NoFrame);

    // Find bar (Ctrl+F), hidden until asked for.
    mFindBar = new QWidget(this);
    auto *findLayout = new QHBoxLayout(mFindBar);
    findLayout->setContentsMargins(6, 2, 6, 2);
    auto *findLabel = new QLabel(tr("&Suchen:"), mFindBar);
    mFindEdit = new QLineEdit(mFindBar);
    findLabel->setBuddy(mFindEdit);
    auto *close = new QToolButton(mFindBar);
    close->setText(tr("Schließen"));
    findLayout->addWidget(findLabel);
    findLayout->addWidget(mFindEdit, 1);
    // Replacing (Ctrl+H): the same bar with a second field.
    mReplaceLabel = new QLabel(tr("Ersetzen dur&ch:"), mFindBar);
    mReplaceEdit = new QLineEdit(mFindBar);
    mReplaceLabel->setBuddy(mReplaceEdit);
    mReplaceButton = new QToolButton(mFindBar);
    mReplaceButton->setText(tr("&Ersetzen"));
    mReplaceButton->setToolTip(tr("Die gefundene Stelle ersetzen und die nächste suchen"));
    mReplaceAllButton = new QToolButton(mFindBar);
    mReplaceAllButton->setText(tr("A&lle ersetzen"));
    mReplaceAllButton->setToolTip(tr("Jede Stelle in der Vorlage ersetzen – ein Schritt zum Rückgängigmachen"));
    mFindMessage = new QLabel(mFindBar);
    findLayout->addWidget(mReplaceLabel);
    findLayout->addWidget(mReplaceEdit, 1);
    findLayout->addWidget(mReplaceButton);
    findLayout->addWidget(mReplaceAllButton);
    findLayout->addWidget(mFindMessage);
    findLayout->addWidget(close);
    mFindBar->hide();
    connect(mReplaceButton, &QToolButton::clicked, this, [this] { replaceNext(mFindEdit->text(), mReplaceEdit->text()); });
    connect(mReplaceAllButton, &QToolButton::clicked, this, [this] { replaceAll(mFindEdit->text(), mReplaceEdit->text()); });
    connect(mReplaceEdit, &QLineEdit::returnPressed, this, [this] { replaceNext(mFindEdit->text(), mReplaceEdit->text()); });
    connect(mFindEdit, &QLineEdit::returnPressed, this, [this] {
        if (!findNext(mFindEdit->text()))
            mFindEdit->setStyleSheet(QStringLiteral("background: #fde0e0;"));
    });
    connect(mFindEdit, &QLineEdit::textChanged, mFindEdit, [this] {
        mFindEdit->setStyleSheet(QString());
        mFindMessage->clear();
    });
    connect(close, &QToolButton::clicked, mFindBar, &QWidget::hide);
    auto *escape = new QAction(mFindBar);
    escape->setShortcut(Qt::Key_Escape);
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, mFindBar, &QWidget::hide);
    mFindBar->addAction(escape);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(mScroll);
    splitter->addWidget(mPanel);
    splitter->setStretchFactor(0, 6);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 90});
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    mBanner = new StatusBanner(mDocument, this);
    connect(mBanner, &StatusBanner::neufassungRequested, this, &VorlageEditor::neufassungRequested);
    layout->addWidget(mBanner);
    layout->addWidget(mFindBar);
    auto *beside = new QSplitter(Qt::Horizontal, this); // the text, and the comments beside it (below)
    beside->addWidget(splitter);
    layout->addWidget(beside, 1); // a horizontal splitter only grows sideways by itself

    // Ctrl+0 header, Ctrl+1 … Ctrl+7 sections A … G, wherever the focus is in the window (the list
    // filter too). Only the current tab's editor is visible, so its keys are the only ones that match.
    for (int i = 0; i <= std::min(9, int(mSections.size())); ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] {
            focusPlace(i == 0 ? Place{Place::Kind::Header, QStringLiteral("title")}
                              : Place{Place::Kind::Section, mSections[i - 1]->label()});
        });
        addAction(action);
    }

    mValidateTimer->setSingleShot(true);
    mValidateTimer->setInterval(validateDelayMs);
    mPreviewTimer->setSingleShot(true);
    mPreviewTimer->setInterval(previewDelayMs);
    connect(mValidateTimer, &QTimer::timeout, this, &VorlageEditor::validateNow);
    connect(mPreviewTimer, &QTimer::timeout, this, &VorlageEditor::previewDue);
    connect(mDocument, &VorlageDocument::changed, this, [this, page] {
        clearFound(); // a search hit's highlights last until the next change
        UndoKeysToWindow::install(page); // rows added since need it too
        mValidateTimer->start();
        mPreviewTimer->start(); // restarted: the preview waits until typing pauses
        emit titleChanged(mDocument->vorlage().title);
    });
    connect(mDocument, &VorlageDocument::focusRequested, this, &VorlageEditor::focusPlace);
    connect(mPanel, &ValidationPanel::problemActivated, this, [this](const Place &place) { focusPlace(place); });
    // A typed number that is a figure's value: the panel offers it as a quote.
    connect(mPanel, &ValidationPanel::quoteRequested, this, &VorlageEditor::applySuggestion);
    // Where a figure from the panel goes: the text the cursor was last in.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        if (auto *edit = qobject_cast<ContentEdit *>(now); edit && isAncestorOf(edit))
            mLastText = edit;
    });
    // Another state was loaded (a status change, a conflict resolved): lock it if decided, check it, show it.
    connect(mDocument, &VorlageDocument::reloaded, this, [this, page] {
        UndoKeysToWindow::install(page);
        applyReadOnly();
        mValidateTimer->start();
        mPreviewTimer->start();
        emit titleChanged(mDocument->vorlage().title);
    });
    applyReadOnly();
    validateNow();

    mAnnotations = new AnnotationPane(workspace, this, beside);
    beside->addWidget(mAnnotations);
    beside->setStretchFactor(0, 3);
    beside->setStretchFactor(1, 1);
    beside->setSizes({600, 220});
}

bool VorlageEditor::isReadOnly() const
{
    return mDocument->isReadOnly();
}

void VorlageEditor::showAsSnapshot(const QString &label)
{
    mDocument->setReadOnly(true);
    mBeteiligung->setSettle({}); // a snapshot records nothing
    mBanner->setSnapshotLabel(label);
    applyReadOnly();
}

void VorlageEditor::applyReadOnly()
{
    if (!mDocument->isReadOnly())
        return;
    // Texts stay selectable and copyable; everything that changes something is off.
    for (QWidget *w : mScroll->widget()->findChildren<QWidget *>()) {
        if (auto *text = qobject_cast<QTextEdit *>(w))
            text->setReadOnly(true);
        else if (auto *line = qobject_cast<QLineEdit *>(w); line && !qobject_cast<QComboBox *>(w->parentWidget()))
            line->setReadOnly(true);
        else if (auto *spin = qobject_cast<QAbstractSpinBox *>(w))
            spin->setReadOnly(true);
        else if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractButton *>(w) || qobject_cast<QToolBar *>(w))
            w->setEnabled(false);
    }
}

VorlageEditor::~VorlageEditor()
{
    flush();
}

SectionForm *VorlageEditor::sectionForm(const QString &label) const
{
    for (SectionForm *f : mSections)
        if (f->label() == label)
            return f;
    return nullptr;
}

void VorlageEditor::flush()
{
    for (SectionForm *f : mSections)
        f->flush();
    mSaver->saveNow();
}

void VorlageEditor::setFigureValues(const FigureValues &values)
{
    mFigures = values;
    mFigureEntries->setStringList(ContentEdit::figureEntries(values));
    for (SectionForm *f : mSections)
        f->setFigureValues(values, mFigureEntries);
    validateNow();
}

bool VorlageEditor::insertFigure(const QString &key)
{
    if (!mLastText || mDocument->isReadOnly())
        return false;
    mLastText->setFocus(Qt::OtherFocusReason);
    mLastText->insertFigure(key);
    return true;
}

bool VorlageEditor::applySuggestion(const Problem &suggestion)
{
    flush();
    Vorlage changed = mDocument->vorlage();
    if (!applyFigureSuggestion(changed, suggestion))
        return false;
    const Place &at = suggestion.place;
    switch (at.kind) {
    case Place::Kind::Section:
        Commands::setSectionContent(mDocument, at.field, changed.section(at.field)->content);
        break;
    case Place::Kind::Answer: {
        const int i = indexOf(changed.questions, at.itemId);
        Commands::setAnswer(mDocument, i, changed.questions[i].answer);
        break;
    }
    case Place::Kind::Beschluss: {
        const int i = indexOf(changed.beschluss, at.itemId);
        Commands::setBeschlussText(mDocument, i, changed.beschluss[i].text);
        break;
    }
    default:
        return false;
    }
    return true;
}

void VorlageEditor::validateNow()
{
    mProblems = validate(mDocument->vorlage(), mWorkspace->ressorts(), &mFigures);
    mPanel->setProblems(mProblems);
}

bool VorlageEditor::focusPlace(const Place &place, int cursor)
{
    // The Beteiligung (an open objection in the problems panel, an undo there) and the Anlagen.
    if (place.kind == Place::Kind::Beteiligung || place.kind == Place::Kind::Anlage) {
        QWidget *table = place.kind == Place::Kind::Anlage ? static_cast<QWidget *>(mAnlagen->table())
                                                           : static_cast<QWidget *>(mBeteiligung->table());
        table->setFocus(Qt::OtherFocusReason);
        mScroll->ensureWidgetVisible(table, 20, 60);
        return true;
    }
    bool done = mHeader->focusField(place, cursor);
    for (qsizetype i = 0; !done && i < mSections.size(); ++i)
        done = mSections[i]->focusPlace(place, cursor);
    if (SectionForm *form = place.kind == Place::Kind::Section ? sectionForm(place.field) : nullptr;
        done && form && cursor < 0) {
        // Jumping to a section (Ctrl+1 … Ctrl+7) shows it from its heading.
        mScroll->verticalScrollBar()->setValue(form->y() - 8);
    } else if (done && QApplication::focusWidget()) {
        mScroll->ensureWidgetVisible(QApplication::focusWidget(), 20, 60);
    }
    return done;
}

namespace {
constexpr int foundProperty = QTextFormat::UserProperty + 40; // marks the extra selections of a search hit
}

bool VorlageEditor::showFound(const Place &place, const QString &text)
{
    clearFound();
    if (!focusPlace(place))
        return false;
    // Where the place's text is edited: a section may be split around its placeholders into several fields.
    QList<QWidget *> fields;
    if (SectionForm *form = place.kind == Place::Kind::Section ? sectionForm(place.field) : nullptr)
        for (ContentEdit *edit : form->textEdits())
            fields << edit;
    else if (QWidget *focused = window()->focusWidget(); focused && isAncestorOf(focused))
        fields << focused;
    for (QWidget *field : std::as_const(fields)) {
        if (auto *line = qobject_cast<QLineEdit *>(field)) {
            const auto found = SearchIndex::matchesIn(line->text(), text);
            if (found.isEmpty())
                continue;
            line->setFocus(Qt::OtherFocusReason);
            line->setSelection(found.first().first, found.first().second);
            return true;
        }
        auto *edit = qobject_cast<QTextEdit *>(field);
        if (!edit)
            continue;
        const auto found = SearchIndex::matchesIn(edit->document()->toPlainText(), text);
        if (found.isEmpty())
            continue;
        QList<QTextEdit::ExtraSelection> selections = edit->extraSelections();
        for (const auto &[start, length] : found) {
            QTextEdit::ExtraSelection sel;
            sel.cursor = QTextCursor(edit->document());
            sel.cursor.setPosition(start);
            sel.cursor.setPosition(start + length, QTextCursor::KeepAnchor);
            sel.format.setBackground(QColor(0xff, 0xe0, 0x66));
            sel.format.setProperty(foundProperty, true);
            selections << sel;
        }
        edit->setExtraSelections(selections);
        mFoundIn = edit;
        edit->setFocus(Qt::OtherFocusReason);
        QTextCursor cursor(edit->document());
        cursor.setPosition(found.first().first);
        edit->setTextCursor(cursor);
        // The field grows with its text: scroll the page down to the word (not to the field's top), a third
        // from the top; never sideways.
        const int y = edit->viewport()->mapTo(mScroll->widget(), edit->cursorRect().center()).y();
        QScrollBar *bar = mScroll->verticalScrollBar();
        const int third = mScroll->viewport()->height() / 3;
        if (y < bar->value() + third / 2 || y > bar->value() + mScroll->viewport()->height() - third / 2)
            bar->setValue(y - third);
        return true;
    }
    return true;
}

QStringList VorlageEditor::foundWords() const
{
    QStringList words;
    if (mFoundIn)
        for (const QTextEdit::ExtraSelection &sel : mFoundIn->extraSelections())
            if (sel.format.hasProperty(foundProperty))
                words << sel.cursor.selectedText();
    return words;
}

void VorlageEditor::clearFound()
{
    if (!mFoundIn)
        return;
    QList<QTextEdit::ExtraSelection> kept;
    for (const QTextEdit::ExtraSelection &sel : mFoundIn->extraSelections())
        if (!sel.format.hasProperty(foundProperty))
            kept << sel;
    mFoundIn->setExtraSelections(kept);
    mFoundIn = nullptr;
}

void VorlageEditor::showFind()
{
    for (QWidget *w : {static_cast<QWidget *>(mReplaceLabel), static_cast<QWidget *>(mReplaceEdit),
                       static_cast<QWidget *>(mReplaceButton), static_cast<QWidget *>(mReplaceAllButton)})
        w->hide();
    mFindMessage->clear();
    mFindBar->show();
    mFindEdit->setFocus(Qt::ShortcutFocusReason);
    mFindEdit->selectAll();
}

void VorlageEditor::showReplace()
{
    // Words selected in a field are what the clerk wants to replace.
    QString selected;
    if (auto *line = qobject_cast<QLineEdit *>(QApplication::focusWidget()); line && isAncestorOf(line) && line != mFindEdit
                                                                              && line != mReplaceEdit)
        selected = line->selectedText();
    else if (auto *text = qobject_cast<QTextEdit *>(QApplication::focusWidget()); text && isAncestorOf(text))
        selected = text->textCursor().selectedText();
    showFind();
    if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
        mFindEdit->setText(selected);
    const bool editable = !mDocument->isReadOnly();
    for (QWidget *w : {static_cast<QWidget *>(mReplaceLabel), static_cast<QWidget *>(mReplaceEdit),
                       static_cast<QWidget *>(mReplaceButton), static_cast<QWidget *>(mReplaceAllButton)}) {
        w->show();
        w->setEnabled(editable);
    }
    (mFindEdit->text().isEmpty() ? mFindEdit : mReplaceEdit)->setFocus(Qt::ShortcutFocusReason);
}

QString VorlageEditor::findMessage() const
{
    return mFindBar->isVisible() ? mFindMessage->text() : QString();
}

bool VorlageEditor::replaceNext(const QString &find, const QString &replacement)
{
    if (find.isEmpty() || mDocument->isReadOnly())
        return false;
    // The match found last is replaced through the field, as if typed (the field's undo step); then on.
    QWidget *w = QApplication::focusWidget();
    if (auto *line = qobject_cast<QLineEdit *>(w); line && line->hasSelectedText() && !line->isReadOnly()
                                                    && line->selectedText().compare(find, Qt::CaseInsensitive) == 0
                                                    && mScroll->widget()->isAncestorOf(line)) {
        line->insert(replacement);
    } else if (auto *text = qobject_cast<QTextEdit *>(w); text && !text->isReadOnly()
                                                          && mScroll->widget()->isAncestorOf(text)
                                                          && text->textCursor().selectedText().compare(find, Qt::CaseInsensitive) == 0) {
        text->textCursor().insertText(replacement);
    }
    const bool found = findNext(find);
    mFindMessage->setText(found ? QString() : tr("„%1“ kommt nicht (mehr) vor.").arg(find));
    return found;
}

int VorlageEditor::replaceAll(const QString &find, const QString &replacement)
{
    if (find.isEmpty())
        return 0;
    flush(); // typing not yet recorded would otherwise be overwritten
    const int n = Commands::replaceText(mDocument, find, replacement);
    mFindMessage->setText(n == 0 ? tr("„%1“ kommt in der Vorlage nicht vor.").arg(find)
                                 : tr("%n Stelle(n) ersetzt – %1 macht es rückgängig.", nullptr, n)
                                       .arg(QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    return n;
}

QList<QWidget *> VorlageEditor::searchableWidgets() const
{
    QList<QWidget *> result;
    for (QWidget *w : mScroll->widget()->findChildren<QWidget *>()) {
        if (qobject_cast<QTextEdit *>(w) || qobject_cast<QLineEdit *>(w))
            result << w;
    }
    // In the order they appear on the page.
    std::sort(result.begin(), result.end(), [this](QWidget *a, QWidget *b) {
        const QPoint pa = a->mapTo(mScroll->widget(), QPoint());
        const QPoint pb = b->mapTo(mScroll->widget(), QPoint());
        return pa.y() != pb.y() ? pa.y() < pb.y() : pa.x() < pb.x();
    });
    return result;
}

bool VorlageEditor::findNext(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QList<QWidget *> widgets = searchableWidgets();
    qsizetype start = widgets.indexOf(QApplication::focusWidget());
    if (start < 0)
        start = 0;
    // From the cursor to the end, then from the top: every field once, the current one twice.
    for (qsizetype n = 0; n <= widgets.size(); ++n) {
        QWidget *w = widgets[(start + n) % widgets.size()];
        const bool fromTop = n > 0;
        bool found = false;
        if (auto *edit = qobject_cast<QTextEdit *>(w)) {
            if (fromTop)
                edit->moveCursor(QTextCursor::Start);
            found = edit->find(text);
        } else if (auto *line = qobject_cast<QLineEdit *>(w)) {
            const int from = fromTop ? 0 : line->cursorPosition();
            const qsizetype at = line->text().indexOf(text, from, Qt::CaseInsensitive);
            if (at >= 0) {
                line->setSelection(int(at), int(text.size()));
                found = true;
            }
        }
        if (found) {
            w->setFocus(Qt::OtherFocusReason);
            mScroll->ensureWidgetVisible(w, 20, 60);
            return true;
        }
    }
    return false;
}

} // namespace vw
