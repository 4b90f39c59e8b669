#include "testutil.h"
#include "uitestutil.h"

#include "anlageneditor.h"
#include "annotationpane.h"
#include "beteiligungeditor.h"
#include "commands.h"
#include "comparisondialog.h"
#include "contentedit.h"
#include "decisiondialog.h"
#include "demo.h"
#include "documentsaver.h"
#include "headerform.h"
#include "mainwindow.h"
#include "sectionform.h"
#include "statusbanner.h"
#include "versionsdialog.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "vorlagelistmodel.h"
#include "vorlagemenu.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QWheelEvent>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoGroup>

#include <functional>

using namespace vw;

namespace {

struct Fixture : DemoWindow {
    Fixture() : DemoWindow(QStringLiteral("status.vorlagen"), QStringLiteral("Anna Beispiel")) {}

    Vorlage stored(qint64 id) { return window.workspace()->load(id).value(); }

    // Takes the Vorlage to Beschlossen in the workspace, as the Senate's decision would.
    void decide(qint64 id)
    {
        Workspace *ws = window.workspace();
        REQUIRE(ws->setStatus(id, Status::InAbstimmung).ok());
        REQUIRE(ws->setStatus(id, Status::Beschlussreif).ok());
        REQUIRE(ws->setStatus(id, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    }
};

// Runs `answer` on the next modal dialog of type T once it is shown (a modal exec() blocks the test).
template <typename T> void answerNextDialog(std::function<void(T *)> answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<T *>(modal);
        REQUIRE(dialog);
        answer(dialog);
    });
}

ContentEdit *sectionEdit(VorlageEditor *editor, const QString &label)
{
    SectionForm *form = editor->sectionForm(label);
    REQUIRE(form);
    REQUIRE_FALSE(form->textEdits().isEmpty());
    return form->textEdits().first();
}

QString listStatus(MainWindow &window, qint64 id)
{
    auto *view = window.vorlagenView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, VorlageListModel::StatusColumn);
        if (index.data(VorlageListModel::IdRole).toLongLong() == id)
            return index.data().toString();
    }
    return {};
}

// The text of all fragments of `doc` with `test` true for their character format.
QString fragmentsWhere(const QTextDocument *doc, const std::function<bool(const QTextCharFormat &)> &test)
{
    QString result;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (test(it.fragment().charFormat()))
                result += it.fragment().text() + QLatin1Char('|');
    return result;
}

} // namespace

