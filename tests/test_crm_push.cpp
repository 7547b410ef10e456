#include "ApprovedStore.h"
#include "adapters/OneShotHttpTransport.h"
#include "agents/Policy.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/OutcomeSync.h"
#include "crm/PushWorker.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ReviewService.h"
#include "sandbox/CrmSandbox.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <random>
#include <set>
#include <thread>

using namespace baton;

// Approved briefs pushed to the HubSpot sandbox over real HTTP: every fault the sandbox can
// inject, and still exactly one contact per person and one note and one task per brief,
// each associated with its contact.
class TestCrmPush : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::optional<BriefedStores> m_stores;

    std::string freshStore() { return m_stores->fresh(); }

    static crm::HubSpotConnector connector(const QString &baseUrl)
    {
        crm::HubSpotConnector::Config config;
        config.baseUrl = baseUrl.toStdString();
        config.accessToken = "pat-na1-sandbox";
        config.timeoutMs = 300;
        config.limit = {100, std::chrono::seconds(1)}; // as the sandboxes below allow
        return crm::HubSpotConnector(config);
    }

    template <typename F> static review::ReviewError::Kind failure(F &&f)
    {
        try {
            f();
        } catch (const review::ReviewError &e) {
            return e.kind();
        }
        return static_cast<review::ReviewError::Kind>(-1);
    }

