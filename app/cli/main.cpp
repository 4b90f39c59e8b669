#include "cli.h"

#include <QGuiApplication>
#include <QHashSeed>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Exporting needs fonts and a paint device, not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's PDF engine orders font objects by hash: a fixed seed makes exports byte-identical
    // apart from dates and the document id.
    QHashSeed::setDeterministicGlobalSeed();
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("vorlagenwerk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(VW_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return vw::runCli(app.arguments().mid(1), out, err);
}
