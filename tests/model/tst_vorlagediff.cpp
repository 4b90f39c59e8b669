#include "testdemo.h"

#include "vorlagediff.h"

#include <QRandomGenerator>

using namespace vw;

namespace {

QList<DiffRun> changes(const PlaceDiff &p)
{
    QList<DiffRun> result;
    for (const DiffRun &r : p.runs) {
        if (r.kind != DiffRun::Kind::Equal)
            result << r;
    }
    return result;
}

QStringList changedLabels(const VorlageDiff &diff)
{
    QStringList labels;
    for (const PlaceDiff &p : diff.places) {
        if (p.changed)
            labels << p.label;
    }
    return labels;
}

const PlaceDiff *place(const VorlageDiff &diff, const QString &label)
{
    for (const PlaceDiff &p : diff.places) {
        if (p.label == label)
            return &p;
    }
    return nullptr;
}

// Every place's runs give back exactly the two texts compared.
void checkExact(const VorlageDiff &diff)
{
    for (const PlaceDiff &p : diff.places) {
        bool anyChange = false;
        for (const DiffRun &r : p.runs) {
            CHECK_FALSE(r.text.isEmpty());
            anyChange = anyChange || r.kind != DiffRun::Kind::Equal;
        }
        CHECK(p.changed == (anyChange || p.added || p.removed));
    }
}

Paragraph withFigure(const QString &before, const QString &key, const QString &frozen, const QString &after)
{
    Paragraph p = Paragraph::plain(before);
    Span quote = Span::quote(key);
    quote.frozen = frozen;
    p.append(quote);
    p.append(Span{after});
    return p;
}

} // namespace

TEST_CASE("comparing a Vorlage with itself finds no change", "[model][diff]")
{
    for (const Vorlage &v : demoVorlagen()) {
        const VorlageDiff diff = compareVorlagen(v, v);
        CHECK_FALSE(diff.hasChanges());
        CHECK(diff.changedCount() == 0);
        REQUIRE(diff.places.size() > v.sections.size());
        for (const PlaceDiff &p : diff.places) {
            CHECK_FALSE(p.changed);
            for (const DiffRun &r : p.runs)
                CHECK(r.kind == DiffRun::Kind::Equal);
        }
        checkExact(diff);
    }
}

TEST_CASE("an inserted word is marked in its section and nowhere else", "[model][diff]")
{
    const Vorlage before = demoVorlagen()[1];
    Vorlage after = before;
    Block &b = after.section(QStringLiteral("C"))->content[0];
    const QString old = b.paragraph.plainText();
    b.paragraph = Paragraph::plain(QString(old).replace(QStringLiteral("wurde geprüft"), QStringLiteral("wurde sorgfältig geprüft")));

    const VorlageDiff diff = compareVorlagen(before, after);
    CHECK(changedLabels(diff) == QStringList{QStringLiteral("Abschnitt C – Alternativen")});
    const PlaceDiff *c = place(diff, QStringLiteral("Abschnitt C – Alternativen"));
    REQUIRE(c);
    const QList<DiffRun> marks = changes(*c);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].kind == DiffRun::Kind::Insert);
    CHECK(marks[0].text.trimmed() == QStringLiteral("sorgfältig"));
    CHECK(c->beforeText() == contentPlainText(before.section(QStringLiteral("C"))->content));
    CHECK(c->afterText() == contentPlainText(after.section(QStringLiteral("C"))->content));
    checkExact(diff);
}

TEST_CASE("a deleted word is marked as deleted", "[model][diff]")
{
    const Vorlage before = demoVorlagen()[1];
    Vorlage after = before;
    after.title = QStringLiteral("Digitale Endgeräte für Lehrkräfte an Schulen"); // "öffentlichen" deleted

    const VorlageDiff diff = compareVorlagen(before, after);
    CHECK(changedLabels(diff) == QStringList{QStringLiteral("Titel")});
    const QList<DiffRun> marks = changes(*place(diff, QStringLiteral("Titel")));
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].kind == DiffRun::Kind::Delete);
    CHECK(marks[0].text.trimmed() == QStringLiteral("öffentlichen"));
}

