#include "testdemo.h"

#include "annotation.h"
#include "pdfexporter.h"
#include "vorlagediff.h"
#include "workspace.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace vw;

namespace {

const RessortTable &ressorts()
{
    static QTemporaryDir dir;
    static auto ws = Workspace::open(dir.filePath(QStringLiteral("r.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(ws.ok());
    return ws.value()->ressorts();
}

struct Pdf {
    QByteArray bytes;
    std::unique_ptr<QBuffer> buffer;
    std::unique_ptr<QPdfDocument> doc;
    QStringList pages; // text per page, whitespace simplified
    QString all;
};

Pdf read(const QByteArray &bytes)
{
    Pdf r;
    r.bytes = bytes;
    r.buffer = std::make_unique<QBuffer>(&r.bytes);
    r.buffer->open(QIODevice::ReadOnly);
    r.doc = std::make_unique<QPdfDocument>();
    r.doc->load(r.buffer.get());
    REQUIRE(r.doc->status() == QPdfDocument::Status::Ready);
    for (int i = 0; i < r.doc->pageCount(); ++i)
        r.pages << r.doc->getAllText(i).text().simplified();
    r.all = r.pages.join(QLatin1Char(' '));
    return r;
}

QDateTime at(int day, int hour)
{
    return QDateTime(QDate(2020, 5, day), QTime(hour, 15));
}

Annotation comment(const Vorlage &v, const Place &place, const QString &quote, const QString &author,
                   const QString &text)
{
    auto anchor = findAnchor(v, place, quote);
    REQUIRE(anchor.ok());
    Annotation a;
    a.anchor = anchor.value();
    a.author = author;
    a.created = at(5, 9);
    a.text = text;
    return a;
}

// A Fragestunde under review: comments in the header, a section and an answer (after a figure quote),
// a suggestion, a detached comment, Beteiligung entries and an internal Anlage, all with marker words.
struct Review {
    Vorlage vorlage;
    QList<Annotation> annotations;
};

Review reviewCase()
{
    Review r;
    Vorlage &v = r.vorlage;
    v = demoVorlagen()[0];
    v.id = 7;
    const Place sectionC{Place::Kind::Section, QStringLiteral("C"), {}};
    const Place title{Place::Kind::Header, QStringLiteral("title"), {}};
    const Place answer1{Place::Kind::Answer, {}, v.questions[0].id};

    Annotation a = comment(v, sectionC, QStringLiteral("nicht vorgeschlagen"), QStringLiteral("Prüferin Kommentarmarke"),
                           QStringLiteral("KOMMENTAR-ALPHA: Bitte begründen."));
    a.replies << Reply{1, QStringLiteral("Sachbearbeiter Antwortmarke"), at(6, 11), QStringLiteral("ANTWORT-BETA: Wird ergänzt.")};
    a.resolved = true;
    a.resolvedBy = QStringLiteral("Prüferin Kommentarmarke");
    a.resolvedAt = at(7, 8);
    r.annotations << a;

    Annotation s = comment(v, title, QStringLiteral("Mobiles Arbeiten"), QStringLiteral("Referent Vorschlagmarke"),
                           QStringLiteral("VORSCHLAG-GAMMA: Genauer."));
    s.suggestion = Annotation::Suggestion::Rejected;
    s.replacement = QStringLiteral("Mobile Arbeit ERSATZ-DELTA");
    s.decidedBy = QStringLiteral("Sachbearbeiter Antwortmarke");
    s.decided = at(8, 10);
    r.annotations << s;

    r.annotations << comment(v, answer1, QStringLiteral("Notebooks ausgegeben"), QStringLiteral("Prüferin Kommentarmarke"),
                             QStringLiteral("KOMMENTAR-EPSILON: Stand?"));

    Annotation detached;
    detached.anchor.place = sectionC;
    detached.anchor.quote = QStringLiteral("GELÖSCHT-ZETA Worte");
    detached.anchor.detached = true;
    detached.author = QStringLiteral("Prüferin Kommentarmarke");
    detached.created = at(4, 9);
    detached.text = QStringLiteral("KOMMENTAR-ETA: Veraltet.");
    r.annotations << detached;

    Participation finance;
    finance.id = QStringLiteral("p1");
    finance.ressortKey = QStringLiteral("finanzen");
    finance.state = Participation::State::Einwaende;
    finance.date = QDate(2020, 5, 6);
    finance.text = QStringLiteral("EINWAND-THETA: Finanzierung ungeklärt.");
    Participation council;
    council.id = QStringLiteral("p2");
    council.name = QStringLiteral("Gesamtpersonalrat IOTA");
    council.state = Participation::State::ZugestimmtMitMassgabe;
    council.date = QDate(2020, 5, 7);
    council.text = QStringLiteral("MASSGABE-KAPPA: Schulung anbieten.");
    v.beteiligung = {finance, council};

    Anlage objection;
    objection.id = QStringLiteral("a1");
    objection.title = QStringLiteral("Einwände der Senatorin für Finanzen");
    objection.mediaType = QStringLiteral("text/plain");
    objection.text = QStringLiteral("ANLAGE-LAMBDA: interner Vermerk.");
    objection.internal = true;
    v.anlagen = {objection};
    return r;
}

const QStringList internalMarkers{QStringLiteral("KOMMENTAR-ALPHA"), QStringLiteral("ANTWORT-BETA"), QStringLiteral("VORSCHLAG-GAMMA"),
                                  QStringLiteral("ERSATZ-DELTA"),    QStringLiteral("KOMMENTAR-EPSILON"), QStringLiteral("GELÖSCHT-ZETA"),
                                  QStringLiteral("KOMMENTAR-ETA"),   QStringLiteral("EINWAND-THETA"),  QStringLiteral("IOTA"),
                                  QStringLiteral("MASSGABE-KAPPA"),  QStringLiteral("ANLAGE-LAMBDA"),  QStringLiteral("Kommentarmarke"),
                                  QStringLiteral("Antwortmarke"),    QStringLiteral("Vorschlagmarke"),  QStringLiteral("Einwände"),
                                  QStringLiteral("zugestimmt mit Maßgabe"), QStringLiteral("Entwurf – nicht zur Veröffentlichung")};

} // namespace

TEST_CASE("the review PDF carries the watermark on every page, every comment with its number, the Beteiligung", "[export][review]")
{
    const Review r = reviewCase();
    auto bytes = PdfExporter(ressorts()).reviewBytes(r.vorlage, r.annotations);
    REQUIRE(bytes.ok());
    const Pdf pdf = read(bytes.value());
    REQUIRE(pdf.doc->pageCount() >= 2);
    for (int i = 0; i < pdf.doc->pageCount(); ++i) {
        INFO("page " << i + 1);
        CHECK(pdf.pages[i].contains(PdfExporter::reviewWatermark()));
        CHECK(pdf.pages[i].contains(QStringLiteral("Seite %1 von %2").arg(i + 1).arg(pdf.doc->pageCount())));
    }
    for (const QString &marker : internalMarkers) {
        INFO(marker.toStdString());
        CHECK(pdf.all.contains(marker));
    }
    // Numbered in reading order: title, section C, … the answer (in B) comes before C; detached last.
    CHECK(pdf.all.contains(QStringLiteral("[1] Titel: „Mobiles Arbeiten“")));
    CHECK(pdf.all.contains(QStringLiteral("[2] Antwort zu Frage 1: „Notebooks ausgegeben“")));
    CHECK(pdf.all.contains(QStringLiteral("[3] Abschnitt C: „nicht vorgeschlagen“")));
    CHECK(pdf.all.contains(QStringLiteral("[4] Abschnitt C: „GELÖSCHT-ZETA Worte“ (Text nicht mehr vorhanden)")));
    // The numbers stand right after the anchored words in the text of the Vorlage.
    const QString body = pdf.pages.first();
    CHECK(body.contains(QRegularExpression(QStringLiteral("Mobiles Arbeiten ?\\[1\\]"))));
    CHECK(pdf.all.contains(QRegularExpression(QStringLiteral("Notebooks ausgegeben ?\\[2\\]"))));
    CHECK(pdf.all.contains(QRegularExpression(QStringLiteral("nicht vorgeschlagen ?\\[3\\]"))));
    CHECK_FALSE(pdf.all.contains(QRegularExpression(QStringLiteral("Worte ?\\[4\\]"))));
    // Reply, resolution, suggestion and its decision.
    CHECK(pdf.all.contains(QStringLiteral("Antwort von Sachbearbeiter Antwortmarke, 06.05.2020, 11:15 Uhr")));
    CHECK(pdf.all.contains(QStringLiteral("Erledigt von Prüferin Kommentarmarke am 07.05.2020, 08:15 Uhr")));
    CHECK(pdf.all.contains(QStringLiteral("„Mobiles Arbeiten“ ersetzen durch „Mobile Arbeit ERSATZ-DELTA“")));
    CHECK(pdf.all.contains(QStringLiteral("Entscheidung: abgelehnt von Sachbearbeiter Antwortmarke")));
    // The Beteiligung table: Ressort name from the table, state, date, objection.
    CHECK(pdf.all.contains(QStringLiteral("Ressort/Stelle")));
    CHECK(pdf.all.contains(ressorts().nameOn(QStringLiteral("finanzen"), r.vorlage.date)));
    CHECK(pdf.all.contains(QStringLiteral("Einwände (offen)")));
    CHECK(pdf.all.contains(QStringLiteral("06.05.2020")));
}

TEST_CASE("the normal export stays clean of comments, Beteiligung and reviewers", "[export][review]")
{
    const Review r = reviewCase();
    auto bytes = PdfExporter(ressorts()).toBytes(r.vorlage);
    REQUIRE(bytes.ok());
    const Pdf pdf = read(bytes.value());
    for (const QString &marker : internalMarkers) {
        INFO(marker.toStdString());
        CHECK_FALSE(pdf.all.contains(marker));
    }
    CHECK_FALSE(pdf.all.contains(QRegularExpression(QStringLiteral("\\[\\d\\]"))));
    // The same text is there, without the note numbers.
    CHECK(pdf.all.contains(QStringLiteral("Alternativen werden nicht vorgeschlagen.")));
}

TEST_CASE("the review PDF without comments or Beteiligung says so", "[export][review]")
{
    const Vorlage v = demoVorlagen()[1];
    auto bytes = PdfExporter(ressorts()).reviewBytes(v, {});
    REQUIRE(bytes.ok());
    const Pdf pdf = read(bytes.value());
    CHECK(pdf.all.contains(QStringLiteral("Zu diesem Entwurf gibt es keine Anmerkungen.")));
    CHECK(pdf.all.contains(QStringLiteral("Es sind keine Beteiligten eingetragen.")));
}

TEST_CASE("the comparison PDF shows inserted and deleted words, the versions and a legend", "[export][review]")
{
    const Vorlage before = demoVorlagen()[1];
    Vorlage after = before;
    after.title = QStringLiteral("Digitale Endgeräte für alle Lehrkräfte an Schulen"); // +alle, −öffentlichen
    after.section(QStringLiteral("C"))->content.append(Block::para(QStringLiteral("EINGEFÜGTER-ABSATZ bleibt offen.")));
    const VersionLabel v1{1, QStringLiteral("zur Mitzeichnung"), at(4, 9), QStringLiteral("Anna Beispiel")};
    const VersionLabel v2{2, QStringLiteral("Staatsrätekonferenz"), at(11, 14), QStringLiteral("Bernd Muster")};

    auto bytes = PdfExporter(ressorts()).comparisonBytes(before, v1, after, v2);
    REQUIRE(bytes.ok());
    const Pdf pdf = read(bytes.value());
    CHECK(pdf.all.contains(QStringLiteral("Vergleich: Digitale Endgeräte für alle Lehrkräfte an Schulen")));
    CHECK(pdf.all.contains(QStringLiteral("Fassung 1 „zur Mitzeichnung“ (04.05.2020, Anna Beispiel) → "
                                          "Fassung 2 „Staatsrätekonferenz“ (11.05.2020, Bernd Muster)")));
    CHECK(pdf.all.contains(QStringLiteral("Legende: eingefügter Text (unterstrichen)")));
    CHECK(pdf.all.contains(QStringLiteral("gelöschter Text (durchgestrichen)")));
    CHECK(pdf.all.contains(QStringLiteral("2 Stellen sind geändert.")));
    // The title place shows both versions' words; the new paragraph is there.
    CHECK(pdf.all.contains(QStringLiteral("Digitale Endgeräte für alle Lehrkräfte an öffentlichen Schulen")));
    CHECK(pdf.all.contains(QStringLiteral("EINGEFÜGTER-ABSATZ bleibt offen.")));
    CHECK(pdf.all.contains(QStringLiteral("Abschnitt C – Alternativen")));
    // Unchanged places are named, not printed.
    CHECK(pdf.all.contains(QStringLiteral("Unverändert:")));
    CHECK(pdf.all.contains(QStringLiteral("Abschnitt A – Problem")));
    CHECK_FALSE(pdf.all.contains(QStringLiteral("Lehrkräfte an den öffentlichen Schulen im Land Bremen arbeiten")));
}

namespace {

// Pixel rows of the first page, rendered in grey on white, that hold a dark horizontal line longer
// than any letter (an underline or a strike-through of a word).
int longLineRows(const QByteArray &bytes)
{
    const Pdf pdf = read(bytes);
    const QImage rendered = pdf.doc->render(0, QSize(1190, 1684));
    QImage page(rendered.size(), QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter(&page).drawImage(0, 0, rendered);
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    int rows = 0;
    for (int y = 0; y < grey.height(); ++y) {
        int run = 0, best = 0;
        for (int x = 0; x < grey.width(); ++x) {
            run = qGray(grey.pixel(x, y)) < 170 ? run + 1 : 0;
            best = std::max(best, run);
        }
        rows += best > 60 ? 1 : 0;
    }
    return rows;
}

} // namespace

TEST_CASE("comparison marks survive black-and-white printing", "[export][review]")
{
    // The same one-word title, then a changed one: the changed word's strike-through and the new word's
    // underline are dark lines in grey, on top of the legend's samples.
    Vorlage before = demoVorlagen()[1];
    before.sections.clear();
    before.subtitle.clear();
    before.references.clear();
    before.title = QStringLiteral("WWWWWWWW");
    Vorlage after = before;
    auto same = PdfExporter(ressorts()).comparisonBytes(before, {}, after, {});
    after.title = QStringLiteral("MMMMMMMM");
    auto changed = PdfExporter(ressorts()).comparisonBytes(before, {}, after, {});
    REQUIRE(same.ok());
    REQUIRE(changed.ok());
    const int base = longLineRows(same.value());
    CHECK(base >= 2); // the legend
    CHECK(longLineRows(changed.value()) >= base + 2);
}