TEST_CASE("a status change from the menu saves typing first, records a version and shows the banner", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    CHECK(editor->statusBanner()->text() == QStringLiteral("Status: Entwurf"));
    VorlageMenu *menu = f.window.vorlageMenu();
    CHECK(menu->statusAction(Status::Entwurf)->isChecked());
    CHECK(menu->statusAction(Status::InAbstimmung)->isEnabled());
    CHECK_FALSE(menu->statusAction(Status::Beschlossen)->isEnabled()); // not before Beschlussreif
    CHECK_FALSE(menu->statusAction(Status::Veroeffentlicht)->isEnabled());

    // Typed but not yet recorded: the status change must not lose it.
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, QStringLiteral(" Zuletzt ergänzt."));
    menu->statusAction(Status::InAbstimmung)->trigger();

    const Vorlage stored = f.stored(f.beschlussvorlage);
    CHECK(stored.status == Status::InAbstimmung);
    CHECK(contentPlainText(stored.section(QStringLiteral("C"))->content).endsWith(QStringLiteral("Zuletzt ergänzt.")));
    const auto versions = f.window.workspace()->versions(f.beschlussvorlage).value();
    REQUIRE(versions.size() == 1);
    CHECK(versions.first().automatic);
    CHECK(versions.first().status == Status::InAbstimmung);
    CHECK(versions.first().author == QStringLiteral("Anna Beispiel"));
    CHECK(f.window.currentEditor() == editor);
    CHECK(editor->statusBanner()->text() == QStringLiteral("Status: In Abstimmung"));
    CHECK(listStatus(f.window, f.beschlussvorlage) == QStringLiteral("In Abstimmung"));
    CHECK(menu->statusAction(Status::InAbstimmung)->isChecked());
    CHECK(menu->statusAction(Status::Entwurf)->isEnabled()); // back is allowed before the decision
    CHECK_FALSE(editor->isReadOnly());

    menu->statusAction(Status::Beschlussreif)->trigger();
    REQUIRE(f.stored(f.beschlussvorlage).status == Status::Beschlussreif);
    REQUIRE(menu->statusAction(Status::Beschlossen)->isEnabled());

    // "Beschlossen …" asks for the session date and the outcome.
    answerNextDialog<DecisionDialog>([](DecisionDialog *d) {
        d->setSessionDate(QDate(2020, 11, 24));
        d->setOutcome(Outcome::Unveraendert);
        d->accept();
    });
    menu->statusAction(Status::Beschlossen)->trigger();
    const Vorlage decided = f.stored(f.beschlussvorlage);
    CHECK(decided.status == Status::Beschlossen);
    CHECK(decided.sessionDate == QDate(2020, 11, 24));
    CHECK(decided.outcome == Outcome::Unveraendert);
    CHECK(editor->statusBanner()->text() ==
          QStringLiteral("Beschlossen in der Senatssitzung am 24.11.2020 (unverändert) – schreibgeschützt"));
    CHECK(editor->statusBanner()->neufassungButton()->isVisible());
    CHECK(editor->isReadOnly());
    CHECK(f.window.workspace()->versions(f.beschlussvorlage).value().size() == 3);
    CHECK(f.window.workspace()->statusHistory(f.beschlussvorlage).value().size() == 3);
    CHECK(listStatus(f.window, f.beschlussvorlage) == QStringLiteral("Beschlossen"));
    for (Status s : allStatuses())
        CHECK(menu->statusAction(s)->isEnabled() == (s == Status::Beschlossen));
}

TEST_CASE("Beschlussreif and Beschlossen warn of open suggestions and comments; „Erst entscheiden“ shows them",
          "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnnotationPane *pane = editor->annotationPane();
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    const auto select = [c](const QString &words) {
        c->setFocus(Qt::MouseFocusReason);
        const QTextCursor found = c->document()->find(words);
        REQUIRE_FALSE(found.isNull());
        c->setTextCursor(found);
    };
    select(QStringLiteral("geprüft"));
    const qint64 suggestion = pane->addSuggestion(QStringLiteral("untersucht")).value();
    select(QStringLiteral("Entschädigung"));
    REQUIRE(pane->addComment(QStringLiteral("Höhe?")).ok());
    VorlageMenu *menu = f.window.vorlageMenu();
    menu->statusAction(Status::InAbstimmung)->trigger(); // no warning: nothing is frozen on the way
    REQUIRE(f.stored(f.beschlussvorlage).status == Status::InAbstimmung);
    // The comment column switched off: „Erst entscheiden“ shows it again.
    QAction *showColumn = f.window.findChild<QAction *>(QStringLiteral("actionShowAnnotations"));
    REQUIRE(showColumn);
    showColumn->setChecked(false);
    REQUIRE_FALSE(pane->isVisible());

    QString shown;
    const auto answer = [&shown](const QString &button) {
        answerNextDialog<QMessageBox>([&shown, button](QMessageBox *box) {
            shown = box->text();
            for (QAbstractButton *b : box->buttons())
                if (b->text() == button)
                    b->click();
        });
    };
    answer(QStringLiteral("Erst entscheiden"));
    menu->statusAction(Status::Beschlussreif)->trigger();
    INFO(shown.toStdString());
    CHECK(shown.contains(QStringLiteral("1 offener Änderungsvorschlag")));
    CHECK(shown.contains(QStringLiteral("1 nicht erledigter Kommentar")));
    CHECK(f.stored(f.beschlussvorlage).status == Status::InAbstimmung);
    CHECK(menu->statusAction(Status::InAbstimmung)->isChecked());
    // The open threads in the column, the first in reading order current and its words selected.
    CHECK(pane->isVisible());
    CHECK(showColumn->isChecked());
    CHECK(pane->filter() == AnnotationPane::Filter::Open);
    REQUIRE(pane->shownIds().size() == 2);
    CHECK(pane->currentId() == pane->shownIds().first());
    CHECK(f.window.focusWidget() == c);
    const QString firstQuote = pane->currentId() == suggestion ? QStringLiteral("geprüft") : QStringLiteral("Entschädigung");
    CHECK(c->textCursor().selectedText() == firstQuote);

    // Decided there: the suggestion rejected. The comment stays open: „Trotzdem fortfahren“.
    REQUIRE(pane->reject(suggestion).ok());
    shown.clear();
    answer(QStringLiteral("Trotzdem fortfahren"));
    menu->statusAction(Status::Beschlussreif)->trigger();
    CHECK_FALSE(shown.contains(QStringLiteral("Änderungsvorschlag")));
    CHECK(shown.contains(QStringLiteral("1 nicht erledigter Kommentar")));
    CHECK(f.stored(f.beschlussvorlage).status == Status::Beschlussreif);

    // Beschlossen: the session first, then the same warning.
    shown.clear();
    answerNextDialog<DecisionDialog>([&](DecisionDialog *d) {
        d->setSessionDate(QDate(2020, 11, 24));
        d->setOutcome(Outcome::Unveraendert);
        answer(QStringLiteral("Erst entscheiden"));
        d->accept();
    });
    menu->statusAction(Status::Beschlossen)->trigger();
    CHECK(shown.contains(QStringLiteral("1 nicht erledigter Kommentar")));
    CHECK(f.stored(f.beschlussvorlage).status == Status::Beschlussreif);
    CHECK(menu->statusAction(Status::Beschlussreif)->isChecked());
    CHECK_FALSE(editor->isReadOnly());
}

