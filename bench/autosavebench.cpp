// The store's part of an autosave in a large workspace: Workspace::save of the 50-page Vorlage made by
// vw_bench_make_workspace --long after one changed paragraph, as DocumentSaver calls it (the document
// stays in memory, with the stored state as the base of the next save; only its revision follows). Prints the median of 50 saves; run through
// bench/workspace-speed.sh.
// Usage: vw_bench_autosave PATH ID
#include "workspace.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>

namespace {

constexpr int runs = 50;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

void fail(const QString &what)
{
    std::fprintf(stderr, "vw_bench_autosave: %s\n", qPrintable(what));
    std::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() != 2) {
        std::fprintf(stderr, "Usage: vw_bench_autosave PATH ID\n");
        return 2;
    }
    auto ws = vw::Workspace::open(args[0], vw::Workspace::Mode::OpenExisting);
    if (!ws)
        fail(ws.error());
    auto loaded = ws.value()->load(args[1].toLongLong());
    if (!loaded)
        fail(loaded.error());
    vw::Vorlage v = loaded.value();
    vw::Section *b = v.section(QStringLiteral("B"));
    if (!b || b->content.size() < 300)
        fail(QStringLiteral("Vorlage %1 is not the 50-page Vorlage").arg(args[1]));
    const qsizetype middle = b->content.size() / 2;
    if (b->content[middle].paragraph.spans.isEmpty())
        fail(QStringLiteral("the middle paragraph of B is empty"));

    QList<double> times;
    QElapsedTimer t;
    vw::Vorlage stored = v; // what DocumentSaver keeps as the base of the next save
    for (int i = 0; i < runs; ++i) {
        // Reached anew each time: the edit detaches `v` from `stored`, which shares its lists.
        vw::Paragraph &paragraph = v.section(QStringLiteral("B"))->content[middle].paragraph;
        paragraph.spans.last().text.append(QLatin1Char(char('a' + i % 26)));
        t.start();
        auto revision = ws.value()->save(v, &stored);
        times << t.nsecsElapsed() / 1e6;
        if (!revision)
            fail(revision.error());
        v.revision = revision.value();
        stored = v;
    }
    std::printf("%.2f\n", median(times));
    return 0;
}
