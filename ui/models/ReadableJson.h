#pragma once

#include <QDateTime>
#include <QString>

namespace baton::ui {

// A small JSON document as labelled lines a person reads: "Source system: hubspot",
// nested objects indented under their label, lists of words joined, times relative to `now`
// ("today 14:00"). Text that is not a JSON object or array comes back as it is.
QString readableJson(const QString &json, const QDateTime &now);

// "source_system" -> "Source system": a key as a label.
QString keyLabel(const QString &key);

} // namespace baton::ui
