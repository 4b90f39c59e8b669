// Full-text search in a large workspace: Workspace::search for each query given, the whole answer with
// snippets, after one warm-up pass. Prints the median and the slowest in ms; run through
// bench/workspace-speed.sh.
// Usage: vw_bench_search PATH QUERY...
#include "workspace.h"

#include <QElapsedTimer>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() < 2) {
        std::fprintf(stderr, "Usage: vw_bench_search PATH QUERY...\n");
        return 2;
    }
    auto ws = vw::Workspace::open(args[0], vw::Workspace::Mode::OpenExisting);
    if (!ws) {
        std::fprintf(stderr, "vw_bench_search: %s\n", qPrintable(ws.error()));
        return 1;
    }
    const QStringList queries = args.mid(1);
    QList<double> times;
    qsizetype hits = 0;
    for (int pass = 0; pass < 2; ++pass) {
        for (const QString &query : queries) {
            QElapsedTimer t;
            t.start();
            auto result = ws.value()->search(vw::SearchQuery(query));
            const double ms = t.nsecsElapsed() / 1e6;
            if (!result) {
                std::fprintf(stderr, "vw_bench_search: %s: %s\n", qPrintable(query), qPrintable(result.error()));
                return 1;
            }
            if (pass == 1) {
                times << ms;
                hits += result->size();
            }
        }
    }
    std::sort(times.begin(), times.end());
    std::printf("%.1f %.1f %lld\n", times[times.size() / 2], times.last(), static_cast<long long>(hits));
    return 0;
}
