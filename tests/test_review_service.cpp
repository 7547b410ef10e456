#include "DemoStore.h"
#include "agents/Policy.h"
#include "crm/OutboxActions.h"
#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "governance/Permissions.h"
#include "pipeline/LeadRerun.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/BriefQueries.h"
#include "review/ReviewService.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using review::ReviewError;

// Review actions over a real store the pipeline filled: who may do what, in which state,
// on which version; edits as JSON Patches checked against brief@1; and the audit chain,
// which reports the first broken link when a row is altered or removed.
class TestReviewService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const std::chrono::system_clock::time_point m_now = *util::parseRfc3339("2026-11-16T12:00:00Z");
    const FixedClock m_clock{*util::parseRfc3339("2026-11-17T09:30:00Z")};
    QString m_template;
    int m_copies = 0;

    std::string freshStore()
    {
        return copyStore(
            m_template.toStdString(),
            m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_copies)).toStdString());
    }

    static std::int64_t firstBrief(store::Database &db, const std::string &status,
                                   const std::string &owner = {})
    {
        auto st = db.prepare("SELECT id FROM briefs WHERE status = ?1 AND (?2 = '' OR owner = ?2) "
                             "ORDER BY id LIMIT 1");
        st.bindAll(status, owner);
        return st.step() ? st.int64At(0) : -1;
    }

    template <typename F> static ReviewError::Kind failure(F &&f)
    {
        try {
            f();
        } catch (const ReviewError &e) {
            return e.kind();
        }
        return static_cast<ReviewError::Kind>(-1);
    }

    // Replaces the first talking point's text: an edit a rep would make.
    static nlohmann::json rewordFirstTalkingPoint(const std::string &text)
    {
        return nlohmann::json::array(
            {{{"op", "replace"}, {"path", "/summary/talking_points/0/text"}, {"value", text}}});
    }