TEST_CASE("a figure quote compares by its printed value, the frozen one first", "[model][diff]")
{
    Vorlage before = demoVorlagen()[1];
    Section *d = before.section(QStringLiteral("D"));
    d->content = {Block::para(withFigure(QStringLiteral("Die Kosten von insgesamt "), QStringLiteral("kosten"),
                                         QStringLiteral("7.500.000 €"), QStringLiteral(" trägt der Bund.")))};
    Vorlage after = before;
    after.section(QStringLiteral("D"))->content = {Block::para(withFigure(
        QStringLiteral("Die Kosten von insgesamt "), QStringLiteral("kosten"), QStringLiteral("7.900.000 €"),
        QStringLiteral(" trägt der Bund.")))};

    const VorlageDiff diff = compareVorlagen(before, after);
    const QString label = QStringLiteral("Abschnitt D – Finanzielle und Personalwirtschaftliche Auswirkungen, Gender-Prüfung");
    CHECK(changedLabels(diff) == QStringList{label});
    const QList<DiffRun> marks = changes(*place(diff, label));
    REQUIRE(marks.size() == 2);
    QString deleted, inserted;
    for (const DiffRun &r : marks)
        (r.kind == DiffRun::Kind::Delete ? deleted : inserted) += r.text;
    CHECK(deleted == QStringLiteral("7.500.000"));
    CHECK(inserted == QStringLiteral("7.900.000"));

    // The same frozen value is no change, whatever the workspace's figure says now.
    Figure f;
    f.key = QStringLiteral("kosten");
    f.type = FigureType::Amount;
    f.value = QStringLiteral("100.00");
    const FigureValues now({f}, {});
    CHECK_FALSE(compareVorlagen(before, before, nullptr, &now, &now).hasChanges());

    // Unfrozen quotes print the looked-up value: a changed figure shows up.
    Vorlage live = before;
    forEachSpan(live.section(QStringLiteral("D"))->content, [](Span &s) { s.frozen.clear(); });
    const VorlageDiff liveDiff = compareVorlagen(before, live, nullptr, &now, &now);
    CHECK(changedLabels(liveDiff) == QStringList{label});
    CHECK(place(liveDiff, label)->afterText().contains(QStringLiteral("100 €")));
}

TEST_CASE("an added paragraph is one exact insertion, the lines around it stay equal", "[model][diff]")
{
    const Vorlage before = demoVorlagen()[1];
    Vorlage after = before;
    Section *a = after.section(QStringLiteral("A"));
    const QString added = QStringLiteral("Die Schulleitungen haben den Bedarf bereits gemeldet.");
    a->content.insert(1, Block::para(added));

    const VorlageDiff diff = compareVorlagen(before, after);
    CHECK(changedLabels(diff) == QStringList{QStringLiteral("Abschnitt A – Problem")});
    const PlaceDiff *p = place(diff, QStringLiteral("Abschnitt A – Problem"));
    const QList<DiffRun> marks = changes(*p);
    REQUIRE(marks.size() == 1);
    CHECK(marks[0].kind == DiffRun::Kind::Insert);
    CHECK(marks[0].text == QStringLiteral("\n") + added);
    CHECK(p->afterText() == contentPlainText(a->content));
    CHECK(p->beforeText() == contentPlainText(before.section(QStringLiteral("A"))->content));
}

TEST_CASE("questions, Beschluss items, Beteiligung and Anlagen are compared by identity", "[model][diff]")
{
    Vorlage before = demoVorlagen()[0];
    REQUIRE(before.questions.size() >= 2);
    Participation finance;
    finance.id = QStringLiteral("p1");
    finance.name = QStringLiteral("Senatorin für Finanzen");
    finance.state = Participation::State::Angefragt;
    before.beteiligung = {finance};
    Vorlage after = before;
    // A question removed, a Beteiligung answered, an Anlage added.
    after.questions.removeAt(0);
    after.beteiligung[0].state = Participation::State::Einwaende;
    after.beteiligung[0].text = QStringLiteral("Die Finanzierung ist nicht gesichert.");
    Anlage anlage;
    anlage.id = QStringLiteral("a1");
    anlage.title = QStringLiteral("Mitteilung des Senats");
    after.anlagen = {anlage};

    const VorlageDiff diff = compareVorlagen(before, after);
    const QStringList labels = changedLabels(diff);
    CHECK(labels.contains(QStringLiteral("Frage 1 (entfallen)")));
    CHECK(labels.contains(QStringLiteral("Antwort zu Frage 1 (entfallen)")));
    // The question that moves up keeps its words: renumbered, not changed.
    REQUIRE(place(diff, QStringLiteral("Frage 1 (vorher Frage 2)")));
    CHECK_FALSE(place(diff, QStringLiteral("Frage 1 (vorher Frage 2)"))->changed);
    CHECK(labels.contains(QStringLiteral("Beteiligung: Senatorin für Finanzen")));
    CHECK(labels.contains(QStringLiteral("Anlage 1 (neu)")));
    const PlaceDiff *removed = place(diff, QStringLiteral("Frage 1 (entfallen)"));
    REQUIRE(removed);
    CHECK(removed->removed);
    CHECK(changes(*removed).size() == 1);
    CHECK(changes(*removed)[0].kind == DiffRun::Kind::Delete);
    CHECK(removed->beforeText() == before.questions[0].text.plainText());
    const PlaceDiff *b = place(diff, QStringLiteral("Beteiligung: Senatorin für Finanzen"));
    CHECK(b->afterText().contains(QStringLiteral("Einwände: Die Finanzierung ist nicht gesichert.")));
    // The removed question comes where it was: before the one that followed it.
    int removedAt = -1, movedAt = -1;
    for (int i = 0; i < diff.places.size(); ++i) {
        if (diff.places[i].label == QStringLiteral("Frage 1 (entfallen)"))
            removedAt = i;
        if (diff.places[i].label == QStringLiteral("Frage 1 (vorher Frage 2)"))
            movedAt = i;
    }
    CHECK(removedAt >= 0);
    CHECK(removedAt < movedAt);
    checkExact(diff);
}

