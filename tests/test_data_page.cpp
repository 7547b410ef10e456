#include "AppActions.h"
#include "ConsoleContext.h"
#include "FakeSeams.h"
#include "ImportController.h"
#include "MainWindow.h"
#include "Settings.h"
#include "UiTestStore.h"
#include "models/BatchTableModel.h"
#include "models/QuarantineTableModel.h"
#include "pages/DataPage.h"
#include "pages/InboxPage.h"
#include "pages/LineagePage.h"
#include "widgets/ImportProgress.h"
#include "workers/ThreadedImportRunner.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace baton;
using ui::BatchTableModel;
using ui::PageId;
using ui::QuarantineTableModel;

// The console's main window on a real store, driven as a person would: shortcuts, typing
// into the filter, the Import command (files chosen through the FileDialogs seam) running
// on the worker thread, selecting a batch.
class TestDataPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<UiTestStore> m_store;
    std::unique_ptr<ui::Settings> m_settings;
    std::unique_ptr<FakeFileDialogs> m_dialogs;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_reviewDialogs;
    std::unique_ptr<app::ThreadedImportRunner> m_runner;
    std::unique_ptr<ui::ConsoleContext> m_context;
    std::unique_ptr<ui::MainWindow> m_window;

    template <typename T> T *child(const char *name) const
    {
        T *w = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!w)
            qFatal("no child %s", name);
        return w;
    }
    QTableView *batchTable() const { return child<QTableView>("batchTable"); }
    QTableView *quarantineTable() const { return child<QTableView>("quarantineTable"); }
    QString statusMessage() const { return m_window->statusBar()->currentMessage(); }

    void keyToWindow(Qt::Key key) { QTest::keyClick(m_window.get(), key, Qt::ControlModifier); }

