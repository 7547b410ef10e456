#pragma once

#include <QString>

namespace baton::app {

// Where the store lives unless --store says otherwise: the platform's application data
// directory: $XDG_DATA_HOME/baton/baton.sqlite, by default ~/.local/share/baton/baton.sqlite.
QString defaultStorePath();
// The team database chosen in the console's Settings; empty for none.
QString consoleTeamDatabase();

} // namespace baton::app
