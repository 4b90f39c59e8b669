#include "testutil.h"

#include "anlageneditor.h"
#include "demo.h"
#include "mainwindow.h"
#include "publishdialog.h"
#include "sectionform.h"
#include "sessionpublishdialog.h"
#include "settingsdialog.h"
#include "userprofile.h"
#include "vorlageeditor.h"
#include "workspace.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

using namespace vw;

namespace {

const QDate session(2020, 11, 17);

// Takes Vorlage `id` through the steps to Beschlossen in the session of `date`.
void decide(Workspace &ws, qint64 id, const QDate &date = session)
{
    for (Status to : {Status::InAbstimmung, Status::Beschlussreif}) {
        auto r = ws.setStatus(id, to);
        INFO(r.error().toStdString());
        REQUIRE(r.ok());
    }
    auto r = ws.setStatus(id, Status::Beschlossen, date, Outcome::Unveraendert);
    INFO(r.error().toStdString());
    REQUIRE(r.ok());
}

// An unresolved comment on the first words of section `label`.
qint64 comment(Workspace &ws, qint64 id, const QString &label = QStringLiteral("C"))
{
    auto v = ws.load(id);
    REQUIRE(v.ok());
    const Place place{Place::Kind::Section, label, QString()};
    const QString quote = anchorText(v.value(), place).left(24);
    REQUIRE(quote.size() == 24);
    auto anchor = findAnchor(v.value(), place, quote);
    INFO(anchor.error().toStdString());
    REQUIRE(anchor.ok());
    Annotation a;
    a.vorlageId = id;
    a.anchor = anchor.value();
    a.text = QStringLiteral("Bitte die Zahl noch einmal prüfen.");
    a.author = QStringLiteral("Prüferin");
    auto added = ws.addAnnotation(a);
    INFO(added.error().toStdString());
    REQUIRE(added.ok());
    return added.value();
}

void appendParagraph(Workspace &ws, qint64 id, const QString &label, const QString &text)
{
    auto v = ws.load(id);
    REQUIRE(v.ok());
    REQUIRE(v->section(label));
    v->section(label)->content.append(Block::para(text));
    auto saved = ws.save(v.value());
    INFO(saved.error().toStdString());
    REQUIRE(saved.ok());
}

struct Fixture {
    QTemporaryDir dir;
    QTemporaryDir out;
    MainWindow window;
    Workspace *ws = nullptr;
    qint64 beschlussvorlage = 0; // the demo Beschlussvorlage (session 17.11.2020)

    Fixture()
    {
        REQUIRE(QStandardPaths::isTestModeEnabled());
        QSettings().remove(PublishDialog::folderSettingsKey());
        const QString path = dir.filePath(QStringLiteral("publish.vorlagen"));
        REQUIRE(openOrCreateWithDemo(path).ok());
        REQUIRE(window.openWorkspace(path).ok());
        ws = window.workspace();
        for (const VorlageSummary &s : ws->list().value())
            if (s.kind == VorlageKind::Beschlussvorlage)
                beschlussvorlage = s.id;
        REQUIRE(beschlussvorlage > 0);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
    ~Fixture() { QSettings().remove(PublishDialog::folderSettingsKey()); }

    PublishDialog *openDialog(qint64 id)
    {
        REQUIRE(window.openVorlage(id));
        PublishDialog *dialog = showPublishDialog(&window);
        REQUIRE(dialog);
        REQUIRE(dialog->vorlageId() == id);
        dialog->setOutputFolder(out.path());
        return dialog;
    }
};

void clickItem(QListWidget *list, int row)
{
    QListWidgetItem *item = list->item(row);
    REQUIRE(item);
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(item).center());
}

// Receives the URLs QDesktopServices would hand to the desktop.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

} // namespace

