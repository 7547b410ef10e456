#include "ApprovedStore.h"
#include "adapters/OneShotHttpTransport.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/OutcomeSync.h"
#include "crm/PushWorker.h"
#include "crm/SalesforceConnector.h"
#include "sandbox/CrmSandbox.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <random>

using namespace baton;

// Approved briefs pushed to the sandbox's Salesforce over real HTTP: Leads upserted by
// Baton's external id field, Notes on them (ParentId) and Tasks (WhoId), under every fault,
// a killed pusher, an expired session and the org's daily limit; still exactly one of each.
class TestSalesforcePush : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::optional<BriefedStores> m_stores;

    std::string freshStore() { return m_stores->fresh(); }

    // A connector that starts with no access token: its first act is the refresh grant.
    static crm::SalesforceConnector connector(const QString &baseUrl,
                                              const std::string &refresh = "sandbox-refresh")
    {
        crm::SalesforceConnector::Config config;
        config.instanceUrl = baseUrl.toStdString();
        config.loginUrl = baseUrl.toStdString();
        config.clientId = "sandbox-client";
        config.refreshToken = refresh;
        config.timeoutMs = 300;
        return crm::SalesforceConnector(config);
    }

    struct Expected
    {
        int approved = 0;
        std::int64_t leads = 0, tasks = 0;
    };

    static Expected expected(store::Database &db, int approved)
    {
        return {approved,
                scalar(db, "SELECT count(DISTINCT json_extract(brief, '$.lead.id')) FROM briefs WHERE status "
                           "IN ('approved', 'pushed')"),
                scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'create_task'")};
    }

    // The error and next attempt of the first operation of `kind` in `status`.
    static std::pair<std::string, std::string> firstOf(store::Database &db, const char *kind,
                                                       const char *status)
    {
        auto st = db.prepare("SELECT coalesce(last_error, ''), next_attempt_at FROM outbox WHERE "
                             "kind = ? AND status = ? ORDER BY id LIMIT 1");
        st.bind(1, kind);
        st.bind(2, status);
        return st.step() ? std::pair{st.textAt(0), st.textAt(1)}
                         : std::pair{std::string(), std::string()};
    }

    static void checkExactlyOnce(const app::CrmSandbox::Counts &counts, const Expected &e)
    {
        QCOMPARE(counts.salesforce.leads, int(e.leads));
        QCOMPARE(counts.salesforce.notes, e.approved);
        QCOMPARE(counts.salesforce.tasks, int(e.tasks));
        QCOMPARE(counts.salesforce.duplicateNotes, 0);
        QCOMPARE(counts.salesforce.duplicateTasks, 0);
        QCOMPARE(counts.salesforce.unassociatedNotes, 0);
        QCOMPARE(counts.salesforce.unassociatedTasks, 0);
    }

    void pushAndCheck(const app::CrmSandboxConfig &config, std::size_t batch, int minimumFaults,
                      const std::string &storePath = {}, int minimumBriefs = 50)
    {
        auto db = store::openStore(storePath.empty() ? freshStore() : testStoreLocation(storePath));
        const int approved = approveAll(db, m_registry);
        QVERIFY2(approved >= minimumBriefs, qPrintable(QString::number(approved)));
        const auto e = expected(db, approved);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start(0, config) > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushOptions options;
        options.backoff = {40, std::chrono::milliseconds(20), std::chrono::milliseconds(400)};
        options.batchSize = batch;
        crm::PushWorker worker(db, salesforce, transport, clock, options);
        const auto summary = worker.runUntilIdle();
        const auto counts = sandbox.counts();
        QCOMPARE(std::int64_t(counts.requests),
                 summary.requests + summary.lookups + summary.refreshes);
        QVERIFY2(counts.faults >= minimumFaults, qPrintable(QString::number(counts.faults)));
        checkExactlyOnce(counts, e);
        const auto c = crm::OutboxStore(db).counts();
        QCOMPARE(c.pending + c.inFlight + c.failed, std::int64_t(0));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed'"),
                 std::int64_t(approved));
        // Salesforce's ids of leads, tasks and notes; GLOB is SQLite's, ~ PostgreSQL's.
        QCOMPARE(scalar(db, std::string("SELECT count(*) FROM outbox WHERE status = 'done' AND "
                                        "(crm_system <> 'salesforce' OR ") +
                                (onPostgres() ? "crm_id !~ '^00[QT2]')" : "crm_id NOT GLOB '00[QT2]*')")),
                 std::int64_t(0));
    }

