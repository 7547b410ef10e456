#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}

namespace baton::governance {

// Acting as a profile the OS account may not act as. Already on the audit record.
class IdentityRefused : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A profile as identity sees it: its email, name and role, and the OS account bound to it.
struct Profile
{
    std::string email, name, role, osAccount;
};

// Who is at the keyboard, for a local store. A demo store (made by `baton demo`) lets
// anyone act as any demo profile and says so; any other store binds each profile to the OS
// account that may act as it, and refuses (and audits) acting as a profile bound to someone
// else or to no one. The OS account is the caller's to read from the OS, never from $USER.
class Identity
{
public:
    Identity(store::Database &db, const Clock &clock);

    // The login of a team database's session (who the database says is connected), once
    // `baton team init` set the database up; none for a local store (or a PostgreSQL one
    // before team init), where the OS account is the caller's to read.
    std::optional<std::string> databaseLogin();

    bool isDemoStore();
    void markDemoStore();

    std::optional<Profile> profile(const std::string &emailOrName);
    // The profile bound to `osAccount`, if any.
    std::optional<Profile> boundTo(const std::string &osAccount);

    // Throws IdentityRefused, after appending the refusal to the audit log in a transaction
    // of its own, when `osAccount` may not act as `profile`.
    void requireMayActAs(const Profile &profile, const std::string &osAccount);

    // Binds `profile` to `osAccount` (an admin's to do, checked by the caller), audited.
    // An account acts as one profile: binding it again moves it.
    void bind(const Profile &admin, const std::string &adminOsAccount, const Profile &profile,
              const std::string &osAccount);
    // A store with no profiles yet: the first one added is bound to whoever creates it.
    bool hasProfiles();

private:
    void audit(const std::string &actor, const std::string &role, const std::string &osAccount,
               const std::string &action, const std::string &object, const std::string &detail);

    store::Database &m_db;
    const Clock &m_clock;
};

} // namespace baton::governance
