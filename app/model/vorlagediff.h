#pragma once

#include "ressorts.h"
#include "textdiff.h"
#include "vorlage.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vw {

// One place of a Vorlage compared between two versions: a header field, a section, a question, an
// answer, a Beschluss item, a Beteiligung entry or an Anlage.
struct PlaceDiff {
    enum class Kind { Header, Section, Question, Answer, Beschluss, Beteiligung, Anlage };

    Kind kind = Kind::Header;
    QString label; // German, for people: "Abschnitt C – Alternativen", "Antwort zu Frage 2", "Titel"
    // The place's text, lines joined by '\n'. Equal and Delete runs give the old text, Equal and
    // Insert runs the new one, exactly.
    QList<DiffRun> runs;
    bool changed = false;
    bool added = false;   // the place exists only in the newer version
    bool removed = false; // the place exists only in the older version

    QString beforeText() const;
    QString afterText() const;
};

struct VorlageDiff {
    QList<PlaceDiff> places; // in the order of the newer version; removed places where they were
    bool hasChanges() const;
    int changedCount() const;
};

// Which version a side of a comparison is. Number 0 is the current working state (no version).
struct VersionLabel {
    int number = 0;
    QString name;
    QDateTime created;
    QString author;
};

// "Fassung 2 „zur Mitzeichnung“ (12.05.2020, Anna Beispiel)", or "Aktueller Stand" for number 0.
QString versionLabelText(const VersionLabel &label);

// Compares two states of a Vorlage place by place. Texts are compared line by line (paragraphs, list
// items, table rows), changed lines word by word. Figure quotes compare by their printed value: the
// frozen value of a snapshot, else the value in the given figures. Ressort names come from `ressorts`
// when given. Header fields empty in both versions are left out.
VorlageDiff compareVorlagen(const Vorlage &before, const Vorlage &after, const RessortTable *ressorts = nullptr,
                            const FigureValues *beforeFigures = nullptr, const FigureValues *afterFigures = nullptr);

// Line-wise, then word-wise diff of two texts with lines separated by '\n' (exact; see PlaceDiff::runs).
QList<DiffRun> diffLines(const QString &before, const QString &after);

// The comparison as HTML for a QTextBrowser: each changed place with its label, insertions underlined
// (and green), deletions struck through (and red), so the marks survive black-and-white printing. Unchanged
// places are named in one line at the end, or shown in full (grey) with `showUnchanged`.
QString vorlageDiffHtml(const VorlageDiff &diff, bool showUnchanged = false);
// One place's runs as HTML (no surrounding block).
QString diffRunsHtml(const QList<DiffRun> &runs);

} // namespace vw
