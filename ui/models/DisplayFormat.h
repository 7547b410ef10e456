#pragma once

#include "crm/Target.h"
#include "review/Vocabulary.h"
#include "util/EnumNames.h"

#include <QDateTime>
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

// A vocabulary word's string form ("pending_review"), as the store and the CLI have it.
template <typename E> QString nameText(E value)
{
    const std::string_view name = util::nameOf(value);
    return QString::fromUtf8(name.data(), qsizetype(name.size()));
}

// A stored UTC time ("2026-11-24T09:58:06Z", RFC 3339 with or without milliseconds);
// invalid if it does not parse.
QDateTime utcTime(const QString &rfc3339);
inline QDateTime utcTime(const std::string &rfc3339)
{
    return utcTime(qs(rfc3339));
}
// A stored UTC time in local time, in the locale's short format; the text unchanged if it
// does not parse.
QString localTime(const std::string &utc);
// A moment as a person reads it beside `now`, in local time and the locale: "today 14:00",
// "yesterday 09:12", "3 Dec" (this year), "3 Dec 2025"; empty if `at` is invalid.
QString relativeTime(const QDateTime &at, const QDateTime &now);
// The same for a stored UTC time; the text unchanged if it does not parse.
QString relativeTime(const std::string &utc, const QDateTime &now);
// The full local date and time, for a tooltip beside relativeTime().
QString fullTime(const QDateTime &at);
QString fullTime(const std::string &utc);
// A share (0.0099) as the locale writes a percentage: "1.0 %", "0,99 %" in German.
QString percentText(double share, int decimals = 1);
// A count with the locale's group separators: "12,480".
QString countText(std::int64_t count);
// "2 h 05 min", "overdue 3 h": an SLA countdown as a reviewer reads it.
QString slaCountdown(const QDateTime &due, const QDateTime &now);
// A brief's status as the inbox names it (PendingReview: "To review").
QString briefStatusText(review::BriefStatus status);
// A delivery target as the console names it: "HubSpot", "the webhook" (where something went);
// with `where`, how it is reached: "HubSpot at https://…", "the JSONL file /tmp/out.jsonl".
QString targetText(crm::Target target, const QString &where = QString());
// "840 ms", "12.4 s", "3 min 05 s"; an em dash for a batch that has not finished.
QString durationText(std::optional<std::int64_t> ms);

} // namespace baton::ui
