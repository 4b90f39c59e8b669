#include "testdemo.h"

#include "validationpanel.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vw;

namespace {

Problem problem(Problem::Severity severity, Place::Kind kind, const char *field, const char *itemId,
                const char *message)
{
    return Problem{severity, Place{kind, QString::fromLatin1(field), QString::fromLatin1(itemId)},
                   QString::fromUtf8(message)};
}

const Problem title =
    problem(Problem::Severity::Error, Place::Kind::Header, "title", "", "Der Titel fehlt.");
const Problem c = problem(Problem::Severity::Warning, Place::Kind::Section, "C", "",
                          "Abschnitt C (Alternativen) ist leer.");
const Problem answer =
    problem(Problem::Severity::Error, Place::Kind::Answer, "", "q2", "Zu Frage 2 fehlt die Antwort.");
const Problem gender = problem(Problem::Severity::Error, Place::Kind::Section, "D", "",
                               "Abschnitt D: Die Gender-Prüfung fehlt.");
const Problem verb = problem(Problem::Severity::Error, Place::Kind::Beschluss, "", "b1",
                             "Beschlusspunkt 1 enthält kein Beschlussverb.");

QList<Problem> shown(const ProblemListModel &model)
{
    QList<Problem> result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row);
        result << Problem{Problem::Severity(i.data(ProblemListModel::SeverityRole).toInt()),
                          i.data(ProblemListModel::PlaceRole).value<Place>(), i.data().toString()};
    }
    return result;
}

void clickRow(QAbstractItemView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    REQUIRE(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
}

} // namespace

TEST_CASE("the problem model passes QAbstractItemModelTester through every kind of update", "[ui]")
{
    ProblemListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QList<QList<Problem>> steps{
        {title, c, answer},
        {title, c, answer},               // unchanged
        {title, gender, answer},          // one row replaced
        {verb, title, gender, answer},    // inserted in front
        {verb, title},                    // removed at the end
        {c},                              // everything different, fewer rows
        {title, c, answer, gender, verb}, // more rows around a kept one
        {title, verb},                    // rows removed from the middle
        {},
        {gender},
    };
    for (const QList<Problem> &step : steps) {
        model.setProblems(step);
        CHECK(model.problems() == step);
        CHECK(shown(model) == step);
    }
}

TEST_CASE("typing that changes one problem touches only its row", "[ui]")
{
    ProblemListModel model;
    model.setProblems({title, c, answer});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    model.setProblems({title, c, answer});
    CHECK(changed.count() + inserted.count() + removed.count() + reset.count() == 0);

    model.setProblems({title, gender, answer});
    REQUIRE(changed.count() == 1);
    CHECK(changed[0][0].toModelIndex().row() == 1);
    CHECK(changed[0][1].toModelIndex().row() == 1);

    model.setProblems({verb, title, gender, answer});
    REQUIRE(inserted.count() == 1);
    CHECK(inserted[0][1].toInt() == 0);
    CHECK(inserted[0][2].toInt() == 0);

    model.setProblems({verb, title, answer});
    REQUIRE(removed.count() == 1);
    CHECK(removed[0][1].toInt() == 2);
    CHECK(changed.count() == 1);
    CHECK(reset.count() == 0);
}