TEST_CASE("a refused status change is shown in a message box and changes nothing", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    VorlageMenu *menu = f.window.vorlageMenu();
    menu->statusAction(Status::InAbstimmung)->trigger();
    // An empty section A is an error: not Beschlussreif with it.
    Commands::setSectionContent(editor->document(), QStringLiteral("A"), {});
    QString shown;
    answerNextDialog<QMessageBox>([&shown](QMessageBox *box) {
        shown = box->text();
        box->accept();
    });
    menu->statusAction(Status::Beschlussreif)->trigger();
    CHECK(shown.contains(QStringLiteral("Fehler")));
    CHECK(f.stored(f.beschlussvorlage).status == Status::InAbstimmung);
    CHECK(editor->statusBanner()->text() == QStringLiteral("Status: In Abstimmung"));
    CHECK(menu->statusAction(Status::InAbstimmung)->isChecked());
}

TEST_CASE("a decided Vorlage refuses typing; „Neufassung anlegen“ opens a draft pointing to it", "[ui]")
{
    Fixture f;
    for (VorlageEditor *e : f.window.editors()) // opened as decided, not changed while open
        f.window.closeEditor(e);
    f.decide(f.beschlussvorlage);
    const Vorlage before = f.stored(f.beschlussvorlage);
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    REQUIRE(editor->isReadOnly());
    CHECK(editor->statusBanner()->text().endsWith(QStringLiteral("schreibgeschützt")));

    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    const Content text = c->content();
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, QStringLiteral(" Nachträglich geändert."));
    QTest::keyClick(c, Qt::Key_Return);
    QTest::keyClick(c, Qt::Key_Backspace);
    QTest::keyClick(c, Qt::Key_B, Qt::ControlModifier);
    CHECK(c->content() == text);
    CHECK_FALSE(c->boldAction()->isEnabled());
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    title->setFocus();
    typeText(title, QStringLiteral("X"));
    CHECK(title->text() == before.title);
    CHECK_FALSE(editor->beteiligungEditor()->addButton()->isEnabled());
    CHECK_FALSE(editor->anlagenEditor()->addButton()->isEnabled());
    CHECK_FALSE(editor->insertFigure(QStringLiteral("anything")));
    editor->flush();
    QTest::qWait(DocumentSaver::delayMs + 100);
    CHECK(editor->document()->undoStack()->count() == 0);
    CHECK_FALSE(editor->saver()->hasUnsavedChanges());
    CHECK(f.stored(f.beschlussvorlage) == before);

    QPushButton *neufassung = editor->statusBanner()->neufassungButton();
    REQUIRE(neufassung->isVisible());
    QTest::mouseClick(neufassung, Qt::LeftButton);
    VorlageEditor *draft = f.window.currentEditor();
    REQUIRE(draft);
    REQUIRE(draft != editor);
    CHECK(draft->document()->vorlage().predecessorId == f.beschlussvorlage);
    CHECK(draft->document()->vorlage().status == Status::Entwurf);
    CHECK_FALSE(draft->isReadOnly());
    CHECK(draft->statusBanner()->text().contains(QStringLiteral("Neufassung von Vorlage %1").arg(f.beschlussvorlage)));
    ContentEdit *draftC = sectionEdit(draft, QStringLiteral("C"));
    draftC->setFocus();
    QTest::keyClick(draftC, Qt::Key_End, Qt::ControlModifier);
    typeText(draftC, QStringLiteral(" Neu."));
    draft->flush();
    CHECK(contentPlainText(f.stored(draft->document()->vorlage().id).section(QStringLiteral("C"))->content)
              .endsWith(QStringLiteral("Neu.")));
    CHECK(f.stored(f.beschlussvorlage) == before);
}

