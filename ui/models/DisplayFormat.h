#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <string>

namespace baton::ui {

// Text of core's UTF-8 strings.
inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// A stored UTC time ("2026-11-24T09:58:06Z") in local time, in the locale's short format;
// the text unchanged if it does not parse.
QString localTime(const std::string &utc);
// "840 ms", "12.4 s", "3 min 05 s"; an em dash for a batch that has not finished.
QString durationText(std::optional<std::int64_t> ms);

} // namespace baton::ui
