#pragma once

#include <QString>

namespace baton::app {

// Where the store lives unless --store says otherwise: the platform's application data
// directory (on Linux ~/.local/share/Baton/baton.sqlite, or $XDG_DATA_HOME/Baton/...).
QString defaultStorePath();

} // namespace baton::app
