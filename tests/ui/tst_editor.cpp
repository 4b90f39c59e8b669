#include "testutil.h"
#include "uitestutil.h"

#include "commands.h"
#include "contentedit.h"
#include "demo.h"
#include "documentsaver.h"
#include "figurecandidatesdialog.h"
#include "headerform.h"
#include "itemlisteditor.h"
#include "mainwindow.h"
#include "pdfpreview.h"
#include "sectionform.h"
#include "validationpanel.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "templates.h"
#include "vorlagejson.h"
#include "workspace.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFile>
#include <QTableWidget>
#include <QCompleter>
#include <QPdfDocument>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoGroup>

using namespace vw;

namespace {

struct Fixture : DemoWindow {
    Fixture() : DemoWindow(QStringLiteral("editor.vorlagen")) {}

    Vorlage stored(qint64 id) { return window.workspace()->load(id).value(); }
};

ContentEdit *sectionEdit(VorlageEditor *editor, const QString &label)
{
    SectionForm *form = editor->sectionForm(label);
    REQUIRE(form);
    REQUIRE_FALSE(form->textEdits().isEmpty());
    return form->textEdits().first();
}

} // namespace

TEST_CASE("typing into a section, umlauts too, reaches the workspace without saving", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    typeText(c, QStringLiteral(" Geprüft würde außerdem „Leasing“."));
    REQUIRE(saved.wait(3000));
    const QString text = contentPlainText(f.stored(f.beschlussvorlage).section(QStringLiteral("C"))->content);
    CHECK(text.endsWith(QStringLiteral("Geprüft würde außerdem „Leasing“.")));
}

TEST_CASE("undo and redo work across fields and bring the cursor back", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    const Vorlage before = editor->document()->vorlage();

    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    title->setFocus();
    title->end(false);
    typeText(title, QStringLiteral(" (neu)"));
    CHECK(editor->document()->vorlage().title == before.title + QStringLiteral(" (neu)"));

    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, QStringLiteral(" Ergänzt."));
    editor->flush();
    CHECK(contentPlainText(editor->document()->vorlage().section(QStringLiteral("C"))->content).endsWith(QStringLiteral("Ergänzt.")));

    // Ctrl+Z is the window's: the text editor must not keep it for itself.
    QTest::keyClick(c, Qt::Key_Z, Qt::ControlModifier);
    CHECK(editor->document()->vorlage().section(QStringLiteral("C"))->content == before.section(QStringLiteral("C"))->content);
    CHECK(c->content() == before.section(QStringLiteral("C"))->content);
    CHECK(QApplication::focusWidget() == c);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(editor->document()->vorlage().title == before.title);
    CHECK(title->text() == before.title);
    CHECK(QApplication::focusWidget() == title);

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(title->text() == before.title + QStringLiteral(" (neu)"));
    f.window.undoGroup()->redo();
    CHECK(contentPlainText(c->content()).endsWith(QStringLiteral("Ergänzt.")));
    CHECK(QApplication::focusWidget() == c);
}

TEST_CASE("questions are added and reordered, the answers follow", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.fragestunde);
    SectionForm *a = editor->sectionForm(QStringLiteral("A"));
    SectionForm *b = editor->sectionForm(QStringLiteral("B"));
    REQUIRE(a->questionsEditor());
    const Vorlage before = editor->document()->vorlage();

    QTest::mouseClick(a->questionsEditor()->addButton(), Qt::LeftButton);
    REQUIRE(a->questionsEditor()->rowCount() == 4);
    QTextEdit *fourth = a->questionsEditor()->textEdit(3);
    CHECK(QApplication::focusWidget() == fourth);
    typeText(fourth, QStringLiteral("Wie viele Geräte fehlen noch?"));
    CHECK(editor->document()->vorlage().questions[3].text.plainText() == QStringLiteral("Wie viele Geräte fehlen noch?"));
    REQUIRE(b->answerEdit(3));
    // The new question has no answer yet: validation says so.
    editor->validationPanel()->setProblems(validate(editor->document()->vorlage(), f.window.workspace()->ressorts()));
    CHECK(editor->validationPanel()->summary().contains(QStringLiteral("Fehler")));

    b->answerEdit(3)->setFocus();
    typeText(b->answerEdit(3), QStringLiteral("Es fehlen zwölf."));
    b->flush();
    Commands::moveQuestion(editor->document(), 3, 0);
    REQUIRE(b->answerEdit(0));
    CHECK(contentPlainText(b->answerEdit(0)->content()) == QStringLiteral("Es fehlen zwölf."));
    CHECK(contentPlainText(b->answerEdit(1)->content()) == contentPlainText(before.questions[0].answer));
    CHECK(a->questionsEditor()->textEdit(0)->toPlainText() == QStringLiteral("Wie viele Geräte fehlen noch?"));
}

