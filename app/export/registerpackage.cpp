#include "registerpackage.h"

#include "diskspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::RegisterPackage", text);
}

const QString oparlSchema = QStringLiteral("https://schema.oparl.org/1.1/");

enum class Role { Main, Combined, Anlage, Text };

// A file of the package in memory, before anything is written.
struct Planned {
    Role role;
    PackageFile file;
    QByteArray bytes;
    const PublicAnlage *anlage = nullptr;
};

PackageFile describe(const QString &fileName, const QString &mimeType, const QByteArray &bytes, int pages)
{
    return {fileName, mimeType, bytes.size(),
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha512).toHex()), pages};
}

QString anlageSuffix(const Anlage &a)
{
    if (a.isPdf())
        return QStringLiteral("pdf");
    if (a.sha256.isEmpty() || a.mediaType == QLatin1String("text/plain"))
        return QStringLiteral("txt");
    // Keep a short, harmless suffix of the original name (".xlsx", ".odt"); else none.
    const QString suffix = QFileInfo(a.fileName).suffix().toLower();
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9]{1,5}$"));
    return plain.match(suffix).hasMatch() ? suffix : QStringLiteral("bin");
}

QList<Planned> plan(const PublicDocument &doc)
{
    QList<Planned> files;
    files << Planned{Role::Main, describe(doc.baseName + QStringLiteral(".pdf"), QStringLiteral("application/pdf"), doc.pdf, doc.pageCount), doc.pdf};
    if (!doc.combined.isEmpty())
        files << Planned{Role::Combined,
                         describe(doc.baseName + QStringLiteral("_mit-anlagen.pdf"), QStringLiteral("application/pdf"),
                                  doc.combined, doc.combinedPageCount),
                         doc.combined};
    for (const PublicAnlage &pa : doc.anlagen) {
        const QString name = QStringLiteral("%1_anlage-%2.%3").arg(doc.baseName).arg(pa.number).arg(anlageSuffix(pa.anlage));
        QString mime = pa.anlage.mediaType;
        if (pa.anlage.sha256.isEmpty() || mime.isEmpty())
            mime = pa.anlage.sha256.isEmpty() ? QStringLiteral("text/plain") : QStringLiteral("application/octet-stream");
        files << Planned{Role::Anlage, describe(name, mime, pa.bytes, pa.pageCount), pa.bytes, &pa};
    }
    const QByteArray text = doc.text.toUtf8();
    files << Planned{Role::Text, describe(doc.baseName + QStringLiteral(".txt"), QStringLiteral("text/plain"), text, 0), text};
    return files;
}

QDateTime publishedAt(const RegisterOptions &options)
{
    return options.published.isValid() ? options.published.toUTC() : QDateTime::currentDateTimeUtc();
}

QString stamp(const QDateTime &t)
{
    return t.toString(Qt::ISODate);
}

