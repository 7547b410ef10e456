#include "governance/Actor.h"

namespace baton::governance {

void requireGranted(const Actor &who, Action action, const std::string &what)
{
    if (grant(who.role, action) == Grant::No)
        throw ActionError(ActionError::Kind::Forbidden,
                          "a " + std::string(roleName(who.role)) + " may not " + what);
}

} // namespace baton::governance
