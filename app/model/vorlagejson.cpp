#include "vorlagejson.h"

#include "ressorts.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

#include <functional>

namespace vw {

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

QString sectionPlainText(const Vorlage &vorlage, const Section &section, const FigureValues *figures)
{
    QStringList parts;
    for (const Block &block : section.content) {
        switch (block.type) {
        case Block::Type::Questions:
            for (int i = 0; i < vorlage.questions.size(); ++i)
                parts << QStringLiteral("%1. %2").arg(i + 1).arg(vorlage.questions[i].text.plainText(figures));
            if (!vorlage.questionSignatories.isEmpty())
                parts << vorlage.questionSignatories;
            break;
        case Block::Type::Answers:
            for (int i = 0; i < vorlage.questions.size(); ++i) {
                parts << QStringLiteral("Zu Frage %1:").arg(i + 1);
                parts << contentPlainText(vorlage.questions[i].answer, figures);
            }
            break;
        case Block::Type::Beschluss:
            for (int i = 0; i < vorlage.beschluss.size(); ++i) {
                const QString text = vorlage.beschluss[i].text.plainText(figures);
                parts << (vorlage.beschluss.size() == 1 ? text : QStringLiteral("%1. %2").arg(i + 1).arg(text));
            }
            break;
        default:
            parts << contentPlainText({block}, figures);
        }
    }
    parts.removeAll(QString());
    return parts.join(QLatin1Char('\n'));
}

QJsonObject vorlageToJson(const Vorlage &v, const RessortTable *ressorts, const FigureValues *figures)
{
    QJsonArray ressortArray;
    for (const RessortRef &r : v.ressorts) {
        QJsonObject o{{QStringLiteral("key"), r.key}, {QStringLiteral("lead"), r.lead}};
        o.insert(QStringLiteral("name"), ressorts ? ressorts->displayName(r.key, r.name, v.date) : r.name);
        ressortArray.append(o);
    }
    QJsonArray sections;
    for (const Section &s : v.sections) {
        QJsonObject o{{QStringLiteral("label"), s.label},
                      {QStringLiteral("heading"), s.heading},
                      {QStringLiteral("content"), contentToJson(s.content)}};
        if (ressorts)
            o.insert(QStringLiteral("text"), sectionPlainText(v, s, figures));
        sections.append(o);
    }
    QJsonArray questions;
    for (const Question &q : v.questions)
        questions.append(QJsonObject{{QStringLiteral("id"), q.id},
                                     {QStringLiteral("text"), paragraphToJson(q.text)},
                                     {QStringLiteral("answer"), contentToJson(q.answer)}});
    QJsonArray beschluss;
    for (const BeschlussItem &b : v.beschluss) {
        QJsonObject item{{QStringLiteral("id"), b.id},
                         {QStringLiteral("text"), paragraphToJson(b.text)},
                         {QStringLiteral("ressort"), b.ressortKey},
                         {QStringLiteral("dueDate"), dateText(b.dueDate)}};
        if (b.quotedFromVorlage)
            item.insert(QStringLiteral("quotedFrom"), QJsonObject{{QStringLiteral("vorlage"), b.quotedFromVorlage},
                                                                  {QStringLiteral("item"), b.quotedFromItem}});
        beschluss.append(item);
    }

    QJsonArray beteiligung;
    for (const Participation &p : v.beteiligung)
        beteiligung.append(QJsonObject{{QStringLiteral("id"), p.id},
                                       {QStringLiteral("ressort"), p.ressortKey},
                                       {QStringLiteral("name"), p.name},
                                       {QStringLiteral("state"), participationStateKey(p.state)},
                                       {QStringLiteral("date"), dateText(p.date)},
                                       {QStringLiteral("text"), p.text},
                                       {QStringLiteral("resolved"), p.resolved}});

    QJsonArray anlagen;
    for (const Anlage &a : v.anlagen)
        anlagen.append(QJsonObject{{QStringLiteral("id"), a.id},
                                   {QStringLiteral("title"), a.title},
                                   {QStringLiteral("fileName"), a.fileName},
                                   {QStringLiteral("mediaType"), a.mediaType},
                                   {QStringLiteral("sha256"), a.sha256},
                                   {QStringLiteral("size"), a.size},
                                   {QStringLiteral("text"), a.text},
                                   {QStringLiteral("internal"), a.internal},
                                   {QStringLiteral("licence"), a.licence},
                                   {QStringLiteral("accessible"), a.accessible}});

    QJsonObject o{
        {QStringLiteral("kind"), kindKey(v.kind)},
        {QStringLiteral("paperKind"), paperKindKey(v.paperKind)},
        {QStringLiteral("status"), statusKey(v.status)},
        {QStringLiteral("ressorts"), ressortArray},
        {QStringLiteral("date"), dateText(v.date)},
        {QStringLiteral("sessionDate"), dateText(v.sessionDate)},
        {QStringLiteral("body"), v.body},
        {QStringLiteral("questionNumber"), v.questionNumber},
        {QStringLiteral("title"), v.title},
        {QStringLiteral("subtitle"), v.subtitle},
        {QStringLiteral("references"), QJsonArray::fromStringList(v.references)},
        {QStringLiteral("fileCode"), v.fileCode},
        {QStringLiteral("sections"), sections},
        {QStringLiteral("questions"), questions},
        {QStringLiteral("questionSignatories"), v.questionSignatories},
        {QStringLiteral("fraktion"), v.fraktion},
        {QStringLiteral("askedOn"), dateText(v.askedOn)},
        {QStringLiteral("beschluss"), beschluss},
        {QStringLiteral("beteiligung"), beteiligung},
        {QStringLiteral("anlagen"), anlagen},
        {QStringLiteral("outcome"), outcomeKey(v.outcome)},
    };
    if (v.predecessorId != 0)
        o.insert(QStringLiteral("predecessor"), v.predecessorId);
    if (v.id != 0)
        o.insert(QStringLiteral("id"), v.id);
    if (v.modified.isValid())
        o.insert(QStringLiteral("modified"), v.modified.toString(Qt::ISODate));
    return o;
}

Result<Vorlage> vorlageFromJson(const QJsonObject &o)
{
    const auto fail = [](const QString &what) {
        return Error{QCoreApplication::translate("vw::Vorlage", "Ungültige Vorlage (JSON): %1").arg(what)};
    };
    Vorlage v;
    v.id = o.value(QStringLiteral("id")).toInteger();
    if (!kindFromKey(str(o, "kind"), &v.kind))
        return fail(QStringLiteral("kind „%1“").arg(str(o, "kind")));
    if (o.contains(QStringLiteral("paperKind")) && !paperKindFromKey(str(o, "paperKind"), &v.paperKind))
        return fail(QStringLiteral("paperKind „%1“").arg(str(o, "paperKind")));
    if (o.contains(QStringLiteral("status")) && !statusFromKey(str(o, "status"), &v.status))
        return fail(QStringLiteral("status „%1“").arg(str(o, "status")));
    for (const QJsonValue &r : o.value(QStringLiteral("ressorts")).toArray()) {
        const QJsonObject ro = r.toObject();
        v.ressorts.append({str(ro, "key"), str(ro, "name"), ro.value(QStringLiteral("lead")).toBool()});
    }
    v.date = QDate::fromString(str(o, "date"), Qt::ISODate);
    v.sessionDate = QDate::fromString(str(o, "sessionDate"), Qt::ISODate);
    v.body = o.value(QStringLiteral("body")).toString(QStringLiteral("Senat"));
    v.questionNumber = str(o, "questionNumber");
    v.title = str(o, "title");
    v.subtitle = str(o, "subtitle");
    for (const QJsonValue &r : o.value(QStringLiteral("references")).toArray())
        v.references << r.toString();
    v.fileCode = str(o, "fileCode");
    for (const QJsonValue &sv : o.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject so = sv.toObject();
        Section s{str(so, "label"), str(so, "heading"), {}};
        if (!contentFromJson(so.value(QStringLiteral("content")).toArray(), &s.content))
            return fail(QStringLiteral("Abschnitt %1").arg(s.label));
        v.sections.append(s);
    }
    for (const QJsonValue &qv : o.value(QStringLiteral("questions")).toArray()) {
        const QJsonObject qo = qv.toObject();
        Question q{str(qo, "id"), paragraphFromJson(qo.value(QStringLiteral("text"))), {}};
        if (q.id.isEmpty())
            q.id = newItemId();
        if (!contentFromJson(qo.value(QStringLiteral("answer")).toArray(), &q.answer))
            return fail(QStringLiteral("Antwort"));
        v.questions.append(q);
    }
    v.questionSignatories = str(o, "questionSignatories");
    v.fraktion = str(o, "fraktion");
    v.askedOn = QDate::fromString(str(o, "askedOn"), Qt::ISODate);
    for (const QJsonValue &bv : o.value(QStringLiteral("beschluss")).toArray()) {
        const QJsonObject bo = bv.toObject();
        BeschlussItem b{str(bo, "id"), paragraphFromJson(bo.value(QStringLiteral("text"))), str(bo, "ressort"),
                        QDate::fromString(str(bo, "dueDate"), Qt::ISODate)};
        const QJsonObject from = bo.value(QStringLiteral("quotedFrom")).toObject();
        b.quotedFromVorlage = from.value(QStringLiteral("vorlage")).toInteger();
        b.quotedFromItem = str(from, "item");
        if (b.id.isEmpty())
            b.id = newItemId();
        v.beschluss.append(b);
    }
    for (const QJsonValue &pv : o.value(QStringLiteral("beteiligung")).toArray()) {
        const QJsonObject po = pv.toObject();
        Participation p;
        p.id = str(po, "id");
        p.ressortKey = str(po, "ressort");
        p.name = str(po, "name");
        if (po.contains(QStringLiteral("state")) && !participationStateFromKey(str(po, "state"), &p.state))
            return fail(QStringLiteral("Beteiligung „%1“").arg(str(po, "state")));
        p.date = QDate::fromString(str(po, "date"), Qt::ISODate);
        p.text = str(po, "text");
        p.resolved = po.value(QStringLiteral("resolved")).toBool();
        if (p.id.isEmpty())
            p.id = newItemId();
        v.beteiligung.append(p);
    }
    for (const QJsonValue &av : o.value(QStringLiteral("anlagen")).toArray()) {
        const QJsonObject ao = av.toObject();
        Anlage a{str(ao, "id"), str(ao, "title"), str(ao, "fileName"), str(ao, "mediaType"), str(ao, "sha256"),
                 ao.value(QStringLiteral("size")).toInteger(), str(ao, "text"),
                 ao.value(QStringLiteral("internal")).toBool(), str(ao, "licence"),
                 ao.value(QStringLiteral("accessible")).toBool()};
        if (a.id.isEmpty())
            a.id = newItemId();
        v.anlagen.append(a);
    }
    if (!outcomeFromKey(str(o, "outcome"), &v.outcome))
        return fail(QStringLiteral("outcome „%1“").arg(str(o, "outcome")));
    v.predecessorId = o.value(QStringLiteral("predecessor")).toInteger();
    return v;
}

namespace {

// Every content and paragraph of a Vorlage that can quote figures.
void forEachQuotingSpan(Vorlage &v, const std::function<void(Span &)> &visit)
{
    for (Section &s : v.sections)
        forEachSpan(s.content, visit);
    for (Question &q : v.questions) {
        for (Span &span : q.text.spans)
            visit(span);
        forEachSpan(q.answer, visit);
    }
    for (BeschlussItem &b : v.beschluss)
        for (Span &span : b.text.spans)
            visit(span);
}

} // namespace

QStringList quotedFigureKeys(const Vorlage &vorlage)
{
    QStringList keys;
    forEachQuotingSpan(const_cast<Vorlage &>(vorlage), [&keys](Span &s) {
        if (s.isFigure() && !keys.contains(s.figure))
            keys << s.figure;
    });
    return keys;
}

Vorlage neufassung(const Vorlage &vorlage)
{
    Vorlage copy = duplicateVorlage(vorlage);
    copy.paperKind = PaperKind::Neufassung;
    copy.predecessorId = vorlage.id;
    forEachQuotingSpan(copy, [](Span &span) { span.frozen.clear(); });
    return copy;
}

void freezeFigures(Vorlage &vorlage, const FigureValues &figures)
{
    forEachQuotingSpan(vorlage, [&figures](Span &s) {
        if (s.isFigure() && s.frozen.isEmpty() && figures.find(s.figure))
            s.frozen = figures.text(s.figure);
    });
}

} // namespace vw
