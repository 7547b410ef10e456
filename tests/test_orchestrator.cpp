#include "DemoStore.h"
#include "SchemaUndo.h"
#include "agents/Policy.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/Migrations.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

using namespace baton;

// The durable run over a real demo store: briefs that satisfy their contract, a second run
// that changes nothing, a changed lead that gets a new brief superseding the old, and an
// interrupted run that, finished by the next, leaves exactly what an uninterrupted run does.
class TestOrchestrator : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const agents::Policy m_policy = agents::defaultPolicy(m_registry);
    const agents::TimePoint m_now = *util::parseRfc3339("2026-11-16T12:00:00Z");
    QString m_template;

    std::string storeCopy(const char *name)
    {
        return copyStore(m_template.toStdString(),
                         m_dir.filePath(QLatin1String(name)).toStdString());
    }

    static qint64 scalar(store::Database &db, const std::string &sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }

    // A run cancelled once `leads` leads are done, in chunks of 50, as an interrupted run
    // leaves the store.
    static pipeline::RunSummary runCancelledAfter(pipeline::Orchestrator &orchestrator,
                                                  std::int64_t leads)
    {
        std::atomic<bool> cancel = false;
        pipeline::RunOptions options;
        options.chunk = 50;
        options.cancel = &cancel;
        options.onProgress = [&](std::int64_t done, std::int64_t) { cancel = done >= leads; };
        return orchestrator.run(options);
    }

