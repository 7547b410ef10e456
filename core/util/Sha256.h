#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace baton::util {

using Digest = std::array<std::uint8_t, 32>;

Digest sha256(std::string_view data);
std::string toHex(const Digest &digest);
inline std::string sha256Hex(std::string_view data)
{
    return toHex(sha256(data));
}

} // namespace baton::util
