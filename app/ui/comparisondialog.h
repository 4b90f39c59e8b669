#pragma once

#include "figure.h"
#include "result.h"
#include "vorlagediff.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace vw {

// Two states of a Vorlage compared place by place: insertions underlined, deletions struck through
// (visible in black and white too), and the same comparison as a PDF.
class ComparisonDialog : public QDialog {
    Q_OBJECT
public:
    ComparisonDialog(const RessortTable &ressorts, const FigureValues &figures, const Vorlage &before,
                     const VersionLabel &beforeLabel, const Vorlage &after, const VersionLabel &afterLabel,
                     QWidget *parent = nullptr);

    const VorlageDiff &diff() const { return mDiff; }
    QTextBrowser *browser() const { return mBrowser; }
    QCheckBox *showUnchangedBox() const { return mShowUnchanged; }
    Result<void> savePdf(const QString &path) const;

private:
    void showDiff();
    void chooseAndSavePdf();

    const RessortTable &mRessorts;
    FigureValues mFigures;
    Vorlage mBefore;
    VersionLabel mBeforeLabel;
    Vorlage mAfter;
    VersionLabel mAfterLabel;
    VorlageDiff mDiff;
    QTextBrowser *mBrowser;
    QCheckBox *mShowUnchanged;
};

} // namespace vw
