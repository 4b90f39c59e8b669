#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringEncoder>

#include <memory>

class Hunspell;

namespace vw {

class Workspace;

// German spell check: hunspell with Debian's dictionary (hunspell-de-de), plus the workspace
// dictionary (terms such as ZGF, kept in the workspace) and words ignored for this session.
// No widgets: SpellHighlighter and the editors' context menus use it.
//
// Without a dictionary (package missing) the checker is unavailable: every word counts as correct,
// unavailableReason() says why, and nothing else changes.
class SpellChecker : public QObject {
    Q_OBJECT
public:
    // Debian's German dictionary: /usr/share/hunspell/de_DE (.aff and .dic).
    static QString defaultDictionary();
    // `dictionary` is the path without extension; hunspell reads dictionary.aff and dictionary.dic.
    explicit SpellChecker(const QString &dictionary = defaultDictionary(), QObject *parent = nullptr);
    ~SpellChecker() override;

    // The checker all editors share, created on first use with the default dictionary and the user's
    // choice from QSettings ("spellcheck/enabled").
    static SpellChecker *instance();
    static QString enabledSettingsKey();

    bool isAvailable() const { return mHunspell != nullptr; }
    QString unavailableReason() const { return mUnavailableReason; }
    bool isEnabled() const { return mEnabled; }
    void setEnabled(bool enabled);
    // Whether editors mark words: a dictionary is there and the user wants it.
    bool isActive() const { return isAvailable() && mEnabled; }

    // Whether one word (as words() finds them) is spelt right; answers are cached.
    bool isCorrect(const QString &word) const;
    // Up to `max` corrections, hunspell's best first.
    QStringList suggestions(const QString &word, int max = 6) const;

    // The workspace whose dictionary counts; words added go there. nullptr: none.
    void setWorkspace(Workspace *workspace);
    Workspace *workspace() const { return mWorkspace; }
    // Reads the workspace dictionary again (after it was changed elsewhere, e.g. in the settings).
    void reloadWorkspaceWords();
    QStringList workspaceWords() const;
    // Adds the word to the workspace dictionary (stored at once), so it is no longer marked anywhere.
    Result<void> addToDictionary(const QString &word);
    // Accepts the word until the program ends.
    void ignore(const QString &word);

    struct WordRange {
        int start = 0;
        int length = 0;
        bool operator==(const WordRange &) const = default;
    };
    // The words of `text` worth checking: runs of letters, joined by inner hyphens and apostrophes (a
    // trailing hyphen as in "Haushalts- und" belongs to the word). Words with digits, single letters,
    // URLs and e-mail addresses are skipped; U+FFFC (a figure quote) separates words.
    static QList<WordRange> words(QStringView text);

    // Common words of the administration the German dictionary lacks ("Homeoffice"): never flagged.
    static QStringList builtInWords();
    // The words of `text` spelt wrong (nothing while the checker is not active).
    QList<WordRange> misspelled(const QString &text) const;

signals:
    // The dictionary, the ignored words or the on/off switch changed: editors mark again.
    void changed();

private:
    bool checkWord(const QString &word) const;
    bool inOwnWords(const QString &word) const;
    QByteArray encode(const QString &word) const;
    QString decode(const std::string &word) const;
    void clearCache();
    void forgetMisspellings();

    std::unique_ptr<Hunspell> mHunspell;
    QString mUnavailableReason;
    QString mEncodingName;
    mutable QStringEncoder mEncoder;
    mutable QStringDecoder mDecoder;
    bool mEnabled = true;
    Workspace *mWorkspace = nullptr;
    QSet<QString> mWorkspaceWords;
    QSet<QString> mIgnored;
    QSet<QString> mProgramWords; // of our templates, and builtInWords()
    mutable QHash<QString, bool> mCache;
};

} // namespace vw
