#include "testdemo.h"
#include "uitestutil.h"

#include "figurepanel.h"
#include "figuretablemodel.h"
#include "userprofile.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include "dateedit.h"
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>

using namespace vw;

namespace {

Figure figure(const char *key, const char *label, FigureType type, const char *value, const char *unit = "",
              QDate asOf = QDate(2020, 4, 30), const char *source = "Dataport",
              const char *ressort = "finanzen")
{
    Figure f;
    f.key = QString::fromUtf8(key);
    f.label = QString::fromUtf8(label);
    f.type = type;
    f.value = QString::fromUtf8(value);
    f.unit = QString::fromUtf8(unit);
    f.asOf = asOf;
    f.source = QString::fromUtf8(source);
    f.ressortKey = QString::fromUtf8(ressort);
    return f;
}

Figure vpn()
{
    return figure("vpn-bremen", "VPN-Zugänge Bremen, gleichzeitig", FigureType::Integer, "4750", "Nutzer",
                  QDate(2020, 4, 30), "Dataport, Monatsbericht April");
}

QList<Figure> sample()
{
    return {
        vpn(),
        figure("notebooks", "Notebooks für Lehrkräfte", FigureType::Integer, "91430", "Geräte",
               QDate(2021, 2, 1), "Senatorin für Kinder und Bildung", "bildung"),
        figure("tablets", "Tablets an Grundschulen", FigureType::Integer, "10", "Geräte", QDate(2020, 1, 15)),
        figure("server", "Server im Rechenzentrum", FigureType::Integer, "9", "Stück", QDate(2020, 12, 3)),
        figure("aenderungen", "Änderungen der Geschäftsordnung", FigureType::Decimal, "1.5", "",
               QDate(2019, 7, 1), "Senatskanzlei"),
        figure("budget", "Budget Digitalisierung", FigureType::Amount, "7500000.00", "", QDate(2020, 6, 30),
               "Haushaltsplan 2020"),
    };
}

std::unique_ptr<Workspace> sampleWorkspace(const QTemporaryDir &dir)
{
    auto ws =
        Workspace::open(dir.filePath(QStringLiteral("figures.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    REQUIRE(ws.value()->setFigures(sample(), QStringLiteral("anna")).ok());
    return std::move(ws).value();
}

QStringList column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.index(row, column).data(role).toString();
    return result;
}

void showPanel(FigurePanel &panel)
{
    panel.resize(1000, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
}

// Opens the editor on the selected value cell with F2, the way a user does.
QLineEdit *editValue(FigurePanel &panel, const QString &key)
{
    REQUIRE(panel.selectFigure(key));
    QTableView *view = panel.view();
    REQUIRE(view->currentIndex().column() == FigureTableModel::ValueColumn);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(view->currentIndex()));
    REQUIRE(editor);
    return editor;
}

// QTest::mouseDClick on a widget sends the double-click event alone; a view reports a double-click only
// on the item it saw pressed, so press first, as a real double-click does.
void doubleClick(QWidget *viewport, QPoint pos)
{
    QTest::mouseClick(viewport, Qt::LeftButton, Qt::NoModifier, pos);
    QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, pos);
}

void commit(QLineEdit *editor)
{
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits queued.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

} // namespace

TEST_CASE("the figure model passes QAbstractItemModelTester through set, update, insert and filtering",
          "[ui]")
{
    FigureTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    FigureFilterModel proxy(&model);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.sort(FigureTableModel::ValueColumn);

    model.setFigures(sample());
    REQUIRE(model.rowCount() == 6);
    CHECK(model.columnCount() == FigureTableModel::ColumnCount);
    CHECK(model.rowOf(QStringLiteral("tablets")) == 2);
    CHECK(model.rowOf(QStringLiteral("gibt-es-nicht")) == -1);
    CHECK(model.figureAt(0) == vpn());

    // A changed figure: one row announced, nothing reset.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    Figure more = vpn();
    more.value = QStringLiteral("5200");
    model.updateFigure(more);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0][0].toModelIndex().row() == 0);
    CHECK(changed[0][1].toModelIndex().row() == 0);
    CHECK(reset.isEmpty());
    model.updateFigure(more); // unchanged: silent
    CHECK(changed.size() == 1);

    // A new figure is appended.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const Figure schools = figure("schulen", "Schulen mit WLAN", FigureType::Percentage, "87.5");
    model.updateFigure(schools);
    REQUIRE(inserted.size() == 1);
    CHECK(model.rowCount() == 7);
    CHECK(model.rowOf(QStringLiteral("schulen")) == 6);
    CHECK(model.figureAt(6) == schools);
    CHECK(proxy.rowCount() == 7);

