#include "testutil.h"
#include "uitestutil.h"

#include "headerform.h"
#include "sectionform.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QFileDialog>
#include <QLineEdit>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace vw;

namespace {

QLineEdit *filterEdit(MainWindow &window)
{
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    REQUIRE(filter);
    return filter;
}

} // namespace

TEST_CASE("Ctrl+0 … Ctrl+7 jump to the header and the sections wherever the focus is", "[ui][shortcuts]")
{
    DemoWindow f(QStringLiteral("shortcuts.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QLineEdit *filter = filterEdit(f.window);
    QApplication::setActiveWindow(&f.window);
    filter->setFocus();
    REQUIRE(filter->hasFocus());

    QTest::keyClick(filter, Qt::Key_2, Qt::ControlModifier);
    QWidget *focus = QApplication::focusWidget();
    REQUIRE(focus);
    CHECK(focus != filter);
    CHECK(editor->isAncestorOf(focus));
    CHECK(filter->text().isEmpty()); // the key was not typed into the filter

    // From the list itself, and back to the header's title.
    f.window.vorlagenView()->setFocus();
    QTest::keyClick(f.window.vorlagenView(), Qt::Key_0, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == editor->headerForm()->fieldWidget(QStringLiteral("title")));
}

TEST_CASE("The window's keys work from a header field: Ctrl+E exports, Ctrl+D duplicates", "[ui][shortcuts]")
{
    DemoWindow f(QStringLiteral("shortcuts-header.vorlagen"));
    VorlageEditor *editor = f.open(f.beschlussvorlage);
    QApplication::setActiveWindow(&f.window);
    auto *title = qobject_cast<QLineEdit *>(editor->headerForm()->fieldWidget(QStringLiteral("title")));
    REQUIRE(title);
    title->setFocus();
    title->setCursorPosition(0);
    const QString before = title->text();
    const int rows = f.window.vorlagenView()->model()->rowCount();

    // Ctrl+E from a date field asks where to export.
    editor->headerForm()->fieldWidget(QStringLiteral("sessionDate"))->setFocus();
    QWidget *focused = QApplication::focusWidget();
    REQUIRE(qobject_cast<QLineEdit *>(focused));
    bool asked = false;
    QTimer::singleShot(0, [&asked] {
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            asked = dialog->windowTitle() == QStringLiteral("Als PDF exportieren");
            dialog->reject();
        }
    });
    QTest::keyClick(focused, Qt::Key_E, Qt::ControlModifier);
    CHECK(asked);

    QApplication::setActiveWindow(&f.window);
    title->setFocus();
    // A line edit would take Ctrl+D as "delete a character" (Emacs keys on Linux).
    QTest::keyClick(title, Qt::Key_D, Qt::ControlModifier);
    CHECK(f.window.vorlagenView()->model()->rowCount() == rows + 1);
    CHECK(editor->document()->vorlage().title == before);
}
