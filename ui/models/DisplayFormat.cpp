#include "models/DisplayFormat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

namespace baton::ui {

QString localTime(const std::string &utc)
{
    const QString text = qs(utc);
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!at.isValid())
        return text;
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

} // namespace baton::ui
