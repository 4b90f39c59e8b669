#include "testutil.h"
#include "uitestutil.h"

#include "anchormapping.h"
#include "annotationpane.h"
#include "contentdocument.h"
#include "contentedit.h"
#include "demo.h"
#include "documentsaver.h"
#include "headerform.h"
#include "mainwindow.h"
#include "sectionform.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUndoGroup>

#include <random>

using namespace vw;

namespace {

struct Fixture : DemoWindow {
    Fixture() : DemoWindow(QStringLiteral("annotations.vorlagen"), QStringLiteral("Erika Prüferin")) {}

    VorlageEditor *open(qint64 id)
    {
        REQUIRE(window.openVorlage(id));
        VorlageEditor *e = window.currentEditor();
        // The tests answer the pane's questions themselves.
        e->annotationPane()->setPrompt([this](const QString &, const QString &, QString *text) {
            if (answers.isEmpty())
                return false;
            *text = answers.takeFirst();
            return true;
        });
        return e;
    }

    Vorlage stored(qint64 id) { return window.workspace()->load(id).value(); }
    Annotation annotation(qint64 id) { return window.workspace()->annotation(id).value(); }

    QStringList answers; // what the prompts are answered with, in order
};

ContentEdit *sectionEdit(VorlageEditor *editor, const QString &label)
{
    SectionForm *form = editor->sectionForm(label);
    REQUIRE(form);
    REQUIRE_FALSE(form->textEdits().isEmpty());
    return form->textEdits().first();
}

// Selects the first occurrence of `words` in the editor, as a user does, and gives it the focus.
void selectWords(QTextEdit *edit, const QString &words)
{
    edit->setFocus(Qt::MouseFocusReason);
    const QTextCursor found = edit->document()->find(words);
    REQUIRE_FALSE(found.isNull());
    edit->setTextCursor(found);
}

// The words our highlights cover in an editor, by annotation id.
QMap<qint64, QString> highlighted(QTextEdit *edit)
{
    QMap<qint64, QString> result;
    for (const QTextEdit::ExtraSelection &s : edit->extraSelections()) {
        if (s.format.hasProperty(AnnotationPane::highlightProperty))
            result[s.format.property(AnnotationPane::highlightProperty).toLongLong()] += s.cursor.selectedText();
    }
    return result;
}

// Highlights follow on the next turns of the event loop: waits up to a second for `words` on `id`.
QString highlightedSoon(QTextEdit *edit, qint64 id, const QString &words)
{
    for (int i = 0; i < 100 && highlighted(edit).value(id) != words; ++i)
        QTest::qWait(10);
    return highlighted(edit).value(id);
}

QColor highlightColorOf(QTextEdit *edit, qint64 id)
{
    for (const QTextEdit::ExtraSelection &s : edit->extraSelections()) {
        if (s.format.property(AnnotationPane::highlightProperty).toLongLong() == id)
            return s.format.background().color();
    }
    return {};
}

QString cardText(QWidget *card)
{
    QStringList texts;
    for (QLabel *l : card->findChildren<QLabel *>())
        texts << l->text();
    return texts.join(QLatin1Char('\n'));
}

QString sectionText(const Vorlage &v, const QString &label)
{
    return anchorText(v, {Place::Kind::Section, label, {}});
}

// The text of [from, from + length) of a document as anchorText() writes it.
QString documentText(const QTextDocument *doc, int from, int length)
{
    QTextCursor c(const_cast<QTextDocument *>(doc));
    c.setPosition(from);
    c.setPosition(from + length, QTextCursor::KeepAnchor);
    QString text = c.selectedText();
    text.replace(QChar::ParagraphSeparator, QChar::LineSeparator); // blocks of one cell
    return text;
}

Content randomContent(std::mt19937 &rng)
{
    const QStringList words{QStringLiteral("Senat"), QStringLiteral("Ausschüsse"), QStringLiteral("Haushalt"),
                            QStringLiteral("Bremen"), QStringLiteral("größer"), QStringLiteral("7,5"),
                            QStringLiteral("Mio. €")};
    const auto paragraph = [&] {
        Paragraph p;
        const int spans = int(rng() % 4);
        for (int i = 0; i < spans; ++i) {
            if (rng() % 5 == 0)
                p.append(Span::quote(QStringLiteral("zahl-%1").arg(rng() % 3)));
            else
                p.append(Span{words[rng() % words.size()] + QLatin1Char(' '), rng() % 3 == 0, rng() % 4 == 0});
        }
        return p;
    };
    Content c;
    const int blocks = 1 + int(rng() % 6);
    for (int b = 0; b < blocks; ++b) {
        switch (rng() % 4) {
        case 0:
        case 1:
            c.append(Block::para(paragraph()));
            break;
        case 2: {
            QList<Paragraph> items;
            for (int i = 0, n = 1 + int(rng() % 3); i < n; ++i)
                items << paragraph();
            c.append(Block::list(rng() % 2 ? Block::Type::NumberedList : Block::Type::BulletList, items));
            break;
        }
        default: {
            Block t;
            t.type = Block::Type::Table;
            t.headerRow = rng() % 2;
            const int columns = 1 + int(rng() % 3);
            for (int r = 0, n = 1 + int(rng() % 3); r < n; ++r) {
                QList<Paragraph> row;
                for (int col = 0; col < columns; ++col)
                    row << paragraph();
                t.rows << row;
            }
            c.append(t);
        }
        }
    }
    return c;
}

} // namespace

