#pragma once

#include "agents/EnrichmentAgent.h"
#include "agents/Policy.h"
#include "scoring/Feature.h"

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace baton::scoring {
struct ScoringCandidate;
struct FactFilter;
class ScoringTable;
} // namespace baton::scoring

namespace baton::agents {

struct FittedModel;

// An engagement event as scoring reads it.
struct EventFact
{
    std::int64_t id = 0;
    std::string type;
    std::string asset;
    TimePoint occurredAt;
    std::string detail; // a data_change's new value (consent reads Marketo's Unsubscribed)
    // Read only for a scoring model that learns from every property (see LeadInputReader).
    std::optional<std::int64_t> activityType{}; // Marketo's activity type id
    std::string attributes{};                   // JSON as stored, parsed only if a model sums them
};

// What scoring and summaries count the event as: a visit to a pricing page is a pricing
// view, a "Request a demo" form a demo request (see effectiveEventType). A view of the event's
// own type or of a static name: valid as long as the event.
std::string_view eventKind(const EventFact &e);

// Every count of events a brief states is over one window: the events of one kind
// (eventKind) in the kSignalWindowDays up to the brief's time. The score's factor, the
// summary's sentence, the recommended action's reason and the lineage all count that way, so
// the same fact reads the same in each.
inline constexpr int kSignalWindowDays = 30;
// Whether `e` happened in the `days` up to `now` (not after it).
bool inSignalWindow(const EventFact &e, TimePoint now, int days = kSignalWindowDays);

// How many events of one kind the score counted: in the window, and before it (their points
// decay, but they still count).
struct EventCount
{
    int inWindow = 0;
    int earlier = 0;
};
// A factor's name for events of `kind`: "pricing_page_view (30 d): 7", with ", 2 earlier"
// when older events count too.
std::string countedFactorName(std::string_view kind, const EventCount &count);

// One reason for the score: its share of the score in points, and the records behind it.
struct ScoreFactor
{
    std::string name;
    double contribution = 0;
    std::vector<std::string> evidence;
};

// Fit points an attribute could have earned and did not: why the score is not higher.
struct Shortfall
{
    std::string attribute;
    std::string value; // empty when the profile does not know it
    double points = 0;
    double best = 0;
};

struct ScoreResult
{
    std::string version;
    double fit = 0;        // 0..100
    double engagement = 0; // 0..100
    double score = 0;      // fit and engagement, weighted; the factors add up to it, except
                           // negative engagement below the floor of 0, still shown as factors
    std::string grid;      // "A1".."C3": fit letter, engagement digit
    bool qualifies = false;
    std::vector<ScoreFactor> factors; // largest effect first
    // What each event factor counted, by kind, as its name states it (not in the JSON).
    std::map<std::string, EventCount, std::less<>> eventCounts;
    std::vector<Shortfall> shortfalls;
    // Scored by an additive model: the factors are its parts in points (20 points double the
    // odds, 50 are even odds), and base + the factors = total; the score stays the chance of
    // converting in percent.
    struct Points
    {
        double base = 0, total = 0;
    };
    std::optional<Points> points;
    std::vector<std::string> escalations;
    std::vector<std::string> rationale;

    std::vector<ScoreFactor> topPositive(std::size_t n = 3) const;
    std::vector<ScoreFactor> topNegative(std::size_t n = 3) const;
    // Without `factors`, the rest: what a step keeps when the brief carries the factors.
    nlohmann::json toJson(bool withFactors = true) const;
};

// Agent 2: a fit score from the policy's ideal customer profile, an engagement score from
// event weights halving every half-life, combined into a score, a grid cell and a
// qualification, every part explained by factors that cite their records.
class ScoringAgent
{
public:
    explicit ScoringAgent(ScoringPolicy policy);

    static constexpr const char *Name = "scoring";
    const std::string &version() const
    {
        return m_model || m_candidate ? m_modelVersion : m_policy.version;
    }

    // Scores with a fitted model (`baton model fit`) saved as scoring `version`: the score is
    // the model's conversion probability in percent, the factors its per-feature effects;
    // fit and engagement stay the policy's, as does the grid's letter; its digit is the
    // model's conviction. Throws std::invalid_argument when the
    // model was fitted on features this policy does not define.
    void useModel(std::shared_ptr<const FittedModel> model, std::string version);

    // Scores with an additive model fitted on every fact of the team's leads (`baton model
    // fit --additive`): run() then needs the lead's facts, binned (pipeline/LeadFactsAtRun).
    void useCandidate(std::shared_ptr<const scoring::ScoringCandidate> candidate);
    bool needsFacts() const { return m_candidate != nullptr; }
    // The facts the additive model reads (none without one).
    const scoring::FactFilter *factFilter() const;
    // An additive model's parts of `out`'s score, in points, as its factors (with base + parts
    // = total in `points`), the reasons for the score and the policy's engagement: run()
    // leaves them out, as only a lead that gets a brief needs them. The kListedParts largest
    // parts are listed, each with its record; the rest make one factor. The arguments are
    // run()'s.
    static constexpr std::size_t kListedParts = 12;
    void explain(const EnrichedProfile &profile, const std::vector<EventFact> &events,
                 TimePoint now, const scoring::BinRow &facts, ScoreResult &out) const;

    ScoreResult run(const EnrichedProfile &profile, const std::vector<EventFact> &events,
                    TimePoint now, const scoring::BinRow *facts = nullptr) const;

private:
    bool reads(std::string_view what) const; // the policy's scope lets scoring read it
    // Without reasons, only the fit score: no factors, shortfalls or rationale.
    void scoreFit(const EnrichedProfile &profile, ScoreResult &out, bool reasons) const;
    // Without factors, only the engagement score and its rationale.
    void scoreEngagement(const std::vector<EventFact> &events, TimePoint now, ScoreResult &out,
                         bool withFactors) const;

    void scoreWithModel(const EnrichedProfile &profile, const std::vector<EventFact> &events,
                        TimePoint now, ScoreResult &out) const;

    ScoringPolicy m_policy;
    void scoreWithCandidate(const scoring::BinRow &facts, ScoreResult &out) const;

    std::shared_ptr<const FittedModel> m_model;
    std::shared_ptr<const scoring::ScoringCandidate> m_candidate;
    std::shared_ptr<const scoring::ScoringTable> m_table; // the candidate's, to score with
    std::string m_modelVersion;
};

} // namespace baton::agents
