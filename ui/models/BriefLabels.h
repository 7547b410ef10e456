#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

namespace baton::ui {

// A recommended action's kind as a verb a rep reads ("book_demo": "Book a demo"); an unknown
// kind as it is stored.
QString actionText(const QString &kind);

// When something is due, relative to `now` in `zone` (the person's, by default):
// "today 14:00", "tomorrow 09:00", "3 Dec" (with the year when it is another), or
// "overdue by 2 h" once past. Empty for an invalid time.
QString dueText(const QDateTime &due, const QDateTime &now,
                const QTimeZone &zone = QTimeZone::systemTimeZone());

// The first moment after the day `now` falls on in `zone`, in UTC: the end of "today".
QDateTime endOfDay(const QDateTime &now, const QTimeZone &zone = QTimeZone::systemTimeZone());

} // namespace baton::ui