private slots:
    void initTestCase() { m_stores.emplace(m_dir.path().toStdString(), m_registry); }

    void eachFaultAloneStillGivesExactlyOneOfEach_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("5xx") << int(app::CrmFault::ServerError);
        QTest::newRow("REQUEST_LIMIT_EXCEEDED") << int(app::CrmFault::RateLimited);
        QTest::newRow("timeout") << int(app::CrmFault::Timeout);
        QTest::newRow("connection reset") << int(app::CrmFault::Reset);
        QTest::newRow("slow answer") << int(app::CrmFault::Slow);
        QTest::newRow("success, answer lost") << int(app::CrmFault::LostResponse);
    }

    void eachFaultAloneStillGivesExactlyOneOfEach()
    {
        QFETCH(int, fault);
        app::CrmSandboxConfig config;
        config.faults = {static_cast<app::CrmFault>(fault)};
        config.faultRate = 0.4;
        config.seed = 13;
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        pushAndCheck(config, 10, 5);
    }

    // The bar, for Salesforce: 1,000 approved briefs, 20% of requests faulted.
    void aThousandBriefsAtTwentyPercentFaults()
    {
        const auto path = m_dir.filePath(QStringLiteral("thousand.sqlite")).toStdString();
        buildBriefedStore(path, m_dir.filePath(QStringLiteral("demo-1000")).toStdString(), 16000, 9,
                          m_registry);
        {
            auto db = store::openStore(testStoreLocation(path));
            db.exec("UPDATE briefs SET status = 'resolved' WHERE status = 'pending_review' AND id "
                    "NOT IN (SELECT id FROM briefs WHERE status = 'pending_review' ORDER BY id "
                    "LIMIT 1000)");
        }
        app::CrmSandboxConfig config;
        config.faultRate = 0.2;
        config.seed = 3;
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        pushAndCheck(config, 50, 5, path, 1000);
    }

    // `baton push --target salesforce` killed with SIGKILL at random moments ten times.
    void aKilledPusherStillDeliversExactlyOnce()
    {
        const auto path = freshStore();
        Expected e;
        {
            auto db = store::openStore(testStoreLocation(path));
            e = expected(db, approveAll(db, m_registry));
            checkpointTestStore(db);
        }
        app::CrmSandbox sandbox;
        app::CrmSandboxConfig config;
        config.faultRate = 0.3;
        config.faults = {app::CrmFault::Slow, app::CrmFault::LostResponse,
                         app::CrmFault::ServerError};
        config.slowMs = 150;
        config.seed = 5;
        QVERIFY(sandbox.start(0, config) > 0);
        const QStringList args = {QStringLiteral("--store"),
                                  QString::fromStdString(path),
                                  QStringLiteral("push"),
                                  QStringLiteral("--target"),
                                  QStringLiteral("salesforce"),
                                  QStringLiteral("--url"),
                                  sandbox.baseUrl(),
                                  QStringLiteral("--login-url"),
                                  sandbox.baseUrl(),
                                  QStringLiteral("--client-id"),
                                  QStringLiteral("sandbox-client"),
                                  QStringLiteral("--batch"),
                                  QStringLiteral("3"),
                                  QStringLiteral("--timeout"),
                                  QStringLiteral("2")};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATON_SALESFORCE_REFRESH_TOKEN"),
                   QStringLiteral("sandbox-refresh"));
        std::mt19937 rng(19);
        int killed = 0;
        for (int round = 0; round < 10; ++round) {
            QProcess child;
            child.setProcessEnvironment(env);
            child.start(QStringLiteral(BATON_EXECUTABLE), args);
            QVERIFY(child.waitForStarted());
            QTest::qWait(std::uniform_int_distribution<int>(30, 250)(rng));
            if (child.state() != QProcess::NotRunning) {
                ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
                ++killed;
            }
            QVERIFY(child.waitForFinished(30000));
        }
        QVERIFY2(killed >= 5, qPrintable(QString::number(killed)));
        QProcess last;
        last.setProcessEnvironment(env);
        last.start(QStringLiteral(BATON_EXECUTABLE), args);
        QVERIFY(last.waitForFinished(120000));
        QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
        checkExactlyOnce(sandbox.counts(), e);
    }

    // The session expires mid-push: the worker trades its refresh token for a new access
    // token and goes on; nothing is lost or sent twice.
    void anExpiredSessionIsRenewed()
    {
        auto db = store::openStore(freshStore());
        const auto e = expected(db, approveAll(db, m_registry));
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushOptions options;
        options.batchSize = 5;
        int requests = 0;
        options.onProgress = [&](std::int64_t, std::int64_t) {
            if (++requests % 4 == 0)
                sandbox.expireSalesforceTokens();
        };
        crm::PushWorker worker(db, salesforce, transport, clock, options);
        const auto summary = worker.runUntilIdle();
        QVERIFY2(summary.refreshes >= 3, qPrintable(QString::number(summary.refreshes)));
        QCOMPARE(sandbox.counts().salesforce.tokensIssued, int(summary.refreshes));
        checkExactlyOnce(sandbox.counts(), e);
        QCOMPARE(crm::OutboxStore(db).counts().failed, std::int64_t(0));
    }

    // A refresh token Salesforce no longer accepts stops the operations with its words
    // (auth is permanent until someone fixes it), and nothing reaches the CRM.
    void aRevokedRefreshTokenFailsWithSalesforcesWords()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto salesforce = connector(sandbox.baseUrl(), "revoked");
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, salesforce, transport, clock).runOnce();
        QCOMPARE(sandbox.counts().salesforce.leads, 0);
        const auto [error, next] = firstOf(db, "upsert_person", "failed");
        QVERIFY2(error.find("INVALID_SESSION_ID") != std::string::npos &&
                     error.find("invalid_grant") != std::string::npos,
                 error.c_str());
    }

    // The org's daily allowance is spent: operations wait an hour (the connector's setting),
    // none fails, and Salesforce's message is kept.
    void theDailyLimitWaitsInsteadOfFailing()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandboxConfig config;
        config.salesforce.dailyLimit = 2;
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start(0, config) > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushOptions options;
        options.batchSize = 5;
        crm::PushWorker(db, salesforce, transport, clock, options).runOnce();
        QVERIFY(sandbox.counts().salesforce.limitExceeded > 0);
        const auto c = crm::OutboxStore(db).counts();
        QCOMPARE(c.failed, std::int64_t(0));
        QVERIFY(c.pending > 0);
        const auto [error, nextAttempt] = firstOf(db, "upsert_person", "pending");
        QVERIFY2(error.find("REQUEST_LIMIT_EXCEEDED") != std::string::npos, error.c_str());
        const auto next = util::parseRfc3339(nextAttempt);
        QVERIFY(next && *next > clock.now() + std::chrono::minutes(55));
    }

    // A retracted pushed brief: its Task completed and its Note marked, in Salesforce.
    void aRetractedBriefIsCompensated()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, salesforce, transport, clock).runUntilIdle();
        const auto before = sandbox.counts().salesforce;
        const auto pushed = scalar(db, "SELECT min(brief_id) FROM outbox WHERE kind = "
                                       "'create_task' AND status = 'done'");
        review::ReviewService service(db, m_registry, clock);
        service.retract(service.actor("dana.okoro@baton.example", "dana"), pushed,
                        service.brief(pushed).version, "wrong account");
        crm::PushWorker(db, salesforce, transport, clock).runUntilIdle();
        const auto after = sandbox.counts().salesforce;
        QCOMPARE(after.completedTasks, before.completedTasks + 1);
        QCOMPARE(after.retractedNotes, before.retractedNotes + 1);
        QCOMPARE(after.notes, before.notes);
    }

    // A lead converted to an opportunity in Salesforce is read back by `crm pull`.
    void outcomesAreReadBack()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, salesforce, transport, clock).runUntilIdle();
        std::string email;
        {
            auto st = db.prepare("SELECT json_extract(payload, '$.email') FROM outbox WHERE kind = "
                                 "'upsert_person' AND json_extract(payload, '$.email') <> '' LIMIT 1");
            QVERIFY(st.step());
            email = st.textAt(0);
        }
        QVERIFY(sandbox.convertSalesforceLead(QString::fromStdString(email)));
        auto fresh = connector(sandbox.baseUrl()); // no token yet: pull refreshes first
        const auto s = crm::pullOutcomes(db, fresh, transport, clock);
        QVERIFY2(s.error.empty(), s.error.c_str());
        QCOMPARE(s.read, scalar(db, "SELECT count(DISTINCT crm_id) FROM outbox WHERE kind = "
                                    "'upsert_person' AND status = 'done'"));
        QCOMPARE(s.opportunities, std::int64_t(1));
        QCOMPARE(scalar(db, "SELECT count(*) FROM crm_outcomes WHERE crm_system = 'salesforce' "
                            "AND opportunity_seen_at IS NOT NULL AND lifecycle_stage = "
                            "'converted'"),
                 std::int64_t(1));
    }

    // Operations whose person went to HubSpot are not sent to Salesforce: they fail saying
    // where the person is, instead of making an orphan.
    void aDependencyInAnotherCrmFailsClearly()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        db.exec("UPDATE outbox SET status = 'done', crm_system = 'hubspot', crm_id = '901' "
                "WHERE kind = 'upsert_person'");
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto salesforce = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, salesforce, transport, clock).runOnce();
        QCOMPARE(sandbox.counts().salesforce.notes, 0);
        const auto [error, next] = firstOf(db, "create_note", "failed");
        QVERIFY2(error.find("went to hubspot") != std::string::npos, error.c_str());
    }
};

QTEST_GUILESS_MAIN(TestSalesforcePush)
#include "test_salesforce_push.moc"