TEST_CASE("anchor lines of an editor's document are the lines of anchorText, in order", "[ui]")
{
    std::mt19937 rng(4711);
    for (int round = 0; round < 200; ++round) {
        Vorlage v;
        v.sections.append(Section{QStringLiteral("B"), QStringLiteral("Lösung"), randomContent(rng)});
        QTextDocument doc;
        writeContent(&doc, v.sections[0].content);
        // What the editor hands back is what the model keeps: count against that.
        v.sections[0].content = readContent(&doc);
        const QStringList expected = sectionText(v, QStringLiteral("B")).split(QLatin1Char('\n'));
        const QList<AnchorLine> lines = anchorLines(&doc);
        INFO("round " << round);
        if (expected == QStringList{QString()}) {
            CHECK(anchorLength(lines) == 0);
            continue;
        }
        REQUIRE(lines.size() == expected.size());
        for (int i = 0; i < lines.size(); ++i)
            CHECK(documentText(&doc, lines[i].position, lines[i].length) == expected[i]);
        CHECK(anchorLength(lines) == sectionText(v, QStringLiteral("B")).size());

        // Every offset goes to a document position and back.
        const int length = anchorLength(lines);
        for (int offset = 0; offset <= length; offset += 1 + int(rng() % 5)) {
            const QList<DocumentRange> at = documentRanges(lines, 0, offset, offset);
            REQUIRE(at.size() == 1);
            CHECK(anchorOffset(lines, 0, at.first().from) == offset);
        }
    }
}

TEST_CASE("a table cell typed into two paragraphs and a trailing empty paragraph keep the lines", "[ui]")
{
    ContentEdit edit;
    Content c;
    c.append(Block::para(Paragraph::plain(QStringLiteral("Vorher"))));
    Block table;
    table.type = Block::Type::Table;
    table.rows = {{Paragraph::plain(QStringLiteral("a")), Paragraph::plain(QStringLiteral("b"))}};
    c.append(table);
    c.append(Block::para(Paragraph::plain(QStringLiteral("Nachher"))));
    edit.setContent(c);
    // Return inside the first cell, and an empty paragraph at the end.
    QTextCursor cursor(edit.document()->findBlock(0));
    cursor = QTextCursor(edit.document()->find(QStringLiteral("a")));
    cursor.clearSelection();
    edit.setTextCursor(cursor);
    edit.setFocus();
    QTest::keyClick(&edit, Qt::Key_Return);
    typeText(&edit, QStringLiteral("x"));
    QTest::keyClick(&edit, Qt::Key_End, Qt::ControlModifier);
    QTest::keyClick(&edit, Qt::Key_Return);

    Vorlage v;
    v.sections.append(Section{QStringLiteral("B"), {}, edit.content()});
    const QStringList expected = sectionText(v, QStringLiteral("B")).split(QLatin1Char('\n'));
    CHECK(expected == QStringList{QStringLiteral("Vorher"), QStringLiteral("a") + QChar::LineSeparator + QStringLiteral("x"),
                                  QStringLiteral("b"), QStringLiteral("Nachher")});
    const QList<AnchorLine> lines = anchorLines(edit.document());
    REQUIRE(lines.size() == expected.size());
    for (int i = 0; i < lines.size(); ++i)
        CHECK(documentText(edit.document(), lines[i].position, lines[i].length) == expected[i]);
}