TEST_CASE("the panel shows the problems of a Vorlage with icons and a summary", "[ui]")
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.filePath(QStringLiteral("r.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    Vorlage v = demoVorlagen()[1];
    ValidationPanel panel;
    panel.setProblems(validate(v, ws.value()->ressorts()));
    CHECK(panel.model()->rowCount() == 0);
    CHECK(panel.summary() == QStringLiteral("Keine Probleme"));

    v.section(QStringLiteral("C"))->content.clear();
    v.section(QStringLiteral("D"))->content.clear();
    v.beschluss[0].text = Paragraph::plain(QStringLiteral("Ausstattung der Lehrkräfte mit Tablets."));
    const QList<Problem> problems = validate(v, ws.value()->ressorts());
    panel.setProblems(problems);
    CHECK(panel.summary() == QStringLiteral("2 Fehler, 1 Warnung"));

    const ProblemListModel *model = panel.model();
    REQUIRE(model->rowCount() == 3);
    CHECK(panel.problems() == problems);
    const QModelIndex warning = model->index(0);
    const QModelIndex error = model->index(1);
    CHECK(warning.data().toString() == QStringLiteral("Abschnitt C (Alternativen) ist leer."));
    CHECK(error.data().toString() == QStringLiteral("Abschnitt D ist leer; die Gender-Prüfung fehlt."));
    CHECK(model->index(2).data().toString().startsWith(
        QStringLiteral("Beschlusspunkt 1 enthält kein Beschlussverb")));
    CHECK(error.data(Qt::ToolTipRole).toString() ==
          QStringLiteral("Fehler: Abschnitt D ist leer; die Gender-Prüfung fehlt."));
    CHECK(warning.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Warnung: ")));

    const QIcon errorIcon = error.data(Qt::DecorationRole).value<QIcon>();
    const QIcon warningIcon = warning.data(Qt::DecorationRole).value<QIcon>();
    CHECK_FALSE(errorIcon.isNull());
    CHECK_FALSE(warningIcon.isNull());
    CHECK(errorIcon.cacheKey() == model->index(2).data(Qt::DecorationRole).value<QIcon>().cacheKey());
    CHECK(errorIcon.cacheKey() != warningIcon.cacheKey());

    panel.setProblems({c, c});
    CHECK(panel.summary() == QStringLiteral("2 Warnungen"));
    panel.setProblems({});
    CHECK(panel.summary() == QStringLiteral("Keine Probleme"));
    CHECK(panel.model()->rowCount() == 0);
}

TEST_CASE("a click or Enter on a problem jumps to its place", "[ui]")
{
    ValidationPanel panel;
    panel.resize(500, 300);
    panel.setProblems({title, answer, gender, verb});
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    QAbstractItemView *view = panel.view();
    QSignalSpy spy(&panel, &ValidationPanel::problemActivated);

    SECTION("clicking a row")
    {
        clickRow(view, 1);
        REQUIRE(spy.count() == 1);
        CHECK(spy[0][0].value<Place>() == Place{Place::Kind::Answer, {}, QStringLiteral("q2")});
        clickRow(view, 3);
        REQUIRE(spy.count() == 2);
        CHECK(spy[1][0].value<Place>() == Place{Place::Kind::Beschluss, {}, QStringLiteral("b1")});
        // Below the last row: nothing to jump to.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(10, view->viewport()->height() - 2));
        CHECK(spy.count() == 2);
    }
    SECTION("with the keyboard only")
    {
        view->setFocus();
        view->setCurrentIndex(panel.model()->index(0));
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Return);
        REQUIRE(spy.count() == 1);
        CHECK(spy[0][0].value<Place>() == Place{Place::Kind::Section, QStringLiteral("D")});
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Enter, Qt::KeypadModifier);
        REQUIRE(spy.count() == 2);
        CHECK(spy[1][0].value<Place>() == Place{Place::Kind::Header, QStringLiteral("title")});
    }
}

TEST_CASE("a typed number that is a figure's value is offered as a quote on a click and on Enter", "[ui]")
{
    Problem typed = problem(Problem::Severity::Warning, Place::Kind::Section, "B", "",
                            "Abschnitt B: „4750“ ist der Wert der Zahl „VPN-Zugänge Bremen“ – als Verweis einsetzen?");
    typed.typedNumber = QStringLiteral("4750");
    typed.suggestedFigure = QStringLiteral("vpn-bremen");
    ValidationPanel panel;
    panel.resize(500, 300);
    panel.setProblems({title, typed});
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    QAbstractItemView *view = panel.view();
    QSignalSpy jumped(&panel, &ValidationPanel::problemActivated);
    QSignalSpy quoted(&panel, &ValidationPanel::quoteRequested);
    QMenu *offer = panel.offerMenu();

    SECTION("a left click opens the offer at the row; Enter takes it")
    {
        clickRow(view, 1);
        CHECK(jumped.count() == 1); // it still jumps there, so the number is seen in its sentence
        REQUIRE(offer->isVisible());
        REQUIRE(offer->activeAction());
        CHECK(offer->activeAction()->text().remove(QLatin1Char('&')) == QStringLiteral("Als Verweis einsetzen"));
        const QRect row = view->visualRect(panel.model()->index(1));
        CHECK(offer->geometry().top() >= view->viewport()->mapToGlobal(row.topLeft()).y());
        CHECK(quoted.isEmpty());
        QTest::keyClick(offer, Qt::Key_Return);
        REQUIRE(quoted.count() == 1);
        CHECK(quoted[0][0].value<Problem>() == typed);
        CHECK_FALSE(offer->isVisible());
    }
    SECTION("Enter on the row opens it too; Escape leaves the number as typed")
    {
        view->setFocus();
        view->setCurrentIndex(panel.model()->index(1));
        QTest::keyClick(view, Qt::Key_Return);
        CHECK(jumped.count() == 1);
        REQUIRE(offer->isVisible());
        QTest::keyClick(offer, Qt::Key_Escape);
        CHECK_FALSE(offer->isVisible());
        CHECK(quoted.isEmpty());
        QTest::keyClick(view, Qt::Key_Enter, Qt::KeypadModifier);
        REQUIRE(offer->isVisible());
        offer->activeAction()->trigger();
        REQUIRE(quoted.count() == 1);
        CHECK(quoted[0][0].value<Problem>().suggestedFigure == QStringLiteral("vpn-bremen"));
    }
    SECTION("a problem without a suggestion offers nothing; the context menu entry follows the row")
    {
        clickRow(view, 0);
        CHECK(jumped.count() == 1);
        CHECK_FALSE(offer->isVisible());
        CHECK_FALSE(panel.quoteAction()->isEnabled());
        CHECK(view->actions().contains(panel.quoteAction()));
        view->setCurrentIndex(panel.model()->index(1));
        REQUIRE(panel.quoteAction()->isEnabled());
        panel.quoteAction()->trigger();
        REQUIRE(quoted.count() == 1);
        CHECK(quoted[0][0].value<Problem>() == typed);
    }
}