TEST_CASE("publish dialog: a refusal is listed, jumps to its place and keeps the button disabled", "[ui][publish]")
{
    Fixture f;
    const qint64 annotation = comment(*f.ws, f.beschlussvorlage, QStringLiteral("C"));
    decide(*f.ws, f.beschlussvorlage);
    PublishDialog *dialog = f.openDialog(f.beschlussvorlage);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));

    REQUIRE(dialog->publicationCheck().refusals.size() == 1);
    CHECK(dialog->publicationCheck().refusals[0].kind == PublicationIssue::Kind::OpenAnnotation);
    QListWidget *refusals = dialog->refusalView();
    REQUIRE(refusals->count() == 1);
    CHECK(refusals->item(0)->text().contains(QStringLiteral("Kommentar von Prüferin")));
    CHECK_FALSE(refusals->item(0)->icon().isNull());
    CHECK_FALSE(dialog->publishButton()->isEnabled());
    CHECK_FALSE(dialog->publish().ok());
    CHECK(f.ws->load(f.beschlussvorlage)->status == Status::Beschlossen);

    // A click shows the commented words in section C of the editor.
    QSignalSpy activated(dialog, &PublishDialog::issueActivated);
    clickItem(refusals, 0);
    REQUIRE(activated.size() == 1);
    CHECK(activated[0][0].value<Place>() == Place{Place::Kind::Section, QStringLiteral("C")});
    SectionForm *c = f.window.currentEditor()->sectionForm(QStringLiteral("C"));
    REQUIRE(c);
    QWidget *focus = f.window.focusWidget();
    REQUIRE(focus);
    CHECK(c->isAncestorOf(focus));

    // Resolved elsewhere, checked again: nothing stands in the way any more.
    REQUIRE(f.ws->setResolved(annotation, true).ok());
    dialog->recheck();
    CHECK(dialog->publicationCheck().refusals.isEmpty());
    CHECK(refusals->count() == 0);
    CHECK(dialog->publishButton()->isEnabled() == dialog->publicationCheck().warnings.isEmpty());
    dialog->close();
}

TEST_CASE("publish dialog: an undecided Vorlage is refused with its reason", "[ui][publish]")
{
    Fixture f;
    PublishDialog *dialog = f.openDialog(f.beschlussvorlage);
    REQUIRE_FALSE(dialog->publicationCheck().refusals.isEmpty());
    CHECK(dialog->publicationCheck().refusals[0].kind == PublicationIssue::Kind::NotDecided);
    CHECK(dialog->refusalView()->item(0)->text().contains(QStringLiteral("nicht beschlossen")));
    CHECK_FALSE(dialog->publishButton()->isEnabled());
    dialog->close();
}

