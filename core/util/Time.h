#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace baton::util {

using TimePoint = std::chrono::system_clock::time_point;

// "2026-11-24T09:58:06Z" (seconds) or with milliseconds when they are not zero. Every
// time Baton stores is UTC in this form, so text order is time order.
std::string formatUtc(TimePoint at);
// Always with milliseconds ("...T09:30:00.000Z"): times compared as text (the outbox's
// next attempt) need one width.
std::string formatUtcMillis(TimePoint at);
// The same for a time formatUtc wrote: ".000" added when it has no fraction.
std::string withMillis(std::string rfc3339);

// Parses RFC 3339 ("2026-11-24T09:58:06.123+01:00", "...Z"). nullopt if malformed.
std::optional<TimePoint> parseRfc3339(std::string_view text);

// What export tools write for a datetime: RFC 3339, "YYYY-MM-DD HH:MM[:SS]" (HubSpot's
// export, in the portal's time zone: `utcOffsetMinutes`), "YYYY-MM-DD", or epoch
// milliseconds (HubSpot's API). nullopt if none fits.
std::optional<TimePoint> parseExportDateTime(std::string_view text, int utcOffsetMinutes = 0);

// Days since 1970-01-01 for a civil date (proleptic Gregorian); exact for all int years.
long long daysFromCivil(int year, unsigned month, unsigned day);

struct CivilDate
{
    int year;
    unsigned month, day;
};

// The inverse of daysFromCivil.
CivilDate civilFromDays(long long days);

} // namespace baton::util
