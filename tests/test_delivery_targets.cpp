#include "SchemaUndo.h"
#include "ApprovedStore.h"
#include "adapters/OneShotHttpTransport.h"
#include "crm/DeliveryTargets.h"
#include "crm/JsonlSink.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "crm/WebhookConnector.h"
#include "sandbox/CrmSandbox.h"
#include "store/Migrations.h"
#include "store/StoreError.h"

#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <map>

using namespace baton;

// Delivery beyond the CRM: the targets an approval plans for, the webhook (signed, with a
// delivery id a receiver dedupes on) under faults, and the JSONL file after crashes at each
// point between claiming and marking done.
class TestDeliveryTargets : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::optional<BriefedStores> m_stores;

    std::string freshStore() { return m_stores->fresh(); }

    static review::Actor opsUser(store::Database &db, const contracts::ContractRegistry &registry)
    {
        const SystemClock clock;
        return review::ReviewService(db, registry, clock)
            .actor("priya.natarajan@baton.example", "priya");
    }

    // Each line of the file: its delivery ids, counted.
    static std::map<std::string, int> linesOf(const std::string &path, int &torn)
    {
        std::map<std::string, int> ids;
        torn = 0;
        std::ifstream in(path);
        std::string line;
        while (std::getline(in, line)) {
            const auto j = nlohmann::json::parse(line, nullptr, false);
            if (!j.is_object()) {
                ++torn;
                continue;
            }
            ++ids[j.value("delivery_id", "")];
        }
        return ids;
    }

