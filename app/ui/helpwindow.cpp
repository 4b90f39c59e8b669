#include "helpwindow.h"

#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QImage>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace vw {

namespace {

const QUrl guideUrl(QStringLiteral("qrc:/help/benutzerhandbuch.md"));
constexpr int maxImageWidth = 760; // screenshots are 1400 px wide: shown smaller, read beside the text

// Scales screenshots down to the reading width; everything else as QTextBrowser loads it.
class GuideBrowser : public QTextBrowser {
public:
    using QTextBrowser::QTextBrowser;

    QVariant loadResource(int type, const QUrl &name) override
    {
        QVariant resource = QTextBrowser::loadResource(type, name);
        if (type != QTextDocument::ImageResource)
            return resource;
        QImage image;
        if (resource.canConvert<QByteArray>())
            image.loadFromData(resource.toByteArray());
        if (image.isNull() || image.width() <= maxImageWidth)
            return resource;
        return image.scaledToWidth(maxImageWidth, Qt::SmoothTransformation);
    }
};

// The anchor GitHub gives a heading ("Prüfung und Abstimmung" → "prüfung-und-abstimmung"), so that the
// guide's links between its chapters work here as on the web.
QString headingAnchor(const QString &heading)
{
    QString anchor;
    for (const QChar ch : heading.toLower()) {
        if (ch.isLetterOrNumber() || ch == QLatin1Char('-') || ch == QLatin1Char('_'))
            anchor += ch;
        else if (ch == QLatin1Char(' '))
            anchor += QLatin1Char('-');
    }
    return anchor;
}

void addHeadingAnchors(QTextDocument *doc)
{
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() == 0 || b.text().isEmpty())
            continue;
        QTextCursor cursor(b);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorNames({headingAnchor(b.text())});
        cursor.mergeCharFormat(format);
    }
}

} // namespace

HelpWindow::HelpWindow(QWidget *parent) : QWidget(parent, Qt::Window), mBrowser(new GuideBrowser(this))
{
    setWindowTitle(tr("Benutzerhandbuch – Vorlagenwerk"));
    // Links to chapters scroll within the loaded guide (QTextBrowser would load it again and lose the
    // anchors); links to the web open in the browser.
    mBrowser->setOpenLinks(false);
    connect(mBrowser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme().startsWith(QLatin1String("http")))
            QDesktopServices::openUrl(url);
        else if (url.hasFragment())
            mBrowser->scrollToAnchor(url.fragment());
    });
    mBrowser->setSource(guideUrl, QTextDocument::MarkdownResource);
    addHeadingAnchors(mBrowser->document());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mBrowser);
    resize(900, 760);
}

QString HelpWindow::heading() const
{
    for (QTextBlock b = mBrowser->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() > 0)
            return b.text();
    }
    return QString();
}

HelpWindow *HelpWindow::showFor(QWidget *parent)
{
    auto *help = parent->findChild<HelpWindow *>(QString(), Qt::FindDirectChildrenOnly);
    if (!help)
        help = new HelpWindow(parent);
    help->show();
    help->raise();
    help->activateWindow();
    return help;
}

QString aboutText()
{
    return QApplication::translate("vw::HelpWindow",
                                   "<h3>Vorlagenwerk %1</h3>"
                                   "<p>Senatsvorlagen entwerfen, prüfen und veröffentlichen.</p>"
                                   "<p>Eine Anwendung für die Ressorts der Freien Hansestadt Bremen. "
                                   "Das Benutzerhandbuch öffnet sich mit F1.</p>"
                                   "<p>Schrift: Vorlagenwerk Sans (Liberation Sans, SIL Open Font License).<br>"
                                   "Gebaut mit Qt %2.</p>")
        .arg(QApplication::applicationVersion().toHtmlEscaped(), QString::fromLatin1(qVersion()));
}

void addHelpMenu(QMainWindow *window)
{
    QMenu *menu = window->menuBar()->addMenu(QApplication::translate("vw::HelpWindow", "&Hilfe"));
    QAction *guide = menu->addAction(QApplication::translate("vw::HelpWindow", "&Benutzerhandbuch"));
    guide->setObjectName(QStringLiteral("actionUserGuide"));
    guide->setShortcut(QKeySequence::HelpContents); // F1
    guide->setShortcutContext(Qt::ApplicationShortcut);
    QObject::connect(guide, &QAction::triggered, window, [window] { HelpWindow::showFor(window); });
    menu->addSeparator();
    QAction *about = menu->addAction(QApplication::translate("vw::HelpWindow", "Ü&ber Vorlagenwerk"));
    about->setObjectName(QStringLiteral("actionAbout"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window] {
        QMessageBox::about(window, QApplication::translate("vw::HelpWindow", "Über Vorlagenwerk"), aboutText());
    });
}

} // namespace vw