TEST_CASE("Ctrl+Alt+K comments the selected words: stored with their anchor, shown and highlighted", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    REQUIRE(pane->isVisible());
    CHECK(pane->shownIds().isEmpty());

    // Section B: a paragraph, a table (with a quoted figure), a paragraph and a list.
    ContentEdit *b = sectionEdit(editor, QStringLiteral("B"));
    const Content before = b->content();
    selectWords(b, QStringLiteral("Schulen der Stadtgemeinde"));
    f.answers << QStringLiteral("Welche Schulen genau?");
    QTest::keyClick(b, Qt::Key_K, Qt::ControlModifier | Qt::AltModifier);

    const QList<Annotation> stored = f.window.workspace()->annotations(f.beschlussvorlage).value();
    REQUIRE(stored.size() == 1);
    const Annotation &a = stored.first();
    CHECK(a.text == QStringLiteral("Welche Schulen genau?"));
    CHECK(a.author == QStringLiteral("Erika Prüferin"));
    CHECK(a.anchor.place == Place{Place::Kind::Section, QStringLiteral("B"), {}});
    CHECK(a.anchor.quote == QStringLiteral("Schulen der Stadtgemeinde"));
    CHECK(sectionText(f.stored(f.beschlussvorlage), QStringLiteral("B")).mid(a.anchor.start, a.anchor.end - a.anchor.start)
          == QStringLiteral("Schulen der Stadtgemeinde"));

    REQUIRE(pane->shownIds() == QList<qint64>{a.id});
    const QString card = cardText(pane->threadWidget(a.id));
    CHECK(card.contains(QStringLiteral("Abschnitt B")));
    CHECK(card.contains(QStringLiteral("„Schulen der Stadtgemeinde“")));
    CHECK(card.contains(QStringLiteral("Welche Schulen genau?")));
    CHECK(card.contains(QStringLiteral("Erika Prüferin")));
    CHECK(card.contains(a.created.toLocalTime().toString(QStringLiteral("dd.MM.yyyy"))));
    CHECK(card.contains(QStringLiteral("offen")));

    CHECK(highlightedSoon(b, a.id, QStringLiteral("Schulen der Stadtgemeinde")) == QStringLiteral("Schulen der Stadtgemeinde"));
    // The highlight is no part of the text: the content and the document's formats are untouched.
    CHECK(b->content() == before);
    QTextCursor inside(b->document()->find(QStringLiteral("Stadtgemeinde")));
    CHECK_FALSE(inside.charFormat().hasProperty(QTextFormat::BackgroundBrush));
}

