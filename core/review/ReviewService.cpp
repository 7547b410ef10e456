#include "review/ReviewService.h"

#include "agents/Consent.h"
#include "agents/InputsConsidered.h"
#include "contracts/ContractRegistry.h"
#include "crm/OutboxPlanner.h"
#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "governance/Identity.h"
#include "pipeline/LeadInputReader.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace baton::review {

using governance::Action;
using governance::Grant;

namespace {

std::string ref(std::int64_t briefId)
{
    return "brief #" + std::to_string(briefId);
}

} // namespace

// What the audit chain records of a brief: enough to tell any two states apart.
std::string stateHash(const BriefState &b)
{
    const nlohmann::json state = {{"status", b.status},
                                  {"version", b.version},
                                  {"owner", b.owner},
                                  {"escalated_to", b.escalatedTo},
                                  {"brief_sha256", util::sha256Hex(b.text)}};
    return util::sha256Hex(state.dump());
}

namespace {

// Each recommended action the person's consent rules out, with the fact that rules it out.
std::vector<std::string> consentProblems(const nlohmann::json &brief,
                                         const agents::Consent &consent)
{
    std::vector<std::string> problems;
    const auto actions = brief.find("recommended_actions");
    if (actions == brief.end() || !actions->is_array())
        return problems;
    for (std::size_t i = 0; i < actions->size(); ++i) {
        const auto &a = (*actions)[i];
        const std::string action = a.is_object() && a.contains("action") && a["action"].is_string()
                                       ? a["action"].get<std::string>()
                                       : std::string();
        if (const auto why = agents::consentRefusal(consent, action))
            problems.push_back("/recommended_actions/" + std::to_string(i) +
                               "/action: consent: " + *why);
    }
    return problems;
}

std::int64_t leadOf(const nlohmann::json &brief)
{
    const auto lead = brief.find("lead");
    if (lead == brief.end() || !lead->is_object() || !lead->contains("id") ||
        !(*lead)["id"].is_number_integer())
        return 0;
    return (*lead)["id"].get<std::int64_t>();
}

bool isEditable(const std::string &path)
{
    // Consent is the store's facts, read again at every edit and approval: not an opinion.
    if (path.rfind("/profile/consent_", 0) == 0)
        return false;
    for (const auto &prefix : ReviewService::editablePaths()) {
        if (prefix.back() == '*') { // "/profile/*/value": one field's value
            const auto stem = prefix.substr(0, prefix.size() - 1);
            if (path.rfind(stem, 0) == 0) {
                const auto rest = path.substr(stem.size());
                const auto slash = rest.find('/');
                if (slash != std::string::npos && rest.substr(slash) == "/value")
                    return true;
            }
        } else if (path == prefix || path.rfind(prefix + "/", 0) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

std::optional<Resolution> parseResolution(const std::string &name)
{
    if (name == "approve")
        return Resolution::Approve;
    if (name == "approve_with_edits")
        return Resolution::ApproveWithEdits;
    if (name == "return_to_rep")
        return Resolution::ReturnToRep;
    if (name == "reject")
        return Resolution::Reject;
    return std::nullopt;
}

const std::vector<std::string> &escalationCategories()
{
    static const std::vector<std::string> list = {
        "fit_unclear", "data_quality", "strategic_account", "consent", "duplicate",
        "routing",     "other"};
    return list;
}

const std::vector<std::string> &rejectionReasons()
{
    static const std::vector<std::string> list = {"not_a_fit",  "duplicate",  "bad_data",
                                                  "no_consent", "competitor", "existing_customer",
                                                  "other"};
    return list;
}

const std::vector<std::string> &ReviewService::editablePaths()
{
    static const std::vector<std::string> paths = {"/summary/intent_signals",
                                                   "/summary/talking_points", "/summary/risks",
                                                   "/recommended_actions", "/profile/*"};
    return paths;
}

struct ReviewService::Change
{
    std::string action;                  // the review_actions name
    std::vector<std::string> fromStates; // where the action may start
    std::string toState;                 // empty: the status stays
    bool changesBrief = true;            // bumps the version (a comment does not)
    std::optional<std::string> owner;
    std::optional<std::string> escalatedTo; // "" clears
    std::optional<std::string> text;        // the edited brief
    std::string reason, note, patch, target;
};

ReviewService::ReviewService(store::Database &db, const contracts::ContractRegistry &registry,
                             const Clock &clock)
    : m_db(db), m_registry(registry), m_clock(clock)
{
}

Actor ReviewService::actor(const std::string &user, const std::string &osUser)
{
    auto &st = m_db.cached("SELECT email, name, role FROM users WHERE email = ?1 OR name = ?1 "
                           "ORDER BY email = ?1 DESC LIMIT 1");
    st.bind(1, user);
    if (!st.step()) {
        st.reset();
        throw ReviewError(ReviewError::Kind::NotFound,
                          "no user profile \"" + user + "\" in this store (see `baton users`)");
    }
    Actor a;
    a.user = st.textAt(0);
    a.name = st.textAt(1);
    a.role = governance::parseRole(st.textAt(2)).value_or(governance::Role::Rep);
    a.osUser = osUser;
    st.reset();
    return a;
}

Actor ReviewService::actAs(const std::string &user, const std::string &osAccount)
{
    Actor a = actor(user, osAccount);
    governance::Identity identity(m_db, m_clock);
    try {
        identity.requireMayActAs(*identity.profile(a.user), osAccount);
    } catch (const governance::IdentityRefused &e) {
        throw ReviewError(ReviewError::Kind::Forbidden, e.what());
    }
    return a;
}

bool ReviewService::mayRead(const Actor &who, std::int64_t briefId)
{
    return review::mayRead(m_db, who, briefId);
}

bool mayRead(store::Database &db, const Actor &who, std::int64_t briefId)
{
    if (governance::grant(who.role, Action::ViewAllBriefs) != Grant::No)
        return true;
    auto &st = db.cached("SELECT owner = ?2 OR EXISTS (SELECT 1 FROM review_actions WHERE "
                         "brief_id = ?1 AND actor = ?2) FROM briefs WHERE id = ?1");
    st.bindAll(briefId, who.user);
    const bool may = st.step() && st.int64At(0) != 0;
    st.reset();
    return may;
}

void ReviewService::requireMayRead(const Actor &who, std::int64_t briefId)
{
    if (!mayRead(who, briefId))
        throw ReviewError(ReviewError::Kind::Forbidden,
                          who.user + " may read only briefs they own or acted on; " + ref(briefId) +
                              " is not one of them");
}

std::optional<std::string> ReviewService::visibleTo(const Actor &who)
{
    if (governance::grant(who.role, Action::ViewAllBriefs) != Grant::No)
        return std::nullopt;
    return who.user;
}

BriefState readBriefState(store::Database &db, std::int64_t id)
{
    auto &st =
        db.cached("SELECT id, lead_id, status, version, owner, coalesce(escalated_to, ''), "
                  "coalesce(edited, brief), edited IS NOT NULL, CASE WHEN edited IS NULL THEN "
                  "inputs END FROM briefs WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        throw ReviewError(ReviewError::Kind::NotFound, "there is no " + ref(id));
    }
    BriefState b;
    b.id = st.int64At(0);
    b.leadId = st.int64At(1);
    b.status = st.textAt(2);
    b.version = st.int64At(3);
    b.owner = st.textAt(4);
    b.escalatedTo = st.textAt(5);
    b.text = agents::storedBrief(st.textAt(6),
                                 st.isNull(8) ? std::nullopt : std::optional(st.blobViewAt(8)));
    b.edited = st.int64At(7) != 0;
    st.reset();
    return b;
}

BriefState ReviewService::brief(std::int64_t id)
{
    return readBriefState(m_db, id);
}

BriefState ReviewService::apply(const Actor &who, std::int64_t briefId, std::int64_t version,
                                Action action, const Change &change)
{
    // Joins the caller's transaction when there is one (a resolution that edits, then approves).
    std::optional<store::Transaction> tx;
    if (!m_db.inTransaction())
        tx.emplace(m_db);
    const BriefState before = brief(briefId);
    const std::string verb(governance::actionName(action));
    requireGrant(who, action, before);
    // A stale version first: whatever else is wrong now, someone else's action caused it.
    if (change.changesBrief && before.version != version) {
        std::string last;
        auto &st = m_db.cached("SELECT action, actor, at FROM review_actions WHERE brief_id = ? "
                               "ORDER BY id DESC LIMIT 1");
        st.bind(1, briefId);
        if (st.step())
            last = " (last: " + st.textAt(0) + " by " + st.textAt(1) + " at " + st.textAt(2) + ")";
        st.reset();
        throw ReviewError(ReviewError::Kind::Conflict,
                          ref(briefId) + " changed since you opened it: you saw version " +
                              std::to_string(version) + ", it is now version " +
                              std::to_string(before.version) + last +
                              ". Nothing was saved; reload it and decide again.");
    }

    if (before.status == "superseded")
        throw ReviewError(ReviewError::Kind::WrongState,
                          ref(briefId) + " was superseded by a newer brief for the same lead");
    if (!change.fromStates.empty() && std::find(change.fromStates.begin(), change.fromStates.end(),
                                                before.status) == change.fromStates.end()) {
        std::string allowed;
        for (const auto &s : change.fromStates)
            allowed += (allowed.empty() ? "" : " or ") + s;
        throw ReviewError(ReviewError::Kind::WrongState,
                          ref(briefId) + " is " + before.status + ": only " + allowed +
                              " briefs can be " + (verb == "resolve" ? "resolved" : verb + "d"));
    }
    const std::string at = util::formatUtc(m_clock.now());
    const std::string status = change.toState.empty() ? before.status : change.toState;
    if (change.changesBrief) {
        auto &update = m_db.cached(
            "UPDATE briefs SET status = ?1, version = version + 1, owner = ?2, "
            "escalated_to = nullif(?3, ''), edited = coalesce(?4, edited) WHERE id = ?5 AND "
            "version = ?6");
        update.bindAll(status, change.owner.value_or(before.owner),
                       change.escalatedTo.value_or(before.escalatedTo), change.text, briefId,
                       before.version);
        update.run();
        if (m_db.changes() != 1)
            throw ReviewError(ReviewError::Kind::Conflict,
                              ref(briefId) + " changed while saving; reload it");
        if (change.text) { // search finds what the brief now says, once it is indexed
            auto &drop = m_db.cached("DELETE FROM briefs_fts WHERE rowid = ?1 AND ?1 <= (SELECT "
                                     "indexed_through FROM search_index_state)");
            drop.bind(1, briefId);
            drop.run();
            if (m_db.changes() > 0) {
                auto &add = m_db.cached("INSERT INTO briefs_fts (rowid, lead, company, body) "
                                        "SELECT id, lead, company, body FROM brief_search_text "
                                        "WHERE id = ?");
                add.bind(1, briefId);
                add.run();
            }
        }
    }
    const auto opt = [](const std::string &s) {
        return s.empty() ? std::optional<std::string>() : std::optional<std::string>(s);
    };
    auto &insert = m_db.cached(
        "INSERT INTO review_actions (brief_id, version, action, actor, role, os_user, reason, "
        "note, patch, target, status_before, status_after, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindAll(briefId, before.version, change.action, who.user,
                   std::string(governance::roleName(who.role)), who.osUser, opt(change.reason),
                   opt(change.note), opt(change.patch), opt(change.target), before.status, status,
                   at);
    insert.run();
    const std::int64_t actionId = m_db.lastInsertRowId();

    const BriefState after = brief(briefId);
    // An approved brief is only worth something in the CRM: its operations are queued in
    // this same transaction, so no approval is ever without them.
    std::size_t queued = 0;
    if (status == "approved" && before.status != "approved") {
        const auto briefJson = nlohmann::json::parse(after.text);
        // The consent gate again, on what the store says now: a fact may have arrived since
        // the brief was written.
        const agents::Consent consent(pipeline::LeadInputReader(m_db).consentFacts(after.leadId));
        if (const auto problems = consentProblems(briefJson, consent); !problems.empty()) {
            std::string message = ref(briefId) + " cannot be approved as it stands:";
            for (const auto &p : problems)
                message += "\n  " + p;
            throw ReviewError(ReviewError::Kind::InvalidEdit,
                              message + "\nEdit its recommended actions first.");
        }
        auto plan = crm::planApproval(briefId, briefJson, after.owner, &consent);
        auto &targets = m_db.cached("SELECT target FROM delivery_targets ORDER BY target");
        std::vector<std::string> enabled;
        while (targets.step())
            enabled.push_back(targets.textAt(0));
        targets.reset();
        for (auto &op : crm::planDeliveries(briefId, briefJson, enabled, at))
            plan.push_back(std::move(op));
        crm::OutboxStore(m_db).enqueue(briefId, plan, at);
        queued = plan.size();
    }
    governance::AuditEntry entry;
    entry.actor = who.user;
    entry.role = governance::roleName(who.role);
    entry.osUser = who.osUser;
    entry.action = change.action;
    entry.object = "brief#" + std::to_string(briefId);
    entry.beforeHash = stateHash(before);
    entry.afterHash = stateHash(after);
    nlohmann::json detail = {{"review_action", actionId},
                             {"version", before.version},
                             {"status", {before.status, status}}};
    if (queued > 0)
        detail["crm_operations_queued"] = queued;
    entry.detail = detail.dump();
    entry.at = at;
    governance::AuditLog(m_db).append(entry);
    if (tx)
        tx->commit();
    return after;
}

void ReviewService::requireGrant(const Actor &who, Action action, const BriefState &b)
{
    const std::string verb(governance::actionName(action));
    switch (governance::grant(who.role, action)) {
    case Grant::No:
        throw ReviewError(ReviewError::Kind::Forbidden,
                          "a " + std::string(governance::roleName(who.role)) + " may not " + verb +
                              " briefs");
    case Grant::Own:
        if (b.owner != who.user)
            throw ReviewError(ReviewError::Kind::Forbidden,
                              who.user + " may " + verb + " only their own briefs; " + ref(b.id) +
                                  " belongs to " + b.owner);
        break;
    case Grant::Any:
        break;
    }
}

BriefState ReviewService::approve(const Actor &who, std::int64_t briefId, std::int64_t version)
{
    Change c;
    c.action = "approve";
    c.fromStates = {"pending_review"};
    c.toState = "approved";
    return apply(who, briefId, version, Action::Approve, c);
}

std::vector<std::string> ReviewService::checkEdit(const nlohmann::json &current,
                                                  const nlohmann::json &edited) const
{
    std::vector<std::string> problems;
    for (const auto &op : nlohmann::json::diff(current, edited)) {
        const std::string path = op.at("path").get<std::string>();
        if (!isEditable(path))
            problems.push_back(path + ": not editable (only summary sentences, recommended "
                                      "actions and profile values are)");
    }
    if (const std::int64_t lead = leadOf(edited); lead > 0) {
        const agents::Consent consent(pipeline::LeadInputReader(m_db).consentFacts(lead));
        for (auto &p : consentProblems(edited, consent))
            problems.push_back(std::move(p));
    }
    std::vector<contracts::ValidationError> errors;
    if (!m_registry.validate("brief", 1, edited, errors))
        for (const auto &e : errors)
            problems.push_back((e.pointer.empty() ? std::string("/") : e.pointer) + ": " +
                               e.message);
    return problems;
}

BriefState ReviewService::edit(const Actor &who, std::int64_t briefId, std::int64_t version,
                               const nlohmann::json &patch, const std::string &reason)
{
    if (reason.empty())
        throw ReviewError(ReviewError::Kind::InvalidInput, "an edit needs a reason");
    const BriefState current = brief(briefId);
    nlohmann::json edited;
    try {
        edited = nlohmann::json::parse(current.text).patch(patch);
    } catch (const nlohmann::json::exception &e) {
        throw ReviewError(ReviewError::Kind::InvalidEdit,
                          "the patch does not apply to " + ref(briefId) + ": " + e.what());
    }
    const auto problems = checkEdit(nlohmann::json::parse(current.text), edited);
    if (!problems.empty()) {
        std::string message = "the edit of " + ref(briefId) + " cannot be saved:";
        for (const auto &p : problems)
            message += "\n  " + p;
        throw ReviewError(ReviewError::Kind::InvalidEdit, message);
    }
    Change c;
    c.action = "edit";
    c.fromStates = {"pending_review", "escalated"};
    c.text = edited.dump();
    c.patch = patch.dump();
    c.reason = reason;
    // A rep edits while reviewing; an escalated brief is the manager's to edit.
    if (who.role == governance::Role::Rep && current.status == "escalated")
        c.fromStates = {"pending_review"};
    return apply(who, briefId, version, Action::Edit, c);
}

BriefState ReviewService::escalate(const Actor &who, std::int64_t briefId, std::int64_t version,
                                   const std::string &category, const std::string &note,
                                   const std::string &manager)
{
    const auto &categories = escalationCategories();
    if (std::find(categories.begin(), categories.end(), category) == categories.end()) {
        std::string list;
        for (const auto &c : categories)
            list += (list.empty() ? "" : ", ") + c;
        throw ReviewError(ReviewError::Kind::InvalidInput, "unknown escalation category \"" +
                                                               category + "\" (one of: " + list +
                                                               ")");
    }
    std::string target = manager;
    if (target.empty()) {
        auto &st = m_db.cached("SELECT coalesce(u.manager, '') FROM briefs b JOIN users u ON "
                               "u.email = b.owner WHERE b.id = ?");
        st.bind(1, briefId);
        if (st.step())
            target = st.textAt(0);
        st.reset();
    }
    if (target.empty())
        throw ReviewError(ReviewError::Kind::InvalidInput,
                          "escalate to a manager: the owner has none on file");
    const Actor to = actor(target, {});
    if (to.role != governance::Role::Manager)
        throw ReviewError(ReviewError::Kind::InvalidInput,
                          "escalate to a manager: " + target + " is not one");
    Change c;
    c.action = "escalate";
    c.fromStates = {"pending_review"};
    c.toState = "escalated";
    c.escalatedTo = to.user;
    c.target = *c.escalatedTo;
    c.reason = category;
    c.note = note;
    return apply(who, briefId, version, Action::Escalate, c);
}

void ReviewService::comment(const Actor &who, std::int64_t briefId, const std::string &note)
{
    if (note.empty())
        throw ReviewError(ReviewError::Kind::InvalidInput, "a comment needs text");
    Change c;
    c.action = "comment";
    c.changesBrief = false;
    c.note = note;
    apply(who, briefId, 0, Action::Comment, c);
}

BriefState ReviewService::reassign(const Actor &who, std::int64_t briefId, std::int64_t version,
                                   const std::string &toUser, const std::string &note)
{
    const Actor to = actor(toUser, {});
    if (to.role != governance::Role::Rep && to.role != governance::Role::Manager)
        throw ReviewError(ReviewError::Kind::InvalidInput,
                          "briefs go to reps or managers; " + to.user + " is " +
                              std::string(governance::roleName(to.role)));
    Change c;
    c.action = "reassign";
    c.fromStates = {"pending_review", "escalated"};
    c.owner = to.user;
    c.target = to.user;
    c.note = note;
    return apply(who, briefId, version, Action::Reassign, c);
}

BriefState ReviewService::resolve(const Actor &who, std::int64_t briefId, std::int64_t version,
                                  Resolution resolution, const std::string &reasonOrNote,
                                  const nlohmann::json *patch)
{
    store::Transaction tx(m_db); // an edit and its approval stand or fall together
    requireGrant(who, Action::Resolve, brief(briefId));
    Change c;
    c.action = "resolve";
    c.fromStates = {"escalated"};
    c.escalatedTo = std::string();
    switch (resolution) {
    case Resolution::Approve:
        c.toState = "approved";
        c.reason = "approve";
        c.note = reasonOrNote;
        break;
    case Resolution::ApproveWithEdits: {
        if (!patch)
            throw ReviewError(ReviewError::Kind::InvalidInput, "approve_with_edits needs a patch");
        // The edit and the approval are one decision, but two recorded steps: the edit first.
        edit(who, briefId, version, *patch,
             reasonOrNote.empty() ? "edited on resolution" : reasonOrNote);
        ++version;
        c.toState = "approved";
        c.reason = "approve_with_edits";
        c.note = reasonOrNote;
        break;
    }
    case Resolution::ReturnToRep:
        if (reasonOrNote.empty())
            throw ReviewError(ReviewError::Kind::InvalidInput,
                              "returning a brief to the rep needs a note saying what to do");
        c.toState = "pending_review";
        c.reason = "return_to_rep";
        c.note = reasonOrNote;
        break;
    case Resolution::Reject: {
        const auto &reasons = rejectionReasons();
        if (std::find(reasons.begin(), reasons.end(), reasonOrNote) == reasons.end()) {
            std::string list;
            for (const auto &r : reasons)
                list += (list.empty() ? "" : ", ") + r;
            throw ReviewError(ReviewError::Kind::InvalidInput,
                              "reject with a reason from: " + list);
        }
        c.toState = "resolved";
        c.reason = "reject:" + reasonOrNote;
        break;
    }
    }
    auto after = apply(who, briefId, version, Action::Resolve, c);
    tx.commit();
    return after;
}

BriefState ReviewService::retract(const Actor &who, std::int64_t briefId, std::int64_t version,
                                  const std::string &reason)
{
    if (reason.empty())
        throw ReviewError(ReviewError::Kind::InvalidInput, "retracting a brief needs a reason");
    store::Transaction tx(m_db);
    Change c;
    c.action = "resolve";
    c.fromStates = {"approved", "queued", "pushed", "push_failed"};
    c.toState = "resolved";
    c.reason = "retract";
    c.note = reason;
    auto after = apply(who, briefId, version, Action::Resolve, c);
    crm::OutboxStore(m_db).queueRetraction(briefId, reason, util::formatUtc(m_clock.now()));
    tx.commit();
    return after;
}

BriefState ReviewService::requestRerun(const Actor &who, std::int64_t briefId, std::int64_t version,
                                       const std::string &note)
{
    Change c;
    c.action = "resolve"; // a resolution that leaves the status to the run
    c.fromStates = {"escalated"};
    c.reason = "rerun";
    c.note = note;
    // The status stays until the run decides; the version moves, so whoever has the brief
    // open learns that a manager acted on it.
    return apply(who, briefId, version, Action::Resolve, c);
}

} // namespace baton::review
