#include "testutil.h"
#include "uitestutil.h"

#include "commands.h"
#include "contentdocument.h"
#include "contentedit.h"
#include "demo.h"
#include "documentsaver.h"
#include "itemlisteditor.h"
#include "mainwindow.h"
#include "sectionform.h"
#include "spellchecker.h"
#include "templates.h"
#include "spellhighlighter.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextEdit>
#include <QTextLayout>
#include <QTimer>

using namespace vw;

namespace {

struct Fixture {
    QTemporaryDir dir;
    MainWindow window;
    qint64 fragestunde = 0;
    qint64 beschlussvorlage = 0;

    Fixture()
    {
        REQUIRE(SpellChecker::instance()->isAvailable()); // hunspell-de-de is installed for the tests
        SpellChecker::instance()->setEnabled(true);
        const QString path = dir.filePath(QStringLiteral("spell.vorlagen"));
        REQUIRE(openOrCreateWithDemo(path).ok());
        REQUIRE(window.openWorkspace(path).ok());
        for (const VorlageSummary &s : window.workspace()->list().value())
            (s.kind == VorlageKind::Fragestunde ? fragestunde : beschlussvorlage) = s.id;
        window.resize(1400, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }

    VorlageEditor *open(qint64 id)
    {
        REQUIRE(window.openVorlage(id));
        return window.currentEditor();
    }
};

ContentEdit *sectionEdit(VorlageEditor *editor, const QString &label)
{
    SectionForm *form = editor->sectionForm(label);
    REQUIRE(form);
    REQUIRE_FALSE(form->textEdits().isEmpty());
    return form->textEdits().first();
}

// Document position of the last occurrence of `word`, or -1.
int positionOf(const QTextEdit *edit, const QString &word)
{
    const QTextCursor found = edit->document()->find(word, edit->document()->characterCount(), QTextDocument::FindBackward);
    return found.isNull() ? -1 : found.selectionStart();
}

// Whether the editor shows a red wavy underline under every letter of the word (at its last occurrence).
bool marked(const QTextEdit *edit, const QString &word)
{
    const int at = positionOf(edit, word);
    REQUIRE(at >= 0);
    const QTextBlock block = edit->document()->findBlock(at);
    const int start = at - block.position();
    for (int i = start; i < start + word.size(); ++i) {
        bool underlined = false;
        for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
            if (i >= r.start && i < r.start + r.length &&
                r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline &&
                r.format.underlineColor() == QColor(Qt::red))
                underlined = true;
        }
        if (!underlined)
            return false;
    }
    return true;
}

// Whether any letter of the word (at its last occurrence) is underlined.
bool anyMark(const QTextEdit *edit, const QString &word)
{
    const int at = positionOf(edit, word);
    REQUIRE(at >= 0);
    const QTextBlock block = edit->document()->findBlock(at);
    const int start = at - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats()) {
        if (r.format.underlineStyle() == QTextCharFormat::SpellCheckUnderline && r.start < start + word.size() &&
            r.start + r.length > start)
            return true;
    }
    return false;
}

QAction *actionNamed(const QList<QAction *> &actions, const QString &text)
{
    for (QAction *a : actions) {
        if (a->text().remove(QLatin1Char('&')) == text)
            return a;
    }
    return nullptr;
}

QStringList texts(const QList<QAction *> &actions)
{
    QStringList result;
    for (const QAction *a : actions)
        result << a->text().remove(QLatin1Char('&'));
    return result;
}

void typeAtEnd(ContentEdit *c, const QString &text)
{
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, text);
}

} // namespace