TEST_CASE("a comment keeps its words when text is typed before them, and is detached when they go", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    selectWords(c, QStringLiteral("privater Geräte"));
    auto id = pane->addComment(QStringLiteral("Welche Geräte?"));
    REQUIRE(id.ok());
    CHECK(highlightedSoon(c, id.value(), QStringLiteral("privater Geräte")) == QStringLiteral("privater Geräte"));

    // Typing in front of the words: after the autosave, the highlight still covers them.
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    c->setFocus();
    QTest::keyClick(c, Qt::Key_Home, Qt::ControlModifier);
    typeText(c, QStringLiteral("Vorweg geprüft: "));
    REQUIRE(saved.wait(3000));
    QTest::qWait(20);
    const Annotation moved = f.annotation(id.value());
    CHECK(moved.anchor.start == QStringLiteral("Vorweg geprüft: Eine Entschädigung für die Nutzung ").size());
    CHECK(sectionText(f.stored(f.beschlussvorlage), QStringLiteral("C")).mid(moved.anchor.start, moved.anchor.end - moved.anchor.start)
          == QStringLiteral("privater Geräte"));
    CHECK(highlightedSoon(c, id.value(), QStringLiteral("privater Geräte")) == QStringLiteral("privater Geräte"));

    // Deleting the words: the thread stays, marked detached, with its quote.
    selectWords(c, QStringLiteral("privater Geräte"));
    QTest::keyClick(c, Qt::Key_Delete);
    saved.clear();
    REQUIRE(saved.wait(3000));
    QTest::qWait(20);
    CHECK(f.annotation(id.value()).anchor.detached);
    REQUIRE(pane->threadWidget(id.value()));
    CHECK(cardText(pane->threadWidget(id.value())).contains(QStringLiteral("Text nicht mehr vorhanden: „privater Geräte“")));
    CHECK_FALSE(highlighted(c).contains(id.value()));
}

TEST_CASE("an autosave reads the comments again only when it moved their anchors", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    selectWords(c, QStringLiteral("privater Geräte"));
    auto mine = pane->addComment(QStringLiteral("Welche Geräte?"));
    REQUIRE(mine.ok());
    // A comment the pane has not read yet (as from the command line, beside the open window).
    Annotation other;
    other.vorlageId = f.beschlussvorlage;
    other.anchor = findAnchor(f.stored(f.beschlussvorlage), {Place::Kind::Section, QStringLiteral("E"), {}},
                              QStringLiteral("Gesamtpersonalrat"))
                       .value();
    other.text = QStringLiteral("Beteiligt?");
    auto otherId = f.window.workspace()->addAnnotation(other);
    REQUIRE(otherId.ok());

    // Typing in B, where no comment is: saved, no anchor moved, the pane stays as it was.
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    ContentEdit *b = sectionEdit(editor, QStringLiteral("B"));
    b->setFocus();
    QTest::keyClick(b, Qt::Key_End, Qt::ControlModifier);
    typeText(b, QStringLiteral(" Ergänzt."));
    REQUIRE(saved.wait(3000));
    QTest::qWait(20);
    CHECK(pane->annotations().size() == 1);
    CHECK_FALSE(pane->threadWidget(otherId.value()));
    CHECK(highlightedSoon(c, mine.value(), QStringLiteral("privater Geräte")) == QStringLiteral("privater Geräte"));

    // Typing in front of the commented words moves their anchor: the pane reads the comments again.
    saved.clear();
    c->setFocus();
    QTest::keyClick(c, Qt::Key_Home, Qt::ControlModifier);
    typeText(c, QStringLiteral("Vorweg: "));
    REQUIRE(saved.wait(3000));
    QTest::qWait(20);
    CHECK(pane->annotations().size() == 2);
    CHECK(pane->threadWidget(otherId.value()));
    CHECK(highlightedSoon(c, mine.value(), QStringLiteral("privater Geräte")) == QStringLiteral("privater Geräte"));
}

