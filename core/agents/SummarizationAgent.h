#pragma once

#include "agents/EnrichmentAgent.h"
#include "agents/ScoringAgent.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace baton::agents {

// One generated sentence and the records it rests on; a sentence without evidence is
// never produced.
struct Sentence
{
    std::string text;
    std::vector<std::string> evidence;
};

// A week of engagement: how many events of each kind, and which.
struct TimelineWeek
{
    std::string weekStart; // Monday, "2026-11-16"
    std::map<std::string, int, std::less<>> counts;
    std::vector<std::string> evidence;
};

struct Summary
{
    std::string backend = "deterministic";
    std::vector<TimelineWeek> timeline; // oldest first
    std::vector<Sentence> intentSignals;
    std::vector<Sentence> talkingPoints;
    std::vector<Sentence> risks;
    // Events of each kind in the signal window (kSignalWindowDays), as the sentences count
    // them (not in the JSON).
    std::map<std::string, int, std::less<>> windowCounts;
    nlohmann::json toJson() const;
};

// Agent 3, deterministic backend: the engagement timeline, intent signals (demo request,
// pricing views, repeated visits, webinars, downloads, email clicks), talking points and
// risks, each sentence built from rules over the profile and the events and citing them.
class SummarizationAgent
{
public:
    static constexpr const char *Name = "summarization";
    static constexpr const char *Version = "1.0.0";

    Summary run(const LeadFacts &lead, const EnrichedProfile &profile,
                const std::vector<EventFact> &events, TimePoint now) const;
};

} // namespace baton::agents
