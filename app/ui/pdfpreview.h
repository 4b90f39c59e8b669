#pragma once

#include <QBuffer>
#include <QWidget>

class QPdfDocument;
class QPdfView;
class QLabel;

namespace vw {

// Shows the bytes the exporter wrote, with Qt PDF: the preview is the exported PDF itself.
class PdfPreview : public QWidget {
    Q_OBJECT
public:
    explicit PdfPreview(QWidget *parent = nullptr);
    ~PdfPreview() override;

    void setPdf(const QByteArray &pdf);
    void showMessage(const QString &message);
    QPdfDocument *document() const { return mDocument; }
    QPdfView *view() const { return mView; }

private:
    QPdfDocument *mDocument;
    QPdfView *mView;
    QLabel *mMessage;
    QBuffer mBuffer;
    QByteArray mBytes;
};

} // namespace vw
