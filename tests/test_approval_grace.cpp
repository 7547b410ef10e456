#include "ApprovedStore.h"
#include "crm/DeliveryTargets.h"
#include "crm/JsonlSink.h"
#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewChainCheck.h"
#include "review/ReviewService.h"
#include "store/Migrations.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace std::chrono_literals;
using review::BriefStatus;
using review::ReviewError;

// The safety net under an approval: its CRM operations are held for the store's grace period,
// every push skips them until it passes, and until then the approver (or a manager) can undo
// the approval, which cancels them. After the grace, or once anything was sent, the answer
// is a retraction. All time from a fixed clock moved by hand.
class TestApprovalGrace : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const util::TimePoint m_t0 = *util::parseRfc3339("2026-11-17T09:30:00Z");
    std::unique_ptr<BriefedStores> m_stores;

    struct Fixture
    {
        store::Database db;
        FixedClock clock;
        review::ReviewService service;
        std::int64_t id = 0;
        review::Actor owner;

        Fixture(const std::string &path, const contracts::ContractRegistry &registry,
                util::TimePoint at)
            : db(store::openStore(testStoreLocation(path))), clock(at), service(db, registry, clock)
        {
        }
        std::int64_t version() { return service.brief(id).version; }
        review::Actor as(const std::string &user) { return service.actor(user, "t"); }
        std::int64_t ops(const std::string &status)
        {
            return scalar(db, "SELECT count(*) FROM outbox WHERE brief_id = " +
                                  std::to_string(id) + " AND status = '" + status + "'");
        }
    };

    // A fresh store and a rep's brief that can be approved as it stands.
    std::unique_ptr<Fixture> fixture()
    {
        auto f = std::make_unique<Fixture>(m_stores->fresh(), m_registry, m_t0);
        auto st = f->db.prepare("SELECT b.id, b.owner FROM briefs b JOIN users u ON u.email = "
                                "b.owner WHERE b.status = 'pending_review' AND u.role = 'rep' "
                                "ORDER BY b.id");
        while (st.step()) {
            store::Transaction probe(f->db);
            try {
                f->service.approve(f->as(st.textAt(1)), st.int64At(0), 1);
                f->id = st.int64At(0);
                f->owner = f->as(st.textAt(1));
                break;
            } catch (const ReviewError &) {
            }
        }
        return f;
    }

    static ReviewError::Kind refusal(const std::function<void()> &act, std::string *message)
    {
        try {
            act();
        } catch (const ReviewError &e) {
            if (message)
                *message = e.what();
            return e.kind();
        }
        return static_cast<ReviewError::Kind>(-1);
    }

    static void checkTrail(store::Database &db)
    {
        QVERIFY(governance::AuditLog(db).verify().ok);
        const auto disagreement = review::firstReviewDisagreement(db);
        QVERIFY2(!disagreement, disagreement ? disagreement->c_str() : "");
    }

