#include "commands.h"

#include "ressorts.h"
#include "vorlagedocument.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUndoCommand>

namespace vw::Commands {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Commands", text);
}

// Sets one value of the Vorlage. redo() and undo() swap the stored value with the model's, so after a
// merge the command still holds the value from before the first keystroke.
template <typename T> class ChangeValue : public QUndoCommand {
public:
    using Access = std::function<T &(Vorlage &)>;

    ChangeValue(VorlageDocument *doc, const QString &text, const Place &place, int cursor, Access access, T value,
                bool typing)
        : QUndoCommand(text), mDoc(doc), mPlace(place), mCursor(cursor), mAccess(std::move(access)),
          mValue(std::move(value)), mTyping(typing), mTime(QDateTime::currentMSecsSinceEpoch())
    {
    }

    void redo() override { swap(mCursor); }
    void undo() override { swap(-1); }
    int id() const override { return mTyping ? 1 : -1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ChangeValue<T> *>(other);
        if (!next || next->mDoc != mDoc || next->mPlace != mPlace || next->mTime - mTime > pauseMs)
            return false;
        mCursor = next->mCursor;
        mTime = next->mTime;
        return true;
    }

private:
    void swap(int cursor)
    {
        mDoc->modify([&](Vorlage &v) { std::swap(mAccess(v), mValue); }, mPlace);
        // The first redo is the edit itself, where the cursor already is; undo and redo move it back.
        if (mApplied)
            emit mDoc->focusRequested(mPlace, cursor);
        mApplied = true;
    }

    VorlageDocument *mDoc;
    Place mPlace;
    int mCursor; // after the edit; undo puts the cursor at the place as a whole
    Access mAccess;
    T mValue;
    bool mTyping;
    qint64 mTime;
    bool mApplied = false;
};

template <typename T>
void change(VorlageDocument *doc, const QString &text, const Place &place, int cursor,
            const typename ChangeValue<T>::Access &access, const T &value, bool typing)
{
    if (doc->isReadOnly())
        return;
    // The accessor hands out a mutable reference; here it is only read.
    Vorlage &current = const_cast<Vorlage &>(doc->vorlage());
    if (access(current) == value)
        return;
    doc->undoStack()->push(new ChangeValue<T>(doc, text, place, cursor, access, value, typing));
}

Place header(const char *field)
{
    return {Place::Kind::Header, QLatin1String(field)};
}

bool validIndex(int index, qsizetype size)
{
    return index >= 0 && index < size;
}

// Changes the list of questions or Beschluss items as one undo step; `edit` returns false to change nothing.
template <typename T>
void changeList(VorlageDocument *doc, QList<T> Vorlage::*member, const QString &text,
                const std::function<bool(QList<T> &)> &edit)
{
    QList<T> list = doc->vorlage().*member;
    if (!edit(list))
        return;
    // The list as a whole: an item kind without an id.
    change<QList<T>>(doc, text, {std::is_same_v<T, Question> ? Place::Kind::Question : Place::Kind::Beschluss}, -1,
                     [member](Vorlage &v) -> QList<T> & { return v.*member; }, list, false);
}

void questions(VorlageDocument *doc, const QString &text, const QList<Question> &value)
{
    changeList<Question>(doc, &Vorlage::questions, text, [&value](QList<Question> &l) { return (l = value, true); });
}

void beschluss(VorlageDocument *doc, const QString &text, const QList<BeschlussItem> &value)
{
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, text,
                              [&value](QList<BeschlussItem> &l) { return (l = value, true); });
}

template <typename T> bool insertAt(QList<T> &list, int at, const T &item)
{
    list.insert(std::clamp<qsizetype>(at, 0, list.size()), item);
    return true;
}

template <typename T> bool removeAt(QList<T> &list, int index)
{
    if (!validIndex(index, list.size()))
        return false;
    list.removeAt(index);
    return true;
}

template <typename T> bool moveFromTo(QList<T> &list, int from, int to)
{
    if (!validIndex(from, list.size()) || !validIndex(to, list.size()) || from == to)
        return false;
    list.move(from, to);
    return true;
}

// The item with `id`. Keyed by id, an edit follows its item when it is moved; the undo history restores
// a removed item before it undoes edits made to it, so the id is always found.
template <typename T> T &itemById(QList<T> &list, const QString &id)
{
    for (T &item : list)
        if (item.id == id)
            return item;
    return list.first();
}