TEST_CASE("the words worth checking skip numbers, URLs, e-mail addresses and figure quotes", "[ui][spell]")
{
    const auto words = [](const QString &text) {
        QStringList result;
        for (const SpellChecker::WordRange &w : SpellChecker::words(text))
            result << text.mid(w.start, w.length);
        return result;
    };
    CHECK(words(QStringLiteral("Die Senatorin für Finanzen, ZGF.")) ==
          QStringList{QStringLiteral("Die"), QStringLiteral("Senatorin"), QStringLiteral("für"),
                      QStringLiteral("Finanzen"), QStringLiteral("ZGF")});
    CHECK(words(QStringLiteral("Siehe https://www.bremen.de/senat und www.rathaus.bremen.de oder post@zgf.bremen.de."))
          == QStringList{QStringLiteral("Siehe"), QStringLiteral("und"), QStringLiteral("oder")});
    CHECK(words(QStringLiteral("Im Jahr 2024 sind es 4.750 Plätze in 3a und Q4x.")) ==
          QStringList{QStringLiteral("Im"), QStringLiteral("Jahr"), QStringLiteral("sind"), QStringLiteral("es"),
                      QStringLiteral("Plätze"), QStringLiteral("in"), QStringLiteral("und")});
    CHECK(words(QStringLiteral("Haushalts- und Finanzausschuss, Bau-Deputation, E-Mail")) ==
          QStringList{QStringLiteral("Haushalts-"), QStringLiteral("und"), QStringLiteral("Finanzausschuss"),
                      QStringLiteral("Bau-Deputation"), QStringLiteral("E-Mail")});
    // A figure quote is one U+FFFC: it separates words and is never part of one.
    const QString quote(QChar::ObjectReplacementCharacter);
    CHECK(words(QStringLiteral("rund") + quote + QStringLiteral("Euro")) ==
          QStringList{QStringLiteral("rund"), QStringLiteral("Euro")});
}

TEST_CASE("hunspell with the German dictionary tells misspelt words from right ones", "[ui][spell]")
{
    SpellChecker checker;
    REQUIRE(checker.isAvailable());
    CHECK(checker.isCorrect(QStringLiteral("Haushalt")));
    CHECK(checker.isCorrect(QStringLiteral("Straßenbahn"))); // the dictionary is UTF-8: ß and umlauts survive
    CHECK(checker.isCorrect(QStringLiteral("Bürgerschaft")));
    CHECK_FALSE(checker.isCorrect(QStringLiteral("Senatsvorlaage")));
    CHECK_FALSE(checker.isCorrect(QStringLiteral("Bürgerschaaft")));
    CHECK(checker.suggestions(QStringLiteral("Senatsvorlaage")).contains(QStringLiteral("Senatsvorlage")));
    CHECK(checker.suggestions(QStringLiteral("Bürgerschaaft")).contains(QStringLiteral("Bürgerschaft")));
    CHECK(checker.suggestions(QStringLiteral("Senatsvorlaage")).size() <= 6);
    // Abbreviations with their period, hyphenated compounds of known parts.
    CHECK(checker.misspelled(QStringLiteral("Kosten, Gebühren usw. sind ggf. zu prüfen.")).isEmpty());
    CHECK(checker.misspelled(QStringLiteral("der Haushalts- und Finanzausschuss")).isEmpty());
    const QString text = QStringLiteral("Die Senatsvorlaage zum Haushalt");
    REQUIRE(checker.misspelled(text).size() == 1);
    CHECK(text.mid(checker.misspelled(text)[0].start, checker.misspelled(text)[0].length) ==
          QStringLiteral("Senatsvorlaage"));
    checker.setEnabled(false);
    CHECK(checker.misspelled(text).isEmpty());
}

TEST_CASE("the program's own wordings and common administrative words are never flagged", "[ui][spell]")
{
    // #11: the check flagged "personalwirtschaftlichen" of our own D wording, and "Homeoffice".
    SpellChecker checker;
    REQUIRE(checker.isAvailable());
    CHECK(checker.isCorrect(QStringLiteral("Homeoffice")));
    CHECK(checker.misspelled(QStringLiteral("Im Homeoffice arbeiten 452 Beschäftigte.")).isEmpty());
    QStringList flagged;
    for (const QString &text : templateTexts()) {
        for (const SpellChecker::WordRange &w : checker.misspelled(text))
            flagged << text.mid(w.start, w.length);
    }
    CHECK(flagged == QStringList());
    CHECK_FALSE(checker.isCorrect(QStringLiteral("Homeofice")));
}