TEST_CASE("undoing a change to the list of questions puts the cursor into the first question, as for Beschluss items", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.fragestunde);
    SectionForm *a = editor->sectionForm(QStringLiteral("A"));
    REQUIRE(a->questionsEditor());
    QTest::mouseClick(a->questionsEditor()->addButton(), Qt::LeftButton);
    REQUIRE(a->questionsEditor()->rowCount() == 4);
    CHECK(QApplication::focusWidget() == a->questionsEditor()->textEdit(3));

    editor->document()->undoStack()->undo();
    REQUIRE(a->questionsEditor()->rowCount() == 3);
    QTextEdit *first = a->questionsEditor()->textEdit(0);
    CHECK(QApplication::focusWidget() == first);
    CHECK(first->textCursor().position() == first->toPlainText().size());
}

TEST_CASE("a new Beschluss item has its … selected, so that typing replaces it", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    SectionForm *g = editor->sectionForm(QStringLiteral("G"));
    REQUIRE(g->beschlussEditor());
    const int items = g->beschlussEditor()->rowCount();
    QTest::mouseClick(g->beschlussEditor()->addButton(), Qt::LeftButton);
    REQUIRE(g->beschlussEditor()->rowCount() == items + 1);
    QTextEdit *item = g->beschlussEditor()->textEdit(items);
    CHECK(QApplication::focusWidget() == item);
    CHECK(item->toPlainText() == QStringLiteral("Der Senat nimmt … zur Kenntnis."));
    CHECK(item->textCursor().selectedText() == QStringLiteral("…"));
    QTest::qWait(300);
    bool placeholderWarned = false;
    for (const Problem &p : editor->problems())
        placeholderWarned = placeholderWarned || (p.place == Place{Place::Kind::Beschluss, {}, editor->document()->vorlage().beschluss[items].id} &&
                                                  p.message.contains(QStringLiteral("Platzhalter „…“")));
    CHECK(placeholderWarned);

    typeText(item, QStringLiteral("den Bericht über die Geräte"));
    CHECK(item->toPlainText() == QStringLiteral("Der Senat nimmt den Bericht über die Geräte zur Kenntnis."));
    CHECK(editor->document()->vorlage().beschluss[items].text.plainText() ==
          QStringLiteral("Der Senat nimmt den Bericht über die Geräte zur Kenntnis."));
    QTest::qWait(300);
    CHECK(editor->validationPanel()->summary() == QStringLiteral("Keine Probleme"));
}

TEST_CASE("Beschluss items are added; problems appear, jump to their place and clear", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QSignalSpy saved(editor->saver(), &DocumentSaver::saved);
    SectionForm *g = editor->sectionForm(QStringLiteral("G"));
    REQUIRE(g->beschlussEditor());
    const int items = g->beschlussEditor()->rowCount();
    QTest::mouseClick(g->beschlussEditor()->addButton(), Qt::LeftButton);
    REQUIRE(g->beschlussEditor()->rowCount() == items + 1);
    QTextEdit *item = g->beschlussEditor()->textEdit(items);
    item->selectAll();
    QTest::keyClick(item, Qt::Key_Delete);
    typeText(item, QStringLiteral("Die Behörde prüft das."));
    QTest::qWait(400);
    CHECK(editor->validationPanel()->summary().contains(QStringLiteral("1 Fehler")));
    CHECK(editor->problems().first().place.kind == Place::Kind::Beschluss);

    // Export refuses while there is an error, and says which.
    auto refused = f.window.exportCurrent(f.dir.filePath(QStringLiteral("x.pdf")));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().contains(QStringLiteral("Beschluss")));

    // A click on the problem puts the cursor into the item.
    editor->headerForm()->fieldWidget(QStringLiteral("title"))->setFocus();
    emit editor->validationPanel()->problemActivated(editor->problems().first().place);
    CHECK(QApplication::focusWidget() == item);

    item->selectAll();
    QTest::keyClick(item, Qt::Key_Delete);
    typeText(item, QStringLiteral("Der Senat begrüßt die schnelle Umsetzung."));
    QTest::qWait(400);
    CHECK(editor->validationPanel()->summary() == QStringLiteral("Keine Probleme"));
    CHECK(f.window.exportCurrent(f.dir.filePath(QStringLiteral("x.pdf"))).ok());
    REQUIRE((saved.count() > 0 || saved.wait(2000)));
    CHECK(f.stored(f.beschlussvorlage).beschluss.size() == items + 1);
}

