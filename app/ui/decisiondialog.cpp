#include "decisiondialog.h"

#include "dateedit.h"

#include <QCalendarWidget>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace vw {

DecisionDialog::DecisionDialog(const Vorlage &vorlage, QWidget *parent)
    : QDialog(parent), mDate(new DateEdit(this)), mCalendar(new QCalendarWidget(this)),
      mUnchanged(new QRadioButton(tr("&unverändert beschlossen"), this)),
      mChanged(new QRadioButton(tr("&mit Änderungen beschlossen"), this)),
      mDeferred(new QRadioButton(tr("&zurückgestellt (bleibt beschlussreif)"), this))
{
    setWindowTitle(tr("Beschluss des Senats"));
    const QLocale german(QLocale::German);
    auto *intro = new QLabel(tr("„%1“").arg(vorlage.title), this);
    intro->setWordWrap(true);
    intro->setStyleSheet(QStringLiteral("font-weight: bold;"));
    mCalendar->setLocale(german);
    mCalendar->setFirstDayOfWeek(Qt::Monday);
    mCalendar->setGridVisible(true);
    mCalendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    connect(mDate, &DateEdit::dateChanged, mCalendar, &QCalendarWidget::setSelectedDate);
    connect(mCalendar, &QCalendarWidget::selectionChanged, this, [this] { mDate->setDate(mCalendar->selectedDate()); });
    setSessionDate(vorlage.sessionDate.isValid() ? vorlage.sessionDate : QDate::currentDate());
    mUnchanged->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Sitzung am:"), mDate);
    form->addRow(QString(), mCalendar);
    auto *outcomes = new QVBoxLayout;
    outcomes->addWidget(mUnchanged);
    outcomes->addWidget(mChanged);
    outcomes->addWidget(mDeferred);
    form->addRow(tr("Ergebnis:"), outcomes);

    auto *note = new QLabel(tr("Eine beschlossene Vorlage ist danach schreibgeschützt; Änderungen brauchen eine "
                               "Neufassung. Es wird eine Version festgehalten."),
                            this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: #555;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Beschluss eintragen"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Abbrechen"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QDate DecisionDialog::sessionDate() const
{
    return mDate->date();
}

void DecisionDialog::setSessionDate(const QDate &date)
{
    mDate->setDate(date);
    mCalendar->setSelectedDate(date);
}

Outcome DecisionDialog::outcome() const
{
    if (mChanged->isChecked())
        return Outcome::Geaendert;
    if (mDeferred->isChecked())
        return Outcome::Zurueckgestellt;
    return Outcome::Unveraendert;
}

void DecisionDialog::setOutcome(Outcome outcome)
{
    (outcome == Outcome::Geaendert ? mChanged : outcome == Outcome::Zurueckgestellt ? mDeferred : mUnchanged)
        ->setChecked(true);
}

} // namespace vw
