#include "TeamPassword.h"

#include "Secrets.h"
#include "store/PasswordSource.h"

namespace baton::app {

void installTeamPasswordSource()
{
    // The source is called under core's lock, so the cache needs none of its own.
    store::setPasswordSource([cached = std::optional<std::string>()](
                                 const std::string &) mutable -> std::optional<std::string> {
        if (!cached) {
            std::string error, where;
            cached = readSecret(store::kTeamDatabaseSecret, error, where);
        }
        return cached;
    });
}

} // namespace baton::app
