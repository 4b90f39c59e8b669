#include "testutil.h"
#include "uitestutil.h"

#include "beteiligungeditor.h"
#include "commands.h"
#include "dateedit.h"
#include "figurepanel.h"
#include "headerform.h"
#include "ressorts.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>

using namespace vw;

namespace {

DateEdit *headerDate(VorlageEditor *editor, const QString &key)
{
    auto *edit = qobject_cast<DateEdit *>(editor->headerForm()->fieldWidget(key));
    REQUIRE(edit);
    return edit;
}

// Clicks into the field, selects everything and types over it, then leaves it with Tab.
void retypeDate(DateEdit *edit, const QString &text)
{
    edit->setFocus(Qt::TabFocusReason);
    QTest::keyClick(edit->lineEdit(), Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(edit->lineEdit(), Qt::Key_Delete);
    else
        typeText(edit->lineEdit(), text);
    QTest::keyClick(edit->lineEdit(), Qt::Key_Tab);
}

} // namespace

TEST_CASE("German date typing is read as LibreOffice reads it", "[ui][date]")
{
    const QDate today(2026, 12, 3);
    CHECK(readTypedDate(QStringLiteral("17.11.2020"), today).value() == QDate(2020, 11, 17));
    CHECK(readTypedDate(QStringLiteral("17.11.20"), today).value() == QDate(2020, 11, 17));
    CHECK(readTypedDate(QStringLiteral("17.11.98"), today).value() == QDate(1998, 11, 17));
    CHECK(readTypedDate(QStringLiteral("17.11."), today).value() == QDate(2026, 11, 17));
    CHECK(readTypedDate(QStringLiteral("17.11"), today).value() == QDate(2026, 11, 17));
    CHECK(readTypedDate(QStringLiteral("1.2.2021"), today).value() == QDate(2021, 2, 1));
    CHECK(readTypedDate(QStringLiteral("17112020"), today).value() == QDate(2020, 11, 17));
    CHECK(readTypedDate(QStringLiteral("2020-11-17"), today).value() == QDate(2020, 11, 17));
    CHECK(readTypedDate(QStringLiteral("17. November 2020"), today).value() == QDate(2020, 11, 17));
    const Result<QDate> empty = readTypedDate(QStringLiteral("  "), today);
    REQUIRE(empty.ok());
    CHECK_FALSE(empty.value().isValid());

    const Result<QDate> february = readTypedDate(QStringLiteral("31.02.2021"), today);
    REQUIRE_FALSE(february.ok());
    CHECK(february.error() == QStringLiteral("Den 31.02.2021 gibt es nicht: der Februar 2021 hat 28 Tage."));
    CHECK(readTypedDate(QStringLiteral("12.13.2021"), today).error().contains(QStringLiteral("13. Monat")));
    CHECK(readTypedDate(QStringLiteral("17.11.202"), today).error().contains(QStringLiteral("ist kein Datum")));
}

TEST_CASE("Header dates: typed, emptied, refused with a message, edited in part", "[ui][date]")
{
    DemoWindow f(QStringLiteral("dates.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    VorlageDocument *doc = editor->document();
    DateEdit *session = headerDate(editor, QStringLiteral("sessionDate"));
    DateEdit *date = headerDate(editor, QStringLiteral("date"));
    REQUIRE(session->lineEdit()->text() == QStringLiteral("17.11.2020"));

    SECTION("an emptied field stays empty, then takes a typed date and Tab leaves it")
    {
        retypeDate(session, QString());
        CHECK_FALSE(doc->vorlage().sessionDate.isValid());
        CHECK(session->lineEdit()->text().isEmpty());

        retypeDate(session, QStringLiteral("24.11.2020"));
        CHECK(doc->vorlage().sessionDate == QDate(2020, 11, 24));
        CHECK(session->lineEdit()->text() == QStringLiteral("24.11.2020"));
        CHECK_FALSE(session->lineEdit()->hasFocus());
        CHECK(session->message().isEmpty());

        retypeDate(session, QStringLiteral("1.12.20"));
        CHECK(doc->vorlage().sessionDate == QDate(2020, 12, 1));
        CHECK(session->lineEdit()->text() == QStringLiteral("01.12.2020"));

        retypeDate(session, QStringLiteral("17.11."));
        CHECK(doc->vorlage().sessionDate == QDate(QDate::currentDate().year(), 11, 17));
    }

    SECTION("an impossible date keeps the value and says why")
    {
        retypeDate(date, QStringLiteral("31.02.2021"));
        CHECK(doc->vorlage().date == QDate(2020, 11, 13));
        CHECK(date->message() == QStringLiteral("Den 31.02.2021 gibt es nicht: der Februar 2021 hat 28 Tage. "
                                                "Es gilt weiter der 13.11.2020."));
        CHECK(date->lineEdit()->text() == QStringLiteral("31.02.2021")); // left for correcting
        // Correcting it takes the new date and the message goes.
        retypeDate(date, QStringLiteral("28.02.2021"));
        CHECK(doc->vorlage().date == QDate(2021, 2, 28));
        CHECK(date->message().isEmpty());
    }

    SECTION("editing part of a filled field changes only that part")
    {
        date->setFocus(Qt::TabFocusReason);
        QLineEdit *line = date->lineEdit();
        line->setCursorPosition(line->text().size());
        QTest::keyClick(line, Qt::Key_Backspace);
        QTest::keyClick(line, Qt::Key_Backspace);
        typeText(line, QStringLiteral("21"));
        CHECK(doc->vorlage().date == QDate(2020, 11, 13)); // nothing taken while typing
        QTest::keyClick(line, Qt::Key_Return);
        CHECK(doc->vorlage().date == QDate(2021, 11, 13));
        CHECK(line->text() == QStringLiteral("13.11.2021"));
        // One undo step brings the old date back into the field.
        doc->undoStack()->undo();
        CHECK(line->text() == QStringLiteral("13.11.2020"));
    }

    SECTION("an empty date's calendar opens at the Vorlage's other date, a filled one at its date")
    {
        retypeDate(session, QString());
        session->setFocus(Qt::TabFocusReason);
        QTest::keyClick(session->lineEdit(), Qt::Key_Down, Qt::AltModifier);
        REQUIRE(session->isCalendarVisible());
        CHECK(session->calendar()->selectedDate() == QDate(2020, 11, 13));
        CHECK(session->calendar()->yearShown() == 2020);
        CHECK(session->calendar()->monthShown() == 11);
        // Picking a day with the keyboard takes it.
        QWidget *days = QApplication::focusWidget();
        REQUIRE(days);
        CHECK(session->calendar()->isAncestorOf(days));
        QTest::keyClick(days, Qt::Key_Right);
        QTest::keyClick(days, Qt::Key_Return);
        CHECK_FALSE(session->isCalendarVisible());
        CHECK(doc->vorlage().sessionDate == QDate(2020, 11, 14));
        CHECK(session->lineEdit()->text() == QStringLiteral("14.11.2020"));

        date->showCalendar();
        CHECK(date->calendar()->selectedDate() == QDate(2020, 11, 13));
    }
}

TEST_CASE("The figure dialog's Stand and a Beteiligung date take German typing", "[ui][date]")
{
    SECTION("figure Stand")
    {
        const RessortTable ressorts;
        NewFigureDialog dialog(ressorts, [](const QString &) { return false; });
        dialog.show();
        REQUIRE(QTest::qWaitForWindowExposed(&dialog));
        CHECK(dialog.asOfEdit()->date() == QDate::currentDate());
        retypeDate(dialog.asOfEdit(), QStringLiteral("1.12.2021"));
        CHECK(dialog.asOfEdit()->lineEdit()->text() == QStringLiteral("01.12.2021"));
        CHECK(dialog.asOfEdit()->date() == QDate(2021, 12, 1));
    }
    SECTION("a Beteiligung's date in the table")
    {
        DemoWindow f(QStringLiteral("beteiligung-dates.vorlagen"));
        VorlageEditor *editor = f.open(f.beschlussvorlage);
        VorlageDocument *doc = editor->document();
        Participation finanzen;
        finanzen.id = QStringLiteral("b1");
        finanzen.ressortKey = QStringLiteral("finanzen");
        Commands::setBeteiligung(doc, {finanzen});
        auto *table = editor->findChild<BeteiligungEditor *>()->findChild<QTableWidget *>();
        REQUIRE(table);
        auto *cell = qobject_cast<DateEdit *>(table->cellWidget(0, BeteiligungEditor::DateColumn));
        REQUIRE(cell);
        cell->setFocus(Qt::TabFocusReason);
        typeText(cell->lineEdit(), QStringLiteral("5.11.20"));
        QTest::keyClick(cell->lineEdit(), Qt::Key_Return);
        CHECK(doc->vorlage().beteiligung[0].date == QDate(2020, 11, 5));
        CHECK(cell->lineEdit()->text() == QStringLiteral("05.11.2020"));
    }
}