TEST_CASE("the versions dialog lists versions, makes a named one and restores one as a new draft", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    const QString original = contentPlainText(editor->document()->vorlage().section(QStringLiteral("C"))->content);
    f.window.vorlageMenu()->statusAction(Status::InAbstimmung)->trigger();

    {
        VersionsDialog dialog(f.window.workspace(), f.beschlussvorlage, f.window.figureValues(), &f.window);
        QTableWidget *table = dialog.table();
        REQUIRE(table->rowCount() == 2); // the current state and the automatic version
        CHECK(table->item(0, VersionsDialog::NameColumn)->text() == QStringLiteral("Aktueller Stand"));
        CHECK(table->item(1, VersionsDialog::StatusColumn)->text() == QStringLiteral("In Abstimmung"));
        CHECK(table->item(1, VersionsDialog::KindColumn)->text() == QStringLiteral("automatisch"));
        CHECK(table->item(1, VersionsDialog::AuthorColumn)->text() == QStringLiteral("Anna Beispiel"));
        // German date and time: 24.11.2020, 14:03 Uhr
        CHECK(QRegularExpression(QStringLiteral("^\\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d Uhr$"))
                  .match(table->item(1, VersionsDialog::CreatedColumn)->text())
                  .hasMatch());
        CHECK(dialog.historyView()->topLevelItemCount() == 1);

        CHECK_FALSE(dialog.addVersion(QStringLiteral("  ")).ok());
        auto named = dialog.addVersion(QStringLiteral("zur Mitzeichnung"));
        REQUIRE(named.ok());
        CHECK(named->number == 2);
        REQUIRE(table->rowCount() == 3);
        CHECK(table->item(1, VersionsDialog::NameColumn)->text() == QStringLiteral("zur Mitzeichnung"));
        CHECK(table->item(1, VersionsDialog::KindColumn)->text() == QStringLiteral("von Hand"));
        CHECK(dialog.selectedNumbers() == QList<int>{2});

        // Opened read-only: its own editor, locked, the banner naming the version.
        auto opened = dialog.openSelected();
        REQUIRE(opened.ok());
        VorlageEditor *view = opened.value();
        CHECK(view->isReadOnly());
        CHECK(view->statusBanner()->text().contains(QStringLiteral("Fassung 2 „zur Mitzeichnung“")));
        CHECK(view->window()->windowTitle().endsWith(QStringLiteral("Fassung 2 (schreibgeschützt)")));
        ContentEdit *viewC = sectionEdit(view, QStringLiteral("C"));
        viewC->setFocus();
        typeText(viewC, QStringLiteral("X"));
        CHECK(contentPlainText(viewC->content()) == original);
        view->window()->close();
    }

    // Edit the current state, then bring version 2 back as a new draft, through the menu.
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, QStringLiteral(" Später hinzugefügt."));
    answerNextDialog<VersionsDialog>([](VersionsDialog *d) {
        d->selectNumbers({2});
        REQUIRE(d->restoreSelected().ok());
    });
    f.window.vorlageMenu()->versionsAction()->trigger();
    VorlageEditor *restored = f.window.currentEditor();
    REQUIRE(restored);
    REQUIRE(restored != editor);
    const Vorlage draft = restored->document()->vorlage();
    CHECK(draft.predecessorId == f.beschlussvorlage);
    CHECK(draft.status == Status::Entwurf);
    CHECK(contentPlainText(draft.section(QStringLiteral("C"))->content) == original);
    CHECK(contentPlainText(f.stored(f.beschlussvorlage).section(QStringLiteral("C"))->content)
              .endsWith(QStringLiteral("Später hinzugefügt.")));
}

