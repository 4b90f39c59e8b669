#pragma once

#include "figure.h"
#include "result.h"
#include "userprofile.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

namespace vw {

class Workspace;

// What a user may change: the profile (name, Ressort, role; per machine in QSettings), the spell check
// (on or off, per machine; the workspace dictionary, shared in the workspace), and the workspace's
// number style, figure age limit and the names that must not be published. Nothing changes until OK; invalid input is named in the dialog.
//
// In FirstStart mode only the profile is asked for, with a word of welcome: the app shows it when no
// profile is set yet.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Settings, FirstStart };

    // Shows the current settings. Without a workspace, its settings and dictionary are not offered.
    explicit SettingsDialog(Workspace *workspace, Mode mode = Mode::Settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    Mode mode() const { return mMode; }

    // The values as the dialog shows them (not yet applied), for tests and keyboard users.
    UserProfile profile() const;
    void setProfile(const UserProfile &profile);
    bool spellCheckEnabled() const;
    void setSpellCheckEnabled(bool enabled);
    NumberStyle numberStyle() const;
    void setNumberStyle(const NumberStyle &style);
    int figureMaxAgeDays() const;
    void setFigureMaxAgeDays(int days);
    // The workspace dictionary as listed (in order, case aside): words added and removed here count from OK on.
    QStringList dictionaryWords() const;
    // False, with the reason shown, when `word` is not one word.
    bool addDictionaryWord(const QString &word);
    void removeDictionaryWords(const QStringList &words);
    // Names that must not be published (workspace, checked before every publication), as listed.
    QStringList protectedNames() const;
    // False, with the reason shown, when `name` is empty or listed already.
    bool addProtectedName(const QString &name);
    void removeProtectedNames(const QStringList &names);
    // The Ressorts offered for the profile, as listed ("(keines)" first).
    QStringList ressortChoices() const;
    // The message about invalid input, empty when there is none.
    QString errorText() const;

    // Checks the input, then stores it: profile and spell-check switch in QSettings, number style, age
    // limit and dictionary in the workspace. On invalid input nothing is stored and the message shows.
    Result<void> apply();
    // apply(), and closes only when that worked.
    void accept() override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void load();
    void showError(const QString &message);
    void addTypedWord();
    void addTypedName();

    std::unique_ptr<Ui::SettingsDialog> mUi;
    Workspace *mWorkspace;
    Mode mMode;
};

} // namespace vw
