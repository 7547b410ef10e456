#pragma once

#include "util/Time.h"

#include <string>
#include <vector>

namespace baton::store {
class Database;
}
namespace baton::governance {
struct Actor;
}

namespace baton::scoring {

// Which scoring version scores the team's leads: the live one (empty: the policy's
// points), a candidate on a canary's share of leads, and the versions that were live
// before, newest last, for a roll back.
struct Deployment
{
    std::string live;
    std::string canary;
    double canaryShare = 0; // 0..1
    std::vector<std::string> previous;
};

// The store's deployment, changed only by marketing ops or an admin, each change audited
// (scoring_promote, scoring_canary, scoring_rollback) in the transaction that makes it.
// The caller checks that a version exists and fits the policy before naming it.
class ScoringDeployment
{
public:
    explicit ScoringDeployment(store::Database &db);

    Deployment current();
    // `version` goes live; the one it replaces can be rolled back to. A canary of the same
    // version ends: it has nothing left to test.
    void promote(const governance::Actor &who, const std::string &version, util::TimePoint now);
    // `version` scores `share` of the leads (0 ends the canary).
    void setCanary(const governance::Actor &who, const std::string &version, double share,
                   util::TimePoint now);
    // The version live before the current one goes live again, and is returned; throws
    // governance::ActionError when there was none.
    std::string rollback(const governance::Actor &who, util::TimePoint now);

private:
    void save(const governance::Actor &who, const char *action, const Deployment &before,
              const Deployment &after, util::TimePoint now);

    store::Database &m_db;
};

} // namespace baton::scoring
