#include "headerform.h"
#include "ui_headerform.h"

#include "commands.h"
#include "dateedit.h"
#include "ressorts.h"
#include "vorlagedocument.h"

#include <QSignalBlocker>

namespace vw {

namespace {

void showDate(DateEdit *edit, const QDate &date)
{
    if (edit->date() != date)
        edit->setDate(date);
}

void showText(QLineEdit *edit, const QString &text)
{
    if (edit->text() != text) {
        const QSignalBlocker block(edit);
        const int cursor = edit->cursorPosition();
        edit->setText(text);
        edit->setCursorPosition(std::min(cursor, int(text.size())));
    }
}

} // namespace

HeaderForm::HeaderForm(VorlageDocument *document, const RessortTable &ressorts, QWidget *parent)
    : QWidget(parent), mUi(std::make_unique<Ui::HeaderForm>()), mDocument(document), mRessorts(ressorts)
{
    mUi->setupUi(this);
    for (VorlageKind kind : allKinds())
        mUi->kindCombo->addItem(kindLabel(kind), int(kind));
    for (PaperKind kind : {PaperKind::Vorlage, PaperKind::Tischvorlage, PaperKind::Neufassung})
        mUi->paperKindCombo->addItem(paperKindLabel(kind), int(kind));
    mUi->bodyCombo->addItems({QStringLiteral("Senat"), tr("staatliche Deputation für Kinder und Bildung"),
                              tr("staatliche Deputation für Soziales, Jugend und Integration"),
                              tr("städtische Deputation für Bau, Mobilität und Stadtentwicklung")});
    // Long entries ("städtische Deputation für …") must not widen the form beyond the window.
    for (QComboBox *combo : findChildren<QComboBox *>()) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8); // the form fits beside the comments at 1024 px
    }
    mUi->grid->setColumnStretch(1, 3);
    mUi->grid->setColumnStretch(3, 2);

    VorlageDocument *doc = mDocument;
    connect(mUi->kindCombo, &QComboBox::activated, this,
            [this, doc] { Commands::setKind(doc, VorlageKind(mUi->kindCombo->currentData().toInt())); });
    connect(mUi->paperKindCombo, &QComboBox::activated, this,
            [this, doc] { Commands::setPaperKind(doc, PaperKind(mUi->paperKindCombo->currentData().toInt())); });
    connect(mUi->bodyCombo, &QComboBox::currentTextChanged, this, [doc](const QString &text) {
        Commands::setBody(doc, text.trimmed().isEmpty() ? QStringLiteral("Senat") : text.trimmed());
    });
    connect(mUi->dateEdit, &DateEdit::dateChanged, this, [doc](const QDate &d) { Commands::setDate(doc, d); });
    connect(mUi->sessionDateEdit, &DateEdit::dateChanged, this, [doc](const QDate &d) { Commands::setSessionDate(doc, d); });
    connect(mUi->askedOnEdit, &DateEdit::dateChanged, this, [doc](const QDate &d) { Commands::setAskedOn(doc, d); });
    connect(mUi->titleEdit, &QLineEdit::textEdited, this,
            [this, doc](const QString &t) { Commands::setTitle(doc, t, mUi->titleEdit->cursorPosition()); });
    connect(mUi->subtitleEdit, &QLineEdit::textEdited, this,
            [this, doc](const QString &t) { Commands::setSubtitle(doc, t, mUi->subtitleEdit->cursorPosition()); });
    connect(mUi->questionNumberEdit, &QLineEdit::textEdited, this,
            [doc](const QString &t) { Commands::setQuestionNumber(doc, t.trimmed()); });
    connect(mUi->fileCodeEdit, &QLineEdit::textEdited, this, [doc](const QString &t) { Commands::setFileCode(doc, t); });
    connect(mUi->fraktionEdit, &QLineEdit::textEdited, this, [doc](const QString &t) { Commands::setFraktion(doc, t); });
    connect(mUi->referencesEdit, &QLineEdit::textEdited, this, [doc](const QString &t) {
        QStringList refs;
        for (const QString &r : t.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            refs << r.trimmed();
        Commands::setReferences(doc, refs);
    });
    connect(mUi->addRessortButton, &QPushButton::clicked, this, &HeaderForm::addRessort);
    connect(mUi->removeRessortButton, &QPushButton::clicked, this, &HeaderForm::removeRessort);
    connect(mUi->leadRessortButton, &QPushButton::clicked, this, &HeaderForm::makeLead);
    connect(mDocument, &VorlageDocument::changed, this, &HeaderForm::refresh);
    connect(mDocument, &VorlageDocument::reloaded, this, &HeaderForm::refresh);
    refresh();
}

HeaderForm::~HeaderForm() = default;

