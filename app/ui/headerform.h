#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class HeaderForm;
}

namespace vw {

class RessortTable;
class VorlageDocument;
struct EditPlace;

// The header of a Vorlage: kind, paper kind, Ressorts (lead first, from the dated table), dates, body,
// question number, title, subtitle, references, file code, Fraktion and date of an Anfrage.
// Every edit goes through Commands; the form follows the document's changes (undo included).
class HeaderForm : public QWidget {
    Q_OBJECT
public:
    HeaderForm(VorlageDocument *document, const RessortTable &ressorts, QWidget *parent = nullptr);
    ~HeaderForm() override;

    // Puts the cursor into a header field ("title", "sessionDate", …); false when the key is no header field.
    bool focusField(const EditPlace &place);

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
