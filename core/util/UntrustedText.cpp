#include "util/UntrustedText.h"

#include "util/Utf8.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace baton::util {

namespace {

// Decodes the code point at `i` of valid UTF-8 and moves `i` past it.
char32_t nextCodePoint(std::string_view s, std::size_t &i)
{
    const auto b = static_cast<unsigned char>(s[i]);
    const int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += extra + 1;
    return cp;
}

bool isFormattingOrControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C ||
           (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x2069) || c == 0xFEFF;
}

bool startsMarkup(std::string_view s, std::size_t i)
{
    if (s[i] != '<' || i + 1 >= s.size())
        return false;
    const auto next = static_cast<unsigned char>(s[i + 1]);
    return std::isalpha(next) || next == '/' || next == '!' || next == '?';
}

std::string codePointName(char32_t c)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

} // namespace

std::string untrustedTextProblem(std::string_view text)
{
    std::size_t bad = 0;
    if (!isValidUtf8(text, &bad))
        return "invalid UTF-8 at byte " + std::to_string(bad + 1);
    for (std::size_t i = 0; i < text.size();) {
        if (startsMarkup(text, i))
        {
            std::size_t end = i;
            while (end < text.size() && end < i + 8 && static_cast<unsigned char>(text[end]) < 0x80)
                ++end;
            return "markup (\"" + std::string(text.substr(i, end - i)) + "\")";
        }
        const std::size_t at = i;
        const char32_t c = nextCodePoint(text, i);
        if (isFormattingOrControl(c))
            return "a control or formatting character (" + codePointName(c) + " at byte " +
                   std::to_string(at + 1) + ")";
    }
    return {};
}

std::size_t codePointCount(std::string_view text)
{
    std::size_t n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string htmlEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

} // namespace baton::util
