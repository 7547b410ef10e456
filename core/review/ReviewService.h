#pragma once

#include "governance/Permissions.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
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

// Who acts: a user profile from the store, with its role, and the OS account it runs under.
struct Actor
{
    std::string user; // email
    std::string name;
    governance::Role role = governance::Role::Rep;
    std::string osUser;
};

// A brief as review sees it: the current text (edited, or as generated) and its state.
struct BriefState
{
    std::int64_t id = 0;
    std::int64_t leadId = 0;
    std::string status;
    std::int64_t version = 0;
    std::string owner;
    std::string escalatedTo;
    std::string text; // the brief as it now reads
    bool edited = false;
};

class ReviewError : public std::runtime_error
{
public:
    enum class Kind
    {
        NotFound,
        Forbidden,    // the role may not, or not on this brief
        WrongState,   // e.g. approving an approved brief
        Conflict,     // someone acted on the brief since the version given
        InvalidEdit,  // the patch does not apply, touches what is not editable, or breaks brief@1
        InvalidInput, // an unknown category, user, ...
    };
    ReviewError(Kind kind, const std::string &message) : std::runtime_error(message), m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// How a manager closes an escalation.
enum class Resolution
{
    Approve,          // approve as is
    ApproveWithEdits, // with a patch
    ReturnToRep,      // back to pending review, with a note
    Reject            // closed, with a reason from the taxonomy
};

std::optional<Resolution> parseResolution(const std::string &name);
const std::vector<std::string> &escalationCategories();
const std::vector<std::string> &rejectionReasons();

// A brief as review sees it now, or ReviewError::NotFound.
BriefState readBriefState(store::Database &db, std::int64_t id);

// What the audit chain records of a brief's state (status, version, owner, escalated_to and
// the SHA-256 of its text): enough to tell any two states apart.
std::string stateHash(const BriefState &b);

// Whether `who` may read brief `briefId` (see ReviewService::mayRead): for pages that read
// without a review service.
bool mayRead(store::Database &db, const Actor &who, std::int64_t briefId);

// Every review action, checked the same way whoever calls (console or CLI): the actor's
// role and ownership, the brief's state, and the version the actor saw (optimistic
// concurrency). Each action is one transaction: the brief, a review_actions row and an
// audit_log link.
class ReviewService
{
public:
    ReviewService(store::Database &db, const contracts::ContractRegistry &registry,
                  const Clock &clock);

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

    BriefState approve(const Actor &who, std::int64_t briefId, std::int64_t version);
    // `patch` is RFC 6902 against the brief as it now reads.
    BriefState edit(const Actor &who, std::int64_t briefId, std::int64_t version,
                    const nlohmann::json &patch, const std::string &reason);
    // To `manager`, or the owner's manager when empty.
    BriefState escalate(const Actor &who, std::int64_t briefId, std::int64_t version,
                        const std::string &category, const std::string &note,
                        const std::string &manager = {});
    void comment(const Actor &who, std::int64_t briefId, const std::string &note);
    BriefState reassign(const Actor &who, std::int64_t briefId, std::int64_t version,
                        const std::string &toUser, const std::string &note);
    BriefState resolve(const Actor &who, std::int64_t briefId, std::int64_t version,
                       Resolution resolution, const std::string &reasonOrNote,
                       const nlohmann::json *patch = nullptr);
    // The fifth resolution, recorded before the pipeline runs for the brief's lead (which is
    // not review's to do: the caller runs it). A run whose inputs, agent versions or policy
    // changed writes a new brief that supersedes this one; an unchanged lead gets the same
    // brief again, so nothing is written and the escalation stays open.
    BriefState requestRerun(const Actor &who, std::int64_t briefId, std::int64_t version,
                            const std::string &note);
    // A manager takes back an approved brief: it ends resolved, and in the same transaction
    // what it sent to the CRM is compensated (the task closed, the note marked retracted)
    // and what was not sent yet is cancelled.
    BriefState retract(const Actor &who, std::int64_t briefId, std::int64_t version,
                       const std::string &reason);

    // What an edit would break, without saving: patch errors, fields that are not
    // editable, and brief@1 violations (pointer and message). Empty when it may be saved.
    std::vector<std::string> checkEdit(const nlohmann::json &current,
                                       const nlohmann::json &edited) const;
    // Paths (JSON Pointer prefixes) a reviewer may change.
    static const std::vector<std::string> &editablePaths();

private:
    struct Change;
    static void requireGrant(const Actor &who, governance::Action action, const BriefState &b);
    BriefState apply(const Actor &who, std::int64_t briefId, std::int64_t version,
                     governance::Action action, const Change &change);

    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
};

} // namespace baton::review
