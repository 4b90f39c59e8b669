#include "figuretokens.h"

#include "contentdocument.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QTextCharFormat>

namespace vw {

namespace {
constexpr qreal padding = 3;
}

QString FigureTokens::textFor(const QTextFormat &format) const
{
    const QString frozen = format.property(contentformat::figureFrozenProperty).toString();
    if (!frozen.isEmpty())
        return frozen;
    return mValues.text(format.property(contentformat::figureKeyProperty).toString());
}

QSizeF FigureTokens::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    // Inline objects stand on the baseline: as high as the font's ascent, the descent drawn below.
    const QFontMetricsF metrics(format.toCharFormat().font());
    return QSizeF(metrics.horizontalAdvance(textFor(format)) + 2 * padding, metrics.ascent());
}

void FigureTokens::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const QString key = format.property(contentformat::figureKeyProperty).toString();
    const bool missing = format.property(contentformat::figureFrozenProperty).toString().isEmpty() && !mValues.find(key);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(missing ? QColor(0xfd, 0xe0, 0xe0) : QColor(0xdc, 0xe9, 0xf8));
    const QFontMetricsF metrics(format.toCharFormat().font());
    painter->drawRoundedRect(rect.adjusted(0, 0, 0, metrics.descent()), 3, 3);
    painter->setFont(format.toCharFormat().font());
    painter->setPen(missing ? QColor(0x9b, 0x1c, 0x1c) : QColor(0x10, 0x3a, 0x6b));
    painter->drawText(QPointF(rect.left() + padding, rect.bottom()), textFor(format)); // the baseline
    painter->restore();
}

} // namespace vw