TEST_CASE("an accepted suggestion changes the text in one undo step; undo opens it again, redo accepts", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *e = sectionEdit(editor, QStringLiteral("E"));
    const QString original = sectionText(f.stored(f.beschlussvorlage), QStringLiteral("E"));
    selectWords(e, QStringLiteral("Gesamtpersonalrat"));
    f.answers << QStringLiteral("Personalrat Schulen");
    QTest::keyClick(e, Qt::Key_V, Qt::ControlModifier | Qt::AltModifier);
    const QList<Annotation> list = f.window.workspace()->annotations(f.beschlussvorlage).value();
    REQUIRE(list.size() == 1);
    const qint64 id = list.first().id;
    CHECK(list.first().suggestion == Annotation::Suggestion::Open);
    CHECK(list.first().replacement == QStringLiteral("Personalrat Schulen"));
    CHECK(cardText(pane->threadWidget(id)).contains(QStringLiteral("Vorschlag: „Gesamtpersonalrat“ → „Personalrat Schulen“")));

    const int stepsBefore = editor->document()->undoStack()->count();
    REQUIRE(pane->button(id, AnnotationPane::Button::Accept));
    QTest::mouseClick(pane->button(id, AnnotationPane::Button::Accept), Qt::LeftButton);
    QTest::qWait(20);
    const QString accepted = QString(original).replace(QStringLiteral("Gesamtpersonalrat"), QStringLiteral("Personalrat Schulen"));
    CHECK(sectionText(editor->document()->vorlage(), QStringLiteral("E")) == accepted);
    CHECK(sectionText(f.stored(f.beschlussvorlage), QStringLiteral("E")) == accepted);
    CHECK(contentPlainText(e->content()).contains(QStringLiteral("Personalrat Schulen")));
    CHECK(editor->document()->undoStack()->count() == stepsBefore + 1);
    CHECK(f.annotation(id).suggestion == Annotation::Suggestion::Accepted);
    CHECK(f.annotation(id).decidedBy == QStringLiteral("Erika Prüferin"));
    CHECK(cardText(pane->threadWidget(id)).contains(QStringLiteral("angenommen")));

    // Ctrl+Z: the text is back and the suggestion open again, on its words.
    e->setFocus();
    QTest::keyClick(e, Qt::Key_Z, Qt::ControlModifier);
    QTest::qWait(20);
    CHECK(sectionText(editor->document()->vorlage(), QStringLiteral("E")) == original);
    CHECK(sectionText(f.stored(f.beschlussvorlage), QStringLiteral("E")) == original);
    const Annotation reopened = f.annotation(id);
    CHECK(reopened.suggestion == Annotation::Suggestion::Open);
    CHECK_FALSE(reopened.anchor.detached);
    CHECK(original.mid(reopened.anchor.start, reopened.anchor.end - reopened.anchor.start) == QStringLiteral("Gesamtpersonalrat"));
    REQUIRE(pane->button(id, AnnotationPane::Button::Accept));
    CHECK(highlightedSoon(e, id, QStringLiteral("Gesamtpersonalrat")) == QStringLiteral("Gesamtpersonalrat"));

    // Redo accepts again.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QTest::qWait(20);
    CHECK(sectionText(editor->document()->vorlage(), QStringLiteral("E")) == accepted);
    CHECK(f.annotation(id).suggestion == Annotation::Suggestion::Accepted);
}

TEST_CASE("a rejected suggestion is recorded and leaves the text", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *c = sectionEdit(editor, QStringLiteral("F"));
    const QString original = sectionText(f.stored(f.beschlussvorlage), QStringLiteral("F"));
    selectWords(c, QStringLiteral("Eine Pressemitteilung ist vorgesehen."));
    auto id = pane->addSuggestion(QString());
    REQUIRE(id.ok());
    CHECK(cardText(pane->threadWidget(id.value())).contains(QStringLiteral("„Eine Pressemitteilung ist vorgesehen.“ streichen")));
    QTest::mouseClick(pane->button(id.value(), AnnotationPane::Button::Reject), Qt::LeftButton);
    QTest::qWait(20);
    CHECK(f.annotation(id.value()).suggestion == Annotation::Suggestion::Rejected);
    CHECK(sectionText(f.stored(f.beschlussvorlage), QStringLiteral("F")) == original);
    CHECK(sectionText(editor->document()->vorlage(), QStringLiteral("F")) == original);
    CHECK(cardText(pane->threadWidget(id.value())).contains(QStringLiteral("abgelehnt")));
    // Decided: no longer among the open ones.
    pane->setFilter(AnnotationPane::Filter::Open);
    CHECK(pane->shownIds().isEmpty());
}

