#include "searchworker.h"

#include "database.h"

namespace vw {

// Lives on the worker thread: owns the connection, which Qt allows to be used by its own thread only.
class SearchWorker::Runner : public QObject {
public:
    ~Runner() override { close(); }

    void setWorkspace(const QString &path)
    {
        close();
        mPath = path;
    }

    Result<QList<SearchHit>> search(const SearchQuery &query)
    {
        if (mPath.isEmpty())
            return QList<SearchHit>{};
        if (mConnection.isEmpty()) {
            static std::atomic<int> counter{0};
            const QString name = QStringLiteral("vw-search-%1").arg(counter++);
            if (auto r = Database::addReadConnection(mPath, name); !r) {
                QSqlDatabase::removeDatabase(name);
                return r.failure();
            }
            mConnection = name;
        }
        return SearchIndex::search(QSqlDatabase::database(mConnection, false), query);
    }

private:
    void close()
    {
        if (mConnection.isEmpty())
            return;
        QSqlDatabase::database(mConnection, false).close();
        QSqlDatabase::removeDatabase(mConnection);
        mConnection.clear();
    }

    QString mPath;
    QString mConnection;
};

SearchWorker::SearchWorker(QObject *parent) : QObject(parent), mRunner(new Runner)
{
    mThread.setObjectName(QStringLiteral("vw-search"));
    mRunner->moveToThread(&mThread);
    connect(&mThread, &QThread::finished, mRunner, &QObject::deleteLater);
    mThread.start();
}

SearchWorker::~SearchWorker()
{
    mThread.quit();
    mThread.wait();
}

void SearchWorker::setWorkspace(const QString &path)
{
    ++mAsked; // an answer from the previous workspace is not delivered
    mAnswered = mAsked;
    QMetaObject::invokeMethod(mRunner, [runner = mRunner, path] { runner->setWorkspace(path); });
}

void SearchWorker::search(const SearchQuery &query)
{
    const int request = ++mAsked;
    QMetaObject::invokeMethod(mRunner, [this, runner = mRunner, request, query] {
        if (request != mAsked)
            return; // a newer request is queued behind this one
        auto hits = runner->search(query);
        QList<SearchHit> found = hits ? hits.value() : QList<SearchHit>{};
        QString error = hits ? QString() : hits.error();
        QMetaObject::invokeMethod(this, [this, request, query, found = std::move(found), error = std::move(error)] {
            if (request != mAsked)
                return;
            mAnswered = request;
            emit finished(query, found, error);
        });
    });
}

} // namespace vw
