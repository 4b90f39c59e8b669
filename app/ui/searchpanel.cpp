#include "searchpanel.h"

#include "dateedit.h"
#include "place.h"
#include "ressorts.h"
#include "searchworker.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace vw {

namespace {

constexpr int searchDelayMs = 250; // typing pauses this long before a search starts
constexpr int hitLimit = 100;
constexpr int padding = 8;
const QString decidedKey = QStringLiteral("decided");

// The snippet as HTML with the matched words in bold.
QString snippetHtml(const SearchHit &hit)
{
    QString html;
    int at = 0;
    for (const auto &[start, length] : hit.highlights) {
        html += hit.snippet.mid(at, start - at).toHtmlEscaped();
        html += QStringLiteral("<b>") + hit.snippet.mid(start, length).toHtmlEscaped() + QStringLiteral("</b>");
        at = start + length;
    }
    return html + hit.snippet.mid(at).toHtmlEscaped();
}

QString metaLine(const SearchHit &hit)
{
    QStringList parts{hit.placeLabel, kindLabel(hit.kind), statusLabel(hit.status)};
    if (hit.sessionDate.isValid())
        parts << SearchPanel::tr("Sitzung %1").arg(germanDate(hit.sessionDate));
    return parts.join(QStringLiteral(" · "));
}

// A hit in three parts: the title in bold, where it was found (place, kind, status, session), the snippet.
class HitDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        QTextDocument doc;
        layout(doc, opt, index, opt.rect.width());
        QAbstractTextDocumentLayout::PaintContext context;
        const bool selected = opt.state & QStyle::State_Selected;
        context.palette = opt.palette;
        context.palette.setColor(QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->save();
        painter->translate(opt.rect.topLeft() + QPoint(padding, padding / 2));
        painter->setClipRect(QRect(0, 0, opt.rect.width() - 2 * padding, opt.rect.height()));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const auto *view = qobject_cast<const QListView *>(option.widget);
        const int width = view ? view->viewport()->width() : 320;
        QTextDocument doc;
        layout(doc, option, index, width);
        return {width, int(doc.size().height()) + padding};
    }

private:
    static void layout(QTextDocument &doc, const QStyleOptionViewItem &option, const QModelIndex &index, int width)
    {
        const auto hit = index.data(SearchResultModel::HitRole).value<SearchHit>();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor muted = selected ? option.palette.color(QPalette::HighlightedText)
                                      : option.palette.color(QPalette::PlaceholderText);
        doc.setDefaultFont(option.font);
        doc.setDocumentMargin(0);
        doc.setTextWidth(std::max(80, width - 2 * padding));
        doc.setHtml(QStringLiteral("<p style='margin:0'><b>%1</b></p>"
                                   "<p style='margin:0; color:%2'>%3</p>"
                                   "<p style='margin-top:2px; margin-bottom:0'>%4</p>")
                        .arg(hit.title.toHtmlEscaped(), muted.name(), metaLine(hit).toHtmlEscaped(),
                             index.data(SearchResultModel::SnippetHtmlRole).toString()));
    }
};

} // namespace

void SearchResultModel::setHits(const QList<SearchHit> &hits)
{
    beginResetModel(); // a new answer replaces the old one as a whole: at most hitLimit rows
    mHits = hits;
    endResetModel();
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mHits.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= mHits.size())
        return {};
    const SearchHit &hit = mHits[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 – %2: %3").arg(hit.title, hit.placeLabel, hit.markedSnippet());
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b><br>%2").arg(hit.title.toHtmlEscaped(), metaLine(hit).toHtmlEscaped());
    case HitRole:
        return QVariant::fromValue(hit);
    case SnippetHtmlRole:
        return snippetHtml(hit);
    default:
        return {};
    }
}

