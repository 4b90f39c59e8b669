#pragma once

#include <QList>
#include <QString>

namespace vw {

// One bookmark of a PDF's outline: its title, the 0-based page it opens, and nested bookmarks.
struct OutlineEntry {
    QString title;
    int page = 0;
    QList<OutlineEntry> children{};

    bool operator==(const OutlineEntry &) const = default;
};

} // namespace vw