TEST_CASE("threads are in reading order; a click on one selects its words and marks it current", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *d = sectionEdit(editor, QStringLiteral("D"));
    ContentEdit *b = sectionEdit(editor, QStringLiteral("B"));
    selectWords(d, QStringLiteral("zwei befristete Stellen"));
    const qint64 inD = pane->addComment(QStringLiteral("Befristung begründen")).value();
    selectWords(b, QStringLiteral("Auslieferung an die Schulen in Bremerhaven"));
    const qint64 inB = pane->addComment(QStringLiteral("Termin realistisch?")).value();
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    title->setFocus();
    title->setSelection(0, 18); // "Digitale Endgeräte"
    const qint64 inTitle = pane->addComment(QStringLiteral("Titel kürzen")).value();
    CHECK(f.annotation(inTitle).anchor.place == Place{Place::Kind::Header, QStringLiteral("title"), {}});
    CHECK(f.annotation(inTitle).anchor.quote == QStringLiteral("Digitale Endgeräte"));
    CHECK(cardText(pane->threadWidget(inTitle)).contains(QStringLiteral("Titel")));

    CHECK(pane->shownIds() == QList<qint64>{inTitle, inB, inD});

    QWidget *card = pane->threadWidget(inD);
    REQUIRE(card);
    QTest::mouseClick(card, Qt::LeftButton, {}, QPoint(3, 3));
    CHECK(pane->currentId() == inD);
    CHECK(QApplication::focusWidget() == d);
    CHECK(d->textCursor().selectedText() == QStringLiteral("zwei befristete Stellen"));
    CHECK(highlightColorOf(d, inD) == AnnotationPane::highlightColor(true));
    CHECK(highlightColorOf(b, inB) == AnnotationPane::highlightColor(false));

    QTest::mouseClick(pane->threadWidget(inB), Qt::LeftButton, {}, QPoint(3, 3));
    CHECK(QApplication::focusWidget() == b);
    CHECK(b->textCursor().selectedText() == QStringLiteral("Auslieferung an die Schulen in Bremerhaven"));
    CHECK(highlightColorOf(d, inD) == AnnotationPane::highlightColor(false));
    CHECK(highlightColorOf(b, inB) == AnnotationPane::highlightColor(true));
}

TEST_CASE("the pane's buttons answer, resolve and reopen; the filter shows the open ones", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.fragestunde);
    AnnotationPane *pane = editor->annotationPane();
    // An answer of the Fragestunde (section B) is its own place.
    SectionForm *b = editor->sectionForm(QStringLiteral("B"));
    REQUIRE(b);
    ContentEdit *answer = b->answerEdit(0);
    REQUIRE(answer);
    const QString words = answer->toPlainText().left(12);
    selectWords(answer, words);
    const qint64 id = pane->addComment(QStringLiteral("Quelle?")).value();
    const Annotation a = f.annotation(id);
    CHECK(a.anchor.place.kind == Place::Kind::Answer);
    CHECK(a.anchor.quote == words);
    CHECK(cardText(pane->threadWidget(id)).contains(QStringLiteral("Antwort zu Frage 1")));
    CHECK(highlightedSoon(answer, id, words) == words);

    f.answers << QStringLiteral("Steht im Bericht 2020.");
    QTest::mouseClick(pane->button(id, AnnotationPane::Button::Reply), Qt::LeftButton);
    QTest::qWait(20);
    REQUIRE(f.annotation(id).replies.size() == 1);
    CHECK(f.annotation(id).replies.first().text == QStringLiteral("Steht im Bericht 2020."));
    CHECK(cardText(pane->threadWidget(id)).contains(QStringLiteral("Steht im Bericht 2020.")));

    QAbstractButton *resolve = pane->button(id, AnnotationPane::Button::Resolve);
    REQUIRE(resolve);
    CHECK(resolve->text() == QStringLiteral("Erledigt"));
    QTest::mouseClick(resolve, Qt::LeftButton);
    QTest::qWait(20);
    CHECK(f.annotation(id).resolved);
    CHECK(f.annotation(id).resolvedBy == QStringLiteral("Erika Prüferin"));
    CHECK_FALSE(highlighted(answer).contains(id)); // resolved: no longer marked in the text
    pane->filterBox()->setCurrentIndex(1);
    CHECK(pane->shownIds().isEmpty());
    pane->filterBox()->setCurrentIndex(0);
    REQUIRE(pane->button(id, AnnotationPane::Button::Resolve));
    CHECK(pane->button(id, AnnotationPane::Button::Resolve)->text() == QStringLiteral("Wieder öffnen"));
    QTest::mouseClick(pane->button(id, AnnotationPane::Button::Resolve), Qt::LeftButton);
    QTest::qWait(20);
    CHECK_FALSE(f.annotation(id).resolved);
}