TEST_CASE("without a dictionary the check is off, says why and marks nothing", "[ui][spell]")
{
    QTemporaryDir dir;
    SpellChecker checker(dir.filePath(QStringLiteral("de_DE")));
    CHECK_FALSE(checker.isAvailable());
    CHECK_FALSE(checker.isActive());
    CHECK(checker.unavailableReason().contains(QStringLiteral("hunspell-de-de")));
    CHECK(checker.isCorrect(QStringLiteral("Senatsvorlaage")));
    CHECK(checker.misspelled(QStringLiteral("Die Senatsvorlaage")).isEmpty());
    CHECK(checker.suggestions(QStringLiteral("Senatsvorlaage")).isEmpty());
    QTextEdit edit;
    new SpellHighlighter(edit.document(), &checker);
    edit.setPlainText(QStringLiteral("Die Senatsvorlaage"));
    CHECK_FALSE(anyMark(&edit, QStringLiteral("Senatsvorlaage")));
}

TEST_CASE("a misspelt word is underlined in a section editor, a right one is not", "[ui][spell]")
{
    Fixture f;
    ContentEdit *c = sectionEdit(f.open(f.beschlussvorlage), QStringLiteral("C"));
    typeAtEnd(c, QStringLiteral(" Die Senatsvorlaage zum Haushalt der ZGF und der bremischen Häfen, siehe www.bremen.de."));
    CHECK(marked(c, QStringLiteral("Senatsvorlaage")));
    CHECK_FALSE(anyMark(c, QStringLiteral("Haushalt")));
    CHECK_FALSE(anyMark(c, QStringLiteral("ZGF"))); // in the workspace dictionary from the start
    CHECK_FALSE(anyMark(c, QStringLiteral("bremischen")));
    CHECK_FALSE(anyMark(c, QStringLiteral("www.bremen.de")));
    // Marks are layout only: the content and the model never see them.
    f.window.currentEditor()->flush();
    const Content content = f.window.currentEditor()->document()->vorlage().section(QStringLiteral("C"))->content;
    CHECK(contentPlainText(content).contains(QStringLiteral("Senatsvorlaage")));
    CHECK(c->content() == content);

    // Switched off, nothing is marked; on again, the mark is back.
    SpellChecker::instance()->setEnabled(false);
    CHECK_FALSE(anyMark(c, QStringLiteral("Senatsvorlaage")));
    SpellChecker::instance()->setEnabled(true);
    CHECK(marked(c, QStringLiteral("Senatsvorlaage")));
}

TEST_CASE("the question and Beschluss editors are checked too", "[ui][spell]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.fragestunde);
    SectionForm *a = editor->sectionForm(QStringLiteral("A"));
    REQUIRE(a);
    REQUIRE(a->questionsEditor());
    QTextEdit *question = a->questionsEditor()->textEdit(0);
    REQUIRE(question);
    question->setFocus();
    QTest::keyClick(question, Qt::Key_End, Qt::ControlModifier);
    typeText(question, QStringLiteral(" Wie steht es um die Bürgerschaaft?"));
    CHECK(marked(question, QStringLiteral("Bürgerschaaft")));
    const QList<QAction *> actions = spellActions(question, positionOf(question, QStringLiteral("Bürgerschaaft")) + 2, question);
    QAction *fix = actionNamed(actions, QStringLiteral("Bürgerschaft"));
    REQUIRE(fix);
    fix->trigger();
    CHECK(editor->document()->vorlage().questions[0].text.plainText().endsWith(QStringLiteral("die Bürgerschaft?")));
    CHECK_FALSE(anyMark(question, QStringLiteral("Bürgerschaft")));
}

TEST_CASE("a correction from the context menu replaces the word as an edit that Ctrl+Z undoes", "[ui][spell]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    typeAtEnd(c, QStringLiteral(" Die Senatsvorlaage folgt."));
    editor->flush();
    const Content typed = editor->document()->vorlage().section(QStringLiteral("C"))->content;
    // Opening the menu and choosing takes a moment: the correction is an undo step of its own.
    QTest::qWait(Commands::pauseMs + 100);

    const int at = positionOf(c, QStringLiteral("Senatsvorlaage")) + 3;
    const QList<QAction *> actions = spellActions(c, at, c);
    INFO(texts(actions).join(QStringLiteral(" | ")).toStdString());
    REQUIRE(actionNamed(actions, QStringLiteral("Senatsvorlage")));
    CHECK(actions.first()->text() == QStringLiteral("Senatsvorlage")); // hunspell's best first
    CHECK(actionNamed(actions, QStringLiteral("Zum Wörterbuch hinzufügen")));
    CHECK(actionNamed(actions, QStringLiteral("Ignorieren")));
    // Right words get no entries.
    CHECK(spellActions(c, positionOf(c, QStringLiteral("folgt")) + 1, c).isEmpty());

    actionNamed(actions, QStringLiteral("Senatsvorlage"))->trigger();
    CHECK(c->toPlainText().contains(QStringLiteral("Die Senatsvorlage folgt.")));
    CHECK_FALSE(anyMark(c, QStringLiteral("Senatsvorlage")));
    // Recorded and saved like typing.
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    REQUIRE(saved.wait(3000));
    CHECK(contentPlainText(f.window.workspace()->load(f.beschlussvorlage)->section(QStringLiteral("C"))->content)
              .contains(QStringLiteral("Die Senatsvorlage folgt.")));

    c->setFocus();
    QTest::keyClick(c, Qt::Key_Z, Qt::ControlModifier);
    CHECK(editor->document()->vorlage().section(QStringLiteral("C"))->content == typed);
    CHECK(c->toPlainText().contains(QStringLiteral("Die Senatsvorlaage folgt.")));
    CHECK(marked(c, QStringLiteral("Senatsvorlaage")));
}

