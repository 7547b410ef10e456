#pragma once

#include "scoring/QualifyRule.h"

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace baton::contracts {
class ContractRegistry;
}

namespace baton::agents {

// What an agent may read, write and decide: declared in the policy, checked by the agent.
struct DecisionScope
{
    std::vector<std::string> reads;
    std::vector<std::string> writes;
    std::vector<std::string> decides;
};

enum class ConflictRule
{
    FreshThenPriority,
    Priority,
    HighestConfidence
};

struct EnrichmentPolicy
{
    std::string version;
    DecisionScope scope;
    std::set<std::string> escalateWhen;
    int staleAfterDays = 180;
    std::vector<std::string> providerPriority;
    ConflictRule conflictRule = ConflictRule::FreshThenPriority;
    std::set<std::string> fieldsThatMatter;
    double employeeTolerance = 0.25;

    // Position in provider_priority; providers it does not name come after all it names.
    std::size_t rankOf(std::string_view provider) const;
};

// A model fitted on the team's own leads (policy@3's optional scoring.model).
struct ModelPolicy
{
    scoring::QualifyRule qualify;
    std::vector<std::string> excludeFeatures, pinFeatures; // a trailing '*' matches a prefix
    int handoffWindowDays = 14;
};

struct ScoringPolicy
{
    std::string version;
    DecisionScope scope;
    std::set<std::string> escalateWhen;
    // Points per value of each ICP attribute: industry, size_band, country, persona.
    std::map<std::string, std::map<std::string, double>> icp;
    double halfLifeDays = 14;
    std::map<std::string, double, std::less<>> eventWeights;
    double engagementCap = 80;
    double fitWeight = 0.5;
    double engagementWeight = 0.5;
    double qualifyThreshold = 55;
    double ambiguityBand = 4;
    int triggerWindowDays = 14; // how recent a trigger event must be to brief a lead anyway
    double fitA = 70, fitB = 45, engagement1 = 60, engagement2 = 30;
    ModelPolicy model;
};

// A routing rule: every condition it states must hold.
struct Route
{
    std::vector<std::string> countries;
    std::vector<std::string> sizeBands;
    std::optional<bool> strategic;
    std::string owner;
    std::string team;
};

struct HandoffPolicy
{
    std::string version;
    DecisionScope scope;
    std::set<std::string> escalateWhen;
    std::vector<Route> routes;
    std::string fallbackOwner;
    std::map<std::string, double> slaHours; // by grid cell, and "default"
    double completenessThreshold = 0.7;
    std::vector<std::string> requiredFields;
};

// How late data may be before the dashboard says so (policy@2's optional "heartbeats").
struct HeartbeatPolicy
{
    double syncHours = 24;        // since a source's last finished import
    double enrichmentHours = 168; // since enrichment last arrived
};

// A policy file, validated against the `policy` contract, with its typed sections. The
// hash (of the canonical JSON) goes into every run's config hash, so a changed policy is
// a changed input.
struct Policy
{
    std::string name;
    std::string origin; // "built-in default" or the file it came from
    std::string sha256;
    nlohmann::json document;
    EnrichmentPolicy enrichment;
    ScoringPolicy scoring;
    HandoffPolicy handoff;
    HeartbeatPolicy heartbeats;
};

class PolicyError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// Throws PolicyError naming the origin, and every field the contract refuses.
Policy parsePolicy(std::string_view text, std::string origin,
                   const contracts::ContractRegistry &registry);
Policy defaultPolicy(const contracts::ContractRegistry &registry);
Policy loadPolicyFile(const std::filesystem::path &file,
                      const contracts::ContractRegistry &registry);

} // namespace baton::agents
