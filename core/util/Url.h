#pragma once

#include <optional>
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

// The parts of an absolute URL that decide where it goes: scheme and host lower case,
// an IPv6 host without its brackets, the port as written (0 when none).
struct UrlOrigin
{
    std::string scheme;
    std::string host;
    int port = 0;
};
std::optional<UrlOrigin> urlOrigin(std::string_view url);

// localhost, 127.0.0.0/8 or ::1: traffic that never leaves the machine.
bool isLoopbackHost(std::string_view host);

// https, or http to a loopback host: where a credential may be sent.
bool isSecureOrLoopback(std::string_view url);

} // namespace baton::util
