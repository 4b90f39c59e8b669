#pragma once

#include "figure.h"
#include "result.h"
#include "vorlage.h"

#include <functional>

namespace vw {

class Database;
class SettingsRepository;

// The workspace's figures: a value per key, with the history of its changes. setFigure() inserts or
// updates one figure in a transaction and records a change of its value (old, new, who, when); the value
// must already be canonical (parseFigureValue()).
class FigureRepository {
public:
    FigureRepository(Database &db, const SettingsRepository &settings);

    Result<QList<Figure>> figures() const;
    Result<Figure> figure(const QString &key) const;
    Result<void> setFigure(const Figure &figure, const QString &who);
    // Several at once (CSV import): all or none.
    Result<void> setFigures(const QList<Figure> &figures, const QString &who);
    Result<QList<FigureChange>> figureHistory(const QString &key) const;
    // The figures to render with, in the workspace's number style: only those `vorlage` quotes (a quick
    // look-up for one export), or all of them.
    Result<FigureValues> figureValues(const Vorlage *vorlage = nullptr) const;
    // Where a figure is quoted: Vorlage id, title and section label (one entry per section).
    struct FigureUse {
        qint64 vorlageId = 0;
        QString title;
        QString section;
    };
    Result<QList<FigureUse>> figureUses(const QString &key) const;

    // Called inside the transaction of setFigures() with the keys written (the Workspace re-indexes the
    // Vorlagen that quote them, as their printed text changed); its failure rolls the write back.
    void setChangedHook(std::function<Result<void>(const QStringList &keys)> hook) { mChanged = std::move(hook); }

private:
    struct Statements;
    Result<void> writeFigure(const Figure &figure, const QString &who, const QString &now, Statements &st);

    Database &mDb;
    const SettingsRepository &mSettings;
    std::function<Result<void>(const QStringList &)> mChanged;
};

} // namespace vw
