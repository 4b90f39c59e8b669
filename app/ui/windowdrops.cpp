#include "windowdrops.h"

#include "mainwindow.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QTimer>
#include <QUrl>

namespace vw {

WindowDrops::WindowDrops(MainWindow *window) : QObject(window), mWindow(window)
{
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

bool WindowDrops::isWorkspaceFile(const QString &path)
{
    return QFileInfo(path).suffix().compare(QLatin1String("vorlagen"), Qt::CaseInsensitive) == 0;
}

bool WindowDrops::isImportable(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QLatin1String("txt") || suffix == QLatin1String("md") || suffix == QLatin1String("pdf");
}

QStringList WindowDrops::acceptedFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        if (isWorkspaceFile(path) || isImportable(path))
            files << path;
    }
    return files;
}

bool WindowDrops::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != mWindow)
        return false;
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (acceptedFiles(drag->mimeData()).isEmpty())
            return false;
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = acceptedFiles(drop->mimeData());
        if (files.isEmpty())
            return false;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        // After the drag has ended: opening may ask questions in dialogs, which must not run inside
        // the drag's event loop.
        QTimer::singleShot(0, this, [this, files] { dropFiles(files); });
        return true;
    }
    default:
        return false;
    }
}

void WindowDrops::dropFiles(const QStringList &paths)
{
    // One workspace is open at a time: the first one dropped; the files dropped with it go into it.
    QStringList imports;
    QString workspace;
    for (const QString &path : paths) {
        if (isWorkspaceFile(path)) {
            if (workspace.isEmpty())
                workspace = path;
        } else {
            imports << path;
        }
    }
    if (!workspace.isEmpty()) {
        if (auto r = mWindow->openWorkspace(workspace); !r) {
            QMessageBox::warning(mWindow, tr("Arbeitsbereich öffnen"), r.error());
            return;
        }
    }
    for (const QString &path : imports)
        mWindow->importAndReview(path);
}

} // namespace vw