TEST_CASE("Ctrl+0 to Ctrl+7 put the cursor into header and sections", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_1, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == sectionEdit(editor, QStringLiteral("A")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_4, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == sectionEdit(editor, QStringLiteral("D")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_0, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == editor->headerForm()->fieldWidget(QStringLiteral("title")));
}

TEST_CASE("find goes through all fields of the Vorlage", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    sectionEdit(editor, QStringLiteral("A"))->setFocus();
    REQUIRE(editor->findNext(QStringLiteral("Gesamtpersonalrat")));
    CHECK(QApplication::focusWidget() == sectionEdit(editor, QStringLiteral("E")));
    CHECK_FALSE(editor->findNext(QStringLiteral("Zeppelin")));
}

TEST_CASE("a new Vorlage from a template and a duplicate open in their own tabs", "[ui]")
{
    Fixture f;
    f.open(f.fragestunde);
    auto copy = f.window.duplicateCurrent();
    REQUIRE(copy.ok());
    CHECK(f.window.currentVorlageId() == copy.value());
    CHECK(f.window.currentVorlage()->questions.size() == 3);
    CHECK(f.window.currentVorlage()->questions[0].id != f.stored(f.fragestunde).questions[0].id);

    auto created = f.window.createVorlage(VorlageKind::Bericht);
    REQUIRE(created.ok());
    CHECK(f.window.currentVorlage()->kind == VorlageKind::Bericht);
    CHECK(f.window.currentVorlage()->sections.size() == 7);
    CHECK(f.window.editors().size() == 4); // the first Vorlage of the list opened with the workspace
    CHECK(QApplication::focusWidget() == f.window.currentEditor()->headerForm()->fieldWidget(QStringLiteral("title")));
}

TEST_CASE("figures are quoted by typing {{, shown with their value and printed as it changes", "[ui]")
{
    Fixture f;
    Figure vpn;
    vpn.key = QStringLiteral("testzugaenge-nord");
    vpn.label = QStringLiteral("VPN-Zugänge Bremen");
    vpn.value = QStringLiteral("4750");
    vpn.asOf = QDate(2020, 11, 1);
    REQUIRE(f.window.workspace()->setFigure(vpn, QStringLiteral("test")).ok());
    f.window.reloadFigures();
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QSignalSpy previewed(&f.window, &MainWindow::previewUpdated);

    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    typeText(c, QStringLiteral(" Bis zu {{testzug"));
    QAbstractItemView *popup = c->figureCompleter()->popup();
    REQUIRE(popup->isVisible());
    CHECK(popup->model()->rowCount() == 1);
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    typeText(c, QStringLiteral(" Zugänge."));
    const Paragraph last = c->content().last().paragraph;
    REQUIRE(last.spans.size() == 3);
    CHECK(last.spans[0].text.endsWith(QStringLiteral("Bis zu ")));
    CHECK(last.spans[1].figure == QStringLiteral("testzugaenge-nord"));
    CHECK(last.spans[2].text == QStringLiteral(" Zugänge."));

    // The export prints the value; after a change of the figure, the new one.
    editor->flush();
    const QString out = f.dir.filePath(QStringLiteral("z.pdf"));
    REQUIRE(f.window.exportCurrent(out).ok());
    QPdfDocument pdf;
    REQUIRE(pdf.load(out) == QPdfDocument::Error::None);
    QString exported;
    for (int i = 0; i < pdf.pageCount(); ++i)
        exported += pdf.getAllText(i).text();
    CHECK(exported.simplified().contains(QStringLiteral("Bis zu 4750 Zugänge.")));
    vpn.value = QStringLiteral("91430");
    REQUIRE(f.window.workspace()->setFigure(vpn, QStringLiteral("test")).ok());
    previewed.clear();
    f.window.reloadFigures();
    REQUIRE(previewed.wait(5000));
    QString all;
    for (int i = 0; i < f.window.preview()->document()->pageCount(); ++i)
        all += f.window.preview()->document()->getAllText(i).text();
    CHECK(all.simplified().contains(QStringLiteral("Bis zu 91.430 Zugänge.")));

    // A figure that is gone is an error that blocks the export, naming its key.
    c->insertFigure(QStringLiteral("gibt-es-nicht"));
    editor->flush();
    QTest::qWait(300);
    auto refused = f.window.exportCurrent(out);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().contains(QStringLiteral("gibt-es-nicht")));
}

