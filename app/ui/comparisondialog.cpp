#include "comparisondialog.h"

#include "pdfexporter.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vw {

ComparisonDialog::ComparisonDialog(const RessortTable &ressorts, const FigureValues &figures, const Vorlage &before,
                                   const VersionLabel &beforeLabel, const Vorlage &after,
                                   const VersionLabel &afterLabel, QWidget *parent)
    : QDialog(parent), mRessorts(ressorts), mFigures(figures), mBefore(before), mBeforeLabel(beforeLabel),
      mAfter(after), mAfterLabel(afterLabel), mBrowser(new QTextBrowser(this)),
      mShowUnchanged(new QCheckBox(tr("&Unveränderte Stellen ganz zeigen"), this))
{
    setWindowTitle(tr("Vergleich – %1").arg(after.title));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 760);
    mDiff = compareVorlagen(before, after, &ressorts, &mFigures, &mFigures);

    auto *heading = new QLabel(this);
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);
    heading->setText(tr("<b>Vorher:</b> %1<br><b>Nachher:</b> %2")
                         .arg(versionLabelText(beforeLabel).toHtmlEscaped(), versionLabelText(afterLabel).toHtmlEscaped()));
    auto *legend = new QLabel(this);
    legend->setTextFormat(Qt::RichText);
    legend->setText(mDiff.hasChanges()
                        ? tr("%n Stelle(n) geändert · <u>eingefügt</u> · <s>gestrichen</s>", nullptr, mDiff.changedCount())
                        : tr("Keine Änderungen"));
    mBrowser->setOpenLinks(false);
    mBrowser->setStyleSheet(QStringLiteral("QTextBrowser { background: white; color: black; }"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Schließen"));
    QPushButton *pdf = buttons->addButton(tr("Als &PDF speichern …"), QDialogButtonBox::ActionRole);
    connect(pdf, &QPushButton::clicked, this, &ComparisonDialog::chooseAndSavePdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(mShowUnchanged, &QCheckBox::toggled, this, &ComparisonDialog::showDiff);

    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(legend);
    layout->addWidget(mBrowser, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(mShowUnchanged);
    bottom->addStretch(1);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);
    showDiff();
}

void ComparisonDialog::showDiff()
{
    mBrowser->setHtml(vorlageDiffHtml(mDiff, mShowUnchanged->isChecked()));
}

Result<void> ComparisonDialog::savePdf(const QString &path) const
{
    auto bytes = PdfExporter(mRessorts, mFigures).comparisonBytes(mBefore, mBeforeLabel, mAfter, mAfterLabel);
    if (!bytes)
        return bytes.failure();
    return PdfExporter::saveBytes(bytes.value(), path);
}

void ComparisonDialog::chooseAndSavePdf()
{
    const QString name = suggestedFileName(tr("Vergleich %1").arg(mAfter.title));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Vergleich als PDF speichern"),
                                                      QDir(dir).filePath(name + QStringLiteral(".pdf")),
                                                      tr("PDF-Dateien (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = savePdf(path); !r)
        QMessageBox::warning(this, tr("Vergleich als PDF speichern"), r.error());
}

} // namespace vw
