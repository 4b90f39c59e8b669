#include "demo.h"
#include "fonts.h"
#include "mainwindow.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHashSeed>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>
#include <QUrl>
#include <QWindow>

#include <cstdio>
#include <cstring>

namespace {

// VW_REPORT_STARTUP=1 (bench/workspace-speed.sh): the milliseconds from main() to the window's first
// expose, printed once on stderr.
class StartupReport : public QObject {
public:
    explicit StartupReport(const QElapsedTimer &since) : mSince(since) {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            std::fprintf(stderr, "vorlagenwerk: window shown after %lld ms\n", static_cast<long long>(mSince.elapsed()));
            watched->removeEventFilter(this);
        }
        return false;
    }

private:
    QElapsedTimer mSince;
};

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QHashSeed::setDeterministicGlobalSeed(); // byte-stable PDFs, see the CLI
    // --version and --help only print: they work without a display (over ssh, in package tests).
    for (int i = 1; i < argc; ++i) {
        for (const char *textOnly : {"--version", "-v", "--help", "-h", "--help-all"}) {
            if (std::strcmp(argv[i], textOnly) == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }
    QApplication app(argc, argv);
    // The users are German clerks: Qt's own texts (Abbrechen, Strg+Z in menus) in German too, from
    // Debian's qt6-translations-l10n; without it they stay English and nothing else changes.
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QApplication::setApplicationName(QStringLiteral("vorlagenwerk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Vorlagenwerk"));
    QApplication::setApplicationVersion(QStringLiteral(VW_VERSION));
    // The desktop file's name lets Wayland and the task bar match the window to its icon and entry.
    QApplication::setDesktopFileName(QStringLiteral("de.bremen.Vorlagenwerk"));
    QIcon icon;
    for (const int size : {32, 64, 256})
        icon.addFile(QStringLiteral(":/icons/%1x%1/apps/de.bremen.Vorlagenwerk.png").arg(size));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("de.bremen.Vorlagenwerk"), icon));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Senatsvorlagen entwerfen, prüfen und veröffentlichen"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Arbeitsbereich, der geöffnet wird."),
                                       QStringLiteral("PFAD"));
    parser.addOption(workspaceOption);
    QCommandLineOption openOption(QStringLiteral("open"),
                                  QApplication::translate("main", "Vorlage mit dieser Nummer öffnen."),
                                  QStringLiteral("ID"));
    parser.addOption(openOption);
    parser.addPositionalArgument(QStringLiteral("arbeitsbereich"),
                                 QApplication::translate("main", "Arbeitsbereich (*.vorlagen), der geöffnet wird."),
                                 QStringLiteral("[arbeitsbereich]"));
    parser.process(app);

    if (auto fonts = vw::loadDocumentFonts(); !fonts) {
        QMessageBox::critical(nullptr, QStringLiteral("Vorlagenwerk"), fonts.error());
        return 1;
    }

    vw::MainWindow window;
    QString path = parser.value(workspaceOption);
    if (path.isEmpty() && !parser.positionalArguments().isEmpty())
        path = parser.positionalArguments().first();
    if (path.startsWith(QLatin1String("file:"))) // a file manager may hand over a URL
        path = QUrl(path).toLocalFile();
    vw::Result<void> opened;
    if (path.isEmpty()) {
        path = vw::Workspace::defaultPath();
        // The first start creates the default workspace with the demo Vorlagen and their figures.
        if (!QFileInfo::exists(path)) {
            if (auto created = vw::openOrCreateWithDemo(path); !created)
                opened = created.failure();
        }
    }
    if (opened)
        opened = window.openWorkspaceOrOfferNew(path); // a new path (--workspace) is offered to be created
    window.show();
    StartupReport startupReport(sinceStart);
    if (qEnvironmentVariableIntValue("VW_REPORT_STARTUP") == 1 && window.windowHandle())
        window.windowHandle()->installEventFilter(&startupReport); // exposed later, in the event loop
    if (opened && window.workspace() && parser.isSet(openOption) && !window.openVorlage(parser.value(openOption).toLongLong()))
        QMessageBox::warning(&window, QApplication::translate("main", "Vorlage öffnen"),
                             QApplication::translate("main", "Im Arbeitsbereich gibt es keine Vorlage mit der Nummer %1.")
                                 .arg(parser.value(openOption)));
    if (!opened)
        QMessageBox::warning(&window, QApplication::translate("main", "Arbeitsbereich öffnen"), opened.error());
    return app.exec();
}
