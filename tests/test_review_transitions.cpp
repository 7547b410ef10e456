#include "ApprovedStore.h"
#include "governance/AuditLog.h"
#include "review/ReviewChainCheck.h"
#include "review/ReviewEvent.h"
#include "review/ReviewService.h"
#include "review/Transitions.h"
#include "store/Migrations.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <map>

using namespace baton;
using review::BriefStatus;
using review::ReviewAction;
using review::ReviewError;

// The review workflow walked as a whole: every action from every state as every role, with
// the exact outcome written out here by hand (not derived from the table it checks); the
// subscribers that carry each transition's side effects; and the step that made retract and
// rerun actions of their own, from a store written before it.
class TestReviewTransitions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const FixedClock m_clock{*util::parseRfc3339("2026-11-17T09:30:00Z")};
    std::unique_ptr<BriefedStores> m_stores;

    std::string freshStore() { return m_stores->fresh(); }

    // A brief a rep owns that can be approved as it stands (its lead's consent allows its
    // actions), and the rep.
    static std::pair<std::int64_t, std::string> approvableBrief(store::Database &db,
                                                                review::ReviewService &service)
    {
        auto st = db.prepare("SELECT b.id, b.owner FROM briefs b JOIN users u ON u.email = "
                             "b.owner WHERE b.status = 'pending_review' AND u.role = 'rep' AND "
                             "u.manager IS NOT NULL ORDER BY b.id");
        while (st.step()) {
            const auto id = st.int64At(0);
            store::Transaction probe(db);
            try {
                service.approve(service.actor(st.textAt(1), "probe"), id, 1);
                return {id, st.textAt(1)};
            } catch (const ReviewError &) {
            }
        }
        return {-1, {}};
    }

    // Codes: y allowed, F Forbidden, S WrongState.
    using Row = std::map<BriefStatus, std::string>;
    // Per action, per status, one code per actor: the owning rep, another rep, a manager,
    // marketing ops, an admin.
    static std::map<ReviewAction, Row> expectedOutcomes()
    {
        using enum BriefStatus;
        const auto all = [](const std::string &codes, std::map<BriefStatus, std::string> except) {
            Row r;
            for (BriefStatus s : util::allOf<BriefStatus>())
                r[s] = except.count(s) ? except[s] : codes;
            return r;
        };
        return {
            {ReviewAction::Approve, all("SFSFF", {{PendingReview, "yFyFF"}})},
            {ReviewAction::Edit, all("SFSFF", {{PendingReview, "yFyFF"}, {Escalated, "SFyFF"}})},
            {ReviewAction::Escalate, all("SFSSF", {{PendingReview, "yFyyF"}})},
            {ReviewAction::Comment, all("yFyyy", {{Superseded, "SFSSS"}})},
            {ReviewAction::Reassign,
             all("FFSSS", {{PendingReview, "FFyyy"}, {Escalated, "FFyyy"}})},
            {ReviewAction::Resolve, all("FFSFF", {{Escalated, "FFyFF"}})},
            {ReviewAction::Rerun, all("FFSFF", {{Escalated, "FFyFF"}})},
            {ReviewAction::Retract, all("FFSFF",
                                        {{Approved, "FFyFF"},
                                         {Queued, "FFyFF"},
                                         {Pushed, "FFyFF"},
                                         {PushFailed, "FFyFF"}})},
            // From a real approval by the owning rep, within its grace period.
            {ReviewAction::UndoApprove, all("SFSFF", {{Approved, "yFyFF"}})},
        };
    }

    // Where each action leaves a brief that started in `from`.
    static BriefStatus expectedEnd(ReviewAction action, BriefStatus from)
    {
        switch (action) {
        case ReviewAction::Approve:
        case ReviewAction::Resolve: // resolved here with Resolution::Approve
            return BriefStatus::Approved;
        case ReviewAction::Escalate:
            return BriefStatus::Escalated;
        case ReviewAction::Retract:
            return BriefStatus::Resolved;
        case ReviewAction::UndoApprove:
            return BriefStatus::PendingReview;
        default:
            return from;
        }
    }

    static char code(const std::function<void()> &act)
    {
        try {
            act();
            return 'y';
        } catch (const ReviewError &e) {
            switch (e.kind()) {
            case ReviewError::Kind::Forbidden:
                return 'F';
            case ReviewError::Kind::WrongState:
                return 'S';
            default:
                return '?';
            }
        }
    }

