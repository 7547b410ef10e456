#pragma once

#include "agents/EnrichmentAgent.h"
#include "pipeline/ScoringRoute.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace baton::agents {
struct Policy;
struct FittedModel;
} // namespace baton::agents
namespace baton::contracts {
class ContractRegistry;
}
namespace baton::store {
class Database;
}

namespace baton::pipeline {

// A way of scoring: the policy's points (no model) or a fitted model saved as `version`.
struct VariantTally
{
    std::string version;
    std::int64_t qualified = 0, briefed = 0, escalated = 0;
    std::map<std::string, std::int64_t> grid; // leads per grid cell
    // Every evaluated lead's score and whether it would get a brief, in no particular order.
    struct Lead
    {
        double score = 0;
        bool briefed = false;
    };
    std::vector<Lead> leads;
};

struct DryRunReport
{
    std::int64_t leads = 0;
    std::vector<VariantTally> variants;
    // Between the first two variants, lead by lead.
    std::int64_t bandChanged = 0, qualifyGained = 0, qualifyLost = 0, escalationChanged = 0;
    double seconds = 0;
};

// Evaluates every lead (or `leadIds`) under each variant as a run would, and counts what
// would happen, writing nothing: `baton run --dry-run [--compare scoring@A,scoring@B]`.
DryRunReport dryRun(store::Database &db, const contracts::ContractRegistry &registry,
                    const agents::Policy &policy, agents::TimePoint asOf,
                    const std::vector<ScoringVariant> &variants,
                    std::vector<std::int64_t> leadIds = {}, int threads = 0,
                    const std::function<void(std::int64_t, std::int64_t)> &onProgress = {});

} // namespace baton::pipeline
