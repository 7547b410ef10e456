#include "TestStoreLocation.h"
#include "FakeSeams.h"

#include "ConsoleContext.h"
#include "MainWindow.h"
#include "Settings.h"
#include "cli/Command.h"
#include "console/Console.h"
#include "pages/InboxPage.h"
#include "models/InboxTableModel.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QComboBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace baton;

// `baton demo` builds a demo that has lived: four weeks of scheduled runs, reviews by the demo
// team, pushes to the CRM sandbox and outcomes read back, all dated before the moment --now
// names; and the console opens on it as the demo's rep, on the Inbox, with a queue.
class TestDemoHistory : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const QString m_now = QStringLiteral("2026-11-20T12:00:00Z");
    // The file, or its own database on PostgreSQL (TestStoreLocation.h).
    QString store() const
    {
        return QString::fromStdString(
            testStoreLocation(m_dir.filePath(QStringLiteral("demo.sqlite")).toStdString()));
    }

    struct Run
    {
        int code = 0;
        QString out, err;
    };
    Run baton(const QStringList &arguments)
    {
        Run r;
        QTextStream out(&r.out), err(&r.err);
        r.code = app::runCommandLine(
            QStringList{QStringLiteral("--now"), m_now, QStringLiteral("--store"), store()} +
                arguments,
            out, err, nullptr);
        out.flush();
        err.flush();
        return r;
    }

    std::int64_t scalar(const std::string &sql)
    {
        auto db = store::openStore(store().toStdString());
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }
    std::string text(const std::string &sql)
    {
        auto db = store::openStore(store().toStdString());
        auto st = db.prepare(sql);
        return st.step() ? st.textAt(0) : std::string();
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        const Run demo = baton({QStringLiteral("demo"), QStringLiteral("--dir"),
                                m_dir.filePath(QStringLiteral("demo-data")), QStringLiteral("--leads"),
                                QStringLiteral("2000"), QStringLiteral("--seed"),
                                QStringLiteral("42"), QStringLiteral("--days"),
                                QStringLiteral("28")});
        QVERIFY2(demo.code == 0, qPrintable(demo.out + demo.err));
        QVERIFY2(demo.out.contains(QStringLiteral("demo: lived 28 days")), qPrintable(demo.out));
    }

    void briefsWentThroughEveryState()
    {
        for (const char *status : {"pending_review", "escalated", "resolved", "pushed"}) {
            const auto n = scalar(std::string("SELECT count(*) FROM briefs WHERE status = '") +
                                  status + "'");
            QVERIFY2(n > 0, status);
        }
        QVERIFY(scalar("SELECT count(*) FROM review_actions WHERE action = 'edit'") > 0);
        QVERIFY(scalar("SELECT count(*) FROM review_actions WHERE action = 'resolve'") > 0);
    }

    // Runs, briefs and the audit record are spread over the days, none after --now.
    void historyIsDatedOverTheDaysUpToNow()
    {
        QVERIFY(scalar("SELECT count(DISTINCT substr(created_at, 1, 10)) FROM briefs") > 7);
        QVERIFY(scalar("SELECT count(*) FROM pipeline_runs WHERE trigger = 'schedule'") == 29);
        QVERIFY(scalar("SELECT count(DISTINCT substr(at, 1, 10)) FROM audit_log") > 7);
        const std::string now = m_now.toStdString();
        QVERIFY(text("SELECT max(created_at) FROM briefs") < now);
        // The files themselves are imported at --now, after which the weeks are replayed.
        QVERIFY(text("SELECT max(at) FROM audit_log WHERE action <> 'import'") < now);
        QVERIFY(text("SELECT min(created_at) FROM briefs") < "2026-11-07");
    }

    // A brief never cites an event that came after it was written.
    void noBriefRestsOnALaterEvent()
    {
        QCOMPARE(scalar("SELECT count(*) FROM briefs b JOIN leads l ON l.id = b.lead_id JOIN "
                        "lead_identities li ON li.lead_id = l.id JOIN events e ON e.lead_system "
                        "= li.source_system AND e.lead_ref = li.source_id WHERE e.occurred_at > "
                        "b.created_at AND instr(b.brief, '\"event#' || e.id || '\"') > 0"),
                 std::int64_t(0));
    }

    void auditChainVerifies()
    {
        const Run verify =
            baton({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--as"),
                   QStringLiteral("Dana Okoro")});
        QVERIFY2(verify.code == 0, qPrintable(verify.out + verify.err));
    }

    void approvedBriefsReachedTheSandboxAndOutcomesCameBack()
    {
        QVERIFY(scalar("SELECT count(*) FROM outbox WHERE status = 'done'") > 10);
        QCOMPARE(scalar("SELECT count(*) FROM outbox WHERE status IN ('pending', 'failed')"),
                 std::int64_t(0));
        QVERIFY(scalar("SELECT count(*) FROM crm_outcomes") > 0);
        QVERIFY(scalar("SELECT count(*) FROM crm_outcomes WHERE opportunity_seen_at IS NOT NULL") >
                0);
    }

    void theDefaultRepHasARealisticQueue()
    {
        const auto queue = scalar(std::string("SELECT count(*) FROM briefs WHERE status = "
                                              "'pending_review' AND owner = '") +
                                  pipeline::kDemoDefaultRep + "'");
        QVERIFY2(queue >= 10 && queue <= 40, std::to_string(queue).c_str());
        QVERIFY(scalar(std::string("SELECT count(DISTINCT grid) FROM briefs WHERE status = "
                                   "'pending_review' AND owner = '") +
                       pipeline::kDemoDefaultRep + "'") > 1);
    }

    // No page saved, nobody chosen: the demo's rep, on the Inbox, named in the title with the
    // role and the store; choosing someone else in Settings (keys only) renames the window.
    void consoleOpensOnTheRepsInbox()
    {
        FakeMessageBoxes boxes;
        FakeFileDialogs dialogs;
        ui::Settings settings(m_dir.filePath(QStringLiteral("console.ini")));
        const FixedClock clock(*util::parseRfc3339(m_now.toStdString()));
        app::Console::Seams seams;
        seams.messageBoxes = &boxes;
        seams.fileDialogs = &dialogs;
        seams.settings = &settings;
        seams.clock = &clock;
        app::Console console(seams);
        QVERIFY(console.open(store()));
        ui::MainWindow *window = console.window();
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->currentPage(), ui::PageId::Inbox);
        QCOMPARE(window->windowTitle(), QStringLiteral("Baton — Sam Patel (Rep) — demo store"));
        auto *inbox = window->inboxPage();
        QTRY_VERIFY(inbox->model()->rowCount() >= 10);
        QVERIFY(inbox->model()->rowCount() <= 40);

        window->showPage(ui::PageId::Settings); // the shortcuts are test_data_page's
        QCOMPARE(window->currentPage(), ui::PageId::Settings);
        auto *user = window->findChild<QComboBox *>(QStringLiteral("userProfile"));
        QVERIFY(user);
        user->setFocus();
        QTest::keyClick(user, Qt::Key_Up); // reps by email: Maya, the queue, Sam
        QTest::keyClick(user, Qt::Key_Up);
        QCOMPARE(window->windowTitle(), QStringLiteral("Baton — Maya Chen (Rep) — demo store"));
        QTest::keyClick(user, Qt::Key_Home); // nobody
        // The store by its name: the file's, or the team database's (not its host or user).
        const QString name = onPostgres() ? QUrl(store()).path().mid(1) : QStringLiteral("demo.sqlite");
        QCOMPARE(window->windowTitle(),
                 QStringLiteral("Baton — %1 (demo store: act as any demo profile)").arg(name));
    }
};

QTEST_MAIN(TestDemoHistory)
#include "test_demo_history.moc"
