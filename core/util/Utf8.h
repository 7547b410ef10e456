#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace baton::util {

// Strict UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). On failure,
// `badOffset` receives the byte offset of the first invalid sequence.
bool isValidUtf8(std::string_view text, std::size_t *badOffset = nullptr);

// Text safe to show and store: invalid bytes become "\xNN".
std::string escapeInvalidUtf8(std::string_view text);

} // namespace baton::util
