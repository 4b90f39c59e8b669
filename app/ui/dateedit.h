#pragma once

#include "result.h"

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QFrame;
class QLabel;
class QLineEdit;
class QToolButton;

namespace vw {

// A date field that takes German typing as LibreOffice does: "17.11.2020", "17.11.20", "1.2.2021",
// "17.11." (this year), "17112020", ISO "2020-11-17". It may be empty. The value changes only when
// the typing is finished (Return, Tab, focus elsewhere) and reads as a date; otherwise the field keeps
// its value and says below what is wrong ("Den 31.02.2021 gibt es nicht …"). Alt+↓ or F4 opens a
// calendar at the date, or when empty at the reference date (the Vorlage's other dates), or today.
class DateEdit : public QWidget {
    Q_OBJECT
public:
    explicit DateEdit(QWidget *parent = nullptr);
    ~DateEdit() override;

    // The current value; invalid when the field is empty.
    QDate date() const { return mDate; }
    // Shows `date` (invalid: empty) without emitting dateChanged; drops typing that was not finished.
    void setDate(const QDate &date);
    // Where the calendar opens while the field is empty.
    void setReferenceDate(const QDate &date) { mReference = date; }
    QDate referenceDate() const { return mReference; }
    void setPlaceholderText(const QString &text);
    void setReadOnly(bool readOnly);
    void setFrame(bool frame);

    // What the field shows, read as a date (a dialog's OK may come before the typing is finished).
    Result<QDate> typedDate() const;
    // Why the last typing was not taken; empty when it was.
    QString message() const;
    QLineEdit *lineEdit() const { return mEdit; }

    void showCalendar();
    bool isCalendarVisible() const;
    QCalendarWidget *calendar() const { return mCalendar; }


signals:
    // The user typed or picked a different date (invalid: emptied the field).
    void dateChanged(const QDate &date);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void commitText();
    void commit(const QDate &date);
    void showMessage(const QString &text);

    QDate mDate;
    QDate mReference;
    QLineEdit *mEdit;
    QToolButton *mButton;
    QLabel *mMessage;
    QFrame *mPopup;
    QCalendarWidget *mCalendar;
};

} // namespace vw
