#pragma once

#include "result.h"
#include "vorlage.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vw {

class RessortTable;
class VorlageDocument;

// The Beteiligung (Mitzeichnung) of a Vorlage as a table: who is involved (a Ressort from the dated
// table or a free entry such as Magistrat Bremerhaven), the state, the date, the Maßgabe or the
// objection, and whether an objection has been settled. Every change is one undo step through
// Commands::setBeteiligung; the table follows the document (undo included).
// From here section E can be filled with a proposal, and an objection attached as an Anlage.
class BeteiligungEditor : public QWidget {
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, DateColumn, TextColumn, ResolvedColumn, ColumnCount };

    BeteiligungEditor(VorlageDocument *document, const RessortTable &ressorts, QWidget *parent = nullptr);

    QTableWidget *table() const { return mTable; }
    QComboBox *addCombo() const { return mAddCombo; }
    QPushButton *addButton() const { return mAdd; }
    QPushButton *proposeButton() const { return mPropose; }
    QPushButton *attachButton() const { return mAttach; }
    int currentRow() const;
    void selectRow(int row);

    // What the buttons and cells do, for tests and keyboard users. Each is one undo step.
    // Adds a Ressort (by key or by its name) or a free entry; an entry already listed is selected instead.
    bool addEntry(const QString &nameOrKey);
    void setState(int row, Participation::State state);
    void setDate(int row, const QDate &date);
    void setText(int row, const QString &text);
    void setResolved(int row, bool resolved);
    void removeEntry(int row);
    // Replaces the content of section E with beteiligungProposal(); false when there is no E.
    bool proposeSectionE();
    // Attaches the objection of `row` as an internal Anlage; false when it has none or is attached already.
    bool attachObjection(int row);

    // The free entries offered beside the Ressorts.
    static QStringList freeEntries();

    // A decided Vorlage takes no edits, but its objections can still be marked as settled (the Senate
    // decided over them): `settle` records that in the workspace. Without it the column is locked too.
    using Settle = std::function<Result<void>(const QString &participationId, bool resolved)>;
    void setSettle(Settle settle) { mSettle = std::move(settle); }

private:
    void refresh();
    void rebuild();
    void updateRow(int row);
    void updateButtons();
    void change(const std::function<void(QList<Participation> &)> &edit, const QString &text);
    void askAndProposeSectionE();
    void fillAddCombo();

    VorlageDocument *mDocument;
    const RessortTable &mRessorts;
    Settle mSettle;
    QLabel *mSummary;
    QTableWidget *mTable;
    QComboBox *mAddCombo;
    QPushButton *mAdd;
    QPushButton *mRemove;
    QPushButton *mPropose;
    QPushButton *mAttach;
    QStringList mShownIds;
    bool mUpdating = false;
};

} // namespace vw
