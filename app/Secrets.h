#pragma once

#include <optional>
#include <string>

namespace baton::app {

// A credential from the OS keychain, else from the 0600 file the user opted into with
// `baton secret set NAME --file`; `where` names which. nullopt with `error` saying why.
std::optional<std::string> readSecret(const std::string &name, std::string &error,
                                      std::string &where);

} // namespace baton::app
