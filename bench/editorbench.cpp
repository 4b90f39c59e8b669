// Editor speed on a 50-page Vorlage: keystroke to repaint in a long section, and the time from a
// change to the refreshed preview (export off the UI thread + loading into the PDF view).
// Prints medians; run through bench/editor-speed.sh.
#include "commands.h"
#include "contentedit.h"
#include "demo.h"
#include "mainwindow.h"
#include "pdfpreview.h"
#include "sectionform.h"
#include "vorlagedocument.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.vorlagen"));
    auto ws = vw::openOrCreateWithDemo(path);
    if (!ws)
        return 1;
    // The demo Beschlussvorlage, its section B grown to about 50 pages.
    vw::Vorlage v = ws.value()->load(2).value();
    vw::Section *b = v.section(QStringLiteral("B"));
    for (int i = 0; i < 640; ++i)
        b->content.append(vw::Block::para(
            QStringLiteral("Absatz %1: Die Schulen melden ihren Bedarf an Geräten bis zum Monatsende an die Behörde, "
                           "die ihn sammelt, prüft, mit den Haushaltsmitteln abgleicht und an den Dienstleister "
                           "weitergibt. Über Abweichungen wird die Deputation unterrichtet.")
                .arg(i + 1)));
    if (!ws.value()->save(v))
        return 1;
    ws.value().reset();

    vw::MainWindow window;
    if (!window.openWorkspace(path))
        return 1;
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window) || !window.openVorlage(2))
        return 1;
    QSignalSpy previewed(&window, &vw::MainWindow::previewUpdated);
    previewed.wait(20000);
    const int pages = window.preview()->document()->pageCount();

    vw::ContentEdit *edit = window.currentEditor()->sectionForm(QStringLiteral("B"))->textEdits().first();
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
    QList<double> keystroke;
    QElapsedTimer t;
    for (int i = 0; i < 60; ++i) {
        t.start();
        QTest::keyClick(edit, char('a' + i % 26));
        edit->viewport()->repaint(); // the paint a user sees, synchronously
        keystroke << t.nsecsElapsed() / 1e6;
    }
    // Recording the typing as an undo step converts the section back to the model (every 250 ms).
    QList<double> record;
    for (int i = 0; i < 10; ++i) {
        QTest::keyClick(edit, 'x');
        t.start();
        window.currentEditor()->sectionForm(QStringLiteral("B"))->flush();
        record << t.nsecsElapsed() / 1e6;
    }

    QList<double> preview;
    for (int i = 0; i < 5; ++i) {
        previewed.clear();
        vw::Commands::setTitle(window.currentEditor()->document(), QStringLiteral("Titel %1").arg(i));
        t.start();
        window.refreshPreview();
        if (!previewed.wait(20000))
            return 1;
        preview << t.nsecsElapsed() / 1e6;
    }
    std::printf("Vorlage of %d pages (section B: %lld paragraphs)\n", pages, qint64(b->content.size()));
    std::printf("  keystroke to repaint, median of 60:   %.1f ms\n", median(keystroke));
    std::printf("  typing recorded as undo step, median: %.1f ms (at most every 250 ms while typing)\n", median(record));
    std::printf("  preview refresh (export + load), median of 5: %.0f ms (off the UI thread)\n", median(preview));
    return 0;
}
