// The workspace search in the window (#12): typing in the search field shows hits (searched off the UI
// thread), filters narrow them, a hit opens its Vorlage at the place found with the words highlighted, and a
// decided Vorlage's Beschluss item is taken word for word into the open draft.
#include "uitestutil.h"

#include "commands.h"
#include "dateedit.h"
#include "documentsaver.h"
#include "searchpanel.h"
#include "vorlagedocument.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTextEdit>
#include <QUndoStack>

using namespace vw;

namespace {

struct Fixture : DemoWindow {
    Fixture() : DemoWindow(QStringLiteral("suche.vorlagen"), QStringLiteral("Anna Beispiel")) {}

    SearchPanel *panel() const { return window.searchPanel(); }

    // Types `words` into the search field as a user does and waits for the answer.
    void search(const QString &words)
    {
        window.findChild<QAction *>(QStringLiteral("actionSearchWorkspace"))->trigger();
        QLineEdit *edit = panel()->searchEdit();
        REQUIRE(edit->hasFocus());
        edit->clear();
        typeText(edit, words);
        QTRY_VERIFY(!panel()->isSearching());
    }

    QList<SearchHit> hits() const { return panel()->results()->hits(); }

    int rowOf(const QString &placePrefix) const
    {
        for (int i = 0; i < hits().size(); ++i)
            if (hits()[i].placeKey.startsWith(placePrefix))
                return i;
        return -1;
    }

    void click(int row)
    {
        QListView *view = panel()->resultView();
        const QRect rect = view->visualRect(panel()->results()->index(row));
        REQUIRE(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    }
};

} // namespace

TEST_CASE("typing in the search field shows hits in place of the list; Escape brings the list back", "[ui][search]")
{
    Fixture f;
    f.search(QStringLiteral("Tablets"));
    CHECK(f.panel()->isActive());
    CHECK_FALSE(f.window.vorlagenView()->isVisible());
    CHECK(f.panel()->resultView()->isVisible());
    REQUIRE_FALSE(f.hits().isEmpty());
    for (const SearchHit &hit : f.hits())
        CHECK(hit.vorlageId == f.beschlussvorlage);
    CHECK(f.panel()->summaryLabel()->text().endsWith(QStringLiteral("Treffer")));

    // Umlauts and case are folded, a prefix finds the word, a word that is nowhere says so.
    f.search(QStringLiteral("ENDGERAETE"));
    CHECK_FALSE(f.hits().isEmpty());
    f.search(QStringLiteral("Homeoff*"));
    REQUIRE_FALSE(f.hits().isEmpty());
    CHECK(f.hits().first().vorlageId == f.fragestunde);
    f.search(QStringLiteral("Quastenflosser"));
    CHECK(f.hits().isEmpty());
    CHECK(f.panel()->summaryLabel()->text() == QStringLiteral("Keine Treffer für „Quastenflosser“."));

    // Return before the answer has come opens its first hit when it comes.
    f.panel()->searchEdit()->clear();
    typeText(f.panel()->searchEdit(), QStringLiteral("Landesanteil"));
    QTest::keyClick(f.panel()->searchEdit(), Qt::Key_Return);
    QTRY_COMPARE(f.window.currentVorlageId(), f.beschlussvorlage);
    QTRY_VERIFY(!f.window.currentEditor()->foundWords().isEmpty());

    f.window.currentEditor()->setFocus();
    QTest::keyClick(&f.window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    REQUIRE(f.panel()->searchEdit()->hasFocus());
    CHECK(f.panel()->searchEdit()->selectedText() == QStringLiteral("Landesanteil"));
    QTest::keyClick(f.panel()->searchEdit(), Qt::Key_Escape);
    CHECK(f.panel()->searchEdit()->text().isEmpty());
    CHECK_FALSE(f.panel()->isActive());
    CHECK(f.window.vorlagenView()->isVisible());
    CHECK(f.window.vorlagenView()->model()->rowCount() == 2);
}

TEST_CASE("the filters narrow the hits", "[ui][search]")
{
    Fixture f;
    f.search(QStringLiteral("Senat"));
    QList<qint64> both;
    for (const SearchHit &hit : f.hits())
        if (!both.contains(hit.vorlageId))
            both << hit.vorlageId;
    REQUIRE(both.size() == 2);

    f.panel()->kindFilter()->setCurrentIndex(f.panel()->kindFilter()->findData(kindKey(VorlageKind::Fragestunde)));
    QTRY_VERIFY(!f.panel()->isSearching());
    REQUIRE_FALSE(f.hits().isEmpty());
    for (const SearchHit &hit : f.hits())
        CHECK(hit.vorlageId == f.fragestunde);

    f.panel()->kindFilter()->setCurrentIndex(0);
    f.panel()->statusFilter()->setCurrentIndex(f.panel()->statusFilter()->findData(QStringLiteral("decided")));
    QTRY_VERIFY(!f.panel()->isSearching());
    CHECK(f.hits().isEmpty()); // nothing in the demo is decided yet
    CHECK(f.panel()->summaryLabel()->text().contains(QStringLiteral("mit diesen Filtern")));

    f.panel()->statusFilter()->setCurrentIndex(0);
    f.panel()->fromFilter()->setDate(QDate(2020, 11, 1));
    emit f.panel()->fromFilter()->dateChanged(QDate(2020, 11, 1)); // as when the user finishes typing
    QTRY_VERIFY(!f.panel()->isSearching());
    REQUIRE_FALSE(f.hits().isEmpty());
    for (const SearchHit &hit : f.hits())
        CHECK(hit.sessionDate >= QDate(2020, 11, 1));
}

TEST_CASE("a hit opens its Vorlage at the place found, the words highlighted", "[ui][search]")
{
    Fixture f;
    f.open(f.fragestunde);
    f.search(QStringLiteral("Landesanteil"));
    const int row = f.rowOf(QStringLiteral("beschluss:"));
    REQUIRE(row >= 0);
    f.click(row);
    CHECK(f.window.currentVorlageId() == f.beschlussvorlage);
    VorlageEditor *editor = f.window.currentEditor();
    REQUIRE(editor);
    CHECK(editor->foundWords() == QStringList{QStringLiteral("Landesanteil")});
    // The cursor is in that Beschluss item, at the word.
    auto *edit = qobject_cast<QTextEdit *>(f.window.focusWidget());
    REQUIRE(edit);
    CHECK(edit->toPlainText().contains(QStringLiteral("Bremen-Fonds")));
    CHECK(edit->toPlainText().mid(edit->textCursor().position()).startsWith(QStringLiteral("Landesanteil")));
    CHECK(edit->visibleRegion().boundingRect().contains(edit->cursorRect())); // scrolled into view

    // A section: the words of a phrase, in the right one of its fields.
    f.search(QStringLiteral("\"elektronischen Informationsregister\""));
    const int section = f.rowOf(QStringLiteral("section:"));
    REQUIRE(section >= 0);
    QTest::keyClick(f.panel()->searchEdit(), Qt::Key_Down);
    f.panel()->resultView()->setCurrentIndex(f.panel()->results()->index(section));
    QTest::keyClick(f.panel()->resultView(), Qt::Key_Return);
    REQUIRE(f.window.currentEditor());
    CHECK_FALSE(f.window.currentEditor()->foundWords().isEmpty());
    for (const QString &w : f.window.currentEditor()->foundWords())
        CHECK(w == QStringLiteral("elektronischen Informationsregister"));

    // The highlights go with the next change.
    Commands::setTitle(f.window.currentEditor()->document(), QStringLiteral("Tablets für Lehrkräfte"));
    CHECK(f.window.currentEditor()->foundWords().isEmpty());
}

TEST_CASE("hits follow a save of the open Vorlage", "[ui][search]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    f.search(QStringLiteral("Quastenflosser"));
    CHECK(f.hits().isEmpty());
    Commands::setTitle(editor->document(), QStringLiteral("Quastenflosser im Schulaquarium"));
    editor->flush();
    QTRY_VERIFY(!f.hits().isEmpty());
    CHECK(f.hits().first().placeKey == QStringLiteral("header:title"));
}

TEST_CASE("a decided Beschluss item is taken word for word into the open draft, with its source", "[ui][search]")
{
    Fixture f;
    Workspace *ws = f.window.workspace();
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::InAbstimmung).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::Beschlussreif).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    f.window.reloadVorlage(f.beschlussvorlage); // as the Vorlage menu's status change does
    const Vorlage decided = ws->load(f.beschlussvorlage).value();
    auto draft = f.window.createVorlage(VorlageKind::Beschlussvorlage);
    REQUIRE(draft.ok());
    REQUIRE(f.window.currentVorlageId() == draft.value());
    const int itemsBefore = int(f.window.currentVorlage()->beschluss.size());