TEST_CASE("a decided Vorlage takes no new comments and accepts nothing; replies, resolving and rejecting stay", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    selectWords(c, QStringLiteral("Entschädigung"));
    const qint64 comment = editor->annotationPane()->addComment(QStringLiteral("Höhe?")).value();
    selectWords(c, QStringLiteral("geprüft"));
    const qint64 suggestion = editor->annotationPane()->addSuggestion(QStringLiteral("untersucht")).value();
    f.window.closeEditor(editor);

    Workspace *ws = f.window.workspace();
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::InAbstimmung).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::Beschlussreif).ok());
    const auto decided = ws->setStatus(f.beschlussvorlage, Status::Beschlossen, QDate(2020, 12, 1), Outcome::Unveraendert);
    INFO(decided.error().toStdString());
    REQUIRE(decided.ok());
    editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    CHECK_FALSE(pane->readOnlyReason().isEmpty());

    REQUIRE(pane->button(suggestion, AnnotationPane::Button::Accept));
    CHECK_FALSE(pane->button(suggestion, AnnotationPane::Button::Accept)->isEnabled());
    CHECK(pane->button(suggestion, AnnotationPane::Button::Accept)->toolTip().contains(QStringLiteral("beschlossen")));
    CHECK_FALSE(pane->accept(suggestion).ok());
    c = sectionEdit(editor, QStringLiteral("C"));
    selectWords(c, QStringLiteral("Datenschutzfragen"));
    const auto refused = pane->addComment(QStringLiteral("Noch einer"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().contains(QStringLiteral("beschlossen")));
    CHECK(ws->annotations(f.beschlussvorlage).value().size() == 2);

    REQUIRE(pane->button(comment, AnnotationPane::Button::Reply)->isEnabled());
    CHECK(pane->reply(comment, QStringLiteral("Erledigt im Beschluss.")).ok());
    QTest::mouseClick(pane->button(comment, AnnotationPane::Button::Resolve), Qt::LeftButton);
    QTest::qWait(20);
    CHECK(f.annotation(comment).resolved);

    // The open suggestion can still be settled: rejected, the decided text stays as it is.
    const Vorlage before = ws->load(f.beschlussvorlage).value();
    QAbstractButton *reject = pane->button(suggestion, AnnotationPane::Button::Reject);
    REQUIRE(reject);
    CHECK(reject->isEnabled());
    CHECK(reject->toolTip().contains(QStringLiteral("beschlossene Text bleibt")));
    QTest::mouseClick(reject, Qt::LeftButton);
    QTest::qWait(20);
    CHECK(f.annotation(suggestion).suggestion == Annotation::Suggestion::Rejected);
    CHECK(ws->load(f.beschlussvorlage).value() == before);
    REQUIRE(pane->threadWidget(suggestion));
    auto *state = pane->threadWidget(suggestion)->findChild<QLabel *>(QStringLiteral("state"));
    REQUIRE(state);
    CHECK(state->text() == QStringLiteral("abgelehnt"));
    CHECK_FALSE(pane->button(suggestion, AnnotationPane::Button::Reject));
}

