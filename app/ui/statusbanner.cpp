#include "statusbanner.h"

#include "vorlagedocument.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace vw {

StatusBanner::StatusBanner(VorlageDocument *document, QWidget *parent)
    : QFrame(parent), mDocument(document), mIcon(new QLabel(this)), mText(new QLabel(this)),
      mNeufassung(new QPushButton(tr("&Neufassung anlegen"), this))
{
    setObjectName(QStringLiteral("statusBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 5, 8, 5);
    layout->setSpacing(8);
    mText->setWordWrap(true);
    mText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    mNeufassung->setToolTip(tr("Eine neue Fassung als Entwurf anlegen, die auf diese Vorlage verweist"));
    layout->addWidget(mIcon);
    layout->addWidget(mText, 1);
    layout->addWidget(mNeufassung);
    connect(mNeufassung, &QPushButton::clicked, this, &StatusBanner::neufassungRequested);
    connect(document, &VorlageDocument::reloaded, this, &StatusBanner::refresh);
    refresh();
}

QString StatusBanner::text() const
{
    return mText->text();
}

void StatusBanner::setSnapshotLabel(const QString &label)
{
    mSnapshot = label;
    refresh();
}

QString StatusBanner::statusSentence(const Vorlage &v)
{
    const auto decided = [&v] {
        const QString where = v.body == QLatin1String("Senat") ? tr("in der Senatssitzung") : tr("in der Sitzung");
        QString outcome;
        if (v.outcome == Outcome::Unveraendert)
            outcome = tr(" (unverändert)");
        else if (v.outcome == Outcome::Geaendert)
            outcome = tr(" (mit Änderungen)");
        return v.sessionDate.isValid() ? tr("%1 am %2%3").arg(where, germanDate(v.sessionDate), outcome)
                                       : outcome.trimmed();
    };
    switch (v.status) {
    case Status::Beschlossen:
        return tr("Beschlossen %1 – schreibgeschützt").arg(decided());
    case Status::Veroeffentlicht:
        return tr("Veröffentlicht, beschlossen %1 – schreibgeschützt").arg(decided());
    default:
        break;
    }
    QString sentence = tr("Status: %1").arg(statusLabel(v.status));
    if (v.predecessorId > 0)
        sentence += tr(" · Neufassung von Vorlage %1").arg(v.predecessorId);
    return sentence;
}

void StatusBanner::refresh()
{
    const Vorlage &v = mDocument->vorlage();
    const bool snapshot = !mSnapshot.isEmpty();
    const bool locked = snapshot || mDocument->isReadOnly();
    mText->setText(snapshot ? tr("%1 – schreibgeschützt").arg(mSnapshot) : statusSentence(v));
    mNeufassung->setVisible(!snapshot && isReadOnly(v.status));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    mIcon->setPixmap(style()
                         ->standardIcon(locked ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation)
                         .pixmap(size, size));
    // Calm for drafts, a warm amber for what can no longer be changed; dark text either way.
    QPalette p = palette();
    p.setColor(QPalette::Window, locked ? QColor(0xfff1c9) : QColor(0xe8f0f8));
    p.setColor(QPalette::WindowText, QColor(0x202020));
    setPalette(p);
    mText->setStyleSheet(locked ? QStringLiteral("font-weight: bold;") : QString());
}

} // namespace vw
