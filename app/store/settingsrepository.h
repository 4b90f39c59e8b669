#pragma once

#include "figure.h"
#include "ressorts.h"
#include "result.h"

#include <QStringList>

namespace vw {

class Database;

// The workspace's own settings and reference data: the number style, the age at which a figure is old,
// the dated Ressort names, the names that must not be published, and the spell check's dictionary.
class SettingsRepository {
public:
    explicit SettingsRepository(Database &db);

    NumberStyle numberStyle() const;
    Result<void> setNumberStyle(const NumberStyle &style);
    int figureMaxAgeDays() const; // a figure older than this at the Vorlage's date is a warning
    Result<void> setFigureMaxAgeDays(int days);

    Result<RessortTable> ressorts() const;

    // Names that must not appear in a published document.
    Result<QStringList> protectedPersons() const;
    Result<void> setProtectedPersons(const QStringList &names);

    // The workspace dictionary (spell check): words accepted in this workspace besides the German
    // dictionary's — Ressort names and abbreviations, places, terms such as ZGF or Deputation.
    Result<QStringList> dictionaryWords() const; // sorted, case-insensitively
    // One word (no spaces); adding a word already there, or removing one that is not, is no error.
    Result<void> addDictionaryWord(const QString &word);
    Result<void> removeDictionaryWord(const QString &word);
    // Adds standardDictionaryWords() once per workspace (a setting remembers it), so that a term the
    // users removed stays removed. The app calls it when it opens a workspace.
    Result<void> seedDictionary();
    static QStringList standardDictionaryWords();

private:
    QString setting(const QString &key, const QString &fallback) const;
    Result<void> setSetting(const QString &key, const QString &value);

    Database &mDb;
};

} // namespace vw
