#include "models/ReadableJson.h"

#include "models/DisplayFormat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

namespace baton::ui {

namespace {

QString scalarText(const QJsonValue &value, const QDateTime &now)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QCoreApplication::translate("DisplayFormat", "yes")
                              : QCoreApplication::translate("DisplayFormat", "no");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == double(qint64(d)) ? QLocale().toString(qint64(d)) : QLocale().toString(d);
    }
    case QJsonValue::String: {
        const QString text = value.toString();
        // A stored time reads as a time; anything else as it is.
        if (text.size() >= 20 && text.at(4) == QLatin1Char('-') && text.at(10) == QLatin1Char('T'))
            if (const QDateTime at = utcTime(text); at.isValid())
                return relativeTime(at, now);
        return text;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QStringLiteral("\u2014");
    case QJsonValue::Array:
    case QJsonValue::Object:
        break;
    }
    return {};
}

bool allScalars(const QJsonArray &array)
{
    for (const auto &v : array)
        if (v.isArray() || v.isObject())
            return false;
    return true;
}

void append(QStringList &lines, const QString &label, const QJsonValue &value, const QDateTime &now,
            int depth);

void appendObject(QStringList &lines, const QJsonObject &object, const QDateTime &now, int depth)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        append(lines, keyLabel(it.key()), it.value(), now, depth);
}

void append(QStringList &lines, const QString &label, const QJsonValue &value, const QDateTime &now,
            int depth)
{
    const QString indent(depth * 2, QLatin1Char(' '));
    const QString prefix = label.isEmpty() ? indent + QStringLiteral("– ") : indent + label;
    const QString colon = label.isEmpty() ? QString() : QStringLiteral(": ");
    if (value.isObject()) {
        lines << prefix + (label.isEmpty() ? QString() : QStringLiteral(":"));
        appendObject(lines, value.toObject(), now, depth + 1);
    } else if (value.isArray() && allScalars(value.toArray())) {
        QStringList words;
        for (const auto &v : value.toArray())
            words << scalarText(v, now);
        lines << prefix + colon + words.join(QStringLiteral(", "));
    } else if (value.isArray()) {
        lines << prefix + (label.isEmpty() ? QString() : QStringLiteral(":"));
        for (const auto &v : value.toArray())
            append(lines, QString(), v, now, depth + 1);
    } else {
        lines << prefix + colon + scalarText(value, now);
    }
}

} // namespace

QString keyLabel(const QString &key)
{
    QString out = key;
    out.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

QString readableJson(const QString &json, const QDateTime &now)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || doc.isNull())
        return json;
    QStringList lines;
    if (doc.isObject())
        appendObject(lines, doc.object(), now, 0);
    else
        for (const auto &v : doc.array())
            append(lines, QString(), v, now, 0);
    return lines.join(QLatin1Char('\n'));
}

} // namespace baton::ui
