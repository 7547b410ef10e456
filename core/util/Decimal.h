#pragma once

#include <charconv>
#include <cstdio>
#include <string>

namespace baton::util {

// `value` with `decimals` digits after the point, the text printf's "%.*f" writes (exactly
// rounded, the same digits), without printf's cost: a score's parts and a bin's bounds are
// written for every brief.
inline std::string fixedDecimals(double value, int decimals)
{
    char buffer[400]; // the longest double in fixed notation, with its decimals and a sign
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (ec == std::errc())
        return std::string(buffer, end);
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

} // namespace baton::util
