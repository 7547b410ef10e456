#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace baton::util {

// What is wrong with a generated sentence as plain text for a person to read, or "" when
// nothing is: a control character (C0, DEL, C1, line and paragraph separators), a
// bidirectional or zero-width formatting character (these reorder or hide what a reviewer
// sees: U+202E makes "gpj.exe" read "exe.jpg"), or markup (a tag such as "<script" or "</b",
// an HTML comment). Invalid UTF-8 is a problem too. A lone "<" or "&" is text.
std::string untrustedTextProblem(std::string_view text);

// Characters (code points) in UTF-8 text, as JSON Schema's maxLength counts them.
std::size_t codePointCount(std::string_view text);

// Text for an HTML context (a HubSpot note body): & < > " ' as character references.
std::string htmlEscape(std::string_view text);

} // namespace baton::util