TEST_CASE("the cards of the comment column show their whole texts within its width, at 1024×768 and 1400×900", "[ui]")
{
    const QSize size = GENERATE(QSize(1024, 768), QSize(1400, 900));
    INFO(size.width() << "x" << size.height());
    Fixture f;
    Workspace *ws = f.window.workspace();
    const Vorlage v = ws->load(f.fragestunde).value();
    const FigureValues figures = ws->figureValues(&v).value();
    const auto add = [&](const QString &section, const QString &quote, const QString &text, const QString &author,
                         const QString &replacement = {}) {
        Annotation a;
        a.vorlageId = f.fragestunde;
        auto anchor = findAnchorInSection(v, section, quote, 0, &figures);
        REQUIRE(anchor.ok());
        a.anchor = anchor.value();
        a.text = text;
        a.author = author;
        if (!replacement.isEmpty()) {
            a.suggestion = Annotation::Suggestion::Open;
            a.replacement = replacement;
        }
        return ws->addAnnotation(a).value();
    };
    add(QStringLiteral("A"), QStringLiteral("getrennt nach Frauen und Männern"),
        QStringLiteral("Diese Frage beantwortet B nicht vollständig."), QStringLiteral("ZGF"));
    add(QStringLiteral("B"), QStringLiteral("3027 Notebooks"),
        QStringLiteral("Ist die Zahl vom Stand März? Bitte mit der Personalstatistik abgleichen."),
        QStringLiteral("Dr. Maximiliane Mustermann-Schulze (Senatskanzlei)"));
    const qint64 suggestion = add(QStringLiteral("B"), QStringLiteral("Arbeitsplätze für das Arbeiten von zu Hause"),
                                  QStringLiteral("kürzer und genauer"), QStringLiteral("Senatorin für Finanzen, Referat 20"),
                                  QStringLiteral("Heimarbeitsplätze, die dauerhaft eingerichtet sind"));
    ws->setAuthor(QStringLiteral("Sachbearbeitung Senatorin für Finanzen, Referat Personalentwicklung"));
    REQUIRE(ws->addReply(suggestion, QStringLiteral("Einverstanden, aber bitte die Bremerhavener Zahl getrennt "
                                                    "ausweisen, damit die Fraktion das nachvollziehen kann."))
                .ok());

    f.window.resize(size);
    VorlageEditor *editor = f.open(f.fragestunde);
    AnnotationPane *pane = editor->annotationPane();
    QTest::qWait(100);
    REQUIRE(pane->shownIds().size() == 3);
    auto *scroll = pane->findChild<QScrollArea *>();
    REQUIRE(scroll);
    QWidget *viewport = scroll->viewport();
    for (qint64 id : pane->shownIds()) {
        QWidget *card = pane->threadWidget(id);
        REQUIRE(card);
        for (QWidget *w : card->findChildren<QWidget *>()) {
            auto *label = qobject_cast<QLabel *>(w);
            auto *button = qobject_cast<QAbstractButton *>(w);
            if (!w->isVisible() || (!label && !button))
                continue;
            INFO((label ? label->text() : button->text()).toStdString());
            const QRect shown(w->mapTo(viewport, QPoint()), w->size());
            CHECK(shown.left() >= 0);
            CHECK(shown.right() < viewport->width()); // not cut off at the column's right edge
            if (label && label->wordWrap())
                CHECK(label->height() >= label->heightForWidth(label->width())); // every line shown
            else
                CHECK(w->width() >= w->sizeHint().width()); // the whole word
        }
    }
}

TEST_CASE("the review PDF of the current Vorlage carries its comments", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    selectWords(c, QStringLiteral("Datenschutzfragen"));
    REQUIRE(editor->annotationPane()->addComment(QStringLiteral("Mit der Datenschutzbeauftragten klären")).ok());
    const QString path = f.dir.filePath(QStringLiteral("pruefung.pdf"));
    REQUIRE(editor->annotationPane()->exportReview(path, f.window.figureValues()).ok());
    QPdfDocument pdf;
    REQUIRE(pdf.load(path) == QPdfDocument::Error::None);
    QString all;
    for (int i = 0; i < pdf.pageCount(); ++i)
        all += pdf.getAllText(i).text();
    all.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    CHECK(all.contains(QStringLiteral("Mit der Datenschutzbeauftragten")));
    CHECK(all.contains(QStringLiteral("nicht zur Veröffentlichung")));
}

