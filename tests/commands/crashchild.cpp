// Edits a Vorlage through the commands and the autosave, as the app does, until it is killed.
// Usage: vw_crash_child WORKSPACE ID. After each edit it prints "N MSECS": edit number N was made at
// MSECS (ms since the epoch); section C then reads "Stand N".
#include "commands.h"
#include "documentsaver.h"
#include "vorlagedocument.h"
#include "workspace.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc != 3)
        return 2;
    auto ws = vw::Workspace::open(QString::fromLocal8Bit(argv[1]), vw::Workspace::Mode::OpenExisting);
    if (!ws)
        return 1;
    auto v = ws.value()->load(QByteArray(argv[2]).toLongLong());
    if (!v)
        return 1;
    vw::VorlageDocument doc(v.value());
    vw::DocumentSaver saver(ws.value().get(), &doc);
    int n = 0;
    QTimer typing;
    typing.setInterval(15);
    QObject::connect(&typing, &QTimer::timeout, [&] {
        ++n;
        vw::Commands::setSectionContent(&doc, QStringLiteral("C"), {vw::Block::para(QStringLiteral("Stand %1").arg(n))});
        // Every twentieth edit also touches another part, in its own undo step.
        if (n % 20 == 0)
            vw::Commands::setTitle(&doc, QStringLiteral("Titel %1").arg(n));
        std::printf("%d %lld\n", n, QDateTime::currentMSecsSinceEpoch());
        std::fflush(stdout);
    });
    typing.start();
    return app.exec();
}
