#pragma once

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QString>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString &s) { return '"' + s.toStdString() + '"'; }
};
template <> struct StringMaker<QByteArray> {
    static std::string convert(const QByteArray &b) { return '"' + b.toStdString() + '"'; }
};
} // namespace Catch

// Path of a file in tests/data.
inline QString testData(const QString &name)
{
    return QStringLiteral(VW_TEST_DATA_DIR "/") + name;
}