#define VW_FIELD(member) [](Vorlage &v) -> auto & { return v.member; }

} // namespace

QStringList headerFields()
{
    return {QStringLiteral("kind"),     QStringLiteral("paperKind"),  QStringLiteral("date"),
            QStringLiteral("sessionDate"), QStringLiteral("body"),    QStringLiteral("questionNumber"),
            QStringLiteral("title"),    QStringLiteral("subtitle"),   QStringLiteral("references"),
            QStringLiteral("fileCode"), QStringLiteral("ressorts"),   QStringLiteral("fraktion"),
            QStringLiteral("askedOn"),  QStringLiteral("signatories")};
}

Result<void> setHeaderField(VorlageDocument *doc, const QString &field, const QString &value,
                            const RessortTable &ressorts)
{
    if (doc->isReadOnly())
        // As Workspace::readOnlyMessage() says it.
        return Error{tr("Vorlage %1 ist %2 und kann nicht mehr geändert werden. Für Änderungen legen Sie eine "
                        "Neufassung an.")
                         .arg(doc->vorlage().id)
                         .arg(statusLabel(doc->vorlage().status).toLower())};
    const auto date = [&](void (*setter)(VorlageDocument *, const QDate &)) -> Result<void> {
        const QDate d = value.trimmed().isEmpty() ? QDate() : parseGermanDate(value);
        if (!value.trimmed().isEmpty() && !d.isValid())
            return Error{tr("„%1“ ist kein gültiges Datum (erwartet wird z. B. 12.05.2020).").arg(value)};
        setter(doc, d);
        return {};
    };
    if (field == QLatin1String("kind")) {
        VorlageKind kind;
        if (!kindFromKey(value, &kind)) {
            QStringList keys;
            for (VorlageKind k : allKinds())
                keys << kindKey(k);
            return Error{tr("Unbekannte Art „%1“; möglich sind: %2").arg(value, keys.join(QStringLiteral(", ")))};
        }
        setKind(doc, kind);
    } else if (field == QLatin1String("paperKind")) {
        PaperKind kind;
        if (!paperKindFromKey(value, &kind))
            return Error{tr("Unbekannte Papierart „%1“; möglich sind: vorlage, tischvorlage, neufassung").arg(value)};
        setPaperKind(doc, kind);
    } else if (field == QLatin1String("date")) {
        return date(&setDate);
    } else if (field == QLatin1String("sessionDate")) {
        return date(&setSessionDate);
    } else if (field == QLatin1String("askedOn")) {
        return date(&setAskedOn);
    } else if (field == QLatin1String("body")) {
        setBody(doc, value.trimmed().isEmpty() ? QStringLiteral("Senat") : value.trimmed());
    } else if (field == QLatin1String("questionNumber")) {
        setQuestionNumber(doc, value.trimmed());
    } else if (field == QLatin1String("title")) {
        if (value.trimmed().isEmpty())
            return Error{tr("Der Titel darf nicht leer sein.")};
        setTitle(doc, value.trimmed());
    } else if (field == QLatin1String("subtitle")) {
        setSubtitle(doc, value.trimmed());
    } else if (field == QLatin1String("references")) {
        QStringList refs;
        for (const QString &r : value.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            refs << r.trimmed();
        setReferences(doc, refs);
    } else if (field == QLatin1String("fileCode")) {
        setFileCode(doc, value.trimmed());
    } else if (field == QLatin1String("fraktion")) {
        setFraktion(doc, value.trimmed());
    } else if (field == QLatin1String("signatories")) {
        setSignatories(doc, value.trimmed());
    } else if (field == QLatin1String("ressorts")) {
        QList<RessortRef> refs;
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString key = part.trimmed();
            if (!ressorts.hasKey(key))
                return Error{tr("Unbekanntes Ressort „%1“; möglich sind: %2")
                                 .arg(key, ressorts.keysOn(QDate()).join(QStringLiteral(", ")))};
            refs.append({key, QString(), refs.isEmpty()});
        }
        if (refs.isEmpty())
            return Error{tr("Mindestens ein Ressort ist nötig.")};
        setRessorts(doc, refs);
    } else {
        return Error{tr("Unbekanntes Feld „%1“; möglich sind: %2").arg(field, headerFields().join(QStringLiteral(", ")))};
    }
    return {};
}