TEST_CASE("a word added to the dictionary is no longer marked and stays in the workspace", "[ui][spell]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    const QString word = QStringLiteral("Fischereihafenbetriebsgesellschaftx");
    typeAtEnd(c, QStringLiteral(" Die ") + word + QStringLiteral(" berichtet."));
    REQUIRE(marked(c, word));
    CHECK_FALSE(f.window.workspace()->dictionaryWords()->contains(word));

    QAction *add = actionNamed(spellActions(c, positionOf(c, word), c), QStringLiteral("Zum Wörterbuch hinzufügen"));
    REQUIRE(add);
    add->trigger();
    CHECK_FALSE(anyMark(c, word));
    CHECK(f.window.workspace()->dictionaryWords()->contains(word));
    CHECK(SpellChecker::instance()->workspaceWords().contains(word));

    // Another workspace does not know it; back in this one it counts again.
    const QString path = f.window.workspace()->path();
    const QString other = f.dir.filePath(QStringLiteral("other.vorlagen"));
    REQUIRE(openOrCreateWithDemo(other).ok());
    REQUIRE(f.window.openWorkspace(other).ok());
    CHECK_FALSE(SpellChecker::instance()->isCorrect(word));
    REQUIRE(f.window.openWorkspace(path).ok());
    CHECK(SpellChecker::instance()->isCorrect(word));
}

TEST_CASE("an ignored word is not marked for the rest of the session", "[ui][spell]")
{
    Fixture f;
    ContentEdit *c = sectionEdit(f.open(f.beschlussvorlage), QStringLiteral("C"));
    const QString word = QStringLiteral("Quartiersbudgetierungx");
    typeAtEnd(c, QStringLiteral(" Die ") + word + QStringLiteral(" beginnt."));
    REQUIRE(marked(c, word));
    QAction *ignore = actionNamed(spellActions(c, positionOf(c, word) + 1, c), QStringLiteral("Ignorieren"));
    REQUIRE(ignore);
    ignore->trigger();
    CHECK_FALSE(anyMark(c, word));
    CHECK_FALSE(f.window.workspace()->dictionaryWords()->contains(word)); // not stored
}

TEST_CASE("the editor's context menu offers the corrections at the top", "[ui][spell]")
{
    Fixture f;
    ContentEdit *c = sectionEdit(f.open(f.beschlussvorlage), QStringLiteral("C"));
    typeAtEnd(c, QStringLiteral(" Die Senatsvorlaage folgt."));
    QTextCursor cursor(c->document());
    cursor.setPosition(positionOf(c, QStringLiteral("Senatsvorlaage")) + 4);
    c->setTextCursor(cursor);
    const QPoint pos = c->cursorRect(cursor).center();

    QStringList shown;
    QTimer::singleShot(200, c, [&shown] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        shown = texts(menu->actions());
        menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, c->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(c->viewport(), &event);
    INFO(shown.join(QStringLiteral(" | ")).toStdString());
    REQUIRE_FALSE(shown.isEmpty());
    CHECK(shown.first() == QStringLiteral("Senatsvorlage"));
    CHECK(shown.contains(QStringLiteral("Zum Wörterbuch hinzufügen")));
    CHECK(shown.contains(QStringLiteral("Fett")));
}
