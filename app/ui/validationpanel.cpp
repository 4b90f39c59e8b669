#include "validationpanel.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>

namespace vw {

ProblemListModel::ProblemListModel(QObject *parent)
    : QAbstractListModel(parent),
      mErrorIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical)),
      mWarningIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
{
}

void ProblemListModel::setProblems(const QList<Problem> &problems)
{
    const qsizetype oldSize = mProblems.size();
    const qsizetype newSize = problems.size();
    qsizetype prefix = 0;
    while (prefix < oldSize && prefix < newSize && mProblems[prefix] == problems[prefix])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < oldSize - prefix && suffix < newSize - prefix &&
           mProblems[oldSize - 1 - suffix] == problems[newSize - 1 - suffix])
        ++suffix;

    // Rows [prefix, prefix + oldMiddle) become rows [prefix, prefix + newMiddle): change the rows both
    // have, then remove or insert the rest.
    const qsizetype oldMiddle = oldSize - prefix - suffix;
    const qsizetype newMiddle = newSize - prefix - suffix;
    const qsizetype common = std::min(oldMiddle, newMiddle);
    if (common > 0) {
        for (qsizetype i = prefix; i < prefix + common; ++i)
            mProblems[i] = problems[i];
        emit dataChanged(index(int(prefix)), index(int(prefix + common - 1)));
    }
    const qsizetype from = prefix + common;
    if (oldMiddle > newMiddle) {
        beginRemoveRows({}, int(from), int(prefix + oldMiddle - 1));
        mProblems.remove(from, oldMiddle - newMiddle);
        endRemoveRows();
    } else if (newMiddle > oldMiddle) {
        beginInsertRows({}, int(from), int(prefix + newMiddle - 1));
        mProblems.insert(from, newMiddle - oldMiddle, Problem{});
        std::copy(problems.begin() + from, problems.begin() + prefix + newMiddle, mProblems.begin() + from);
        endInsertRows();
    }
    Q_ASSERT(mProblems == problems);
}

int ProblemListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(mProblems.size());
}

QVariant ProblemListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &p = mProblems[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return p.message;
    case Qt::DecorationRole:
        return p.severity == Problem::Severity::Error ? mErrorIcon : mWarningIcon;
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        // The icon says error or warning only to those who see it.
        return problemLine(p);
    case SeverityRole:
        return int(p.severity);
    case PlaceRole:
        return QVariant::fromValue(p.place);
    default:
        return {};
    }
}

Qt::ItemFlags ProblemListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractListModel::flags(index);
    return QAbstractListModel::flags(index) | Qt::ItemNeverHasChildren;
}

ValidationPanel::ValidationPanel(QWidget *parent)
    : QWidget(parent), mModel(new ProblemListModel(this)), mView(new QListView(this)),
      mSummary(new QLabel(this)), mOffer(new QMenu(this)),
      mOfferAction(new QAction(tr("Als &Verweis einsetzen"), this)),
      mQuoteAction(new QAction(tr("Als &Verweis einsetzen"), this))
{
    mView->setModel(mModel);
    // Messages name sections, Ressorts and dates; wrap them rather than cut them off.
    mView->setWordWrap(true);
    mView->setResizeMode(QListView::Adjust);
    mView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    mView->setSelectionMode(QAbstractItemView::SingleSelection);
    mView->setAccessibleName(tr("Probleme der Vorlage"));
    mView->installEventFilter(this);
    // clicked, not activated: whether a single click activates depends on the style.
    connect(mView, &QAbstractItemView::clicked, this, &ValidationPanel::activate);

    mOffer->setAccessibleName(tr("Vorschlag zur Zahl"));
    mOffer->addAction(mOfferAction);
    connect(mOfferAction, &QAction::triggered, this, [this] { emit quoteRequested(mOffered); });
    mView->setContextMenuPolicy(Qt::ActionsContextMenu);
    mView->addAction(mQuoteAction);
    mQuoteAction->setEnabled(false);
    connect(mQuoteAction, &QAction::triggered, this, [this] {
        if (const Problem *p = currentProblem(); p && !p->suggestedFigure.isEmpty())
            emit quoteRequested(*p);
    });
    const auto updateQuote = [this] {
        const Problem *p = currentProblem();
        mQuoteAction->setEnabled(p && !p->suggestedFigure.isEmpty());
    };
    connect(mView->selectionModel(), &QItemSelectionModel::currentChanged, this, updateQuote);
    connect(mModel, &QAbstractItemModel::dataChanged, this, updateQuote);
    connect(mModel, &QAbstractItemModel::rowsRemoved, this, updateQuote);

    mSummary->setAccessibleName(tr("Zusammenfassung der Prüfung"));
    mSummary->setText(problemSummary({}));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mSummary);
    layout->addWidget(mView, 1);
    setWindowTitle(tr("Prüfung"));
}

void ValidationPanel::setProblems(const QList<Problem> &problems)
{
    mModel->setProblems(problems);
    mSummary->setText(problemSummary(problems));
}

QString ValidationPanel::summary() const
{
    return mSummary->text();
}

QAbstractItemView *ValidationPanel::view() const
{
    return mView;
}

bool ValidationPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mView && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && mView->currentIndex().isValid()) {
            activate(mView->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

const Problem *ValidationPanel::currentProblem() const
{
    const int row = mView->currentIndex().row();
    return row >= 0 && row < mModel->problems().size() ? &mModel->problems()[row] : nullptr;
}

void ValidationPanel::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    // Copied first: jumping there may let the list change.
    const Problem problem = mModel->problems().value(index.row());
    emit problemActivated(problem.place);
    if (problem.suggestedFigure.isEmpty())
        return;
    mOffered = problem;
    const QRect row = mView->visualRect(index);
    mOffer->popup(mView->viewport()->mapToGlobal(row.bottomLeft()));
    mOffer->setActiveAction(mOfferAction); // Enter takes it at once
}

} // namespace vw