void HeaderForm::refresh()
{
    const Vorlage &v = mDocument->vorlage();
    {
        const QSignalBlocker a(mUi->kindCombo), b(mUi->paperKindCombo), c(mUi->bodyCombo);
        mUi->kindCombo->setCurrentIndex(mUi->kindCombo->findData(int(v.kind)));
        mUi->paperKindCombo->setCurrentIndex(mUi->paperKindCombo->findData(int(v.paperKind)));
        if (mUi->bodyCombo->currentText() != v.body)
            mUi->bodyCombo->setCurrentText(v.body);
    }
    showDate(mUi->dateEdit, v.date);
    showDate(mUi->sessionDateEdit, v.sessionDate);
    showDate(mUi->askedOnEdit, v.askedOn);
    // An empty date's calendar opens near the Vorlage's other dates.
    mUi->dateEdit->setReferenceDate(v.sessionDate.isValid() ? v.sessionDate : QDate::currentDate());
    mUi->sessionDateEdit->setReferenceDate(v.date.isValid() ? v.date : QDate::currentDate());
    mUi->askedOnEdit->setReferenceDate(v.date.isValid() ? v.date : v.sessionDate);
    showText(mUi->titleEdit, v.title);
    showText(mUi->subtitleEdit, v.subtitle);
    showText(mUi->questionNumberEdit, v.questionNumber);
    showText(mUi->fileCodeEdit, v.fileCode);
    showText(mUi->fraktionEdit, v.fraktion);
    if (QStringList(mUi->referencesEdit->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)).size() != v.references.size()
        || !mUi->referencesEdit->hasFocus())
        showText(mUi->referencesEdit, v.references.join(QStringLiteral("; ")));
    const bool questions = v.kind == VorlageKind::Fragestunde || v.kind == VorlageKind::KleineAnfrage
                           || v.kind == VorlageKind::GrosseAnfrage;
    for (QWidget *w : {static_cast<QWidget *>(mUi->fraktionEdit), static_cast<QWidget *>(mUi->askedOnEdit),
                       static_cast<QWidget *>(mUi->fraktionLabel), static_cast<QWidget *>(mUi->askedOnLabel)})
        w->setVisible(questions);
    refreshRessorts();
}

void HeaderForm::refreshRessorts()
{
    const Vorlage &v = mDocument->vorlage();
    QStringList shown;
    for (const RessortRef &r : v.ressorts) {
        const QString name = mRessorts.displayName(r.key, r.name, v.date);
        shown << (r.lead && v.ressorts.size() > 1 ? tr("%1 (federführend)").arg(name) : name);
    }
    QStringList current;
    for (int i = 0; i < mUi->ressortList->count(); ++i)
        current << mUi->ressortList->item(i)->text();
    if (current != shown) {
        const int row = mUi->ressortList->currentRow();
        mUi->ressortList->clear();
        mUi->ressortList->addItems(shown);
        mUi->ressortList->setCurrentRow(std::min(row, int(shown.size()) - 1));
    }
    // Offer the Ressorts with a name valid on the Vorlage's date.
    const QString selected = mUi->ressortCombo->currentData().toString();
    const QSignalBlocker block(mUi->ressortCombo);
    mUi->ressortCombo->clear();
    for (const QString &key : mRessorts.keysOn(v.date.isValid() ? v.date : QDate::currentDate()))
        mUi->ressortCombo->addItem(mRessorts.displayName(key, QString(), v.date), key);
    mUi->ressortCombo->setCurrentIndex(std::max(0, mUi->ressortCombo->findData(selected)));
}

void HeaderForm::addRessort()
{
    const QString key = mUi->ressortCombo->currentData().toString();
    QList<RessortRef> list = mDocument->vorlage().ressorts;
    if (key.isEmpty() || std::any_of(list.cbegin(), list.cend(), [&key](const RessortRef &r) { return r.key == key; }))
        return;
    list.append({key, QString(), list.isEmpty()});
    Commands::setRessorts(mDocument, list);
}

void HeaderForm::removeRessort()
{
    QList<RessortRef> list = mDocument->vorlage().ressorts;
    const int row = mUi->ressortList->currentRow();
    if (row < 0 || row >= list.size())
        return;
    const bool wasLead = list[row].lead;
    list.removeAt(row);
    if (wasLead && !list.isEmpty())
        list.first().lead = true;
    Commands::setRessorts(mDocument, list);
}

void HeaderForm::makeLead()
{
    QList<RessortRef> list = mDocument->vorlage().ressorts;
    const int row = mUi->ressortList->currentRow();
    if (row < 0 || row >= list.size())
        return;
    RessortRef lead = list.takeAt(row);
    for (RessortRef &r : list)
        r.lead = false;
    lead.lead = true;
    list.prepend(lead); // the lead Ressort is printed first
    Commands::setRessorts(mDocument, list);
}

QWidget *HeaderForm::fieldWidget(const QString &key) const
{
    const QMap<QString, QWidget *> widgets{
        {QStringLiteral("kind"), mUi->kindCombo},
        {QStringLiteral("paperKind"), mUi->paperKindCombo},
        {QStringLiteral("date"), mUi->dateEdit},
        {QStringLiteral("sessionDate"), mUi->sessionDateEdit},
        {QStringLiteral("body"), mUi->bodyCombo},
        {QStringLiteral("questionNumber"), mUi->questionNumberEdit},
        {QStringLiteral("ressorts"), mUi->ressortList},
        {QStringLiteral("title"), mUi->titleEdit},
        {QStringLiteral("subtitle"), mUi->subtitleEdit},
        {QStringLiteral("references"), mUi->referencesEdit},
        {QStringLiteral("fileCode"), mUi->fileCodeEdit},
        {QStringLiteral("fraktion"), mUi->fraktionEdit},
        {QStringLiteral("askedOn"), mUi->askedOnEdit},
    };
    return widgets.value(key);
}

bool HeaderForm::focusField(const Place &place, int cursor)
{
    if (place.kind != Place::Kind::Header)
        return false;
    QWidget *w = fieldWidget(place.field.isEmpty() ? QStringLiteral("title") : place.field);
    if (!w)
        return false;
    w->setFocus(Qt::OtherFocusReason);
    if (auto *line = qobject_cast<QLineEdit *>(w); line && cursor >= 0)
        line->setCursorPosition(cursor);
    return true;
}

} // namespace vw
