#include "sectionform.h"

#include "dateedit.h"

#include "commands.h"
#include "contentedit.h"
#include "itemlisteditor.h"
#include "ressorts.h"
#include "templates.h"
#include "validation.h"
#include "vorlagedocument.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace vw {

namespace {

// Edits are recorded as undo steps at most this long after the keystroke, so that a long section is
// not converted back to the model on every key; the autosave follows within DocumentSaver::delayMs.
constexpr int recordDelayMs = 250;

QList<Content> splitAtPlaceholders(const Content &content, QList<Block::Type> *placeholders)
{
    QList<Content> segments(1);
    for (const Block &b : content) {
        if (b.isPlaceholder()) {
            placeholders->append(b.type);
            segments.append(Content());
        } else {
            segments.last().append(b);
        }
    }
    return segments;
}

// A menu entry for a standard wording: whole when short, else cut after a word with " …".
QString menuEntryText(const QString &wording)
{
    constexpr qsizetype maxLength = 80;
    QString text = wording;
    if (text.size() > maxLength) {
        const qsizetype space = text.lastIndexOf(QLatin1Char(' '), maxLength - 2);
        text = text.left(space > 0 ? space : maxLength - 2);
        while (!text.isEmpty() && (text.back().isSpace() || text.back() == QLatin1Char(',')))
            text.chop(1);
        text += QStringLiteral(" …");
    }
    return text.replace(QLatin1Char('&'), QStringLiteral("&&"));
}

} // namespace

// A wording is a sentence of its own: at the end of a paragraph with text it starts a new paragraph, in
// the middle of one it is set off by spaces, at the start of one it goes before it as its own paragraph.
void insertWording(QTextEdit *edit, const QString &wording)
{
    QTextCursor c = edit->textCursor();
    c.beginEditBlock();
    if (c.hasSelection()) {
        c.insertText(wording); // replaces what the user chose to replace
    } else {
        const QString text = c.block().text();
        const QString before = text.left(c.positionInBlock());
        const QString after = text.mid(c.positionInBlock());
        if (before.trimmed().isEmpty() && after.trimmed().isEmpty()) {
            c.insertText(wording);
        } else if (after.trimmed().isEmpty()) {
            c.movePosition(QTextCursor::EndOfBlock);
            c.insertBlock();
            c.insertText(wording);
        } else if (before.trimmed().isEmpty()) {
            c.insertText(wording);
            const int end = c.position();
            c.insertBlock();
            c.setPosition(end);
        } else {
            const QString lead = before.back().isSpace() ? QString() : QStringLiteral(" ");
            const QString trail = after.front().isSpace() ? QString() : QStringLiteral(" ");
            c.insertText(lead + wording);
            const int end = c.position();
            c.insertText(trail);
            c.setPosition(end);
        }
    }
    c.endEditBlock();
    edit->setTextCursor(c);
}

