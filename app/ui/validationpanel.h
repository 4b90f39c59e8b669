#pragma once

#include "validation.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QWidget>

class QAbstractItemView;
class QAction;
class QLabel;
class QListView;
class QMenu;

namespace vw {

// The problems of one Vorlage, one row each: the message, an error or warning icon, the full
// line ("Fehler: …") as tooltip and accessible text.
class ProblemListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { SeverityRole = Qt::UserRole + 1, PlaceRole };

    explicit ProblemListModel(QObject *parent = nullptr);

    // Replaces the list, announcing only the rows that differ: a keystroke changes one problem or
    // none, so selection and scroll position survive typing.
    void setProblems(const QList<Problem> &problems);
    const QList<Problem> &problems() const { return mProblems; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QList<Problem> mProblems;
    QIcon mErrorIcon;
    QIcon mWarningIcon;
};

// Lists the problems validate() finds, with a summary line above ("2 Fehler, 1 Warnung"). A click on
// a problem, or Enter on the current one, reports its place so the editor can jump there. A typed number
// that is a figure's value is also offered as a quote: a click or Enter opens a small menu at the row
// ("Als Verweis einsetzen", Enter takes it, Escape leaves it), and the context menu has the same entry.
class ValidationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ValidationPanel(QWidget *parent = nullptr);

    void setProblems(const QList<Problem> &problems);
    const QList<Problem> &problems() const { return mModel->problems(); }
    QString summary() const;

    ProblemListModel *model() const { return mModel; }
    QAbstractItemView *view() const;
    // The menu a click or Enter on a problem with a suggestion opens at its row.
    QMenu *offerMenu() const { return mOffer; }
    // "Als Verweis einsetzen" in the list's context menu, for the current problem.
    QAction *quoteAction() const { return mQuoteAction; }

signals:
    void problemActivated(const vw::Place &place);
    // The user chose to turn the problem's typed number into a quote (applyFigureSuggestion()).
    void quoteRequested(const vw::Problem &problem);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    const Problem *currentProblem() const;

    ProblemListModel *mModel;
    QListView *mView;
    QLabel *mSummary;
    QMenu *mOffer;
    QAction *mOfferAction;
    QAction *mQuoteAction;
    Problem mOffered; // the problem mOffer was opened for
};

} // namespace vw
