#include "contracts/FormatChecks.h"

#include <cstddef>

namespace baton::contracts {

namespace {

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

constexpr bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Reads exactly `count` ASCII digits at `pos`. Non-ASCII digits (a Bengali 4, say) are
// bytes >= 0x80 and fail here, as RFC 3339 wants.
bool readDigits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (!isDigit(s[i]))
            return false;
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

constexpr bool isLeapYear(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int daysInMonth(int year, int month)
{
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeapYear(year) ? 29 : days[month - 1];
}

// full-time = partial-time time-offset. A leap second (:60) is only real at 23:59:60 UTC,
// so the offset is applied before judging it; RFC 3339 section 5.7 and the suite agree.
bool parseFullTime(std::string_view s)
{
    int hour = 0, minute = 0, second = 0;
    if (s.size() < 9 || !readDigits(s, 0, 2, hour) || s[2] != ':' || !readDigits(s, 3, 2, minute) ||
        s[5] != ':' || !readDigits(s, 6, 2, second))
        return false;
    if (hour > 23 || minute > 59 || second > 60)
        return false;

    std::size_t pos = 8;
    if (s[pos] == '.') {
        const std::size_t start = ++pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start || pos == s.size())
            return false;
    }

    int offsetMinutes = 0; // local time minus UTC
    const char sign = s[pos];
    if (sign == 'Z' || sign == 'z') {
        if (pos + 1 != s.size())
            return false;
    } else if (sign == '+' || sign == '-') {
        int offHour = 0, offMinute = 0;
        if (s.size() != pos + 6 || !readDigits(s, pos + 1, 2, offHour) || s[pos + 3] != ':' ||
            !readDigits(s, pos + 4, 2, offMinute))
            return false;
        if (offHour > 23 || offMinute > 59)
            return false;
        offsetMinutes = (sign == '+' ? 1 : -1) * (offHour * 60 + offMinute);
    } else {
        return false;
    }

    if (second == 60) {
        constexpr int minutesPerDay = 24 * 60;
        const int utc =
            ((hour * 60 + minute - offsetMinutes) % minutesPerDay + minutesPerDay) % minutesPerDay;
        if (utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

// RFC 5321 atext: what a dot-atom local part may hold besides dots.
constexpr bool isAtext(char c)
{
    if (isAlpha(c) || isDigit(c))
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool isDotString(std::string_view s)
{
    if (s.empty() || s.front() == '.' || s.back() == '.')
        return false;
    char previous = '\0';
    for (const char c : s) {
        if (c == '.') {
            if (previous == '.')
                return false;
        } else if (!isAtext(c)) {
            return false;
        }
        previous = c;
    }
    return true;
}

// Quoted-string = DQUOTE *(qtextSMTP / quoted-pairSMTP) DQUOTE, printable ASCII only.
bool isQuotedString(std::string_view s)
{
    if (s.size() < 2 || s.front() != '"' || s.back() != '"')
        return false;
    for (std::size_t i = 1; i + 1 < s.size(); ++i) {
        const char c = s[i];
        if (c == '\\') {
            ++i;
            if (i + 1 >= s.size() || s[i] < 32 || s[i] > 126)
                return false;
        } else if (c < 32 || c > 126 || c == '"') {
            return false;
        }
    }
    return true;
}

// Domain = sub-domain *("." sub-domain); a label starts and ends with a letter or digit.
bool isDomain(std::string_view s)
{
    if (s.empty() || s.size() > 255)
        return false;
    std::size_t labelStart = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == '.') {
            const std::size_t length = i - labelStart;
            if (length == 0 || length > 63 || s[i - 1] == '-')
                return false;
            labelStart = i + 1;
        } else if (i == labelStart ? !(isAlpha(s[i]) || isDigit(s[i]))
                                   : !(isAlpha(s[i]) || isDigit(s[i]) || s[i] == '-')) {
            return false;
        }
    }
    return true;
}

// dotted-quad of Snum (1*3DIGIT, 0-255).
bool isIpv4(std::string_view s)
{
    int parts = 0;
    std::size_t pos = 0;
    while (parts < 4) {
        std::size_t digits = 0;
        int value = 0;
        while (pos < s.size() && isDigit(s[pos]) && digits < 3) {
            value = value * 10 + (s[pos] - '0');
            ++pos;
            ++digits;
        }
        if (digits == 0 || value > 255)
            return false;
        ++parts;
        if (parts < 4) {
            if (pos >= s.size() || s[pos] != '.')
                return false;
            ++pos;
        }
    }
    return pos == s.size();
}

constexpr bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 4291 text form: eight 16-bit groups, at most one "::", optionally ending in a
// dotted quad that stands for the last two groups.
bool isIpv6(std::string_view s)
{
    int groups = 0;
    bool compressed = false;
    std::size_t pos = 0;
    if (s.substr(0, 2) == "::") {
        compressed = true;
        pos = 2;
        if (pos == s.size())
            return true;
    } else if (s.empty() || s.front() == ':') {
        return false;
    }
    while (pos < s.size()) {
        const std::size_t start = pos;
        while (pos < s.size() && isHexDigit(s[pos]) && pos - start < 4)
            ++pos;
        if (pos < s.size() && s[pos] == '.') {
            // The embedded IPv4 address must be the tail and fill two groups.
            if (!isIpv4(s.substr(start)))
                return false;
            groups += 2;
            pos = s.size();
            break;
        }
        if (pos == start)
            return false;
        ++groups;
        if (pos == s.size())
            break;
        if (s[pos] != ':')
            return false;
        ++pos;
        if (pos < s.size() && s[pos] == ':') {
            if (compressed)
                return false;
            compressed = true;
            ++pos;
        } else if (pos == s.size()) {
            return false; // a single trailing colon
        }
    }
    return compressed ? groups < 8 : groups == 8;
}

// address-literal = "[" (IPv4 / "IPv6:" IPv6) "]". General-address-literals (other
// registered tags) are left out: none is registered besides IPv6.
bool isAddressLiteral(std::string_view s)
{
    if (s.size() < 3 || s.front() != '[' || s.back() != ']')
        return false;
    const std::string_view inner = s.substr(1, s.size() - 2);
    constexpr std::string_view ipv6Tag = "IPv6:";
    if (inner.substr(0, ipv6Tag.size()) == ipv6Tag)
        return isIpv6(inner.substr(ipv6Tag.size()));
    return isIpv4(inner);
}

} // namespace

bool isDate(std::string_view text)
{
    int year = 0, month = 0, day = 0;
    if (text.size() != 10 || !readDigits(text, 0, 4, year) || text[4] != '-' ||
        !readDigits(text, 5, 2, month) || text[7] != '-' || !readDigits(text, 8, 2, day))
        return false;
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

bool isTime(std::string_view text)
{
    return parseFullTime(text);
}

bool isDateTime(std::string_view text)
{
    return text.size() > 11 && isDate(text.substr(0, 10)) && (text[10] == 'T' || text[10] == 't') &&
           parseFullTime(text.substr(11));
}

bool isEmail(std::string_view text)
{
    // The local part may itself hold an '@' inside quotes, so split at the last one.
    const std::size_t at = text.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 == text.size())
        return false;
    const std::string_view local = text.substr(0, at);
    const std::string_view domain = text.substr(at + 1);
    // RFC 5321 section 4.5.3.1: 64 octets of local part, 255 of domain.
    if (local.size() > 64)
        return false;
    if (!(local.front() == '"' ? isQuotedString(local) : isDotString(local)))
        return false;
    return domain.front() == '[' ? isAddressLiteral(domain) : isDomain(domain);
}

bool checkFormat(std::string_view format, std::string_view text, bool &valid)
{
    if (format == "date-time")
        valid = isDateTime(text);
    else if (format == "email")
        valid = isEmail(text);
    else if (format == "date")
        valid = isDate(text);
    else if (format == "time")
        valid = isTime(text);
    else
        return false;
    return true;
}

} // namespace baton::contracts
