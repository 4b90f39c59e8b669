#pragma once

// A throwaway PostgreSQL 15 cluster for the tests (Debian's postgresql-15): initdb into a temporary folder,
// listening only on a Unix socket in that folder, stopped and removed when the test process ends. Started on
// first use, about a second. PostgreSQL refuses to run as root: then the server runs as the user postgres
// (runuser), and the tests connect as its superuser through the socket.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdlib>

#include <unistd.h>

class PgCluster {
public:
    static PgCluster &instance()
    {
        static PgCluster cluster;
        return cluster;
    }

    // Empty when the cluster runs; otherwise why not (a test then fails with this message).
    const QString &error() const { return mError; }
    QString socketDir() const { return mDir.path(); }
    int port() const { return 5432; }

    // Where Workspace::open finds `database` on this cluster (libpq's key=value form), as its superuser.
    QString location(const QString &database) const
    {
        return QStringLiteral("host=%1 port=%2 dbname=%3 user=postgres").arg(socketDir()).arg(port()).arg(database);
    }

    // A new, empty database; its name.
    QString createDatabase()
    {
        const QString name = QStringLiteral("vw_test_%1").arg(++mDatabases);
        QSqlDatabase admin = connect(QStringLiteral("postgres"), QStringLiteral("pg-admin"));
        QSqlQuery q(admin);
        if (!q.exec(QStringLiteral("CREATE DATABASE %1").arg(name)))
            mError = q.lastError().text();
        return name;
    }

    // The schema of `database` as pg_dump writes it, without its comments and settings (so that only a
    // change of the schema changes it).
    QString dumpSchema(const QString &database) const
    {
        QString out;
        if (!run(QStringLiteral("pg_dump"), {QStringLiteral("--schema-only"), QStringLiteral("--no-owner"), QStringLiteral("-h"),
                                             socketDir(), QStringLiteral("-p"), QString::number(port()), QStringLiteral("-U"),
                                             QStringLiteral("postgres"), database},
                 &out))
            return {};
        QStringList kept;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            // \restrict and \unrestrict carry a random key (pg_dump 15.14 and later).
            if (line.startsWith(QLatin1String("--")) || line.startsWith(QLatin1String("SET "))
                || line.startsWith(QLatin1String("\\restrict")) || line.startsWith(QLatin1String("\\unrestrict"))
                || line.startsWith(QLatin1String("SELECT pg_catalog.set_config")))
                continue;
            if (line.isEmpty() && (kept.isEmpty() || kept.last().isEmpty()))
                continue;
            kept << line;
        }
        return kept.join(QLatin1Char('\n')).trimmed() + QLatin1Char('\n');
    }

    // A connection to `database` as the cluster's superuser, added under `connectionName` and opened.
    QSqlDatabase connect(const QString &database, const QString &connectionName) const
    {
        QSqlDatabase db = QSqlDatabase::contains(connectionName) ? QSqlDatabase::database(connectionName, false)
                                                                  : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
        db.setHostName(socketDir());
        db.setPort(port());
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        db.open();
        return db;
    }

    ~PgCluster()
    {
        // After main() returned: no Qt process machinery, a plain blocking call.
        if (mStarted)
            std::system(QStringLiteral("%1/usr/lib/postgresql/15/bin/pg_ctl -D '%2' -m immediate stop >/dev/null 2>&1")
                            .arg(geteuid() == 0 ? QStringLiteral("runuser -u postgres -- ") : QString(), dataDir())
                            .toLocal8Bit()
                            .constData());
    }

private:
    PgCluster()
    {
        if (!mDir.isValid()) {
            mError = QStringLiteral("no temporary folder for the cluster");
            return;
        }
        if (geteuid() == 0 && QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), mDir.path()}) != 0) {
            mError = QStringLiteral("chown postgres %1 failed (is postgresql-15 installed?)").arg(mDir.path());
            return;
        }
        QString out;
        if (!run(QStringLiteral("initdb"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-A"), QStringLiteral("trust"),
                                            QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                                            QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                 &out)) {
            mError = QStringLiteral("initdb failed: ") + out;
            return;
        }
        const QString options = QStringLiteral("-k %1 -c listen_addresses='' -p %2 -c fsync=off -c full_page_writes=off")
                                    .arg(mDir.path())
                                    .arg(port());
        if (!run(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), dataDir(), QStringLiteral("-l"), mDir.filePath(QStringLiteral("log")),
                                            QStringLiteral("-o"), options, QStringLiteral("-w"), QStringLiteral("start")},
                 &out)) {
            QFile log(mDir.filePath(QStringLiteral("log")));
            mError = QStringLiteral("pg_ctl start failed: ") + out
                     + (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString());
            return;
        }
        mStarted = true;
    }

    QString dataDir() const { return mDir.filePath(QStringLiteral("data")); }

    // Runs a PostgreSQL program, as postgres when we are root.
    bool run(const QString &program, const QStringList &args, QString *output = nullptr) const
    {
        const QString binary = QStringLiteral("/usr/lib/postgresql/15/bin/") + program;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(mDir.path()); // postgres may not enter the caller's folder (it would say so in the output)
        if (geteuid() == 0)
            p.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), binary} + args);
        else
            p.start(binary, args);
        const bool ok = p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (output)
            *output = QString::fromLocal8Bit(p.readAll());
        return ok;
    }

    QTemporaryDir mDir{QDir::tempPath() + QStringLiteral("/vw-pg-XXXXXX")};
    QString mError;
    bool mStarted = false;
    int mDatabases = 0;
};
