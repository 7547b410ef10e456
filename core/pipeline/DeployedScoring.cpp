#include "pipeline/DeployedScoring.h"

#include "agents/Policy.h"
#include "agents/ScoringAgent.h"
#include "agents/ScoringModel.h"
#include "pipeline/ModelFitter.h"
#include "pipeline/Orchestrator.h"
#include "scoring/ModelVersions.h"
#include "scoring/ScoringDeployment.h"

#include <stdexcept>

namespace baton::pipeline {

ScoringVariant loadScoringVariant(store::Database &db, const agents::Policy &policy,
                                  const std::string &version)
{
    if (version.empty() || version == policy.scoring.version)
        return {policy.scoring.version, nullptr, nullptr};
    if (auto candidate = scoring::loadCandidate(db, version))
        return {version, nullptr,
                std::make_shared<const scoring::ScoringCandidate>(std::move(*candidate))};
    ModelFitter models(db, policy);
    if (!scoring::isAdditiveVersion(version))
        if (auto model = models.load(version)) {
            auto shared = std::make_shared<const agents::FittedModel>(std::move(*model));
            agents::ScoringAgent probe(policy.scoring); // throws for another policy's features
            probe.useModel(shared, version);
            return {version, shared, nullptr};
        }
    std::string known = policy.scoring.version;
    for (const auto &m : models.models())
        known += ", " + m.version;
    throw std::invalid_argument("no scoring version '" + version + "'; known: " + known);
}

void useDeployedScoring(store::Database &db, const agents::Policy &policy, RunOptions &options)
{
    const auto deployment = scoring::ScoringDeployment(db).current();
    options.scoring = loadScoringVariant(db, policy, deployment.live);
    if (!deployment.canary.empty() && deployment.canaryShare > 0) {
        options.canary = loadScoringVariant(db, policy, deployment.canary);
        options.canaryShare = deployment.canaryShare;
    }
}

} // namespace baton::pipeline