TEST_CASE("Enter in the open {{ list quotes the highlighted or first figure; without the list it is a new paragraph", "[ui]")
{
    Fixture f;
    Figure vpn;
    vpn.key = QStringLiteral("testzugaenge-nord");
    vpn.label = QStringLiteral("VPN-Zugänge Bremen");
    vpn.value = QStringLiteral("4750");
    vpn.asOf = QDate(2020, 11, 1);
    REQUIRE(f.window.workspace()->setFigure(vpn, QStringLiteral("test")).ok());
    Figure second = vpn;
    second.key = QStringLiteral("testzugaenge-sued");
    second.label = QStringLiteral("VPN-Zugänge Bremerhaven");
    second.value = QStringLiteral("311");
    REQUIRE(f.window.workspace()->setFigure(second, QStringLiteral("test")).ok());
    f.window.reloadFigures();
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    ContentEdit *c = sectionEdit(editor, QStringLiteral("C"));
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    const qsizetype blocks = c->content().size();
    QAbstractItemView *popup = c->figureCompleter()->popup();

    // Nothing highlighted: Enter takes the first entry of the list.
    typeText(c, QStringLiteral(" Bis zu {{testzug"));
    REQUIRE(popup->isVisible());
    REQUIRE(popup->model()->rowCount() == 2);
    CHECK_FALSE(popup->currentIndex().isValid());
    QTest::keyClick(popup, Qt::Key_Return);
    CHECK_FALSE(popup->isVisible());
    Paragraph last = c->content().last().paragraph;
    REQUIRE(last.spans.size() == 2);
    CHECK(last.spans[0].text.endsWith(QStringLiteral("Bis zu ")));
    CHECK(last.spans[1].figure == QStringLiteral("testzugaenge-nord"));
    CHECK(c->content().size() == blocks); // no new paragraph either

    // The highlighted entry wins.
    typeText(c, QStringLiteral(" und {{testzug"));
    REQUIRE(popup->isVisible());
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Down);
    REQUIRE(popup->currentIndex().row() == 1);
    QTest::keyClick(popup, Qt::Key_Enter, Qt::KeypadModifier);
    last = c->content().last().paragraph;
    REQUIRE(last.spans.size() == 4);
    CHECK(last.spans[2].text == QStringLiteral(" und "));
    CHECK(last.spans[3].figure == QStringLiteral("testzugaenge-sued"));
    for (const Span &span : last.spans)
        CHECK_FALSE(span.text.contains(QStringLiteral("{{")));

    // No figure matches, no list: Enter is a new paragraph and "{{" stays as typed.
    typeText(c, QStringLiteral(" {{gibtsnicht"));
    CHECK_FALSE(popup->isVisible());
    QTest::keyClick(c, Qt::Key_Return);
    typeText(c, QStringLiteral("Neuer Absatz."));
    REQUIRE(c->content().size() == blocks + 1);
    CHECK(contentPlainText({c->content().last()}) == QStringLiteral("Neuer Absatz."));

    // The literal "{{" is an error in the problem list, and the export refuses it.
    editor->flush();
    QTest::qWait(300);
    bool listed = false;
    for (const Problem &p : editor->validationPanel()->problems())
        listed = listed || (p.severity == Problem::Severity::Error && p.place.field == QLatin1String("C") &&
                            p.message.contains(QStringLiteral("„{{“ ist kein Verweis")));
    CHECK(listed);
    auto refused = f.window.exportCurrent(f.dir.filePath(QStringLiteral("klammern.pdf")));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().contains(QStringLiteral("Abschnitt C: „{{“ ist kein Verweis auf eine Zahl")));
    CHECK(contentPlainText({c->content()[blocks - 1]}).endsWith(QStringLiteral(" {{gibtsnicht")));
}