TEST_CASE("the comparison dialog marks inserted and deleted words and saves a PDF", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    const QString original = contentPlainText(editor->document()->vorlage().section(QStringLiteral("C"))->content);
    REQUIRE(f.window.workspace()->addVersion(f.beschlussvorlage, QStringLiteral("vorher")).ok());
    Commands::setSectionContent(editor->document(), QStringLiteral("C"),
                                {Block::para(QStringLiteral("Geprüft wurde ausschließlich der Kauf."))});
    editor->flush();
    REQUIRE(f.window.workspace()->addVersion(f.beschlussvorlage, QStringLiteral("nachher")).ok());
    Commands::setSectionContent(editor->document(), QStringLiteral("C"),
                                {Block::para(QStringLiteral("Geprüft wurde auch das Leasing."))});
    editor->flush();

    VersionsDialog dialog(f.window.workspace(), f.beschlussvorlage, f.window.figureValues(), &f.window);
    dialog.selectNumbers({1, 2});
    auto compared = dialog.compareSelected();
    REQUIRE(compared.ok());
    ComparisonDialog *comparison = compared.value();
    CHECK(comparison->diff().changedCount() == 1);
    const auto changed = std::find_if(comparison->diff().places.cbegin(), comparison->diff().places.cend(),
                                      [](const PlaceDiff &p) { return p.changed; });
    REQUIRE(changed != comparison->diff().places.cend());
    CHECK(changed->label.contains(QStringLiteral("Alternativen")));
    CHECK(changed->beforeText() == original);
    CHECK(changed->afterText() == QStringLiteral("Geprüft wurde ausschließlich der Kauf."));
    CHECK_FALSE(fragmentsWhere(comparison->browser()->document(), [](const QTextCharFormat &format) { return format.fontUnderline(); })
                    .isEmpty());
    comparison->close();

    // Version 2 against the current state: word by word.
    dialog.selectNumbers({2});
    auto current = dialog.compareSelected();
    REQUIRE(current.ok());
    const QTextDocument *doc2 = current.value()->browser()->document();
    const QString ins = fragmentsWhere(doc2, [](const QTextCharFormat &format) { return format.fontUnderline(); });
    const QString del = fragmentsWhere(doc2, [](const QTextCharFormat &format) { return format.fontStrikeOut(); });
    CHECK(ins.contains(QStringLiteral("auch")));
    CHECK(ins.contains(QStringLiteral("Leasing")));
    CHECK(del.contains(QStringLiteral("ausschließlich")));
    CHECK(del.contains(QStringLiteral("Kauf")));
    CHECK_FALSE(ins.contains(QStringLiteral("Geprüft")));
    CHECK_FALSE(del.contains(QStringLiteral("Geprüft")));

    const QString pdf = f.dir.filePath(QStringLiteral("vergleich.pdf"));
    REQUIRE(current.value()->savePdf(pdf).ok());
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == QByteArray("%PDF-"));
    current.value()->close();
}

