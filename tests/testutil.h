#pragma once

#include <catch2/catch.hpp>

#include <QByteArray>
#include <QFile>
#include <QProcess>
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

// A real, small file system (tmpfs) mounted on an existing empty `folder`, to see what a full disk does.
// Mounting needs root — CI runs as root in a fresh Debian root; elsewhere mounted() is false and the tests
// that need it say so (WARN) and pass over it.
class SmallDisk {
public:
    explicit SmallDisk(const QString &folder, int megabytes = 16) : mFolder(folder)
    {
        mMounted = QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                               QStringLiteral("size=%1m").arg(megabytes), QStringLiteral("vw-small-disk"), folder})
                   == 0;
    }
    ~SmallDisk()
    {
        if (mMounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mFolder});
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    bool mounted() const { return mMounted; }

    // Writes a file until nothing more fits.
    void fill()
    {
        QFile f(mFolder + QStringLiteral("/.fill"));
        REQUIRE(f.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (f.write(block) == block.size() && f.flush()) {
        }
        f.close();
        // What is left of the last block, byte by byte.
        QFile rest(mFolder + QStringLiteral("/.fill-rest"));
        REQUIRE(rest.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        while (rest.write("x", 1) == 1) {
        }
    }
    void makeRoom()
    {
        QFile::remove(mFolder + QStringLiteral("/.fill"));
        QFile::remove(mFolder + QStringLiteral("/.fill-rest"));
    }

private:
    QString mFolder;
    bool mMounted = false;
};

#define VW_REQUIRE_SMALL_DISK(disk)                                                                            \
    if (!(disk).mounted()) {                                                                                   \
        WARN("a tmpfs cannot be mounted here (needs root): full-disk test not run");                           \
        return;                                                                                                \
    }
