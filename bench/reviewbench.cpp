// Review and publication at the size of a long Vorlage: 50 pages (600 paragraphs) with 200 comments.
// Measures what happens on every autosave (moving the anchors), making a version, comparing two
// versions, the review and comparison PDFs, publishing one Vorlage and a session of 20.
// Prints medians; run through bench/review-speed.sh.
#include "demo.h"
#include "pdfexporter.h"
#include "publisher.h"
#include "vorlagediff.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr int paragraphs = 600;
constexpr int comments = 200;

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

double timeMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    QElapsedTimer t;
    for (int i = 0; i < runs; ++i) {
        t.start();
        work();
        times << t.nsecsElapsed() / 1e6;
    }
    return median(times);
}

void fail(const QString &what)
{
    std::fprintf(stderr, "%s\n", qPrintable(what));
    std::exit(1);
}

template<typename T>
T check(vw::Result<T> r)
{
    if (!r)
        fail(r.error());
    return std::move(r).value();
}

void check(vw::Result<void> r)
{
    if (!r)
        fail(r.error());
}

// The demo Beschlussvorlage with section C grown to `paragraphs` numbered paragraphs.
vw::Vorlage longVorlage(vw::Workspace &ws)
{
    vw::Vorlage v;
    for (const vw::VorlageSummary &s : check(ws.list())) {
        if (s.kind == vw::VorlageKind::Beschlussvorlage)
            v = check(ws.load(s.id));
    }
    vw::Content c;
    for (int i = 0; i < paragraphs; ++i)
        c << vw::Block::para(QStringLiteral("Absatz %1: Die Geräte werden zentral beschafft, eingerichtet und verwaltet; "
                                            "Prüfpunkt-%1 betrifft die Kosten, die Fortbildung und den Datenschutz "
                                            "der Schulen im Land Bremen.")
                                 .arg(i));
    v.section(QStringLiteral("C"))->content = c;
    return vw::duplicateVorlage(v);
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QTemporaryDir dir;
    auto ws = check(vw::openOrCreateWithDemo(dir.filePath(QStringLiteral("bench.vorlagen"))));
    ws->setAuthor(QStringLiteral("Bench"));

    const qint64 plainId = check(ws->add(longVorlage(*ws)));
    const qint64 id = check(ws->add(longVorlage(*ws)));
    for (int i = 0; i < comments; ++i) {
        const int p = i * paragraphs / comments;
        vw::Annotation a;
        a.vorlageId = id;
        a.anchor = check(vw::findAnchor(check(ws->load(id)), {vw::Place::Kind::Section, QStringLiteral("C"), {}},
                                        QStringLiteral("Prüfpunkt-%1 ").arg(p)));
        a.text = QStringLiteral("Bitte Kosten zu Punkt %1 belegen.").arg(p);
        check(ws->addAnnotation(a));
    }

    // One keystroke in the first paragraph, saved as autosave does: every anchor after it moves.
    const auto typeAndSave = [&ws](qint64 vid) {
        return [&ws, vid] {
            vw::Vorlage v = check(ws->load(vid));
            v.section(QStringLiteral("C"))->content.first().paragraph.spans.first().text.prepend(QLatin1Char('x'));
            check(ws->save(v));
        };
    };
    const double savePlain = timeMs(30, typeAndSave(plainId));
    const double saveAnnotated = timeMs(30, typeAndSave(id));
    const vw::Vorlage current = check(ws->load(id));
    std::printf("Vorlage: %d paragraphs in C, %d comments\n", paragraphs, comments);
    std::printf("autosave after one keystroke, no comments:        %8.1f ms\n", savePlain);
    std::printf("autosave after one keystroke, %d comments moved: %8.1f ms\n", comments, saveAnnotated);

    vw::Vorlage edited = current;
    edited.section(QStringLiteral("C"))->content.first().paragraph.spans.first().text.prepend(QLatin1Char('y'));
    const QList<vw::Annotation> annotations = check(ws->annotations(id));
    std::printf("remapAnchors alone (%d anchors):                 %8.2f ms\n", comments, timeMs(30, [&] {
                    QList<vw::Annotation> copy = annotations;
                    QList<vw::Anchor *> anchors;
                    for (vw::Annotation &a : copy)
                        anchors << &a.anchor;
                    vw::remapAnchors(current, edited, anchors);
                }));

    std::printf("version (snapshot with figure values):            %8.1f ms\n",
                timeMs(10, [&] { check(ws->addVersion(id, QStringLiteral("Bench"))); }));

    vw::Vorlage changed = current;
    for (int i = 0; i < paragraphs; i += 20)
        changed.section(QStringLiteral("C"))->content[i].paragraph.spans.first().text.replace(
            QStringLiteral("zentral"), QStringLiteral("dezentral"));
    const vw::FigureValues figures = check(ws->figureValues(&current));
    std::printf("compare two versions (30 changed paragraphs):     %8.1f ms\n",
                timeMs(10, [&] { vw::compareVorlagen(current, changed, &ws->ressorts(), &figures, &figures); }));
    const vw::PdfExporter exporter(ws->ressorts(), figures);
    std::printf("comparison PDF:                                   %8.1f ms\n",
                timeMs(5, [&] { check(exporter.comparisonBytes(current, vw::VersionLabel{1, QStringLiteral("Bench"), {}, {}}, changed, {})); }));
    std::printf("review PDF with %d comments:                     %8.1f ms\n", comments,
                timeMs(5, [&] { check(exporter.reviewBytes(current, annotations)); }));
    std::printf("normal PDF of the same Vorlage:                   %8.1f ms\n",
                timeMs(5, [&] { check(exporter.toBytes(current)); }));

    // Publication: 21 decided Vorlagen of one session (copies of the long one, no comments).
    const QDate session(2020, 11, 24);
    QList<qint64> decided;
    for (int i = 0; i < 21; ++i) {
        vw::Vorlage v = longVorlage(*ws);
        v.title = QStringLiteral("Bench-Vorlage %1").arg(i);
        v.sessionDate = session;
        const qint64 vid = check(ws->add(v));
        check(ws->setStatus(vid, vw::Status::InAbstimmung));
        check(ws->setStatus(vid, vw::Status::Beschlussreif));
        check(ws->setStatus(vid, vw::Status::Beschlossen, session, vw::Outcome::Unveraendert));
        decided << vid;
    }
    vw::Publisher publisher(*ws);
    QElapsedTimer t;
    t.start();
    check(publisher.publish(decided.takeFirst(), dir.filePath(QStringLiteral("one")), true));
    std::printf("publish one Vorlage (checks, PDF, outline, package): %5.1f ms\n", t.nsecsElapsed() / 1e6);
    t.start();
    const auto result = check(publisher.publishSession(session, dir.filePath(QStringLiteral("session")), true));
    std::printf("publish a session of %lld Vorlagen:                 %8.1f ms (%lld failures)\n",
                static_cast<long long>(result.packages.size()), t.nsecsElapsed() / 1e6,
                static_cast<long long>(result.failures.size()));
    return 0;
}