    proxy.setFilterText(QStringLiteral("geräte"));
    CHECK(proxy.rowCount() == 2);
    proxy.setFilterText(QString());
    CHECK(proxy.rowCount() == 7);

    model.setNumberStyle(NumberStyle{4});
    CHECK(model.index(0, FigureTableModel::ValueColumn).data().toString() == QStringLiteral("5.200"));
    model.setFigures({});
    CHECK(model.rowCount() == 0);
    CHECK(proxy.rowCount() == 0);
    model.setFigures(sample());
    CHECK(proxy.rowCount() == 6);
}

TEST_CASE("the figure model shows values formatted and takes them as people type them", "[ui]")
{
    FigureTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    RessortTable ressorts(
        {{QStringLiteral("finanzen"), QStringLiteral("Die Senatorin für Finanzen"), {}, QDate(2019, 8, 14)},
         {QStringLiteral("finanzen"), QStringLiteral("Der Senator für Finanzen"), QDate(2019, 8, 15), {}}});
    model.setRessorts(ressorts);
    model.setFigures(sample());

    const auto cell = [&model](const char *key, int column, int role = Qt::DisplayRole) {
        return model.index(model.rowOf(QString::fromLatin1(key)), column).data(role);
    };
    CHECK(cell("notebooks", FigureTableModel::ValueColumn).toString() == QStringLiteral("91.430"));
    CHECK(cell("notebooks", FigureTableModel::ValueColumn, Qt::EditRole).toString() ==
          QStringLiteral("91430"));
    CHECK(cell("vpn-bremen", FigureTableModel::ValueColumn).toString() == QStringLiteral("4750"));
    CHECK(cell("aenderungen", FigureTableModel::ValueColumn).toString() == QStringLiteral("1,5"));
    CHECK(cell("aenderungen", FigureTableModel::ValueColumn, Qt::EditRole).toString() ==
          QStringLiteral("1,5"));
    CHECK(cell("budget", FigureTableModel::ValueColumn).toString() == QStringLiteral("7.500.000 €"));
    CHECK(cell("budget", FigureTableModel::ValueColumn, Qt::EditRole).toString() ==
          QStringLiteral("7500000"));
    CHECK(cell("budget", FigureTableModel::ValueColumn, FigureTableModel::SortRole).toDouble() == 7500000.0);
    CHECK(cell("vpn-bremen", FigureTableModel::AsOfColumn).toString() == QStringLiteral("30.04.2020"));
    CHECK(cell("vpn-bremen", FigureTableModel::AsOfColumn, FigureTableModel::SortRole).toDate() ==
          QDate(2020, 4, 30));
    CHECK(cell("vpn-bremen", FigureTableModel::RessortColumn).toString() ==
          QStringLiteral("Der Senator für Finanzen"));
    CHECK(cell("aenderungen", FigureTableModel::RessortColumn).toString() ==
          QStringLiteral("Die Senatorin für Finanzen"));
    CHECK(cell("notebooks", FigureTableModel::RessortColumn).toString() ==
          QStringLiteral("bildung")); // unknown key
    CHECK(cell("vpn-bremen", FigureTableModel::TypeColumn).toString() ==
          figureTypeLabel(FigureType::Integer));
    CHECK(cell("vpn-bremen", FigureTableModel::ValueColumn, Qt::TextAlignmentRole).toInt() ==
          int(Qt::AlignRight | Qt::AlignVCenter));
    CHECK(model.headerData(FigureTableModel::KeyColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Schlüssel"));
    CHECK(model.headerData(FigureTableModel::AsOfColumn, Qt::Horizontal).toString() ==
          QStringLiteral("Stand"));

    CHECK_FALSE(model.flags(model.index(0, FigureTableModel::KeyColumn)).testFlag(Qt::ItemIsEditable));
    CHECK_FALSE(model.flags(model.index(0, FigureTableModel::TypeColumn)).testFlag(Qt::ItemIsEditable));
    CHECK(model.flags(model.index(0, FigureTableModel::ValueColumn)).testFlag(Qt::ItemIsEditable));
    CHECK(model.flags(model.index(0, FigureTableModel::NoteColumn)).testFlag(Qt::ItemIsEditable));

    QSignalSpy edited(&model, &FigureTableModel::figureEdited);
    QSignalSpy refused(&model, &FigureTableModel::editRefused);
    const int row = model.rowOf(QStringLiteral("vpn-bremen"));
    const QModelIndex value = model.index(row, FigureTableModel::ValueColumn);

    SECTION("a German number is taken in its canonical form")
    {
        REQUIRE(model.setData(value, QStringLiteral("91.430")));
        REQUIRE(edited.size() == 1);
        CHECK(edited[0][0].value<Figure>().value == QStringLiteral("91430"));
        CHECK(model.figureAt(row).value == QStringLiteral("91430"));
        CHECK(refused.isEmpty());
    }
    SECTION("a word is no integer")
    {
        CHECK_FALSE(model.setData(value, QStringLiteral("viele")));
        REQUIRE(refused.size() == 1);
        CHECK(refused[0][0].toString().contains(QStringLiteral("„viele“")));
        CHECK(edited.isEmpty());
        CHECK(model.figureAt(row) == vpn());
    }
    SECTION("a fraction is no integer")
    {
        CHECK_FALSE(model.setData(value, QStringLiteral("1,5")));
        CHECK(refused.size() == 1);
    }
    SECTION("dates are read the German way and checked")
    {
        const QModelIndex asOf = model.index(row, FigureTableModel::AsOfColumn);
        CHECK(asOf.data(Qt::EditRole).toString() == QStringLiteral("30.04.2020"));
        REQUIRE(model.setData(asOf, QStringLiteral("4.5.20")));
        CHECK(model.figureAt(row).asOf == QDate(2020, 5, 4));
        CHECK_FALSE(model.setData(asOf, QStringLiteral("31.02.2020")));
        CHECK(refused.size() == 1);
        CHECK(refused.first().first().toString().contains(QStringLiteral("Den 31.02.2020 gibt es nicht")));
        CHECK(model.figureAt(row).asOf == QDate(2020, 5, 4));
        REQUIRE(model.setData(asOf, QStringLiteral("1.12.")));
        CHECK(model.figureAt(row).asOf == QDate(QDate::currentDate().year(), 12, 1));
    }
    SECTION("text columns, an empty label refused")
    {
        CHECK_FALSE(model.setData(model.index(row, FigureTableModel::LabelColumn), QStringLiteral("  ")));
        CHECK(refused.size() == 1);
        REQUIRE(
            model.setData(model.index(row, FigureTableModel::NoteColumn), QStringLiteral("ohne Notebooks")));
        CHECK(model.figureAt(row).note == QStringLiteral("ohne Notebooks"));
        CHECK_FALSE(model.setData(model.index(row, FigureTableModel::KeyColumn), QStringLiteral("anders")));
        CHECK(edited.size() == 1);
    }
    SECTION("an unchanged value is no edit")
    {
        CHECK(model.setData(value, QStringLiteral("4750")));
        CHECK(edited.isEmpty());
    }
}

TEST_CASE("figures sort by value as numbers and by date as dates", "[ui]")
{
    FigureTableModel model;
    FigureFilterModel proxy(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Figure> figures = sample();
    figures << figure("stichtag", "Stichtag", FigureType::Date, "2020-05-12");
    model.setFigures(figures);

    proxy.sort(FigureTableModel::ValueColumn, Qt::AscendingOrder);
    // As text "10" < "4750" < "9": numbers, then the date.
    CHECK(column(proxy, FigureTableModel::KeyColumn) ==
          QStringList{QStringLiteral("aenderungen"), QStringLiteral("server"), QStringLiteral("tablets"),
                      QStringLiteral("vpn-bremen"), QStringLiteral("notebooks"), QStringLiteral("budget"),
                      QStringLiteral("stichtag")});
    CHECK(column(proxy, FigureTableModel::ValueColumn).mid(1, 4) ==
          QStringList{QStringLiteral("9"), QStringLiteral("10"), QStringLiteral("4750"),
                      QStringLiteral("91.430")});

    proxy.sort(FigureTableModel::AsOfColumn, Qt::AscendingOrder);
    CHECK(column(proxy, FigureTableModel::AsOfColumn) ==
          QStringList{QStringLiteral("01.07.2019"), QStringLiteral("15.01.2020"),
                      QStringLiteral("30.04.2020"), QStringLiteral("30.04.2020"),
                      QStringLiteral("30.06.2020"), QStringLiteral("03.12.2020"),
                      QStringLiteral("01.02.2021")});
    proxy.sort(FigureTableModel::AsOfColumn, Qt::DescendingOrder);
    CHECK(column(proxy, FigureTableModel::AsOfColumn).first() == QStringLiteral("01.02.2021"));

    // A changed value moves its row.
    proxy.sort(FigureTableModel::ValueColumn, Qt::AscendingOrder);
    Figure server = figures[3];
    server.value = QStringLiteral("100000");
    model.updateFigure(server);
    CHECK(column(proxy, FigureTableModel::KeyColumn).indexOf(QStringLiteral("server")) == 4);
}

TEST_CASE("the panel sorts by a click on the value header", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    showPanel(panel);
    QHeaderView *header = panel.view()->horizontalHeader();
    const int x = header->sectionViewportPosition(FigureTableModel::ValueColumn) + 10;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, header->height() / 2));
    CHECK(header->sortIndicatorSection() == FigureTableModel::ValueColumn);
    const QStringList values = column(*panel.view()->model(), FigureTableModel::ValueColumn);
    const QStringList ascending{QStringLiteral("1,5"),    QStringLiteral("9"),
                                QStringLiteral("10"),     QStringLiteral("4750"),
                                QStringLiteral("91.430"), QStringLiteral("7.500.000 €")};
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    CHECK((values == ascending || values == descending));
}

TEST_CASE("the figure filter narrows the rows as one types, umlauts and case alike", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    showPanel(panel);
    const QAbstractItemModel *shown = panel.view()->model();
    REQUIRE(shown->rowCount() == 6);

    typeText(panel.filterEdit(), QStringLiteral("GERÄ"));
    CHECK(panel.filterText() == QStringLiteral("GERÄ"));
    CHECK(shown->rowCount() == 2); // the unit "Geräte"
    typeText(panel.filterEdit(), QStringLiteral("te"));
    CHECK(shown->rowCount() == 2);

    panel.filterEdit()->clear();
    CHECK(shown->rowCount() == 6);
    typeText(panel.filterEdit(), QStringLiteral("änderung"));
    CHECK(column(*shown, FigureTableModel::KeyColumn) == QStringList{QStringLiteral("aenderungen")});

    panel.setFilterText(QString());
    typeText(panel.filterEdit(), QStringLiteral("dataport"));
    CHECK(shown->rowCount() == 3); // by source
    typeText(panel.filterEdit(), QStringLiteral(" stück"));
    CHECK(column(*shown, FigureTableModel::KeyColumn) == QStringList{QStringLiteral("server")}); // every word
    panel.setFilterText(QStringLiteral("vpn-bre"));
    CHECK(column(*shown, FigureTableModel::KeyColumn) == QStringList{QStringLiteral("vpn-bremen")}); // by key
    panel.setFilterText(QStringLiteral("nichts dergleichen"));
    CHECK(shown->rowCount() == 0);

    // The selected figure stays selected while the filter shows it, and comes back when it shows it again.
    panel.setFilterText(QString());
    REQUIRE(panel.selectFigure(QStringLiteral("notebooks")));
    typeText(panel.filterEdit(), QStringLiteral("lehr"));
    CHECK(panel.currentKey() == QStringLiteral("notebooks"));
    typeText(panel.filterEdit(), QStringLiteral("x"));
    CHECK(panel.currentKey().isEmpty());
    CHECK(panel.historyLines().isEmpty());
    CHECK_FALSE(panel.insertButton()->isEnabled());
    panel.filterEdit()->clear();
    CHECK(panel.currentKey() == QStringLiteral("notebooks"));
    CHECK(panel.historyLines().size() == 1);
}

TEST_CASE("a value edited in the table is written to the workspace and its history grows", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    // As the window does; the profile is shared with the tests running beside this one.
    ws->setAuthor(QStringLiteral("Erika Zahl"));
    FigurePanel panel(ws.get());
    showPanel(panel);
    QSignalSpy changed(&panel, &FigurePanel::figureChanged);
    QSignalSpy insert(&panel, &FigurePanel::insertRequested);
    REQUIRE(ws->figureHistory(QStringLiteral("vpn-bremen"))->size() == 1);

    QLineEdit *editor = editValue(panel, QStringLiteral("vpn-bremen"));
    CHECK(editor->text() == QStringLiteral("4750"));
    editor->selectAll();
    typeText(editor, QStringLiteral("5.200"));
    commit(editor);

    CHECK(ws->figure(QStringLiteral("vpn-bremen"))->value == QStringLiteral("5200"));
    const auto history = ws->figureHistory(QStringLiteral("vpn-bremen"));
    REQUIRE(history->size() == 2);
    CHECK(history->at(1).oldValue == QStringLiteral("4750"));
    CHECK(history->at(1).newValue == QStringLiteral("5200"));
    CHECK(history->at(1).who == QStringLiteral("Erika Zahl"));
    REQUIRE(changed.size() == 1);
    CHECK(changed[0][0].toString() == QStringLiteral("vpn-bremen"));
    CHECK(insert.isEmpty()); // the Enter that closed the editor inserts nothing
    CHECK(panel.view()->currentIndex().data().toString() == QStringLiteral("5200"));
    CHECK(panel.lastMessage().contains(QStringLiteral("gespeichert")));
    CHECK(panel.historyLines().size() == 2);
    CHECK(panel.historyLines().first().startsWith(QStringLiteral("4750 → 5200")));

    // Text columns are written too.
    panel.view()->edit(
        panel.view()->model()->index(panel.view()->currentIndex().row(), FigureTableModel::SourceColumn));
    auto *source = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    if (!source)
        source = qobject_cast<QLineEdit *>(panel.view()->indexWidget(panel.view()->model()->index(
            panel.view()->currentIndex().row(), FigureTableModel::SourceColumn)));
    REQUIRE(source);
    source->selectAll();
    typeText(source, QStringLiteral("Dataport, Mai-Bericht"));
    commit(source);
    CHECK(ws->figure(QStringLiteral("vpn-bremen"))->source == QStringLiteral("Dataport, Mai-Bericht"));
    CHECK(ws->figureHistory(QStringLiteral("vpn-bremen"))->size() == 2); // no change of the value
    CHECK(changed.size() == 2);
}

TEST_CASE("a figure changed in the panel is recorded under the profile's name, not the login", "[ui]")
{
    struct Restore {
        QByteArray user = qgetenv("USER");
        ~Restore()
        {
            qputenv("USER", user);
            QSettings().remove(QStringLiteral("profile"));
        }
    } restore;
    qputenv("USER", "login-name");
    UserProfile profile;
    profile.name = QStringLiteral("Jana Müller");
    profile.save();

    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    const auto changeVpn = [&](FigurePanel &panel, const QString &value) {
        QLineEdit *editor = editValue(panel, QStringLiteral("vpn-bremen"));
        editor->selectAll();
        typeText(editor, value);
        commit(editor);
    };

    // As in the window, which sets the workspace's author from the profile.
    ws->setAuthor(profile.author());
    {
        FigurePanel panel(ws.get());
        showPanel(panel);
        changeVpn(panel, QStringLiteral("5200"));
        REQUIRE(ws->figureHistory(QStringLiteral("vpn-bremen"))->size() == 2);
        CHECK(ws->figureHistory(QStringLiteral("vpn-bremen"))->at(1).who == QStringLiteral("Jana Müller"));
        REQUIRE_FALSE(panel.historyLines().isEmpty());
        CHECK(panel.historyLines().first().startsWith(QStringLiteral("4750 → 5200 · Jana Müller · ")));
    }

    // A workspace without an author (a panel on its own) asks the profile.
    ws->setAuthor(QString());
    FigurePanel panel(ws.get());
    showPanel(panel);
    changeVpn(panel, QStringLiteral("5300"));
    CHECK(ws->figureHistory(QStringLiteral("vpn-bremen"))->last().who == QStringLiteral("Jana Müller"));
    CHECK(panel.historyLines().first().contains(QStringLiteral(" · Jana Müller · ")));
}

TEST_CASE("a word typed as an integer is refused with a message and nothing is written", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    showPanel(panel);
    QSignalSpy changed(&panel, &FigurePanel::figureChanged);

    QLineEdit *editor = editValue(panel, QStringLiteral("vpn-bremen"));
    editor->selectAll();
    typeText(editor, QStringLiteral("viele"));
    commit(editor);

    CHECK(ws->figure(QStringLiteral("vpn-bremen")).value() == vpn());
    CHECK(ws->figureHistory(QStringLiteral("vpn-bremen"))->size() == 1);
    CHECK(changed.isEmpty());
    CHECK(panel.lastMessage().contains(QStringLiteral("„viele“ ist keine Zahl")));
    CHECK(panel.lastMessage().contains(QStringLiteral("vpn-bremen")));
    CHECK(panel.view()->currentIndex().data().toString() == QStringLiteral("4750"));

    // A write the store refuses (not a canonical value) shows its reason and leaves the table as stored.
    Figure bad = vpn();
    bad.value = QStringLiteral("4.750");
    CHECK_FALSE(panel.saveFigure(bad).ok());
    CHECK(panel.lastMessage().contains(QStringLiteral("nicht gespeichert")));
    CHECK(panel.model()->figureAt(panel.model()->rowOf(QStringLiteral("vpn-bremen"))) == vpn());
    CHECK(changed.isEmpty());
}

TEST_CASE("the details list a figure's history newest first and the Vorlagen quoting it", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    Figure f = vpn();
    f.value = QStringLiteral("5200");
    REQUIRE(ws->setFigure(f, QStringLiteral("jonas")).ok());
    f.value = QStringLiteral("61000");
    REQUIRE(ws->setFigure(f, QStringLiteral("lea")).ok());

    // Until spans carry figures, the quote goes into the stored content by SQL, in the JSON form the
    // store searches for.
    const QList<Vorlage> demo = demoVorlagen();
    const auto first = ws->add(demo[0]);
    const auto second = ws->add(demo[1]);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    const auto quote = [&ws](qint64 id, const char *label, const char *key) {
        QSqlQuery q(ws->database());
        q.prepare(QStringLiteral("UPDATE section SET content = ? WHERE vorlage_id = ? AND label = ?"));
        q.addBindValue(QStringLiteral("[{\"type\":\"p\",\"text\":[{\"t\":\"x\",\"f\":\"%1\"}]}]")
                           .arg(QString::fromLatin1(key)));
        q.addBindValue(id);
        q.addBindValue(QString::fromLatin1(label));
        REQUIRE(q.exec());
        REQUIRE(q.numRowsAffected() == 1);
    };
    quote(second.value(), "D", "vpn-bremen");
    quote(second.value(), "B", "vpn-bremen");
    quote(first.value(), "A", "notebooks");

    FigurePanel panel(ws.get());
    showPanel(panel);
    REQUIRE(panel.selectFigure(QStringLiteral("vpn-bremen")));
    const QStringList history = panel.historyLines();
    REQUIRE(history.size() == 3);
    CHECK(history[0].startsWith(QStringLiteral("5200 → 61.000 · lea · ")));
    CHECK(history[1].startsWith(QStringLiteral("4750 → 5200 · jonas · ")));
    CHECK(history[2].startsWith(QStringLiteral("– → 4750 · anna · ")));
    const QString today = QDate::currentDate().toString(QStringLiteral("dd.MM.yyyy"));
    CHECK(history[0].contains(today));

    const QString title = demo[1].title;
    CHECK(panel.useLines() ==
          QStringList{QStringLiteral("Vorlage %1: %2 — Abschnitt B").arg(second.value()).arg(title),
                      QStringLiteral("Vorlage %1: %2 — Abschnitt D").arg(second.value()).arg(title)});

    QSignalSpy used(&panel, &FigurePanel::useActivated);
    QListWidget *uses = panel.usesList();
    doubleClick(uses->viewport(), uses->visualItemRect(uses->item(1)).center());
    REQUIRE(used.size() == 1);
    CHECK(used[0][0].toLongLong() == second.value());
    CHECK(used[0][1].toString() == QStringLiteral("D"));

    REQUIRE(panel.selectFigure(QStringLiteral("notebooks")));
    CHECK(panel.useLines() ==
          QStringList{QStringLiteral("Vorlage %1: %2 — Abschnitt A").arg(first.value()).arg(demo[0].title)});
    CHECK(panel.historyLines().size() == 1);
    REQUIRE(panel.selectFigure(QStringLiteral("tablets")));
    CHECK(panel.useLines().isEmpty());

    // Clicking a row shows its details.
    QTableView *view = panel.view();
    const QModelIndex vpnIndex = view->model()->index(
        column(*view->model(), FigureTableModel::KeyColumn).indexOf(QStringLiteral("vpn-bremen")),
        FigureTableModel::LabelColumn);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(vpnIndex).center());
    CHECK(panel.currentKey() == QStringLiteral("vpn-bremen"));
    CHECK(panel.historyLines().size() == 3);
    CHECK(panel.useLines().size() == 2);

    // A reload keeps the selection.
    panel.reload();
    CHECK(panel.currentKey() == QStringLiteral("vpn-bremen"));
    CHECK(panel.useLines().size() == 2);
}