TEST_CASE("a typed number that is a figure's value becomes a quote in one undoable step", "[ui]")
{
    Fixture f;
    Figure devices;
    devices.key = QStringLiteral("geraete-2020");
    devices.label = QStringLiteral("Beschaffung der Geräte 2020");
    devices.type = FigureType::Amount;
    devices.value = QStringLiteral("4100000.00");
    devices.asOf = QDate(2020, 11, 1);
    REQUIRE(f.window.workspace()->setFigure(devices, QStringLiteral("test")).ok());
    f.window.reloadFigures();
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    const Vorlage before = editor->document()->vorlage();

    const Problem *suggestion = nullptr;
    for (const Problem &p : editor->problems())
        if (p.suggestedFigure == QStringLiteral("geraete-2020"))
            suggestion = &p;
    REQUIRE(suggestion);
    CHECK(suggestion->typedNumber == QStringLiteral("4.100.000 €"));
    CHECK(editor->validationPanel()->summary().contains(QStringLiteral("Warnung")));

    REQUIRE(editor->applySuggestion(*suggestion));
    QStringList keys = quotedFigureKeys(editor->document()->vorlage());
    CHECK(keys.contains(QStringLiteral("geraete-2020")));
    QTest::qWait(300);
    for (const Problem &p : editor->problems())
        CHECK(p.suggestedFigure.isEmpty());

    f.window.undoGroup()->undo();
    CHECK(editor->document()->vorlage().section(QStringLiteral("B"))->content == before.section(QStringLiteral("B"))->content);
}

TEST_CASE("after an import, the message names the fields taken from G apart from the unplaced lines", "[ui]")
{
    Fixture f;
    const QString path = f.dir.filePath(QStringLiteral("ohne-kopf.txt"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("Vorlage für die Sitzung des Senats am 12.05.2020\n\nDienstfahrräder\n\n"
                              "A. Problem\n\nDie Ortsämter brauchen Fahrzeuge.\n\nG. Beschluss\n\n"
                              "Der Senat stimmt entsprechend der Vorlage des Senators für Finanzen vom 4.5.2020 zu.\n")
                   .toUtf8());
    file.close();
    QString shown;
    QTimer::singleShot(0, qApp, [&shown] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        REQUIRE(box);
        shown = box->text();
        // The offer of figures may follow: not part of this test.
        QTimer::singleShot(0, qApp, [] {
            if (auto *dialog = qobject_cast<FigureCandidatesDialog *>(QApplication::activeModalWidget()))
                dialog->reject();
        });
        box->accept();
    });
    f.window.importAndReview(path);
    CHECK(shown == QStringLiteral("Die Vorlage wurde importiert.\n\nHinweise:\n\nZeile 11: Ressort und Datum fehlen im "
                                  "Kopf und sind aus dem Beschluss übernommen („entsprechend der Vorlage des "
                                  "Senators für Finanzen vom 4.5.2020“): Der Senator für Finanzen, 04.05.2020."));
    REQUIRE(f.window.currentVorlage());
    CHECK(f.window.currentVorlage()->title == QStringLiteral("Dienstfahrräder"));
    CHECK(f.window.currentVorlage()->date == QDate(2020, 5, 4));
}

