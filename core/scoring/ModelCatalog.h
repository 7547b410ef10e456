#pragma once

#include "scoring/ModelVersions.h"
#include "scoring/ScoringDeployment.h"

#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::scoring {

// One saved scoring version as the Models page lists it; an additive one with its model,
// threshold and report (calibration, features), which the page draws.
struct ModelEntry
{
    std::string version, createdAt;
    double auc = 0, baselineAuc = 0;
    std::int64_t train = 0, test = 0;
    std::optional<ScoringCandidate> candidate; // additive versions
};

struct ModelCatalog
{
    Deployment deployment;
    std::vector<ModelEntry> models; // newest first
};

// Every saved version and the deployment, read in one go (for a pool thread).
ModelCatalog readModelCatalog(store::Database &db);

} // namespace baton::scoring
