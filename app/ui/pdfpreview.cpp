#include "pdfpreview.h"

#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace vw {

PdfPreview::PdfPreview(QWidget *parent)
    : QWidget(parent), mDocument(new QPdfDocument(this)), mView(new QPdfView(this)), mMessage(new QLabel(this))
{
    mView->setDocument(mDocument);
    mView->setPageMode(QPdfView::PageMode::MultiPage);
    mView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    // Fit to width with a scroll bar that comes and goes can loop (the bar changes the width, the width
    // the bar); a bar that is always there cannot.
    mView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    mMessage->setWordWrap(true);
    mMessage->setAlignment(Qt::AlignCenter);
    mMessage->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mView);
    layout->addWidget(mMessage);
}

PdfPreview::~PdfPreview()
{
    mDocument->close();
}

void PdfPreview::setPdf(const QByteArray &pdf)
{
    // A refresh keeps the reader's place: same page, same scroll position.
    const int scroll = mView->verticalScrollBar()->value();
    const int horizontal = mView->horizontalScrollBar()->value();
    mDocument->close();
    mBuffer.close();
    mBytes = pdf;
    mBuffer.setBuffer(&mBytes);
    mBuffer.open(QIODevice::ReadOnly);
    mDocument->load(&mBuffer);
    mMessage->hide();
    mView->show();
    mView->verticalScrollBar()->setValue(scroll);
    mView->horizontalScrollBar()->setValue(horizontal);
    // The view lays the pages out again after loading; restore once more when it has.
    QTimer::singleShot(0, mView, [this, scroll, horizontal] {
        mView->verticalScrollBar()->setValue(scroll);
        mView->horizontalScrollBar()->setValue(horizontal);
    });
}

void PdfPreview::showMessage(const QString &message)
{
    mDocument->close();
    mView->hide();
    mMessage->setText(message);
    mMessage->show();
}

} // namespace vw
