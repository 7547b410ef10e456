#include "pipeline/ScoringRoute.h"

#include "agents/ScoringAgent.h"
#include "pipeline/LeadEvaluator.h"
#include "util/Sha256.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace baton::pipeline {

namespace {

// splitmix64's finaliser: neighbouring ids land far apart, the same id always in one place.
std::uint64_t mixed(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::string percent(double share)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g%%", 100 * share);
    return text;
}

} // namespace

void ScoringVariant::applyTo(LeadEvaluator &evaluator) const
{
    if (model)
        evaluator.useScoringModel(model, version);
    if (candidate)
        evaluator.useScoringCandidate(candidate);
}

bool inCanary(std::int64_t leadId, double share)
{
    if (share <= 0)
        return false;
    const double u = static_cast<double>(mixed(static_cast<std::uint64_t>(leadId)) >> 11) *
                     0x1.0p-53; // uniform in [0, 1)
    return u < share;
}

EvaluatorRoute::EvaluatorRoute(const LeadEvaluator &live, const LeadEvaluator *canary, double share)
    : m_live(live), m_canary(canary && share > 0 ? canary : nullptr), m_share(share)
{
}

const LeadEvaluator &EvaluatorRoute::forLead(std::int64_t leadId) const
{
    return m_canary && inCanary(leadId, m_share) ? *m_canary : m_live;
}

std::string EvaluatorRoute::configHash() const
{
    if (!m_canary)
        return m_live.configHash();
    return util::sha256Hex(m_live.configHash() + m_canary->configHash() + percent(m_share));
}

std::map<std::string, std::string> EvaluatorRoute::agentVersions() const
{
    auto versions = m_live.agentVersions();
    if (m_canary)
        versions["scoring_canary"] =
            m_canary->agentVersions().at(agents::ScoringAgent::Name) + " for " + percent(m_share);
    return versions;
}

bool EvaluatorRoute::readsRecords() const
{
    return m_live.readsRecords() || (m_canary && m_canary->readsRecords());
}

std::unordered_set<std::string> EvaluatorRoute::attributeTypes() const
{
    auto types = m_live.attributeTypes();
    if (m_canary)
        types.merge(m_canary->attributeTypes());
    return types;
}

} // namespace baton::pipeline