TEST_CASE("after an import, the typed numbers can become figures quoted in the text", "[ui]")
{
    Fixture f;
    const QString reference = QStringLiteral(VW_SOURCE_DIR "/../shared/reference/senatsvorlage-homeoffice-2020-05-12.txt");
    const QString input = QFile::exists(reference) ? reference : testData(QStringLiteral("import/fragestunde-plain.txt"));
    auto imported = f.window.importFile(input);
    REQUIRE(imported.ok());
    const qint64 id = f.window.currentVorlageId();
    const QList<NumberCandidate> candidates = numberCandidates(*f.window.currentVorlage(), f.window.figureValues());
    REQUIRE(candidates.size() >= 2);
    // Keys come from the words after the number, and are unique.
    QStringList keys;
    for (const NumberCandidate &c : candidates)
        keys << c.proposal.key;
    CHECK(keys.removeDuplicates() == 0);

    FigureCandidatesDialog dialog(candidates);
    dialog.table()->item(0, 0)->setCheckState(Qt::Checked);
    dialog.table()->item(1, 0)->setCheckState(Qt::Checked);
    dialog.table()->item(1, 3)->setText(QStringLiteral("zweite-zahl"));
    const QList<NumberCandidate> chosen = dialog.chosen();
    REQUIRE(chosen.size() == 2);
    CHECK(chosen[1].proposal.key == QStringLiteral("zweite-zahl"));

    REQUIRE(f.window.adoptFigures(id, chosen).ok());
    const Vorlage stored = f.stored(id);
    const QStringList quoted = quotedFigureKeys(stored);
    CHECK(quoted.contains(chosen[0].proposal.key));
    CHECK(quoted.contains(QStringLiteral("zweite-zahl")));
    CHECK(f.window.workspace()->figure(QStringLiteral("zweite-zahl")).ok());
    // The printed text is unchanged: the quotes print what was typed.
    const FigureValues values = f.window.workspace()->figureValues(&stored).value();
    QString printed;
    for (const Section &s : stored.sections)
        printed += sectionPlainText(stored, s, &values);
    CHECK(printed.contains(chosen[0].typed));
    CHECK(printed.contains(chosen[1].typed));
}

TEST_CASE("Textbausteine are readable in the menu and set apart from the text they are inserted into", "[ui]")
{
    Fixture f;
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    SectionForm *d = editor->sectionForm(QStringLiteral("D"));
    REQUIRE(d);
    QMenu *menu = d->wordingsMenu();
    REQUIRE(menu);
    const QStringList wordings = standardWordings(VorlageKind::Beschlussvorlage, QStringLiteral("D"));
    const QList<QAction *> actions = menu->actions();
    REQUIRE(actions.size() == wordings.size());
    CHECK(menu->toolTipsVisible());
    int shortened = 0;
    for (int i = 0; i < actions.size(); ++i) {
        const QString full = wordings[i];
        const QString shown = actions[i]->text().replace(QStringLiteral("&&"), QStringLiteral("&"));
        CHECK(actions[i]->toolTip() == full); // the whole wording can be read before inserting
        CHECK(shown.size() <= 82);
        if (shown == full)
            continue;
        ++shortened;
        // Cut after a whole word, and says so.
        REQUIRE(shown.endsWith(QStringLiteral(" …")));
        const QString kept = shown.chopped(2);
        CHECK(full.startsWith(kept));
        CHECK((full.at(kept.size()) == QLatin1Char(' ') || full.at(kept.size()) == QLatin1Char(',')));
    }
    CHECK(shortened > 0); // D has wordings longer than a menu line

    ContentEdit *c = sectionEdit(editor, QStringLiteral("D"));
    const QString finance = wordings[0];
    const QString gender = wordings[2];
    c->setContent({Block::para(finance)});
    c->setFocus();
    QTest::keyClick(c, Qt::Key_End, Qt::ControlModifier);
    actions[2]->trigger();
    // At the end of a paragraph: a paragraph of its own, not "Auswirkungen.Frauen".
    REQUIRE(c->content().size() == 2);
    CHECK(contentPlainText({c->content()[0]}) == finance);
    CHECK(contentPlainText({c->content()[1]}) == gender);
    typeText(c, QStringLiteral(" Ende."));
    CHECK(contentPlainText({c->content()[1]}) == gender + QStringLiteral(" Ende."));

    // In the middle of a paragraph, after a sentence: with a space either side.
    c->setContent({Block::para(QStringLiteral("Erster Satz. Zweiter Satz."))});
    c->setCursorPosition(int(QStringLiteral("Erster Satz.").size()));
    actions[0]->trigger();
    REQUIRE(c->content().size() == 1);
    CHECK(contentPlainText(c->content()) == QStringLiteral("Erster Satz. %1 Zweiter Satz.").arg(finance));

    // Into an empty section: just the wording. The model has it after the typing pause.
    c->setContent({});
    actions[0]->trigger();
    editor->flush();
    CHECK(contentPlainText(editor->document()->vorlage().section(QStringLiteral("D"))->content) == finance);
}
