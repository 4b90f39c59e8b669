#pragma once

#include "vorlage.h"

#include <QFrame>

class QLabel;
class QPushButton;

namespace vw {

class VorlageDocument;

// The line at the top of a Vorlage editor that says where the Vorlage stands: "Status: In Abstimmung",
// or for a decided one "Beschlossen in der Senatssitzung am 12.05.2020 (unverändert) – schreibgeschützt"
// with a button that makes a Neufassung. A version opened for reading says which version it is.
class StatusBanner : public QFrame {
    Q_OBJECT
public:
    explicit StatusBanner(VorlageDocument *document, QWidget *parent = nullptr);

    QString text() const;
    QPushButton *neufassungButton() const { return mNeufassung; }
    // A version's snapshot: the banner names the version instead of the status and offers no Neufassung.
    void setSnapshotLabel(const QString &label);

    // The sentence for a Vorlage's status, as the banner shows it.
    static QString statusSentence(const Vorlage &vorlage);

signals:
    void neufassungRequested();

private:
    void refresh();

    VorlageDocument *mDocument;
    QLabel *mIcon;
    QLabel *mText;
    QPushButton *mNeufassung;
    QString mSnapshot;
};

} // namespace vw