TEST_CASE("the line diff gives back both texts exactly after random edits", "[model][diff]")
{
    QRandomGenerator random(20200512);
    const QStringList words{QStringLiteral("Senat"), QStringLiteral("die"), QStringLiteral("Schulen"), QStringLiteral("4750"),
                            QStringLiteral("Geräte"), QStringLiteral("und"), QStringLiteral("–"), QStringLiteral(",")};
    const auto randomText = [&] {
        QStringList lines;
        const int n = random.bounded(0, 6);
        for (int i = 0; i < n; ++i) {
            QStringList line;
            const int m = random.bounded(0, 7);
            for (int j = 0; j < m; ++j)
                line << words[random.bounded(int(words.size()))];
            lines << line.join(QLatin1Char(' '));
        }
        return lines.join(QLatin1Char('\n'));
    };
    for (int round = 0; round < 500; ++round) {
        const QString a = randomText();
        QString b = a;
        // Mostly small edits of the same text, sometimes a different text.
        if (random.bounded(4) == 0) {
            b = randomText();
        } else {
            for (int k = random.bounded(1, 4); k > 0; --k) {
                const int at = b.isEmpty() ? 0 : random.bounded(int(b.size()) + 1);
                if (random.bounded(2) == 0)
                    b.insert(at, random.bounded(3) == 0 ? QStringLiteral("\n") : words[random.bounded(int(words.size()))]);
                else if (!b.isEmpty())
                    b.remove(std::min(at, int(b.size()) - 1), random.bounded(1, 6));
            }
        }
        const QList<DiffRun> runs = diffLines(a, b);
        QString before, after;
        for (const DiffRun &r : runs) {
            CHECK_FALSE(r.text.isEmpty());
            if (r.kind != DiffRun::Kind::Insert)
                before += r.text;
            if (r.kind != DiffRun::Kind::Delete)
                after += r.text;
        }
        INFO(a.toStdString() << " => " << b.toStdString());
        REQUIRE(before == a);
        REQUIRE(after == b);
    }
}

TEST_CASE("the HTML comparison underlines insertions and strikes deletions", "[model][diff]")
{
    const Vorlage before = demoVorlagen()[1];
    Vorlage after = before;
    after.title = QStringLiteral("Neue Endgeräte für Lehrkräfte an öffentlichen Schulen");
    const QString html = vorlageDiffHtml(compareVorlagen(before, after));
    CHECK(html.contains(QStringLiteral("text-decoration: underline; color: #0b6b1f; background-color: #e3f4e6;\">Neue</span>")));
    CHECK(html.contains(QStringLiteral("text-decoration: line-through; color: #a8141b; background-color: #fbe5e5;\">Digitale</span>")));
    CHECK(html.contains(QStringLiteral("<h3>Titel</h3>")));
    CHECK(html.contains(QStringLiteral("Unverändert:")));
    CHECK(html.contains(QStringLiteral("Abschnitt C – Alternativen")));
    CHECK_FALSE(html.contains(QStringLiteral("<h3>Abschnitt C")));

    const QString same = vorlageDiffHtml(compareVorlagen(before, before));
    CHECK(same.contains(QStringLiteral("Die beiden Fassungen stimmen überein.")));
    CHECK_FALSE(same.contains(QStringLiteral("line-through; color: #a8141b; background-color")));
}

TEST_CASE("a version label reads as in the version list", "[model][diff]")
{
    VersionLabel v{2, QStringLiteral("zur Mitzeichnung"), QDateTime(QDate(2020, 5, 12), QTime(10, 0)), QStringLiteral("Anna Beispiel")};
    CHECK(versionLabelText(v) == QStringLiteral("Fassung 2 „zur Mitzeichnung“ (12.05.2020, Anna Beispiel)"));
    CHECK(versionLabelText(VersionLabel{}) == QStringLiteral("Aktueller Stand"));
}
