#pragma once

#include "agents/EnrichmentAgent.h"
#include "agents/HandoffAgent.h"
#include "agents/LlmSummarizer.h"
#include "agents/Policy.h"
#include "agents/ScoringAgent.h"
#include "agents/SummarizationAgent.h"
#include "pipeline/LeadInputReader.h"

#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace baton {
class IdGenerator;
}
namespace baton::scoring {
class RecordBinsMemo;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::pipeline {

// One agent step as the store keeps it.
struct StepRow
{
    std::string agent;
    std::string version;
    nlohmann::json inputs;
    nlohmann::json output;
    std::string decision;
    nlohmann::json rationale;
    nlohmann::json policyChecks;
    double durationMs = 0;
    std::string spanId;
};

struct Evaluation
{
    std::string fingerprint;
    double score = 0;
    std::string grid;
    bool qualifies = false;
    std::string trigger; // why a lead below the threshold is briefed anyway, if it is
    std::optional<agents::HandoffResult> handoff; // set when the lead gets a brief
    std::vector<StepRow> steps;

    // The brief and steps as the text the store keeps, their JSON trees freed: done on the
    // worker threads, so the single writer only binds strings (and frees nothing big).
    void freeze();
    bool frozen = false;
    std::string briefText, reasonsText, slaDue;
    // The brief's inputs_considered packed (see InputsConsidered.h), briefText holding null
    // in its place; empty when briefText is whole.
    std::vector<std::uint8_t> briefInputs;
    std::string leadName, company; // what the inbox lists the brief by
    double completeness = 0;       // the brief's data completeness, for the dashboard
    std::string signalAt;          // the newest event before the brief (RFC 3339), or empty
    double pipelineMs = 0;         // the agents' time for this lead
    // Per step: inputs, output, rationale and policy checks as text.
    std::vector<std::array<std::string, 4>> stepTexts;
};

// Runs the four agents over one lead's inputs. Pure apart from the ids it draws: the same
// inputs, policy and as-of time give the same brief.
class LeadEvaluator
{
public:
    // With `llm`, summaries come from it (falling back to the deterministic ones).
    LeadEvaluator(const agents::Policy &policy, const contracts::ContractRegistry &registry,
                  const agents::LlmSummarizer *llm = nullptr);

    // Inputs, agent versions and policy: what decides whether a lead needs a new brief.
    std::string fingerprint(const LeadInputs &inputs) const;
    const std::map<std::string, std::string> &agentVersions() const { return m_agentVersions; }
    const std::string &configHash() const { return m_configHash; }
    // Scores with a fitted model saved as scoring `version` (see ScoringAgent::useModel).
    void useScoringModel(std::shared_ptr<const agents::FittedModel> model, std::string version);
    // Scores with an additive model (see ScoringAgent::useCandidate): the inputs must then be
    // read with records whole (readsRecords()).
    void useScoringCandidate(std::shared_ptr<const scoring::ScoringCandidate> candidate);
    bool readsRecords() const { return m_scoring.needsFacts(); }
    // The event types whose attributes the model sums.
    std::unordered_set<std::string> attributeTypes() const;

    // `sharedFacts`: the worker's memo of the records an account's leads share.
    Evaluation evaluate(const LeadInputs &inputs, agents::TimePoint asOf, const std::string &runId,
                        const std::string &traceId, IdGenerator &ids,
                        std::optional<agents::TimePoint> lastBriefAt,
                        std::string knownFingerprint = {},
                        scoring::RecordBinsMemo *sharedFacts = nullptr) const;

private:
    const agents::Policy &m_policy;
    agents::EnrichmentAgent m_enrichment;
    agents::ScoringAgent m_scoring;
    agents::SummarizationAgent m_summarization;
    agents::HandoffAgent m_handoff;
    const agents::LlmSummarizer *m_llm;
    // Both asked for on every lead; they change only with the scoring model.
    std::map<std::string, std::string> m_agentVersions;
    std::string m_configHash;
    void versionsChanged();
};

} // namespace baton::pipeline