SearchPanel::SearchPanel(QWidget *parent)
    : QWidget(parent), mWorker(new SearchWorker(this)), mDelay(new QTimer(this)), mModel(new SearchResultModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);

    auto *line = new QHBoxLayout;
    mEdit = new QLineEdit(this);
    mEdit->setObjectName(QStringLiteral("searchEdit"));
    mEdit->setPlaceholderText(tr("Volltextsuche …"));
    mEdit->setClearButtonEnabled(true);
    mEdit->setToolTip(tr("Alle Vorlagen durchsuchen (Strg+Umschalt+F): Wörter, die alle vorkommen; \"mobile Arbeit\" als Wortgruppe; Homeoff* für Wortanfänge. "
                         "Groß- und Kleinschreibung und Umlaute (ä/ae, ß/ss) spielen keine Rolle."));
    mEdit->installEventFilter(this);
    mFilterButton = new QToolButton(this);
    mFilterButton->setText(tr("Filter"));
    mFilterButton->setCheckable(true);
    mFilterButton->setToolTip(tr("Nach Art, Status, Ressort und Sitzungsdatum eingrenzen"));
    line->addWidget(mEdit, 1);
    line->addWidget(mFilterButton);
    layout->addLayout(line);

    mFilters = new QWidget(this);
    auto *filters = new QVBoxLayout(mFilters);
    filters->setContentsMargins(0, 0, 0, 0);
    filters->setSpacing(4);
    auto *combos = new QHBoxLayout;
    mKind = new QComboBox(mFilters);
    mKind->addItem(tr("Alle Arten"), QString());
    for (VorlageKind kind : allKinds())
        mKind->addItem(kindLabel(kind), kindKey(kind));
    mStatus = new QComboBox(mFilters);
    mStatus->addItem(tr("Jeder Status"), QString());
    for (Status s : {Status::Entwurf, Status::InAbstimmung, Status::Beschlussreif, Status::Beschlossen, Status::Veroeffentlicht})
        mStatus->addItem(statusLabel(s), statusKey(s));
    mStatus->addItem(tr("Beschlossen oder veröffentlicht"), decidedKey);
    mRessort = new QComboBox(mFilters);
    mRessort->addItem(tr("Alle Ressorts"), QString());
    for (QComboBox *combo : {mKind, mStatus, mRessort}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        combos->addWidget(combo, 1);
        connect(combo, &QComboBox::currentIndexChanged, this, &SearchPanel::schedule);
    }
    filters->addLayout(combos);
    auto *dates = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("Sitzung &von"), mFilters);
    mFrom = new DateEdit(mFilters);
    fromLabel->setBuddy(mFrom->lineEdit());
    auto *toLabel = new QLabel(tr("&bis"), mFilters);
    mTo = new DateEdit(mFilters);
    toLabel->setBuddy(mTo->lineEdit());
    for (DateEdit *d : {mFrom, mTo}) {
        d->setPlaceholderText(tr("TT.MM.JJJJ"));
        connect(d, &DateEdit::dateChanged, this, &SearchPanel::schedule);
    }
    dates->addWidget(fromLabel);
    dates->addWidget(mFrom, 1);
    dates->addWidget(toLabel);
    dates->addWidget(mTo, 1);
    filters->addLayout(dates);
    layout->addWidget(mFilters);
    mFilters->hide();
    connect(mFilterButton, &QToolButton::toggled, mFilters, &QWidget::setVisible);

    mResultArea = new QWidget(this);
    auto *results = new QVBoxLayout(mResultArea);
    results->setContentsMargins(0, 0, 0, 0);
    results->setSpacing(4);
    mSummary = new QLabel(mResultArea);
    mSummary->setWordWrap(true);
    mView = new QListView(mResultArea);
    mView->setObjectName(QStringLiteral("searchResults"));
    mView->setModel(mModel);
    mView->setItemDelegate(new HitDelegate(mView));
    mView->setResizeMode(QListView::Adjust); // rows wrap again when the list gets narrower or wider
    mView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    mView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setAlternatingRowColors(true);
    mQuote = new QPushButton(tr("Beschlusspunkt in die offene Vorlage &übernehmen"), mResultArea);
    mQuote->setObjectName(QStringLiteral("quoteBeschluss"));
    results->addWidget(mSummary);
    results->addWidget(mView, 1);
    results->addWidget(mQuote);
    layout->addWidget(mResultArea, 1);
    mResultArea->hide();
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum); // just the field until it holds words

    mDelay->setSingleShot(true);
    mDelay->setInterval(searchDelayMs);
    connect(mDelay, &QTimer::timeout, this, &SearchPanel::start);
    connect(mEdit, &QLineEdit::textChanged, this, &SearchPanel::schedule);
    connect(mWorker, &SearchWorker::finished, this, &SearchPanel::showResults);
    const auto open = [this](const QModelIndex &index) {
        if (index.isValid())
            emit openRequested(mModel->hits().value(index.row()), mEdit->text());
    };
    connect(mView, &QListView::clicked, this, open);
    connect(mView, &QListView::activated, this, open);
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this, &SearchPanel::updateQuoteButton);
    connect(mModel, &QAbstractItemModel::modelReset, this, &SearchPanel::updateQuoteButton);
    connect(mQuote, &QPushButton::clicked, this, [this] {
        if (const SearchHit *hit = currentHit())
            emit quoteRequested(*hit);
    });
    updateQuoteButton();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::setWorkspace(const QString &path, const RessortTable &ressorts)
{
    mWorker->setWorkspace(path);
    const QString current = mRessort->currentData().toString();
    {
        const QSignalBlocker blocker(mRessort);
        mRessort->clear();
        mRessort->addItem(tr("Alle Ressorts"), QString());
        QStringList seen;
        for (const RessortName &entry : ressorts.entries()) {
            if (seen.contains(entry.key))
                continue;
            seen << entry.key;
            mRessort->addItem(ressorts.nameOn(entry.key, {}), entry.key);
        }
        mRessort->setCurrentIndex(std::max(0, mRessort->findData(current)));
    }
    mModel->setHits({});
    refresh();
}

void SearchPanel::refresh()
{
    if (isActive())
        schedule();
}