SectionForm::SectionForm(VorlageDocument *document, const QString &label, const RessortTable &ressorts,
                         QWidget *parent)
    : QWidget(parent), mDocument(document), mLabel(label), mRessorts(ressorts)
{
    const Vorlage &v = document->vorlage();
    const Section *section = v.section(label);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 8);

    auto *headingRow = new QHBoxLayout;
    auto *heading = new QLabel(QStringLiteral("%1. %2").arg(label, section ? section->heading : QString()), this);
    heading->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 12pt;"));
    heading->setWordWrap(true); // D and F have long headings; the page must fit the window
    headingRow->addWidget(heading, 1);
    layout->addLayout(headingRow);

    mPending.setSingleShot(true);
    mPending.setInterval(recordDelayMs);
    connect(&mPending, &QTimer::timeout, this, &SectionForm::flush);

    const QList<Content> segments = splitAtPlaceholders(section ? section->content : Content(), &mPlaceholders);
    QToolBar *formatBar = nullptr;
    for (int seg = 0; seg < segments.size(); ++seg) {
        // A segment after the last placeholder gets an editor only when it holds text.
        if (seg > 0 && seg == segments.size() - 1 && segments[seg].isEmpty()) {
            mSegments << nullptr;
            continue;
        }
        auto *edit = new ContentEdit(this);
        edit->setContent(segments[seg]);
        if (seg < mPlaceholders.size())
            edit->setPlaceholderText(tr("Einleitender Text (optional)"));
        fitHeightToText(edit);
        if (!formatBar) {
            formatBar = edit->createFormatBar(this);
            headingRow->addWidget(formatBar);
        }
        connect(edit, &ContentEdit::contentEdited, this, [this] {
            mSegmentsDirty = true;
            if (!mPending.isActive())
                mPending.start();
        });
        mSegments << edit;
        layout->addWidget(edit);
        if (seg < mPlaceholders.size()) {
            switch (mPlaceholders[seg]) {
            case Block::Type::Questions: {
                ItemListEditor::Operations ops;
                ops.count = [document] { return int(document->vorlage().questions.size()); };
                ops.id = [document](int i) { return document->vorlage().questions[i].id; };
                ops.text = [document](int i) { return document->vorlage().questions[i].text.plainText(); };
                ops.setText = [document](int i, const QString &t, int cursor) {
                    Commands::setQuestionText(document, i, Paragraph::plain(t), cursor);
                };
                ops.add = [document](int at) { Commands::addQuestion(document, at); };
                ops.remove = [document](int i) { Commands::removeQuestion(document, i); };
                ops.move = [document](int from, int to) { Commands::moveQuestion(document, from, to); };
                ops.numberFormat = QStringLiteral("%1.");
                mQuestions = new ItemListEditor(ops, tr("Frage hinzufügen"), this);
                layout->addWidget(mQuestions);
                auto *signatoriesRow = new QHBoxLayout;
                auto *signatoriesLabel = new QLabel(tr("&Unterzeichnende:"), this);
                mSignatories = new QLineEdit(v.questionSignatories, this);
                mSignatories->setPlaceholderText(tr("z. B. Vorname Name, Vorname Name und Fraktion der …"));
                signatoriesLabel->setBuddy(mSignatories);
                signatoriesRow->addWidget(signatoriesLabel);
                signatoriesRow->addWidget(mSignatories, 1);
                layout->addLayout(signatoriesRow);
                connect(mSignatories, &QLineEdit::textEdited, this, [this, document](const QString &t) {
                    Commands::setSignatories(document, t, mSignatories->cursorPosition());
                });
                break;
            }
            case Block::Type::Answers:
                mAnswersBox = new QWidget(this);
                mAnswersBox->setLayout(new QVBoxLayout);
                mAnswersBox->layout()->setContentsMargins(0, 0, 0, 0);
                layout->addWidget(mAnswersBox);
                buildAnswers();
                break;
            case Block::Type::Beschluss: {
                ItemListEditor::Operations ops;
                ops.count = [document] { return int(document->vorlage().beschluss.size()); };
                ops.id = [document](int i) { return document->vorlage().beschluss[i].id; };
                ops.text = [document](int i) { return document->vorlage().beschluss[i].text.plainText(); };
                ops.setText = [document](int i, const QString &t, int cursor) {
                    Commands::setBeschlussText(document, i, Paragraph::plain(t), cursor);
                };
                ops.add = [document](int at) {
                    Commands::addBeschlussItem(document, at, Paragraph::plain(beschlussSentence(BeschlussVerb::Kenntnis)));
                };
                ops.remove = [document](int i) { Commands::removeBeschlussItem(document, i); };
                ops.move = [document](int from, int to) { Commands::moveBeschlussItem(document, from, to); };
                ops.extra = [this](int i, QWidget *rowWidget) { return beschlussDetails(i, rowWidget); };
                ops.refreshExtra = [this, document](int i, QWidget *extra) {
                    const BeschlussItem &item = document->vorlage().beschluss[i];
                    auto *verb = extra->findChild<QLabel *>(QStringLiteral("verb"));
                    verb->setText(beschlussVerbLabel(beschlussVerb(item.text.plainText())));
                    showQuoteSource(extra->findChild<QLabel *>(QStringLiteral("quotedFrom")), item);
                    auto *ressort = extra->findChild<QComboBox *>();
                    auto *due = extra->findChild<DateEdit *>();
                    const QSignalBlocker a(ressort);
                    ressort->setCurrentIndex(std::max(0, ressort->findData(item.ressortKey)));
                    if (due->date() != item.dueDate)
                        due->setDate(item.dueDate);
                    due->setReferenceDate(document->vorlage().date);
                };
                ops.numberFormat = QStringLiteral("%1.");
                mBeschluss = new ItemListEditor(ops, tr("Beschlusspunkt hinzufügen"), this);
                layout->addWidget(mBeschluss);
                break;
            }
            default:
                break;
            }
        }
    }

    // Standard wordings of the section as a starting point.
    const QStringList wordings = standardWordings(v.kind, label);
    if (!wordings.isEmpty() && !mSegments.isEmpty() && mSegments.first()) {
        auto *button = new QToolButton(this);
        button->setText(tr("Textbausteine"));
        button->setPopupMode(QToolButton::InstantPopup);
        mWordings = new QMenu(button);
        // Long wordings are shortened at a word, the whole text is the entry's tooltip.
        mWordings->setToolTipsVisible(true);
        for (const QString &w : wordings) {
            QAction *action = mWordings->addAction(menuEntryText(w), this, [this, w] {
                ContentEdit *edit = mSegments.first();
                edit->setFocus();
                insertWording(edit, w);
            });
            action->setToolTip(w);
            action->setStatusTip(w);
        }
        button->setMenu(mWordings);
        headingRow->addWidget(button);
    }

    connect(document, &VorlageDocument::changed, this, &SectionForm::refresh);
    connect(document, &VorlageDocument::reloaded, this, &SectionForm::refresh);
}

