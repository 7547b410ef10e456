#include "Logging.h"

Q_LOGGING_CATEGORY(lcCli, "baton.app.cli")
Q_LOGGING_CATEGORY(lcImport, "baton.app.import")
Q_LOGGING_CATEGORY(lcStore, "baton.app.store")
