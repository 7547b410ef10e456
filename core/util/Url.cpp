#include "util/Url.h"

#include "util/Text.h"

#include <charconv>

namespace baton::util {

std::string percentEncode(std::string_view text)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string formEncode(const std::vector<std::pair<std::string, std::string>> &fields)
{
    std::string out;
    for (const auto &[name, value] : fields) {
        if (!out.empty())
            out += '&';
        out += percentEncode(name) + '=' + percentEncode(value);
    }
    return out;
}

std::optional<UrlOrigin> urlOrigin(std::string_view url)
{
    const auto colon = url.find("://");
    if (colon == std::string_view::npos || colon == 0)
        return std::nullopt;
    UrlOrigin out;
    out.scheme = lowercase(std::string(url.substr(0, colon)));
    std::string_view rest = url.substr(colon + 3);
    rest = rest.substr(0, rest.find_first_of("/?#"));
    if (const auto at = rest.rfind('@'); at != std::string_view::npos)
        rest.remove_prefix(at + 1); // user:password@ is not the host
    std::string_view port;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return std::nullopt;
        out.host = std::string(rest.substr(1, close - 1));
        if (close + 1 < rest.size() && rest[close + 1] == ':')
            port = rest.substr(close + 2);
    } else {
        const auto c = rest.find(':');
        out.host = std::string(rest.substr(0, c));
        if (c != std::string_view::npos)
            port = rest.substr(c + 1);
    }
    if (out.host.empty())
        return std::nullopt;
    out.host = lowercase(out.host);
    if (!port.empty()) {
        const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), out.port);
        if (ec != std::errc() || end != port.data() + port.size() || out.port <= 0 || out.port > 65535)
            return std::nullopt;
    }
    return out;
}

bool isLoopbackHost(std::string_view host)
{
    if (host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1")
        return true;
    // 127.0.0.0/8 in dotted-quad form only: "127.evil.com" is a name, not an address.
    if (host.substr(0, 4) != "127.")
        return false;
    int parts = 0;
    for (std::size_t i = 0; i <= host.size(); ++parts) {
        const auto dot = std::min(host.find('.', i), host.size());
        int value = -1;
        const auto [end, ec] = std::from_chars(host.data() + i, host.data() + dot, value);
        if (ec != std::errc() || end != host.data() + dot || value < 0 || value > 255)
            return false;
        i = dot + 1;
    }
    return parts == 4;
}

bool isSecureOrLoopback(std::string_view url)
{
    const auto origin = urlOrigin(url);
    return origin && (origin->scheme == "https" ||
                      (origin->scheme == "http" && isLoopbackHost(origin->host)));
}

} // namespace baton::util
