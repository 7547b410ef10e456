#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace baton::store {

// What Baton keeps is the owner's alone: leads, e-mail addresses, what reps wrote.
// Each of the store, its -wal and -shm, and its folder that anyone but the owner may read,
// write or (a folder) list: "/home/ana/baton.sqlite is readable by group and others (0644)".
std::vector<std::string> exposedStoreFiles(const std::filesystem::path &store);

// The command that closes them: "chmod 600 ... && chmod 700 ...".
std::string privacyFix(const std::filesystem::path &store);

// Creates the store file for its owner only (mode 0600) when it does not exist yet, before
// SQLite opens it: SQLite gives the -wal and -shm files the mode of the database file, so
// they follow whatever umask the process runs under. Never follows a symbolic link.
void createPrivateFile(const std::filesystem::path &path);

} // namespace baton::store