private slots:
    void initTestCase()
    {
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 300, 21);
    }

    void everyActionFromEveryStateAsEveryRole()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto [id, owner] = approvableBrief(db, service);
        QVERIFY(id > 0);
        const std::vector<review::Actor> actors = {
            service.actor(owner, "walk"),
            service.actor(owner == "sam.patel@baton.example" ? "arjun.rao@baton.example"
                                                             : "sam.patel@baton.example",
                          "walk"),
            service.actor("dana.okoro@baton.example", "walk"),
            service.actor("priya.natarajan@baton.example", "walk"),
            service.actor("alex.kim@baton.example", "walk")};
        const auto patch = nlohmann::json::array({{{"op", "replace"},
                                                   {"path", "/summary/talking_points/0/text"},
                                                   {"value", "Ask about the rollout."}}});
        int cases = 0;
        for (const auto &[action, row] : expectedOutcomes()) {
            for (const auto &[status, codes] : row) {
                for (std::size_t a = 0; a < actors.size(); ++a) {
                    store::Transaction tx(db); // undone after each case
                    auto set = db.prepare("UPDATE briefs SET status = ?2, escalated_to = CASE "
                                          "WHEN ?2 = 'escalated' THEN 'henrik.larsen@baton."
                                          "example' END WHERE id = ?1");
                    // Undo needs an approval whose operations are held: a real one.
                    const bool approveFirst =
                        action == ReviewAction::UndoApprove && status == BriefStatus::Approved;
                    set.bindAll(id, util::nameString(approveFirst ? BriefStatus::PendingReview
                                                                  : status));
                    set.run();
                    if (approveFirst)
                        service.approve(actors[0], id, service.brief(id).version);
                    const auto before = service.brief(id);
                    const auto actionsBefore = scalar(db, "SELECT count(*) FROM review_actions");
                    const auto auditBefore = scalar(db, "SELECT count(*) FROM audit_log");
                    review::ReviewRequest r;
                    r.action = action;
                    r.briefId = id;
                    r.version = before.version;
                    r.note = "walking the table";
                    r.reason = action == ReviewAction::Retract ? "wrong person" : "clearer";
                    r.patch = action == ReviewAction::Edit ? &patch : nullptr;
                    r.category = review::EscalationCategory::FitUnclear;
                    r.targetUser =
                        action == ReviewAction::Reassign ? actors[1].user : std::string();
                    r.resolution = action == ReviewAction::Resolve
                                       ? std::optional(review::Resolution::Approve)
                                       : std::nullopt;
                    const char got = code([&] { service.act(actors[a], r); });
                    const auto where = util::nameString(action) + " from " +
                                       util::nameString(status) + " as " + actors[a].user;
                    QVERIFY2(got == codes[a], qPrintable(QString::fromStdString(
                                                  where + ": expected " + codes[a] + ", got " + got)));
                    const bool owner = a == 0;
                    QVERIFY2(review::permitted(action, actors[a].role, owner, status) == (got == 'y'),
                             qPrintable(QString::fromStdString(where)));
                    const auto after = service.brief(id);
                    if (got == 'y') {
                        QVERIFY2(after.status == expectedEnd(action, status),
                                 qPrintable(QString::fromStdString(where)));
                        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions"),
                                 actionsBefore + 1);
                        QVERIFY(scalar(db, "SELECT count(*) FROM audit_log") > auditBefore);
                    } else { // a refusal leaves nothing behind
                        QCOMPARE(after.version, before.version);
                        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions"), actionsBefore);
                        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log"), auditBefore);
                    }
                    ++cases;
                }
            }
        }
        QCOMPARE(cases, 9 * 8 * 5);
    }

    void refusalsNameWhatIsMissingAndWhatWasExpected()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto [id, owner] = approvableBrief(db, service);
        const auto rep = service.actor(owner, "t");
        const auto dana = service.actor("dana.okoro@baton.example", "t");
        const auto patch = nlohmann::json::array(
            {{{"op", "replace"}, {"path", "/summary/talking_points/0/text"}, {"value", "x"}}});
        service.escalate(rep, id, 1, "fit_unclear", "");
        try {
            service.edit(rep, id, 2, patch, "clearer");
            QFAIL("a rep edited an escalated brief");
        } catch (const ReviewError &e) {
            QCOMPARE(e.kind(), ReviewError::Kind::WrongState);
            QCOMPARE(std::string(e.what()),
                     "brief #" + std::to_string(id) +
                         " is escalated: only pending_review briefs can be edited by a rep");
        }
        try {
            service.retract(dana, id, 2, "");
            QFAIL("a retraction without a reason");
        } catch (const ReviewError &e) {
            QCOMPARE(e.kind(), ReviewError::Kind::InvalidInput);
            QCOMPARE(std::string(e.what()), std::string("retract needs a reason"));
        }
        try {
            service.resolve(dana, id, 2, review::Resolution::ReturnToRep, "");
            QFAIL("a return to the rep without a note");
        } catch (const ReviewError &e) {
            QCOMPARE(std::string(e.what()), std::string("resolve return_to_rep needs a note"));
        }
    }

    void subscribersSeeEachTransitionInsideItsTransaction()
    {
        struct Recorder : review::ReviewSubscriber
        {
            std::vector<std::string> seen;
            bool refuse = false;
            void onTransition(store::Database &db, const review::ReviewEvent &e) override
            {
                // The brief is already written when subscribers hear of it, in the same
                // transaction.
                QVERIFY(db.inTransaction());
                QCOMPARE(review::readBriefState(db, e.after.id).status, e.after.status);
                seen.push_back(util::nameString(e.action) + ":" +
                               util::nameString(e.before.status) + "->" +
                               util::nameString(e.after.status));
                if (refuse)
                    throw ReviewError(ReviewError::Kind::Forbidden, "the listener says no");
            }
        } recorder;
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto [id, owner] = approvableBrief(db, service);
        service.subscribe(recorder);
        const auto rep = service.actor(owner, "t");
        const auto dana = service.actor("dana.okoro@baton.example", "t");
        service.escalate(rep, id, 1, "fit_unclear", "unsure");
        const auto patch = nlohmann::json::array(
            {{{"op", "replace"}, {"path", "/summary/talking_points/0/text"}, {"value", "y"}}});
        service.resolve(dana, id, 2, review::Resolution::ApproveWithEdits, "tightened", &patch);
        QCOMPARE(recorder.seen, (std::vector<std::string>{"escalate:pending_review->escalated",
                                                          "edit:escalated->escalated",
                                                          "resolve:escalated->approved"}));
        // The outbox subscriber queued the approval's operations; the audit recorded each.
        QVERIFY(scalar(db, "SELECT count(*) FROM outbox WHERE brief_id = " + std::to_string(id)) >
                0);
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE object = 'brief#" +
                                std::to_string(id) + "'"),
                 3);

        // A subscriber that refuses undoes the action and everything the others did for it.
        recorder.refuse = true;
        const auto version = service.brief(id).version;
        const auto audit = scalar(db, "SELECT count(*) FROM audit_log");
        const auto ops = scalar(db, "SELECT count(*) FROM outbox");
        try {
            service.retract(dana, id, version, "wrong person");
            QFAIL("the refusing subscriber was not heard");
        } catch (const ReviewError &e) {
            QCOMPARE(std::string(e.what()), std::string("the listener says no"));
        }
        QCOMPARE(service.brief(id).status, BriefStatus::Approved);
        QCOMPARE(service.brief(id).version, version);
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log"), audit);
        QCOMPARE(scalar(db, "SELECT count(*) FROM outbox"), ops);
        QVERIFY(governance::AuditLog(db).verify().ok);
    }

    void theStoresChecksListTheVocabulary()
    {
        auto db = store::openStore(freshStore());
        const bool postgres = db.engine() == store::Engine::Postgres;
        const auto schema = [&](const char *table) {
            // PostgreSQL keeps no statement's text: its CHECK constraints, as it writes them.
            auto st = db.prepare(postgres ? "SELECT string_agg(pg_get_constraintdef(oid), ' ') "
                                            "FROM pg_constraint WHERE contype = 'c' AND "
                                            "conrelid = to_regclass(?)"
                                          : "SELECT sql FROM sqlite_master WHERE type = 'table' "
                                            "AND name = ?");
            st.bind(1, std::string(table));
            return st.step() ? st.textAt(0) : std::string();
        };
        const auto normalised = [](std::string s) {
            std::erase_if(s, [](char c) { return c == ' ' || c == '\n'; });
            return s;
        };
        // "column IN ('a', 'b')", as each engine writes it back.
        const auto check = [&](const char *column, const std::string &list) {
            if (!postgres)
                return "CHECK(" + std::string(column) + "IN(" + normalised(list) + "))";
            std::string typed = normalised(list);
            for (std::size_t at = 0; (at = typed.find('\'', at)) != std::string::npos;) {
                const auto end = typed.find('\'', at + 1);
                typed.insert(end + 1, "::text");
                at = end + 7;
            }
            return "CHECK((" + std::string(column) + "=ANY(ARRAY[" + typed + "])))";
        };
        QVERIFY2(normalised(schema("review_actions"))
                             .find(check("action", util::sqlList<ReviewAction>())) !=
                         std::string::npos,
                 schema("review_actions").c_str());
        QVERIFY2(normalised(schema("briefs")).find(check("status", util::sqlList<BriefStatus>())) !=
                     std::string::npos,
                 schema("briefs").c_str());
    }

    // A store from before v14 recorded a retraction as ("resolve", reason "retract", the
    // reason in the note) and a re-run request as ("resolve", reason "rerun"), and its audit
    // chain says "resolve" for both. The step renames the rows; the chain still checks.
    void retractAndRerunBecomeActionsOfTheirOwn()
    {
        if (onPostgres())
            QSKIP("a store from before v14 is SQLite's: PostgreSQL stores start at v16");
        const auto file = freshStore();
        std::int64_t retracted = 0, rerun = 0;
        {
            auto db = store::openStore(testStoreLocation(file));
            review::ReviewService service(db, m_registry, m_clock);
            const auto [id, owner] = approvableBrief(db, service);
            const auto dana = service.actor("dana.okoro@baton.example", "t");
            service.approve(service.actor(owner, "t"), id, 1);
            retracted = id;
            auto escalated = db.prepare("SELECT id FROM briefs WHERE status = 'escalated' ORDER "
                                        "BY id LIMIT 1");
            QVERIFY(escalated.step());
            rerun = escalated.int64At(0);
            escalated.reset();
            // As the code before v14 wrote them: the brief, its review row, its audit entry.
            store::Transaction tx(db);
            db.exec(R"sql(
DROP TABLE run_chunks;
DROP INDEX briefs_inbox;
ALTER TABLE outbox DROP COLUMN held_until;
CREATE TABLE review_actions_v13 (
    id INTEGER PRIMARY KEY, brief_id INTEGER NOT NULL REFERENCES briefs (id),
    version INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('approve', 'edit', 'escalate', 'comment',
                                           'reassign', 'resolve')),
    actor TEXT NOT NULL, role TEXT NOT NULL, os_user TEXT NOT NULL, reason TEXT, note TEXT,
    patch TEXT, target TEXT, status_before TEXT NOT NULL, status_after TEXT NOT NULL,
    at TEXT NOT NULL);
INSERT INTO review_actions_v13 SELECT * FROM review_actions;
DROP TABLE review_actions;
ALTER TABLE review_actions_v13 RENAME TO review_actions;
CREATE INDEX review_actions_by_brief ON review_actions (brief_id, id);
CREATE INDEX review_actions_by_time ON review_actions (at, action, brief_id);
)sql");
            const auto legacy = [&](std::int64_t brief, const char *reason, const char *note,
                                    const char *to) {
                const auto before = review::readBriefState(db, brief);
                db.exec("UPDATE briefs SET version = version + 1, status = '" + std::string(to) +
                        "' WHERE id = " + std::to_string(brief));
                auto row = db.prepare(
                    "INSERT INTO review_actions (brief_id, version, action, actor, role, os_user, "
                    "reason, note, status_before, status_after, at) VALUES (?, ?, 'resolve', "
                    "'dana.okoro@baton.example', 'manager', 't', ?, ?, ?, ?, "
                    "'2026-11-17T09:30:00Z')");
                row.bindAll(brief, before.version, std::string(reason), std::string(note),
                            util::nameString(before.status), std::string(to));
                row.run();
                auto entry = governance::AuditEntry::by(dana, "resolve",
                                                        "brief#" + std::to_string(brief),
                                                        "2026-11-17T09:30:00Z");
                entry.beforeHash = review::stateHash(before);
                entry.afterHash = review::stateHash(review::readBriefState(db, brief));
                entry.detail = nlohmann::json({{"review_action", db.lastInsertRowId()},
                                               {"version", before.version},
                                               {"status", {util::nameString(before.status), to}}})
                                   .dump();
                governance::AuditLog(db).append(entry);
            };
            legacy(retracted, "retract", "wrong person", "resolved");
            legacy(rerun, "rerun", "enrichment looked off", "escalated");
            db.exec("PRAGMA user_version = 13");
            tx.commit();
            QVERIFY(!review::firstReviewDisagreement(db));
        }
        auto db = store::openStore(testStoreLocation(file)); // migrates
        QCOMPARE(db.userVersion(), store::latestSchemaVersion());
        const auto row = [&](std::int64_t brief) {
            auto st = db.prepare("SELECT action || '|' || coalesce(reason, '-') || '|' || "
                                 "coalesce(note, '-') FROM review_actions WHERE brief_id = ? "
                                 "ORDER BY id DESC LIMIT 1");
            st.bind(1, brief);
            return st.step() ? st.textAt(0) : std::string();
        };
        QCOMPARE(row(retracted), std::string("retract|wrong person|-"));
        QCOMPARE(row(rerun), std::string("rerun|-|enrichment looked off"));
        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions WHERE action = 'resolve' AND "
                            "reason IN ('retract', 'rerun')"),
                 0);
        const auto disagreement = review::firstReviewDisagreement(db);
        QVERIFY2(!disagreement, disagreement ? disagreement->c_str() : "");
        QVERIFY(governance::AuditLog(db).verify().ok);
        // The new CHECK refuses what the vocabulary does not have.
        QVERIFY_THROWS_EXCEPTION(store::StoreError,
                                 db.exec("UPDATE review_actions SET action = 'undo' WHERE id = 1"));
    }
};

QTEST_GUILESS_MAIN(TestReviewTransitions)
#include "test_review_transitions.moc"
