#include "testutil.h"
#include "uitestutil.h"

#include "contentedit.h"
#include "headerform.h"
#include "sectionform.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"

#include <QApplication>
#include <QLineEdit>
#include <QToolButton>
#include <QTest>
#include <QUndoGroup>

using namespace vw;

TEST_CASE("Ctrl+H replaces in every text of the open Vorlage, undone in one step", "[ui][replace]")
{
    DemoWindow f(QStringLiteral("replace.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QApplication::setActiveWindow(&f.window);
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    ContentEdit *problem = editor->sectionForm(QStringLiteral("A"))->textEdits().first();
    const QString titleBefore = title->text();
    REQUIRE(titleBefore.contains(QStringLiteral("Lehrkräfte")));
    REQUIRE(problem->toPlainText().contains(QStringLiteral("Lehrkräfte")));

    // From a text of the Vorlage, with a word selected: the bar opens with it as the search.
    problem->setFocus();
    QTextCursor cursor = problem->document()->find(QStringLiteral("Lehrkräfte"));
    REQUIRE_FALSE(cursor.isNull());
    problem->setTextCursor(cursor);
    QTest::keyClick(problem, Qt::Key_H, Qt::ControlModifier);
    CHECK(editor->findEdit()->isVisible());
    CHECK(editor->findEdit()->text() == QStringLiteral("Lehrkräfte"));
    REQUIRE(editor->replaceEdit()->isVisible());
    CHECK(QApplication::focusWidget() == editor->replaceEdit());

    SECTION("all at once")
    {
        typeText(editor->replaceEdit(), QStringLiteral("Lehrerinnen und Lehrer"));
        QTest::mouseClick(editor->replaceAllButton(), Qt::LeftButton);
        const int n = int(editor->findMessage().section(QLatin1Char(' '), 0, 0).toInt());
        INFO(editor->findMessage().toStdString());
        CHECK(n >= 3);
        CHECK(editor->findMessage().startsWith(QStringLiteral("%1 Stelle").arg(n)));
        CHECK(title->text() == QString(titleBefore).replace(QStringLiteral("Lehrkräfte"), QStringLiteral("Lehrerinnen und Lehrer")));
        CHECK_FALSE(problem->toPlainText().contains(QStringLiteral("Lehrkräfte")));
        CHECK(problem->toPlainText().contains(QStringLiteral("Lehrerinnen und Lehrer")));

        f.window.undoGroup()->undo();
        CHECK(title->text() == titleBefore);
        CHECK(problem->toPlainText().contains(QStringLiteral("Lehrkräfte")));

        CHECK(editor->replaceAll(QStringLiteral("Gibtesnicht"), QStringLiteral("x")) == 0);
        CHECK(editor->findMessage() == QStringLiteral("„Gibtesnicht“ kommt in der Vorlage nicht vor."));
    }
    SECTION("one by one: the first press finds, the next replaces the found place and finds on")
    {
        title->setFocus();
        title->setCursorPosition(0);
        REQUIRE(editor->replaceNext(QStringLiteral("Lehrkräfte"), QStringLiteral("Lehrpersonen")));
        CHECK(title->selectedText() == QStringLiteral("Lehrkräfte"));
        CHECK(title->text() == titleBefore); // only found so far
        editor->replaceNext(QStringLiteral("Lehrkräfte"), QStringLiteral("Lehrpersonen"));
        CHECK(title->text() == QString(titleBefore).replace(QStringLiteral("Lehrkräfte"), QStringLiteral("Lehrpersonen")));
        CHECK(editor->document()->vorlage().title == title->text());
        CHECK(problem->toPlainText().contains(QStringLiteral("Lehrkräfte"))); // the next place, not yet replaced
    }
}

TEST_CASE("A decided Vorlage offers no replacing", "[ui][replace]")
{
    DemoWindow f(QStringLiteral("replace-readonly.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    editor->showAsSnapshot(QStringLiteral("Fassung 1"));
    editor->showReplace();
    const QString before = editor->document()->vorlage().title;
    CHECK(editor->replaceAll(QStringLiteral("Lehrkräfte"), QStringLiteral("x")) == 0);
    CHECK(editor->document()->vorlage().title == before);
}
