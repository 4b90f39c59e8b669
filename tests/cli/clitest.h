#pragma once

#include "testutil.h"

#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <memory>

// Helpers for the review and publication tests of the command line: the real vorlagenwerk-cli runs in
// its own data folder on the app's default workspace (with the demo Vorlagen: 1 Fragestunde, session
// 12.05.2020; 2 Beschlussvorlage, session 17.11.2020).
namespace clitest {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

inline QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline QString lastLine(const QString &text)
{
    return text.trimmed().split(QLatin1Char('\n')).last().trimmed();
}

struct Demo {
    QTemporaryDir home;
    QString user = QStringLiteral("anna");

    QString workspacePath() const { return home.filePath(QStringLiteral("data/vorlagenwerk/arbeitsbereich.vorlagen")); }

    Run run(const QStringList &args, const QString &asUser = QString()) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("USER"), asUser.isEmpty() ? user : asUser);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(VW_CLI_BINARY), args);
        REQUIRE(p.waitForFinished(120000));
        REQUIRE(p.exitStatus() == QProcess::NormalExit);
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    // Runs a command that must succeed; returns its standard output.
    QString ok(const QStringList &args, const QString &asUser = QString()) const
    {
        const Run r = run(args, asUser);
        INFO(args.join(QLatin1Char(' ')).toStdString() << "\nstdout: " << r.out.toStdString() << "\nstderr: "
                                                        << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return r.out;
    }

    // The number a command prints as its last line (annotate, reply, version, restore, neufassung).
    qint64 number(const QStringList &args, const QString &asUser = QString()) const
    {
        bool isNumber = false;
        const qint64 n = lastLine(ok(args, asUser)).toLongLong(&isNumber);
        REQUIRE(isNumber);
        return n;
    }

    QJsonObject showJson(qint64 id) const
    {
        return QJsonDocument::fromJson(ok({QStringLiteral("show"), QString::number(id), QStringLiteral("--json")}).toUtf8()).object();
    }

    QJsonArray arrayOf(const QStringList &args) const
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(ok(args).toUtf8(), &error);
        REQUIRE(error.error == QJsonParseError::NoError);
        REQUIRE(doc.isArray());
        return doc.array();
    }

    QJsonArray annotationsJson(qint64 id) const
    {
        return arrayOf({QStringLiteral("annotations"), QString::number(id), QStringLiteral("--json")});
    }

    QJsonArray versionsJson(qint64 id) const
    {
        return arrayOf({QStringLiteral("versions"), QString::number(id), QStringLiteral("--json")});
    }

    // A section's text as `show --json` gives it.
    QString sectionText(qint64 id, const QString &label) const
    {
        for (const QJsonValue &s : showJson(id).value(QStringLiteral("sections")).toArray())
            if (s[QStringLiteral("label")].toString() == label)
                return s[QStringLiteral("text")].toString();
        FAIL("no section " << label.toStdString());
        return {};
    }

    QString write(const QString &name, const QString &text) const
    {
        const QString path = home.filePath(name);
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text.toUtf8());
        return path;
    }

    // Replaces a section through the CLI with text in the import form.
    void setSection(qint64 id, const QString &label, const QString &text, const QString &asUser = QString()) const
    {
        const QString file = write(QStringLiteral("abschnitt-%1.txt").arg(label), text);
        ok({QStringLiteral("section"), QString::number(id), label, QStringLiteral("--text-file"), file}, asUser);
    }

    // Walks a Vorlage to Beschlossen at `sessionDate` (German form). With --force: what is left open in the
    // review (and refuses the publication later) is what the tests that decide look at.
    void decide(qint64 id, const QString &sessionDate, const QString &asUser = QString()) const
    {
        const QString n = QString::number(id);
        const QString force = QStringLiteral("--force");
        ok({QStringLiteral("status"), n, QStringLiteral("in-abstimmung")}, asUser);
        ok({QStringLiteral("status"), n, QStringLiteral("beschlussreif"), force}, asUser);
        ok({QStringLiteral("status"), n, QStringLiteral("beschlossen"), QStringLiteral("--session-date"), sessionDate, force},
           asUser);
    }

    // Direct access to the workspace file, for what the command line cannot do (or must not be able to).
    std::unique_ptr<vw::Workspace> open() const
    {
        auto ws = vw::Workspace::open(workspacePath(), vw::Workspace::Mode::OpenExisting);
        REQUIRE(ws.ok());
        return std::move(ws.value());
    }
};

// Every row of every table, in a stable order: what the workspace says, independent of how SQLite
// lays it out in the file and the WAL.
inline QString logicalDump(const vw::Workspace &ws)
{
    QSqlDatabase db = ws.database();
    QString dump;
    QSqlQuery tables(db);
    REQUIRE(tables.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name")));
    QList<QPair<QString, QString>> objects;
    while (tables.next())
        objects << qMakePair(tables.value(0).toString(), tables.value(1).toString());
    for (const auto &[name, sql] : objects) {
        dump += sql + QLatin1Char('\n');
        if (!sql.startsWith(QLatin1String("CREATE TABLE")))
            continue;
        QSqlQuery rows(db);
        REQUIRE(rows.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY 1").arg(name)));
        while (rows.next()) {
            QStringList values;
            for (int i = 0; i < rows.record().count(); ++i) {
                const QVariant v = rows.value(i);
                values << (v.isNull() ? QStringLiteral("NULL")
                                      : v.typeId() == QMetaType::QByteArray
                                          ? QString::fromLatin1(QCryptographicHash::hash(v.toByteArray(), QCryptographicHash::Sha256).toHex())
                                          : v.toString());
            }
            dump += name + QLatin1Char('|') + values.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    QSqlQuery pragma(db);
    REQUIRE(pragma.exec(QStringLiteral("PRAGMA user_version")));
    REQUIRE(pragma.next());
    dump += QStringLiteral("user_version=") + pragma.value(0).toString();
    return dump;
}

inline QString pdfText(const QString &path)
{
    QPdfDocument pdf;
    REQUIRE(pdf.load(path) == QPdfDocument::Error::None);
    QString text;
    for (int i = 0; i < pdf.pageCount(); ++i)
        text += pdf.getAllText(i).text() + QLatin1Char('\n');
    return text;
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace clitest
