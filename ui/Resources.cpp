#include "Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initBatonResources()
{
    Q_INIT_RESOURCE(baton);
}

namespace baton::ui {

void initResources()
{
    static const bool done = [] {
        initBatonResources();
        return true;
    }();
    Q_UNUSED(done);
}

QIcon appIcon()
{
    initResources();
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/baton-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace baton::ui
