#pragma once

#include <string>

namespace baton::app {

// The OS account this process runs as, from the password database (getpwuid on the
// effective uid): what identity binds profiles to. Never $USER, which anyone can set.
// "uid 1234" when the account has no entry.
std::string osAccount();

} // namespace baton::app
