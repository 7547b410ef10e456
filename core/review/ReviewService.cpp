#include "review/ReviewService.h"

#include "agents/Consent.h"
#include "governance/Identity.h"
#include "pipeline/LeadInputReader.h"
#include "ports/Clock.h"
#include "review/ApprovalGrace.h"
#include "review/EditCheck.h"
#include "review/ReviewEvent.h"
#include "review/Transitions.h"
#include "review/subscribers/StandardSubscribers.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "store/TransientRetry.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::review {

using governance::Grant;
using Kind = ReviewError::Kind;

namespace {

std::string ref(std::int64_t briefId)
{
    return "brief #" + std::to_string(briefId);
}

std::string inputName(Inputs input)
{
    switch (input) {
    case Input::Note:
        return "a note";
    case Input::Reason:
        return "a reason";
    case Input::Patch:
        return "a patch";
    case Input::Category:
        return "a category (" + util::listOf<EscalationCategory>() + ")";
    case Input::TargetUser:
        return "someone to go to";
    case Input::Resolution:
        return "a resolution (" + util::listOf<Resolution>() + ")";
    default:
        return "an input";
    }
}

bool given(const ReviewRequest &r, Inputs input)
{
    switch (input) {
    case Input::Note:
        return !r.note.empty();
    case Input::Reason:
        return !r.reason.empty();
    case Input::Patch:
        return r.patch != nullptr;
    case Input::Category:
        return r.category.has_value();
    case Input::TargetUser:
        return !r.targetUser.empty();
    case Input::Resolution:
        return r.resolution.has_value();
    default:
        return true;
    }
}

// The request without what its action does not take (a note given to an approval is not
// recorded), so what is written is what the table declares.
ReviewRequest onlyWhatItTakes(ReviewRequest r, Inputs takes)
{
    if (!(takes & Input::Note))
        r.note.clear();
    if (!(takes & Input::Reason))
        r.reason.clear();
    if (!(takes & Input::Patch))
        r.patch = nullptr;
    if (!(takes & Input::Category))
        r.category.reset();
    if (!(takes & Input::TargetUser))
        r.targetUser.clear();
    if (!(takes & Input::Resolution))
        r.resolution.reset();
    return r;
}

// What the table says the action must be given; a rejection's reason from its taxonomy.
void checkInputs(const ReviewRequest &r)
{
    const std::string action = util::nameString(r.action);
    Inputs needs = transition(r.action).needs;
    if (r.action == ReviewAction::Resolve && r.resolution)
        needs |= resolutionOutcome(*r.resolution).needs;
    for (Inputs bit = 1; bit != 0 && bit <= Input::Resolution; bit = Inputs(bit << 1))
        if ((needs & bit) && !given(r, bit))
            throw ReviewError(Kind::InvalidInput,
                              action + (r.resolution ? " " + util::nameString(*r.resolution) : "") +
                                  " needs " + inputName(bit));
    if (r.resolution == Resolution::Reject && !util::parseName<RejectionReason>(r.reason))
        throw ReviewError(Kind::InvalidInput,
                          "reject with a reason from: " + util::listOf<RejectionReason>(", "));
}

} // namespace

struct ReviewService::Change
{
    BriefStatus status;
    // At approval: the brief as approved and the consent facts it was checked against,
    // read once and handed to subscribers.
    std::optional<nlohmann::json> approved;
    std::optional<agents::Consent> consent;
    std::optional<std::string> owner;
    std::optional<std::string> escalatedTo; // "" clears
    std::optional<std::string> text;        // the edited brief
    std::string reason, patch, target;
};

ReviewService::ReviewService(store::Database &db, const contracts::ContractRegistry &registry,
                             const Clock &clock)
    : m_db(db), m_registry(registry), m_clock(clock)
{
    m_defaults.push_back(makeSearchIndexSubscriber());
    m_defaults.push_back(makeOutboxSubscriber());
    m_defaults.push_back(makeAuditSubscriber());
    for (auto &s : m_defaults)
        m_subscribers.push_back(s.get());
}

