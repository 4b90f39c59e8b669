#pragma once

#include "searchindex.h"

#include <QAbstractListModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;
class QToolButton;

namespace vw {

class DateEdit;
class RessortTable;
class SearchWorker;

// The hits of one search, best first.
class SearchResultModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { HitRole = Qt::UserRole + 1, SnippetHtmlRole };
    using QAbstractListModel::QAbstractListModel;

    void setHits(const QList<SearchHit> &hits);
    const QList<SearchHit> &hits() const { return mHits; }
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<SearchHit> mHits;
};

// Full-text search over the whole workspace, above the Vorlagen list (Ctrl+Shift+F): the words, optional
// filters (kind, status, Ressort, session dates), and the hits as one types (a moment after typing pauses,
// on SearchWorker's thread). A hit opens its Vorlage at the place found; a Beschluss item of a decided
// Vorlage can be taken over word for word into the open Vorlage.
class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    // The workspace to search (empty: none) and its Ressorts for the filter.
    void setWorkspace(const QString &path, const RessortTable &ressorts);
    // Searches again with the same words and filters (the workspace changed), if a search is shown.
    void refresh();
    // Puts the cursor into the search field, its text selected.
    void focusSearch();
    void clear();

    // Whether hits are shown (the field holds words): the window shows the panel instead of the list.
    bool isActive() const;
    SearchQuery query() const;
    bool isSearching() const;
    // "Beschlusspunkt übernehmen" is offered for the current hit (MainWindow says when a Vorlage that can
    // take it is open).
    void setQuoteTargetAvailable(bool available);

    QLineEdit *searchEdit() const { return mEdit; }
    QListView *resultView() const { return mView; }
    SearchResultModel *results() const { return mModel; }
    QLabel *summaryLabel() const { return mSummary; }
    QPushButton *quoteButton() const { return mQuote; }
    QComboBox *kindFilter() const { return mKind; }
    QComboBox *statusFilter() const { return mStatus; }
    QComboBox *ressortFilter() const { return mRessort; }
    DateEdit *fromFilter() const { return mFrom; }
    DateEdit *toFilter() const { return mTo; }

signals:
    void activeChanged(bool active);
    // A hit was chosen (click, Return): open its Vorlage at its place, the words of `text` highlighted.
    void openRequested(const vw::SearchHit &hit, const QString &text);
    void quoteRequested(const vw::SearchHit &hit);
    // An answer arrived and is shown.
    void resultsShown();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule();
    void start();
    void showResults(const SearchQuery &query, const QList<SearchHit> &hits, const QString &error);
    void updateQuoteButton();
    const SearchHit *currentHit() const;

    SearchWorker *mWorker;
    QTimer *mDelay;
    QLineEdit *mEdit;
    QToolButton *mFilterButton;
    QWidget *mFilters;
    QComboBox *mKind;
    QComboBox *mStatus;
    QComboBox *mRessort;
    DateEdit *mFrom;
    DateEdit *mTo;
    QWidget *mResultArea;
    QLabel *mSummary;
    QListView *mView;
    SearchResultModel *mModel;
    QPushButton *mQuote;
    bool mActive = false;
    bool mQuoteTarget = false;
    bool mOpenFirst = false; // Return came before the answer: open its first hit
};

} // namespace vw
