#pragma once

#include "pipeline/ScoringRoute.h"

#include <string>

namespace baton::agents {
struct Policy;
}
namespace baton::store {
class Database;
}

namespace baton::pipeline {

struct RunOptions;

// The scoring version `version` names: the policy's points, a fitted logistic model, or an
// additive candidate. Throws std::invalid_argument naming the versions there are when it
// names none, or when a logistic model was fitted on features this policy does not define.
ScoringVariant loadScoringVariant(store::Database &db, const agents::Policy &policy,
                                  const std::string &version);

// What runs score with unless told otherwise: the store's live version (the policy's points
// when none was promoted) and its canary, if one is set (scoring::ScoringDeployment).
void useDeployedScoring(store::Database &db, const agents::Policy &policy, RunOptions &options);

} // namespace baton::pipeline
