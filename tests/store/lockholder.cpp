// A process that holds a workspace open, as the app does, driven line by line on stdin by tst_locking:
//   add TITLE   adds a Vorlage               → "ok ID"
//   count       lists the Vorlagen           → "count N"
//   touch       opens and closes the workspace file, its -wal and -shm through QFile, as a file dialog or any
//               other code in the process might → "ok"
//   deleted     how many of our descriptors point to a deleted file → "deleted N"
//   quit        closes the workspace and exits
#include "descriptors.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace vw;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc != 2) {
        out << "usage: vw_lockholder WORKSPACE\n";
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    auto ws = Workspace::open(path, Workspace::Mode::CreateIfMissing);
    if (!ws) {
        out << "error " << ws.error() << '\n';
        return 1;
    }
    out << "ready\n" << Qt::flush;
    QTextStream in(stdin);
    QString line;
    while (in.readLineInto(&line)) {
        if (line.startsWith(QLatin1String("add "))) {
            Vorlage vorlage;
            vorlage.title = line.mid(4);
            auto id = ws.value()->add(vorlage);
            if (id)
                out << "ok " << id.value() << '\n';
            else
                out << "error " << id.error() << '\n';
        } else if (line == QLatin1String("count")) {
            auto list = ws.value()->list();
            out << "count " << (list ? list->size() : -1) << '\n';
        } else if (line == QLatin1String("touch")) {
            for (const char *suffix : {"", "-wal", "-shm"}) {
                QFile file(path + QLatin1String(suffix));
                if (file.open(QIODevice::ReadOnly))
                    file.read(100);
            }
            out << "ok\n";
        } else if (line == QLatin1String("deleted")) {
            out << "deleted " << deletedDescriptors() << '\n';
        } else if (line == QLatin1String("quit")) {
            break;
        } else {
            out << "error unknown command " << line << '\n';
        }
        out << Qt::flush;
    }
    return 0;
}
