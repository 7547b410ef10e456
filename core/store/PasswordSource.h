#pragma once

#include <functional>
#include <optional>
#include <string>

namespace baton::store {

// Where a team database's password comes from when libpq's own places (~/.pgpass,
// PGPASSFILE, a service file) had none for a server that asks for one. The composition root
// installs the OS keychain here once, before any store opens; core holds no keychain. The
// source is called with the location as users see it (no password in it) and may be called
// from any thread that opens a connection.
using PasswordSource = std::function<std::optional<std::string>(const std::string &location)>;

// The secret's name in the OS keychain (`baton secret set team-database`, the console's
// Settings).
inline constexpr const char *kTeamDatabaseSecret = "team-database";

void setPasswordSource(PasswordSource source);
// nullopt when none is installed or it has no password.
std::optional<std::string> passwordFor(const std::string &location);

} // namespace baton::store
