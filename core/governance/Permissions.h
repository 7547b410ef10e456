#pragma once

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
    ManageOutbox, // retry or cancel a CRM operation
    ManageUsers   // add profiles, bind them to OS accounts
};

// Who may do what, as one table (README: "Roles and permissions"). `Own` means only on a
// brief the actor owns; the review service checks ownership, state and version besides.
enum class Grant
{
    No,
    Own,
    Any
};

Grant grant(Role role, Action action);

std::string_view roleName(Role role); // "rep", "manager", "marketing_ops", "admin"
std::optional<Role> parseRole(std::string_view name);
std::string_view actionName(Action action); // "approve", ...

} // namespace baton::governance
