#include "dateedit.h"

#include "vorlage.h"

#include <QCalendarWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>

namespace vw {

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
        if (mMessage->isVisible() && readTypedDate(mEdit->text()).ok())
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
    return readTypedDate(mEdit->text());
}

QString DateEdit::message() const
{
    return mMessage->isHidden() ? QString() : mMessage->text();
}

void DateEdit::commitText()
{
    const Result<QDate> parsed = readTypedDate(mEdit->text());
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
    const Result<QDate> typed = readTypedDate(mEdit->text());
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
