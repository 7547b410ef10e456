#include "util/Utf8.h"

#include <cstdint>

namespace baton::util {

namespace {

// Length of the valid sequence at i, or 0 if invalid.
std::size_t sequenceLength(std::string_view s, std::size_t i)
{
    const auto b0 = static_cast<std::uint8_t>(s[i]);
    if (b0 < 0x80)
        return 1;
    auto cont = [&](std::size_t k) {
        return i + k < s.size() && (static_cast<std::uint8_t>(s[i + k]) & 0xC0) == 0x80;
    };
    const auto b1 = i + 1 < s.size() ? static_cast<std::uint8_t>(s[i + 1]) : 0;
    if (b0 >= 0xC2 && b0 <= 0xDF)
        return cont(1) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        if (!cont(1) || !cont(2))
            return 0;
        if ((b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 > 0x9F))
            return 0; // overlong, or a UTF-16 surrogate
        return 3;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        if (!cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 > 0x8F))
            return 0;
        return 4;
    }
    return 0;
}

} // namespace

bool isValidUtf8(std::string_view s, std::size_t *badOffset)
{
    std::size_t i = 0;
    while (i < s.size()) {
        // Fast path over ASCII, eight bytes at a time.
        while (i + 8 <= s.size()) {
            std::uint64_t word;
            __builtin_memcpy(&word, s.data() + i, 8);
            if (word & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= s.size())
            break;
        const std::size_t n = sequenceLength(s, i);
        if (n == 0) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        i += n;
    }
    return true;
}

std::string escapeInvalidUtf8(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t n = sequenceLength(s, i);
        if (n == 0) {
            static constexpr char kHex[] = "0123456789ABCDEF";
            const auto b = static_cast<std::uint8_t>(s[i]);
            out += "\\x";
            out += kHex[b >> 4];
            out += kHex[b & 0xf];
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

} // namespace baton::util
