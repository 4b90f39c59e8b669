#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;

namespace vw {

class MainWindow;

// Files dropped on the main window: a workspace file (*.vorlagen) is opened, text and PDF files are
// imported as new Vorlagen, as "Datei → Importieren" does. Installs itself on the window.
class WindowDrops : public QObject {
    Q_OBJECT
public:
    explicit WindowDrops(MainWindow *window);

    static bool isWorkspaceFile(const QString &path);
    static bool isImportable(const QString &path);
    // The local files of a drag that the window takes: workspaces and importable files.
    static QStringList acceptedFiles(const QMimeData *data);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void dropFiles(const QStringList &paths);

    MainWindow *mWindow;
};

} // namespace vw