ReviewService::~ReviewService() = default;

void ReviewService::subscribe(ReviewSubscriber &subscriber)
{
    m_subscribers.insert(m_subscribers.end() - 1, &subscriber); // the audit stays last
}

Actor ReviewService::actor(const std::string &user, const std::string &osUser)
{
    auto &st = m_db.cached("SELECT email, name, role FROM users WHERE email = ?1 OR name = ?1 "
                           "ORDER BY email = ?1 DESC LIMIT 1");
    st.bind(1, user);
    if (!st.step()) {
        st.reset();
        throw ReviewError(Kind::NotFound,
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
        throw ReviewError(Kind::Forbidden, e.what());
    }
    return a;
}

bool ReviewService::mayRead(const Actor &who, std::int64_t briefId)
{
    return review::mayRead(m_db, who, briefId);
}

void ReviewService::requireMayRead(const Actor &who, std::int64_t briefId)
{
    if (!mayRead(who, briefId))
        throw ReviewError(Kind::Forbidden, who.user +
                                               " may read only briefs they own or acted on; " +
                                               ref(briefId) + " is not one of them");
}

std::optional<std::string> ReviewService::visibleTo(const Actor &who)
{
    if (governance::grant(who.role, governance::Action::ViewAllBriefs) != Grant::No)
        return std::nullopt;
    return who.user;
}

BriefState ReviewService::brief(std::int64_t id)
{
    return readBriefState(m_db, id);
}

// An action in a transaction of its own is tried again when the team database gave it up to
// break a deadlock: everything it does (the brief, its action, the audit, search and outbox)
// is in that transaction.
BriefState ReviewService::act(const Actor &who, const ReviewRequest &request)
{
    if (m_db.inTransaction())
        return actOnce(who, request);
    return store::retryTransient([&] { return actOnce(who, request); });
}

BriefState ReviewService::actOnce(const Actor &who, const ReviewRequest &request)
{
    const Transition &t = transition(request.action);
    const ReviewRequest taken = onlyWhatItTakes(request, t.takes);
    checkInputs(taken);
    // Joins the caller's transaction when there is one.
    std::optional<store::Transaction> tx;
    if (!m_db.inTransaction())
        tx.emplace(m_db);
    BriefState before = lockBriefState(m_db, taken.briefId);
    checkStart(who, t, taken, before);
    ReviewRequest req = taken;
    if (req.resolution == Resolution::ApproveWithEdits) {
        // One decision, two recorded steps: the edit first, then the approval.
        ReviewRequest edit = req;
        edit.action = ReviewAction::Edit;
        edit.resolution.reset();
        if (edit.reason.empty())
            edit.reason = req.note.empty() ? "edited on resolution" : req.note;
        act(who, edit);
        before = brief(req.briefId);
        req.version = before.version;
    }
    const Change change = changeFor(who, req, before);
    const std::string at = util::formatUtc(m_clock.now());
    const std::int64_t actionId = write(who, req, before, change, at);
    const BriefState after = brief(req.briefId);
    announce(who, req, before, after, actionId, change, at);
    if (tx)
        tx->commit();
    return after;
}

// In this order: may the role act at all and on this brief; is the version the one the actor
// saw (whatever else is wrong now, someone else's action caused it); may it start here.
void ReviewService::checkStart(const Actor &who, const Transition &t, const ReviewRequest &request,
                               const BriefState &b)
{
    const std::string verb = util::nameString(t.action);
    const Grant g = governance::grant(who.role, t.permission);
    if (g == Grant::No)
        throw ReviewError(Kind::Forbidden, "a " + std::string(governance::roleName(who.role)) +
                                               " may not " + verb + " briefs");
    if (g == Grant::Own && b.owner != who.user)
        throw ReviewError(Kind::Forbidden, who.user + " may " + verb + " only their own briefs; " +
                                               ref(b.id) + " belongs to " + b.owner);
    if (t.bumpsVersion && b.version != request.version) {
        std::string last;
        auto &st = m_db.cached("SELECT action, actor, at FROM review_actions WHERE brief_id = ? "
                               "ORDER BY id DESC LIMIT 1");
        st.bind(1, b.id);
        if (st.step())
            last = " (last: " + st.textAt(0) + " by " + st.textAt(1) + " at " + st.textAt(2) + ")";
        st.reset();
        throw ReviewError(Kind::Conflict, ref(b.id) +
                                              " changed since you opened it: you saw "
                                              "version " +
                                              std::to_string(request.version) +
                                              ", it is now version " + std::to_string(b.version) +
                                              last +
                                              ". Nothing was saved; reload it and decide "
                                              "again.");
    }
    if (b.status == BriefStatus::Superseded)
        throw ReviewError(Kind::WrongState,
                          ref(b.id) + " was superseded by a newer brief for the same lead");
    const StatusSet from = g == Grant::Own ? t.fromWhenOwn : t.from;
    if (!from.contains(b.status)) {
        std::string allowed;
        for (BriefStatus s : util::allOf<BriefStatus>())
            if (from.contains(s))
                allowed += (allowed.empty() ? "" : " or ") + util::nameString(s);
        // "only pending_review briefs can be edited by a rep": when the role's own start
        // states are narrower than the action's.
        const std::string by =
            from == t.from ? std::string() : " by a " + std::string(governance::roleName(who.role));
        throw ReviewError(Kind::WrongState, ref(b.id) + " is " + util::nameString(b.status) +
                                                ": only " + allowed + " briefs can be " +
                                                std::string(t.done) + by);
    }
}

ReviewService::Change ReviewService::changeFor(const Actor &who, const ReviewRequest &r,
                                               const BriefState &before)
{
    const Transition &t = transition(r.action);
    Change c{t.to.value_or(before.status), {}, {}, {}, {}, {}, r.reason, {}, {}};
    switch (r.action) {
    case ReviewAction::Edit:
        c.text = editedText(r, before);
        c.patch = r.patch->dump();
        break;
    case ReviewAction::Escalate:
        c.escalatedTo = escalationTarget(r, before);
        c.target = *c.escalatedTo;
        c.reason = util::nameString(*r.category);
        break;
    case ReviewAction::Reassign: {
        const Actor to = actor(r.targetUser, {});
        if (to.role != governance::Role::Rep && to.role != governance::Role::Manager)
            throw ReviewError(Kind::InvalidInput, "briefs go to reps or managers; " + to.user +
                                                      " is " +
                                                      std::string(governance::roleName(to.role)));
        c.owner = to.user;
        c.target = to.user;
        break;
    }
    case ReviewAction::Resolve:
        c.status = resolutionOutcome(*r.resolution).to;
        c.escalatedTo = std::string();
        c.reason = *r.resolution == Resolution::Reject ? "reject:" + r.reason
                                                       : util::nameString(*r.resolution);
        break;
    case ReviewAction::UndoApprove:
        requireUndoable(who, before);
        break;
    case ReviewAction::Approve:
    case ReviewAction::Comment:
    case ReviewAction::Rerun:
    case ReviewAction::Retract:
        break;
    }
    if (c.status == BriefStatus::Approved && before.status != BriefStatus::Approved)
        requireConsent(before, c);
    return c;
}

// Only the approver themselves, where the role may undo its own approvals only, and only
// while the approval's CRM operations are held and none was sent.
void ReviewService::requireUndoable(const Actor &who, const BriefState &before)
{
    ApprovalGrace grace(m_db);
    const std::string approver = grace.approver(before.id);
    if (governance::grant(who.role, governance::Action::UndoApprove) == Grant::Own &&
        approver != who.user)
        throw ReviewError(Kind::Forbidden, who.user + " may undo only their own approvals; " +
                                               ref(before.id) + " was approved by " + approver);
    const auto window = grace.undoWindow(before.id, m_clock.now());
    if (!window.until)
        throw ReviewError(Kind::WrongState, window.refusal);
}

// The brief as the patch makes it read, or ReviewError::InvalidEdit naming every problem.
std::string ReviewService::editedText(const ReviewRequest &r, const BriefState &before) const
{
    const auto current = nlohmann::json::parse(before.text);
    nlohmann::json edited;
    try {
        edited = current.patch(*r.patch);
    } catch (const nlohmann::json::exception &e) {
        throw ReviewError(Kind::InvalidEdit,
                          "the patch does not apply to " + ref(r.briefId) + ": " + e.what());
    }
    const auto problems = checkEdit(current, edited);
    if (!problems.empty()) {
        std::string message = "the edit of " + ref(r.briefId) + " cannot be saved:";
        for (const auto &p : problems)
            message += "\n  " + p;
        throw ReviewError(Kind::InvalidEdit, message);
    }
    return edited.dump();
}

// The manager named, or the owner's manager on file; a manager either way.
std::string ReviewService::escalationTarget(const ReviewRequest &r, const BriefState &before)
{
    std::string target = r.targetUser;
    if (target.empty()) {
        auto &st = m_db.cached("SELECT coalesce(manager, '') FROM users WHERE email = ?");
        st.bind(1, before.owner);
        if (st.step())
            target = st.textAt(0);
        st.reset();
    }
    if (target.empty())
        throw ReviewError(Kind::InvalidInput, "escalate to a manager: the owner has none on file");
    const Actor to = actor(target, {});
    if (to.role != governance::Role::Manager)
        throw ReviewError(Kind::InvalidInput, "escalate to a manager: " + target + " is not one");
    return to.user;
}

// The consent gate again at approval, on what the store says now: a fact may have arrived
// since the brief was written.
void ReviewService::requireConsent(const BriefState &b, Change &change)
{
    const auto &consent =
        change.consent.emplace(pipeline::LeadInputReader(m_db).consentFacts(b.leadId));
    const auto problems =
        consentProblems(change.approved.emplace(nlohmann::json::parse(b.text)), consent);
    if (problems.empty())
        return;
    std::string message = ref(b.id) + " cannot be approved as it stands:";
    for (const auto &p : problems)
        message += "\n  " + p;
    throw ReviewError(Kind::InvalidEdit, message + "\nEdit its recommended actions first.");
}

std::int64_t ReviewService::write(const Actor &who, const ReviewRequest &r,
                                  const BriefState &before, const Change &change,
                                  const std::string &at)
{
    if (transition(r.action).bumpsVersion) {
        auto &update = m_db.cached(
            "UPDATE briefs SET status = ?1, version = version + 1, owner = ?2, "
            "escalated_to = nullif(?3, ''), edited = coalesce(?4, edited) WHERE id = ?5 AND "
            "version = ?6");
        update.bindAll(util::nameString(change.status), change.owner.value_or(before.owner),
                       change.escalatedTo.value_or(before.escalatedTo), change.text, r.briefId,
                       before.version);
        update.run();
        if (m_db.changes() != 1)
            throw ReviewError(Kind::Conflict, ref(r.briefId) + " changed while saving; reload it");
    }
    const auto opt = [](const std::string &s) {
        return s.empty() ? std::optional<std::string>() : std::optional<std::string>(s);
    };
    auto &insert = m_db.cached(
        "INSERT INTO review_actions (brief_id, version, action, actor, role, os_user, reason, "
        "note, patch, target, status_before, status_after, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insert.bindAll(r.briefId, before.version, util::nameString(r.action), who.user,
                   std::string(governance::roleName(who.role)), who.osUser, opt(change.reason),
                   opt(r.note), opt(change.patch), opt(change.target),
                   util::nameString(before.status), util::nameString(change.status), at);
    insert.step();
    const std::int64_t id = insert.int64At(0);
    insert.reset();
    return id;
}

void ReviewService::announce(const Actor &who, const ReviewRequest &r, const BriefState &before,
                             const BriefState &after, std::int64_t actionId, const Change &change,
                             const std::string &at)
{
    nlohmann::json detail = nlohmann::json::object();
    const ReviewEvent event{who,
                            r.action,
                            r.resolution,
                            before,
                            after,
                            actionId,
                            change.reason,
                            r.note,
                            change.text.has_value(),
                            at,
                            detail,
                            change.approved ? &*change.approved : nullptr,
                            change.consent ? &*change.consent : nullptr};
    for (ReviewSubscriber *s : m_subscribers)
        s->onTransition(m_db, event);
}

namespace {

ReviewRequest request(ReviewAction action, std::int64_t briefId, std::int64_t version)
{
    ReviewRequest r;
    r.action = action;
    r.briefId = briefId;
    r.version = version;
    return r;
}

} // namespace

BriefState ReviewService::approve(const Actor &who, std::int64_t briefId, std::int64_t version)
{
    return act(who, request(ReviewAction::Approve, briefId, version));
}

BriefState ReviewService::edit(const Actor &who, std::int64_t briefId, std::int64_t version,
                               const nlohmann::json &patch, const std::string &reason)
{
    auto r = request(ReviewAction::Edit, briefId, version);
    r.reason = reason;
    r.patch = &patch;
    return act(who, r);
}

BriefState ReviewService::escalate(const Actor &who, std::int64_t briefId, std::int64_t version,
                                   const std::string &category, const std::string &note,
                                   const std::string &manager)
{
    auto r = request(ReviewAction::Escalate, briefId, version);
    r.category = util::parseName<EscalationCategory>(category);
    if (!r.category)
        throw ReviewError(Kind::InvalidInput,
                          "unknown escalation category \"" + category +
                              "\" (one of: " + util::listOf<EscalationCategory>(", ") + ")");
    r.note = note;
    r.targetUser = manager;
    return act(who, r);
}

void ReviewService::comment(const Actor &who, std::int64_t briefId, const std::string &note)
{
    auto r = request(ReviewAction::Comment, briefId, 0);
    r.note = note;
    act(who, r);
}

BriefState ReviewService::reassign(const Actor &who, std::int64_t briefId, std::int64_t version,
                                   const std::string &toUser, const std::string &note)
{
    auto r = request(ReviewAction::Reassign, briefId, version);
    r.targetUser = toUser;
    r.note = note;
    return act(who, r);
}

BriefState ReviewService::resolve(const Actor &who, std::int64_t briefId, std::int64_t version,
                                  Resolution resolution, const std::string &reasonOrNote,
                                  const nlohmann::json *patch)
{
    auto r = request(ReviewAction::Resolve, briefId, version);
    r.resolution = resolution;
    r.patch = patch;
    (resolution == Resolution::Reject ? r.reason : r.note) = reasonOrNote;
    return act(who, r);
}

BriefState ReviewService::requestRerun(const Actor &who, std::int64_t briefId, std::int64_t version,
                                       const std::string &note)
{
    // The status stays until the run decides; the version moves, so whoever has the brief
    // open learns that a manager acted on it.
    auto r = request(ReviewAction::Rerun, briefId, version);
    r.note = note;
    return act(who, r);
}

BriefState ReviewService::undoApprove(const Actor &who, std::int64_t briefId, std::int64_t version)
{
    return act(who, request(ReviewAction::UndoApprove, briefId, version));
}

BriefState ReviewService::retract(const Actor &who, std::int64_t briefId, std::int64_t version,
                                  const std::string &reason)
{
    auto r = request(ReviewAction::Retract, briefId, version);
    r.reason = reason;
    return act(who, r);
}

} // namespace baton::review
