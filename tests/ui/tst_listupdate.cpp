#include "testutil.h"
#include "uitestutil.h"

#include "contentedit.h"
#include "documentsaver.h"
#include "headerform.h"
#include "sectionform.h"
#include "vorlagelistmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

using namespace vw;

namespace {

// The window's list as the user sees it: the view's (sorted, filtered) model, and the model behind it.
struct ListWindow : DemoWindow {
    ListWindow() : DemoWindow(QStringLiteral("list.vorlagen")) {}

    QAbstractItemModel *shown() const { return window.vorlagenView()->model(); }
    QAbstractItemModel *source() const { return qobject_cast<QSortFilterProxyModel *>(shown())->sourceModel(); }

    // The row of Vorlage `id` in the view, -1 when it is not shown.
    int shownRow(qint64 id) const
    {
        for (int r = 0; r < shown()->rowCount(); ++r) {
            if (shown()->index(r, 0).data(VorlageListModel::IdRole).toLongLong() == id)
                return r;
        }
        return -1;
    }
    QString shownTitle(int row) const
    {
        return shown()->index(row, VorlageListModel::TitleColumn).data().toString();
    }
};

QLineEdit *titleEdit(VorlageEditor *editor)
{
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    return title;
}

} // namespace

TEST_CASE("an autosave updates the saved Vorlage's row of the list, without resetting the list", "[ui][list]")
{
    ListWindow f;
    QAbstractItemModelTester tester(f.source(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    const int sourceRow = qobject_cast<VorlageListModel *>(f.source())->rowOf(f.beschlussvorlage);
    REQUIRE(sourceRow >= 0);
    QSignalSpy resets(f.source(), &QAbstractItemModel::modelReset);
    QSignalSpy shownResets(f.shown(), &QAbstractItemModel::modelReset);
    QSignalSpy changes(f.source(), &QAbstractItemModel::dataChanged);
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);

    // Typing in section B: saved, and only this Vorlage's row is announced.
    ContentEdit *b = editor->sectionForm(QStringLiteral("B"))->textEdits().first();
    b->setFocus();
    QTest::keyClick(b, Qt::Key_End, Qt::ControlModifier);
    typeText(b, QStringLiteral(" Die Geräte bleiben Eigentum der Stadtgemeinde."));
    REQUIRE(saved.wait(3000));
    REQUIRE(changes.count() >= 1);
    for (const QList<QVariant> &change : changes) {
        CHECK(change.at(0).toModelIndex().row() == sourceRow);
        CHECK(change.at(1).toModelIndex().row() == sourceRow);
    }
    CHECK(resets.isEmpty());
    CHECK(shownResets.isEmpty());

    // Typing the title: after the autosave the list shows it, and the row is still the current one.
    changes.clear();
    saved.clear();
    QLineEdit *title = titleEdit(editor);
    title->setFocus();
    title->end(false);
    typeText(title, QStringLiteral(" (Neufassung für 2021)"));
    REQUIRE(saved.wait(3000));
    const int row = f.shownRow(f.beschlussvorlage);
    REQUIRE(row >= 0);
    CHECK(f.shownTitle(row) == QStringLiteral("Digitale Endgeräte für Lehrkräfte an öffentlichen Schulen (Neufassung für 2021)"));
    CHECK(changes.count() >= 1);
    CHECK(resets.isEmpty());
    CHECK(shownResets.isEmpty());
    CHECK(f.window.vorlagenView()->currentIndex().row() == row);
    CHECK(f.window.currentVorlageId() == f.beschlussvorlage);
    CHECK(f.window.editors().size() == 1);
}

TEST_CASE("the list's order and filter follow a row changed by an autosave", "[ui][list]")
{
    ListWindow f;
    QTableView *view = f.window.vorlagenView();
    view->sortByColumn(VorlageListModel::TitleColumn, Qt::AscendingOrder);
    // "Digitale Endgeräte …" before "Mobiles Arbeiten …"
    REQUIRE(f.shownRow(f.beschlussvorlage) == 0);
    REQUIRE(f.shownRow(f.fragestunde) == 1);
    QSignalSpy resets(f.source(), &QAbstractItemModel::modelReset);

    // A new first word sorts the Fragestunde to the top.
    VorlageEditor *fragestunde = f.open(f.fragestunde);
    QSignalSpy saved(fragestunde->saver(), &DocumentSaver::saved);
    QLineEdit *title = titleEdit(fragestunde);
    title->setFocus();
    title->home(false);
    typeText(title, QStringLiteral("Arbeit an Schulen: "));
    REQUIRE(saved.wait(3000));
    CHECK(f.shownRow(f.fragestunde) == 0);
    CHECK(f.shownRow(f.beschlussvorlage) == 1);
    CHECK(f.shownTitle(0) == QStringLiteral("Arbeit an Schulen: Mobiles Arbeiten in der bremischen Verwaltung"));
    CHECK(view->currentIndex().row() == 0);

    // Both titles say "Schulen" now. The Beschlussvorlage's new title does not: it leaves the filtered list,
    // its tab stays, and the other Vorlage is not opened in its place.
    f.window.setFilterText(QStringLiteral("Schulen"));
    REQUIRE(f.shown()->rowCount() == 2);
    VorlageEditor *beschluss = f.open(f.beschlussvorlage);
    QSignalSpy savedBeschluss(beschluss->saver(), &DocumentSaver::saved);
    title = titleEdit(beschluss);
    title->setFocus();
    title->selectAll();
    typeText(title, QStringLiteral("Tablets für Lehrkräfte"));
    REQUIRE(savedBeschluss.wait(3000));
    CHECK(f.shown()->rowCount() == 1);
    CHECK(f.shownRow(f.beschlussvorlage) == -1);
    CHECK(f.window.currentVorlageId() == f.beschlussvorlage);
    CHECK_FALSE(view->currentIndex().isValid());
    CHECK(resets.isEmpty());

    // A click on the remaining row opens it.
    const QRect rect = view->visualRect(f.shown()->index(0, VorlageListModel::TitleColumn));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    CHECK(f.window.currentVorlageId() == f.fragestunde);

    // Typed back into the filter's words, the row returns.
    f.open(f.beschlussvorlage);
    savedBeschluss.clear();
    title->setFocus();
    title->end(false);
    typeText(title, QStringLiteral(" an Schulen"));
    REQUIRE(savedBeschluss.wait(3000));
    CHECK(f.shown()->rowCount() == 2);
    const int row = f.shownRow(f.beschlussvorlage);
    REQUIRE(row >= 0);
    CHECK(f.shownTitle(row) == QStringLiteral("Tablets für Lehrkräfte an Schulen"));
    CHECK(view->currentIndex().row() == row);
    CHECK(resets.isEmpty());
}
