#pragma once

#include "governance/Permissions.h"

#include <stdexcept>
#include <string>

namespace baton::governance {

// Who acts: a user profile from the store, with its role, and the OS account it runs under.
struct Actor
{
    std::string user; // email
    std::string name;
    Role role = Role::Rep;
    std::string osUser;
};

// Why an action was refused: by review, the outbox, delivery targets, whoever checks.
class ActionError : public std::runtime_error
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
    ActionError(Kind kind, const std::string &message) : std::runtime_error(message), m_kind(kind)
    {
    }
    Kind kind() const { return m_kind; }

private:
    Kind m_kind;
};

// Throws ActionError::Forbidden unless `who`'s role has `action` at all ("a rep may not
// manage the outbox"); `what` completes the sentence after "may not".
void requireGranted(const Actor &who, Action action, const std::string &what);

} // namespace baton::governance
