#include "models/DisplayFormat.h"

#include "models/Labels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace baton::ui {

QDateTime utcTime(const QString &rfc3339)
{
    return QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
}

QString localTime(const std::string &utc)
{
    const QDateTime at = utcTime(utc);
    if (!at.isValid())
        return qs(utc);
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QString durationText(std::optional<std::int64_t> ms)
{
    if (!ms)
        return QStringLiteral("\u2014");
    const QLocale locale;
    if (*ms < 1000)
        return QCoreApplication::translate("DisplayFormat", "%1 ms").arg(locale.toString(*ms));
    if (*ms < 60'000)
        return QCoreApplication::translate("DisplayFormat", "%1 s")
            .arg(locale.toString(static_cast<double>(*ms) / 1000.0, 'f', 1));
    const auto seconds = *ms / 1000;
    return QCoreApplication::translate("DisplayFormat", "%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString slaCountdown(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return {};
    const qint64 minutes = now.secsTo(due) / 60;
    const qint64 m = std::abs(minutes);
    // Counts are computed before translate(): lupdate 6.4 hangs on a division inside its
    // arguments.
    const int days = int(m / 1440);
    QString span;
    if (m >= 48 * 60)
        span = QCoreApplication::translate("Inbox", "%n d", nullptr, days);
    else if (m >= 60)
        span = QCoreApplication::translate("Inbox", "%1 h %2 min")
                   .arg(m / 60)
                   .arg(m % 60, 2, 10, QLatin1Char('0'));
    else
        span = QCoreApplication::translate("Inbox", "%n min", nullptr, int(m));
    if (minutes < 0)
        return QCoreApplication::translate("Inbox", "overdue %1").arg(span);
    return span;
}

QString targetText(crm::Target target, const QString &where)
{
    const bool at = !where.isEmpty();
    switch (target) {
    case crm::Target::HubSpot:
        return at ? QCoreApplication::translate("DisplayFormat", "HubSpot at %1").arg(where)
                  : QStringLiteral("HubSpot");
    case crm::Target::Salesforce:
        return at ? QCoreApplication::translate("DisplayFormat", "Salesforce at %1").arg(where)
                  : QStringLiteral("Salesforce");
    case crm::Target::Webhook:
        return at ? QCoreApplication::translate("DisplayFormat", "the webhook at %1").arg(where)
                  : QCoreApplication::translate("DisplayFormat", "the webhook");
    case crm::Target::Jsonl:
        break;
    }
    return at ? QCoreApplication::translate("DisplayFormat", "the JSONL file %1").arg(where)
              : QCoreApplication::translate("DisplayFormat", "the JSONL file");
}

QString briefStatusText(review::BriefStatus status)
{
    return label(status);
}

QString relativeTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    const qint64 days = local.date().daysTo(today);
    if (days == 0)
        return QCoreApplication::translate("DisplayFormat", "today %1").arg(time);
    if (days == 1)
        return QCoreApplication::translate("DisplayFormat", "yesterday %1").arg(time);
    if (days == -1)
        return QCoreApplication::translate("DisplayFormat", "tomorrow %1").arg(time);
    // "d MMM" in the locale's order of day and month, with the year only when it differs.
    const bool thisYear = local.date().year() == today.year();
    return locale.toString(
        local.date(),
        thisYear ? QCoreApplication::translate("DisplayFormat", "d MMM", "date format")
                 : QCoreApplication::translate("DisplayFormat", "d MMM yyyy", "date format"));
}

QString relativeTime(const std::string &utc, const QDateTime &now)
{
    const QDateTime at = utcTime(utc);
    return at.isValid() ? relativeTime(at, now) : qs(utc);
}

QString fullTime(const QDateTime &at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::LongFormat) : QString();
}

QString fullTime(const std::string &utc)
{
    const QDateTime at = utcTime(utc);
    return at.isValid() ? fullTime(at) : qs(utc);
}

QString percentText(double share, int decimals)
{
    return QCoreApplication::translate("DisplayFormat", "%1 %", "a percentage")
        .arg(QLocale().toString(share * 100.0, 'f', decimals));
}

QString countText(std::int64_t count)
{
    return QLocale().toString(qlonglong(count));
}

} // namespace baton::ui