void SearchPanel::focusSearch()
{
    mEdit->setFocus(Qt::ShortcutFocusReason);
    mEdit->selectAll();
}

void SearchPanel::clear()
{
    mEdit->clear();
}

bool SearchPanel::isActive() const
{
    return mActive;
}

bool SearchPanel::isSearching() const
{
    return mDelay->isActive() || mWorker->isBusy();
}

SearchQuery SearchPanel::query() const
{
    SearchQuery query(mEdit->text());
    query.limit = hitLimit;
    if (VorlageKind kind; kindFromKey(mKind->currentData().toString(), &kind))
        query.kind = kind;
    const QString status = mStatus->currentData().toString();
    if (status == decidedKey)
        query.decidedOnly = true;
    else if (Status s; statusFromKey(status, &s))
        query.status = s;
    query.ressortKey = mRessort->currentData().toString();
    query.from = mFrom->date();
    query.to = mTo->date();
    return query;
}

void SearchPanel::setQuoteTargetAvailable(bool available)
{
    mQuoteTarget = available;
    updateQuoteButton();
}

void SearchPanel::schedule()
{
    const bool active = !mEdit->text().trimmed().isEmpty();
    if (active != mActive) {
        mActive = active;
        mResultArea->setVisible(active);
        setSizePolicy(QSizePolicy::Preferred, active ? QSizePolicy::Expanding : QSizePolicy::Maximum);
        emit activeChanged(active);
    }
    if (!active) {
        mDelay->stop();
        mModel->setHits({});
        return;
    }
    mDelay->start();
}

void SearchPanel::start()
{
    if (!mActive)
        return;
    if (SearchIndex::matchExpression(mEdit->text()).isEmpty()) {
        mModel->setHits({});
        mSummary->setText(tr("Geben Sie mindestens ein Wort ein."));
        return;
    }
    mSummary->setText(tr("Suche läuft …"));
    mWorker->search(query());
}

void SearchPanel::showResults(const SearchQuery &query, const QList<SearchHit> &hits, const QString &error)
{
    const bool openFirst = std::exchange(mOpenFirst, false);
    if (!mActive)
        return;
    mModel->setHits(hits);
    if (openFirst && !hits.isEmpty()) {
        mView->setFocus(Qt::TabFocusReason);
        mView->setCurrentIndex(mModel->index(0));
        emit openRequested(hits.first(), mEdit->text());
    }
    const bool filtered = query.kind || query.status || query.decidedOnly || !query.ressortKey.isEmpty()
                          || query.from.isValid() || query.to.isValid();
    if (!error.isEmpty())
        mSummary->setText(error);
    else if (hits.isEmpty())
        mSummary->setText(filtered ? tr("Keine Treffer für „%1“ mit diesen Filtern.").arg(query.text.trimmed())
                                   : tr("Keine Treffer für „%1“.").arg(query.text.trimmed()));
    else if (hits.size() >= query.limit)
        mSummary->setText(tr("Die %1 besten Treffer – weitere Wörter grenzen die Suche ein.").arg(hits.size()));
    else
        mSummary->setText(hits.size() == 1 ? tr("1 Treffer") : tr("%1 Treffer").arg(hits.size()));
    emit resultsShown();
}

const SearchHit *SearchPanel::currentHit() const
{
    const QModelIndex index = mView->currentIndex();
    return index.isValid() && index.row() < mModel->hits().size() ? &mModel->hits()[index.row()] : nullptr;
}

void SearchPanel::updateQuoteButton()
{
    const SearchHit *hit = currentHit();
    Place place;
    const bool beschluss = hit && placeFromKey(hit->placeKey, &place) && place.kind == Place::Kind::Beschluss;
    mQuote->setVisible(beschluss);
    mQuote->setEnabled(beschluss && isReadOnly(hit->status) && mQuoteTarget);
    if (!beschluss)
        return;
    if (!isReadOnly(hit->status))
        mQuote->setToolTip(tr("Nur Beschlusspunkte beschlossener Vorlagen werden übernommen."));
    else if (!mQuoteTarget)
        mQuote->setToolTip(tr("Öffnen Sie zuerst die Vorlage (einen Entwurf), die den Beschlusspunkt übernehmen soll."));
    else
        mQuote->setToolTip(tr("Fügt den Beschlusspunkt wörtlich in die Vorlage im aktuellen Tab ein; "
                              "woher er stammt, bleibt vermerkt."));
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && !mEdit->text().isEmpty()) {
            mEdit->clear(); // back to the list
            return true;
        }
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && isSearching()) { // Return before the answer: open its first hit when it comes
            mOpenFirst = true;
            if (mDelay->isActive())
                start();
            return true;
        }
        if ((key->key() == Qt::Key_Down || enter) && mModel->rowCount() > 0) {
            mView->setFocus(Qt::TabFocusReason);
            if (!mView->currentIndex().isValid())
                mView->setCurrentIndex(mModel->index(0));
            if (key->key() != Qt::Key_Down)
                emit openRequested(mModel->hits().value(mView->currentIndex().row()), mEdit->text());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vw
