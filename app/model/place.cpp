#include "place.h"

#include <QHash>

#include <algorithm>

namespace vw {

namespace {

struct KindName {
    Place::Kind kind;
    const char *name;
    bool item; // named by an item id, not by a field
};

const KindName kindNames[] = {
    {Place::Kind::Header, "header", false},           {Place::Kind::Section, "section", false},
    {Place::Kind::Question, "question", true},        {Place::Kind::Answer, "answer", true},
    {Place::Kind::Beschluss, "beschluss", true},      {Place::Kind::Beteiligung, "beteiligung", true},
    {Place::Kind::Anlage, "anlage", true},
};

// Items of one list compared by id: every id whose item differs, is new, is gone or moved.
template <typename T>
void changedItems(const QList<T> &before, const QList<T> &after, QList<QString> *ids)
{
    QHash<QString, qsizetype> old;
    for (qsizetype i = 0; i < before.size(); ++i)
        old.insert(before[i].id, i);
    QHash<QString, bool> seen;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const auto it = old.constFind(after[i].id);
        seen.insert(after[i].id, true);
        if (it == old.constEnd() || it.value() != i || before[it.value()] != after[i])
            ids->append(after[i].id);
    }
    for (const T &item : before) {
        if (!seen.contains(item.id))
            ids->append(item.id);
    }
}

} // namespace

QString placeKey(const Place &place)
{
    for (const KindName &k : kindNames) {
        if (k.kind == place.kind)
            return QLatin1String(k.name) + QLatin1Char(':') + (k.item ? place.itemId : place.field);
    }
    return {};
}

bool placeFromKey(const QString &key, Place *place)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == key.size() - 1)
        return false;
    const QStringView kind = QStringView(key).left(colon);
    for (const KindName &k : kindNames) {
        if (kind == QLatin1String(k.name)) {
            Place p;
            p.kind = k.kind;
            (k.item ? p.itemId : p.field) = key.mid(colon + 1);
            *place = p;
            return true;
        }
    }
    return false;
}

QList<Place> changedPlaces(const Vorlage &before, const Vorlage &after)
{
    QList<Place> places;
    const auto header = [&places](bool changed, const char *field) {
        if (changed)
            places.append({Place::Kind::Header, QLatin1String(field), {}});
    };
    const Vorlage &b = before;
    const Vorlage &a = after;
    header(b.kind != a.kind, "kind");
    header(b.paperKind != a.paperKind, "paperKind");
    header(b.date != a.date, "date");
    header(b.sessionDate != a.sessionDate, "sessionDate");
    header(b.body != a.body, "body");
    header(b.questionNumber != a.questionNumber, "questionNumber");
    header(b.title != a.title, "title");
    header(b.subtitle != a.subtitle, "subtitle");
    header(b.references != a.references, "references");
    header(b.fileCode != a.fileCode, "fileCode");
    header(b.questionSignatories != a.questionSignatories, "questionSignatories");
    header(b.fraktion != a.fraktion, "fraktion");
    header(b.askedOn != a.askedOn, "askedOn");
    header(b.ressorts != a.ressorts, "ressorts");

    // Sections are stored by position: a changed order or set of labels changes all of them.
    const bool sameLabels = std::equal(b.sections.cbegin(), b.sections.cend(), a.sections.cbegin(), a.sections.cend(),
                                       [](const Section &x, const Section &y) { return x.label == y.label; });
    for (qsizetype i = 0; i < a.sections.size(); ++i) {
        const Section &s = a.sections[i];
        if (!sameLabels || s.heading != b.sections[i].heading || s.content != b.sections[i].content)
            places.append({Place::Kind::Section, s.label, {}});
    }
    if (!sameLabels) {
        for (const Section &s : b.sections) {
            if (!a.section(s.label))
                places.append({Place::Kind::Section, s.label, {}});
        }
    }

    // A question is two places: its text and its answer.
    QHash<QString, qsizetype> oldQuestion;
    for (qsizetype i = 0; i < b.questions.size(); ++i)
        oldQuestion.insert(b.questions[i].id, i);
    for (qsizetype i = 0; i < a.questions.size(); ++i) {
        const Question &q = a.questions[i];
        const qsizetype old = oldQuestion.value(q.id, -1);
        const bool moved = old != i;
        if (moved || b.questions[old].text != q.text)
            places.append({Place::Kind::Question, {}, q.id});
        if (moved || b.questions[old].answer != q.answer)
            places.append({Place::Kind::Answer, {}, q.id});
    }
    for (const Question &q : b.questions) {
        if (std::none_of(a.questions.cbegin(), a.questions.cend(), [&q](const Question &x) { return x.id == q.id; }))
            places << Place{Place::Kind::Question, {}, q.id} << Place{Place::Kind::Answer, {}, q.id};
    }

    QList<QString> ids;
    changedItems(b.beschluss, a.beschluss, &ids);
    for (const QString &id : std::as_const(ids))
        places.append({Place::Kind::Beschluss, {}, id});
    ids.clear();
    changedItems(b.beteiligung, a.beteiligung, &ids);
    for (const QString &id : std::as_const(ids))
        places.append({Place::Kind::Beteiligung, {}, id});
    ids.clear();
    changedItems(b.anlagen, a.anlagen, &ids);
    for (const QString &id : std::as_const(ids))
        places.append({Place::Kind::Anlage, {}, id});
    return places;
}

} // namespace vw
