#include "review/Transitions.h"

#include <array>

namespace baton::review {

namespace {

using enum BriefStatus;
using P = governance::Action;
using I = Input;

constexpr StatusSet kDelivering = {Approved, Queued, Pushed, PushFailed};

// Reps edit while reviewing; an escalated brief is the manager's to edit. A superseded
// brief takes nothing: a newer brief for the same lead stands in its place.
// clang-format off
constexpr std::array kTransitions = {
    //         action                  permission    from                          from (own-brief grant)        to
    //         takes                                                   needs           bumps  "can be ..."
    Transition{ReviewAction::Approve,  P::Approve,   {PendingReview},              {PendingReview},              Approved,
               I::None,                                                I::None,        true,  "approved"},
    Transition{ReviewAction::Edit,     P::Edit,      {PendingReview, Escalated},   {PendingReview},              std::nullopt,
               I::Patch | I::Reason,                                   I::Patch | I::Reason, true, "edited"},
    Transition{ReviewAction::Escalate, P::Escalate,  {PendingReview},              {PendingReview},              Escalated,
               I::Category | I::Note | I::TargetUser,                  I::Category,    true,  "escalated"},
    Transition{ReviewAction::Comment,  P::Comment,   StatusSet::allBut(Superseded), StatusSet::allBut(Superseded), std::nullopt,
               I::Note,                                                I::Note,        false, "commented on"},
    Transition{ReviewAction::Reassign, P::Reassign,  {PendingReview, Escalated},   {PendingReview, Escalated},   std::nullopt,
               I::TargetUser | I::Note,                                I::TargetUser,  true,  "reassigned"},
    Transition{ReviewAction::Resolve,  P::Resolve,   {Escalated},                  {Escalated},                  std::nullopt,
               I::Resolution | I::Note | I::Reason | I::Patch,         I::Resolution,  true,  "resolved"},
    Transition{ReviewAction::Rerun,    P::Resolve,   {Escalated},                  {Escalated},                  std::nullopt,
               I::Note,                                                I::None,        true,  "re-run"},
    Transition{ReviewAction::Retract,  P::Resolve,   kDelivering,                  kDelivering,                  Resolved,
               I::Reason,                                              I::Reason,      true,  "retracted"},
    Transition{ReviewAction::UndoApprove, P::UndoApprove, {Approved},               {Approved},                   PendingReview,
               I::Note,                                                I::None,        true,  "un-approved"},
};

// Resolve ends where its resolution says.
constexpr std::array kResolutions = {
    ResolutionOutcome{Resolution::Approve,          Approved,      I::None},
    ResolutionOutcome{Resolution::ApproveWithEdits, Approved,      I::Patch},
    ResolutionOutcome{Resolution::ReturnToRep,      PendingReview, I::Note},
    ResolutionOutcome{Resolution::Reject,           Resolved,      I::Reason},
};
// clang-format on

constexpr bool complete()
{
    if (kTransitions.size() != util::enumCount<ReviewAction>() ||
        kResolutions.size() != util::enumCount<Resolution>())
        return false;
    for (std::size_t i = 0; i < kTransitions.size(); ++i) {
        const Transition &t = kTransitions[i];
        if (static_cast<std::size_t>(t.action) != i || t.from.empty() ||
            (t.needs & ~t.takes) != 0 || t.from.contains(Superseded))
            return false;
    }
    for (std::size_t i = 0; i < kResolutions.size(); ++i)
        if (static_cast<std::size_t>(kResolutions[i].resolution) != i)
            return false;
    return true;
}
static_assert(complete(), "the transition table needs one row per ReviewAction in enum order "
                          "(and one per Resolution), each with start states, requiring only "
                          "what it takes, and none starting from superseded");

} // namespace

const Transition &transition(ReviewAction action)
{
    return kTransitions[static_cast<std::size_t>(action)];
}

const ResolutionOutcome &resolutionOutcome(Resolution resolution)
{
    return kResolutions[static_cast<std::size_t>(resolution)];
}

StatusSet startStates(ReviewAction action, governance::Role role)
{
    const Transition &t = transition(action);
    switch (governance::grant(role, t.permission)) {
    case governance::Grant::No:
        return {};
    case governance::Grant::Own:
        return t.fromWhenOwn;
    case governance::Grant::Any:
        return t.from;
    }
    return {};
}

bool permitted(ReviewAction action, governance::Role role, bool owner, BriefStatus status)
{
    const auto g = governance::grant(role, transition(action).permission);
    if (g == governance::Grant::No || (g == governance::Grant::Own && !owner))
        return false;
    return startStates(action, role).contains(status);
}

} // namespace baton::review
