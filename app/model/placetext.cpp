#include "placetext.h"

#include "beteiligung.h"
#include "place.h"
#include "ressorts.h"

#include <QCoreApplication>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::PlaceText", text);
}

void collectParagraphKeys(const Paragraph &p, QStringList *keys)
{
    for (const Span &s : p.spans) {
        if (s.isFigure() && !keys->contains(s.figure))
            keys->append(s.figure);
    }
}

} // namespace

QList<PlaceText> placeTexts(const Vorlage &v, const FigureValues &figures, const RessortTable *ressorts)
{
    QList<PlaceText> list;
    const auto add = [&list](const QString &key, const QString &label, const QString &text, const QStringList &keys = {}) {
        if (!text.trimmed().isEmpty())
            list.append({key, label, text, keys});
    };
    add(placeKey({Place::Kind::Header, QStringLiteral("title"), {}}), tr("Titel"), v.title);
    add(placeKey({Place::Kind::Header, QStringLiteral("subtitle"), {}}), tr("Untertitel"), v.subtitle);
    add(placeKey({Place::Kind::Header, QStringLiteral("references"), {}}), tr("Bezug"), v.references.join(QLatin1Char('\n')));
    for (const Section &s : v.sections) {
        QStringList keys;
        collectFigureKeys(s.content, &keys);
        add(placeKey({Place::Kind::Section, s.label, {}}), tr("Abschnitt %1").arg(s.label), contentPlainText(s.content, &figures), keys);
    }
    for (int i = 0; i < v.questions.size(); ++i) {
        const Question &q = v.questions[i];
        QStringList keys;
        collectParagraphKeys(q.text, &keys);
        add(placeKey({Place::Kind::Question, {}, q.id}), tr("Frage %1").arg(i + 1), q.text.plainText(&figures), keys);
        QStringList answerKeys;
        collectFigureKeys(q.answer, &answerKeys);
        add(placeKey({Place::Kind::Answer, {}, q.id}), tr("Antwort zu Frage %1").arg(i + 1), contentPlainText(q.answer, &figures),
            answerKeys);
    }
    for (int i = 0; i < v.beschluss.size(); ++i) {
        const BeschlussItem &item = v.beschluss[i];
        QStringList keys;
        collectParagraphKeys(item.text, &keys);
        add(placeKey({Place::Kind::Beschluss, {}, item.id}), tr("Beschlusspunkt %1").arg(i + 1), item.text.plainText(&figures), keys);
    }
    for (const Participation &p : v.beteiligung) {
        const QString name = ressorts ? participantName(v, p, *ressorts) : (p.name.isEmpty() ? p.ressortKey : p.name);
        add(placeKey({Place::Kind::Beteiligung, {}, p.id}), tr("Beteiligung: %1").arg(name), p.text);
    }
    for (const Anlage &a : v.anlagen)
        add(placeKey({Place::Kind::Anlage, {}, a.id}), tr("Anlage „%1“").arg(a.title),
            a.text.isEmpty() ? a.title : a.title + QLatin1Char('\n') + a.text);

    QStringList quoted;
    for (const PlaceText &p : std::as_const(list))
        for (const QString &key : p.figureKeys)
            if (!quoted.contains(key))
                quoted << key;
    QStringList labels;
    for (const QString &key : std::as_const(quoted))
        if (const Figure *f = figures.find(key); f && !f->label.isEmpty())
            labels << f->label;
    add(QStringLiteral("figures"), tr("Zahlen"), labels.join(QLatin1Char('\n')), quoted);
    return list;
}

} // namespace vw
