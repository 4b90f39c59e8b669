#pragma once

#include "outline.h"
#include "ressorts.h"
#include "result.h"
#include "vorlage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace vw {

// "In der Senatssitzung am 12. Mai 2020 beschlossene Fassung"; empty without a session date.
QString decisionStamp(const Vorlage &vorlage);

// The Vorlage as it may be published: its Beteiligung (states, objections, who) and its internal
// Anlagen removed. Everything else is printed anyway.
Vorlage publicVorlage(const Vorlage &vorlage);

// "2020-05-12_digitalisierung-der-verwaltung": session date and a slug of the title (ASCII, at most
// 60 characters), the base of every file name in the register package.
QString publicBaseName(const Vorlage &vorlage);

// The plain-text rendition of the public version (OParl File.text): stamp, header, title, the sections
// with their questions, answers and Beschluss items, the list of Anlagen.
QString publicText(const Vorlage &vorlage, const RessortTable &ressorts, const FigureValues &figures = {});

// A public Anlage with its file, as it goes into the register package.
struct PublicAnlage {
    Anlage anlage;    // never an internal one
    int number = 0;   // 1-based, as listed after G
    QByteArray bytes; // the file; a text Anlage's text in UTF-8
    int pageCount = 0; // PDFs only
};

// Everything the publication of one decided Vorlage consists of, in memory.
struct PublicDocument {
    Vorlage vorlage;  // publicVorlage() of the decided one
    QString baseName; // publicBaseName()
    QString ressort;  // the lead Ressort's name on the Vorlage date (dc:creator, Author)
    QStringList keywords;
    QByteArray pdf;   // PDF/A-1b with stamp, Anlagen list, outline A–G, language de-DE
    int pageCount = 0;
    QList<OutlineEntry> outline;
    QString text;     // publicText()
    QList<PublicAnlage> anlagen;
    QByteArray combined; // the Vorlage followed by its PDF Anlagen; empty when none is a PDF
    int combinedPageCount = 0;
};

// Reads an Anlage's file from the workspace (addressed by Anlage::sha256).
using AnlageLoader = std::function<Result<QByteArray>(const Anlage &anlage)>;

// Makes the public PDF (and the combined file) of a decided Vorlage: refuses unless its status is
// Beschlossen or Veröffentlicht with a session date. Each public Anlage file is loaded, compared with
// its SHA-256 and, for PDFs, read through: a missing, altered or damaged file fails with a German
// message naming it. Quotes print the frozen values of the decision (else `figures`).
Result<PublicDocument> makePublicDocument(const Vorlage &decided, const RessortTable &ressorts,
                                          const FigureValues &figures, const AnlageLoader &loadAnlage);

} // namespace vw