TEST_CASE("Beteiligung: add, change state and text, undo; it reaches the workspace", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    BeteiligungEditor *b = editor->beteiligungEditor();
    QTableWidget *table = b->table();
    const int before = table->rowCount();
    const qsizetype stored = f.stored(f.beschlussvorlage).beteiligung.size();
    REQUIRE(before == stored);

    // A free entry typed into the combo, and a Ressort from the dated table.
    b->addCombo()->setCurrentText(QStringLiteral("Magistrat Bremerhaven"));
    QTest::mouseClick(b->addButton(), Qt::LeftButton);
    REQUIRE(table->rowCount() == before + 1);
    const int row = before;
    CHECK(table->item(row, BeteiligungEditor::NameColumn)->text() == QStringLiteral("Magistrat Bremerhaven"));
    CHECK(b->addCombo()->currentText().isEmpty());
    const QString ressortName = b->addCombo()->itemText(0);
    const QString ressortKey = b->addCombo()->itemData(0).toString();
    REQUIRE_FALSE(ressortKey.isEmpty());
    CHECK(b->addEntry(ressortName));
    REQUIRE(table->rowCount() == before + 2);
    CHECK(editor->document()->vorlage().beteiligung.last().ressortKey == ressortKey);
    CHECK_FALSE(b->addEntry(QStringLiteral("magistrat bremerhaven"))); // already there: selected instead
    CHECK(b->currentRow() == row);

    // The state from its combo, by keyboard: Angefragt → Zugestimmt → … → Einwände.
    auto *state = qobject_cast<QComboBox *>(table->cellWidget(row, BeteiligungEditor::StateColumn));
    REQUIRE(state);
    state->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(state, Qt::Key_Down);
    CHECK(editor->document()->vorlage().beteiligung[row].state == Participation::State::Einwaende);
    table->item(row, BeteiligungEditor::TextColumn)->setText(QStringLiteral("Die Kosten für Bremerhaven fehlen."));
    CHECK(editor->document()->vorlage().beteiligung[row].text == QStringLiteral("Die Kosten für Bremerhaven fehlen."));
    CHECK(table->item(row, BeteiligungEditor::ResolvedColumn)->checkState() == Qt::Unchecked);
    // An open objection is a warning in the problems panel.
    editor->flush();
    QTest::qWait(200);
    CHECK(std::any_of(editor->problems().cbegin(), editor->problems().cend(),
                      [](const Problem &p) { return p.message.contains(QStringLiteral("Magistrat Bremerhaven")); }));

    Vorlage v = f.stored(f.beschlussvorlage);
    REQUIRE(v.beteiligung.size() == stored + 2);
    CHECK(v.beteiligung[row].name == QStringLiteral("Magistrat Bremerhaven"));
    CHECK(v.beteiligung[row].state == Participation::State::Einwaende);
    CHECK(v.beteiligung[row].text == QStringLiteral("Die Kosten für Bremerhaven fehlen."));
    CHECK(v.beteiligung[row].date == QDate::currentDate());

    table->item(row, BeteiligungEditor::ResolvedColumn)->setCheckState(Qt::Checked);
    CHECK(editor->document()->vorlage().beteiligung[row].resolved);

    // Undo, step by step, in the table too.
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    f.window.undoGroup()->undo();
    CHECK_FALSE(editor->document()->vorlage().beteiligung[row].resolved);
    CHECK(table->item(row, BeteiligungEditor::ResolvedColumn)->checkState() == Qt::Unchecked);
    f.window.undoGroup()->undo();
    CHECK(table->item(row, BeteiligungEditor::TextColumn)->text().isEmpty());
    f.window.undoGroup()->undo();
    f.window.undoGroup()->undo();
    f.window.undoGroup()->undo();
    CHECK(state->currentText() == participationStateLabel(Participation::State::Angefragt));
    f.window.undoGroup()->undo();
    CHECK(table->rowCount() == before + 1);
    REQUIRE(saved.wait(3000));
    CHECK(f.stored(f.beschlussvorlage).beteiligung.size() == stored + 1);

    b->removeEntry(row);
    CHECK(table->rowCount() == before);
    CHECK(editor->document()->vorlage().beteiligung.size() == stored);
}