void setTitle(VorlageDocument *doc, const QString &title, int cursor)
{
    change<QString>(doc, tr("Titel ändern"), header("title"), cursor, VW_FIELD(title), title, true);
}

void setSubtitle(VorlageDocument *doc, const QString &subtitle, int cursor)
{
    change<QString>(doc, tr("Untertitel ändern"), header("subtitle"), cursor, VW_FIELD(subtitle), subtitle,
                    true);
}

void setQuestionNumber(VorlageDocument *doc, const QString &number)
{
    change<QString>(doc, tr("Fragenummer ändern"), header("questionNumber"), -1, VW_FIELD(questionNumber),
                    number, true);
}

void setFileCode(VorlageDocument *doc, const QString &code)
{
    change<QString>(doc, tr("Aktenzeichen ändern"), header("fileCode"), -1, VW_FIELD(fileCode), code, true);
}

void setBody(VorlageDocument *doc, const QString &body)
{
    change<QString>(doc, tr("Gremium ändern"), header("body"), -1, VW_FIELD(body), body, true);
}

void setReferences(VorlageDocument *doc, const QStringList &references)
{
    change<QStringList>(doc, tr("Drucksachen ändern"), header("references"), -1, VW_FIELD(references),
                        references, true);
}

void setDate(VorlageDocument *doc, const QDate &date)
{
    change<QDate>(doc, tr("Datum ändern"), header("date"), -1, VW_FIELD(date), date, false);
}

void setSessionDate(VorlageDocument *doc, const QDate &date)
{
    change<QDate>(doc, tr("Sitzungsdatum ändern"), header("sessionDate"), -1, VW_FIELD(sessionDate), date,
                  false);
}

void setKind(VorlageDocument *doc, VorlageKind kind)
{
    change<VorlageKind>(doc, tr("Art ändern"), header("kind"), -1, VW_FIELD(kind), kind, false);
}

void setPaperKind(VorlageDocument *doc, PaperKind kind)
{
    change<PaperKind>(doc, tr("Papierart ändern"), header("paperKind"), -1, VW_FIELD(paperKind), kind, false);
}

void setRessorts(VorlageDocument *doc, const QList<RessortRef> &ressorts)
{
    change<QList<RessortRef>>(doc, tr("Ressorts ändern"), header("ressorts"), -1, VW_FIELD(ressorts), ressorts,
                              false);
}

void setFraktion(VorlageDocument *doc, const QString &fraktion)
{
    change<QString>(doc, tr("Fraktion ändern"), header("fraktion"), -1, VW_FIELD(fraktion), fraktion, true);
}

void setAskedOn(VorlageDocument *doc, const QDate &date)
{
    change<QDate>(doc, tr("Datum der Anfrage ändern"), header("askedOn"), -1, VW_FIELD(askedOn), date, false);
}

void setSignatories(VorlageDocument *doc, const QString &signatories, int cursor)
{
    change<QString>(doc, tr("Unterzeichnende ändern"), header("questionSignatories"), cursor,
                    VW_FIELD(questionSignatories), signatories, true);
}

void setSectionContent(VorlageDocument *doc, const QString &label, const Content &content, int cursor)
{
    if (!doc->vorlage().section(label))
        return;
    change<Content>(doc, tr("Abschnitt %1 bearbeiten").arg(label), {Place::Kind::Section, label}, cursor,
                    [label](Vorlage &v) -> Content & { return v.section(label)->content; }, content, true);
}

