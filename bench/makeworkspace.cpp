// Builds a workspace of N Vorlagen for the benchmarks of a large workspace (bench/workspace-speed.sh):
// the demo workspace, its two Vorlagen cloned with varied titles, dates (2016–2026), session dates,
// kinds, statuses, Ressorts and a few words of their own (so that search queries differ), written
// with Workspace::addAll in batches (one transaction each).
// Usage: vw_bench_make_workspace PATH [N] [--long]
//   N       Vorlagen in all (default 10000); 1 keeps only the demo Beschlussvorlage.
//   --long  one of them is the demo Beschlussvorlage with section B grown to about 50 pages
//           (as in bench/editorbench.cpp).
// Prints "vorlagen N", "open ID" (the demo Beschlussvorlage, the same Vorlage in every size) and,
// with --long, "long ID" on stdout.
#include "demo.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>

#include <cstdio>
#include <random>

namespace {

constexpr qint64 demoFragestunde = 1;
constexpr qint64 demoBeschlussvorlage = 2;
constexpr int batchSize = 2000;

void fail(const QString &what)
{
    std::fprintf(stderr, "vw_bench_make_workspace: %s\n", qPrintable(what));
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

const QStringList topics = {
    QStringLiteral("Homeoffice"),       QStringLiteral("Radverkehr"),      QStringLiteral("Kita-Ausbau"),
    QStringLiteral("Hafenentwicklung"), QStringLiteral("Klimaschutz"),     QStringLiteral("Wärmepumpen"),
    QStringLiteral("Schulsanierung"),   QStringLiteral("Digitalisierung"), QStringLiteral("Wohnungsbau"),
    QStringLiteral("Straßenbahn"),      QStringLiteral("Pflegekräfte"),    QStringLiteral("Integrationskurse"),
    QStringLiteral("Hochwasserschutz"), QStringLiteral("Stadtbibliothek"), QStringLiteral("Polizeireviere"),
    QStringLiteral("Gewerbeflächen"),   QStringLiteral("Ganztagsschulen"), QStringLiteral("Breitbandausbau"),
    QStringLiteral("Sportstätten"),     QStringLiteral("Krankenhausplanung"), QStringLiteral("Überseestadt"),
    QStringLiteral("Grünflächen"),      QStringLiteral("Fachkräftesicherung"), QStringLiteral("Energieberatung"),
};
const QStringList actions = {
    QStringLiteral("Bericht über"), QStringLiteral("Förderprogramm für"), QStringLiteral("Konzept zur"),
    QStringLiteral("Stand der"),    QStringLiteral("Finanzierung der"),   QStringLiteral("Evaluation der"),
    QStringLiteral("Fragen zur"),   QStringLiteral("Neuordnung der"),
};
const QStringList places = {
    QStringLiteral("Bremen-Nord"), QStringLiteral("Bremerhaven"), QStringLiteral("Vegesack"),
    QStringLiteral("Gröpelingen"), QStringLiteral("Hemelingen"),  QStringLiteral("Findorff"),
    QStringLiteral("Huchting"),    QStringLiteral("Osterholz"),   QStringLiteral("Schwachhausen"),
};
const QStringList ressortKeys = {
    QStringLiteral("senatskanzlei"), QStringLiteral("finanzen"),   QStringLiteral("inneres"),
    QStringLiteral("kinder-bildung"), QStringLiteral("wirtschaft"), QStringLiteral("justiz"),
    QStringLiteral("gesundheit"),    QStringLiteral("soziales"),   QStringLiteral("umwelt"),
    QStringLiteral("kultur"),        QStringLiteral("bund-europa"),
};

// One varied clone of a demo Vorlage: the Fragestunde for the kinds that ask, the Beschlussvorlage else.
vw::Vorlage variant(const vw::Vorlage &fragestunde, const vw::Vorlage &beschlussvorlage, int n, std::mt19937 &rng)
{
    const auto pick = [&rng](const QStringList &list) { return list[int(rng() % list.size())]; };
    const QList<vw::VorlageKind> kinds = vw::allKinds();
    const vw::VorlageKind kind = kinds[int(rng() % kinds.size())];
    const bool asks = kind == vw::VorlageKind::Fragestunde || kind == vw::VorlageKind::KleineAnfrage
                      || kind == vw::VorlageKind::GrosseAnfrage;
    vw::Vorlage v = vw::duplicateVorlage(asks ? fragestunde : beschlussvorlage);
    v.kind = kind;
    const QList<vw::Status> statuses = vw::allStatuses();
    v.status = statuses[int(rng() % statuses.size())];
    if (vw::isReadOnly(v.status))
        v.outcome = vw::Outcome::Unveraendert;
    v.date = QDate(2016, 1, 4).addDays(qint64(rng() % 3990)); // to the end of 2026
    // The session is a Tuesday one to four weeks later.
    const QDate session = v.date.addDays(7 + qint64(rng() % 21));
    v.sessionDate = session.addDays((2 - session.dayOfWeek() + 7) % 7);
    const QString topic = pick(topics);
    const QString place = pick(places);
    v.title = QStringLiteral("%1 %2 in %3 (%4)").arg(pick(actions), topic, place).arg(n);
    v.ressorts = {{pick(ressortKeys), {}, true}};
    if (rng() % 3 == 0)
        v.ressorts.append({pick(ressortKeys), {}, false});
    // A few words of its own in the first section, so that a search finds some Vorlagen and not others.
    if (!v.sections.isEmpty())
        v.sections.first().content.prepend(vw::Block::para(
            QStringLiteral("Zum Thema %1 in %2 berichtet das Ressort über %3 und %4; Vorgang %5.")
                .arg(topic, place, pick(topics), pick(topics))
                .arg(n)));
    return v;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    const bool withLong = args.removeAll(QStringLiteral("--long")) > 0;
    if (args.isEmpty() || args.size() > 2) {
        std::fprintf(stderr, "Usage: vw_bench_make_workspace PATH [N] [--long]\n");
        return 2;
    }
    const QString path = args[0];
    const int total = args.size() > 1 ? args[1].toInt() : 10000;
    if (total < 1 || (withLong && total < 2) || QFileInfo::exists(path))
        fail(QStringLiteral("N must be at least 1 (2 with --long), and %1 must not exist yet").arg(path));

    QElapsedTimer timer;
    timer.start();
    auto ws = check(vw::openOrCreateWithDemo(path));
    ws->setAuthor(QStringLiteral("Bench"));
    const vw::Vorlage fragestunde = check(ws->load(demoFragestunde));
    const vw::Vorlage beschlussvorlage = check(ws->load(demoBeschlussvorlage));
    int count = int(check(ws->list()).size());
    if (total == 1) {
        check(ws->remove(demoFragestunde));
        count = 1;
    }

    qint64 longId = 0;
    if (withLong) {
        vw::Vorlage v = vw::duplicateVorlage(beschlussvorlage);
        v.title = QStringLiteral("Lange Vorlage: %1").arg(v.title);
        vw::Section *b = v.section(QStringLiteral("B"));
        for (int i = 0; i < 640; ++i)
            b->content.append(vw::Block::para(
                QStringLiteral("Absatz %1: Die Schulen melden ihren Bedarf an Geräten bis zum Monatsende an die Behörde, "
                               "die ihn sammelt, prüft, mit den Haushaltsmitteln abgleicht und an den Dienstleister "
                               "weitergibt. Über Abweichungen wird die Deputation unterrichtet.")
                    .arg(i + 1)));
        longId = check(ws->add(v));
        ++count;
    }

    std::mt19937 rng(12); // the same workspace on every run
    while (count < total) {
        QList<vw::Vorlage> batch;
        for (int i = 0; i < batchSize && count + batch.size() < total; ++i)
            batch << variant(fragestunde, beschlussvorlage, count + int(batch.size()) + 1, rng);
        count += int(check(ws->addAll(batch)).size());
    }
    std::fprintf(stderr, "vw_bench_make_workspace: %d Vorlagen in %.1f s\n", count, timer.elapsed() / 1000.0);
    std::printf("vorlagen %d\nopen %lld\n", count, static_cast<long long>(demoBeschlussvorlage));
    if (longId)
        std::printf("long %lld\n", static_cast<long long>(longId));
    return 0;
}
