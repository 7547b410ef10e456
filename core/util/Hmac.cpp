#include "util/Hmac.h"

#include <string>

namespace baton::util {

Digest hmacSha256(std::string_view key, std::string_view message)
{
    constexpr std::size_t block = 64;
    std::string k(key);
    if (k.size() > block) {
        const Digest d = sha256(k);
        k.assign(d.begin(), d.end());
    }
    k.resize(block, '\0');
    std::string inner(block, '\0'), outer(block, '\0');
    for (std::size_t i = 0; i < block; ++i) {
        inner[i] = static_cast<char>(k[i] ^ 0x36);
        outer[i] = static_cast<char>(k[i] ^ 0x5c);
    }
    inner.append(message);
    const Digest innerDigest = sha256(inner);
    outer.append(innerDigest.begin(), innerDigest.end());
    return sha256(outer);
}

} // namespace baton::util
