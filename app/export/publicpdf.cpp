#include "publicpdf.h"

#include "documentbuilder.h"
#include "pdfexporter.h"
#include "pdfpost.h"
#include "vorlagejson.h"

#include <QCoreApplication>
#include <QCryptographicHash>

namespace vw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Publication", text);
}

QString anlageName(const Anlage &a)
{
    return a.fileName.isEmpty() ? a.title : a.fileName;
}

} // namespace

QString decisionStamp(const Vorlage &v)
{
    if (!v.sessionDate.isValid())
        return {};
    return tr("In der Senatssitzung am %1 beschlossene Fassung").arg(germanLongDate(v.sessionDate));
}

Vorlage publicVorlage(const Vorlage &v)
{
    Vorlage p = v;
    p.beteiligung.clear();
    p.anlagen.clear();
    for (const Anlage &a : v.anlagen)
        if (!a.internal)
            p.anlagen << a;
    return p;
}

QString publicBaseName(const Vorlage &v)
{
    QString slug;
    for (const QChar c : v.title.toLower()) {
        switch (c.unicode()) {
        case 0x00E4: slug += QStringLiteral("ae"); continue; // ä
        case 0x00F6: slug += QStringLiteral("oe"); continue; // ö
        case 0x00FC: slug += QStringLiteral("ue"); continue; // ü
        case 0x00DF: slug += QStringLiteral("ss"); continue; // ß
        default: break;
        }
        // Other accented letters lose their accent; everything else separates words.
        const QString base = QString(c).normalized(QString::NormalizationForm_D);
        const QChar b = base.isEmpty() ? c : base.at(0);
        if (b.unicode() < 128 && b.isLetterOrNumber())
            slug += b;
        else if (!slug.endsWith(QLatin1Char('-')))
            slug += QLatin1Char('-');
    }
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    if (slug.size() > 60) {
        slug.truncate(60);
        const qsizetype dash = slug.lastIndexOf(QLatin1Char('-'));
        if (dash > 30)
            slug.truncate(dash);
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    if (slug.isEmpty())
        slug = QStringLiteral("vorlage");
    const QDate date = v.sessionDate.isValid() ? v.sessionDate : v.date;
    return date.isValid() ? QStringLiteral("%1_%2").arg(date.toString(Qt::ISODate), slug) : slug;
}

QString publicText(const Vorlage &v, const RessortTable &ressorts, const FigureValues &figures)
{
    QStringList blocks;
    if (const QString stamp = decisionStamp(v); !stamp.isEmpty())
        blocks << stamp;
    QStringList names;
    for (const RessortRef &r : v.ressorts)
        names << ressorts.displayName(r.key, r.name, v.date);
    QStringList header;
    if (v.kind == VorlageKind::SenatskanzleiVortraege) {
        header << tr("%1 Bremen, %2").arg(names.join(QStringLiteral(", ")), germanLongDate(v.date));
    } else {
        header << names;
        if (v.date.isValid())
            header << germanDate(v.date);
    }
    if (!v.fileCode.isEmpty())
        header << v.fileCode;
    if (!header.isEmpty())
        blocks << header.join(QLatin1Char('\n'));
    QStringList title;
    if (!v.questionNumber.isEmpty())
        title << v.questionNumber;
    title << sessionLine(v) << v.title;
    if (!v.subtitle.isEmpty())
        title << v.subtitle;
    if (!v.references.isEmpty())
        title << QStringLiteral("(%1)").arg(v.references.join(QStringLiteral("; ")));
    blocks << title.join(QLatin1Char('\n'));
    for (const Section &s : v.sections) {
        const QString heading = s.label.isEmpty() ? s.heading : QStringLiteral("%1. %2").arg(s.label, s.heading);
        const QString body = sectionPlainText(v, s, &figures);
        blocks << (body.isEmpty() ? heading : heading + QLatin1Char('\n') + body);
    }
    if (!v.anlagen.isEmpty()) {
        QStringList list{v.anlagen.size() == 1 ? tr("Anlage") : tr("Anlagen")};
        for (qsizetype i = 0; i < v.anlagen.size(); ++i)
            list << QStringLiteral("%1. %2").arg(i + 1).arg(v.anlagen[i].title);
        blocks << list.join(QLatin1Char('\n'));
    }
    return blocks.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

Result<PublicDocument> makePublicDocument(const Vorlage &decided, const RessortTable &ressorts,
                                          const FigureValues &figures, const AnlageLoader &loadAnlage)
{
    if (decided.status != Status::Beschlossen && decided.status != Status::Veroeffentlicht)
        return Error{tr("Nur eine beschlossene Vorlage kann veröffentlicht werden (Status: %1).")
                         .arg(statusLabel(decided.status))};
    if (!decided.sessionDate.isValid())
        return Error{tr("Die beschlossene Vorlage hat kein Sitzungsdatum.")};

    PublicDocument doc;
    doc.vorlage = publicVorlage(decided);
    const Vorlage &v = doc.vorlage;
    doc.baseName = publicBaseName(v);
    if (const RessortRef *lead = v.leadRessort())
        doc.ressort = ressorts.displayName(lead->key, lead->name, v.date);
    doc.keywords = PdfExporter::keywords(v);
    doc.text = publicText(v, ressorts, figures);

    // The Anlagen first: a missing or damaged file stops the publication before anything is written.
    for (qsizetype i = 0; i < v.anlagen.size(); ++i) {
        PublicAnlage pa{v.anlagen[i], int(i) + 1, {}, 0};
        const Anlage &a = pa.anlage;
        if (a.sha256.isEmpty()) {
            pa.bytes = a.text.toUtf8();
        } else {
            if (!loadAnlage)
                return Error{tr("Die Datei der Anlage „%1“ kann nicht gelesen werden.").arg(anlageName(a))};
            Result<QByteArray> bytes = loadAnlage(a);
            if (!bytes)
                return Error{tr("Die Datei der Anlage „%1“ kann nicht gelesen werden: %2").arg(anlageName(a), bytes.error())};
            const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256).toHex());
            if (sha.compare(a.sha256, Qt::CaseInsensitive) != 0)
                return Error{tr("Die Datei der Anlage „%1“ ist nicht die, die der Vorlage beigefügt wurde "
                                "(die Prüfsumme stimmt nicht).")
                                 .arg(anlageName(a))};
            pa.bytes = bytes.value();
            if (a.isPdf()) {
                Result<int> pages = pdfPageCount(pa.bytes, anlageName(a));
                if (!pages)
                    return Error{tr("Anlage %1: %2").arg(pa.number).arg(pages.error())};
                pa.pageCount = pages.value();
            }
        }
        doc.anlagen << pa;
    }

    PdfExporter exporter(ressorts, figures);
    LayoutOptions options;
    options.stamp = decisionStamp(v);
    for (const Anlage &a : v.anlagen)
        options.anlagen << a.title;
    exporter.setLayoutOptions(options);
    PdfExporter::Layout layout;
    Result<QByteArray> plain = exporter.toBytes(v, &layout);
    if (!plain)
        return plain.failure();

    const PdfDocumentInfo info{doc.ressort, doc.keywords, QStringLiteral("de-DE")};
    Result<QByteArray> pdf = addOutline(plain.value(), layout.outline, info);
    if (!pdf)
        return pdf.failure();
    doc.pdf = pdf.value();
    doc.pageCount = layout.pageCount;
    doc.outline = layout.outline;

    QList<PdfPart> parts{{v.title, doc.baseName + QStringLiteral(".pdf"), doc.pdf, doc.outline}};
    for (const PublicAnlage &pa : std::as_const(doc.anlagen)) {
        if (pa.anlage.isPdf())
            parts << PdfPart{tr("Anlage %1: %2").arg(pa.number).arg(pa.anlage.title), anlageName(pa.anlage), pa.bytes};
    }
    if (parts.size() > 1) {
        Result<QByteArray> combined = mergePdfs(parts, info);
        if (!combined)
            return combined.failure();
        doc.combined = combined.value();
        doc.combinedPageCount = doc.pageCount;
        for (const PublicAnlage &pa : std::as_const(doc.anlagen))
            doc.combinedPageCount += pa.pageCount;
    }
    return doc;
}

} // namespace vw
