#include "testutil.h"

#include "demo.h"
#include "helpwindow.h"
#include "mainwindow.h"
#include "windowdrops.h"
#include "workspace.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>

using namespace vw;

namespace {

QString S(const char *text)
{
    return QString::fromUtf8(text);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

// A Vorlage as text that imports without questions: every line placed, no numbers to offer as figures.
QByteArray smallVorlage(const char *title)
{
    return QByteArray("Vorlage für die Sitzung des Senats am 09.03.2021\n\n") + title
           + "\n\nA. Problem\n\nDer Radweg an der Weser ist zu schmal.\n\n"
             "B. Lösung\n\nEr wird verbreitert.\n";
}

std::unique_ptr<QMimeData> urls(const QStringList &paths)
{
    auto data = std::make_unique<QMimeData>();
    QList<QUrl> list;
    for (const QString &p : paths)
        list << QUrl::fromLocalFile(p);
    data->setUrls(list);
    return data;
}

// Drags `data` onto the middle of the window and drops it, as a file manager does; returns whether the
// window accepted the drag.
bool dragAndDrop(QWidget *window, const QMimeData *data)
{
    const QPoint at = window->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction | Qt::MoveAction | Qt::LinkAction, data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(at), enter.dropAction(), data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window, &drop);
    return drop.isAccepted();
}

// Closes dialogs that open while a test waits, and remembers their texts: a drop must not block.
class DialogCloser : public QObject {
public:
    DialogCloser()
    {
        connect(&mTimer, &QTimer::timeout, this, [this] {
            if (QWidget *modal = QApplication::activeModalWidget()) {
                texts << modal->windowTitle();
                modal->close();
            }
        });
        mTimer.start(20);
    }
    QStringList texts;

private:
    QTimer mTimer;
};

} // namespace

TEST_CASE("F1 opens the user guide in a help window, with its pictures and working chapter links", "[ui]")
{
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.findChild<HelpWindow *>() == nullptr);

    QTest::keyClick(&window, Qt::Key_F1);
    auto *help = window.findChild<HelpWindow *>();
    REQUIRE(help);
    CHECK(help->isVisible());
    CHECK(help->heading() == S("Vorlagenwerk – Benutzerhandbuch"));
    const QString text = help->browser()->toPlainText();
    for (const char *chapter : {"Erste Schritte", "Der Kopf und die Abschnitte A bis G", "Zahlen",
                                "Prüfung und Abstimmung", "Veröffentlichung", "Tastenkürzel"})
        CHECK(text.contains(S(chapter)));

    // Screenshots come from the resources, scaled to the reading width.
    const QVariant picture = help->browser()->loadResource(QTextDocument::ImageResource, QUrl(S("bilder/hauptfenster.png")));
    const QImage image = picture.value<QImage>().isNull() ? QImage::fromData(picture.toByteArray()) : picture.value<QImage>();
    REQUIRE_FALSE(image.isNull());
    CHECK(image.width() <= 760);
    CHECK(image.width() >= 600);

    // A click on a link to a chapter scrolls there, in the same document.
    help->resize(700, 500);
    QTest::qWait(50);
    QTextBrowser *browser = help->browser();
    int linkAt = -1;
    for (QTextBlock b = browser->document()->begin(); b.isValid() && linkAt < 0; b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            if (it.fragment().charFormat().anchorHref() == S("#zahlen")) {
                linkAt = it.fragment().position() + 1;
                break;
            }
        }
    }
    REQUIRE(linkAt > 0);
    QTextCursor onLink(browser->document());
    onLink.setPosition(linkAt);
    browser->setTextCursor(onLink);
    browser->ensureCursorVisible();
    const int before = browser->verticalScrollBar()->value();
    QTest::mouseClick(browser->viewport(), Qt::LeftButton, Qt::NoModifier, browser->cursorRect(onLink).center());
    CHECK(browser->verticalScrollBar()->value() > before + 100);
    CHECK(help->heading() == S("Vorlagenwerk – Benutzerhandbuch")); // not reloaded
    // The chapter's heading is now at the top of the view.
    const QTextCursor top = browser->cursorForPosition(QPoint(10, 10));
    CHECK(top.block().text() == S("Zahlen"));

    // A second F1 raises the same window.
    QTest::keyClick(&window, Qt::Key_F1);
    CHECK(window.findChildren<HelpWindow *>().size() == 1);
}

TEST_CASE("Über Vorlagenwerk names the version", "[ui]")
{
    const QString before = QApplication::applicationVersion();
    QApplication::setApplicationVersion(S("7.8.9"));
    CHECK(aboutText().contains(S("Vorlagenwerk 7.8.9")));
    QApplication::setApplicationVersion(before);
}

