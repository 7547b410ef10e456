#include "pipeline/LeadEvaluator.h"

#include "agents/InputsConsidered.h"
#include "agents/Normalization.h"
#include "pipeline/LeadFactsAtRun.h"
#include "ports/IdGenerator.h"
#include "scoring/FactBuilder.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <algorithm>
#include <chrono>

namespace baton::pipeline {

namespace {

double millisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

nlohmann::json scopeJson(const agents::DecisionScope &scope)
{
    return {{"reads", scope.reads}, {"writes", scope.writes}, {"decides", scope.decides}};
}

// A demo request, or a pricing view together with a form, recently and since the last brief:
// reasons to brief a lead whatever its score.
std::string triggerSince(const std::vector<agents::EventFact> &events, agents::TimePoint since)
{
    bool pricing = false, form = false;
    for (const auto &e : events) {
        if (e.occurredAt <= since)
            continue;
        const std::string_view type = agents::eventKind(e);
        if (type == "demo_request")
            return "demo request (event#" + std::to_string(e.id) + ")";
        pricing = pricing || type == "pricing_page_view";
        form = form || e.type == "form_submit";
    }
    return pricing && form ? "pricing page view and a form submission within the trigger window"
                           : std::string();
}

// A step's output without what the brief written in the same transaction already holds:
// `in_brief` is the JSON Pointer of that part (the profile's fields, the score's factors,
// the whole summary), so a brief's text is not stored twice over. Nor the rationale and
// escalations, which the step's row holds in its own columns.
nlohmann::json stepOutput(nlohmann::json rest, const char *pointer)
{
    rest.erase("rationale");
    rest.erase("escalations");
    rest["in_brief"] = pointer;
    return rest;
}

} // namespace

void Evaluation::freeze()
{
    if (frozen)
        return;
    if (handoff) {
        // The list kept packed (packed by evaluate() from the records it was written from),
        // unless the brief failed its gate and is kept whole, as the reviewer reads it.
        if (handoff->inputsConsidered && !briefInputs.empty()) {
            briefText = handoff->brief.dump(); // null at /inputs_considered
        } else {
            briefInputs.clear();
            briefText = handoff->briefText();
        }
        reasonsText = nlohmann::json(handoff->reasons).dump();
        slaDue = handoff->brief["routing"]["sla_due"].get<std::string>();
        const auto &lead = handoff->brief["lead"];
        const auto text = [&](const char *key) {
            return lead.contains(key) && lead[key].is_string() ? lead[key].get<std::string>()
                                                               : std::string();
        };
        leadName = text("name").empty() ? text("email") : text("name");
        company = text("company");
        completeness = handoff->brief["data_quality"].value("completeness", 0.0);
        pipelineMs = 0;
        for (const StepRow &s : steps)
            pipelineMs += s.durationMs;
        handoff->brief = nlohmann::json();
        handoff->inputsConsidered.reset();
    }
    stepTexts.clear();
    for (StepRow &s : steps) {
        stepTexts.push_back(
            {s.inputs.dump(), s.output.dump(), s.rationale.dump(), s.policyChecks.dump()});
        s.inputs = s.output = s.rationale = s.policyChecks = nlohmann::json();
    }
    frozen = true;
}

LeadEvaluator::LeadEvaluator(const agents::Policy &policy,
                             const contracts::ContractRegistry &registry,
                             const agents::LlmSummarizer *llm)
    : m_policy(policy), m_enrichment(policy.enrichment), m_scoring(policy.scoring),
      m_handoff(policy.handoff, registry), m_llm(llm)
{
    versionsChanged();
}

void LeadEvaluator::versionsChanged()
{
    m_agentVersions = {{agents::EnrichmentAgent::Name, m_enrichment.version()},
                       {agents::ScoringAgent::Name, m_scoring.version()},
                       {agents::SummarizationAgent::Name,
                        std::string(agents::SummarizationAgent::Version) +
                            (m_llm ? "+" + m_llm->backendName() : std::string())},
                       {agents::HandoffAgent::Name, m_handoff.version()}};
    m_configHash = util::sha256Hex(
        nlohmann::json({{"policy", m_policy.sha256}, {"agents", m_agentVersions}}).dump());
}

void LeadEvaluator::useScoringModel(std::shared_ptr<const agents::FittedModel> model,
                                    std::string version)
{
    m_scoring.useModel(std::move(model), std::move(version));
    versionsChanged();
}

void LeadEvaluator::useScoringCandidate(std::shared_ptr<const scoring::ScoringCandidate> candidate)
{
    m_scoring.useCandidate(std::move(candidate));
    versionsChanged();
}

std::unordered_set<std::string> LeadEvaluator::attributeTypes() const
{
    std::unordered_set<std::string> types;
    if (const auto *filter = m_scoring.factFilter())
        for (const auto &[type, positions] : filter->byType)
            if (!positions.sums.empty())
                types.insert(type);
    return types;
}

std::string LeadEvaluator::fingerprint(const LeadInputs &inputs) const
{
    // Binary and sorted by record: the same records give the same fingerprint in any order.
    std::vector<const InputRecord *> records;
    records.reserve(inputs.hashes.size());
    for (const auto &r : inputs.hashes)
        records.push_back(&r);
    std::sort(records.begin(), records.end(), [](auto *a, auto *b) {
        return a->kind != b->kind ? a->kind < b->kind : a->id < b->id;
    });
    std::string bytes = configHash();
    bytes.reserve(bytes.size() + records.size() * 41);
    for (const InputRecord *r : records) {
        bytes.push_back(r->kind);
        const auto id = static_cast<std::uint64_t>(r->id);
        for (int shift = 56; shift >= 0; shift -= 8)
            bytes.push_back(static_cast<char>((id >> shift) & 0xff));
        bytes.append(reinterpret_cast<const char *>(r->sha256.data()), r->sha256.size());
    }
    return util::sha256Hex(bytes);
}

Evaluation LeadEvaluator::evaluate(const LeadInputs &inputs, agents::TimePoint asOf,
                                   const std::string &runId, const std::string &traceId,
                                   IdGenerator &ids, std::optional<agents::TimePoint> lastBriefAt,
                                   std::string knownFingerprint,
                                   scoring::RecordBinsMemo *sharedFacts) const
{
    Evaluation out;
    out.fingerprint = knownFingerprint.empty() ? fingerprint(inputs) : std::move(knownFingerprint);

    // Steps are kept only for leads that get a brief: their JSON is built after deciding.
    auto start = std::chrono::steady_clock::now();
    agents::EnrichmentInput enrichmentInput = inputs.enrichment;
    enrichmentInput.now = asOf;
    auto profile = m_enrichment.run(enrichmentInput);
    const double enrichmentMs = millisSince(start);

    start = std::chrono::steady_clock::now();
    const auto facts =
        m_scoring.needsFacts()
            ? std::optional(leadBinRowAtRun(inputs, asOf, *m_scoring.factFilter(), sharedFacts))
            : std::nullopt;
    auto score = m_scoring.run(profile, inputs.events, asOf, facts ? &*facts : nullptr);
    const double scoringMs = millisSince(start);
    out.score = score.score;
    out.grid = score.grid;
    out.qualifies = score.qualifies;
    // A trigger counts if it is recent and newer than the last brief: an old demo request
    // is history, not a reason to call today.
    auto since = asOf - std::chrono::hours(24) * m_policy.scoring.triggerWindowDays;
    if (lastBriefAt && *lastBriefAt > since)
        since = *lastBriefAt;
    out.trigger = score.qualifies ? std::string() : triggerSince(inputs.events, since);
    if (!out.qualifies && out.trigger.empty())
        return out; // evaluated, not briefed: nothing of it is kept but the run item
    if (facts)
        m_scoring.explain(profile, inputs.events, asOf, *facts, score);
    // The signal the brief answers: the lead's newest event up to the run's time.
    std::optional<agents::TimePoint> newest;
    for (const auto &event : inputs.events)
        if (event.occurredAt <= asOf && (!newest || event.occurredAt > *newest))
            newest = event.occurredAt;
    if (newest)
        out.signalAt = util::formatUtcMillis(*newest);

    // Each step lists what it read. Enrichment reads the lead, account and provider records;
    // scoring and summarization read the profile and the events: the brief written with
    // these steps lists every event with its hash, so a step points there (the items whose
    // ref has the prefix) and adds one digest of them, rather than a copy per step.
    nlohmann::json enrichmentInputs = nlohmann::json::array();
    for (const auto &r : inputs.hashes)
        if (r.kind != InputRecord::Event)
            enrichmentInputs.push_back({{"ref", r.ref()}, {"sha256", r.hex()}});
    const nlohmann::json eventInputs = {{"profile", "enrichment step"},
                                        {"events",
                                         {{"in_brief", "/inputs_considered"},
                                          {"ref_prefix", "event#"},
                                          {"count", inputs.events.size()}}},
                                        {"events_sha256", inputs.eventsDigest()}};
    out.steps.push_back(
        {agents::EnrichmentAgent::Name,
         m_enrichment.version(),
         std::move(enrichmentInputs),
         stepOutput(profile.toJson(false), "/profile"),
         profile.escalations.empty() ? "profile built" : "escalate",
         profile.rationale,
         {{"scope", scopeJson(m_policy.enrichment.scope)}, {"escalations", profile.escalations}},
         enrichmentMs,
         ids.randomHex(8)});
    out.steps.push_back(
        {agents::ScoringAgent::Name,
         m_scoring.version(),
         eventInputs,
         stepOutput(score.toJson(false), "/score"),
         score.grid + (score.qualifies ? " qualifies" : " does not qualify"),
         score.rationale,
         {{"scope", scopeJson(m_policy.scoring.scope)}, {"escalations", score.escalations}},
         scoringMs,
         ids.randomHex(8)});

    start = std::chrono::steady_clock::now();
    agents::Summary summary =
        m_summarization.run(inputs.enrichment.lead, profile, inputs.events, asOf);
    std::string summaryDecision = "summary (deterministic)";
    nlohmann::json summaryChecks = {{"backend", summary.backend}};
    std::optional<std::string> fallback;
    if (m_llm) {
        // Throws LlmFailure when the endpoint can't be used: the item fails, and is retried
        // by the next run.
        auto llm = m_llm->run(inputs.enrichment.lead, profile, inputs.events, summary);
        summaryChecks = {{"backend", m_llm->backendName()},
                         {"attempts", llm.attempts},
                         {"contract", "summary@1"},
                         {"grounded", !llm.fellBack}};
        if (llm.fellBack) {
            fallback = llm.fallbackReason;
            summaryChecks["fallback"] = llm.fallbackReason;
            summaryDecision = "fell back to the deterministic summary";
        } else {
            summaryDecision = "summary (" + m_llm->backendName() + ")";
        }
        summary = std::move(llm.summary);
    }
    out.steps.push_back({agents::SummarizationAgent::Name,
                         agentVersions().at(agents::SummarizationAgent::Name), eventInputs,
                         stepOutput({{"backend", summary.backend}}, "/summary"), summaryDecision,
                         fallback ? nlohmann::json::array({*fallback}) : nlohmann::json::array(),
                         summaryChecks, millisSince(start), ids.randomHex(8)});

    agents::HandoffInput h;
    h.lead = inputs.enrichment.lead;
    h.upstreamEscalations = profile.escalations;
    h.upstreamEscalations.insert(h.upstreamEscalations.end(), score.escalations.begin(),
                                 score.escalations.end());
    h.profile = std::move(profile);
    h.score = std::move(score);
    h.summary = std::move(summary);
    h.inputHashes = inputs.refsAndHashes();
    h.summaryFallback = fallback;
    h.consent = agents::Consent(agents::consentFacts(inputs.consent, inputs.events));
    h.events = &inputs.events;
    if (!out.trigger.empty())
        h.trigger = out.trigger;
    for (const auto &step : out.steps)
        h.steps.push_back({step.agent, step.version, step.decision, step.durationMs});
    h.runId = runId;
    h.traceId = traceId;
    h.configHash = configHash();
    h.policySha256 = m_policy.sha256;
    h.agentVersions = agentVersions();
    h.now = asOf;
    start = std::chrono::steady_clock::now();
    out.handoff = m_handoff.run(std::move(h));
    // The list from the same records refsAndHashes() wrote its text from, packed directly
    // (parsing the text back was 4% of the workers' time).
    out.briefInputs = agents::packedInputsStart(inputs.hashes.size());
    for (const auto &r : inputs.hashes)
        agents::appendPackedInput(out.briefInputs, static_cast<char>(r.kind),
                                  static_cast<std::uint64_t>(r.id), r.sha256);
    out.steps.push_back({agents::HandoffAgent::Name,
                         m_handoff.version(),
                         {{"steps", {"enrichment", "scoring", "summarization"}}},
                         {{"owner", out.handoff->owner}, {"escalated", out.handoff->escalated}},
                         out.handoff->escalated ? "escalate" : "ready for review",
                         out.handoff->reasons,
                         {{"scope", scopeJson(m_policy.handoff.scope)},
                          {"contract_errors", out.handoff->contractErrors.size()}},
                         millisSince(start),
                         ids.randomHex(8)});
    return out;
}

} // namespace baton::pipeline