private slots:
    void initTestCase()
    {
        m_template = m_dir.filePath("template.sqlite");
        buildDemoStore(m_template.toStdString(), m_dir.filePath("demo").toStdString(), 600, 9,
                       m_now);
    }

    void writesValidBriefsThenNothingTwice()
    {
        auto db = store::openStore(storeCopy("a.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(1);
        pipeline::Orchestrator orchestrator(db, m_registry, m_policy, clock, ids);
        const auto first = orchestrator.run({});
        QVERIFY(!first.resumed);
        QCOMPARE(first.total, scalar(db, "SELECT count(*) FROM leads"));
        QVERIFY(first.briefed > 50);
        QCOMPARE(first.failed, 0);
        QCOMPARE(first.briefed + first.notQualified, first.total);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"), first.briefed);
        QVERIFY(scalar(db, "SELECT count(*) FROM agent_steps") >= 4 * first.briefed);

        // Each brief's inputs list is kept packed beside it, and read back in place.
        // (The brief is text: SQLite's -> reads it as JSON, PostgreSQL's needs it cast.)
        QCOMPARE(scalar(db, std::string("SELECT count(*) FROM briefs WHERE inputs IS NOT NULL AND ") +
                                (onPostgres() ? "brief::jsonb -> 'inputs_considered' = 'null'"
                                              : "brief -> '$.inputs_considered' = 'null'")),
                 first.briefed);
        auto st = db.prepare("SELECT id, status FROM briefs");
        pipeline::RunStore runs(db);
        int checked = 0;
        while (st.step()) {
            const auto brief = nlohmann::json::parse(*runs.briefJson(st.int64At(0)));
            std::vector<contracts::ValidationError> errors;
            QVERIFY2(m_registry.validate("brief", 1, brief, errors),
                     errors.empty() ? "" : errors[0].message.c_str());
            QCOMPARE(brief["escalation"]["required"].get<bool>(), st.textAt(1) == "escalated");
            ++checked;
        }
        QCOMPARE(checked, first.briefed);

        // Nothing was imported since: the second run does not even read a lead.
        const auto second = orchestrator.run({});
        QCOMPARE(second.briefed, 0);
        QCOMPARE(second.total, 0);
        QCOMPARE(second.notRead, first.total);
        // Leads named on purpose are read whatever changed, and come out as before.
        pipeline::RunOptions chosen;
        chosen.leadIds = {1, 2, 3};
        const auto some = orchestrator.run(chosen);
        QCOMPARE(some.total, 3);
        QCOMPARE(some.briefed, 0);
        QCOMPARE(some.unchanged + some.notQualified, 3);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"), first.briefed);
        QCOMPARE(scalar(db, "SELECT count(*) FROM pipeline_runs WHERE status = 'done'"), 3);
    }

    void aChangedLeadGetsANewBriefThatSupersedesTheOld()
    {
        auto db = store::openStore(storeCopy("b.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(2);
        pipeline::Orchestrator orchestrator(db, m_registry, m_policy, clock, ids);
        orchestrator.run({});
        auto pick =
            db.prepare("SELECT b.id, l.source_id FROM briefs b JOIN leads l ON l.id = b.lead_id "
                       "WHERE l.source_system = 'hubspot' ORDER BY b.id LIMIT 1");
        QVERIFY(pick.step());
        const qint64 oldBrief = pick.int64At(0);
        const std::string hubspotId = pick.textAt(1);
        pick.reset(); // an open read would hold the connection's snapshot
        // The lead books a demo: a new event, so new inputs.
        const QString events = m_dir.filePath("new-event.jsonl");
        QFile f(events);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            nlohmann::json({{"contract", "engagement_event"},
                            {"record",
                             {{"source_system", "website"},
                              {"source_id", "late-demo-1"},
                              {"lead", {{"source_system", "hubspot"}, {"source_id", hubspotId}}},
                              {"type", "demo_request"},
                              {"occurred_at", "2026-11-16T09:00:00Z"},
                              {"attributes", nlohmann::json::object()}}}})
                .dump() +
            "\n"));
        f.close();
        ingest::Importer importer(db, m_registry, clock);
        QCOMPARE(importer.importFile(events.toStdString()).counts.inserted, 1);

        const auto again = orchestrator.run({});
        QCOMPARE(again.briefed, 1);
        QCOMPARE(again.total, 1); // only the lead the import touched is read
        auto status = db.prepare("SELECT status, superseded_by FROM briefs WHERE id = ?");
        status.bind(1, oldBrief);
        QVERIFY(status.step());
        QCOMPARE(status.textAt(0), std::string("superseded"));
        QVERIFY(!status.isNull(1));
        const auto brief =
            nlohmann::json::parse(*pipeline::RunStore(db).briefJson(status.int64At(1)));
        bool demo = false;
        for (const auto &action : brief["recommended_actions"])
            demo = demo || action["action"] == "book_demo";
        QVERIFY(demo);
    }

    void anAccountChangeReachesTheLeadsOfItsDomain()
    {
        auto db = store::openStore(storeCopy("d.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(4);
        pipeline::Orchestrator orchestrator(db, m_registry, m_policy, clock, ids);
        orchestrator.run({});
        std::string domain, accountJson;
        {
            auto pick = db.prepare(
                "SELECT a.domain, a.record FROM accounts a WHERE (SELECT count(*) FROM leads l "
                "WHERE l.company_domain = a.domain) >= 1 ORDER BY a.id LIMIT 1");
            QVERIFY(pick.step());
            domain = pick.textAt(0);
            accountJson = pick.textAt(1);
        }
        const qint64 leadsThere =
            scalar(db, "SELECT count(*) FROM leads WHERE company_domain = '" + domain + "'");
        auto record = nlohmann::json::parse(accountJson);
        record["employees"] = record.value("employees", 0) + 5000; // the company grew
        const QString file = m_dir.filePath("account-update.jsonl");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(
            nlohmann::json({{"contract", "account"}, {"version", 1}, {"record", record}}).dump() +
            "\n"));
        f.close();
        ingest::Importer importer(db, m_registry, clock);
        QCOMPARE(importer.importFile(file.toStdString()).counts.updated, 1);
        const auto after = orchestrator.run({});
        QCOMPARE(after.total, leadsThere);
        QCOMPARE(after.notRead, scalar(db, "SELECT count(*) FROM leads") - leadsThere);
    }

    void anInterruptedRunIsFinishedExactly()
    {
        // Reference: one uninterrupted run.
        auto whole = store::openStore(storeCopy("whole.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(3);
        pipeline::Orchestrator(whole, m_registry, m_policy, clock, ids).run({});

        auto cut = store::openStore(storeCopy("cut.sqlite"));
        pipeline::Orchestrator orchestrator(cut, m_registry, m_policy, clock, ids);
        const auto partial = runCancelledAfter(orchestrator, 150);
        QCOMPARE(scalar(cut, "SELECT count(*) FROM pipeline_runs WHERE status = 'interrupted'"), 1);
        // Items are written as leads finish; the run's list names the rest.
        const auto itemsWritten = scalar(cut, "SELECT count(*) FROM run_items");
        QVERIFY(itemsWritten >= 150 && itemsWritten < partial.total);
        QCOMPARE(scalar(cut, "SELECT leads_done FROM pipeline_runs"), itemsWritten);
        QVERIFY(partial.briefed < scalar(whole, "SELECT count(*) FROM briefs"));

        QVERIFY_THROWS_EXCEPTION(pipeline::RunError, [&] {
            nlohmann::json doc = m_policy.document;
            doc["scoring"]["qualify_threshold"] = 40;
            const auto other = agents::parsePolicy(doc.dump(), "changed", m_registry);
            pipeline::Orchestrator(cut, m_registry, other, clock, ids).run({});
        }());

        const auto resumed = orchestrator.run({});
        QVERIFY(resumed.resumed);
        QCOMPARE(resumed.runId, partial.runId);
        QCOMPARE(briefDecisions(cut), briefDecisions(whole));
        QCOMPARE(scalar(cut, "SELECT count(*) FROM briefs"),
                 scalar(whole, "SELECT count(*) FROM briefs"));
        QCOMPARE(scalar(cut, "SELECT count(*) FROM run_items WHERE status = 'pending'"), 0);
        QCOMPARE(scalar(cut, "SELECT count(*) FROM run_items"), resumed.total);
        QCOMPARE(scalar(cut, "SELECT leads_done FROM pipeline_runs"), resumed.total);
        pipeline::RunOptions resumeOnly;
        resumeOnly.resumeOnly = true;
        QVERIFY_THROWS_EXCEPTION(pipeline::RunError, orchestrator.run(resumeOnly));
    }

    // A run interrupted before v10 has a pending item row per lead it had left, and no
    // list of leads: the next run finishes it from those rows, exactly.
    void aRunFromBeforeItsLeadListIsFinishedFromItsPendingRows()
    {
        auto whole = store::openStore(storeCopy("whole10.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(5);
        pipeline::Orchestrator(whole, m_registry, m_policy, clock, ids).run({});

        auto cut = store::openStore(storeCopy("cut10.sqlite"));
        pipeline::Orchestrator orchestrator(cut, m_registry, m_policy, clock, ids);
        const auto partial = runCancelledAfter(orchestrator, 100);
        cut.exec("INSERT INTO run_items (run_id, lead_id) SELECT r.id, l.id FROM pipeline_runs r, "
                 "leads l WHERE l.id NOT IN (SELECT lead_id FROM run_items)");
        cut.exec("UPDATE pipeline_runs SET leads = NULL");
        QVERIFY(scalar(cut, "SELECT count(*) FROM run_items WHERE status = 'pending'") > 0);

        const auto resumed = orchestrator.run({});
        QVERIFY(resumed.resumed);
        QCOMPARE(resumed.runId, partial.runId);
        QCOMPARE(resumed.total, partial.total);
        QCOMPARE(briefDecisions(cut), briefDecisions(whole));
        QCOMPARE(scalar(cut, "SELECT count(*) FROM run_items WHERE status = 'pending'"), 0);
        QCOMPARE(scalar(cut, "SELECT count(*) FROM run_items"), resumed.total);
    }

    void aRunOverChosenLeadsTakesEachOnceAndRefusesUnknownOnes()
    {
        auto db = store::openStore(storeCopy("chosen.sqlite"));
        const FixedClock clock(m_now);
        RandomIdGenerator ids(6);
        pipeline::Orchestrator orchestrator(db, m_registry, m_policy, clock, ids);
        const auto last = scalar(db, "SELECT max(id) FROM leads");
        pipeline::RunOptions unknown;
        unknown.leadIds = {last, 4000000000000, 1};
        try {
            orchestrator.run(unknown);
            QFAIL("expected RunError");
        } catch (const pipeline::RunError &e) {
            QCOMPARE(QString(e.what()), QStringLiteral("the store has no lead #4000000000000"));
        }
        QCOMPARE(scalar(db, "SELECT count(*) FROM pipeline_runs"), 0);

        pipeline::RunOptions chosen;
        chosen.leadIds = {last, 7, last, 1, 7};
        const auto run = orchestrator.run(chosen);
        QCOMPARE(run.total, 3);
        auto items = db.prepare(db.engine() == store::Engine::Postgres
                                    ? "SELECT string_agg(lead_id::text, ',' ORDER BY lead_id) "
                                      "FROM run_items"
                                    : "SELECT group_concat(lead_id) FROM (SELECT lead_id FROM "
                                      "run_items ORDER BY lead_id)");
        QVERIFY(items.step());
        QCOMPARE(items.textAt(0), "1,7," + std::to_string(last));
    }

    // Upgrading a store from before v8 fills each brief's dashboard columns (completeness,
    // newest signal, agents' time) from its JSON, steps and events: what the pipeline
    // itself writes into them.
    void theV8BackfillGivesWhatThePipelineWrites()
    {
        if (onPostgres())
            QSKIP("a store from before v8 is SQLite's: PostgreSQL stores start at v16");
        const auto path = storeCopy("v8.sqlite");
        std::map<std::int64_t, std::tuple<double, double, double>> written;
        {
            auto db = store::openStore(testStoreLocation(path));
            const FixedClock clock(m_now);
            RandomIdGenerator ids(7);
            pipeline::Orchestrator(db, m_registry, m_policy, clock, ids).run({});
            auto st = db.prepare("SELECT id, completeness, julianday(signal_at), pipeline_ms "
                                 "FROM briefs");
            while (st.step())
                written[st.int64At(0)] = {st.doubleAt(1), st.doubleAt(2), st.doubleAt(3)};
            QVERIFY(written.size() > 50);
            // Back to v7: what v8 to v12 added goes (the test reads no brief's inputs).
            db.exec(kUndoSinceV12);
            db.exec("DROP INDEX briefs_kpi; DROP INDEX review_actions_by_time; DROP INDEX "
                    "outbox_by_update; DROP TABLE contract_drift; DROP INDEX quarantine_by_time; "
                    "ALTER TABLE briefs DROP COLUMN inputs; ALTER TABLE briefs DROP COLUMN "
                    "completeness; ALTER TABLE briefs DROP COLUMN signal_at; ALTER TABLE briefs "
                    "DROP COLUMN pipeline_ms; ALTER TABLE pipeline_runs DROP COLUMN leads; "
                    "CREATE INDEX run_items_pending ON run_items (run_id, status); "
                    "PRAGMA user_version = 7");
        }
        auto db = store::openStore(testStoreLocation(path));
        QCOMPARE(db.userVersion(), store::latestSchemaVersion());
        auto st = db.prepare("SELECT id, completeness, julianday(signal_at), pipeline_ms "
                             "FROM briefs");
        std::size_t compared = 0;
        while (st.step()) {
            const auto &[completeness, signal, ms] = written.at(st.int64At(0));
            QCOMPARE(st.doubleAt(1), completeness);
            QVERIFY(std::abs(st.doubleAt(2) - signal) < 1e-8); // the same instant
            QVERIFY(std::abs(st.doubleAt(3) - ms) < 1e-6);      // summed in another order
            ++compared;
        }
        QCOMPARE(compared, written.size());
    }
};

QTEST_GUILESS_MAIN(TestOrchestrator)
#include "test_orchestrator.moc"
