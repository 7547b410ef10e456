#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>

namespace baton::agents {
struct FittedModel;
}
namespace baton::scoring {
struct ScoringCandidate;
}

namespace baton::pipeline {

class LeadEvaluator;

// A scoring version a run may score with: the policy's points (no model), a fitted
// logistic model, or an additive model fitted on every fact (a candidate).
struct ScoringVariant
{
    std::string version;
    std::shared_ptr<const agents::FittedModel> model;
    std::shared_ptr<const scoring::ScoringCandidate> candidate;

    void applyTo(LeadEvaluator &evaluator) const;
};

// Whether a lead is in a canary of `share` (0..1): by a hash of its id, so a lead stays on
// the same side run after run, and a larger share keeps every lead a smaller one had.
bool inCanary(std::int64_t leadId, double share);

// Which evaluator scores a lead: the live version's, or for a canary's share of leads the
// candidate's. A run records both and the share in its configuration.
class EvaluatorRoute
{
public:
    EvaluatorRoute(const LeadEvaluator &live, const LeadEvaluator *canary = nullptr,
                   double share = 0);

    const LeadEvaluator &forLead(std::int64_t leadId) const;
    std::string configHash() const;
    std::map<std::string, std::string> agentVersions() const;
    bool readsRecords() const;
    std::unordered_set<std::string> attributeTypes() const;

private:
    const LeadEvaluator &m_live;
    const LeadEvaluator *m_canary;
    double m_share;
};

} // namespace baton::pipeline
