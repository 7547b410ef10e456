#include "store/FilePrivacy.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace baton::store {

namespace {

std::string modeText(mode_t mode)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04o", static_cast<unsigned>(mode & 07777));
    return buf;
}

// "readable by group and others": the access a mode gives beyond the owner.
std::string exposure(mode_t mode, bool folder)
{
    std::vector<std::string> what;
    if (mode & (S_IRGRP | S_IROTH))
        what.push_back(folder ? "listable" : "readable");
    if (mode & (S_IWGRP | S_IWOTH))
        what.push_back("writable");
    if (what.empty())
        return {};
    std::string who = (mode & 070) && (mode & 07) ? "group and others"
                      : (mode & 070)              ? "group"
                                                  : "others";
    std::string text = what[0];
    if (what.size() > 1)
        text += " and " + what[1];
    return text + " by " + who;
}

} // namespace

std::vector<std::string> exposedStoreFiles(const std::filesystem::path &store)
{
    std::vector<std::string> out;
    const auto check = [&](const std::filesystem::path &p, bool folder) {
        struct stat st
        {
        };
        if (::lstat(p.c_str(), &st) != 0)
            return;
        // A folder others may only pass through (x) shows them nothing.
        const mode_t mask = S_IRGRP | S_IROTH | S_IWGRP | S_IWOTH;
        if ((st.st_mode & mask) == 0)
            return;
        out.push_back(p.string() + " is " + exposure(st.st_mode & mask, folder) + " (" +
                      modeText(st.st_mode) + ")");
    };
    check(store, false);
    check(store.string() + "-wal", false);
    check(store.string() + "-shm", false);
    const auto folder =
        store.parent_path().empty() ? std::filesystem::path(".") : store.parent_path();
    check(folder, true);
    return out;
}

std::string privacyFix(const std::filesystem::path &store)
{
    const auto folder =
        store.parent_path().empty() ? std::filesystem::path(".") : store.parent_path();
    return "chmod 600 '" + store.string() + "'* && chmod 700 '" + folder.string() + "'";
}

void createPrivateFile(const std::filesystem::path &path)
{
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0)
        ::close(fd);
    // EEXIST: there is one already, which SQLite opens as it is; anything else SQLite reports.
}

} // namespace baton::store
