#include "Logging.h"

Q_LOGGING_CATEGORY(lcCli, "baton.app.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcImport, "baton.app.import", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "baton.app.store", QtInfoMsg)
