#include "dateedit.h"

#include "vorlage.h"

#include <QCalendarWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>

namespace vw {

namespace {

// A two-digit year lies in the 80 years before or the 20 years after today (LibreOffice: 1930–2029).
int fullYear(const QString &digits, const QDate &today)
{
    const int year = digits.toInt();
    if (digits.size() != 2)
        return year;
    const int century = today.year() / 100 * 100;
    return century + year > today.year() + 20 ? century - 100 + year : century + year;
}

Result<QDate> checkedDate(int year, int month, int day, const QString &typed)
{
    if (month < 1 || month > 12)
        return Error{DateEdit::tr("„%1“: einen %2. Monat gibt es nicht.").arg(typed).arg(month)};
    const QDate first(year, month, 1);
    if (day < 1 || day > first.daysInMonth())
        return Error{DateEdit::tr("Den %1 gibt es nicht: der %2 %3 hat %4 Tage.")
                         .arg(QStringLiteral("%1.%2.%3").arg(day, 2, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0')).arg(year),
                              QLocale(QLocale::German).standaloneMonthName(month))
                         .arg(year)
                         .arg(first.daysInMonth())};
    return QDate(year, month, day);
}

} // namespace

Result<QDate> DateEdit::parse(const QString &text, const QDate &today)
{
    const QString typed = text.trimmed();
    if (typed.isEmpty())
        return QDate();
    static const QRegularExpression dotted(QStringLiteral("^(\\d{1,2})\\.\\s*(\\d{1,2})(?:\\.\\s*(\\d{2}|\\d{4})?)?$"));
    static const QRegularExpression digits(QStringLiteral("^(\\d{2})(\\d{2})(\\d{2}|\\d{4})$"));
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    if (auto m = dotted.match(typed); m.hasMatch())
        return checkedDate(m.captured(3).isEmpty() ? today.year() : fullYear(m.captured(3), today),
                           m.captured(2).toInt(), m.captured(1).toInt(), typed);
    if (auto m = digits.match(typed); m.hasMatch())
        return checkedDate(fullYear(m.captured(3), today), m.captured(2).toInt(), m.captured(1).toInt(), typed);
    if (auto m = iso.match(typed); m.hasMatch())
        return checkedDate(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), typed);
    if (const QDate longForm = parseGermanDate(typed); longForm.isValid()) // "17. November 2020"
        return longForm;
    return Error{tr("„%1“ ist kein Datum. So geht es: 17.11.2020, 17.11.20 oder 17.11. (dieses Jahr).").arg(typed)};
}

DateEdit::DateEdit(QWidget *parent)
    : QWidget(parent), mEdit(new QLineEdit(this)), mButton(new QToolButton(this)), mMessage(new QLabel(this)),
      mPopup(new QFrame(this, Qt::Popup)), mCalendar(new QCalendarWidget(mPopup))
{
    mEdit->setMaxLength(20);
    mEdit->setMinimumWidth(mEdit->fontMetrics().horizontalAdvance(QStringLiteral("00.00.00000")) + 12);
    mEdit->installEventFilter(this);
    mButton->setArrowType(Qt::DownArrow);
    mButton->setFocusPolicy(Qt::NoFocus); // Tab goes from field to field; Alt+↓ opens the calendar
    mButton->setToolTip(tr("Kalender öffnen (Alt+↓)"));
    mButton->setAccessibleName(tr("Kalender öffnen"));
    mMessage->setWordWrap(true);
    mMessage->setStyleSheet(QStringLiteral("color: #a40000;"));
    mMessage->hide();
    setFocusProxy(mEdit);
    setFocusPolicy(mEdit->focusPolicy());

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(mEdit, 1);
    row->addWidget(mButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(mMessage);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    const QLocale german(QLocale::German, QLocale::Germany);
    mCalendar->setLocale(german);
    mCalendar->setFirstDayOfWeek(Qt::Monday);
    mCalendar->setGridVisible(true);
    mCalendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    auto *popupLayout = new QVBoxLayout(mPopup);
    popupLayout->setContentsMargins(0, 0, 0, 0);
    popupLayout->addWidget(mCalendar);
    mPopup->setFrameShape(QFrame::StyledPanel);

    connect(mEdit, &QLineEdit::editingFinished, this, &DateEdit::commitText);
    connect(mEdit, &QLineEdit::textEdited, this, [this] {
        if (mMessage->isVisible() && parse(mEdit->text()).ok())
            showMessage(QString());
    });
    connect(mButton, &QToolButton::clicked, this, &DateEdit::showCalendar);
    connect(mCalendar, &QCalendarWidget::activated, this, [this](const QDate &date) {
        mPopup->hide();
        commit(date);
        mEdit->setFocus(Qt::PopupFocusReason);
    });
    connect(mCalendar, &QCalendarWidget::clicked, this, [this](const QDate &date) {
        mPopup->hide();
        commit(date);
        mEdit->setFocus(Qt::PopupFocusReason);
    });
}

DateEdit::~DateEdit() = default;

void DateEdit::setDate(const QDate &date)
{
    const QDate shown = date.isValid() ? date : QDate();
    const QString text = germanDate(shown);
    showMessage(QString());
    mDate = shown;
    if (mEdit->text() != text)
        mEdit->setText(text);
}

void DateEdit::setPlaceholderText(const QString &text)
{
    mEdit->setPlaceholderText(text);
}

void DateEdit::setReadOnly(bool readOnly)
{
    mEdit->setReadOnly(readOnly);
    mButton->setEnabled(!readOnly);
}

void DateEdit::setFrame(bool frame)
{
    mEdit->setFrame(frame);
    mButton->setAutoRaise(!frame);
}

Result<QDate> DateEdit::typedDate() const
{
    return parse(mEdit->text());
}

QString DateEdit::message() const
{
    return mMessage->isHidden() ? QString() : mMessage->text();
}

void DateEdit::commitText()
{
    const Result<QDate> parsed = parse(mEdit->text());
    if (!parsed) {
        // The value stays; the typing stays too, so it can be corrected.
        showMessage(mDate.isValid() ? tr("%1 Es gilt weiter der %2.").arg(parsed.error(), germanDate(mDate))
                                    : parsed.error());
        return;
    }
    commit(parsed.value());
}

void DateEdit::commit(const QDate &date)
{
    showMessage(QString());
    const QString text = germanDate(date);
    if (mEdit->text() != text)
        mEdit->setText(text);
    if (date == mDate)
        return;
    mDate = date;
    emit dateChanged(mDate);
}

void DateEdit::showMessage(const QString &text)
{
    if (text == message())
        return;
    mMessage->setText(text);
    mMessage->setVisible(!text.isEmpty());
    mEdit->setToolTip(text);
    // A cell in a table or a form row has to make room for the message.
    updateGeometry();
}

void DateEdit::showCalendar()
{
    if (mEdit->isReadOnly())
        return;
    const Result<QDate> typed = parse(mEdit->text());
    QDate shown = typed && typed.value().isValid() ? typed.value() : mDate;
    if (!shown.isValid())
        shown = mReference.isValid() ? mReference : QDate::currentDate();
    {
        const QSignalBlocker block(mCalendar);
        mCalendar->setSelectedDate(shown);
        mCalendar->setCurrentPage(shown.year(), shown.month());
    }
    mPopup->adjustSize();
    QPoint at = mEdit->mapToGlobal(QPoint(0, mEdit->height()));
    if (const QScreen *screen = this->screen()) {
        const QRect available = screen->availableGeometry();
        if (at.y() + mPopup->height() > available.bottom())
            at.setY(mEdit->mapToGlobal(QPoint(0, 0)).y() - mPopup->height());
        at.setX(std::clamp(at.x(), available.left(), std::max(available.left(), available.right() - mPopup->width())));
    }
    mPopup->move(at);
    mPopup->show();
    mCalendar->setFocus(Qt::PopupFocusReason);
}

bool DateEdit::isCalendarVisible() const
{
    return mPopup->isVisible();
}

bool DateEdit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == mEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Down && key->modifiers() == Qt::AltModifier) || key->key() == Qt::Key_F4) {
            showCalendar();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace vw
