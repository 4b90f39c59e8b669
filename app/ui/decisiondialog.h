#pragma once

#include "vorlage.h"

#include <QDialog>

class QCalendarWidget;
class QRadioButton;

namespace vw {

class DateEdit;

// "Beschlossen …": the date of the Senate session (a calendar, German dates) and what the Senate did
// (unverändert, mit Änderungen, zurückgestellt).
class DecisionDialog : public QDialog {
    Q_OBJECT
public:
    DecisionDialog(const Vorlage &vorlage, QWidget *parent = nullptr);

    QDate sessionDate() const;
    void setSessionDate(const QDate &date);
    Outcome outcome() const;
    void setOutcome(Outcome outcome);

private:
    DateEdit *mDate;
    QCalendarWidget *mCalendar;
    QRadioButton *mUnchanged;
    QRadioButton *mChanged;
    QRadioButton *mDeferred;
};

} // namespace vw
