#pragma once

#include "agents/Consent.h"
#include "agents/EnrichmentAgent.h"
#include "agents/Policy.h"
#include "agents/ScoringAgent.h"
#include "agents/SummarizationAgent.h"
#include "contracts/Contract.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace baton::contracts {
class ContractRegistry;
class RecordListCheck;
class SchemaValidator;
} // namespace baton::contracts

namespace baton::agents {

struct StepRecord
{
    std::string agent;
    std::string version;
    std::string decision;
    double durationMs = 0;
};

struct HandoffInput
{
    LeadFacts lead;
    EnrichedProfile profile;
    ScoreResult score;
    Summary summary;
    // Actions rest on these facts, never on the summary's sentences, so any summarizer in any
    // language leads to the same actions and escalations.
    Consent consent;                                // from the lead's flags and events
    const std::vector<EventFact> *events = nullptr; // a demo request, pricing views
    std::vector<std::pair<std::string, std::string>> inputHashes; // ("event#3", sha-256)
    std::vector<StepRecord> steps;                                // the agents before this one
    std::vector<std::string> upstreamEscalations;                 // what they escalated
    std::optional<std::string> duplicateOf;                       // "lead#12" when suspected
    std::optional<std::string> summaryFallback; // why an LLM summary was not used, if it wasn't
    std::optional<std::string> trigger;         // why a lead below the threshold is briefed anyway
    std::string runId, traceId, configHash, policySha256;
    std::map<std::string, std::string> agentVersions;
    TimePoint now;
};

struct HandoffResult
{
    // When `inputsConsidered` is set the brief holds null at /inputs_considered and these
    // are its items (kept as strings: they are most of a brief); completeBrief() and
    // briefText() put them in.
    nlohmann::json brief;
    std::optional<std::vector<std::pair<std::string, std::string>>> inputsConsidered;
    bool escalated = false;
    std::vector<std::string> reasons;
    std::string owner;
    std::vector<contracts::ValidationError> contractErrors; // from the brief@1 gate

    nlohmann::json completeBrief() const;
    // Exactly completeBrief().dump(), without building the list's JSON.
    std::string briefText() const;
};

// Agent 4: assembles the brief, routes it to an owner by the policy's rules, sets the SLA
// from the score's grid cell, recommends actions with due times, and runs the pre-handoff
// gates: completeness, consent (no outreach to someone who opted out), the brief@1
// contract, and the policy's escalation criteria (with those the other agents raised).
class HandoffAgent
{
public:
    HandoffAgent(HandoffPolicy policy, const contracts::ContractRegistry &registry);
    ~HandoffAgent();
    HandoffAgent(HandoffAgent &&) noexcept;

    static constexpr const char *Name = "handoff";
    const std::string &version() const { return m_policy.version; }

    // Takes the input by value: its list of inputs moves into the result.
    HandoffResult run(HandoffInput input) const;

private:
    void checkBriefContract(std::vector<std::pair<std::string, std::string>> &&inputHashes,
                            HandoffResult &out) const;

    HandoffPolicy m_policy;
    const contracts::ContractRegistry &m_registry;
    // brief@1 split in two where its schema allows: the inputs list checked from its strings,
    // the rest by the schema validator. Unset: the whole brief is validated as JSON.
    struct SplitGate;
    std::shared_ptr<const SplitGate> m_split;
};

} // namespace baton::agents
