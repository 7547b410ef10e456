#pragma once

#include <optional>
#include <string>

namespace baton {

// Where credentials live (CRM tokens, webhook signing keys): the OS keychain, or a file the
// user opted into. Never the store, the settings or a log. Every call may fail: `error`
// then says why in words a user can act on ("no keychain service is running ...").
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // nullopt when there is no such secret (error stays empty) or it cannot be read.
    virtual std::optional<std::string> read(const std::string &name, std::string &error) = 0;
    virtual bool write(const std::string &name, const std::string &value, std::string &error) = 0;
    virtual bool remove(const std::string &name, std::string &error) = 0;
    // "the OS keychain", "the file /home/ada/.config/baton/secrets.json (mode 0600)".
    virtual std::string describe() const = 0;
};

} // namespace baton