private slots:
    void initTestCase() { m_stores.emplace(m_dir.path().toStdString(), m_registry); }

    // Pushes every approved brief of a fresh store through the sandbox configured so, and
    // checks that the CRM ends with exactly one of each object, all associated.
    void pushAndCheck(const app::CrmSandboxConfig &config, std::size_t batchSize, int minimumFaults,
                      const std::string &storePath = {}, int minimumBriefs = 50)
    {
        auto db = store::openStore(storePath.empty() ? freshStore() : testStoreLocation(storePath));
        const int approved = approveAll(db, m_registry);
        QVERIFY2(approved >= minimumBriefs, qPrintable(QString::number(approved)));
        const auto people = scalar(db, "SELECT count(DISTINCT lower(json_extract(brief, '$.lead.email'))) "
                                       "FROM briefs WHERE status = 'approved'");
        const auto tasks = scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'create_task'");

        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start(0, config) > 0);
        auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushOptions options;
        options.backoff = {40, std::chrono::milliseconds(20), std::chrono::milliseconds(400)};
        options.batchSize = batchSize; // more requests, so more of them meet a fault
        crm::PushWorker worker(db, hubspot, transport, clock, options);
        const auto summary = worker.runUntilIdle();

        const auto counts = sandbox.counts();
        // Every request the CRM saw is one the worker chose to send: the transport never
        // resends on its own (QNetworkAccessManager does, after a lost answer).
        QCOMPARE(std::int64_t(counts.requests), summary.requests + summary.lookups);
        QVERIFY2(counts.faults >= minimumFaults, qPrintable(QString::number(counts.faults)));
        QCOMPARE(counts.contacts, int(people));
        QCOMPARE(counts.notes, approved);
        QCOMPARE(counts.tasks, int(tasks));
        QCOMPARE(counts.duplicateNotes, 0);
        QCOMPARE(counts.duplicateTasks, 0);
        QCOMPARE(counts.unassociatedNotes, 0);
        QCOMPARE(counts.unassociatedTasks, 0);
        const auto c = crm::OutboxStore(db).counts();
        // One upsert per brief (a person with two briefs is upserted twice, created once).
        QCOMPARE(c.done, std::int64_t(approved) * 2 + tasks);
        QCOMPARE(c.pending + c.inFlight + c.failed, std::int64_t(0));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed'"),
                 std::int64_t(approved));
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE status = 'done' AND (crm_id IS "
                            "NULL OR crm_system <> 'hubspot')"),
                 std::int64_t(0));
    }

    void eachFaultAloneStillGivesExactlyOneOfEach_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("5xx") << int(app::CrmFault::ServerError);
        QTest::newRow("429 with Retry-After") << int(app::CrmFault::RateLimited);
        QTest::newRow("429 bare") << int(app::CrmFault::RateLimitedBare);
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
        config.seed = 11;
        config.windowMs = 1000; // a bare 429 then says to wait 100 ms, not a second
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        pushAndCheck(config, 10, 5);
    }

    void twentyPercentOfEveryKind()
    {
        app::CrmSandboxConfig config;
        config.faultRate = 0.2;
        config.seed = 7;
        config.windowMs = 1000;
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        pushAndCheck(config, 4, 8);
    }

    // The bar: 1,000 approved briefs, 20% of requests faulted, every kind of fault.
    void aThousandBriefsAtTwentyPercentFaults()
    {
        const auto path = m_dir.filePath(QStringLiteral("thousand.sqlite")).toStdString();
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(path, m_dir.filePath(QStringLiteral("demo-1000")).toStdString(), 16000, 9,
                       now);
        {
            auto db = store::openStore(testStoreLocation(path));
            pipeline::saveUsers(db, pipeline::demoTeam());
            const auto policy = agents::defaultPolicy(m_registry);
            const FixedClock clock(now);
            RandomIdGenerator ids(4);
            pipeline::Orchestrator(db, m_registry, policy, clock, ids).run({});
            // Exactly 1,000 to approve: the rest are set aside.
            db.exec(
                "UPDATE briefs SET status = 'resolved' WHERE status = 'pending_review' AND id NOT "
                "IN "
                "(SELECT id FROM briefs WHERE status = 'pending_review' ORDER BY id LIMIT 1000)");
        }
        app::CrmSandboxConfig config;
        config.faultRate = 0.2;
        config.seed = 3;
        config.windowMs = 1000;
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        pushAndCheck(config, 50, 5, path, 1000);
    }

    // `baton push` killed with SIGKILL at random moments ten times, started again each time,
    // then left to finish: still exactly one of each, all associated.
    void aKilledPusherStillDeliversExactlyOnce()
    {
        const auto path = freshStore();
        int approved = 0;
        std::int64_t people = 0, tasks = 0;
        {
            auto db = store::openStore(testStoreLocation(path));
            approved = approveAll(db, m_registry);
            people =
                scalar(db, "SELECT count(DISTINCT lower(json_extract(brief, '$.lead.email'))) FROM briefs "
                           "WHERE status = 'approved'");
            tasks = scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'create_task'");
            checkpointTestStore(db);
        }
        app::CrmSandbox sandbox;
        app::CrmSandboxConfig config;
        config.rateLimit = 1000;
        config.windowMs = 1000;
        config.faultRate = 0.3;
        config.faults = {app::CrmFault::Slow, app::CrmFault::LostResponse,
                         app::CrmFault::ServerError};
        config.slowMs = 150;
        config.seed = 5;
        QVERIFY(sandbox.start(0, config) > 0);
        const QStringList args = {QStringLiteral("--store"), QString::fromStdString(path),
                                  QStringLiteral("push"),    QStringLiteral("--url"),
                                  sandbox.baseUrl(),         QStringLiteral("--batch"),
                                  QStringLiteral("3"),       QStringLiteral("--rate-limit"),
                                  QStringLiteral("10000"),   QStringLiteral("--timeout"),
                                  QStringLiteral("2")};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BATON_HUBSPOT_TOKEN"), QStringLiteral("pat-kill-test"));
        std::mt19937 rng(17);
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
        QVERIFY2(killed >= 5, qPrintable(QString::number(killed))); // most rounds were cut short
        QProcess last;
        last.setProcessEnvironment(env);
        last.start(QStringLiteral(BATON_EXECUTABLE), args);
        QVERIFY(last.waitForFinished(120000));
        QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());

        const auto counts = sandbox.counts();
        QCOMPARE(counts.contacts, int(people));
        QCOMPARE(counts.notes, approved);
        QCOMPARE(counts.tasks, int(tasks));
        QCOMPARE(counts.duplicateNotes + counts.duplicateTasks, 0);
        QCOMPARE(counts.unassociatedNotes + counts.unassociatedTasks, 0);
        auto db = store::openStore(testStoreLocation(path));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed'"),
                 std::int64_t(approved));
    }

    // A manager retracts a pushed brief: its task is closed and its note marked retracted
    // in the CRM, recorded like any other operation; a brief retracted before it was pushed
    // sends nothing at all.
    void aRetractedBriefIsCompensated()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        const auto pushed = scalar(db, "SELECT min(id) FROM briefs WHERE status = 'approved'");
        const auto unsent = scalar(db, "SELECT max(id) FROM briefs WHERE status = 'approved'");
        review::ReviewService service(db, m_registry, clock);
        const auto manager = service.actor("dana.okoro@baton.example", "dana");
        // The last one is retracted before any push: nothing of it may reach the CRM.
        service.retract(manager, unsent, service.brief(unsent).version, "wrong person");
        crm::PushWorker(db, hubspot, transport, clock).runUntilIdle();
        const auto before = sandbox.counts();
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE brief_id = " +
                                std::to_string(unsent) + " AND status <> 'cancelled'"),
                 std::int64_t(0));

        const auto rep = service.actor(service.brief(pushed).owner, "rep");
        QCOMPARE(failure([&] { service.retract(rep, pushed, service.brief(pushed).version, "x"); }),
                 review::ReviewError::Kind::Forbidden);
        const auto after =
            service.retract(manager, pushed, service.brief(pushed).version, "duplicate lead");
        QCOMPARE(after.status, review::BriefStatus::Resolved);
        crm::PushWorker(db, hubspot, transport, clock).runUntilIdle();
        const auto counts = sandbox.counts();
        QCOMPARE(counts.completedTasks, before.completedTasks + 1);
        QCOMPARE(counts.retractedNotes, before.retractedNotes + 1);
        QCOMPARE(counts.notes, before.notes); // compensated, not created anew
        QCOMPARE(
            scalar(db, "SELECT count(*) FROM outbox WHERE brief_id = " + std::to_string(pushed) +
                           " AND kind IN ('close_task', 'retract_note') AND status = 'done'"),
            std::int64_t(2));
    }

    // After the push, sales move some leads on in the CRM; `crm pull` reads that back, and
    // remembers the first time a lead was seen as an opportunity.
    void outcomesAreReadBack()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, hubspot, transport, clock).runUntilIdle();
        const auto people = scalar(db, "SELECT count(DISTINCT crm_id) FROM outbox WHERE kind = "
                                       "'upsert_person' AND status = 'done'");
        std::string email;
        {
            auto st = db.prepare("SELECT json_extract(payload, '$.email') FROM outbox WHERE kind = "
                                 "'upsert_person' ORDER BY id LIMIT 1");
            QVERIFY(st.step());
            email = st.textAt(0);
        }
        QVERIFY(sandbox.setContactProperty(QString::fromStdString(email),
                                           QStringLiteral("lifecyclestage"),
                                           QStringLiteral("opportunity")));
        auto s = crm::pullOutcomes(db, hubspot, transport, clock);
        QVERIFY2(s.error.empty(), s.error.c_str());
        QCOMPARE(s.contacts, people);
        QCOMPARE(s.read, people);
        QCOMPARE(s.opportunities, std::int64_t(1));
        QCOMPARE(scalar(db, "SELECT count(*) FROM crm_outcomes WHERE lifecycle_stage = 'lead'"),
                 people - 1);
        const auto seen = scalar(db, "SELECT count(*) FROM crm_outcomes WHERE opportunity_seen_at "
                                     "IS NOT NULL");
        QCOMPARE(seen, std::int64_t(1));
        // Pulled again after the stage moved on: the first sighting stays.
        sandbox.setContactProperty(QString::fromStdString(email), QStringLiteral("lifecyclestage"),
                                   QStringLiteral("customer"));
        s = crm::pullOutcomes(db, hubspot, transport, clock);
        QCOMPARE(s.opportunities, std::int64_t(1));
        QCOMPARE(scalar(db, "SELECT count(*) FROM crm_outcomes"), people);
        QCOMPARE(scalar(db, "SELECT count(*) FROM crm_outcomes WHERE lifecycle_stage = 'customer' "
                            "AND opportunity_seen_at IS NOT NULL"),
                 std::int64_t(1));
    }

    // The console pushes every minute and someone runs `baton push` meanwhile: two workers
    // on one outbox, each on its own connection and thread. Each operation is claimed by
    // exactly one of them; the CRM still gets exactly one of each.
    void twoPushersAtOnceSendEachOperationOnce()
    {
        const auto path = freshStore();
        int approved = 0;
        std::int64_t people = 0;
        {
            auto db = store::openStore(testStoreLocation(path));
            approved = approveAll(db, m_registry);
            people =
                scalar(db, "SELECT count(DISTINCT lower(json_extract(brief, '$.lead.email'))) FROM briefs "
                           "WHERE status = 'approved'");
        }
        app::CrmSandbox sandbox;
        app::CrmSandboxConfig config;
        config.rateLimit = 1000;
        config.windowMs = 1000;
        config.faultRate = 0.3;
        config.faults = {app::CrmFault::Slow, app::CrmFault::LostResponse};
        config.slowMs = 60;
        QVERIFY(sandbox.start(0, config) > 0);
        auto hubspot = connector(sandbox.baseUrl());
        crm::PushSummary summaries[2];
        {
            std::vector<std::jthread> pushers;
            for (int i = 0; i < 2; ++i)
                pushers.emplace_back([&, i] {
                    auto db = store::openStore(testStoreLocation(path));
                    app::OneShotHttpTransport transport;
                    const SystemClock clock;
                    crm::PushOptions options;
                    options.batchSize = 3;
                    options.backoff = {40, std::chrono::milliseconds(20),
                                       std::chrono::milliseconds(200)};
                    summaries[i] =
                        crm::PushWorker(db, hubspot, transport, clock, options).runUntilIdle();
                });
        }
        QVERIFY(summaries[0].requests > 0 && summaries[1].requests > 0); // both did work
        const auto counts = sandbox.counts();
        QCOMPARE(std::int64_t(counts.requests), summaries[0].requests + summaries[0].lookups +
                                                    summaries[1].requests + summaries[1].lookups);
        QCOMPARE(counts.contacts, int(people));
        QCOMPARE(counts.notes, approved);
        QCOMPARE(counts.duplicateNotes + counts.duplicateTasks, 0);
        QCOMPARE(counts.unassociatedNotes + counts.unassociatedTasks, 0);
        auto db = store::openStore(testStoreLocation(path));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed'"),
                 std::int64_t(approved));
    }

    // A refusal is the CRM's own words on that operation alone; the rest go through.
    void aPermanentErrorStopsOnlyItsOperation()
    {
        auto db = store::openStore(freshStore());
        const int approved = approveAll(db, m_registry);
        // One person without an email: HubSpot matches contacts by email.
        const auto victim = scalar(db, "SELECT min(id) FROM outbox WHERE kind = 'upsert_person'");
        db.exec(std::string("UPDATE outbox SET payload = ") +
                (onPostgres() ? "jsonb_set(payload::jsonb, '{email}', '\"\"')::text"
                              : "json_set(payload, '$.email', '')") +
                " WHERE id = " + std::to_string(victim));
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, hubspot, transport, clock).runUntilIdle();
        const auto failed = crm::OutboxStore(db).list("failed", 10);
        QCOMPARE(failed.size(), std::size_t(3)); // the person, its note and its task
        QVERIFY2(failed.back().lastError.find("by email") != std::string::npos,
                 failed.back().lastError.c_str());
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'push_failed'"), 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE status = 'pushed'"),
                 std::int64_t(approved - 1));
        QCOMPARE(sandbox.counts().notes, approved - 1);
    }

    // A wrong token is refused with HubSpot's message, and nothing is retried forever.
    void anAuthErrorIsPermanentAndSaysSo()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        crm::HubSpotConnector::Config config;
        config.baseUrl = sandbox.baseUrl().toStdString();
        config.timeoutMs = 1000; // and no token
        crm::HubSpotConnector hubspot(config);
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        const auto summary = crm::PushWorker(db, hubspot, transport, clock).runUntilIdle();
        QVERIFY(summary.requests <= 2);
        const auto failed = crm::OutboxStore(db).list("failed", 1);
        QCOMPARE(failed.size(), std::size_t(1));
        QVERIFY2(failed[0].lastError.find("INVALID_AUTHENTICATION") != std::string::npos ||
                     failed[0].lastError.find("could not be created") != std::string::npos,
                 failed[0].lastError.c_str());
        const auto person = crm::OutboxStore(db).row(
            scalar(db, "SELECT min(id) FROM outbox WHERE kind = 'upsert_person'"));
        QVERIFY2(person.lastError.find("HubSpot 401 INVALID_AUTHENTICATION") != std::string::npos,
                 person.lastError.c_str());
        QVERIFY(person.lastRequest.find("Authorization: ***") != std::string::npos);
    }

    // A person who closes every channel after the approval gets no task: the push worker runs
    // the consent gate again and cancels it, saying why; the contact and note still go.
    void aTaskForSomeoneWhoOptedOutSinceIsCancelled()
    {
        auto db = store::openStore(m_stores->fresh());
        approveAll(db, m_registry);
        const auto lead = scalar(db, "SELECT b.lead_id FROM outbox o JOIN briefs b ON b.id = "
                                     "o.brief_id WHERE o.kind = 'create_task' LIMIT 1");
        QVERIFY(lead > 0);
        db.exec("UPDATE leads SET do_not_contact = 1 WHERE id = " + std::to_string(lead));
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const SystemClock clock;
        crm::PushWorker(db, hubspot, transport, clock, {}).runUntilIdle();
        auto st = db.prepare("SELECT o.status, o.cancel_reason FROM outbox o JOIN briefs b ON b.id = "
                             "o.brief_id WHERE o.kind = 'create_task' AND b.lead_id = ?");
        st.bind(1, lead);
        int tasks = 0;
        while (st.step()) {
            ++tasks;
            QCOMPARE(st.textAt(0), std::string("cancelled"));
            QVERIFY2(st.textAt(1).find("consent: ") == 0 &&
                         st.textAt(1).find("opted out of all contact") != std::string::npos,
                     st.textAt(1).c_str());
        }
        QVERIFY(tasks > 0);
        QCOMPARE(sandbox.counts().tasks,
                 int(scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'create_task' AND "
                                "status = 'done'")));
    }

    // HubSpot renders note and task bodies as HTML: Baton's plain text arrives escaped, so a
    // generated "<b>" is shown as the characters, and line breaks stay line breaks.
    void noteBodiesArriveHtmlEscaped()
    {
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        const auto hubspot = connector(sandbox.baseUrl());
        app::OneShotHttpTransport transport;
        const crm::Delivery person{1, "upsert_person",
                                   nlohmann::json{{"email", "ada@example.com"},
                                                  {"external_id", "baton-lead-1"}},
                                   ""};
        const auto upserted = transport.send(hubspot.build("upsert_person", {person}));
        QVERIFY2(upserted.status / 100 == 2, upserted.body.c_str());
        const auto contactId = nlohmann::json::parse(upserted.body)
                                   .at("results").at(0).at("id").get<std::string>();
        const crm::Delivery note{2, "create_note",
                                 nlohmann::json{{"external_id", "baton-brief-1-note"},
                                                {"body", "<b>bold</b><img src=x> & co\nnext"},
                                                {"timestamp", "2026-11-24T09:00:00.000Z"}},
                                 contactId};
        const auto created = transport.send(hubspot.build("create_note", {note}));
        QVERIFY2(created.status / 100 == 2, created.body.c_str());
        HttpRequest search;
        search.url = sandbox.baseUrl().toStdString() + "/crm/v3/objects/notes/search";
        search.headers = {{"Authorization", "Bearer pat-na1-sandbox"},
                          {"Content-Type", "application/json"}};
        search.body = nlohmann::json{
            {"filterGroups",
             {{{"filters",
                {{{"propertyName", "baton_external_id"},
                  {"operator", "IN"},
                  {"values", {"baton-brief-1-note"}}}}}}}}}.dump();
        const auto found = nlohmann::json::parse(transport.send(search).body);
        QCOMPARE(found.at("results").size(), std::size_t(1));
        QCOMPARE(found.at("results").at(0).at("properties").at("hs_note_body").get<std::string>(),
                 std::string("&lt;b&gt;bold&lt;/b&gt;&lt;img src=x&gt; &amp; co<br>next"));
    }
};

QTEST_GUILESS_MAIN(TestCrmPush)
#include "test_crm_push.moc"
