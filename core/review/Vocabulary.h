#pragma once

#include "util/EnumNames.h"

// Review's words, each defined once: what state a brief is in, what people do to it, how an
// escalation closes and why. Their string forms are what the store, the CLI and JSON use.
namespace baton::review {

enum class BriefStatus
{
    PendingReview,
    Escalated,
    Resolved, // closed without going to the CRM: rejected or retracted
    Approved,
    Queued, // the push worker has its operations
    Pushed,
    PushFailed,
    Superseded // a newer brief for the same lead replaced it
};

// Open: waiting on a person, a rep or a manager. What the inbox shows unless asked, what
// can be overdue and what a newer brief for the same lead supersedes.
inline constexpr std::array<BriefStatus, 2> kOpenStatuses = {BriefStatus::PendingReview,
                                                             BriefStatus::Escalated};
constexpr bool isOpen(BriefStatus status)
{
    for (BriefStatus open : kOpenStatuses)
        if (status == open)
            return true;
    return false;
}

enum class ReviewAction
{
    Approve,
    Edit,
    Escalate,
    Comment,
    Reassign,
    Resolve, // a manager closes an escalation (Resolution says how)
    Rerun,   // a manager asks the pipeline to run the escalated brief's lead again
    Retract, // a manager takes back an approved brief and what it sent to the CRM
    // The approver (or a manager) takes an approval back while its CRM operations are still
    // held (review/ApprovalGrace.h): the brief is pending review again and nothing was sent.
    UndoApprove
};

enum class Resolution
{
    Approve,          // approve as is
    ApproveWithEdits, // with a patch
    ReturnToRep,      // back to pending review, with a note
    Reject            // closed, with a reason from the taxonomy
};

enum class EscalationCategory
{
    FitUnclear,
    DataQuality,
    StrategicAccount,
    Consent,
    Duplicate,
    Routing,
    Other
};

enum class RejectionReason
{
    NotAFit,
    Duplicate,
    BadData,
    NoConsent,
    Competitor,
    ExistingCustomer,
    Other
};

} // namespace baton::review

template <> struct baton::util::EnumNames<baton::review::BriefStatus>
{
    static constexpr std::array<std::string_view, 8> names = {
        "pending_review", "escalated", "resolved",    "approved",
        "queued",         "pushed",    "push_failed", "superseded"};
};

template <> struct baton::util::EnumNames<baton::review::ReviewAction>
{
    static constexpr std::array<std::string_view, 9> names = {"approve", "edit",     "escalate",
                                                              "comment", "reassign", "resolve",
                                                              "rerun",   "retract",  "unapprove"};
};

template <> struct baton::util::EnumNames<baton::review::Resolution>
{
    static constexpr std::array<std::string_view, 4> names = {"approve", "approve_with_edits",
                                                              "return_to_rep", "reject"};
};

template <> struct baton::util::EnumNames<baton::review::EscalationCategory>
{
    static constexpr std::array<std::string_view, 7> names = {
        "fit_unclear", "data_quality", "strategic_account", "consent", "duplicate",
        "routing",     "other"};
};

template <> struct baton::util::EnumNames<baton::review::RejectionReason>
{
    static constexpr std::array<std::string_view, 7> names = {
        "not_a_fit",  "duplicate",         "bad_data", "no_consent",
        "competitor", "existing_customer", "other"};
};