TEST_CASE("the new-figure dialog refuses a bad key and a bad value and stores good input", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    showPanel(panel);
    QSignalSpy changed(&panel, &FigurePanel::figureChanged);
    panel.setFilterText(QStringLiteral("vpn")); // the new figure shows even so

    QPointer<NewFigureDialog> dialog = panel.openNewFigureDialog();
    REQUIRE(dialog);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));
    const auto retype = [](QLineEdit *edit, const QString &text) {
        edit->clear();
        typeText(edit, text);
    };
    const auto ok = [&dialog] { QTest::mouseClick(dialog->okButton(), Qt::LeftButton); };

    ok();
    CHECK(dialog->isVisible());
    CHECK(dialog->message() == QStringLiteral("Der Schlüssel fehlt."));

    retype(dialog->keyEdit(), QStringLiteral("WLAN Schulen"));
    retype(dialog->labelEdit(), QStringLiteral("Schulen mit WLAN, Anteil"));
    ok();
    CHECK(dialog->isVisible());
    CHECK(dialog->message().contains(QStringLiteral("kein gültiger Schlüssel")));

    retype(dialog->keyEdit(), QStringLiteral("vpn-bremen"));
    ok();
    CHECK(dialog->message().contains(QStringLiteral("gibt es schon")));

    retype(dialog->keyEdit(), QStringLiteral("wlan-schulen"));
    dialog->setType(FigureType::Percentage);
    CHECK_FALSE(dialog->unitEdit()->isEnabled());
    retype(dialog->valueEdit(), QStringLiteral("fast alle"));
    ok();
    CHECK(dialog->isVisible());
    CHECK(dialog->message().contains(QStringLiteral("„fast alle“ ist keine Zahl")));
    CHECK_FALSE(ws->figure(QStringLiteral("wlan-schulen")).ok());
    CHECK(changed.isEmpty());

    retype(dialog->valueEdit(), QStringLiteral("87,5 %"));
    retype(dialog->sourceEdit(), QStringLiteral("Senatorin für Kinder und Bildung"));
    dialog->asOfEdit()->setDate(QDate(2021, 3, 1));
    dialog->setRessortKey(QStringLiteral("finanzen"));
    ok();
    CHECK((!dialog || !dialog->isVisible()));

    const auto stored = ws->figure(QStringLiteral("wlan-schulen"));
    REQUIRE(stored.ok());
    CHECK(stored->label == QStringLiteral("Schulen mit WLAN, Anteil"));
    CHECK(stored->type == FigureType::Percentage);
    CHECK(stored->value == QStringLiteral("87.5"));
    CHECK(stored->asOf == QDate(2021, 3, 1));
    CHECK(stored->source == QStringLiteral("Senatorin für Kinder und Bildung"));
    CHECK(stored->ressortKey == QStringLiteral("finanzen"));
    CHECK(ws->figureHistory(QStringLiteral("wlan-schulen"))->size() == 1);
    REQUIRE(changed.size() == 1);
    CHECK(changed[0][0].toString() == QStringLiteral("wlan-schulen"));
    CHECK(panel.currentKey() == QStringLiteral("wlan-schulen"));
    CHECK(panel.filterText().isEmpty());
    CHECK(panel.view()->currentIndex().data().toString() == QStringLiteral("87,5 %"));
}

