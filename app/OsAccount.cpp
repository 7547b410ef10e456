#include "OsAccount.h"

#include <pwd.h>
#include <unistd.h>
#include <vector>

namespace baton::app {

std::string osAccount()
{
    const uid_t uid = ::geteuid();
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd *found = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
        found->pw_name)
        return found->pw_name;
    return "uid " + std::to_string(uid);
}

} // namespace baton::app
