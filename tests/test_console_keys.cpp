#include "ApprovedStore.h"
#include "FakeSeams.h"
#include "MainWindow.h"
#include "TestContexts.h"
#include "models/InboxTableModel.h"
#include "models/OutboxTableModel.h"
#include "pages/InboxPage.h"
#include "pages/OutboxPage.h"
#include "widgets/BriefView.h"
#include "widgets/NavigationList.h"
#include "workers/ThreadedImportRunner.h"
#include "workers/ThreadedPushRunner.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// The console as a person meets it in its window, by keyboard: what they see at the size
// the README's screenshots are taken at, and keys that work from the moment it opens.
class TestConsoleKeys : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::unique_ptr<BriefedStores> m_stores;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};
    std::unique_ptr<app::ThreadedImportRunner> m_imports;
    std::unique_ptr<ui::MainWindow> m_window;

    ui::MainWindow &window(store::Database &db, const QString &user)
    {
        auto &context = m_contexts.make(db, m_registry, user);
        m_imports = std::make_unique<app::ThreadedImportRunner>(
            context.storePath(), std::make_shared<const contracts::ContractRegistry>(
                                     contracts::ContractRegistry::builtIn()));
        m_window = std::make_unique<ui::MainWindow>(
            context, ui::MainWindow::Runners{*m_imports, nullptr, nullptr});
        m_window->resize(1280, 800);
        m_window->showPage(ui::PageId::Inbox);
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        if (!QTest::qWaitForWindowActive(m_window.get()))
            qWarning("the window did not become active");
        return *m_window;
    }

private slots:
    void initTestCase()
    {
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 400, 21);
    }

    void init() { m_messages.texts.clear(); }

    void cleanup()
    {
        m_window.reset();
        m_imports.reset();
        m_contexts.clear();
    }

    // J, K and A work as soon as the Inbox is in front of the person, wherever the focus
    // is in the window (the navigation, after Ctrl+1 or a click there): they did nothing
    // until the list had been clicked.
    void reviewKeysWorkBeforeTheListIsClicked()
    {
        auto db = store::openStore(m_stores->fresh());
        auto &w = window(db, QStringLiteral("lena.fischer@baton.example"));
        ui::InboxPage *inbox = w.inboxPage();
        QTRY_VERIFY(inbox->briefView()->briefId() > 0);
        auto *navigation = w.findChild<ui::NavigationList *>();
        QVERIFY(navigation);
        navigation->setFocus();
        QTRY_VERIFY(navigation->hasFocus());
        const qint64 first = inbox->briefView()->briefId();

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QTRY_VERIFY(inbox->briefView()->briefId() != first);
        QCOMPARE(w.currentPage(), ui::PageId::Inbox); // J moved in the list, not the navigation
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_K);
        QTRY_COMPARE(inbox->briefView()->briefId(), first);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(scalar(db, "SELECT status = 'approved' FROM briefs WHERE id = " +
                                std::to_string(first)),
                 1);

        // Only the page in front answers: the Escalations page's A is not the Inbox's.
        w.showPage(ui::PageId::Outbox);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_J);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_A);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'approved'"), 1);
    }

    // At 1280x800, the size the README shows, every column of the inbox is on screen: SLA,
    // Status and Owner were past the right edge of the list.
    void everyInboxColumnIsOnScreenAt1280x800()
    {
        auto db = store::openStore(m_stores->fresh());
        auto &w = window(db, QStringLiteral("dana.okoro@baton.example")); // sees every owner
        ui::InboxPage *inbox = w.inboxPage();
        QTRY_VERIFY(inbox->model()->rowCount() > 0);
        QTest::qWait(50);
        QTableView *table = inbox->table();
        const int visible = table->viewport()->width();
        QHeaderView *header = table->horizontalHeader();
        for (int c = 0; c < ui::InboxTableModel::ColumnCount; ++c) {
            const QString name = inbox->model()->headerData(c, Qt::Horizontal).toString();
            QVERIFY2(
                header->sectionViewportPosition(c) + header->sectionSize(c) <= visible,
                qPrintable(QStringLiteral("%1 ends at %2 of %3")
                               .arg(name)
                               .arg(header->sectionViewportPosition(c) + header->sectionSize(c))
                               .arg(visible)));
            QVERIFY2(header->sectionSize(c) >= 30, qPrintable(name));
        }
        // The brief beside the list keeps room to be read.
        QVERIFY(inbox->briefView()->width() >= 420);
    }

    // A push that cannot run says why in full on the Outbox page, and the operations it
    // could not send carry that reason as their last error: it showed only cut off in the
    // status bar while every row's "Last error" stayed empty.
    void aPushThatCannotRunSaysWhyOnThePageAndOnItsOperations()
    {
        const auto path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        QVERIFY(approveAll(db, m_registry) > 0);
        qunsetenv("BATON_HUBSPOT_TOKEN");
        {
            ui::Settings settings;
            settings.setHubSpotUrl(QStringLiteral("http://127.0.0.1:9"));
            settings.sync();
        }
        app::ThreadedPushRunner runner(QString::fromStdString(path));
        ui::OutboxPage page(
            m_contexts.make(db, m_registry, QStringLiteral("priya.natarajan@baton.example")));
        page.setPushRunner(&runner);
        page.resize(1200, 700);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        QSignalSpy finished(&runner, &ui::PushRunner::finished);
        QTest::keyClick(page.table(), Qt::Key_P);
        QVERIFY(finished.wait(20000));
        const auto outcome = finished.at(0).at(0).value<ui::PushOutcome>();
        QVERIFY(outcome.error.contains(QStringLiteral("no HubSpot token")));

        auto *problem = page.findChild<QLabel *>(QStringLiteral("pushProblem"));
        QVERIFY(problem);
        QVERIFY(problem->isVisible());
        QVERIFY(problem->wordWrap());
        QVERIFY(problem->text().contains(outcome.error));
        QTRY_VERIFY(page.model()->rowCount() > 0);
        const QString lastError =
            page.model()->index(0, ui::OutboxTableModel::ErrorColumn).data().toString();
        QVERIFY2(lastError.contains(QStringLiteral("no HubSpot token")), qPrintable(lastError));
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE attempts > 0"), 0);

        ui::Settings().setHubSpotUrl(QString());
    }
};

QTEST_MAIN(TestConsoleKeys)
#include "test_console_keys.moc"
