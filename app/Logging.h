#pragma once

#include <QLoggingCategory>

// One category per area, as QT_LOGGING_RULES="baton.*.debug=true" expects.
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcImport)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
