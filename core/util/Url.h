#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton::util {

// RFC 3986 percent-encoding of everything but the unreserved characters: safe in a query
// value and in an application/x-www-form-urlencoded body.
std::string percentEncode(std::string_view text);

// "a=1&b=2" from pairs, each value percent-encoded: an OAuth token request's body.
std::string formEncode(const std::vector<std::pair<std::string, std::string>> &fields);

} // namespace baton::util