QString dateText(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QString fileUrl(const RegisterOptions &o, const PublicDocument &doc, const QString &fileName)
{
    const QString base = o.fileBaseUrl.isEmpty() ? o.baseUrl + QStringLiteral("/files") : o.fileBaseUrl;
    return QStringLiteral("%1/%2/%3").arg(base, doc.baseName, fileName);
}

QString paperId(const RegisterOptions &o, const PublicDocument &doc)
{
    return QStringLiteral("%1/paper/%2").arg(o.baseUrl, doc.baseName);
}

// The licences Anlagen name most often, as the URLs OParl wants; others stay by name in metadata.json.
QString licenceUrl(const QString &licence)
{
    const QString key = licence.simplified().toLower();
    if (key == QLatin1String("cc by 4.0"))
        return QStringLiteral("https://creativecommons.org/licenses/by/4.0/");
    if (key == QLatin1String("cc by-sa 4.0"))
        return QStringLiteral("https://creativecommons.org/licenses/by-sa/4.0/");
    if (key == QLatin1String("cc0") || key == QLatin1String("cc0 1.0"))
        return QStringLiteral("https://creativecommons.org/publicdomain/zero/1.0/");
    if (key == QLatin1String("dl-de/by-2-0"))
        return QStringLiteral("https://www.govdata.de/dl-de/by-2-0");
    if (key == QLatin1String("dl-de/zero-2-0"))
        return QStringLiteral("https://www.govdata.de/dl-de/zero-2-0");
    if (key.startsWith(QLatin1String("https://")) || key.startsWith(QLatin1String("http://")))
        return licence.trimmed();
    return {};
}

QJsonObject fileFields(const PackageFile &f, bool withPages)
{
    QJsonObject o{{QStringLiteral("Dateiname"), f.fileName},
                  {QStringLiteral("Format"), f.mimeType},
                  {QStringLiteral("Dateigröße"), f.size},
                  {QStringLiteral("SHA-512"), f.sha512}};
    if (withPages)
        o.insert(QStringLiteral("Seitenzahl"), f.pageCount);
    return o;
}

QJsonArray strings(const QStringList &list)
{
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QString writeError(const QString &path, const QFileDevice &file)
{
    switch (file.error()) {
    case QFileDevice::ResourceError:
        return diskFullMessage(path);
    case QFileDevice::PermissionsError:
        return tr("Keine Berechtigung, %1 zu schreiben.").arg(path);
    default:
        return writeFailureMessage(path, file.errorString());
    }
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

} // namespace

QJsonObject registerMetadata(const PublicDocument &doc, const RegisterOptions &options)
{
    const Vorlage &v = doc.vorlage;
    const QList<Planned> files = plan(doc);
    QJsonObject o;
    o.insert(QStringLiteral("Titel"), v.title);
    o.insert(QStringLiteral("Untertitel"), v.subtitle);
    o.insert(QStringLiteral("Dokumententyp"), options.documentType);
    o.insert(QStringLiteral("Art der Vorlage"), kindLabel(v.kind));
    o.insert(QStringLiteral("Datum"), dateText(v.date));
    o.insert(QStringLiteral("Sitzungsdatum"), dateText(v.sessionDate));
    o.insert(QStringLiteral("verantwortliche Stelle"), doc.ressort);
    o.insert(QStringLiteral("Schlagwörter"), strings(doc.keywords));
    o.insert(QStringLiteral("Lizenz"), options.licence);
    o.insert(QStringLiteral("Lizenz-URL"), options.licenceUrl);
    o.insert(QStringLiteral("Sprache"), QStringLiteral("de-DE"));
    o.insert(QStringLiteral("Veröffentlicht"), stamp(publishedAt(options)));
    if (!v.questionNumber.isEmpty())
        o.insert(QStringLiteral("Fragenummer"), v.questionNumber);
    if (!v.references.isEmpty())
        o.insert(QStringLiteral("Bezug"), strings(v.references));
    o.insert(QStringLiteral("Fundstelle"), fileUrl(options, doc, files.first().file.fileName));
    // The main file's fields at the top level, as the register reads them.
    const QJsonObject main = fileFields(files.first().file, true);
    for (auto it = main.begin(); it != main.end(); ++it)
        o.insert(it.key(), it.value());
    o.insert(QStringLiteral("PDF-Standard"), QStringLiteral("PDF/A-1b"));
    QJsonArray anlagen;
    for (const Planned &p : files) {
        if (p.role == Role::Combined) {
            o.insert(QStringLiteral("Gesamtdokument"), fileFields(p.file, true));
        } else if (p.role == Role::Anlage) {
            QJsonObject a = fileFields(p.file, p.anlage->anlage.isPdf());
            a.insert(QStringLiteral("Nummer"), p.anlage->number);
            a.insert(QStringLiteral("Titel"), p.anlage->anlage.title);
            a.insert(QStringLiteral("Lizenz"),
                     p.anlage->anlage.licence.isEmpty() ? options.licence : p.anlage->anlage.licence);
            a.insert(QStringLiteral("barrierefrei"), p.anlage->anlage.accessible);
            anlagen.append(a);
        } else if (p.role == Role::Text) {
            o.insert(QStringLiteral("Textfassung"), fileFields(p.file, false));
        }
    }
    o.insert(QStringLiteral("Anlagen"), anlagen);
    o.insert(QStringLiteral("OParl"), QStringLiteral("oparl-paper.json"));
    return o;
}

QJsonObject oparlPaper(const PublicDocument &doc, const RegisterOptions &options)
{
    const Vorlage &v = doc.vorlage;
    const QList<Planned> files = plan(doc);
    const QString published = stamp(publishedAt(options));
    const QString paper = paperId(options, doc);

    const auto file = [&](const Planned &p, const QString &name) {
        const QString url = fileUrl(options, doc, p.file.fileName);
        QJsonObject f{{QStringLiteral("id"), QStringLiteral("%1/file/%2/%3").arg(options.baseUrl, doc.baseName, p.file.fileName)},
                      {QStringLiteral("type"), oparlSchema + QStringLiteral("File")},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("fileName"), p.file.fileName},
                      {QStringLiteral("mimeType"), p.file.mimeType},
                      {QStringLiteral("date"), dateText(publishedAt(options).date())},
                      {QStringLiteral("size"), p.file.size},
                      {QStringLiteral("sha512Checksum"), p.file.sha512},
                      {QStringLiteral("accessUrl"), url},
                      {QStringLiteral("downloadUrl"), url},
                      {QStringLiteral("paper"), QJsonArray{paper}},
                      {QStringLiteral("created"), published},
                      {QStringLiteral("modified"), published}};
        QString licence = options.licenceUrl;
        if (p.anlage && !p.anlage->anlage.licence.isEmpty())
            licence = licenceUrl(p.anlage->anlage.licence);
        if (!licence.isEmpty())
            f.insert(QStringLiteral("fileLicense"), licence);
        return f;
    };

    QJsonObject mainFile;
    QJsonArray auxiliary;
    for (const Planned &p : files) {
        switch (p.role) {
        case Role::Main:
            mainFile = file(p, tr("%1 „%2“ (beschlossene Fassung)").arg(options.documentType, v.title));
            mainFile.insert(QStringLiteral("text"), doc.text);
            break;
        case Role::Combined:
            auxiliary.append(file(p, tr("%1 „%2“ mit Anlagen").arg(options.documentType, v.title)));
            break;
        case Role::Anlage: {
            QJsonObject f = file(p, tr("Anlage %1: %2").arg(p.anlage->number).arg(p.anlage->anlage.title));
            if (p.anlage->anlage.sha256.isEmpty())
                f.insert(QStringLiteral("text"), p.anlage->anlage.text);
            auxiliary.append(f);
            break;
        }
        case Role::Text:
            break; // the rendition is mainFile.text
        }
    }

    QJsonObject o{{QStringLiteral("id"), paper},
                  {QStringLiteral("type"), oparlSchema + QStringLiteral("Paper")},
                  {QStringLiteral("body"), options.bodyUrl.isEmpty() ? options.baseUrl + QStringLiteral("/body/senat") : options.bodyUrl},
                  {QStringLiteral("name"), v.title},
                  {QStringLiteral("date"), dateText(v.date.isValid() ? v.date : v.sessionDate)},
                  {QStringLiteral("paperType"), options.documentType},
                  {QStringLiteral("mainFile"), mainFile},
                  {QStringLiteral("keyword"), strings(doc.keywords)},
                  {QStringLiteral("license"), options.licenceUrl},
                  {QStringLiteral("created"), published},
                  {QStringLiteral("modified"), published}};
    if (!v.references.isEmpty())
        o.insert(QStringLiteral("reference"), v.references.first());
    else if (!v.questionNumber.isEmpty())
        o.insert(QStringLiteral("reference"), v.questionNumber);
    if (!auxiliary.isEmpty())
        o.insert(QStringLiteral("auxiliaryFile"), auxiliary);
    QJsonArray direction;
    for (const RessortRef &r : v.ressorts)
        if (r.lead && !r.key.isEmpty())
            direction.append(QStringLiteral("%1/organization/%2").arg(options.baseUrl, r.key));
    if (!direction.isEmpty())
        o.insert(QStringLiteral("underDirectionOf"), direction);
    return o;
}

Result<void> writeWholeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{writeError(path, file)};
    if (file.write(bytes) != bytes.size() || !file.flush()) {
        const QString message = writeError(path, file);
        file.close();
        file.remove();
        return Error{message};
    }
    file.close();
    if (file.error() != QFileDevice::NoError)
        return Error{writeError(path, file)};
    return {};
}

