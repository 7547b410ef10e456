#pragma once

#include "governance/Actor.h"
#include "review/BriefState.h"
#include "review/Vocabulary.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace baton::store {
class Database;
}
namespace baton::agents {
class Consent;
}

namespace baton::review {

// One transition, as subscribers see it: announced inside the transaction that made it, so
// what a subscriber writes commits with it or not at all, and a subscriber that throws
// undoes the action.
struct ReviewEvent
{
    const governance::Actor &who;
    ReviewAction action;
    std::optional<Resolution> resolution;
    const BriefState &before;
    const BriefState &after;
    std::int64_t reviewActionId = 0; // the review_actions row
    const std::string &reason;
    const std::string &note;
    bool textChanged = false; // an edit: the brief reads differently now
    std::string at;
    // What the audit entry records beside the transition: subscribers before the audit add
    // their facts (e.g. how many CRM operations were queued).
    nlohmann::json &auditDetail;
    // Entering approved (and only then): the brief as approved and the consent facts it was
    // checked against.
    const nlohmann::json *approvedBrief = nullptr;
    const agents::Consent *consent = nullptr;

    bool entered(BriefStatus status) const
    {
        return after.status == status && before.status != status;
    }
};

// Something that happens because of a transition: the audit entry, the search index, the
// CRM outbox, and later notifications and team sync.
class ReviewSubscriber
{
public:
    virtual ~ReviewSubscriber() = default;
    virtual void onTransition(store::Database &db, const ReviewEvent &event) = 0;
};

} // namespace baton::review
