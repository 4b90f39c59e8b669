#include "settingsdialog.h"
#include "ui_settingsdialog.h"

#include "ressorts.h"
#include "spellchecker.h"
#include "workspace.h"

#include <QDate>
#include <QDir>
#include <QKeyEvent>
#include <QPushButton>
#include <QSettings>

namespace vw {

SettingsDialog::SettingsDialog(Workspace *workspace, Mode mode, QWidget *parent)
    : QDialog(parent), mUi(std::make_unique<Ui::SettingsDialog>()), mWorkspace(workspace), mMode(mode)
{
    mUi->setupUi(this);
    mUi->errorLabel->hide();

    mUi->roleCombo->addItem(UserProfile::roleLabel(UserProfile::Role::Sachbearbeitung),
                            UserProfile::roleKey(UserProfile::Role::Sachbearbeitung));
    mUi->roleCombo->addItem(UserProfile::roleLabel(UserProfile::Role::Pruefung),
                            UserProfile::roleKey(UserProfile::Role::Pruefung));
    mUi->ressortCombo->addItem(tr("(keines)"), QString());
    if (mWorkspace) {
        const RessortTable &ressorts = mWorkspace->ressorts();
        const QDate today = QDate::currentDate();
        for (const QString &key : ressorts.keysOn(today))
            mUi->ressortCombo->addItem(ressorts.nameOn(key, today), key);
    }

    // Examples show what each choice prints.
    mUi->groupCombo->addItem(tr("ab 4 Stellen: 4.750 und 91.430"), 4);
    mUi->groupCombo->addItem(tr("ab 5 Stellen: 4750, aber 91.430 (üblich)"), 5);
    mUi->groupCombo->addItem(tr("ab 6 Stellen: 91430, aber 250.000"), 6);
    mUi->groupCombo->addItem(tr("ab 7 Stellen: 250000, aber 1.500.000"), 7);
    mUi->groupCombo->addItem(tr("nie: 1500000"), 0);

    connect(mUi->addWordButton, &QPushButton::clicked, this, &SettingsDialog::addTypedWord);
    mUi->newWordEdit->installEventFilter(this); // Return there adds the word and does not press OK
    connect(mUi->removeWordButton, &QPushButton::clicked, this, [this] {
        QStringList words;
        for (const QListWidgetItem *item : mUi->dictionaryList->selectedItems())
            words << item->text();
        removeDictionaryWords(words);
    });
    connect(mUi->addNameButton, &QPushButton::clicked, this, &SettingsDialog::addTypedName);
    mUi->newNameEdit->installEventFilter(this);
    connect(mUi->removeNameButton, &QPushButton::clicked, this, [this] {
        QStringList names;
        for (const QListWidgetItem *item : mUi->protectedList->selectedItems())
            names << item->text();
        removeProtectedNames(names);
    });
    connect(mUi->protectedList, &QListWidget::itemSelectionChanged, this,
            [this] { mUi->removeNameButton->setEnabled(!mUi->protectedList->selectedItems().isEmpty()); });
    mUi->addNameButton->setAutoDefault(false);
    mUi->removeNameButton->setAutoDefault(false);
    connect(mUi->dictionaryList, &QListWidget::itemSelectionChanged, this,
            [this] { mUi->removeWordButton->setEnabled(!mUi->dictionaryList->selectedItems().isEmpty()); });
    mUi->buttons->button(QDialogButtonBox::Cancel)->setText(tr("Abbrechen"));
    mUi->addWordButton->setAutoDefault(false);
    connect(mUi->buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(mUi->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    SpellChecker *checker = SpellChecker::instance();
    mUi->spellStatusLabel->setText(checker->isAvailable() ? tr("Wörterbuch: Deutsch (Deutschland), hunspell.")
                                                          : checker->unavailableReason());
    mUi->spellCheckBox->setEnabled(checker->isAvailable());

    if (mWorkspace) {
        mUi->workspaceHint->setText(tr("Diese Einstellungen gelten für alle, die den Arbeitsbereich %1 nutzen.")
                                        .arg(QDir::toNativeSeparators(mWorkspace->path())));
    } else {
        mUi->workspaceTab->setEnabled(false);
        mUi->publishTab->setEnabled(false);
        mUi->workspaceHint->setText(tr("Es ist kein Arbeitsbereich geöffnet."));
        for (QWidget *w : {static_cast<QWidget *>(mUi->dictionaryLabel), static_cast<QWidget *>(mUi->dictionaryList),
                           static_cast<QWidget *>(mUi->newWordEdit), static_cast<QWidget *>(mUi->addWordButton),
                           static_cast<QWidget *>(mUi->removeWordButton)})
            w->setEnabled(false);
    }

    if (mMode == Mode::FirstStart) {
        setWindowTitle(tr("Willkommen bei Vorlagenwerk"));
        mUi->tabs->removeTab(mUi->tabs->indexOf(mUi->workspaceTab));
        mUi->tabs->removeTab(mUi->tabs->indexOf(mUi->spellTab));
        mUi->tabs->removeTab(mUi->tabs->indexOf(mUi->publishTab));
        mUi->tabs->tabBar()->hide();
    } else {
        mUi->introLabel->hide();
    }
    load();
    mUi->nameEdit->setFocus();
}

SettingsDialog::~SettingsDialog() = default;

QStringList SettingsDialog::ressortChoices() const
{
    QStringList names;
    for (int i = 0; i < mUi->ressortCombo->count(); ++i)
        names << mUi->ressortCombo->itemText(i);
    return names;
}

void SettingsDialog::load()
{
    setProfile(UserProfile::load());
    setSpellCheckEnabled(SpellChecker::instance()->isEnabled());
    mUi->dictionaryList->clear();
    mUi->protectedList->clear();
    if (mWorkspace) {
        if (auto names = mWorkspace->protectedPersons()) {
            for (const QString &name : names.value()) {
                auto *item = new QListWidgetItem(name, mUi->protectedList);
                item->setFlags(item->flags() | Qt::ItemIsEditable);
            }
        } else {
            showError(names.error());
        }
        setNumberStyle(mWorkspace->numberStyle());
        setFigureMaxAgeDays(mWorkspace->figureMaxAgeDays());
        if (auto words = mWorkspace->dictionaryWords())
            mUi->dictionaryList->addItems(words.value());
        else
            showError(words.error());
    } else {
        setNumberStyle(NumberStyle{});
        setFigureMaxAgeDays(90);
    }
    mUi->removeWordButton->setEnabled(false);
    mUi->removeNameButton->setEnabled(false);
}

UserProfile SettingsDialog::profile() const
{
    UserProfile p;
    p.name = mUi->nameEdit->text().simplified();
    p.ressortKey = mUi->ressortCombo->currentData().toString();
    UserProfile::roleFromKey(mUi->roleCombo->currentData().toString(), &p.role);
    return p;
}

void SettingsDialog::setProfile(const UserProfile &profile)
{
    mUi->nameEdit->setText(profile.name);
    int ressort = mUi->ressortCombo->findData(profile.ressortKey);
    if (ressort < 0) {
        // A Ressort this workspace does not know (or no workspace): keep it, named by its key.
        mUi->ressortCombo->addItem(profile.ressortKey, profile.ressortKey);
        ressort = mUi->ressortCombo->count() - 1;
    }
    mUi->ressortCombo->setCurrentIndex(ressort);
    mUi->roleCombo->setCurrentIndex(std::max(0, mUi->roleCombo->findData(UserProfile::roleKey(profile.role))));
}

bool SettingsDialog::spellCheckEnabled() const
{
    return mUi->spellCheckBox->isChecked();
}

void SettingsDialog::setSpellCheckEnabled(bool enabled)
{
    mUi->spellCheckBox->setChecked(enabled);
}

NumberStyle SettingsDialog::numberStyle() const
{
    NumberStyle style;
    style.groupFrom = mUi->groupCombo->currentData().toInt();
    return style;
}

void SettingsDialog::setNumberStyle(const NumberStyle &style)
{
    int index = mUi->groupCombo->findData(style.groupFrom);
    if (index < 0) {
        mUi->groupCombo->addItem(tr("ab %1 Stellen").arg(style.groupFrom), style.groupFrom);
        index = mUi->groupCombo->count() - 1;
    }
    mUi->groupCombo->setCurrentIndex(index);
}

int SettingsDialog::figureMaxAgeDays() const
{
    return mUi->ageSpin->value();
}

void SettingsDialog::setFigureMaxAgeDays(int days)
{
    mUi->ageSpin->setValue(days);
}

QStringList SettingsDialog::dictionaryWords() const
{
    QStringList words;
    for (int i = 0; i < mUi->dictionaryList->count(); ++i)
        words << mUi->dictionaryList->item(i)->text();
    return words;
}

bool SettingsDialog::addDictionaryWord(const QString &word)
{
    const QString w = word.trimmed();
    if (w.isEmpty() || std::any_of(w.cbegin(), w.cend(), [](QChar c) { return c.isSpace(); })) {
        showError(tr("„%1“ ist kein einzelnes Wort: Das Wörterbuch nimmt Wörter ohne Leerzeichen auf.").arg(w));
        return false;
    }
    if (!mUi->dictionaryList->findItems(w, Qt::MatchExactly).isEmpty()) {
        showError(tr("„%1“ steht schon im Wörterbuch.").arg(w));
        return false;
    }
    // In order, as the workspace lists them (case does not count).
    int row = 0;
    while (row < mUi->dictionaryList->count() &&
           QString::compare(mUi->dictionaryList->item(row)->text(), w, Qt::CaseInsensitive) < 0)
        ++row;
    mUi->dictionaryList->insertItem(row, w);
    mUi->dictionaryList->setCurrentRow(row);
    mUi->errorLabel->hide();
    return true;
}

void SettingsDialog::removeDictionaryWords(const QStringList &words)
{
    for (const QString &word : words)
        qDeleteAll(mUi->dictionaryList->findItems(word, Qt::MatchExactly));
}

QStringList SettingsDialog::protectedNames() const
{
    QStringList names;
    for (int i = 0; i < mUi->protectedList->count(); ++i) {
        const QString name = mUi->protectedList->item(i)->text().simplified();
        if (!name.isEmpty() && !names.contains(name, Qt::CaseInsensitive))
            names << name;
    }
    return names;
}

bool SettingsDialog::addProtectedName(const QString &name)
{
    const QString n = name.simplified();
    if (n.isEmpty()) {
        showError(tr("Bitte geben Sie einen Namen ein."));
        return false;
    }
    if (protectedNames().contains(n, Qt::CaseInsensitive)) {
        showError(tr("„%1“ steht schon in der Liste.").arg(n));
        return false;
    }
    auto *item = new QListWidgetItem(n, mUi->protectedList);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    mUi->protectedList->setCurrentItem(item);
    mUi->errorLabel->hide();
    return true;
}

void SettingsDialog::removeProtectedNames(const QStringList &names)
{
    for (const QString &name : names)
        qDeleteAll(mUi->protectedList->findItems(name, Qt::MatchExactly));
}

void SettingsDialog::addTypedName()
{
    if (addProtectedName(mUi->newNameEdit->text()))
        mUi->newNameEdit->clear();
}

bool SettingsDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mUi->newNameEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addTypedName();
            return true;
        }
    }
    if (watched == mUi->newWordEdit && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            addTypedWord();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SettingsDialog::addTypedWord()
{
    if (addDictionaryWord(mUi->newWordEdit->text()))
        mUi->newWordEdit->clear();
}

QString SettingsDialog::errorText() const
{
    return mUi->errorLabel->isHidden() ? QString() : mUi->errorLabel->text();
}

void SettingsDialog::showError(const QString &message)
{
    mUi->errorLabel->setText(message);
    mUi->errorLabel->show();
}

Result<void> SettingsDialog::apply()
{
    const UserProfile p = profile();
    if (!p.isComplete()) {
        mUi->tabs->setCurrentWidget(mUi->profileTab);
        mUi->nameEdit->setFocus();
        const QString message = tr("Bitte geben Sie Ihren Namen an: Er steht bei jeder Änderung, die Sie machen.");
        showError(message);
        return Error{message};
    }
    mUi->errorLabel->hide();
    p.save();
    if (mWorkspace)
        mWorkspace->setAuthor(p.author());
    if (mMode == Mode::FirstStart)
        return {};

    SpellChecker *checker = SpellChecker::instance();
    QSettings().setValue(SpellChecker::enabledSettingsKey(), spellCheckEnabled());
    checker->setEnabled(spellCheckEnabled());
    if (!mWorkspace)
        return {};

    const auto fail = [this](const QString &message) -> Result<void> {
        showError(message);
        return Error{message};
    };
    if (numberStyle() != mWorkspace->numberStyle()) {
        if (auto r = mWorkspace->setNumberStyle(numberStyle()); !r)
            return fail(r.error());
    }
    if (figureMaxAgeDays() != mWorkspace->figureMaxAgeDays()) {
        if (auto r = mWorkspace->setFigureMaxAgeDays(figureMaxAgeDays()); !r)
            return fail(r.error());
    }
    auto stored = mWorkspace->dictionaryWords();
    if (!stored)
        return fail(stored.error());
    const QStringList listed = dictionaryWords();
    for (const QString &word : listed) {
        if (!stored->contains(word)) {
            if (auto r = mWorkspace->addDictionaryWord(word); !r)
                return fail(r.error());
        }
    }
    for (const QString &word : std::as_const(stored.value())) {
        if (!listed.contains(word)) {
            if (auto r = mWorkspace->removeDictionaryWord(word); !r)
                return fail(r.error());
        }
    }
    if (checker->workspace() == mWorkspace)
        checker->reloadWorkspaceWords();
    auto protectedStored = mWorkspace->protectedPersons();
    if (!protectedStored)
        return fail(protectedStored.error());
    if (protectedNames() != protectedStored.value()) {
        if (auto r = mWorkspace->setProtectedPersons(protectedNames()); !r)
            return fail(r.error());
    }
    return {};
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace vw