TEST_CASE("the new-figure dialog reads amounts in millions and cancels without writing", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    QPointer<NewFigureDialog> dialog = panel.openNewFigureDialog();
    REQUIRE(dialog);
    typeText(dialog->keyEdit(), QStringLiteral("foerderung"));
    typeText(dialog->labelEdit(), QStringLiteral("Förderung Endgeräte"));
    dialog->setType(FigureType::Amount);
    typeText(dialog->valueEdit(), QStringLiteral("7,5 Mio. €"));
    const auto f = dialog->figureFromFields();
    REQUIRE(f.ok());
    CHECK(f->value == QStringLiteral("7500000.00"));
    CHECK(f->millions);
    CHECK(formatFigureValue(f.value()) == QStringLiteral("7,5 Mio. €"));
    dialog->reject();
    CHECK_FALSE(ws->figure(QStringLiteral("foerderung")).ok());
}

TEST_CASE("Enter and the Einfügen button insert the figure; a double-click edits the cell and inserts nothing", "[ui]")
{
    QTemporaryDir dir;
    auto ws = sampleWorkspace(dir);
    FigurePanel panel(ws.get());
    showPanel(panel);
    QSignalSpy insert(&panel, &FigurePanel::insertRequested);
    QTableView *view = panel.view();

    REQUIRE(panel.selectFigure(QStringLiteral("vpn-bremen")));
    QTest::keyClick(view, Qt::Key_Return);
    REQUIRE(insert.size() == 1);
    CHECK(insert[0][0].toString() == QStringLiteral("vpn-bremen"));
    CHECK_FALSE(view->indexWidget(view->currentIndex())); // no editor opened

    // A double-click on the label opens it for editing, the text stays as it is.
    const int row = column(*view->model(), FigureTableModel::KeyColumn).indexOf(QStringLiteral("notebooks"));
    const QModelIndex label = view->model()->index(row, FigureTableModel::LabelColumn);
    const QRect rect = view->visualRect(label);
    REQUIRE(rect.isValid());
    doubleClick(view->viewport(), rect.center());
    CHECK(insert.size() == 1);
    CHECK(panel.currentKey() == QStringLiteral("notebooks"));
    auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(label));
    REQUIRE(editor);
    CHECK(editor->text() == QStringLiteral("Notebooks für Lehrkräfte"));
    QTest::keyClick(editor, Qt::Key_Escape);
    QCoreApplication::processEvents();
    CHECK_FALSE(view->indexWidget(label));
    CHECK(insert.size() == 1);

    // On the key, which is not edited in place, a double-click does nothing at all.
    const QRect keyRect = view->visualRect(view->model()->index(row, FigureTableModel::KeyColumn));
    doubleClick(view->viewport(), keyRect.center());
    CHECK(insert.size() == 1);
    CHECK_FALSE(view->indexWidget(view->model()->index(row, FigureTableModel::KeyColumn)));

    QTest::mouseClick(panel.insertButton(), Qt::LeftButton);
    REQUIRE(insert.size() == 2);
    CHECK(insert[1][0].toString() == QStringLiteral("notebooks"));

    panel.setFilterText(QStringLiteral("nichts dergleichen"));
    CHECK_FALSE(panel.insertButton()->isEnabled());
}

