#pragma once

#include <string>
#include <string_view>

namespace baton::store {

// What a store is called where a person reads it (a window's title): a file's name, or a
// team database's name (never its host, user or options, which a libpq URI carries too).
std::string storeDisplayName(std::string_view location);

} // namespace baton::store