TEST_CASE("publish dialog: personal data must be confirmed one warning at a time", "[ui][publish]")
{
    Fixture f;
    const QString email = QStringLiteral("erika.mustermann@example.org");
    appendParagraph(*f.ws, f.beschlussvorlage, QStringLiteral("C"),
                    QStringLiteral("Ansprechpartnerin ist Erika Mustermann, erreichbar unter %1.").arg(email));
    REQUIRE(f.ws->setProtectedPersons({QStringLiteral("Erika Mustermann")}).ok());
    decide(*f.ws, f.beschlussvorlage);
    PublishDialog *dialog = f.openDialog(f.beschlussvorlage);

    CHECK(dialog->publicationCheck().refusals.isEmpty());
    const QList<PublicationIssue> &warnings = dialog->publicationCheck().warnings;
    REQUIRE(dialog->warningCount() == warnings.size());
    int emailRow = -1;
    bool protectedName = false;
    for (int i = 0; i < warnings.size(); ++i) {
        if (warnings[i].kind == PublicationIssue::Kind::Email)
            emailRow = i;
        protectedName = protectedName || warnings[i].kind == PublicationIssue::Kind::ProtectedName;
    }
    REQUIRE(emailRow >= 0);
    CHECK(protectedName);
    // The address is shown in its sentence, highlighted.
    const QString context = dialog->warningContextHtml(emailRow);
    CHECK(context.contains(QStringLiteral("erreichbar unter ")));
    CHECK(context.contains(QStringLiteral("background-color:#ffd54f; color:#000000; font-weight:600\">%1</span>").arg(email)));
    CHECK(dialog->warningCheckBox(emailRow)->text() == QStringLiteral("geprüft – darf veröffentlicht werden"));

    // Ticked one by one: the button stays disabled until the last one.
    for (int i = 0; i < dialog->warningCount(); ++i) {
        CHECK_FALSE(dialog->publishButton()->isEnabled());
        QCheckBox *box = dialog->warningCheckBox(i);
        CHECK_FALSE(box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton, Qt::NoModifier, QPoint(8, box->height() / 2));
        CHECK(box->isChecked());
    }
    CHECK(dialog->allWarningsConfirmed());
    CHECK(dialog->publishButton()->isEnabled());
    // Unticking one disables it again.
    QTest::mouseClick(dialog->warningCheckBox(emailRow), Qt::LeftButton, Qt::NoModifier,
                      QPoint(8, dialog->warningCheckBox(emailRow)->height() / 2));
    CHECK_FALSE(dialog->publishButton()->isEnabled());
    CHECK_FALSE(dialog->publish().ok());
    CHECK(QDir(f.out.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());

    // Confirmations survive a check that finds the same things again.
    dialog->warningCheckBox(emailRow)->setChecked(true);
    dialog->recheck();
    CHECK(dialog->allWarningsConfirmed());
    QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
    CHECK(dialog->isPublished());
    CHECK(f.ws->load(f.beschlussvorlage)->status == Status::Veroeffentlicht);
    dialog->close();
}

TEST_CASE("publish dialog: publishing writes the package and the Vorlage becomes Veröffentlicht", "[ui][publish]")
{
    Fixture f;
    decide(*f.ws, f.beschlussvorlage);
    PublishDialog *dialog = f.openDialog(f.beschlussvorlage);
    for (int i = 0; i < dialog->warningCount(); ++i) // the demo text may hold a phone number or two
        dialog->warningCheckBox(i)->setChecked(true);
    REQUIRE(dialog->publishButton()->isEnabled());
    QSignalSpy published(dialog, &PublishDialog::published);
    QTest::mouseClick(dialog->publishButton(), Qt::LeftButton);
    INFO(dialog->messageText().toStdString());
    REQUIRE(dialog->isPublished());
    CHECK(published.size() == 1);

    const RegisterPackage &package = dialog->package();
    CHECK(QFileInfo(package.folder).absolutePath() == QFileInfo(f.out.path()).absoluteFilePath());
    CHECK(QFileInfo::exists(QDir(package.folder).filePath(package.mainFile.fileName)));
    CHECK(QFileInfo::exists(QDir(package.folder).filePath(QStringLiteral("metadata.json"))));
    CHECK(QFileInfo::exists(QDir(package.folder).filePath(QStringLiteral("oparl-paper.json"))));
    CHECK(QSettings().value(PublishDialog::folderSettingsKey()).toString() == f.out.path());

    // Recorded, and the open tab shows the published Vorlage.
    auto stored = f.ws->load(f.beschlussvorlage);
    REQUIRE(stored.ok());
    CHECK(stored->status == Status::Veroeffentlicht);
    auto publications = f.ws->publications(f.beschlussvorlage);
    REQUIRE(publications.ok());
    REQUIRE(publications->size() == 1);
    CHECK(publications->first().sha512 == package.mainFile.sha512);
    REQUIRE(f.window.currentVorlage());
    CHECK(f.window.currentVorlage()->status == Status::Veroeffentlicht);
    CHECK(f.window.currentVorlage()->revision == stored->revision);

    // „Ordner öffnen“ hands the package folder to the desktop.
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    QTest::mouseClick(dialog->openFolderButton(), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    REQUIRE(catcher.urls.size() == 1);
    CHECK(catcher.urls[0] == QUrl::fromLocalFile(package.folder));

    // A new dialog proposes the folder used last.
    dialog->close();
    PublishDialog second(f.ws, f.beschlussvorlage);
    CHECK(second.outputFolder() == f.out.path());
}

TEST_CASE("session dialog: publishes the decided Vorlagen and reports a broken one without stopping", "[ui][publish]")
{
    Fixture f;
    // Three Vorlagen of the session of 17.11.2020; the middle one has an open comment.
    auto original = f.ws->load(f.beschlussvorlage);
    REQUIRE(original.ok());
    QList<qint64> ids{f.beschlussvorlage};
    for (const QString &title : {QStringLiteral("Zweite Vorlage der Sitzung"), QStringLiteral("Dritte Vorlage der Sitzung")}) {
        Vorlage copy = duplicateVorlage(original.value());
        copy.title = title;
        auto id = f.ws->add(copy);
        REQUIRE(id.ok());
        ids << id.value();
    }
    comment(*f.ws, ids[1]);
    for (qint64 id : ids)
        decide(*f.ws, id);

    SessionPublishDialog dialog(f.ws, &f.window);
    CHECK(dialog.sessionDate() == session); // the newest session with something to publish
    dialog.setOutputFolder(f.out.path());
    REQUIRE(dialog.entries().size() == 3);
    CHECK(dialog.vorlagenView()->topLevelItemCount() == 3);
    int broken = -1;
    for (int i = 0; i < dialog.entries().size(); ++i)
        if (dialog.entries()[i].id == ids[1])
            broken = i;
    REQUIRE(broken >= 0);
    CHECK(dialog.stateText(broken).startsWith(QStringLiteral("Wird nicht veröffentlicht")));
    const bool anyWarnings = std::any_of(dialog.entries().cbegin(), dialog.entries().cend(),
                                         [](const SessionPublishDialog::Entry &e) { return !e.check.warnings.isEmpty(); });
    CHECK(dialog.confirmBox()->isVisibleTo(&dialog) == anyWarnings);
    if (anyWarnings)
        dialog.confirmBox()->setChecked(true);
    REQUIRE(dialog.publishButton()->isEnabled());

    QSignalSpy progressed(&dialog, &SessionPublishDialog::progressed);
    QSignalSpy published(&dialog, &SessionPublishDialog::published);
    QTest::mouseClick(dialog.publishButton(), Qt::LeftButton);
    REQUIRE(dialog.isDone());
    CHECK_FALSE(dialog.wasCanceled());
    CHECK(progressed.size() == 4); // before each of three, and at the end

    const Publisher::SessionResult &result = dialog.result();
    CHECK(result.packages.size() == 2);
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures[0].id == ids[1]);
    CHECK(result.failures[0].message.contains(QStringLiteral("Kommentar")));
    CHECK(QFileInfo::exists(result.indexPath));
    for (const RegisterPackage &p : result.packages)
        CHECK(QFileInfo::exists(QDir(p.folder).filePath(p.mainFile.fileName)));

    CHECK(f.ws->load(ids[0])->status == Status::Veroeffentlicht);
    CHECK(f.ws->load(ids[1])->status == Status::Beschlossen);
    CHECK(f.ws->load(ids[2])->status == Status::Veroeffentlicht);
    REQUIRE(published.size() == 1);
    CHECK(published[0][0].value<QList<qint64>>() == QList<qint64>{ids[0], ids[2]});

    const QString summary = dialog.summaryText();
    CHECK(summary.contains(QStringLiteral("2 Vorlagen veröffentlicht")));
    CHECK(summary.contains(QStringLiteral("1 Vorlage nicht veröffentlicht")));
    CHECK(summary.contains(QStringLiteral("Zweite Vorlage der Sitzung")));
    CHECK(summary.contains(QStringLiteral("Kommentar")));
    CHECK(summary.contains(QDir::toNativeSeparators(result.indexPath)));
}

TEST_CASE("session dialog: a cancel stops after the Vorlage in hand and leaves the rest decided", "[ui][publish]")
{
    Fixture f;
    auto original = f.ws->load(f.beschlussvorlage);
    REQUIRE(original.ok());
    QList<qint64> ids{f.beschlussvorlage};
    for (int i = 0; i < 2; ++i) {
        Vorlage copy = duplicateVorlage(original.value());
        copy.title = QStringLiteral("Kopie %1").arg(i + 1);
        ids << f.ws->add(copy).value();
    }
    for (qint64 id : ids)
        decide(*f.ws, id);
    SessionPublishDialog dialog(f.ws, &f.window);
    dialog.setSessionDate(session);
    dialog.setOutputFolder(f.out.path());
    dialog.confirmBox()->setChecked(true);
    QObject::connect(&dialog, &SessionPublishDialog::progressed, &dialog, [&dialog](int done) {
        if (done == 1)
            dialog.cancelPublishing();
    });
    auto result = dialog.publish();
    REQUIRE(result.ok());
    CHECK(dialog.wasCanceled());
    CHECK(result->packages.size() == 1);
    CHECK(result->failures.isEmpty());
    int published = 0;
    for (qint64 id : ids)
        published += f.ws->load(id)->status == Status::Veroeffentlicht ? 1 : 0;
    CHECK(published == 1);
    CHECK(dialog.summaryText().contains(QStringLiteral("Abgebrochen")));
}

TEST_CASE("settings: protected names round trip through the workspace", "[ui][publish][settings]")
{
    QTemporaryDir dir;
    auto opened = Workspace::open(dir.filePath(QStringLiteral("names.vorlagen")), Workspace::Mode::CreateIfMissing);
    REQUIRE(opened.ok());
    Workspace &ws = *opened.value();
    QSettings().remove(QStringLiteral("profile"));
    UserProfile profile;
    profile.name = QStringLiteral("Jana Müller");
    {
        SettingsDialog dialog(&ws);
        dialog.setProfile(profile);
        CHECK(dialog.protectedNames().isEmpty());
        CHECK(dialog.addProtectedName(QStringLiteral("  Erika   Mustermann ")));
        CHECK(dialog.addProtectedName(QStringLiteral("Max Müller")));
        CHECK_FALSE(dialog.addProtectedName(QStringLiteral("erika mustermann")));
        CHECK(dialog.errorText().contains(QStringLiteral("schon")));
        CHECK_FALSE(dialog.addProtectedName(QStringLiteral("   ")));
        CHECK(ws.protectedPersons()->isEmpty()); // nothing before OK
        dialog.accept();
        CHECK(dialog.result() == QDialog::Accepted);
    }
    QStringList stored = ws.protectedPersons().value();
    stored.sort();
    CHECK(stored == QStringList{QStringLiteral("Erika Mustermann"), QStringLiteral("Max Müller")});
    {
        SettingsDialog dialog(&ws);
        QStringList shown = dialog.protectedNames();
        shown.sort();
        CHECK(shown == stored);
        dialog.removeProtectedNames({QStringLiteral("Max Müller")});
        dialog.accept();
    }
    CHECK(ws.protectedPersons().value() == QStringList{QStringLiteral("Erika Mustermann")});
    QSettings().remove(QStringLiteral("profile"));
}

TEST_CASE("publish dialog: a warning in the signatories or in an Anlage shows its place", "[ui][publish]")
{
    Fixture f;
    qint64 fragestunde = 0;
    for (const VorlageSummary &s : f.ws->list().value())
        if (s.kind == VorlageKind::Fragestunde)
            fragestunde = s.id;
    REQUIRE(fragestunde > 0);
    const QString email = QStringLiteral("erika.mustermann@example.org");
    auto v = f.ws->load(fragestunde);
    REQUIRE(v.ok());
    v->questionSignatories = QStringLiteral("Erika Mustermann (%1) und Fraktion der SPD").arg(email);
    Anlage list;
    list.id = newItemId();
    list.title = QStringLiteral("Ansprechpersonen");
    list.mediaType = QStringLiteral("text/plain");
    list.text = QStringLiteral("Tel. 0421 361-2345");
    v->anlagen << list;
    auto saved = f.ws->save(v.value());
    INFO(saved.error().toStdString());
    REQUIRE(saved.ok());
    decide(*f.ws, fragestunde);
    PublishDialog *dialog = f.openDialog(fragestunde);
    REQUIRE(QTest::qWaitForWindowExposed(dialog));

    const QList<PublicationIssue> &warnings = dialog->publicationCheck().warnings;
    int inSignatories = -1, inAnlage = -1;
    for (int i = 0; i < warnings.size(); ++i) {
        if (warnings[i].place == Place{Place::Kind::Header, QStringLiteral("questionSignatories")})
            inSignatories = i;
        if (warnings[i].place == Place{Place::Kind::Anlage, {}, list.id})
            inAnlage = i;
    }
    REQUIRE(inSignatories >= 0);
    REQUIRE(inAnlage >= 0);
    const auto showPlace = [dialog](int i) {
        auto *button = dialog->warningCheckBox(i)->parentWidget()->findChild<QPushButton *>();
        REQUIRE(button);
        QTest::mouseClick(button, Qt::LeftButton);
    };
    VorlageEditor *editor = f.window.currentEditor();
    REQUIRE(editor);

    // The address is selected in the "Unterzeichnende" field of A.
    showPlace(inSignatories);
    auto *line = qobject_cast<QLineEdit *>(f.window.focusWidget());
    REQUIRE(line);
    CHECK(editor->sectionForm(QStringLiteral("A"))->isAncestorOf(line));
    CHECK(line->text().startsWith(QStringLiteral("Erika Mustermann (")));
    CHECK(line->selectedText() == email);

    // The Anlagen table has the focus.
    showPlace(inAnlage);
    CHECK(f.window.focusWidget() == editor->anlagenEditor()->table());
    dialog->close();
}

#include "tst_publish.moc"