private slots:
    void initTestCase()
    {
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 300, 21);
    }

    void theGraceIsASettingOfTheStore()
    {
        auto f = fixture();
        review::ApprovalGrace grace(f->db);
        QCOMPARE(grace.period(), review::ApprovalGrace::kDefault);
        QCOMPARE(refusal([&] { grace.setPeriod(f->owner, 10s, m_t0); }, nullptr),
                 ReviewError::Kind::Forbidden);
        const auto admin = f->as("alex.kim@baton.example");
        QCOMPARE(refusal([&] { grace.setPeriod(admin, -1s, m_t0); }, nullptr),
                 ReviewError::Kind::InvalidInput);
        grace.setPeriod(admin, 15s, m_t0);
        QCOMPARE(review::ApprovalGrace(f->db).period(), 15s);
        QCOMPARE(scalar(f->db, "SELECT count(*) FROM audit_log WHERE action = "
                               "'approval_grace_set' AND before_hash = '60' AND after_hash = '15'"),
                 1);
        checkTrail(f->db);
    }

    void pushSkipsHeldOperationsUntilTheGracePasses()
    {
        auto f = fixture();
        const auto admin = f->as("alex.kim@baton.example");
        crm::DeliveryTargets(f->db, f->clock).setEnabled(admin, "jsonl", true);
        f->service.approve(f->owner, f->id, 1);
        crm::OutboxStore outbox(f->db);
        const auto held = f->ops("pending");
        QVERIFY(held >= 3); // the person, the note, the JSONL line at least
        QCOMPARE(scalar(f->db, "SELECT count(*) FROM outbox WHERE brief_id = " +
                                   std::to_string(f->id) +
                                   " AND held_until = '2026-11-17T09:31:00.000Z'"),
                 held);
        const auto file = m_dir.filePath(QStringLiteral("held.jsonl")).toStdString();
        crm::JsonlSink sink(f->db, file, f->clock);
        for (const auto at : {0s, 59s}) {
            f->clock.set(m_t0 + at);
            const auto now = util::formatUtcMillis(f->clock.now());
            QVERIFY(outbox.due(now, 100).empty());
            QVERIFY(!outbox.nextDue(now)); // a push does not wait for what may be undone
            QCOMPARE(outbox.held(now).count, held);
            QCOMPARE(outbox.held(now).until, std::string("2026-11-17T09:31:00.000Z"));
            QCOMPARE(sink.runOnce().done, std::int64_t(0));
        }
        QVERIFY(!QFile::exists(QString::fromStdString(file)));
        f->clock.set(m_t0 + 60s);
        const auto now = util::formatUtcMillis(f->clock.now());
        QCOMPARE(outbox.held(now).count, std::int64_t(0));
        QVERIFY(!outbox.due(now, 100).empty());
        QCOMPARE(sink.runOnce().done, std::int64_t(1));
        QVERIFY(QFile::exists(QString::fromStdString(file)));
    }

    void undoWithinTheGraceReturnsTheBriefAndCancelsItsOperations()
    {
        auto f = fixture();
        const auto approved = f->service.approve(f->owner, f->id, 1);
        const auto queued = f->ops("pending");
        QVERIFY(queued > 0);
        f->clock.set(m_t0 + 30s);
        const auto undone = f->service.undoApprove(f->owner, f->id, approved.version);
        QCOMPARE(undone.status, BriefStatus::PendingReview);
        QCOMPARE(undone.version, approved.version + 1);
        QCOMPARE(f->ops("pending"), std::int64_t(0));
        QCOMPARE(f->ops("cancelled"), queued);
        QCOMPARE(scalar(f->db, "SELECT count(*) FROM review_actions WHERE brief_id = " +
                                   std::to_string(f->id) + " AND action = 'unapprove' AND "
                                   "status_after = 'pending_review'"),
                 1);
        QCOMPARE(scalar(f->db, "SELECT count(*) FROM audit_log WHERE action = 'unapprove' AND "
                               "CAST(json_extract(detail, '$.crm_operations_cancelled') AS INTEGER) = " +
                                   std::to_string(queued)),
                 1);
        checkTrail(f->db);

        // Approved again, the same operations are queued again, held from now.
        f->clock.set(m_t0 + 40s);
        f->service.approve(f->owner, f->id, undone.version);
        QCOMPARE(f->ops("pending"), queued);
        QCOMPARE(scalar(f->db, "SELECT count(*) FROM outbox WHERE brief_id = " +
                                   std::to_string(f->id) +
                                   " AND held_until = '2026-11-17T09:31:40.000Z'"),
                 queued);
        checkTrail(f->db);
    }

    void undoAfterTheGraceOrASendIsRefused()
    {
        auto f = fixture();
        const auto approved = f->service.approve(f->owner, f->id, 1);
        f->clock.set(m_t0 + 60s);
        std::string why;
        QCOMPARE(refusal([&] { f->service.undoApprove(f->owner, f->id, approved.version); }, &why),
                 ReviewError::Kind::WrongState);
        QVERIFY2(why.find("grace period ended at 2026-11-17T09:31:00.000Z") != std::string::npos &&
                     why.find("retract") != std::string::npos,
                 why.c_str());
        QCOMPARE(f->service.brief(f->id).status, BriefStatus::Approved);

        // Within the grace, but a worker already took one of its operations.
        auto g = fixture();
        const auto second = g->service.approve(g->owner, g->id, 1);
        g->clock.set(m_t0 + 5s);
        const auto first = scalar(g->db, "SELECT min(id) FROM outbox WHERE brief_id = " +
                                             std::to_string(g->id));
        QVERIFY(crm::OutboxStore(g->db).claim(first, 0, "2026-11-17T09:30:05.000Z",
                                              "2026-11-17T09:31:05.000Z"));
        QCOMPARE(refusal([&] { g->service.undoApprove(g->owner, g->id, second.version); }, &why),
                 ReviewError::Kind::WrongState);
        QVERIFY2(why.find("being sent") != std::string::npos, why.c_str());
        checkTrail(g->db);
    }

    void theApproverOrAManagerMayUndo()
    {
        auto f = fixture();
        const auto dana = f->as("dana.okoro@baton.example");
        const auto mops = f->as("priya.natarajan@baton.example");
        auto approved = f->service.approve(dana, f->id, 1); // a manager approved a rep's brief
        std::string why;
        QCOMPARE(refusal([&] { f->service.undoApprove(f->owner, f->id, approved.version); }, &why),
                 ReviewError::Kind::Forbidden);
        QVERIFY2(why.find("only their own approvals") != std::string::npos, why.c_str());
        QCOMPARE(refusal([&] { f->service.undoApprove(mops, f->id, approved.version); }, nullptr),
                 ReviewError::Kind::Forbidden);
        const auto undone = f->service.undoApprove(dana, f->id, approved.version);
        QCOMPARE(undone.status, BriefStatus::PendingReview);
        // A manager may undo the rep's own approval too; a stale version is a conflict.
        approved = f->service.approve(f->owner, f->id, undone.version);
        QCOMPARE(refusal([&] { f->service.undoApprove(dana, f->id, undone.version); }, nullptr),
                 ReviewError::Kind::Conflict);
        QCOMPARE(f->service.undoApprove(dana, f->id, approved.version).status,
                 BriefStatus::PendingReview);
        checkTrail(f->db);
    }

    void noGraceHoldsNothingAndUndoesNothing()
    {
        auto f = fixture();
        review::ApprovalGrace(f->db).setPeriod(f->as("alex.kim@baton.example"), 0s, m_t0);
        const auto approved = f->service.approve(f->owner, f->id, 1);
        const auto now = util::formatUtcMillis(m_t0);
        QCOMPARE(crm::OutboxStore(f->db).held(now).count, std::int64_t(0));
        QVERIFY(!crm::OutboxStore(f->db).due(now, 100).empty());
        std::string why;
        QCOMPARE(refusal([&] { f->service.undoApprove(f->owner, f->id, approved.version); }, &why),
                 ReviewError::Kind::WrongState);
        QVERIFY2(why.find("not held") != std::string::npos, why.c_str());
    }

    // A store at v14, with approvals and their operations, takes v15: every row stays, the
    // CHECK admits the new action, and approvals from before (never held) cannot be undone.
    void aV14StoreKeepsItsRows()
    {
        if (onPostgres())
            QSKIP("a store at v14 is SQLite's: PostgreSQL stores start at v16");
        auto f = fixture();
        const auto approved = f->service.approve(f->owner, f->id, 1);
        const auto path = f->db.path().string();
        const auto count = [](store::Database &db, const char *table) {
            return scalar(db, std::string("SELECT count(*) FROM ") + table);
        };
        const auto actions = count(f->db, "review_actions");
        const auto ops = count(f->db, "outbox");
        const auto audit = count(f->db, "audit_log");
        {
            store::Transaction tx(f->db);
            f->db.exec("DROP TABLE run_chunks; DROP INDEX briefs_inbox; ALTER TABLE outbox DROP "
                       "COLUMN held_until; "
                       "CREATE TABLE review_actions_v14 (id INTEGER PRIMARY KEY, brief_id INTEGER "
                       "NOT NULL REFERENCES briefs (id), version INTEGER NOT NULL, action TEXT NOT "
                       "NULL CHECK (action IN ('approve', 'edit', 'escalate', 'comment', "
                       "'reassign', 'resolve', 'rerun', 'retract')), actor TEXT NOT NULL, role "
                       "TEXT NOT NULL, os_user TEXT NOT NULL, reason TEXT, note TEXT, patch TEXT, "
                       "target TEXT, status_before TEXT NOT NULL, status_after TEXT NOT NULL, at "
                       "TEXT NOT NULL); "
                       "INSERT INTO review_actions_v14 SELECT * FROM review_actions; "
                       "DROP TABLE review_actions; "
                       "ALTER TABLE review_actions_v14 RENAME TO review_actions; "
                       "CREATE INDEX review_actions_by_brief ON review_actions (brief_id, id); "
                       "CREATE INDEX review_actions_by_time ON review_actions (at, action, "
                       "brief_id); PRAGMA user_version = 14");
            tx.commit();
        }
        const std::int64_t id = f->id;
        const auto owner = f->owner;
        f.reset();
        auto db = store::openStore(testStoreLocation(path)); // migrates
        QCOMPARE(db.userVersion(), store::latestSchemaVersion());
        QCOMPARE(count(db, "review_actions"), actions);
        QCOMPARE(count(db, "outbox"), ops);
        QCOMPARE(count(db, "audit_log"), audit);
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox WHERE held_until IS NOT NULL"),
                 std::int64_t(0));
        checkTrail(db);
        FixedClock clock(m_t0);
        review::ReviewService service(db, m_registry, clock);
        std::string why;
        QCOMPARE(refusal([&] { service.undoApprove(owner, id, approved.version); }, &why),
                 ReviewError::Kind::WrongState);
        QVERIFY2(why.find("not held") != std::string::npos, why.c_str());
        db.exec("UPDATE review_actions SET action = 'unapprove' WHERE id = 1"); // admitted
    }
};

QTEST_GUILESS_MAIN(TestApprovalGrace)
#include "test_approval_grace.moc"
