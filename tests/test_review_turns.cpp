#include "DemoStore.h"
#include "agents/Policy.h"
#include "governance/AuditLog.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ReviewService.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <chrono>
#include <thread>

using namespace baton;

// Two people acting on one brief at once, each on their own connection: the second action
// waits for the first to commit and then sees the brief as the first left it, so what it
// records (the status before and after, the audit's state hashes) is the committed order.
// On PostgreSQL (READ COMMITTED) nothing else makes a comment wait for an approval in
// flight; SQLite's single writer does it already.
class TestReviewTurns : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const FixedClock m_clock{*util::parseRfc3339("2026-11-17T09:30:00Z")};
    std::string m_store;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("turns.sqlite")).toStdString();
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(m_store, m_dir.filePath(QStringLiteral("demo")).toStdString(), 200, 5,
                       now);
        auto db = store::openStore(testStoreLocation(m_store));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const FixedClock clock(now);
        RandomIdGenerator ids(3);
        const auto run = pipeline::Orchestrator(db, m_registry, agents::defaultPolicy(m_registry),
                                                clock, ids)
                             .run({});
        QVERIFY(run.briefed > 0);
        checkpointTestStore(db);
    }

    void aCommentWaitsForTheApprovalInFlightAndRecordsItsOutcome()
    {
        auto first = store::openStore(testStoreLocation(m_store));
        review::ReviewService approving(first, m_registry, m_clock);
        const auto manager = approving.actor("Dana Okoro", "dana");
        auto st = first.prepare("SELECT b.id, b.owner FROM briefs b JOIN users u ON u.email = "
                                "b.owner WHERE b.status = 'pending_review' AND u.role = 'rep' "
                                "ORDER BY b.id LIMIT 1");
        QVERIFY(st.step());
        const auto id = st.int64At(0);
        const auto owner = st.textAt(1);
        st.reset();

        store::Transaction tx(first);
        approving.approve(manager, id, approving.brief(id).version);

        std::atomic<bool> done{false};
        std::string failure;
        std::thread commenter([&] {
            try {
                auto second = store::openStore(testStoreLocation(m_store));
                review::ReviewService commenting(second, m_registry, m_clock);
                commenting.comment(commenting.actor(owner, "rep"), id, "a thought");
            } catch (const std::exception &e) {
                failure = e.what();
            }
            done = true;
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(400));
        const bool waited = !done;
        tx.commit();
        commenter.join();
        QVERIFY(waited);
        QVERIFY2(failure.empty(), failure.c_str());

        auto check = store::openStore(testStoreLocation(m_store));
        auto rec = check.prepare("SELECT status_before || ' ' || status_after FROM "
                                 "review_actions WHERE brief_id = ?1 AND action = 'comment'");
        rec.bind(1, id);
        QVERIFY(rec.step());
        QCOMPARE(rec.textAt(0), std::string("approved approved"));
        QVERIFY(governance::AuditLog(check).verify().ok);
    }
};

QTEST_GUILESS_MAIN(TestReviewTurns)
#include "test_review_turns.moc"
