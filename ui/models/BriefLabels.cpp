#include "models/BriefLabels.h"

#include <QCoreApplication>
#include <QLocale>

namespace baton::ui {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("BriefLabels", text, nullptr, n);
}

// "2 h", "25 min", "3 d": how long past due, at the coarsest unit that is at least one.
QString overdueSpan(qint64 seconds)
{
    const qint64 minutes = std::max<qint64>(1, seconds / 60);
    const int hours = int(minutes / 60);
    const int days = int(minutes / 1440);
    if (days >= 2)
        return tr("%n d", days);
    if (hours >= 1)
        return tr("%n h", hours);
    return tr("%n min", int(minutes));
}

} // namespace

QString actionText(const QString &kind)
{
    // clang-format off
    static const struct { const char *kind; const char *text; } kActions[] = {
        {"book_demo",      QT_TRANSLATE_NOOP("BriefLabels", "Book a demo")},
        {"send_pricing",   QT_TRANSLATE_NOOP("BriefLabels", "Send pricing")},
        {"call",           QT_TRANSLATE_NOOP("BriefLabels", "Call")},
        {"email",          QT_TRANSLATE_NOOP("BriefLabels", "Send an e-mail")},
        {"nurture",        QT_TRANSLATE_NOOP("BriefLabels", "Keep in nurture")},
        {"do_not_contact", QT_TRANSLATE_NOOP("BriefLabels", "Do not contact")},
        {"verify_data",    QT_TRANSLATE_NOOP("BriefLabels", "Verify the company data")},
    };
    // clang-format on
    for (const auto &a : kActions)
        if (kind == QLatin1String(a.kind))
            return tr(a.text);
    return kind;
}

QDateTime endOfDay(const QDateTime &now, const QTimeZone &zone)
{
    const QDate today = now.toTimeZone(zone).date();
    return QDateTime(today.addDays(1), QTime(0, 0), zone).toUTC();
}

QString dueText(const QDateTime &due, const QDateTime &now, const QTimeZone &zone)
{
    if (!due.isValid())
        return {};
    if (due < now)
        return tr("overdue by %1").arg(overdueSpan(due.secsTo(now)));
    const QLocale locale;
    const QDateTime local = due.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QString time = locale.toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return tr("today %1").arg(time);
    if (local.date() == today.addDays(1))
        return tr("tomorrow %1").arg(time);
    return locale.toString(local.date(), local.date().year() == today.year()
                                             ? QStringLiteral("d MMM")
                                             : QStringLiteral("d MMM yyyy"));
}

} // namespace baton::ui
