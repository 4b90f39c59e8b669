#pragma once

#include "publicpdf.h"
#include "result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vw {

// Where the register publishes, and under which licence. Every id and URL of the OParl file is made
// from these.
struct RegisterOptions {
    QString baseUrl = QStringLiteral("https://www.transparenz.bremen.de/oparl");
    QString bodyUrl;     // empty: baseUrl + "/body/senat"
    QString fileBaseUrl; // where the files can be fetched; empty: baseUrl + "/files"
    QString documentType = QStringLiteral("Senatsvorlage");
    QString licence = QStringLiteral("Datenlizenz Deutschland – Namensnennung – Version 2.0");
    QString licenceUrl = QStringLiteral("https://www.govdata.de/dl-de/by-2-0");
    QDateTime published; // invalid: now
    bool replace = false; // replace a package folder of the same name (a repeated publication)
};

// One file of a package.
struct PackageFile {
    QString fileName;
    QString mimeType;
    qint64 size = 0;
    QString sha512; // hex, lower case
    int pageCount = 0; // PDFs
};

struct RegisterPackage {
    QString folder;   // absolute path of the package folder
    QString baseName; // name of the folder and base of the file names
    QString title;
    QDate sessionDate;
    QString paperId; // the OParl Paper's id
    PackageFile mainFile; // the public PDF; its SHA-512 is what the workspace records
    QList<PackageFile> files; // every file of the package, the main file first
};

// The register's fields for one publication (metadata.json): Titel, Untertitel, Dokumententyp, Datum,
// Sitzungsdatum, verantwortliche Stelle, Schlagwörter, Lizenz, Dateiname, Dateigröße, SHA-512,
// Seitenzahl, and the same for the combined file, the Anlagen and the text.
QJsonObject registerMetadata(const PublicDocument &doc, const RegisterOptions &options = {});

// The OParl 1.1 Paper with its File objects embedded: mainFile (the public PDF, with the text
// rendition as File.text) and auxiliaryFile (the combined PDF, the Anlagen).
QJsonObject oparlPaper(const PublicDocument &doc, const RegisterOptions &options = {});

// Writes the register package of one publication into outDir/<baseName>/: the public PDF
// (<baseName>.pdf), the combined PDF (<baseName>_mit-anlagen.pdf) when there are PDF Anlagen, each
// public Anlage, the text rendition (<baseName>.txt), metadata.json and oparl-paper.json.
// All files go into a hidden sibling folder first, which is renamed at the end: a failure leaves
// nothing half-written. An existing package of the same name is refused unless options.replace.
Result<RegisterPackage> writeRegisterPackage(const PublicDocument &doc, const QString &outDir,
                                             const RegisterOptions &options = {});

// index.json in outDir for the packages of one session (only those written; failures are reported
// by the caller and never put into a public file). Returns the index's path.
Result<QString> writeSessionIndex(const QString &outDir, const QDate &sessionDate,
                                  const QList<RegisterPackage> &packages, const RegisterOptions &options = {});

// Writes `bytes` to a new file and checks every step; a full disk and a missing permission are named.
Result<void> writeWholeFile(const QString &path, const QByteArray &bytes);

} // namespace vw
