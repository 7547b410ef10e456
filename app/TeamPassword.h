#pragma once

namespace baton::app {

// Makes the OS keychain (else the 0600 secrets file the user opted into) the source of team
// database passwords for every connection this process opens. Read once and kept in memory,
// so a run's many connections ask the keychain once.
void installTeamPasswordSource();

} // namespace baton::app