Result<RegisterPackage> writeRegisterPackage(const PublicDocument &doc, const QString &outDir, const RegisterOptions &options)
{
    const QDir out(outDir);
    if (!QFileInfo(outDir).isDir())
        return Error{tr("Der Ordner %1 existiert nicht.").arg(outDir)};
    const QString target = out.absoluteFilePath(doc.baseName);
    const bool replacing = QFileInfo::exists(target);
    if (replacing && !options.replace)
        return Error{tr("Das Paket %1 gibt es schon.").arg(target)};

    RegisterOptions o = options;
    o.published = publishedAt(options); // one moment for every file of the package
    const QList<Planned> files = plan(doc);

    QTemporaryDir temp(out.absoluteFilePath(QStringLiteral(".%1-XXXXXX").arg(doc.baseName)));
    if (!temp.isValid())
        return Error{tr("Im Ordner %1 kann nicht geschrieben werden: %2").arg(out.absolutePath(), temp.errorString())};
    for (const Planned &p : files)
        if (auto r = writeWholeFile(temp.filePath(p.file.fileName), p.bytes); !r)
            return r.failure();
    if (auto r = writeWholeFile(temp.filePath(QStringLiteral("metadata.json")), json(registerMetadata(doc, o))); !r)
        return r.failure();
    if (auto r = writeWholeFile(temp.filePath(QStringLiteral("oparl-paper.json")), json(oparlPaper(doc, o))); !r)
        return r.failure();
    // QTemporaryDir makes the folder private; the package is for others to read.
    QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                           | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                           | QFileDevice::ExeOther);

    QString old;
    if (replacing) {
        QTemporaryDir placeholder(out.absoluteFilePath(QStringLiteral(".%1-old-XXXXXX").arg(doc.baseName)));
        if (!placeholder.isValid())
            return Error{tr("Im Ordner %1 kann nicht geschrieben werden: %2").arg(out.absolutePath(), placeholder.errorString())};
        old = placeholder.path();
        placeholder.setAutoRemove(false);
        placeholder.remove(); // only its unique name is wanted
        if (!QDir().rename(target, old))
            return Error{tr("Das bisherige Paket %1 kann nicht ersetzt werden.").arg(target)};
    }
    if (!QDir().rename(temp.path(), target)) {
        if (!old.isEmpty())
            QDir().rename(old, target);
        return Error{tr("Das Paket kann nicht nach %1 gebracht werden.").arg(target)};
    }
    temp.setAutoRemove(false);
    if (!old.isEmpty())
        QDir(old).removeRecursively();

    RegisterPackage package;
    package.folder = target;
    package.baseName = doc.baseName;
    package.title = doc.vorlage.title;
    package.sessionDate = doc.vorlage.sessionDate;
    package.paperId = paperId(o, doc);
    package.mainFile = files.first().file;
    for (const Planned &p : files)
        package.files << p.file;
    package.files << describe(QStringLiteral("metadata.json"), QStringLiteral("application/json"),
                              json(registerMetadata(doc, o)), 0)
                  << describe(QStringLiteral("oparl-paper.json"), QStringLiteral("application/json"),
                              json(oparlPaper(doc, o)), 0);
    return package;
}