TEST_CASE("100,000 figures load, filter and sort at interactive speed", "[ui]")
{
    QList<Figure> many;
    many.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        Figure f;
        f.key = QStringLiteral("zahl-%1").arg(i, 6, 10, QLatin1Char('0'));
        f.label = (i % 2 ? QStringLiteral("Geräte in Bremerhaven, Lieferung %1")
                         : QStringLiteral("Zugänge in Bremen, Meldung %1"))
                      .arg(i);
        f.type = FigureType::Integer;
        f.value = QString::number((i * 7919) % 1000003);
        f.unit = i % 3 ? QStringLiteral("Stück") : QStringLiteral("Nutzer");
        f.asOf = QDate(2015, 1, 1).addDays(i % 3000);
        f.source = QStringLiteral("Quelle %1").arg(i % 97);
        f.ressortKey = QStringLiteral("finanzen");
        many << f;
    }

    QTemporaryDir dir;
    auto ws =
        Workspace::open(dir.filePath(QStringLiteral("many.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    FigurePanel panel(ws.value().get());
    showPanel(panel);
    QElapsedTimer timer;
    timer.start();
    panel.model()->setFigures(many);
    const qint64 load = timer.restart();
    REQUIRE(panel.view()->model()->rowCount() == 100000);

    typeText(panel.filterEdit(), QStringLiteral("bremerhav"));
    const qint64 typing = timer.restart();
    CHECK(panel.view()->model()->rowCount() == 50000);
    panel.setFilterText(QStringLiteral("zahl-0999"));
    const qint64 narrow = timer.restart();
    CHECK(panel.view()->model()->rowCount() == 100);
    typeText(panel.filterEdit(), QStringLiteral("ä"));
    CHECK(panel.view()->model()->rowCount() == 0);
    timer.restart();
    panel.setFilterText(QString());
    const qint64 clear = timer.restart();
    CHECK(panel.view()->model()->rowCount() == 100000);
    panel.view()->sortByColumn(FigureTableModel::ValueColumn, Qt::AscendingOrder);
    const qint64 sort = timer.restart();
    QCoreApplication::processEvents();
    const qint64 paint = timer.restart();
    std::cout << "100,000 figures: load and sort by key " << load << " ms, 9 keystrokes of filter " << typing
              << " ms (" << typing / 9 << " ms each), narrow " << narrow << " ms, clear " << clear
              << " ms, sort by value " << sort << " ms, paint " << paint << " ms" << std::endl;
}
