#pragma once

#include "validation.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QWidget>

class QAbstractItemView;
class QLabel;
class QListView;

namespace vw {

// The problems of one Vorlage, one row each: the message, an error or warning icon, the full
// line ("Fehler: …") as tooltip and accessible text.
class ProblemListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { SeverityRole = Qt::UserRole + 1, LocationRole };

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
// a problem, or Enter on the current one, reports its place so the editor can jump there.
class ValidationPanel : public QWidget {
    Q_OBJECT
public:
    explicit ValidationPanel(QWidget *parent = nullptr);

    void setProblems(const QList<Problem> &problems);
    const QList<Problem> &problems() const { return mModel->problems(); }
    QString summary() const;

    ProblemListModel *model() const { return mModel; }
    QAbstractItemView *view() const;

signals:
    void problemActivated(const vw::Location &location);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(const QModelIndex &index);

    ProblemListModel *mModel;
    QListView *mView;
    QLabel *mSummary;
};

} // namespace vw