TEST_CASE("„Abschnitt E vorschlagen“ fills E from the Beteiligung; an objection becomes an internal Anlage", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    BeteiligungEditor *b = editor->beteiligungEditor();
    const Content oldE = editor->document()->vorlage().section(QStringLiteral("E"))->content;
    REQUIRE(b->addEntry(QStringLiteral("Gesamtpersonalrat")));
    REQUIRE(b->addEntry(QStringLiteral("Magistrat Bremerhaven")));
    const int gpr = int(editor->document()->vorlage().beteiligung.size()) - 2;
    const int magistrat = gpr + 1;
    b->setState(gpr, Participation::State::Zugestimmt);
    b->setState(magistrat, Participation::State::Einwaende);
    b->setText(magistrat, QStringLiteral("Die Kosten für Bremerhaven fehlen."));

    // The button asks first; the answer "OK" replaces E.
    answerNextDialog<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Ok)->click(); });
    QTest::mouseClick(b->proposeButton(), Qt::LeftButton);
    const QString e = contentPlainText(editor->document()->vorlage().section(QStringLiteral("E"))->content);
    CHECK(e.contains(QStringLiteral("Gesamtpersonalrat")));
    CHECK(e.contains(QStringLiteral("Magistrat Bremerhaven hat Einwände erhoben: Die Kosten für Bremerhaven fehlen.")));
    CHECK(contentPlainText(sectionEdit(editor, QStringLiteral("E"))->content()) == e);
    f.window.undoGroup()->undo();
    CHECK(editor->document()->vorlage().section(QStringLiteral("E"))->content == oldE);
    f.window.undoGroup()->redo();

    // Attach the objection: an internal Anlage with its text, once.
    b->selectRow(gpr);
    CHECK_FALSE(b->attachButton()->isEnabled());
    b->selectRow(magistrat);
    REQUIRE(b->attachButton()->isEnabled());
    QTest::mouseClick(b->attachButton(), Qt::LeftButton);
    const QList<Anlage> anlagen = editor->document()->vorlage().anlagen;
    REQUIRE(anlagen.size() == 1);
    CHECK(anlagen.first().internal);
    CHECK(anlagen.first().text.contains(QStringLiteral("Die Kosten für Bremerhaven fehlen.")));
    CHECK(anlagen.first().title.contains(QStringLiteral("Magistrat Bremerhaven")));
    QTableWidget *anlagenTable = editor->anlagenEditor()->table();
    REQUIRE(anlagenTable->rowCount() == 1);
    CHECK(anlagenTable->item(0, AnlagenEditor::InternalColumn)->checkState() == Qt::Checked);
    CHECK_FALSE(b->attachObjection(magistrat)); // already attached
    editor->flush();
    CHECK(f.stored(f.beschlussvorlage).anlagen == anlagen);
}

