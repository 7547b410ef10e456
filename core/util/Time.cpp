#include "util/Time.h"

#include <charconv>

namespace baton::util {

long long daysFromCivil(int year, unsigned month, unsigned day)
{
    // Howard Hinnant's algorithm: no tables, no time zone database, exact.
    year -= month <= 2;
    const long long era = (year >= 0 ? year : year - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

CivilDate civilFromDays(long long z)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = static_cast<int>(static_cast<long long>(yoe) + era * 400);
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        value = value * 10 + (s[i] - '0');
    }
    out = value;
    return true;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

// Parses "YYYY-MM-DD" at pos; returns days since epoch.
bool parseDate(std::string_view s, std::size_t pos, long long &days)
{
    int y = 0, m = 0, d = 0;
    if (!digits(s, pos, 4, y) || s.size() < pos + 10 || s[pos + 4] != '-' ||
        !digits(s, pos + 5, 2, m) || s[pos + 7] != '-' || !digits(s, pos + 8, 2, d))
        return false;
    if (m < 1 || m > 12 || d < 1 || static_cast<unsigned>(d) > daysInMonth(y, m))
        return false;
    days = daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

TimePoint fromParts(long long days, int seconds, long long millis)
{
    using namespace std::chrono;
    return TimePoint(duration_cast<system_clock::duration>(
        milliseconds((days * 86400 + seconds) * 1000 + millis)));
}

} // namespace

std::string formatUtc(TimePoint at)
{
    using namespace std::chrono;
    const long long ms = duration_cast<milliseconds>(at.time_since_epoch()).count();
    long long days = ms / 86400000;
    long long rem = ms % 86400000;
    if (rem < 0) {
        rem += 86400000;
        --days;
    }
    const CivilDate c = civilFromDays(days);
    const int milli = static_cast<int>(rem % 1000);
    // Hand-formatted: this runs for every imported event, and snprintf showed in profiles.
    std::string out(milli ? 24 : 20, '0');
    auto put = [&out](std::size_t pos, long long value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            out[pos + i] = static_cast<char>('0' + value % 10);
    };
    const int year = c.year < 0 ? 0 : (c.year > 9999 ? 9999 : c.year);
    put(0, year, 4);
    out[4] = '-';
    put(5, c.month, 2);
    out[7] = '-';
    put(8, c.day, 2);
    out[10] = 'T';
    put(11, rem / 3600000, 2);
    out[13] = ':';
    put(14, rem / 60000 % 60, 2);
    out[16] = ':';
    put(17, rem / 1000 % 60, 2);
    if (milli) {
        out[19] = '.';
        put(20, milli, 3);
    }
    out.back() = 'Z';
    return out;
}

std::optional<TimePoint> parseRfc3339(std::string_view s)
{
    long long days = 0;
    int h = 0, mi = 0, sec = 0;
    if (s.size() < 20 || !parseDate(s, 0, days) || (s[10] != 'T' && s[10] != 't') ||
        !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
        !digits(s, 17, 2, sec))
        return std::nullopt;
    if (h > 23 || mi > 59 || sec > 60)
        return std::nullopt;
    std::size_t pos = 19;
    long long millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        long long scale = 100;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            millis += (s[pos] - '0') * scale;
            scale /= 10;
            ++pos;
        }
        if (pos == start)
            return std::nullopt;
    }
    if (pos >= s.size())
        return std::nullopt;
    int offset = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        int oh = 0, om = 0;
        if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
            !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size())
        return std::nullopt;
    // A leap second is stored as the last representable moment of its minute.
    if (sec == 60)
        sec = 59, millis = 999;
    return fromParts(days, h * 3600 + mi * 60 + sec - offset * 60, millis);
}

std::optional<TimePoint> parseExportDateTime(std::string_view s, int utcOffsetMinutes)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    if (s.empty())
        return std::nullopt;
    if (auto t = parseRfc3339(s))
        return t;
    // ISO 8601 basic offset ("+0000"), as older Marketo exports write it.
    if (s.size() >= 24 && (s[s.size() - 5] == '+' || s[s.size() - 5] == '-') &&
        s.find(':', s.size() - 5) == std::string_view::npos) {
        std::string withColon(s);
        withColon.insert(withColon.size() - 2, ":");
        if (auto t = parseRfc3339(withColon))
            return t;
    }
    const bool allDigits = s.find_first_not_of("0123456789") == std::string_view::npos;
    if (allDigits && s.size() >= 11 && s.size() <= 14) { // epoch milliseconds
        long long ms = 0;
        std::from_chars(s.data(), s.data() + s.size(), ms);
        return TimePoint(std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::milliseconds(ms)));
    }
    long long days = 0;
    if (!parseDate(s, 0, days))
        return std::nullopt;
    int h = 0, mi = 0, sec = 0;
    if (s.size() == 10)
        return fromParts(days, -utcOffsetMinutes * 60, 0);
    if ((s[10] != ' ' && s[10] != 'T') || !digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' ||
        !digits(s, 14, 2, mi))
        return std::nullopt;
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, 17, 2, sec))
            return std::nullopt;
        pos = 19;
    }
    if (pos != s.size() || h > 23 || mi > 59 || sec > 59)
        return std::nullopt;
    return fromParts(days, h * 3600 + mi * 60 + sec - utcOffsetMinutes * 60, 0);
}

std::string withMillis(std::string rfc3339)
{
    if (rfc3339.size() == 20 && rfc3339.back() == 'Z')
        rfc3339.insert(19, ".000");
    return rfc3339;
}

std::string formatUtcMillis(TimePoint at)
{
    return withMillis(formatUtc(at));
}

} // namespace baton::util
