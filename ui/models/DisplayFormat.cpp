#include "models/DisplayFormat.h"

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
    using review::BriefStatus;
    switch (status) {
    case BriefStatus::PendingReview:
        return QCoreApplication::translate("Inbox", "To review");
    case BriefStatus::Escalated:
        return QCoreApplication::translate("Inbox", "Escalated");
    case BriefStatus::Approved:
        return QCoreApplication::translate("Inbox", "Approved");
    case BriefStatus::Resolved:
        return QCoreApplication::translate("Inbox", "Resolved");
    case BriefStatus::Superseded:
        return QCoreApplication::translate("Inbox", "Superseded");
    case BriefStatus::Queued:
    case BriefStatus::Pushed:
    case BriefStatus::PushFailed:
        break;
    }
    return nameText(status);
}

} // namespace baton::ui
