#include "testutil.h"

#include "settingsdialog.h"
#include "spellchecker.h"
#include "userprofile.h"
#include "workspace.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace vw;

namespace {

// The tests run with QStandardPaths' test mode: QSettings live under ~/.qttest, never the user's.
struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Workspace> ws;

    Fixture()
    {
        REQUIRE(QStandardPaths::isTestModeEnabled());
        QSettings().remove(QStringLiteral("profile"));
        QSettings().remove(QStringLiteral("spellcheck"));
        SpellChecker::instance()->setEnabled(true);
        auto opened = Workspace::open(dir.filePath(QStringLiteral("settings.vorlagen")), Workspace::Mode::CreateIfMissing);
        REQUIRE(opened.ok());
        ws = std::move(opened.value());
        REQUIRE(ws->seedDictionary().ok());
    }
    ~Fixture()
    {
        QSettings().remove(QStringLiteral("profile"));
        QSettings().remove(QStringLiteral("spellcheck"));
        SpellChecker::instance()->setEnabled(true);
    }
};

} // namespace

TEST_CASE("settings: values set in the dialog are stored on OK and shown again", "[ui][settings]")
{
    Fixture f;
    SettingsDialog dialog(f.ws.get());
    // What it shows at first: nothing set yet, the workspace's defaults.
    CHECK(dialog.profile().name.isEmpty());
    CHECK(dialog.spellCheckEnabled());
    CHECK(dialog.numberStyle() == f.ws->numberStyle());
    CHECK(dialog.figureMaxAgeDays() == 90);
    CHECK(dialog.dictionaryWords().contains(QStringLiteral("ZGF")));

    UserProfile p;
    p.name = QStringLiteral("  Jana Müller ");
    p.ressortKey = QStringLiteral("finanzen");
    p.role = UserProfile::Role::Pruefung;
    dialog.setProfile(p);
    dialog.setSpellCheckEnabled(false);
    dialog.setNumberStyle(NumberStyle{4});
    dialog.setFigureMaxAgeDays(30);
    CHECK(dialog.addDictionaryWord(QStringLiteral("Überseestadt")));
    CHECK(dialog.addDictionaryWord(QStringLiteral("bürgerschaftlich")));
    QStringList sorted = dialog.dictionaryWords();
    sorted.sort(Qt::CaseInsensitive);
    CHECK(dialog.dictionaryWords() == sorted);
    dialog.removeDictionaryWords({QStringLiteral("ZGF")});
    // Nothing changes before OK.
    CHECK_FALSE(UserProfile::load().isComplete());
    CHECK(f.ws->figureMaxAgeDays() == 90);
    CHECK(f.ws->dictionaryWords()->contains(QStringLiteral("ZGF")));

    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.errorText().isEmpty());

    const UserProfile stored = UserProfile::load();
    CHECK(stored.name == QStringLiteral("Jana Müller"));
    CHECK(stored.ressortKey == QStringLiteral("finanzen"));
    CHECK(stored.role == UserProfile::Role::Pruefung);
    CHECK(QSettings().value(SpellChecker::enabledSettingsKey()).toBool() == false);
    CHECK_FALSE(SpellChecker::instance()->isEnabled());
    CHECK(f.ws->numberStyle().groupFrom == 4);
    CHECK(f.ws->figureMaxAgeDays() == 30);
    CHECK(f.ws->dictionaryWords()->contains(QStringLiteral("Überseestadt")));
    CHECK_FALSE(f.ws->dictionaryWords()->contains(QStringLiteral("ZGF")));
    CHECK(f.ws->author() == QStringLiteral("Jana Müller"));

    // Opened again, it shows what was stored.
    SettingsDialog again(f.ws.get());
    CHECK(again.profile().name == QStringLiteral("Jana Müller"));
    CHECK(again.profile().ressortKey == QStringLiteral("finanzen"));
    CHECK(again.profile().role == UserProfile::Role::Pruefung);
    CHECK_FALSE(again.spellCheckEnabled());
    CHECK(again.numberStyle().groupFrom == 4);
    CHECK(again.figureMaxAgeDays() == 30);
    CHECK(again.dictionaryWords() == f.ws->dictionaryWords().value());
}

TEST_CASE("settings: invalid input is named in the dialog and nothing is stored", "[ui][settings]")
{
    Fixture f;
    SettingsDialog dialog(f.ws.get());
    CHECK_FALSE(dialog.addDictionaryWord(QStringLiteral("zwei Wörter")));
    CHECK(dialog.errorText().contains(QStringLiteral("kein einzelnes Wort")));
    CHECK_FALSE(dialog.addDictionaryWord(QStringLiteral("ZGF")));
    CHECK(dialog.errorText().contains(QStringLiteral("schon")));
    CHECK_FALSE(dialog.dictionaryWords().contains(QStringLiteral("zwei Wörter")));

    UserProfile p;
    p.name = QStringLiteral("   ");
    dialog.setProfile(p);
    dialog.setFigureMaxAgeDays(12);
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(dialog.errorText().contains(QStringLiteral("Namen")));
    CHECK_FALSE(UserProfile::load().isComplete());
    CHECK(f.ws->figureMaxAgeDays() == 90);

    p.name = QStringLiteral("Jan Meyer");
    dialog.setProfile(p);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.errorText().isEmpty());
    CHECK(f.ws->figureMaxAgeDays() == 12);
}

TEST_CASE("first start: the dialog asks only for the profile and stores it", "[ui][settings]")
{
    Fixture f;
    SettingsDialog dialog(f.ws.get(), SettingsDialog::Mode::FirstStart);
    CHECK(dialog.windowTitle().contains(QStringLiteral("Willkommen")));
    UserProfile p;
    p.name = QStringLiteral("Kim Schulz");
    p.ressortKey = QStringLiteral("kinder-bildung");
    dialog.setProfile(p);
    dialog.setFigureMaxAgeDays(5); // not offered at first start: left alone
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(UserProfile::load().isComplete());
    CHECK(UserProfile::load().name == QStringLiteral("Kim Schulz"));
    CHECK(UserProfile::load().ressortKey == QStringLiteral("kinder-bildung"));
    CHECK(UserProfile::load().role == UserProfile::Role::Sachbearbeitung);
    CHECK(f.ws->figureMaxAgeDays() == 90);
}

TEST_CASE("settings without a workspace offer the profile and the spell-check switch", "[ui][settings]")
{
    Fixture f;
    SettingsDialog dialog(nullptr);
    UserProfile p;
    p.name = QStringLiteral("Ole Hansen");
    dialog.setProfile(p);
    dialog.setSpellCheckEnabled(false);
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(UserProfile::load().name == QStringLiteral("Ole Hansen"));
    CHECK_FALSE(SpellChecker::instance()->isEnabled());
}