void SectionForm::setVorlageTitles(std::function<QString(qint64)> titleOf)
{
    mTitleOf = std::move(titleOf);
    refresh();
}

void SectionForm::showQuoteSource(QLabel *label, const BeschlussItem &item) const
{
    label->setVisible(item.quotedFromVorlage != 0);
    if (!item.quotedFromVorlage)
        return;
    const QString title = mTitleOf ? mTitleOf(item.quotedFromVorlage) : QString();
    const QString source = title.isEmpty() ? tr("Vorlage Nr. %1").arg(item.quotedFromVorlage) : tr("„%1“").arg(title);
    // A long title is shortened; the whole title is the tooltip.
    const QString shortTitle = label->fontMetrics().elidedText(title, Qt::ElideRight, 360);
    label->setText(tr("Wörtlich übernommen aus %1")
                       .arg(title.isEmpty() ? source : tr("„%1“").arg(shortTitle)));
    label->setToolTip(tr("Wörtlich übernommen aus dem Beschluss von %1 (Beschlusspunkt %2).").arg(source, item.quotedFromItem));
}

QWidget *SectionForm::beschlussDetails(int index, QWidget *parent)
{
    const BeschlussItem &item = mDocument->vorlage().beschluss[index];
    auto *box = new QWidget(parent);
    auto *lines = new QVBoxLayout(box);
    lines->setContentsMargins(0, 0, 0, 0);
    lines->setSpacing(2);
    auto *row = new QHBoxLayout;
    lines->addLayout(row);
    auto *verb = new QLabel(beschlussVerbLabel(beschlussVerb(item.text.plainText())), box);
    verb->setObjectName(QStringLiteral("verb"));
    verb->setToolTip(tr("Das Beschlussverb, aus dem Satz erkannt"));
    auto *ressort = new QComboBox(box);
    ressort->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    ressort->setMinimumContentsLength(12); // the row fits beside the comments at 1024 px
    ressort->addItem(tr("kein Ressort"), QString());
    for (const QString &key : mRessorts.keysOn(QDate()))
        ressort->addItem(mRessorts.displayName(key, QString(), mDocument->vorlage().date), key);
    ressort->setCurrentIndex(std::max(0, ressort->findData(item.ressortKey)));
    ressort->setAccessibleName(tr("Angesprochenes Ressort"));
    auto *due = new DateEdit(box);
    due->setPlaceholderText(tr("kein Termin"));
    due->setDate(item.dueDate);
    due->setReferenceDate(mDocument->vorlage().date);
    due->lineEdit()->setAccessibleName(tr("Termin"));
    auto *quoted = new QLabel(box);
    quoted->setObjectName(QStringLiteral("quotedFrom"));
    quoted->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    showQuoteSource(quoted, item);
    lines->addWidget(quoted); // a line of its own: Ressort and date keep their place
    row->addWidget(verb);
    row->addStretch();
    row->addWidget(new QLabel(tr("Ressort:"), box));
    row->addWidget(ressort);
    row->addWidget(new QLabel(tr("Termin:"), box));
    row->addWidget(due);
    const QString id = item.id;
    const auto apply = [this, id, ressort, due] {
        const QList<BeschlussItem> &items = mDocument->vorlage().beschluss;
        for (int i = 0; i < items.size(); ++i) {
            if (items[i].id == id)
                Commands::setBeschlussDetails(mDocument, i, ressort->currentData().toString(),
                                              due->date());
        }
    };
    connect(ressort, &QComboBox::activated, this, apply);
    connect(due, &DateEdit::dateChanged, this, apply);
    return box;
}

