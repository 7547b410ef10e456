#include "governance/Permissions.h"

#include <array>

namespace baton::governance {

namespace {

constexpr std::size_t kActions = 10;

// Rows: roles in enum order; columns: actions in enum order. Reps work their own queue;
// managers everything a review needs; marketing ops fix routing and comment; admins keep
// the lights on but do not sign off on briefs (separation of duties). The CRM outbox is
// marketing ops' and admins' to manage: retrying or cancelling a delivery is about the
// integration, not about what a brief says. Who is who is the admin's alone.
constexpr std::array<std::array<Grant, kActions>, 4> kMatrix = {{
    // Approve, Edit, Escalate, Comment, Reassign, Resolve, ViewAll, Audit, ManageOutbox,
    // ManageUsers
    {Grant::Own, Grant::Own, Grant::Own, Grant::Own, Grant::No, Grant::No, Grant::No, Grant::No,
     Grant::No, Grant::No},
    {Grant::Any, Grant::Any, Grant::Any, Grant::Any, Grant::Any, Grant::Any, Grant::Any, Grant::Any,
     Grant::No, Grant::No},
    {Grant::No, Grant::No, Grant::Any, Grant::Any, Grant::Any, Grant::No, Grant::Any, Grant::Any,
     Grant::Any, Grant::No},
    {Grant::No, Grant::No, Grant::No, Grant::Any, Grant::Any, Grant::No, Grant::Any, Grant::Any,
     Grant::Any, Grant::Any},
}};

} // namespace

Grant grant(Role role, Action action)
{
    return kMatrix[static_cast<std::size_t>(role)][static_cast<std::size_t>(action)];
}

std::string_view roleName(Role role)
{
    switch (role) {
    case Role::Rep:
        return "rep";
    case Role::Manager:
        return "manager";
    case Role::MarketingOps:
        return "marketing_ops";
    case Role::Admin:
        return "admin";
    }
    return "rep";
}

std::optional<Role> parseRole(std::string_view name)
{
    for (Role r : {Role::Rep, Role::Manager, Role::MarketingOps, Role::Admin})
        if (roleName(r) == name)
            return r;
    return std::nullopt;
}

std::string_view actionName(Action action)
{
    constexpr std::array<std::string_view, kActions> names = {
        "approve", "edit",     "escalate",   "comment",       "reassign",
        "resolve", "view_all", "view_audit", "manage_outbox", "manage_users"};
    return names[static_cast<std::size_t>(action)];
}

} // namespace baton::governance
