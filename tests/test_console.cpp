#include "FakeSeams.h"
#include "UiTestStore.h"

#include "MainWindow.h"
#include "Settings.h"
#include "console/Console.h"
#include "governance/Identity.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// The console's composition root: a good store opens into the main window; a corrupt or
// foreign file is refused with a message box that names it, and no window.
class TestConsole : public QObject
{
    Q_OBJECT

private slots:
    void opensAStore()
    {
        QTemporaryDir dir;
        FakeMessageBoxes boxes;
        FakeFileDialogs dialogs;
        ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        app::Console console({&boxes, &dialogs, &settings});
        QVERIFY(console.open(dir.filePath(QStringLiteral("new.sqlite"))));
        QVERIFY(boxes.texts.isEmpty());
        QVERIFY(boxes.warningTexts.isEmpty()); // created for its owner alone
        QVERIFY(console.window());
        QCOMPARE(console.window()->windowTitle(), QStringLiteral("Baton — new.sqlite"));
    }

    // A demo store says so: anyone may act as any of its profiles there.
    void aDemoStoreSaysSoInItsTitle()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        {
            auto db = store::openStore(path.toStdString());
            const SystemClock clock;
            governance::Identity(db, clock).markDemoStore();
        }
        FakeMessageBoxes boxes;
        FakeFileDialogs dialogs;
        ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        app::Console console({&boxes, &dialogs, &settings});
        QVERIFY(console.open(path));
        QCOMPARE(console.window()->windowTitle(),
                 QStringLiteral("Baton — demo.sqlite (demo store: act as any demo profile)"));
    }

    // A store someone else made readable (an old Baton, a copy with cp, a shared folder):
    // opened all the same, with a warning that names each file and the fix.
    void warnsAboutAStoreOthersCanRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
        {
            FakeMessageBoxes boxes;
            FakeFileDialogs dialogs;
            ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
            app::Console console({&boxes, &dialogs, &settings});
            QVERIFY(console.open(path));
        }
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner |
                                                QFile::ReadGroup | QFile::ReadOther));
        FakeMessageBoxes boxes;
        FakeFileDialogs dialogs;
        ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        app::Console console({&boxes, &dialogs, &settings});
        QVERIFY(console.open(path));
        QCOMPARE(boxes.warningTexts.size(), 1);
        const QString text = boxes.warningTexts.first();
        QVERIFY2(text.contains(path + QStringLiteral(" is readable by group and others (0644)")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("chmod 600")), qPrintable(text));
    }

    void refusesAForeignFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text file") << QByteArray("Record ID,Email\n1,a@example.com\n");
        QByteArray header("SQLite format 3\0", 16);
        QTest::newRow("truncated sqlite") << header + QByteArray(200, '\x01');
    }

    void refusesAForeignFile()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("contacts.sqlite"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        FakeMessageBoxes boxes;
        FakeFileDialogs dialogs;
        ui::Settings settings(dir.filePath(QStringLiteral("settings.ini")));
        app::Console console({&boxes, &dialogs, &settings});
        QVERIFY(!console.open(path));
        QCOMPARE(boxes.texts.size(), 1);
        QVERIFY2(boxes.texts.first().contains(QStringLiteral("contacts.sqlite")),
                 qPrintable(boxes.texts.first()));
        QVERIFY(!console.window());
    }
};

QTEST_MAIN(TestConsole)
#include "test_console.moc"