void replaceSection(VorlageDocument *doc, const QString &label, const Vorlage &source)
{
    const Section *from = source.section(label);
    if (!from || !doc->vorlage().section(label) || doc->isReadOnly())
        return;
    QUndoStack *stack = doc->undoStack();
    stack->beginMacro(tr("Abschnitt %1 ersetzen").arg(label));
    Content content = from->content;
    const auto holds = [&content](Block::Type type) {
        return std::any_of(content.cbegin(), content.cend(), [type](const Block &b) { return b.type == type; });
    };
    if (holds(Block::Type::Questions)) {
        QList<Question> list = doc->vorlage().questions;
        list.resize(source.questions.size());
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].id.isEmpty())
                list[i].id = newItemId();
            list[i].text = source.questions[i].text;
        }
        questions(doc, tr("Fragen ersetzen"), list);
        setSignatories(doc, source.questionSignatories);
    }
    if (holds(Block::Type::Answers)) {
        QList<Question> list = doc->vorlage().questions;
        if (list.size() < source.questions.size()) {
            for (qsizetype i = list.size(); i < source.questions.size(); ++i)
                list.append(Question{newItemId(), source.questions[i].text, {}});
        }
        for (qsizetype i = 0; i < source.questions.size(); ++i)
            list[i].answer = source.questions[i].answer;
        questions(doc, tr("Antworten ersetzen"), list);
    }
    if (holds(Block::Type::Beschluss)) {
        QList<BeschlussItem> items;
        for (const BeschlussItem &b : source.beschluss)
            items.append({newItemId(), b.text, b.ressortKey, b.dueDate});
        beschluss(doc, tr("Beschlusspunkte ersetzen"), items);
    }
    setSectionContent(doc, label, content);
    stack->endMacro();
}

void setQuestionText(VorlageDocument *doc, int index, const Paragraph &text, int cursor)
{
    if (!validIndex(index, doc->vorlage().questions.size()))
        return;
    const QString id = doc->vorlage().questions[index].id;
    change<Paragraph>(doc, tr("Frage %1 bearbeiten").arg(index + 1), {Place::Kind::Question, {}, id}, cursor,
                      [id](Vorlage &v) -> Paragraph & { return itemById(v.questions, id).text; }, text, true);
}

void setAnswer(VorlageDocument *doc, int index, const Content &answer, int cursor)
{
    if (!validIndex(index, doc->vorlage().questions.size()))
        return;
    const QString id = doc->vorlage().questions[index].id;
    change<Content>(doc, tr("Antwort zu Frage %1 bearbeiten").arg(index + 1),
                    {Place::Kind::Answer, {}, id}, cursor,
                    [id](Vorlage &v) -> Content & { return itemById(v.questions, id).answer; }, answer, true);
}

void addQuestion(VorlageDocument *doc, int at)
{
    changeList<Question>(doc, &Vorlage::questions, tr("Frage hinzufügen"),
                         [at](QList<Question> &l) { return insertAt(l, at, Question{newItemId(), {}, {}}); });
}

void removeQuestion(VorlageDocument *doc, int index)
{
    changeList<Question>(doc, &Vorlage::questions, tr("Frage %1 entfernen").arg(index + 1),
                         [index](QList<Question> &l) { return removeAt(l, index); });
}

void moveQuestion(VorlageDocument *doc, int from, int to)
{
    changeList<Question>(doc, &Vorlage::questions, tr("Frage %1 verschieben").arg(from + 1),
                         [from, to](QList<Question> &l) { return moveFromTo(l, from, to); });
}

void setBeschlussText(VorlageDocument *doc, int index, const Paragraph &text, int cursor)
{
    if (!validIndex(index, doc->vorlage().beschluss.size()))
        return;
    const QString id = doc->vorlage().beschluss[index].id;
    change<Paragraph>(doc, tr("Beschlusspunkt %1 bearbeiten").arg(index + 1),
                      {Place::Kind::Beschluss, {}, id}, cursor,
                      [id](Vorlage &v) -> Paragraph & { return itemById(v.beschluss, id).text; }, text, true);
}

void setBeschlussDetails(VorlageDocument *doc, int index, const QString &ressortKey, const QDate &dueDate)
{
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, tr("Beschlusspunkt %1 ändern").arg(index + 1),
                              [&](QList<BeschlussItem> &l) {
                                  if (!validIndex(index, l.size()))
                                      return false;
                                  l[index].ressortKey = ressortKey;
                                  l[index].dueDate = dueDate;
                                  return true;
                              });
}

void addBeschlussItem(VorlageDocument *doc, int at, const Paragraph &text)
{
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, tr("Beschlusspunkt hinzufügen"), [&](QList<BeschlussItem> &l) {
        return insertAt(l, at, BeschlussItem{newItemId(), text, {}, {}});
    });
}

