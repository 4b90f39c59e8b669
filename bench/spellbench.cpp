// Spell check on a 50-page Vorlage: keystroke to repaint with the check on and off, the first check
// of the whole section when the Vorlage opens, and a full recheck (after a word was added).
// Prints medians; run through bench/spell-speed.sh.
#include "contentedit.h"
#include "demo.h"
#include "mainwindow.h"
#include "sectionform.h"
#include "spellchecker.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

// Types a sentence of real (and some misspelt) words; returns keystroke-to-repaint times.
QList<double> typeSentence(vw::ContentEdit *edit, int repeat)
{
    const QString sentence =
        QStringLiteral(" Die Haushaltsmittel fuer die Deputationsvorlaage werden bereitgestellt und geprüft.");
    QList<double> times;
    QElapsedTimer t;
    for (int r = 0; r < repeat; ++r) {
        for (const QChar ch : sentence) {
            t.start();
            if (ch.unicode() < 128)
                QTest::keyClick(edit, ch.toLatin1());
            else
                QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(ch), Qt::NoModifier);
            edit->viewport()->repaint(); // the paint a user sees, synchronously
            times << ms(t);
        }
    }
    return times;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("VW_SKIP_FIRST_START", "1");
    QApplication app(argc, argv);

    QElapsedTimer t;
    t.start();
    vw::SpellChecker *checker = vw::SpellChecker::instance();
    const double loadMs = ms(t);
    if (!checker->isAvailable()) {
        std::printf("%s\n", qPrintable(checker->unavailableReason()));
        return 1;
    }
    checker->setEnabled(true);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.vorlagen"));
    auto ws = vw::openOrCreateWithDemo(path);
    if (!ws)
        return 1;
    // The demo Beschlussvorlage, its section B grown to about 50 pages, with a misspelling now and then.
    vw::Vorlage v = ws.value()->load(2).value();
    vw::Section *b = v.section(QStringLiteral("B"));
    for (int i = 0; i < 640; ++i)
        b->content.append(vw::Block::para(
            QStringLiteral("Absatz %1: Die Schulen melden ihren Bedarf an Geräten bis zum Monatsende an die Behörde, "
                           "die ihn sammelt, prüft, mit den Haushaltsmitteln abgleicht und an den Dienstleister "
                           "weitergibt. Über Abweichungen wird die Deputation unterrichtet%2.")
                .arg(i + 1)
                .arg(i % 10 == 0 ? QStringLiteral(", so die Senatsvorlaage") : QString())));
    if (!ws.value()->save(v))
        return 1;
    ws.value().reset();

    vw::MainWindow window;
    if (!window.openWorkspace(path))
        return 1;
    window.resize(1400, 900);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;

    // Opening the Vorlage checks every word of it once (the section editors are built then).
    QList<double> openOn, openOff;
    for (bool on : {true, false, true, false, true, false}) {
        checker->setEnabled(on);
        window.closeEditor(window.currentEditor());
        QApplication::processEvents();
        t.start();
        if (!window.openVorlage(2))
            return 1;
        QApplication::processEvents(); // delayed highlighting, if any, is part of opening
        (on ? openOn : openOff) << ms(t);
    }

    vw::ContentEdit *edit = window.currentEditor()->sectionForm(QStringLiteral("B"))->textEdits().first();
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_End, Qt::ControlModifier);
    const int blocks = edit->document()->blockCount();

    // The bare check of every word of the section: hunspell for each, then from the cache.
    vw::SpellChecker fresh;
    qint64 words = 0;
    t.start();
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next()) {
        words += vw::SpellChecker::words(block.text()).size();
        fresh.misspelled(block.text());
    }
    const double coldMs = ms(t);
    t.start();
    for (QTextBlock block = edit->document()->begin(); block.isValid(); block = block.next())
        fresh.misspelled(block.text());
    const double warmMs = ms(t);

    checker->setEnabled(true);
    const QList<double> typingOn = typeSentence(edit, 3);
    checker->setEnabled(false);
    const QList<double> typingOff = typeSentence(edit, 3);
    checker->setEnabled(true);

    // A word added to the dictionary (or ignored): every editor marks all its text again.
    QList<double> recheck;
    auto *highlighter = edit->document()->findChild<QSyntaxHighlighter *>();
    for (int i = 0; i < 5 && highlighter; ++i) {
        checker->ignore(QStringLiteral("Wort%1x").arg(i)); // forgets the misspellings, as adding a word does
        t.start();
        highlighter->rehighlight();
        recheck << ms(t);
    }

    std::printf("Spell check (hunspell, de_DE) on a Vorlage whose section B has %d paragraphs (about 50 pages)\n",
                blocks);
    std::printf("  loading the dictionary:                         %.0f ms (once per program run)\n", loadMs);
    std::printf("  checking all its words, no cache / cached:     %.0f ms / %.0f ms (%lld words)\n", coldMs, warmMs,
                words);
    std::printf("  opening the Vorlage, check on / off, median:     %.0f ms / %.0f ms\n", median(openOn),
                median(openOff));
    std::printf("  keystroke to repaint, check on, median of %lld: %.2f ms (max %.2f ms)\n",
                qint64(typingOn.size()), median(typingOn), *std::max_element(typingOn.cbegin(), typingOn.cend()));
    std::printf("  keystroke to repaint, check off, median of %lld: %.2f ms (max %.2f ms)\n",
                qint64(typingOff.size()), median(typingOff), *std::max_element(typingOff.cbegin(), typingOff.cend()));
    std::printf("  marking the whole section again after a word was ignored, median of 5: %.0f ms\n", median(recheck));
    return 0;
}
