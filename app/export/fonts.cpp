#include "fonts.h"

#include <QCoreApplication>
#include <QFontDatabase>

namespace vw {

namespace {
const QString family = QStringLiteral("Vorlagenwerk Sans");
}

Result<void> loadDocumentFonts()
{
    static const Result<void> loaded = [] {
        for (const char *style : {"Regular", "Bold", "Italic", "BoldItalic"}) {
            const QString path = QStringLiteral(":/fonts/VorlagenwerkSans-%1.ttf").arg(QLatin1String(style));
            const int id = QFontDatabase::addApplicationFont(path);
            if (id < 0 || !QFontDatabase::applicationFontFamilies(id).contains(family))
                return Result<void>(Error{QCoreApplication::translate(
                    "vw::Export", "Die Dokumentschrift %1 fehlt oder ist beschädigt; ohne sie wird kein PDF erzeugt.")
                                              .arg(path)});
        }
        return Result<void>();
    }();
    return loaded;
}

QFont documentFont(qreal pointSize, bool bold)
{
    QFont font(family);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::NoFontMerging);
    return font;
}

} // namespace vw
