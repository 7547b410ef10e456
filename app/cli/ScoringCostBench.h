#pragma once

namespace baton::store {
class Database;
}

namespace baton::app {

struct CommandContext;

// `baton bench pipeline --additive`: the additive model fitted on the SQLite store `db` and
// saved as a candidate version, then cold runs of every lead with the policy's points and
// with the candidate, alternately, `runs` of each, and their medians side by side.
void benchScoringCost(store::Database &db, int runs, CommandContext &context);

} // namespace baton::app