private slots:
    void initTestCase() { m_stores.emplace(m_dir.path().toStdString(), m_registry); }

    // Only marketing ops and admins choose targets; each change is audited; approvals plan
    // for the targets enabled when they happen.
    void targetsAreGovernedAndPlannedAtApproval()
    {
        auto db = store::openStore(freshStore());
        const SystemClock clock;
        crm::DeliveryTargets targets(db, clock);
        review::ReviewService service(db, m_registry, clock);
        const auto rep = service.actor("lena.fischer@baton.example", "lena");
        QVERIFY_THROWS_EXCEPTION(review::ReviewError, targets.setEnabled(rep, "webhook", true));
        QVERIFY_THROWS_EXCEPTION(review::ReviewError,
                                 targets.setEnabled(opsUser(db, m_registry), "ftp", true));
        targets.setEnabled(opsUser(db, m_registry), "webhook", true);
        targets.setEnabled(opsUser(db, m_registry), "webhook", true); // no second audit entry
        QCOMPARE(targets.enabled(), std::vector<std::string>{"webhook"});
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'target_enable'"),
                 std::int64_t(1));
        const int approved = approveAll(db, m_registry);
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'post_webhook'"),
                 std::int64_t(approved));
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'append_jsonl'"),
                 std::int64_t(0));
        // Each carries the brief as approved.
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox o JOIN briefs b ON b.id = o.brief_id "
                            "WHERE o.kind = 'post_webhook' AND CAST(json_extract(o.payload, '$.brief.lead.id') AS "
                            "BIGINT) = b.lead_id AND json_extract(o.payload, '$.event') = 'brief.approved'"),
                 std::int64_t(approved));
        targets.setEnabled(opsUser(db, m_registry), "webhook", false);
        QVERIFY(targets.enabled().empty());
    }

    // Every approved brief reaches the webhook with a valid signature under 20% faults of
    // every kind; an answer lost is a redelivery under the same id, never a new delivery.
    void theWebhookGetsEveryBriefSigned()
    {
        auto db = store::openStore(freshStore());
        const SystemClock clock;
        crm::DeliveryTargets(db, clock).setEnabled(opsUser(db, m_registry), "webhook", true);
        const int approved = approveAll(db, m_registry);
        app::CrmSandboxConfig config;
        config.faultRate = 0.2;
        config.seed = 21;
        config.slowMs = 100;
        config.timeoutHoldMs = 1500;
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start(0, config) > 0);
        crm::WebhookConnector webhook(
            {(sandbox.baseUrl() + QStringLiteral("/webhook")).toStdString(), config.webhookSecret,
             300});
        app::OneShotHttpTransport transport;
        crm::PushOptions options;
        options.backoff = {40, std::chrono::milliseconds(20), std::chrono::milliseconds(400)};
        crm::PushWorker worker(db, webhook, transport, clock, options);
        const auto summary = worker.runUntilIdle();
        const auto counts = sandbox.counts();
        QVERIFY(counts.faults >= 5);
        QCOMPARE(counts.webhookDeliveries, approved);
        QCOMPARE(counts.webhookBadSignatures, 0);
        QCOMPARE(std::int64_t(counts.requests), summary.requests);
        QCOMPARE(crm::OutboxStore(db).counts({"post_webhook"}).done, std::int64_t(approved));
        // The CRM operations are not this worker's: they wait for theirs.
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE kind = 'upsert_person' AND status "
                            "= 'pending'"),
                 std::int64_t(approved));

        // Retracted: the receiver is told, once.
        const auto brief = scalar(db, "SELECT min(id) FROM briefs WHERE status = 'approved'");
        review::ReviewService service(db, m_registry, clock);
        service.retract(service.actor("dana.okoro@baton.example", "dana"), brief,
                        service.brief(brief).version, "wrong person");
        crm::PushWorker(db, webhook, transport, clock, options).runUntilIdle();
        QCOMPARE(sandbox.counts().webhookRetractions, 1);
    }

    // A receiver that does not know the secret refuses: the delivery stops with its words.
    void aRefusedSignatureFailsWithTheReceiversWords()
    {
        auto db = store::openStore(freshStore());
        const SystemClock clock;
        crm::DeliveryTargets(db, clock).setEnabled(opsUser(db, m_registry), "webhook", true);
        approveAll(db, m_registry);
        app::CrmSandbox sandbox;
        QVERIFY(sandbox.start() > 0);
        crm::WebhookConnector webhook(
            {(sandbox.baseUrl() + QStringLiteral("/webhook")).toStdString(), "wrong", 1000});
        app::OneShotHttpTransport transport;
        crm::PushWorker(db, webhook, transport, clock).runOnce();
        QVERIFY(sandbox.counts().webhookBadSignatures > 0);
        QCOMPARE(sandbox.counts().webhookDeliveries, 0);
        const auto failed = crm::OutboxStore(db).list("failed", 1);
        QVERIFY(!failed.empty());
        QVERIFY2(failed[0].lastError.find("webhook 401") != std::string::npos &&
                     failed[0].lastError.find("signature") != std::string::npos,
                 failed[0].lastError.c_str());
    }

    // The JSONL file: every brief once, whole, through a crash after claiming, one after
    // writing some lines, and a torn last line.
    void theJsonlFileHasEachDeliveryOnceAfterCrashes()
    {
        auto db = store::openStore(freshStore());
        const SystemClock clock;
        crm::DeliveryTargets(db, clock).setEnabled(opsUser(db, m_registry), "jsonl", true);
        const int approved = approveAll(db, m_registry);
        const std::string file = m_dir.filePath(QStringLiteral("briefs.jsonl")).toStdString();

        // A sink that died: it claimed everything, wrote the first third whole, and was cut
        // off in the middle of the next line.
        crm::OutboxStore outbox(db);
        const auto due = outbox.due("9999", 5000, {"append_jsonl"});
        // An hour ago, by the clock everything else here reads: the suite holds on any date.
        const std::string diedAt = util::formatUtcMillis(clock.now() - std::chrono::hours(1));
        QCOMPARE(int(due.size()), approved);
        {
            std::ofstream out(file, std::ios::binary);
            for (std::size_t i = 0; i < due.size(); ++i) {
                QVERIFY(outbox.claim(due[i].id, due[i].attempts, diedAt,
                                     util::formatUtcMillis(clock.now() - std::chrono::minutes(59))));
                if (i < due.size() / 3)
                    out << due[i].payload << "\n";
                else if (i == due.size() / 3)
                    out << due[i].payload.substr(0, due[i].payload.size() / 2);
            }
        }
        int torn = 0;
        QCOMPARE(int(linesOf(file, torn).size()), approved / 3);
        QCOMPARE(torn, 1);

        crm::JsonlSink sink(db, file, clock);
        const auto first = sink.runOnce();
        QCOMPARE(first.done, std::int64_t(approved));
        QCOMPARE(first.lookups, std::int64_t(1)); // the file was read for what it had
        const auto ids = linesOf(file, torn);
        QCOMPARE(torn, 0);
        QCOMPARE(int(ids.size()), approved);
        for (const auto &[id, n] : ids)
            QVERIFY2(n == 1 && id.find("-jsonl-approved") != std::string::npos, id.c_str());
        // Nothing more to do: nothing more written.
        QCOMPARE(sink.runOnce().done, std::int64_t(0));
        QCOMPARE(int(linesOf(file, torn).size()), approved);
        QCOMPARE(outbox.counts({"append_jsonl"}).done, std::int64_t(approved));
    }

    // v6 -> v7 rebuilds the outbox for the new kinds, keeping every row and id (and v8, v9
    // follow). The v6 store is the demo store taken back to v6, its outbox made by v5's SQL.
    void migratingFromVersion6KeepsTheOutbox()
    {
        if (onPostgres())
            QSKIP("a store at v6 is SQLite's: PostgreSQL stores start at v16");
        const auto path = freshStore();
        std::int64_t brief = 0;
        {
            auto db = store::openStore(testStoreLocation(path));
            brief = scalar(db, "SELECT min(id) FROM briefs");
            // Back to v6: what v7 to v12 added goes (the briefs' packed inputs with them:
            // the test reads none of them).
            db.exec(kUndoSinceV12);
            db.exec("ALTER TABLE briefs DROP COLUMN inputs; ALTER TABLE pipeline_runs DROP COLUMN "
                    "leads; CREATE INDEX run_items_pending ON run_items (run_id, status);");
            db.exec("DROP TABLE contract_drift; DROP INDEX quarantine_by_time; DROP INDEX "
                    "briefs_kpi; DROP INDEX review_actions_by_time; "
                    "ALTER TABLE briefs DROP COLUMN completeness; ALTER TABLE briefs DROP COLUMN "
                    "signal_at; ALTER TABLE briefs DROP COLUMN pipeline_ms; DROP TABLE outbox; DROP TABLE "
                    "delivery_targets;");
            db.exec(store::migrations().at(4).sql);
            db.exec("PRAGMA user_version = 6");
            const std::string b = std::to_string(brief);
            db.exec("INSERT INTO outbox (id, brief_id, kind, op_key, payload, status, "
                    "next_attempt_at, crm_system, crm_id, created_at, updated_at) VALUES (7, " +
                    b +
                    ", 'upsert_person', 'brief:1:upsert_person', '{}', 'done', 't', 'hubspot', "
                    "'901', 't', 't'), (8, " +
                    b +
                    ", 'create_note', 'brief:1:create_note', '{}', "
                    "'pending', 't', NULL, NULL, 't', 't')");
            QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                     db.exec("INSERT INTO outbox (brief_id, kind, op_key, payload, "
                                             "next_attempt_at, created_at, updated_at) VALUES (" +
                                             b + ", 'post_webhook', 'k', '{}', 't', 't', 't')"));
        }
        auto db = store::openStore(testStoreLocation(path));
        QCOMPARE(db.userVersion(), store::latestSchemaVersion());
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE (id = 7 AND crm_id = '901') OR "
                            "(id = 8 AND status = 'pending')"),
                 std::int64_t(2));
        QCOMPARE(scalar(db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('outbox_due', "
                            "'outbox_by_brief', 'delivery_targets')"),
                 std::int64_t(3));
        db.exec("INSERT INTO outbox (brief_id, kind, op_key, payload, next_attempt_at, created_at, "
                "updated_at) VALUES (" +
                std::to_string(brief) + ", 'post_webhook', 'k', '{}', 't', 't', 't')");
        // The rebuilt table still refers to itself and to briefs.
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 db.exec("INSERT INTO outbox (brief_id, kind, op_key, payload, "
                                         "next_attempt_at, created_at, updated_at) VALUES (-5, "
                                         "'post_webhook', 'k2', '{}', 't', 't', 't')"));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryTargets)
#include "test_delivery_targets.moc"
