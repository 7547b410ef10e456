#include "StoreLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace baton::app {

QString defaultStorePath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("baton.sqlite"));
}

} // namespace baton::app