    f.search(QStringLiteral("Bremen-Fonds"));
    const int row = f.rowOf(QStringLiteral("beschluss:"));
    REQUIRE(row >= 0);
    QPushButton *quote = f.panel()->quoteButton();
    f.panel()->resultView()->setCurrentIndex(f.panel()->results()->index(row));
    REQUIRE(quote->isVisible());
    REQUIRE(quote->isEnabled());
    QTest::mouseClick(quote, Qt::LeftButton);

    const Vorlage &now = *f.window.currentVorlage();
    REQUIRE(now.id == draft.value());
    REQUIRE(now.beschluss.size() == itemsBefore + 1);
    const BeschlussItem &taken = now.beschluss.last();
    const BeschlussItem &source = decided.beschluss[1];
    CHECK(taken.text.plainText() == source.text.plainText(&f.window.figureValues()));
    CHECK(taken.quotedFromVorlage == f.beschlussvorlage);
    CHECK(taken.quotedFromItem == source.id);
    // The editor names the source, and the workspace has it after the save.
    auto *note = f.window.currentEditor()->findChildren<QLabel *>(QStringLiteral("quotedFrom")).last();
    QTRY_VERIFY(note->isVisible()); // the new row shows once the event loop runs
    CHECK(note->text().startsWith(QStringLiteral("Wörtlich übernommen aus „Digitale Endgeräte")));
    CHECK(note->toolTip().contains(decided.title));
    f.window.currentEditor()->flush();
    const Vorlage stored = ws->load(draft.value()).value();
    CHECK(stored.beschluss.last().quotedFromItem == source.id);

    // The decided Vorlage itself cannot take it: the button says why.
    REQUIRE(f.window.openVorlage(f.beschlussvorlage));
    CHECK_FALSE(quote->isEnabled());
    CHECK(quote->toolTip().contains(QStringLiteral("Entwurf")));
}

TEST_CASE("a Beschluss item of an undecided Vorlage is not offered for taking over", "[ui][search]")
{
    Fixture f;
    f.open(f.fragestunde);
    f.search(QStringLiteral("Landesanteil"));
    const int row = f.rowOf(QStringLiteral("beschluss:"));
    REQUIRE(row >= 0);
    f.panel()->resultView()->setCurrentIndex(f.panel()->results()->index(row));
    CHECK(f.panel()->quoteButton()->isVisible());
    CHECK_FALSE(f.panel()->quoteButton()->isEnabled());
    CHECK(f.panel()->quoteButton()->toolTip().contains(QStringLiteral("beschlossener")));
    CHECK_FALSE(f.window.quoteBeschluss(f.hits()[row]).ok());
}