Result<QString> writeSessionIndex(const QString &outDir, const QDate &sessionDate, const QList<RegisterPackage> &packages,
                                  const RegisterOptions &options)
{
    if (!QFileInfo(outDir).isDir())
        return Error{tr("Der Ordner %1 existiert nicht.").arg(outDir)};
    QJsonArray list;
    for (const RegisterPackage &p : packages)
        list.append(QJsonObject{{QStringLiteral("Titel"), p.title},
                                {QStringLiteral("Ordner"), p.baseName},
                                {QStringLiteral("Dateiname"), p.mainFile.fileName},
                                {QStringLiteral("Dateigröße"), p.mainFile.size},
                                {QStringLiteral("SHA-512"), p.mainFile.sha512},
                                {QStringLiteral("Seitenzahl"), p.mainFile.pageCount},
                                {QStringLiteral("OParl"), p.paperId}});
    const QJsonObject index{{QStringLiteral("Sitzungsdatum"), dateText(sessionDate)},
                            {QStringLiteral("erstellt"), stamp(publishedAt(options))},
                            {QStringLiteral("Anzahl"), int(packages.size())},
                            {QStringLiteral("Pakete"), list}};
    const QString path = QDir(outDir).absoluteFilePath(QStringLiteral("index.json"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{writeError(path, file)};
    if (file.write(json(index)) < 0 || !file.commit())
        return Error{writeError(path, file)};
    return path;
}

} // namespace vw
