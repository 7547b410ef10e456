#include "StoreLocation.h"

#include "Settings.h"

#include <QDir>
#include <QStandardPaths>

namespace baton::app {

QString defaultStorePath()
{
    // GenericDataLocation is $XDG_DATA_HOME or ~/.local/share; scripts/run.sh computes the
    // same path, so keep the two in step.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dir).filePath(QStringLiteral("baton/baton.sqlite"));
}

QString consoleTeamDatabase()
{
    return ui::Settings().teamDatabase();
}

} // namespace baton::app
