#pragma once

#include "result.h"
#include "vorlage.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace vw {

class VorlageDocument;
class Workspace;

// The Anlagen of a Vorlage, listed after G: title, file, "nur intern" and licence. A file (PDF or
// text) is kept in the workspace by its SHA-256; adding, removing, reordering and editing are each one
// undo step through Commands::setAnlagen. Internal Anlagen are never published.
class AnlagenEditor : public QWidget {
    Q_OBJECT
public:
    enum Column { TitleColumn, FileColumn, InternalColumn, LicenceColumn, ColumnCount };

    AnlagenEditor(VorlageDocument *document, Workspace *workspace, QWidget *parent = nullptr);

    QTableWidget *table() const { return mTable; }
    QPushButton *addButton() const { return mAdd; }
    int currentRow() const;
    void selectRow(int row);

    // Stores the file in the workspace and appends it as an Anlage (PDF or plain text only).
    Result<void> addFile(const QString &path);
    void setTitle(int row, const QString &title);
    void setInternal(int row, bool internal);
    void setLicence(int row, const QString &licence);
    void removeAnlage(int row);
    void moveAnlage(int from, int to);

private:
    void chooseAndAddFile();
    void refresh();
    void updateButtons();
    void change(int row, const std::function<void(Anlage &)> &edit, const QString &text);

    VorlageDocument *mDocument;
    Workspace *mWorkspace;
    QLabel *mSummary;
    QTableWidget *mTable;
    QPushButton *mAdd;
    QPushButton *mRemove;
    QPushButton *mUp;
    QPushButton *mDown;
    bool mUpdating = false;
};

} // namespace vw
