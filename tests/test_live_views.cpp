#include "ApprovedStore.h"
#include "ConsoleContext.h"
#include "FakeSeams.h"
#include "MainWindow.h"
#include "Settings.h"
#include "StoreWatcher.h"
#include "TestContexts.h"
#include "adapters/FileSecretStore.h"
#include "cli/Command.h"
#include "models/InboxTableModel.h"
#include "models/OutboxTableModel.h"
#include "pages/InboxPage.h"
#include "pages/OutboxPage.h"
#include "pages/SettingsPage.h"
#include "sandbox/CrmSandbox.h"
#include "store/ChangeProbe.h"
#include "widgets/BriefView.h"
#include "widgets/NavigationList.h"
#include "workers/ThreadedCrmConnection.h"
#include "workers/ThreadedImportRunner.h"
#include "workers/ThreadedPushRunner.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// Views that stay current: what another process does to the store (the CLI approving, a
// run writing briefs, a push) shows in the open console within two seconds, where the
// person was; F5 reads every page again; a brief routed to the acting user is announced and
// counted; the CRM's credentials are kept and tried from Settings.
class TestLiveViews : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::unique_ptr<BriefedStores> m_stores;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    FakeNotifier m_notifier;
    TestContexts m_contexts{m_messages, m_dialogs};
    std::shared_ptr<const contracts::ContractRegistry> m_shared =
        std::make_shared<const contracts::ContractRegistry>(contracts::ContractRegistry::builtIn());

    struct Window
    {
        std::unique_ptr<app::ThreadedImportRunner> imports;
        std::unique_ptr<ui::MainWindow> window;
    };

    Window window(store::Database &db, const QString &user, ui::PageId page)
    {
        Window w;
        auto &context = m_contexts.make(db, m_registry, user);
        w.imports = std::make_unique<app::ThreadedImportRunner>(
            QString::fromStdString(db.path().string()), m_shared);
        w.window = std::make_unique<ui::MainWindow>(
            context, ui::MainWindow::Runners{*w.imports, nullptr, nullptr});
        w.window->resize(1280, 800);
        w.window->show();
        QApplication::setActiveWindow(w.window.get());
        if (!QTest::qWaitForWindowActive(w.window.get()))
            qWarning("the window did not become active");
        w.window->showPage(page);
        if (auto *inbox = qobject_cast<ui::InboxPage *>(w.window->page(page)))
            inbox->table()->setFocus();
        return w;
    }

    // What the CLI does: its own connection, its own process's view of the store.
    static void approveElsewhere(const std::string &path, std::int64_t id, const char *as)
    {
        auto cli = store::openStore(testStoreLocation(path));
        const SystemClock clock;
        const auto registry = contracts::ContractRegistry::builtIn();
        review::ReviewService service(cli, registry, clock);
        service.approve(service.actor(as, "cli-user"), id, service.brief(id).version);
    }

    static void showAll(ui::InboxPage *inbox)
    {
        auto *status = inbox->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("all")));
        QTRY_VERIFY(!inbox->model()->isLoading());
        inbox->table()->setFocus();
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        qunsetenv("BATON_HUBSPOT_TOKEN");
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 400, 21);
        m_contexts.setNotifier(&m_notifier);
    }

    void init()
    {
        m_messages.texts.clear();
        m_notifier.texts.clear();
        m_dialogs = FakeReviewDialogs();
    }

    void cleanup() { m_contexts.clear(); }

    // The probe: one area per kind of change, nothing when nothing was committed, and a
    // commit on another connection seen from this one.
    void theProbeSaysWhichAreasChanged()
    {
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        store::ChangeProbe probe(db);
        QVERIFY(probe.poll().all()); // the first look: everything is news
        QVERIFY(probe.poll().none());
        const auto id = scalar(db, "SELECT min(id) FROM briefs WHERE status = 'pending_review'");
        const auto owner = [&] {
            auto st = db.prepare("SELECT owner FROM briefs WHERE id = " + std::to_string(id));
            st.step();
            return st.textAt(0);
        }();
        approveElsewhere(path, id, owner.c_str());
        // A team database's notifications arrive on the socket a moment after the commit.
        auto changed = probe.poll();
        store::StoreAreas want;
        for (const auto area :
             {store::StoreArea::Briefs, store::StoreArea::Audit, store::StoreArea::Outbox})
            want.set(store::areaBit(area));
        QElapsedTimer waited;
        waited.start();
        while ((changed & want) != want && waited.elapsed() < 5000) {
            QTest::qWait(20);
            changed |= probe.poll();
        }
        QVERIFY(changed.test(store::areaBit(store::StoreArea::Briefs)));
        QVERIFY(changed.test(store::areaBit(store::StoreArea::Audit)));
        QVERIFY(changed.test(store::areaBit(store::StoreArea::Outbox)));
        QVERIFY(!changed.test(store::areaBit(store::StoreArea::Ingest)));
        QVERIFY(!changed.test(store::areaBit(store::StoreArea::Runs)));
        QVERIFY(probe.poll().none());
    }

    // A brief approved from the CLI: the row says Approved within two seconds, on the brief
    // that was selected, the pane agrees, the list has not scrolled, and A no longer offers
    // an approval that would fail with "changed since you opened it".
    void anApprovalFromTheCliShowsInTheListWithTheSelectionKept()
    {
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        auto w = window(db, QStringLiteral("dana.okoro@baton.example"), ui::PageId::Inbox);
        auto *inbox = w.window->inboxPage();
        QAbstractItemModelTester tester(inbox->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        w.window->resize(1280, 420);
        showAll(inbox);
        // Down the list, past a screenful, to a brief still to review: the view scrolls.
        int row = 0;
        for (;
             row < 15 || inbox->model()->briefAt(row)->status != review::BriefStatus::PendingReview;
             ++row)
            QTest::keyClick(inbox->table(), Qt::Key_Down);
        QCOMPARE(inbox->table()->currentIndex().row(), row);
        const auto *brief = inbox->model()->briefAt(row);
        QVERIFY(brief);
        const qint64 id = brief->id;
        QCOMPARE(brief->status, review::BriefStatus::PendingReview);
        const std::string owner = brief->owner;
        const int scroll = inbox->table()->verticalScrollBar()->value();
        QVERIFY(scroll > 0);
        QCOMPARE(inbox->briefView()->briefId(), id);

        QElapsedTimer seen;
        seen.start();
        approveElsewhere(path, id, owner.c_str());
        const auto statusOf = [&] {
            const QModelIndex at = inbox->table()->currentIndex();
            return at.siblingAtColumn(ui::InboxTableModel::StatusColumn).data().toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(
            inbox->table()->currentIndex().data(ui::InboxTableModel::StatusRole).toString(),
            QStringLiteral("approved"), 2000);
        qInfo("seen on screen after %lld ms", seen.elapsed());
        QCOMPARE(inbox->table()->currentIndex().data(ui::InboxTableModel::BriefIdRole).toLongLong(),
                 id);
        QCOMPARE(inbox->table()->currentIndex().row(), row);
        QVERIFY(statusOf() != QStringLiteral("To review"));
        QCOMPARE(inbox->table()->verticalScrollBar()->value(), scroll);
        QCOMPARE(inbox->briefView()->briefId(), id);
        // Nothing to approve any more: the key does nothing and says nothing.
        QVERIFY(!inbox->action("approve")->isEnabled());
        QTest::keyClick(inbox->table(), Qt::Key_A);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
    }

    // A rep's queue shows only what is theirs to review: the brief approved elsewhere leaves
    // it and the next takes its place in the list and the pane.
    void aBriefApprovedElsewhereLeavesTheRepsQueue()
    {
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        auto w = window(db, QStringLiteral("lena.fischer@baton.example"), ui::PageId::Inbox);
        auto *inbox = w.window->inboxPage();
        QVERIFY(inbox->model()->rowCount() >= 3);
        QTest::keyClick(inbox->table(), Qt::Key_J);
        const qint64 id = inbox->briefView()->briefId();
        const qint64 next = inbox->model()->briefAt(2)->id;
        approveElsewhere(path, id, "lena.fischer@baton.example");
        QTRY_COMPARE_WITH_TIMEOUT(inbox->model()->rowOfBrief(id), -1, 2000);
        QCOMPARE(inbox->table()->currentIndex().row(), 1);
        QCOMPARE(inbox->briefView()->briefId(), next);
    }

    // F5 reads the page shown again at once, not only the Data page, and every other page
    // when it is next shown.
    void f5RefreshesThePageShownAndTheOthersWhenShown()
    {
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        auto w = window(db, QStringLiteral("dana.okoro@baton.example"), ui::PageId::Inbox);
        w.window->storeWatcher()->setInterval(24 * 3600 * 1000); // F5 alone
        auto *inbox = w.window->inboxPage();
        showAll(inbox);
        int row = 0;
        while (inbox->model()->briefAt(row)->status != review::BriefStatus::PendingReview)
            ++row;
        inbox->selectRow(row);
        const qint64 id = inbox->briefView()->briefId();
        const auto *brief = inbox->model()->briefAt(row);
        approveElsewhere(path, id, brief->owner.c_str());
        QTest::qWait(600);
        QCOMPARE(inbox->table()->currentIndex().data(ui::InboxTableModel::StatusRole).toString(),
                 QStringLiteral("pending_review")); // nobody looked
        QTest::keyClick(w.window.get(), Qt::Key_F5);
        QTRY_COMPARE(
            inbox->table()->currentIndex().data(ui::InboxTableModel::StatusRole).toString(),
            QStringLiteral("approved"));
        QCOMPARE(inbox->briefView()->briefId(), id);

        // The escalations page was built before the approval and not shown since.
        auto *escalations = w.window->escalationsPage();
        const qint64 before = escalations->model()->totalCount();
        {
            auto cli = store::openStore(testStoreLocation(path));
            cli.exec("UPDATE briefs SET status = 'escalated' WHERE id IN (SELECT id FROM briefs "
                     "WHERE status = 'pending_review' LIMIT 2)");
        }
        QTest::keyClick(w.window.get(), Qt::Key_F5);
        QTest::keyClick(w.window.get(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(w.window->currentPage(), ui::PageId::Escalations);
        QTRY_COMPARE(escalations->model()->totalCount(), before + 2);
    }

    // A brief a run routes to the acting rep: a desktop notification and the count beside
    // Inbox in the navigation; one approved by the rep takes the count down again.
    void aNewBriefForMeIsAnnouncedAndCounted()
    {
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        const std::string lena = "lena.fischer@baton.example";
        const auto waiting = scalar(db, "SELECT count(*) FROM briefs WHERE owner = '" + lena +
                                            "' AND status = 'pending_review'");
        QVERIFY(waiting > 0);
        auto w = window(db, QString::fromStdString(lena), ui::PageId::Inbox);
        auto *nav = w.window->navigation();
        const auto inboxText = [&] { return nav->item(int(ui::PageId::Inbox))->text(); };
        QCOMPARE(inboxText(), QStringLiteral("Inbox (%1)").arg(waiting));
        QVERIFY(m_notifier.texts.isEmpty()); // what was there is counted, not announced

        {
            auto run = store::openStore(testStoreLocation(path)); // as `baton run` writes a brief
            run.exec("INSERT INTO briefs (lead_id, run_id, fingerprint, status, version, owner, "
                     "sla_due, score, grid, escalation_reasons, brief, inputs, created_at, "
                     "lead_name, company) SELECT lead_id, run_id, fingerprint || '-new', "
                     "'pending_review', 1, '" +
                     lena +
                     "', sla_due, score, grid, '[]', brief, inputs, created_at, lead_name, "
                     "company FROM briefs WHERE owner = '" +
                     lena + "' AND status = 'pending_review' LIMIT 1");
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_notifier.texts.size(), 1, 2000);
        QVERIFY2(m_notifier.texts.first().contains(QStringLiteral("1 new brief")),
                 qPrintable(m_notifier.texts.first()));
        QCOMPARE(inboxText(), QStringLiteral("Inbox (%1)").arg(waiting + 1));
        // The list shows it too, without F5.
        QTRY_COMPARE(inbox(w)->model()->totalCount(), waiting + 1);

        QTest::keyClick(inbox(w)->table(), Qt::Key_A);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QTRY_COMPARE(inboxText(), QStringLiteral("Inbox (%1)").arg(waiting));
        QCOMPARE(m_notifier.texts.size(), 1); // approving is no arrival
    }

    // Settings keeps a CRM token where `baton secret set` would and tries the CRM with it: the
    // built-in sandbox answers, a dead port does not, and both say so plainly. The URL
    // applies to the next push at once.
    void settingsTestTheCrmConnection()
    {
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        app::ThreadedCrmConnection crm(
            std::make_unique<app::FileSecretStore>(app::FileSecretStore::defaultPath()));
        m_contexts.setCrmConnection(&crm);
        const std::string path = m_stores->fresh();
        auto db = store::openStore(testStoreLocation(path));
        ui::Settings settings(m_dir.filePath(QStringLiteral("crm.ini")));
        auto &context = m_contexts.make(db, m_registry, QStringLiteral("dana.okoro@baton.example"),
                                        nullptr, &settings);
        m_contexts.setCrmConnection(nullptr);
        app::ThreadedPushRunner push(QString::fromStdString(path), &settings);
        QVERIFY(push.target().isEmpty());

        ui::SettingsPage page(context);
        page.resize(900, 700);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *url = page.findChild<QLineEdit *>(QStringLiteral("hubSpotUrl"));
        auto *token = page.findChild<QLineEdit *>(QStringLiteral("hubSpotToken"));
        auto *keep = page.findChild<QPushButton *>(QStringLiteral("keepCredentials"));
        auto *test = page.findChild<QPushButton *>(QStringLiteral("testConnection"));
        QVERIFY(url && token && keep && test);
        QCOMPARE(token->echoMode(), QLineEdit::Password);

        token->setFocus();
        QTest::keyClicks(token, QStringLiteral("pat-sandbox-1"));
        keep->setFocus();
        QTest::keyClick(keep, Qt::Key_Space);
        QVERIFY2(page.crmStatus()->text().contains(QStringLiteral("hubspot-token kept")),
                 qPrintable(page.crmStatus()->text()));
        QVERIFY(token->text().isEmpty());

        // The team database's password goes to the same place, under its own name.
        auto *teamPassword = page.findChild<QLineEdit *>(QStringLiteral("teamDatabasePassword"));
        QVERIFY(teamPassword);
        QCOMPARE(teamPassword->echoMode(), QLineEdit::Password);
        teamPassword->setFocus();
        QTest::keyClicks(teamPassword, QStringLiteral("team-pass-9"));
        QTest::keyClick(teamPassword, Qt::Key_Return);
        QVERIFY(teamPassword->text().isEmpty());
        auto *teamStatus = page.findChild<QLabel *>(QStringLiteral("teamDatabaseStatus"));
        QVERIFY2(teamStatus->text().contains(QStringLiteral("password is kept in")),
                 qPrintable(teamStatus->text()));
        std::string error;
        QCOMPARE(app::FileSecretStore(app::FileSecretStore::defaultPath())
                     .read("team-database", error)
                     .value_or(""),
                 std::string("team-pass-9"));

        url->setFocus();
        QTest::keyClicks(url, sandbox.baseUrl());
        QTest::keyClick(url, Qt::Key_Tab); // editing ends: saved, and the next push uses it
        QVERIFY2(push.target().contains(sandbox.baseUrl()), qPrintable(push.target()));
        test->setFocus();
        QTest::keyClick(test, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(page.crmStatus()->text().startsWith(QStringLiteral("✔")), 10000);
        QVERIFY2(page.crmStatus()->text().contains(QStringLiteral("Connected to HubSpot")),
                 qPrintable(page.crmStatus()->text()));
        QVERIFY(sandbox.counts().requests >= 1);

        url->setFocus();
        url->selectAll();
        QTest::keyClicks(url, QStringLiteral("http://127.0.0.1:1"));
        QTest::keyClick(url, Qt::Key_Tab);
        test->setFocus();
        QTest::keyClick(test, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(page.crmStatus()->text().startsWith(QStringLiteral("✘")), 20000);
        QVERIFY2(page.crmStatus()->text().contains(QStringLiteral("Could not connect to HubSpot at "
                                                                  "http://127.0.0.1:1")),
                 qPrintable(page.crmStatus()->text()));
        QVERIFY2(page.crmStatus()->text().contains(QStringLiteral("no answer")),
                 qPrintable(page.crmStatus()->text()));
    }

    // Settings' team database: typed, kept for the next start, and the console opens it then
    // unless --store or BATON_STORE say otherwise; an address with a password is not kept.
    void theTeamDatabaseIsChosenInSettings()
    {
        auto db = store::openStore(m_stores->fresh());
        ui::Settings settings; // the person's own: the launch reads them
        settings.setTeamDatabase({});
        auto &context = m_contexts.make(db, m_registry, QStringLiteral("dana.okoro@baton.example"),
                                        nullptr, &settings);
        ui::SettingsPage page(context);
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *team = page.findChild<QLineEdit *>(QStringLiteral("teamDatabase"));
        auto *status = page.findChild<QLabel *>(QStringLiteral("teamDatabaseStatus"));
        QVERIFY(team && status);

        team->setFocus();
        QTest::keyClicks(team, QStringLiteral("postgresql://sam:secret@db.example.com/baton"));
        QTest::keyClick(team, Qt::Key_Tab);
        QVERIFY2(status->text().contains(QStringLiteral("~/.pgpass")), qPrintable(status->text()));
        QVERIFY(settings.teamDatabase().isEmpty());

        const QString uri =
            QStringLiteral("postgresql://sam@db.example.com/baton?sslmode=verify-full");
        team->setFocus();
        team->selectAll();
        QTest::keyClicks(team, uri);
        QTest::keyClick(team, Qt::Key_Tab);
        QCOMPARE(settings.teamDatabase(), uri);

        QString out, err;
        QTextStream o(&out), e(&err);
        app::ConsoleLaunch launch;
        qunsetenv("BATON_STORE");
        QCOMPARE(app::runCommandLine({}, o, e, &launch), app::kNoCommand);
        QCOMPARE(launch.storePath, uri);
        QCOMPARE(app::runCommandLine({QStringLiteral("--store"), QStringLiteral("/tmp/x.sqlite")},
                                     o, e, &launch),
                 app::kNoCommand);
        QCOMPARE(launch.storePath, QStringLiteral("/tmp/x.sqlite"));
        settings.setTeamDatabase({});
    }

private:
    static ui::InboxPage *inbox(const Window &w) { return w.window->inboxPage(); }
};

QTEST_MAIN(TestLiveViews)
#include "test_live_views.moc"
