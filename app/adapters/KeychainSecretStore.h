#pragma once

#include "ports/SecretStore.h"

namespace baton::app {

// Secrets in the OS keychain through QtKeychain (the Secret Service on Linux, Keychain on
// macOS, the Credential Store on Windows), under the service name "baton". Never falls back
// to plain text: without a keychain service every call fails and says so. Blocks on a
// local event loop, so it works from any thread.
class KeychainSecretStore final : public SecretStore
{
public:
    std::optional<std::string> read(const std::string &name, std::string &error) override;
    bool write(const std::string &name, const std::string &value, std::string &error) override;
    bool remove(const std::string &name, std::string &error) override;
    std::string describe() const override { return "the OS keychain"; }
};

} // namespace baton::app
