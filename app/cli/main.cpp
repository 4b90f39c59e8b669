#include "cli.h"

#include <QGuiApplication>
#include <QHashSeed>
#include <QTextStream>

#include <cstdio>

namespace {

QtMessageHandler qtHandler = nullptr;

// Without XDG_RUNTIME_DIR (cron, ssh, su) Qt warns on every run that it falls back to /tmp/runtime-USER. The
// fallback is fine for a command line, and the warning is not ours to print: the CLI prints only what it means.
void quietRuntimeDirWarning(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtWarningMsg && message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    qtHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    // Exporting needs fonts and a paint device, not a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's PDF engine orders font objects by hash: a fixed seed makes exports byte-identical
    // apart from dates and the document id.
    QHashSeed::setDeterministicGlobalSeed();
    qtHandler = qInstallMessageHandler(quietRuntimeDirWarning);
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("vorlagenwerk"));
    QGuiApplication::setApplicationVersion(QStringLiteral(VW_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return vw::runCli(app.arguments().mid(1), out, err);
}