private slots:
    void init()
    {
        m_store = std::make_unique<UiTestStore>();
        // An export from last month (3 of 40 rows bad) and one from a trade show (2 of 5).
        QVERIFY(m_store
                    ->import(QStringLiteral("hubspot-contacts-october.csv"),
                             hubspotCsv(1000, 40, [](int i) { return i % 15 == 4; }))
                    .batchId > 0);
        QVERIFY(m_store
                    ->import(QStringLiteral("tradeshow-leads.csv"),
                             hubspotCsv(7001, 5, [](int i) { return i == 1 || i == 3; }))
                    .batchId > 0);
        m_settings =
            std::make_unique<ui::Settings>(m_store->filePath(QStringLiteral("settings.ini")));
        m_dialogs = std::make_unique<FakeFileDialogs>();
        m_runner =
            std::make_unique<app::ThreadedImportRunner>(m_store->storePath(), m_store->registry);
        m_context = std::make_unique<ui::ConsoleContext>(
            m_store->db, m_store->storePath(), *m_store->registry, m_store->clock, QString(),
            ui::ConsoleSeams{m_messages, m_reviewDialogs, *m_dialogs, *m_settings});
        m_window = std::make_unique<ui::MainWindow>(
            *m_context, ui::MainWindow::Runners{*m_runner, nullptr, nullptr});
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_context.reset();
        m_runner.reset();
        m_dialogs.reset();
        m_settings.reset();
        m_store.reset();
    }

    void frameShowsTheStore()
    {
        // The file's name, or the team database's (not its host or user).
        const QString name = onPostgres() ? QUrl(m_store->storePath()).path().mid(1)
                                          : QStringLiteral("baton.sqlite");
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Baton — %1").arg(name));
        QVERIFY(child<QLabel>("storePath")->text().endsWith(m_store->storePath()));
        QVERIFY(!m_window->windowIcon().isNull());
        QCOMPARE(m_window->currentPage(), PageId::Inbox); // the default page
    }

    void shortcutsSwitchPages()
    {
        keyToWindow(Qt::Key_1);
        QCOMPARE(m_window->currentPage(), PageId::Inbox);
        QVERIFY(m_window->page(PageId::Inbox)->isVisible());
        QCOMPARE(m_window->page(PageId::Inbox), static_cast<QWidget *>(m_window->inboxPage()));
        keyToWindow(Qt::Key_3);
        QCOMPARE(m_window->currentPage(), PageId::Lineage);
        QCOMPARE(m_window->page(PageId::Lineage), static_cast<QWidget *>(m_window->lineagePage()));
        keyToWindow(Qt::Key_9);
        QCOMPARE(m_window->currentPage(), PageId::Settings);
        keyToWindow(Qt::Key_8);
        QCOMPARE(m_window->currentPage(), PageId::Data);
        QVERIFY(m_window->dataPage()->isVisible());
        QVERIFY(m_window->appActions()->goTo(PageId::Data)->isChecked());
    }

    void showsBatchesAndQuarantine()
    {
        keyToWindow(Qt::Key_8);
        QCOMPARE(batchTable()->model()->rowCount(), 2);
        QCOMPARE(quarantineTable()->model()->rowCount(), 5);
        QCOMPARE(batchTable()->model()->index(0, BatchTableModel::FileColumn).data().toString(),
                 QStringLiteral("tradeshow-leads.csv"));
    }

    void filterNarrowsBothTables()
    {
        keyToWindow(Qt::Key_8);
        auto *filter = child<QLineEdit>("filterEdit");
        QCOMPARE(filter->placeholderText(), QStringLiteral("Filter…"));
        QTest::keyClicks(filter, QStringLiteral("tradeshow"));
        QTRY_COMPARE(quarantineTable()->model()->rowCount(), 2);
        QCOMPARE(batchTable()->model()->rowCount(), 1);
        filter->clear();
        QTRY_COMPARE(quarantineTable()->model()->rowCount(), 5);
        QCOMPARE(batchTable()->model()->rowCount(), 2);
        // Whatever the case typed, on either engine.
        QTest::keyClicks(filter, QStringLiteral("TradeShow"));
        QTRY_COMPARE(quarantineTable()->model()->rowCount(), 2);
        QCOMPARE(batchTable()->model()->rowCount(), 1);
        filter->clear();
        QTRY_COMPARE(quarantineTable()->model()->rowCount(), 5);
    }

    void selectingABatchNarrowsQuarantine()
    {
        keyToWindow(Qt::Key_8);
        auto *showAll = child<QPushButton>("showAllQuarantine");
        QVERIFY(!showAll->isEnabled());
        batchTable()->selectRow(1); // the October export
        QCOMPARE(quarantineTable()->model()->rowCount(), 3);
        QVERIFY(showAll->isEnabled());
        quarantineTable()->selectRow(0);
        const QString detail = child<QPlainTextEdit>("quarantineDetailText")->toPlainText();
        QVERIFY2(detail.contains(QStringLiteral("ana.ruiz1004(at)example")), qPrintable(detail));
        QTest::mouseClick(showAll, Qt::LeftButton);
        QCOMPARE(quarantineTable()->model()->rowCount(), 5);
        QVERIFY(batchTable()->selectionModel()->selectedRows().isEmpty());
        QVERIFY(!showAll->isEnabled());
    }

    void importRunsInTheBackground()
    {
        keyToWindow(Qt::Key_1); // the import brings the Data page forward
        m_dialogs->next = {m_store->write(QStringLiteral("webinar-attendees.csv"),
                                          hubspotCsv(8001, 6, [](int i) { return i == 2; }))};
        QSignalSpy progress(m_runner.get(), &ui::ImportRunner::progress);
        QSignalSpy finished(m_runner.get(), &ui::ImportRunner::finished);
        keyToWindow(Qt::Key_I);
        QCOMPARE(m_dialogs->calls, 1);
        QCOMPARE(m_window->currentPage(), PageId::Data);
        QVERIFY(m_runner->isRunning());
        QVERIFY(!m_window->appActions()->importFiles()->isEnabled());
        QVERIFY(child<ui::ImportProgress>("importProgress")->isVisible());

        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QTRY_COMPARE(batchTable()->model()->rowCount(), 3);
        QCOMPARE(quarantineTable()->model()->rowCount(), 6);
        QCOMPARE(statusMessage(),
                 QStringLiteral("Imported webinar-attendees.csv: 5 accepted, 1 quarantined"));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
        QVERIFY(!child<ui::ImportProgress>("importProgress")->isVisible());
        QVERIFY(m_window->appActions()->importFiles()->isEnabled());

        // The new batch is on top; selecting it shows its one quarantined record.
        batchTable()->selectRow(0);
        QCOMPARE(quarantineTable()->model()->rowCount(), 1);
        QCOMPARE(quarantineTable()
                     ->model()
                     ->index(0, QuarantineTableModel::FileColumn)
                     .data()
                     .toString(),
                 QStringLiteral("webinar-attendees.csv"));

        // The same file again is recognised and skipped.
        keyToWindow(Qt::Key_I);
        QTRY_COMPARE(finished.count(), 2);
        QTRY_VERIFY(statusMessage().contains(QStringLiteral("was imported before")));
        QCOMPARE(batchTable()->model()->rowCount(), 3);
        // ... and the quarantine is still narrowed to the selected batch.
        QCOMPARE(quarantineTable()->model()->rowCount(), 1);
    }

    void uiStaysResponsiveDuringImport()
    {
        m_dialogs->next = {
            m_store->write(QStringLiteral("hubspot-all-contacts.csv"),
                           hubspotCsv(100000, 20000, [](int i) { return i % 500 == 0; }))};
        QSignalSpy finished(m_runner.get(), &ui::ImportRunner::finished);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(5);
        m_window->appActions()->importFiles()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        timer.stop();
        QVERIFY2(ticks > 2, qPrintable(QStringLiteral("%1 ticks").arg(ticks)));
        QCOMPARE(statusMessage(),
                 QStringLiteral("Imported hubspot-all-contacts.csv: %1 accepted, 40 "
                                "quarantined")
                     .arg(QLocale().toString(19960)));
    }

    void cancelStopsTheRun()
    {
        // Large enough that the click lands while the worker is still reading it.
        m_dialogs->next = {
            m_store->write(QStringLiteral("hubspot-all-contacts.csv"), hubspotCsv(100000, 50000))};
        QSignalSpy finished(m_runner.get(), &ui::ImportRunner::finished);
        m_window->appActions()->importFiles()->trigger();
        QTest::mouseClick(child<QPushButton>("cancelImport"), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY2(statusMessage().contains(QStringLiteral("cancelled")),
                 qPrintable(statusMessage()));
        QVERIFY(m_window->appActions()->importFiles()->isEnabled());
    }

    // With BATON_SCREENSHOT=<file.png> set, saves a picture of the Data page with some data.
    void screenshot()
    {
        const QString path = qEnvironmentVariable("BATON_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set BATON_SCREENSHOT=<file.png> to save a screenshot");
        m_store->import(QStringLiteral("marketo-activities-nov.csv"), "Name,Comment\nfoo,bar\n");
        m_store->import(QStringLiteral("hubspot-contacts-november.csv"),
                        hubspotCsv(20000, 1200, [](int i) { return i % 97 == 5; }));
        m_window->resize(1440, 860);
        keyToWindow(Qt::Key_8);
        m_window->dataPage()->refresh();
        auto *batches = batchTable();
        batches->resizeColumnsToContents();
        quarantineTable()->resizeColumnsToContents();
        quarantineTable()->selectRow(0);
        m_window->statusBar()->showMessage(QStringLiteral(
            "Imported hubspot-contacts-november.csv: 1,187 accepted, 13 quarantined"));
        QTest::qWait(50);
        QVERIFY(m_window->grab().save(path));
    }

    void closingRemembersGeometry()
    {
        keyToWindow(Qt::Key_3);
        m_window->close();
        QVERIFY(!m_settings->windowGeometry().isEmpty());
        QCOMPARE(m_settings->lastPage(), int(PageId::Lineage));
    }
};

QTEST_MAIN(TestDataPage)
#include "test_data_page.moc"
