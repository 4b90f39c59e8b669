#pragma once

#include <QString>

namespace vw {

// Who works at this machine. There is no login server: the profile is set on first start and kept
// per machine (QSettings); every change, comment and version records its name.
struct UserProfile {
    enum class Role { Sachbearbeitung, Pruefung };

    QString name;
    QString ressortKey;
    Role role = Role::Sachbearbeitung;

    static UserProfile load();
    void save() const;
    bool isComplete() const { return !name.trimmed().isEmpty(); }
    // The name to record: the profile's, else the login name.
    QString author() const;

    static QString roleKey(Role role);
    static QString roleLabel(Role role);
    static bool roleFromKey(const QString &key, Role *role);
};

} // namespace vw
