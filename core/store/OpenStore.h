#pragma once

#include "store/Database.h"

#include <filesystem>

namespace baton::store {

// Opens (creating if needed) a Baton store, checks it and brings its schema up to date.
// Every entry point (console, CLI, tests) opens stores through here.
Database openStore(const std::filesystem::path &path, Database::Options options = {});

} // namespace baton::store
