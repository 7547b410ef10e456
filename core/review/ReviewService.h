#pragma once

#include "governance/Actor.h"
#include "review/BriefState.h"
#include "review/Vocabulary.h"

#include <cstdint>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::review {

using governance::Actor;
using ReviewError = governance::ActionError;

class ReviewSubscriber;
struct Transition;

// Whether `who` may read brief `briefId` (see ReviewService::mayRead): for pages that read
// without a review service.
bool mayRead(store::Database &db, const Actor &who, std::int64_t briefId);

// One review action with what it was given; Transitions.h says what each action takes.
struct ReviewRequest
{
    ReviewAction action = ReviewAction::Comment;
    std::int64_t briefId = 0;
    std::int64_t version = 0; // the version the actor saw (a comment needs none)
    std::string note;
    std::string reason;
    const nlohmann::json *patch = nullptr;
    std::optional<EscalationCategory> category;
    std::string targetUser; // escalate: the manager (empty: the owner's); reassign: the new owner
    std::optional<Resolution> resolution;
};

// Every review action, checked the same way whoever calls (console or CLI) against the
// transition table: the actor's role and ownership, the version the actor saw (optimistic
// concurrency), the brief's state, the action's inputs. Each action is one transaction: the
// brief, a review_actions row, and whatever its subscribers do (the audit entry, the search
// index, the CRM outbox, by default).
class ReviewService
{
public:
    ReviewService(store::Database &db, const contracts::ContractRegistry &registry,
                  const Clock &clock);
    ~ReviewService();
    ReviewService(const ReviewService &) = delete;
    ReviewService &operator=(const ReviewService &) = delete;

    // Told of every transition inside its transaction, after the default subscribers that
    // write (search, outbox) and before the audit entry. Not owned: it must outlive this.
    void subscribe(ReviewSubscriber &subscriber);

    // The profile named `user` (email, or name), or ReviewError::NotFound.
    Actor actor(const std::string &user, const std::string &osUser);
    // The profile `user` as the person at the keyboard, whose OS account (read from the OS)
    // is `osAccount`: ReviewError::Forbidden, audited, when the store binds that profile to
    // another account or to none (governance::Identity). Every command and page that acts or
    // reads as someone starts here.
    Actor actAs(const std::string &user, const std::string &osAccount);
    BriefState brief(std::int64_t id);
    store::Database &database() const { return m_db; }

    // What `who` may read: every brief for a role that may view them all (manager,
    // marketing ops, admin); a rep, the briefs they own or acted on.
    // requireMayRead throws ReviewError::Forbidden.
    bool mayRead(const Actor &who, std::int64_t briefId);
    void requireMayRead(const Actor &who, std::int64_t briefId);
    // For an inbox filter: unset when `who` sees every brief, else their email.
    static std::optional<std::string> visibleTo(const Actor &who);

    // Any action of the table. The brief after it (a comment leaves it as it was).
    BriefState act(const Actor &who, const ReviewRequest &request);

    BriefState approve(const Actor &who, std::int64_t briefId, std::int64_t version);
    // `patch` is RFC 6902 against the brief as it now reads.
    BriefState edit(const Actor &who, std::int64_t briefId, std::int64_t version,
                    const nlohmann::json &patch, const std::string &reason);
    // To `manager`, or the owner's manager when empty. `category` is an EscalationCategory.
    BriefState escalate(const Actor &who, std::int64_t briefId, std::int64_t version,
                        const std::string &category, const std::string &note,
                        const std::string &manager = {});
    void comment(const Actor &who, std::int64_t briefId, const std::string &note);
    BriefState reassign(const Actor &who, std::int64_t briefId, std::int64_t version,
                        const std::string &toUser, const std::string &note);
    // A rejection's reason is a RejectionReason; the other resolutions take a note.
    BriefState resolve(const Actor &who, std::int64_t briefId, std::int64_t version,
                       Resolution resolution, const std::string &reasonOrNote,
                       const nlohmann::json *patch = nullptr);
    // Recorded before the pipeline runs for the brief's lead (which is not review's to do:
    // the caller runs it). A run whose inputs, agent versions or policy changed writes a new
    // brief that supersedes this one; an unchanged lead gets the same brief again, so nothing
    // is written and the escalation stays open.
    BriefState requestRerun(const Actor &who, std::int64_t briefId, std::int64_t version,
                            const std::string &note);
    // A manager takes back an approved brief: it ends resolved, and in the same transaction
    // what it sent to the CRM is compensated (the task closed, the note marked retracted)
    // and what was not sent yet is cancelled.
    BriefState retract(const Actor &who, std::int64_t briefId, std::int64_t version,
                       const std::string &reason);
    // The approver (or a manager) takes an approval back within the store's grace period
    // (ApprovalGrace): the brief is pending review again and its held CRM operations are
    // cancelled. After the grace, or once any operation was sent, WrongState: retract.
    BriefState undoApprove(const Actor &who, std::int64_t briefId, std::int64_t version);

    // What an edit would break, without saving: patch errors, fields that are not
    // editable, and brief@1 violations (pointer and message). Empty when it may be saved.
    std::vector<std::string> checkEdit(const nlohmann::json &current,
                                       const nlohmann::json &edited) const;
    // Paths (JSON Pointer prefixes) a reviewer may change.
    static const std::vector<std::string> &editablePaths();

private:
    struct Change;
    BriefState actOnce(const Actor &who, const ReviewRequest &request);
    void checkStart(const Actor &who, const Transition &t, const ReviewRequest &request,
                    const BriefState &before);
    Change changeFor(const Actor &who, const ReviewRequest &request, const BriefState &before);
    void requireUndoable(const Actor &who, const BriefState &before);
    std::string editedText(const ReviewRequest &request, const BriefState &before) const;
    std::string escalationTarget(const ReviewRequest &request, const BriefState &before);
    void requireConsent(const BriefState &brief, Change &change);
    std::int64_t write(const Actor &who, const ReviewRequest &request, const BriefState &before,
                       const Change &change, const std::string &at);
    void announce(const Actor &who, const ReviewRequest &request, const BriefState &before,
                  const BriefState &after, std::int64_t actionId, const Change &change,
                  const std::string &at);

    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
    std::vector<std::unique_ptr<ReviewSubscriber>> m_defaults; // search, outbox, audit
    std::vector<ReviewSubscriber *> m_subscribers;
};

} // namespace baton::review
