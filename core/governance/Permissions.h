#pragma once

#include "util/EnumNames.h"

#include <optional>
#include <string>
#include <string_view>

namespace baton::governance {

enum class Role
{
    Rep,
    Manager,
    MarketingOps,
    Admin
};

// What a role may be granted. Review actions name the permission they need
// (review/Transitions.h); several may share one (retract and rerun need Resolve).
enum class Action
{
    Approve,
    Edit,
    Escalate,
    Comment,
    Reassign,
    Resolve,
    ViewAllBriefs,
    ViewAudit,
    ManageOutbox, // retry or cancel a CRM operation, choose delivery targets
    ManageUsers,  // add profiles, bind them to OS accounts
    UndoApprove,  // take an approval back within its grace period
    ActInBulk,    // approve or reassign several briefs at once (each still checked alone)
    ManageScoring // canary, promote and roll back scoring versions
};

// `Own` means only on a brief the actor owns; the review service checks ownership, state
// and version besides. No is not zero, so a cell left out of the table is caught at compile
// time rather than read as "not allowed".
enum class Grant
{
    No = 1,
    Own,
    Any
};

Grant grant(Role role, Action action);

std::string_view roleName(Role role); // "rep", "manager", "marketing_ops", "admin"
std::optional<Role> parseRole(std::string_view name);
std::string_view actionName(Action action); // "approve", ...

} // namespace baton::governance

template <> struct baton::util::EnumNames<baton::governance::Role>
{
    static constexpr std::array<std::string_view, 4> names = {"rep", "manager", "marketing_ops",
                                                              "admin"};
};

template <> struct baton::util::EnumNames<baton::governance::Action>
{
    static constexpr std::array<std::string_view, 13> names = {
        "approve",      "edit",        "escalate",      "comment",       "reassign",
        "resolve",      "view_all",    "view_audit",    "manage_outbox", "manage_users",
        "undo_approve", "act_in_bulk", "manage_scoring"};
};