int quoteBeschlussItem(VorlageDocument *doc, qint64 sourceVorlageId, const BeschlussItem &source,
                       const FigureValues *figures)
{
    BeschlussItem item{newItemId(), {}, {}, {}, sourceVorlageId, source.id};
    for (const Span &span : source.text.spans)
        item.text.append(Span{span.printed(figures), span.bold, span.italic});
    const int at = int(doc->vorlage().beschluss.size());
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, tr("Beschlusspunkt übernehmen"),
                              [&](QList<BeschlussItem> &l) { return insertAt(l, at, item); });
    return at;
}

void removeBeschlussItem(VorlageDocument *doc, int index)
{
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, tr("Beschlusspunkt %1 entfernen").arg(index + 1),
                              [index](QList<BeschlussItem> &l) { return removeAt(l, index); });
}

void moveBeschlussItem(VorlageDocument *doc, int from, int to)
{
    changeList<BeschlussItem>(doc, &Vorlage::beschluss, tr("Beschlusspunkt %1 verschieben").arg(from + 1),
                              [from, to](QList<BeschlussItem> &l) { return moveFromTo(l, from, to); });
}

void setBeteiligung(VorlageDocument *doc, const QList<Participation> &beteiligung, const QString &text)
{
    change<QList<Participation>>(doc, text.isEmpty() ? tr("Beteiligung ändern") : text,
                                 {Place::Kind::Beteiligung}, -1, VW_FIELD(beteiligung), beteiligung, false);
}

void setAnlagen(VorlageDocument *doc, const QList<Anlage> &anlagen, const QString &text)
{
    change<QList<Anlage>>(doc, text.isEmpty() ? tr("Anlagen ändern") : text, {Place::Kind::Anlage}, -1,
                          VW_FIELD(anlagen), anlagen, false);
}

int replaceText(VorlageDocument *doc, const QString &find, const QString &replacement)
{
    if (find.isEmpty() || doc->isReadOnly())
        return 0;
    Vorlage v = doc->vorlage();
    int count = 0;
    const auto inText = [&](QString &text) {
        const int n = int(text.count(find, Qt::CaseInsensitive));
        if (n > 0) {
            text.replace(find, replacement, Qt::CaseInsensitive);
            count += n;
        }
        return n > 0;
    };
    const auto inSpan = [&](Span &span) { return !span.isFigure() && inText(span.text); };
    const auto inParagraph = [&](Paragraph &p) {
        bool changed = false;
        for (Span &span : p.spans)
            changed = inSpan(span) || changed;
        return changed;
    };
    const auto inContent = [&](Content &content) {
        bool changed = false;
        forEachSpan(content, [&](Span &span) { changed = inSpan(span) || changed; });
        return changed;
    };
    // Find everything first: no match, no (empty) undo step.
    const bool title = inText(v.title);
    const bool subtitle = inText(v.subtitle);
    const bool signatories = inText(v.questionSignatories);
    QList<bool> sections, questions, answers, beschluss;
    for (Section &s : v.sections)
        sections << inContent(s.content);
    for (Question &q : v.questions) {
        questions << inParagraph(q.text);
        answers << inContent(q.answer);
    }
    for (BeschlussItem &b : v.beschluss)
        beschluss << inParagraph(b.text);
    if (count == 0)
        return 0;

    QUndoStack *stack = doc->undoStack();
    stack->beginMacro(tr("„%1“ durch „%2“ ersetzen").arg(find, replacement));
    if (title)
        setTitle(doc, v.title);
    if (subtitle)
        setSubtitle(doc, v.subtitle);
    if (signatories)
        setSignatories(doc, v.questionSignatories);
    for (qsizetype i = 0; i < v.sections.size(); ++i) {
        if (sections[i])
            setSectionContent(doc, v.sections[i].label, v.sections[i].content);
    }
    for (int i = 0; i < int(v.questions.size()); ++i) {
        if (questions[i])
            setQuestionText(doc, i, v.questions[i].text);
        if (answers[i])
            setAnswer(doc, i, v.questions[i].answer);
    }
    for (int i = 0; i < int(v.beschluss.size()); ++i) {
        if (beschluss[i])
            setBeschlussText(doc, i, v.beschluss[i].text);
    }
    stack->endMacro();
    return count;
}

} // namespace vw::Commands
