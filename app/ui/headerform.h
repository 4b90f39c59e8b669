#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class HeaderForm;
}

namespace vw {

class RessortTable;
class VorlageDocument;
struct Place;

// The header of a Vorlage: kind, paper kind, Ressorts (lead first, from the dated table), dates, body,
// question number, title, subtitle, references, file code, Fraktion and date of an Anfrage.
// Every edit goes through Commands; the form follows the document's changes (undo included).
class HeaderForm : public QWidget {
    Q_OBJECT
public:
    HeaderForm(VorlageDocument *document, const RessortTable &ressorts, QWidget *parent = nullptr);
    ~HeaderForm() override;

    // Puts the cursor into a header field (Place::Kind::Header: "title", "sessionDate", …), at `cursor`
    // when given; false when the place is no field of this form.
    bool focusField(const Place &place, int cursor = -1);

    // For tests and keyboard users: the widgets a person types into.
    QWidget *fieldWidget(const QString &key) const;

private:
    void refresh();
    void refreshRessorts();
    void addRessort();
    void removeRessort();
    void makeLead();

    std::unique_ptr<Ui::HeaderForm> mUi;
    VorlageDocument *mDocument;
    const RessortTable &mRessorts;
};

} // namespace vw