private slots:
    void initTestCase()
    {
        m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
        buildDemoStore(m_template.toStdString(),
                       m_dir.filePath(QStringLiteral("demo")).toStdString(), 400, 21, m_now);
        auto db = store::openStore(testStoreLocation(m_template.toStdString()));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const auto policy = agents::defaultPolicy(m_registry);
        const FixedClock clock(m_now);
        RandomIdGenerator ids(3);
        const auto run = pipeline::Orchestrator(db, m_registry, policy, clock, ids).run({});
        QVERIFY(run.briefed > 10);
        QVERIFY(run.escalated > 0);
        checkpointTestStore(db);
    }

    void thePermissionMatrixIsTheDocumentedOne()
    {
        using governance::Action;
        using governance::Grant;
        using governance::Role;
        const auto g = [](Role r, Action a) { return governance::grant(r, a); };
        QCOMPARE(g(Role::Rep, Action::Approve), Grant::Own);
        QCOMPARE(g(Role::Rep, Action::Resolve), Grant::No);
        QCOMPARE(g(Role::Rep, Action::Reassign), Grant::No);
        QCOMPARE(g(Role::Manager, Action::Resolve), Grant::Any);
        QCOMPARE(g(Role::MarketingOps, Action::Approve), Grant::No);
        QCOMPARE(g(Role::MarketingOps, Action::Reassign), Grant::Any);
        QCOMPARE(g(Role::Admin, Action::Edit), Grant::No);
        QCOMPARE(g(Role::Admin, Action::ViewAudit), Grant::Any);
        QCOMPARE(g(Role::Manager, Action::ManageOutbox), Grant::No);
        QCOMPARE(g(Role::MarketingOps, Action::ManageOutbox), Grant::Any);
        QCOMPARE(governance::parseRole("marketing_ops"), std::optional(Role::MarketingOps));
        QVERIFY(!governance::parseRole("owner"));
    }

    void aRepApprovesTheirOwnBriefAndTheChainRecordsIt()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto rep = service.actor("Lena Fischer", "lena");
        QCOMPARE(rep.user, std::string("lena.fischer@baton.example"));
        const auto id = firstBrief(db, "pending_review", rep.user);
        QVERIFY(id > 0);
        const auto before = service.brief(id);
        const auto after = service.approve(rep, id, before.version);
        QCOMPARE(after.status, review::BriefStatus::Approved);
        QCOMPARE(after.version, before.version + 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions WHERE action = 'approve' AND "
                            "os_user = 'lena' AND brief_id = " +
                                std::to_string(id)),
                 1);
        governance::AuditLog audit(db);
        const auto entries =
            audit.list({rep.user, "approve", "brief#" + std::to_string(id), "", "", 10});
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries[0].beforeHash != entries[0].afterHash);
        QCOMPARE(entries[0].at, std::string("2026-11-17T09:30:00Z"));
        QVERIFY(audit.verify().ok);
        QCOMPARE(audit.list({"", "", "", "2026-11-17", "2026-11-18", 10}).size(), std::size_t(1));
        QVERIFY(audit.list({"", "", "", "2026-11-18", "", 10}).empty());
        QVERIFY(audit.list({"", "", "", "", "2026-11-17T09:30:00Z", 10}).empty());
        // Approved is approved: a second approval is refused by state, not silently repeated.
        QCOMPARE(failure([&] { service.approve(rep, id, after.version); }),
                 ReviewError::Kind::WrongState);
    }

    // Approving queues what the CRM must receive in the approval's own transaction: the
    // person, a note carrying the brief and a task for its first action, both after the
    // person; a refused approval queues nothing.
    // Retrying and cancelling CRM operations is marketing ops' and admins' work, checked
    // against state and written to the audit chain.
    void outboxActionsAreCheckedAndAudited()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto rep = service.actor("lena.fischer@baton.example", "lena");
        const auto ops = service.actor("priya.natarajan@baton.example", "priya");
        const auto id = firstBrief(db, "pending_review", rep.user);
        service.approve(rep, id, service.brief(id).version);
        const auto rows = crm::OutboxStore(db).forBrief(id);
        QCOMPARE(rows.size(), std::size_t(3));
        crm::OutboxActions actions(db, m_clock);
        QCOMPARE(failure([&] { actions.cancel(rep, rows[2].id, "not needed"); }),
                 ReviewError::Kind::Forbidden);
        QCOMPARE(failure([&] { actions.cancel(ops, rows[2].id, ""); }),
                 ReviewError::Kind::InvalidInput);
        actions.cancel(ops, rows[2].id, "the rep already called");
        QCOMPARE(crm::OutboxStore(db).row(rows[2].id).status, std::string("cancelled"));
        QCOMPARE(crm::OutboxStore(db).row(rows[2].id).cancelReason,
                 std::string("the rep already called"));
        QCOMPARE(failure([&] { actions.cancel(ops, rows[2].id, "again"); }),
                 ReviewError::Kind::WrongState);
        QCOMPARE(failure([&] { actions.retryNow(ops, rows[2].id); }),
                 ReviewError::Kind::WrongState);
        QCOMPARE(failure([&] { actions.retryNow(ops, 999999); }), ReviewError::Kind::NotFound);
        // In flight: another worker may be sending it; its lease is not cut short.
        db.exec(
            "UPDATE outbox SET status = 'in_flight', next_attempt_at = '2099-01-01T00:00:00.000Z' "
            "WHERE id = " +
            std::to_string(rows[0].id));
        QCOMPARE(failure([&] { actions.retryNow(ops, rows[0].id); }),
                 ReviewError::Kind::WrongState);
        QCOMPARE(crm::OutboxStore(db).row(rows[0].id).nextAttemptAt,
                 std::string("2099-01-01T00:00:00.000Z"));

        // A failed operation is sent again on request; its brief is on its way again.
        db.exec("UPDATE outbox SET status = 'failed', last_error = 'HubSpot 400' WHERE id = " +
                std::to_string(rows[1].id));
        db.exec("UPDATE briefs SET status = 'push_failed' WHERE id = " + std::to_string(id));
        actions.retryNow(ops, rows[1].id);
        QCOMPARE(crm::OutboxStore(db).row(rows[1].id).status, std::string("pending"));
        QCOMPARE(service.brief(id).status, review::BriefStatus::Approved);
        governance::AuditLog audit(db);
        QCOMPARE(audit.list({ops.user, "outbox_cancel", "", "", "", 10}).size(), std::size_t(1));
        QCOMPARE(audit.list({ops.user, "outbox_retry", "", "", "", 10}).size(), std::size_t(1));
        QVERIFY(audit.verify().ok);
    }

    void anApprovalQueuesItsCrmOperations()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto rep = service.actor("lena.fischer@baton.example", "lena");
        const auto id = firstBrief(db, "pending_review", rep.user);
        const auto before = service.brief(id);
        QCOMPARE(failure([&] { service.approve(rep, id, before.version + 1); }),
                 ReviewError::Kind::Conflict);
        QVERIFY(crm::OutboxStore(db).forBrief(id).empty());

        service.approve(rep, id, before.version);
        const auto ops = crm::OutboxStore(db).forBrief(id);
        QCOMPARE(ops.size(), std::size_t(3));
        QCOMPARE(ops[0].kind, std::string("upsert_person"));
        QCOMPARE(ops[1].kind, std::string("create_note"));
        QCOMPARE(ops[2].kind, std::string("create_task"));
        QCOMPARE(ops[1].dependsOn, std::optional<std::int64_t>(ops[0].id));
        QCOMPARE(ops[2].dependsOn, std::optional<std::int64_t>(ops[0].id));
        for (const auto &op : ops) {
            QCOMPARE(op.status, std::string("pending"));
            QCOMPARE(op.nextAttemptAt, std::string("2026-11-17T09:30:00.000Z"));
        }
        const auto brief = nlohmann::json::parse(before.text);
        const auto person = nlohmann::json::parse(ops[0].payload);
        QVERIFY(person["email"] == brief["lead"]["email"]);
        QCOMPARE(person["external_id"].get<std::string>(),
                 "baton-lead-" + std::to_string(before.leadId));
        QCOMPARE(person["owner"].get<std::string>(), before.owner);
        const auto note = nlohmann::json::parse(ops[1].payload);
        const auto body = note["body"].get<std::string>();
        QVERIFY2(body.find(brief["summary"]["talking_points"][0]["text"].get<std::string>()) !=
                     std::string::npos,
                 body.c_str());
        QVERIFY(body.find("Baton brief #" + std::to_string(id)) != std::string::npos);
        const auto task = nlohmann::json::parse(ops[2].payload);
        QVERIFY(task["due"] == brief["recommended_actions"][0]["due"]);
        QCOMPARE(task["external_id"].get<std::string>(),
                 "baton-brief-" + std::to_string(id) + "-task");
        const auto entries = governance::AuditLog(db).list(
            {rep.user, "approve", "brief#" + std::to_string(id), "", "", 1});
        QCOMPARE(nlohmann::json::parse(entries.at(0).detail)["crm_operations_queued"].get<int>(),
                 3);
        // Queueing the same brief again adds nothing: the keys are the brief's.
        db.exec("BEGIN");
        crm::OutboxStore(db).enqueue(id, crm::planApproval(id, brief, before.owner, nullptr), "later");
        db.exec("COMMIT");
        QCOMPARE(crm::OutboxStore(db).forBrief(id).size(), std::size_t(3));
    }

    void nobodyActsBeyondTheirRole()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto lena = service.actor("lena.fischer@baton.example", "x");
        const auto sam = service.actor("sam.patel@baton.example", "x");
        const auto ops = service.actor("priya.natarajan@baton.example", "x");
        const auto admin = service.actor("alex.kim@baton.example", "x");
        const auto id = firstBrief(db, "pending_review", lena.user);
        const auto v = service.brief(id).version;
        QCOMPARE(failure([&] { service.approve(sam, id, v); }), ReviewError::Kind::Forbidden);
        QCOMPARE(failure([&] { service.approve(ops, id, v); }), ReviewError::Kind::Forbidden);
        QCOMPARE(failure([&] { service.edit(admin, id, v, rewordFirstTalkingPoint("x"), "y"); }),
                 ReviewError::Kind::Forbidden);
        const auto escalated = firstBrief(db, "escalated");
        QCOMPARE(failure([&] {
                     service.resolve(lena, escalated, service.brief(escalated).version,
                                     review::Resolution::Approve, "");
                 }),
                 ReviewError::Kind::Forbidden);
        QCOMPARE(failure([&] { service.actor("nobody@example.com", "x"); }),
                 ReviewError::Kind::NotFound);
        // Refusals change nothing and leave no trace but the refusal itself.
        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions"), 0);
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log"), 0);
        QCOMPARE(service.brief(id).version, v);
    }

    void theSecondOfTwoSessionsOnOneVersionGetsAConflict()
    {
        const auto path = freshStore();
        auto first = store::openStore(testStoreLocation(path));
        auto second = store::openStore(testStoreLocation(path));
        review::ReviewService a(first, m_registry, m_clock), b(second, m_registry, m_clock);
        const auto lena = a.actor("lena.fischer@baton.example", "lena");
        const auto manager = b.actor("henrik.larsen@baton.example", "henrik");
        const auto id = firstBrief(first, "pending_review", lena.user);
        const auto seen = a.brief(id); // both sessions opened this version
        QCOMPARE(b.brief(id).version, seen.version);
        a.approve(lena, id, seen.version);
        try {
            b.edit(manager, id, seen.version, rewordFirstTalkingPoint("Call about pricing."),
                   "clearer");
            QFAIL("the stale edit was saved");
        } catch (const ReviewError &e) {
            QCOMPARE(e.kind(), ReviewError::Kind::Conflict);
            const std::string message = e.what();
            QVERIFY2(message.find("approve by lena.fischer@baton.example") != std::string::npos,
                     e.what());
        }
        const auto now = b.brief(id);
        QCOMPARE(now.status, review::BriefStatus::Approved);
        QVERIFY(!now.edited);
        QCOMPARE(now.text, seen.text);
    }

    void editsArePatchesThatKeepTheContract()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto lena = service.actor("lena.fischer@baton.example", "lena");
        const auto id = firstBrief(db, "pending_review", lena.user);
        const auto before = service.brief(id);
        const auto patch = rewordFirstTalkingPoint("Ask about their Q1 rollout.");
        const auto after = service.edit(lena, id, before.version, patch, "more specific");
        QVERIFY(after.edited);
        QCOMPARE(nlohmann::json::parse(after.text)["summary"]["talking_points"][0]["text"]
                     .get<std::string>(),
                 std::string("Ask about their Q1 rollout."));
        // The generated brief stays as the pipeline wrote it; the patch is what changed.
        QCOMPARE(
            scalar(db, "SELECT brief = " + std::string("(SELECT brief FROM briefs WHERE id = ") +
                           std::to_string(id) +
                           ") AND edited IS NOT NULL FROM briefs WHERE id = " + std::to_string(id)),
            1);
        auto stored = db.prepare("SELECT patch, reason FROM review_actions WHERE action = 'edit'");
        QVERIFY(stored.step());
        QVERIFY(nlohmann::json::parse(stored.textAt(0)) == patch);
        QCOMPARE(stored.textAt(1), std::string("more specific"));

        // Not editable: the provenance. Invalid: evidence that is not a record reference.
        try {
            service.edit(
                lena, id, after.version,
                nlohmann::json::array(
                    {{{"op", "replace"}, {"path", "/provenance/run_id"}, {"value", "forged"}}}),
                "x");
            QFAIL("an edit of the provenance was saved");
        } catch (const ReviewError &e) {
            QCOMPARE(e.kind(), ReviewError::Kind::InvalidEdit);
            QVERIFY2(std::string(e.what()).find("/provenance/run_id: not editable") !=
                         std::string::npos,
                     e.what());
        }
        try {
            service.edit(lena, id, after.version,
                         nlohmann::json::array({{{"op", "replace"},
                                                 {"path", "/summary/talking_points/0/evidence/0"},
                                                 {"value", "my notes"}}}),
                         "x");
            QFAIL("an edit breaking brief@1 was saved");
        } catch (const ReviewError &e) {
            QCOMPARE(e.kind(), ReviewError::Kind::InvalidEdit);
            QVERIFY2(std::string(e.what()).find("/summary/talking_points/0/evidence/0") !=
                         std::string::npos,
                     e.what());
        }
        QCOMPARE(failure([&] {
                     service.edit(lena, id, after.version,
                                  nlohmann::json::array(
                                      {{{"op", "remove"}, {"path", "/summary/nothing/here"}}}),
                                  "x");
                 }),
                 ReviewError::Kind::InvalidEdit);
        QCOMPARE(service.brief(id).version, after.version);
    }

    void anEscalationIsResolvedByAManagerWithEdits()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto lena = service.actor("lena.fischer@baton.example", "lena");
        const auto henrik = service.actor("henrik.larsen@baton.example", "henrik");
        const auto id = firstBrief(db, "pending_review", lena.user);
        QCOMPARE(failure([&] {
                     service.escalate(lena, id, service.brief(id).version, "gut_feeling", "");
                 }),
                 ReviewError::Kind::InvalidInput);
        const auto escalated =
            service.escalate(lena, id, service.brief(id).version, "fit_unclear", "is this ICP?");
        QCOMPARE(escalated.status, review::BriefStatus::Escalated);
        QCOMPARE(escalated.escalatedTo, henrik.user); // Lena's manager, from her profile
        // The rep cannot edit it any more, the manager can, and resolves with an edit.
        QCOMPARE(failure([&] {
                     service.edit(lena, id, escalated.version, rewordFirstTalkingPoint("a"), "b");
                 }),
                 ReviewError::Kind::WrongState);
        const auto patch = rewordFirstTalkingPoint("Good fit: same stack as our best accounts.");
        const auto resolved = service.resolve(henrik, id, escalated.version,
                                              review::Resolution::ApproveWithEdits, "fits", &patch);
        QCOMPARE(resolved.status, review::BriefStatus::Approved);
        QVERIFY(resolved.edited);
        QCOMPARE(resolved.version, escalated.version + 2); // the edit, then the approval
        QVERIFY(resolved.escalatedTo.empty());
        auto actions = db.prepare("SELECT action, actor FROM review_actions WHERE brief_id = ? "
                                  "ORDER BY id");
        actions.bind(1, id);
        std::vector<std::string> seen;
        while (actions.step())
            seen.push_back(actions.textAt(0) + " by " + actions.textAt(1));
        QCOMPARE(seen,
                 (std::vector<std::string>{"escalate by " + lena.user, "edit by " + henrik.user,
                                           "resolve by " + henrik.user}));
        QVERIFY(governance::AuditLog(db).verify().ok);
    }

    void resolutionsNeedWhatTheyPromise()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto dana = service.actor("dana.okoro@baton.example", "dana");
        const auto id = firstBrief(db, "escalated");
        const auto v = service.brief(id).version;
        QCOMPARE(
            failure([&] { service.resolve(dana, id, v, review::Resolution::ReturnToRep, ""); }),
            ReviewError::Kind::InvalidInput);
        QCOMPARE(failure([&] { service.resolve(dana, id, v, review::Resolution::Reject, "meh"); }),
                 ReviewError::Kind::InvalidInput);
        QCOMPARE(failure([&] {
                     service.resolve(dana, id, v, review::Resolution::ApproveWithEdits, "x");
                 }),
                 ReviewError::Kind::InvalidInput);
        const auto rejected = service.resolve(dana, id, v, review::Resolution::Reject, "duplicate");
        QCOMPARE(rejected.status, review::BriefStatus::Resolved);
        QCOMPARE(
            scalar(db, "SELECT count(*) FROM review_actions WHERE reason = 'reject:duplicate'"), 1);
    }

    // The fifth resolution: a manager re-runs the pipeline for the lead. Unchanged inputs,
    // agents and policy make the same brief, so nothing is written and the escalation stays
    // open; under a changed policy the new brief supersedes the escalated one.
    void aManagerRerunsTheLeadOfAnEscalation()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto dana = service.actor("dana.okoro@baton.example", "dana");
        const auto id = firstBrief(db, "escalated");
        const auto before = service.brief(id);
        const auto rep = service.actor(before.owner, "rep");
        QCOMPARE(failure([&] { service.requestRerun(rep, id, before.version, ""); }),
                 ReviewError::Kind::Forbidden);
        QCOMPARE(failure([&] { service.requestRerun(dana, id, before.version - 1, ""); }),
                 ReviewError::Kind::Conflict);
        const auto requested = service.requestRerun(dana, id, before.version, "enrichment fixed?");
        QCOMPARE(requested.status, review::BriefStatus::Escalated);
        QCOMPARE(requested.version, before.version + 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM review_actions WHERE brief_id = " +
                                std::to_string(id) +
                                " AND action = 'rerun' AND reason IS NULL"),
                 1);

        auto policy = agents::defaultPolicy(m_registry);
        const FixedClock clock(m_now);
        RandomIdGenerator ids(5);
        const auto briefsBefore = scalar(db, "SELECT count(*) FROM briefs");
        {
            pipeline::Orchestrator orchestrator(db, m_registry, policy, clock, ids);
            const auto same = pipeline::rerunLead(db, orchestrator, before.leadId, "rerun by dana");
            QCOMPARE(same.status, pipeline::ItemStatus::Unchanged);
            QVERIFY(!same.newBrief);
            QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"), briefsBefore);
            QCOMPARE(service.brief(id).status, review::BriefStatus::Escalated);
        }
        policy.sha256 = std::string(64, '7'); // another policy: another fingerprint
        pipeline::Orchestrator orchestrator(db, m_registry, policy, clock, ids);
        const auto rerun = pipeline::rerunLead(db, orchestrator, before.leadId, "rerun by dana");
        QCOMPARE(rerun.status, pipeline::ItemStatus::Briefed);
        QVERIFY(rerun.newBrief && *rerun.newBrief != id);
        QCOMPARE(rerun.run.total, std::int64_t(1));
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"), briefsBefore + 1);
        QCOMPARE(service.brief(id).status, review::BriefStatus::Superseded);
        QCOMPARE(scalar(db, "SELECT superseded_by FROM briefs WHERE id = " + std::to_string(id)),
                 *rerun.newBrief);
        QCOMPARE(
            scalar(db, "SELECT lead_id FROM briefs WHERE id = " + std::to_string(*rerun.newBrief)),
            before.leadId);
        QVERIFY(governance::AuditLog(db).verify().ok);
    }

    // The inbox's reads: filters that agree with plain SQL, search after the index catches
    // up (and after an edit), and a brief's inputs, steps and history.
    void theInboxQueriesFilterSearchAndExplain()
    {
        auto db = store::openStore(freshStore());
        review::BriefQueries queries(db);
        review::InboxFilter mine;
        mine.owner = "lena.fischer@baton.example";
        const auto lenaOpen = queries.count(mine);
        QCOMPARE(lenaOpen, scalar(db, "SELECT count(*) FROM briefs WHERE owner = "
                                      "'lena.fischer@baton.example' AND status IN "
                                      "('pending_review', 'escalated')"));
        QVERIFY(lenaOpen > 1);
        const auto byScore = queries.page(mine, review::InboxSort::Score, true, 0, 1000);
        QCOMPARE(static_cast<std::int64_t>(byScore.size()), lenaOpen);
        for (std::size_t i = 1; i < byScore.size(); ++i)
            QVERIFY(byScore[i - 1].score >= byScore[i].score);
        QVERIFY(!byScore[0].leadName.empty());
        const auto paged = queries.page(mine, review::InboxSort::Score, true, 1, 1);
        QCOMPARE(paged.at(0).id, byScore.at(1).id);
        review::InboxFilter escalated;
        escalated.status = "escalated";
        escalated.band = "A";
        QCOMPARE(queries.count(escalated),
                 scalar(db, "SELECT count(*) FROM briefs WHERE status = 'escalated' AND grid LIKE "
                            "'A%'"));

        // Search covers nothing until the index catches up, then finds by company and words.
        const auto target = byScore[0];
        review::InboxFilter search;
        search.status = "all";
        search.search = target.company.substr(0, 5);
        QCOMPARE(queries.count(search), 0);
        QVERIFY(queries.unindexedBriefs() > 0);
        QCOMPARE(queries.indexBriefs(100000), 0);
        QVERIFY(queries.count(search) >= 1);
        search.search = "\"unbalanced quote";
        QCOMPARE(queries.count(search), 0); // a person's text is never an FTS syntax error

        review::ReviewService service(db, m_registry, m_clock);
        const auto lena = service.actor(mine.owner, "lena");
        service.edit(lena, target.id, target.version,
                     rewordFirstTalkingPoint("Mention the zeppelin integration."), "detail");
        search.search = "zeppelin";
        const auto found = queries.page(search, review::InboxSort::Lead, false, 0, 10);
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].id, target.id);

        // A search pages on the narrow index (briefs_inbox) and reads only its page in full:
        // the same rows, in the same order, as the table read row by row.
        QCOMPARE(scalar(db, db.engine() == store::Engine::Postgres
                                ? "SELECT count(*) FROM pg_indexes WHERE indexname = 'briefs_inbox'"
                                : "SELECT count(*) FROM sqlite_master WHERE name = 'briefs_inbox'"),
                 1);
        search.search = "a";
        const auto all = queries.count(search);
        QVERIFY(all > 20);
        for (const auto sort : {review::InboxSort::Sla, review::InboxSort::Lead,
                                review::InboxSort::Score, review::InboxSort::Owner}) {
            std::vector<std::int64_t> paged;
            for (std::int64_t offset = 0; offset < all; offset += 7)
                for (const auto &row : queries.page(search, sort, true, offset, 7))
                    paged.push_back(row.id);
            QCOMPARE(static_cast<std::int64_t>(paged.size()), all);
            const auto whole = queries.page(search, sort, true, 0, all);
            for (std::size_t i = 0; i < whole.size(); ++i)
                QCOMPARE(paged[i], whole[i].id);
        }

        const auto inputs = queries.inputs(service.brief(target.id).text);
        QVERIFY(inputs.size() > 3);
        for (const auto &in : inputs) {
            QVERIFY2(!in.missing && !in.changedSince, in.ref.c_str());
            QVERIFY(!in.sourceSystem.empty() && !in.receivedAt.empty());
        }
        QCOMPARE(inputs[0].contract.rfind("lead@", 0), 0u);
        QCOMPARE(queries.steps(target.id).size(), std::size_t(4));
        const auto history = queries.history(target.id);
        QCOMPARE(history.size(), std::size_t(1));
        QCOMPARE(history[0].action, std::string("edit"));
        QVERIFY(history[0].patch.find("zeppelin") != std::string::npos);
    }

    void theAuditChainNamesTheFirstBrokenLink()
    {
        auto db = store::openStore(freshStore());
        review::ReviewService service(db, m_registry, m_clock);
        const auto dana = service.actor("dana.okoro@baton.example", "dana");
        for (int i = 0; i < 4; ++i) {
            const auto id = firstBrief(db, "pending_review");
            service.comment(dana, id, "looked at it");
            service.approve(dana, id, service.brief(id).version);
        }
        governance::AuditLog audit(db);
        auto ok = audit.verify();
        QVERIFY(ok.ok);
        QCOMPARE(ok.rows, 8);

        db.exec("UPDATE audit_log SET actor = 'someone.else@baton.example' WHERE seq = 5");
        auto altered = audit.verify();
        QVERIFY(!altered.ok);
        QCOMPARE(altered.firstBroken, std::optional<std::int64_t>(5));
        QVERIFY(altered.problem.find("altered") != std::string::npos);

        db.exec("DELETE FROM audit_log WHERE seq = 5");
        auto removed = audit.verify();
        QCOMPARE(removed.firstBroken, std::optional<std::int64_t>(6));
        QVERIFY2(removed.problem.find("row 5 is missing") != std::string::npos,
                 removed.problem.c_str());
    }
};

QTEST_GUILESS_MAIN(TestReviewService)
#include "test_review_service.moc"
