#include "pdfpreview.h"

#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QVBoxLayout>

namespace vw {

PdfPreview::PdfPreview(QWidget *parent)
    : QWidget(parent), mDocument(new QPdfDocument(this)), mView(new QPdfView(this)), mMessage(new QLabel(this))
{
    mView->setDocument(mDocument);
    mView->setPageMode(QPdfView::PageMode::MultiPage);
    mView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
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
    mDocument->close();
    mBuffer.close();
    mBytes = pdf;
    mBuffer.setBuffer(&mBytes);
    mBuffer.open(QIODevice::ReadOnly);
    mDocument->load(&mBuffer);
    mMessage->hide();
    mView->show();
}

void PdfPreview::showMessage(const QString &message)
{
    mDocument->close();
    mView->hide();
    mMessage->setText(message);
    mMessage->show();
}

} // namespace vw
