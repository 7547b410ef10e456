#include "governance/Permissions.h"

#include <array>

namespace baton::governance {

namespace {

struct Grants
{
    Grant rep, manager, marketingOps, admin;
};

struct PermissionRow
{
    Action action;
    Grants grants;
};

constexpr Grant No = Grant::No, Own = Grant::Own, Any = Grant::Any;

// Who may do what (README: "Roles and permissions"). Reps work their own queue; managers
// everything a review needs; marketing ops fix routing and comment; admins keep the lights
// on but do not sign off on briefs (separation of duties). The CRM outbox is marketing ops'
// and admins' to manage: retrying or cancelling a delivery is about the integration, not
// about what a brief says. Who is who is the admin's alone.
constexpr std::array kPermissions = {
    PermissionRow{Action::Approve, {.rep = Own, .manager = Any, .marketingOps = No, .admin = No}},
    PermissionRow{Action::Edit, {.rep = Own, .manager = Any, .marketingOps = No, .admin = No}},
    PermissionRow{Action::Escalate, {.rep = Own, .manager = Any, .marketingOps = Any, .admin = No}},
    PermissionRow{Action::Comment, {.rep = Own, .manager = Any, .marketingOps = Any, .admin = Any}},
    PermissionRow{Action::Reassign, {.rep = No, .manager = Any, .marketingOps = Any, .admin = Any}},
    PermissionRow{Action::Resolve, {.rep = No, .manager = Any, .marketingOps = No, .admin = No}},
    PermissionRow{Action::ViewAllBriefs,
                  {.rep = No, .manager = Any, .marketingOps = Any, .admin = Any}},
    PermissionRow{Action::ViewAudit,
                  {.rep = No, .manager = Any, .marketingOps = Any, .admin = Any}},
    PermissionRow{Action::ManageOutbox,
                  {.rep = No, .manager = No, .marketingOps = Any, .admin = Any}},
    PermissionRow{Action::ManageUsers,
                  {.rep = No, .manager = No, .marketingOps = No, .admin = Any}},
    // Whoever approved may take it back (the review service checks it was them), and a
    // manager any approval; nothing has left Baton yet.
    PermissionRow{Action::UndoApprove,
                  {.rep = Own, .manager = Any, .marketingOps = No, .admin = No}},
    // Clearing a queue in one go is a manager's: a rep reviews brief by brief.
    PermissionRow{Action::ActInBulk, {.rep = No, .manager = Any, .marketingOps = No, .admin = No}},
    // Which model scores the leads is marketing ops' call (they own the funnel's rules), and
    // an admin's; whoever reviews the briefs does not choose how they are scored.
    PermissionRow{Action::ManageScoring,
                  {.rep = No, .manager = No, .marketingOps = Any, .admin = Any}},
};

constexpr bool isGrant(Grant g)
{
    return g == Grant::No || g == Grant::Own || g == Grant::Any;
}

// One row per action, in enum order, every role's cell filled.
constexpr bool complete()
{
    if (kPermissions.size() != util::enumCount<Action>())
        return false;
    for (std::size_t i = 0; i < kPermissions.size(); ++i) {
        const auto &row = kPermissions[i];
        if (static_cast<std::size_t>(row.action) != i || !isGrant(row.grants.rep) ||
            !isGrant(row.grants.manager) || !isGrant(row.grants.marketingOps) ||
            !isGrant(row.grants.admin))
            return false;
    }
    return true;
}
static_assert(complete(), "the permission table needs one row per Action, in enum order, with "
                          "a grant for every role");

} // namespace

Grant grant(Role role, Action action)
{
    const Grants &g = kPermissions[static_cast<std::size_t>(action)].grants;
    switch (role) {
    case Role::Rep:
        return g.rep;
    case Role::Manager:
        return g.manager;
    case Role::MarketingOps:
        return g.marketingOps;
    case Role::Admin:
        return g.admin;
    }
    return Grant::No;
}

std::string_view roleName(Role role)
{
    return util::nameOf(role);
}

std::optional<Role> parseRole(std::string_view name)
{
    return util::parseName<Role>(name);
}

std::string_view actionName(Action action)
{
    return util::nameOf(action);
}

} // namespace baton::governance
