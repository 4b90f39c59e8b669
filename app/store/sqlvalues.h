#pragma once

// Small conversions between model values and the text columns of the workspace, shared by the
// repositories. Internal to vw_store.

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>
#include <QVariant>

namespace vw::sql {

// The store's messages share one translation context.
inline QString tr(const char *text)
{
    return QCoreApplication::translate("vw::Workspace", text);
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
inline QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

// Yes/no columns are INTEGER 0/1 in both dialects: a bool would bind as PostgreSQL's boolean.
inline int flag(bool value)
{
    return value ? 1 : 0;
}

inline QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

inline QDate dateFrom(const QVariant &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

inline QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

inline QDateTime timeFrom(const QVariant &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate);
}

inline QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

inline QJsonArray jsonArray(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toString().toUtf8()).array();
}

} // namespace vw::sql
