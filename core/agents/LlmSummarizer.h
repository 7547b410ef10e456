#pragma once

#include "agents/SummarizationAgent.h"
#include "util/Backoff.h"

#include <chrono>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace baton {
class Clock;
class HttpTransport;
struct HttpResponse;
} // namespace baton
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::agents {

struct LlmConfig
{
    std::string url; // the full endpoint: https://host/v1/chat/completions
    std::string model;
    std::string apiKey; // sent as a bearer token; never logged nor stored
    int timeoutMs = 30000;
    util::Backoff backoff;
    // All the waiting between attempts for one lead: a Retry-After (capped at 10 minutes)
    // that would take a pipeline worker past it fails the lead's item now instead, and the
    // next run tries again.
    std::chrono::milliseconds retryBudget{std::chrono::minutes(2)};
    std::size_t maxEvents = 60; // the newest events sent; older ones stay out of the prompt
};

// The LLM could not be asked: a refusal (401, 400...) or transient failures past the
// retry budget. The lead's run item fails with this message; the next run tries again.
class LlmFailure : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

struct LlmOutcome
{
    Summary summary;
    bool fellBack = false;
    std::string fallbackReason; // why the deterministic summary was kept
    int attempts = 0;
};

// The facts a prompt carries, and so the only ids an answer may cite.
struct PromptFacts
{
    nlohmann::json facts;
    std::set<std::string> ids;
};

// Agent 3's optional backend: an OpenAI-compatible /v1/chat/completions endpoint.
// Sans-I/O apart from the transport it is handed. The answer must validate against the
// summary@1 contract and cite only ids it was given; otherwise the deterministic summary
// stands and the reason is recorded. No e-mail address or name is sent: the model sees
// titles, companies, profile values and events, each with its record id.
class LlmSummarizer
{
public:
    LlmSummarizer(LlmConfig config, HttpTransport &transport,
                  const contracts::ContractRegistry &registry, const Clock &clock);

    // Part of the summarization agent's version, so a model change is a config change.
    std::string backendName() const { return "llm:" + m_config.model; }

    // Throws LlmFailure when the endpoint cannot be used; falls back when its answer can't.
    LlmOutcome run(const LeadFacts &lead, const EnrichedProfile &profile,
                   const std::vector<EventFact> &events, const Summary &deterministic) const;

    PromptFacts promptFacts(const LeadFacts &lead, const EnrichedProfile &profile,
                            const std::vector<EventFact> &events) const;
    nlohmann::json requestBody(const PromptFacts &facts) const;
    // The answer's summary, or nothing with `why` saying what was wrong with it.
    std::optional<Summary> parseAnswer(const std::string &body, const std::set<std::string> &ids,
                                       std::string &why) const;

private:
    HttpResponse post(const std::string &body, int &attempts) const;

    LlmConfig m_config;
    HttpTransport &m_transport;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
};

} // namespace baton::agents
