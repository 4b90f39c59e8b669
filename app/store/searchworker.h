#pragma once

#include "searchindex.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace vw {

// Runs full-text searches on a thread of its own, over a read-only connection of its own to the workspace
// file: the search field never waits for the index, and the window's connection is never shared between
// threads. Only the latest request counts: one still waiting when a newer comes is dropped, and an answer to
// an older one is never delivered.
class SearchWorker : public QObject {
    Q_OBJECT
public:
    explicit SearchWorker(QObject *parent = nullptr);
    ~SearchWorker() override; // waits for a search under way

    // The workspace to search; an empty path closes the connection.
    void setWorkspace(const QString &path);
    void search(const SearchQuery &query);
    // A request asked for and not yet answered.
    bool isBusy() const { return mAnswered != mAsked; }

signals:
    // The answer to the latest request: `error` is empty, or says why there are no hits (the workspace
    // cannot be read, the index is being rebuilt).
    void finished(const vw::SearchQuery &query, const QList<vw::SearchHit> &hits, const QString &error);

private:
    class Runner;
    QThread mThread;
    Runner *mRunner;
    std::atomic<int> mAsked{0};
    int mAnswered = 0;
};

} // namespace vw