void SectionForm::buildAnswers()
{
    qDeleteAll(mAnswersBox->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    mAnswers.clear();
    mAnswerIds.clear();
    const QList<Question> &questions = mDocument->vorlage().questions;
    for (int i = 0; i < questions.size(); ++i) {
        // "Zu Frage N:" is numbered by the program, never typed.
        auto *label = new QLabel(tr("Zu Frage %1:").arg(i + 1), mAnswersBox);
        label->setToolTip(questions[i].text.plainText());
        auto *quote = new QLabel(questions[i].text.plainText(), mAnswersBox);
        quote->setWordWrap(true);
        quote->setStyleSheet(QStringLiteral("color: palette(mid); font-style: italic;"));
        auto *edit = new ContentEdit(mAnswersBox);
        edit->setFigureValues(mFigures, mFigureEntries);
        edit->setContent(questions[i].answer);
        fitHeightToText(edit);
        connect(edit, &ContentEdit::contentEdited, this, [this, i] {
            if (!mDirtyAnswers.contains(i))
                mDirtyAnswers << i;
            if (!mPending.isActive())
                mPending.start();
        });
        mAnswersBox->layout()->addWidget(label);
        mAnswersBox->layout()->addWidget(quote);
        mAnswersBox->layout()->addWidget(edit);
        mAnswers << edit;
        mAnswerIds << questions[i].id;
    }
}

void SectionForm::setFigureValues(const FigureValues &values, QAbstractItemModel *entries)
{
    mFigures = values;
    mFigureEntries = entries;
    for (ContentEdit *e : mSegments)
        if (e)
            e->setFigureValues(values, entries);
    for (ContentEdit *e : mAnswers)
        e->setFigureValues(values, entries);
}

Content SectionForm::assembled() const
{
    const Section *section = mDocument->vorlage().section(mLabel);
    QList<Block::Type> placeholders;
    const QList<Content> current = splitAtPlaceholders(section ? section->content : Content(), &placeholders);
    Content result;
    for (int i = 0; i < mSegments.size(); ++i) {
        result += mSegments[i] ? mSegments[i]->content() : current.value(i);
        if (i < mPlaceholders.size())
            result.append(Block::placeholder(mPlaceholders[i]));
    }
    return result;
}

void SectionForm::flush()
{
    mPending.stop();
    if (mSegmentsDirty) {
        mSegmentsDirty = false;
        int cursor = -1;
        for (ContentEdit *e : mSegments)
            if (e && e->hasFocus())
                cursor = e->cursorPosition();
        Commands::setSectionContent(mDocument, mLabel, assembled(), cursor);
    }
    const QList<int> dirty = mDirtyAnswers;
    mDirtyAnswers.clear();
    for (int i : dirty) {
        if (ContentEdit *edit = mAnswers.value(i))
            Commands::setAnswer(mDocument, i, edit->content(), edit->cursorPosition());
    }
}

void SectionForm::refresh()
{
    const Vorlage &v = mDocument->vorlage();
    const Section *section = v.section(mLabel);
    if (!section)
        return;
    QList<Block::Type> placeholders;
    const QList<Content> segments = splitAtPlaceholders(section->content, &placeholders);
    if (!mSegmentsDirty) {
        for (int i = 0; i < mSegments.size() && i < segments.size(); ++i) {
            if (mSegments[i] && mSegments[i]->content() != segments[i]) {
                const int cursor = mSegments[i]->cursorPosition();
                mSegments[i]->setContent(segments[i]);
                mSegments[i]->setCursorPosition(cursor);
            }
        }
    }
    if (mQuestions)
        mQuestions->refresh();
    if (mSignatories && mSignatories->text() != v.questionSignatories) {
        const QSignalBlocker block(mSignatories);
        mSignatories->setText(v.questionSignatories);
    }
    if (mBeschluss)
        mBeschluss->refresh();
    if (mAnswersBox) {
        QStringList ids;
        for (const Question &q : v.questions)
            ids << q.id;
        if (ids != mAnswerIds) {
            flush();
            buildAnswers();
        } else if (mDirtyAnswers.isEmpty()) {
            for (int i = 0; i < mAnswers.size(); ++i) {
                if (mAnswers[i]->content() != v.questions[i].answer) {
                    const int cursor = mAnswers[i]->cursorPosition();
                    mAnswers[i]->setContent(v.questions[i].answer);
                    mAnswers[i]->setCursorPosition(cursor);
                }
            }
        }
    }
}

bool SectionForm::focusPlace(const Place &place, int cursor)
{
    const auto focusText = [this, cursor] {
        for (ContentEdit *e : mSegments) {
            if (e) {
                e->setFocus(Qt::OtherFocusReason);
                if (cursor >= 0)
                    e->setCursorPosition(cursor);
                return true;
            }
        }
        return false;
    };
    // A question or Beschluss item of this form's list by its id; the first one for the list as a whole.
    const auto focusItem = [&](ItemListEditor *list, const auto &items) {
        if (!list)
            return false;
        if (place.itemId.isEmpty() && items.isEmpty())
            return focusText();
        for (int i = 0; i < items.size(); ++i) {
            if (place.itemId.isEmpty() || items[i].id == place.itemId) {
                list->focusRow(i, cursor);
                return true;
            }
        }
        return false;
    };
    switch (place.kind) {
    case Place::Kind::Section:
        return place.field == mLabel && focusText();
    case Place::Kind::Question:
        return focusItem(mQuestions, mDocument->vorlage().questions);
    case Place::Kind::Answer:
        if (ContentEdit *answer = mAnswers.value(mAnswerIds.indexOf(place.itemId))) {
            answer->setFocus(Qt::OtherFocusReason);
            if (cursor >= 0)
                answer->setCursorPosition(cursor);
            return true;
        }
        return false;
    case Place::Kind::Beschluss:
        return focusItem(mBeschluss, mDocument->vorlage().beschluss);
    case Place::Kind::Header:
        if (place.field == QLatin1String("questionSignatories") && mSignatories) {
            mSignatories->setFocus(Qt::OtherFocusReason);
            return true;
        }
        return false;
    default:
        return false;
    }
}

} // namespace vw
