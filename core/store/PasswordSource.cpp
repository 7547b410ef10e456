#include "store/PasswordSource.h"

#include <mutex>

namespace baton::store {

namespace {

std::mutex &sourceLock()
{
    static std::mutex lock;
    return lock;
}

PasswordSource &installed()
{
    static PasswordSource source;
    return source;
}

} // namespace

void setPasswordSource(PasswordSource source)
{
    std::lock_guard guard(sourceLock());
    installed() = std::move(source);
}

std::optional<std::string> passwordFor(const std::string &location)
{
    std::lock_guard guard(sourceLock());
    if (!installed())
        return std::nullopt;
    return installed()(location);
}

} // namespace baton::store