TEST_CASE("a workspace file dropped on the window is opened", "[ui]")
{
    QTemporaryDir dir;
    const QString first = dir.filePath(S("erster.vorlagen"));
    const QString second = dir.filePath(S("zweiter.vorlagen"));
    REQUIRE(openOrCreateWithDemo(first).ok());
    REQUIRE(Workspace::open(second, Workspace::Mode::CreateIfMissing).ok());

    MainWindow window;
    REQUIRE(window.openWorkspace(first).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    CHECK(window.vorlagenView()->model()->rowCount() == 2);

    auto data = urls({second});
    REQUIRE(dragAndDrop(&window, data.get()));
    REQUIRE(QTest::qWaitFor([&] { return window.workspace()->path() == second; }, 5000));
    CHECK(window.vorlagenView()->model()->rowCount() == 0);
    CHECK(window.windowTitle().startsWith(S("zweiter.vorlagen")));
}

TEST_CASE("text files dropped on the window are imported as new Vorlagen", "[ui]")
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(S("ws.vorlagen"));
    REQUIRE(Workspace::open(ws, Workspace::Mode::CreateIfMissing).ok());
    const QString radweg = writeFile(dir, S("radweg.txt"), smallVorlage("Radweg an der Weser"));
    const QString bruecke = writeFile(dir, S("bruecke.md"), smallVorlage("Brücke über die Wümme"));

    MainWindow window;
    REQUIRE(window.openWorkspace(ws).ok());
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    DialogCloser closer;

    auto data = urls({radweg, bruecke});
    REQUIRE(dragAndDrop(&window, data.get()));
    REQUIRE(QTest::qWaitFor([&] { return window.vorlagenView()->model()->rowCount() == 2; }, 10000));
    auto rows = window.workspace()->list();
    REQUIRE(rows.ok());
    QStringList titles;
    for (const auto &row : rows.value())
        titles << row.title;
    titles.sort();
    CHECK(titles == QStringList{S("Brücke über die Wümme"), S("Radweg an der Weser")});
    CHECK(closer.texts.isEmpty()); // both imported cleanly, nothing to ask

    // A broken file is reported, not imported, and the window stays usable.
    const QString empty = writeFile(dir, S("leer.txt"), "");
    auto broken = urls({empty});
    REQUIRE(dragAndDrop(&window, broken.get()));
    REQUIRE(QTest::qWaitFor([&] { return !closer.texts.isEmpty(); }, 5000));
    CHECK(closer.texts.first() == S("Vorlage importieren"));
    CHECK(window.vorlagenView()->model()->rowCount() == 2);
}

TEST_CASE("the window refuses drags of files it cannot open or import", "[ui]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    const QString doc = writeFile(dir, S("brief.docx"), "PK");
    auto docx = urls({doc});
    CHECK_FALSE(dragAndDrop(&window, docx.get()));
    QMimeData web;
    web.setUrls({QUrl(S("https://www.bremen.de/vorlage.pdf"))});
    CHECK_FALSE(dragAndDrop(&window, &web));
    QMimeData plain;
    plain.setText(S("Nur Text"));
    CHECK_FALSE(dragAndDrop(&window, &plain));

    CHECK(WindowDrops::acceptedFiles(urls({doc, dir.filePath(S("a.PDF")), dir.filePath(S("b.vorlagen"))}).get())
          == QStringList{dir.filePath(S("a.PDF")), dir.filePath(S("b.vorlagen"))});
}

TEST_CASE("vorlagenwerk --version prints the project version without a display", "[ui]")
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(S("QT_QPA_PLATFORM"));
    env.remove(S("DISPLAY"));
    env.remove(S("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(S(VW_APP_BINARY), {S("--version")});
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitStatus() == QProcess::NormalExit);
    CHECK(p.exitCode() == 0);
    CHECK(QString::fromUtf8(p.readAllStandardOutput()) == S("vorlagenwerk " VW_PROJECT_VERSION "\n"));
}

TEST_CASE("VW_REPORT_STARTUP=1 makes the app print when its window is shown (once)", "[ui]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(S("start.vorlagen"));
    REQUIRE(openOrCreateWithDemo(path).ok());
    const auto run = [&](bool report) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(S("QT_QPA_PLATFORM"), S("offscreen"));
        env.insert(S("VW_SKIP_FIRST_START"), S("1"));
        env.insert(S("XDG_CONFIG_HOME"), dir.filePath(S("config")));
        env.insert(S("XDG_DATA_HOME"), dir.filePath(S("data")));
        if (report)
            env.insert(S("VW_REPORT_STARTUP"), S("1"));
        p.setProcessEnvironment(env);
        p.start(S(VW_APP_BINARY), {S("--workspace"), path});
        REQUIRE(p.waitForStarted(30000));
        QByteArray err;
        QElapsedTimer t;
        t.start();
        while (!err.contains("window shown after") && t.elapsed() < 3000) {
            p.waitForReadyRead(100);
            err += p.readAllStandardError();
        }
        QTest::qWait(300); // a later expose must not print again
        err += p.readAllStandardError();
        p.kill();
        p.waitForFinished(10000);
        return QString::fromUtf8(err);
    };
    const QString reported = run(true);
    static const QRegularExpression line(S("vorlagenwerk: window shown after \\d+ ms\n"));
    CHECK(reported.count(line) == 1);
    CHECK_FALSE(run(false).contains(S("window shown")));
}