TEST_CASE("Anlagen: a file is stored in the workspace, listed, reordered, edited and removed with undo", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    AnlagenEditor *a = editor->anlagenEditor();
    const QByteArray data = QByteArrayLiteral("Kostenaufstellung\nGeräte: 4750\n");
    const QString path = f.dir.filePath(QStringLiteral("Kostenaufstellung.txt"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(data);
    }
    const QString bad = f.dir.filePath(QStringLiteral("bild.png"));
    {
        QFile file(bad);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(QByteArrayLiteral("\x89PNG\r\n\x1a\n0000"));
    }
    CHECK_FALSE(a->addFile(bad).ok());
    REQUIRE(a->addFile(path).ok());
    REQUIRE(a->addFile(path).ok());
    QList<Anlage> list = editor->document()->vorlage().anlagen;
    REQUIRE(list.size() == 2);
    CHECK(list[0].title == QStringLiteral("Kostenaufstellung"));
    CHECK(list[0].fileName == QStringLiteral("Kostenaufstellung.txt"));
    CHECK(list[0].mediaType == QStringLiteral("text/plain"));
    CHECK(list[0].size == data.size());
    CHECK(f.window.workspace()->blob(list[0].sha256).value() == data);
    QTableWidget *table = a->table();
    REQUIRE(table->rowCount() == 2);
    CHECK(table->item(0, AnlagenEditor::FileColumn)->text().startsWith(QStringLiteral("Kostenaufstellung.txt")));

    table->item(1, AnlagenEditor::TitleColumn)->setText(QStringLiteral("Zweite Aufstellung"));
    table->item(1, AnlagenEditor::InternalColumn)->setCheckState(Qt::Checked);
    table->item(1, AnlagenEditor::LicenceColumn)->setText(QStringLiteral("CC BY 4.0"));
    list = editor->document()->vorlage().anlagen;
    CHECK(list[1].title == QStringLiteral("Zweite Aufstellung"));
    CHECK(list[1].internal);
    CHECK(list[1].licence == QStringLiteral("CC BY 4.0"));

    a->moveAnlage(1, 0);
    CHECK(editor->document()->vorlage().anlagen[0].title == QStringLiteral("Zweite Aufstellung"));
    CHECK(table->item(0, AnlagenEditor::TitleColumn)->text() == QStringLiteral("Zweite Aufstellung"));
    editor->flush();
    CHECK(f.stored(f.beschlussvorlage).anlagen == editor->document()->vorlage().anlagen);
    a->removeAnlage(0);
    CHECK(table->rowCount() == 1);
    f.window.undoGroup()->undo();
    f.window.undoGroup()->undo();
    CHECK(editor->document()->vorlage().anlagen[1].title == QStringLiteral("Zweite Aufstellung"));
    CHECK(table->rowCount() == 2);
}

TEST_CASE("the mouse wheel over a combo box or date field scrolls the page and changes nothing", "[ui]")
{
    Fixture f;
    VorlageEditor *e = f.open(f.beschlussvorlage);
    auto *kind = e->findChild<QComboBox *>(QStringLiteral("kindCombo"));
    if (!kind) {
        const auto combos = e->findChildren<QComboBox *>();
        REQUIRE_FALSE(combos.isEmpty());
        kind = combos.first();
    }
    const int before = kind->currentIndex();
    const Vorlage stored = f.window.workspace()->load(f.beschlussvorlage).value();
    kind->clearFocus();
    for (const int delta : {-120, 120, -120}) {
        QWheelEvent wheel(QPointF(5, 5), kind->mapToGlobal(QPointF(5, 5)), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(kind, &wheel);
    }
    CHECK(kind->currentIndex() == before);
    QTest::qWait(700); // longer than the autosave delay
    CHECK(f.window.workspace()->load(f.beschlussvorlage).value() == stored);
}

TEST_CASE("an objection of a decided Vorlage can still be marked as settled, and nothing else changes", "[ui]")
{
    Fixture f;
    Workspace *ws = f.window.workspace();
    Vorlage v = ws->load(f.beschlussvorlage).value();
    Participation objection;
    objection.id = newItemId();
    objection.name = QStringLiteral("Gesamtpersonalrat");
    objection.state = Participation::State::Einwaende;
    objection.text = QStringLiteral("Mitbestimmung fehlt");
    v.beteiligung << objection;
    REQUIRE(ws->save(v).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::InAbstimmung).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::Beschlussreif).ok());
    REQUIRE(ws->setStatus(f.beschlussvorlage, Status::Beschlossen, QDate(2020, 11, 17), Outcome::Unveraendert).ok());
    const Vorlage decided = ws->load(f.beschlussvorlage).value();
    f.window.reloadVorlage(f.beschlussvorlage); // a tab may be open already

    VorlageEditor *e = f.open(f.beschlussvorlage);
    REQUIRE(e->isReadOnly());
    QTableWidget *table = e->beteiligungEditor()->table();
    const int row = int(decided.beteiligung.size()) - 1;
    QTableWidgetItem *settled = table->item(row, BeteiligungEditor::ResolvedColumn);
    REQUIRE((settled->flags() & Qt::ItemIsUserCheckable));
    settled->setCheckState(Qt::Checked);

    const Vorlage after = ws->load(f.beschlussvorlage).value();
    CHECK(after.beteiligung.last().resolved);
    Vorlage expected = decided;
    expected.beteiligung.last().resolved = true;
    expected.revision = after.revision;
    expected.modified = after.modified;
    CHECK(after == expected);
    CHECK(e->isReadOnly());
    CHECK(e->document()->vorlage().beteiligung.last().resolved);
    // The state of the entry stays locked.
    auto *state = qobject_cast<QComboBox *>(table->cellWidget(row, BeteiligungEditor::StateColumn));
    REQUIRE(state);
    CHECK_FALSE(state->isEnabled());
}
