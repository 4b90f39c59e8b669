#include "userprofile.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

namespace vw {

UserProfile UserProfile::load()
{
    QSettings settings;
    UserProfile p;
    p.name = settings.value(QStringLiteral("profile/name")).toString();
    p.ressortKey = settings.value(QStringLiteral("profile/ressort")).toString();
    roleFromKey(settings.value(QStringLiteral("profile/role")).toString(), &p.role);
    return p;
}

void UserProfile::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("profile/name"), name.trimmed());
    settings.setValue(QStringLiteral("profile/ressort"), ressortKey);
    settings.setValue(QStringLiteral("profile/role"), roleKey(role));
}

QString UserProfile::author() const
{
    if (isComplete())
        return name.trimmed();
    QString login = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME", qEnvironmentVariable("LOGNAME")));
    if (login.isEmpty())
        login = QDir::home().dirName();
    return login.isEmpty() ? QCoreApplication::translate("vw::UserProfile", "unbekannt") : login;
}

QString UserProfile::roleKey(Role role)
{
    return role == Role::Pruefung ? QStringLiteral("pruefung") : QStringLiteral("sachbearbeitung");
}

QString UserProfile::roleLabel(Role role)
{
    return role == Role::Pruefung ? QCoreApplication::translate("vw::UserProfile", "Prüfung")
                                  : QCoreApplication::translate("vw::UserProfile", "Sachbearbeitung");
}

bool UserProfile::roleFromKey(const QString &key, Role *role)
{
    if (key == QLatin1String("pruefung"))
        *role = Role::Pruefung;
    else if (key == QLatin1String("sachbearbeitung"))
        *role = Role::Sachbearbeitung;
    else
        return false;
    return true;
}

} // namespace vw
