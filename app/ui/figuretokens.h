#pragma once

#include "figure.h"

#include <QObject>
#include <QTextObjectInterface>

namespace vw {

// Draws a quoted figure in an editor as a token: its current value (or the frozen one) on a tinted,
// rounded background, so a clerk sees it is a reference and not typed text. One character in the text,
// so it is selected, deleted and moved as a whole.
class FigureTokens : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;

    void setValues(const FigureValues &values) { mValues = values; }
    const FigureValues &values() const { return mValues; }
    // The text a token shows for its format.
    QString textFor(const QTextFormat &format) const;

    QSizeF intrinsicSize(QTextDocument *doc, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *doc, int position,
                    const QTextFormat &format) override;

private:
    FigureValues mValues;
};

} // namespace vw
