#include "agents/ScoringAgent.h"

#include "agents/Normalization.h"
#include "agents/ScoringModel.h"
#include "scoring/ModelVersions.h"
#include "scoring/ScoringTable.h"
#include "util/Decimal.h"
#include "util/MapSlot.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace baton::agents {

namespace {

constexpr const char *kIcpAttributes[] = {"industry", "size_band", "country", "persona"};
constexpr std::size_t kEvidencePerFactor = 5;

std::string fixed(double value)
{
    return util::fixedDecimals(value, 1);
}

} // namespace

std::string_view eventKind(const EventFact &e)
{
    const bool visit = e.type == "web_visit";
    if (!visit && e.type != "form_submit") // the only types an asset can refine
        return e.type;
    // Refining splits and lowercases the asset's words, on every event of every agent;
    // a store has a few hundred distinct assets, so the answer is kept per thread. Values
    // are static names, or null for "the event's own type": nothing can dangle.
    thread_local std::unordered_map<std::string, const char *> refined[2];
    auto &cache = refined[visit ? 0 : 1];
    auto it = cache.find(e.asset);
    if (it == cache.end()) {
        const std::string kind = effectiveEventType(e.type, e.asset);
        const char *name = nullptr;
        for (const char *known :
             {"pricing_page_view", "demo_request", "webinar_registered", "content_download"})
            if (kind == known)
                name = known;
        if (cache.size() >= 65536)
            return name ? std::string_view(name) : std::string_view(e.type);
        it = cache.emplace(e.asset, name).first;
    }
    return it->second ? std::string_view(it->second) : std::string_view(e.type);
}

bool inSignalWindow(const EventFact &e, TimePoint now, int days)
{
    const double age = std::chrono::duration<double>(now - e.occurredAt).count() / 86400.0;
    return age >= 0 && age <= days;
}

std::string countedFactorName(std::string_view kind, const EventCount &count)
{
    std::string name = std::string(kind) + " (" + std::to_string(kSignalWindowDays) +
                       " d): " + std::to_string(count.inWindow);
    if (count.earlier > 0)
        name += ", " + std::to_string(count.earlier) + " earlier";
    return name;
}

std::vector<ScoreFactor> ScoreResult::topPositive(std::size_t n) const
{
    std::vector<ScoreFactor> out;
    for (const auto &f : factors)
        if (f.contribution > 0 && out.size() < n)
            out.push_back(f);
    return out;
}

std::vector<ScoreFactor> ScoreResult::topNegative(std::size_t n) const
{
    std::vector<ScoreFactor> out;
    for (const auto &f : factors)
        if (f.contribution < 0 && out.size() < n)
            out.push_back(f);
    return out;
}

nlohmann::json ScoreResult::toJson(bool withFactors) const
{
    const auto factorJson = [](const std::vector<ScoreFactor> &list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &f : list)
            out.push_back({{"name", f.name},
                           {"contribution", std::round(f.contribution * 100) / 100},
                           {"evidence", f.evidence}});
        return out;
    };
    nlohmann::json shortfallJson = nlohmann::json::array();
    for (const auto &s : shortfalls)
        shortfallJson.push_back({{"attribute", s.attribute},
                                 {"value", s.value},
                                 {"points", s.points},
                                 {"best", s.best}});
    nlohmann::json out = {{"version", version},
                          {"fit", std::round(fit * 10) / 10},
                          {"engagement", std::round(engagement * 10) / 10},
                          {"score", std::round(score * 10) / 10},
                          {"grid", grid},
                          {"qualifies", qualifies},
                          {"shortfalls", std::move(shortfallJson)},
                          {"escalations", escalations},
                          {"rationale", rationale}};
    if (points)
        out["points"] = {{"base", std::round(points->base * 10) / 10},
                         {"total", std::round(points->total * 10) / 10}};
    if (withFactors) {
        out["factors"] = factorJson(factors);
        out["top_positive"] = factorJson(topPositive());
        out["top_negative"] = factorJson(topNegative());
    }
    return out;
}

ScoringAgent::ScoringAgent(ScoringPolicy policy) : m_policy(std::move(policy))
{
}

bool ScoringAgent::reads(std::string_view what) const
{
    return std::find(m_policy.scope.reads.begin(), m_policy.scope.reads.end(), what) !=
           m_policy.scope.reads.end();
}

void ScoringAgent::scoreFit(const EnrichedProfile &profile, ScoreResult &out, bool reasons) const
{
    double best = 0;
    for (const char *attribute : kIcpAttributes) {
        const auto table = m_policy.icp.find(attribute);
        if (table != m_policy.icp.end() && !table->second.empty())
            best +=
                std::max_element(table->second.begin(), table->second.end(), [](auto &a, auto &b) {
                    return a.second < b.second;
                })->second;
    }
    if (best <= 0)
        return;
    double earned = 0;
    for (const char *attribute : kIcpAttributes) {
        const auto table = m_policy.icp.find(attribute);
        if (table == m_policy.icp.end() || table->second.empty())
            continue;
        const double top =
            std::max_element(table->second.begin(), table->second.end(), [](auto &a, auto &b) {
                return a.second < b.second;
            })->second;
        const auto field = profile.fields.find(attribute);
        const std::string value = field != profile.fields.end() && field->second.value.is_string()
                                      ? field->second.value.get<std::string>()
                                      : std::string();
        const auto points = value.empty() ? table->second.end() : table->second.find(value);
        const double got = points == table->second.end() ? 0 : points->second;
        earned += got;
        if (!reasons)
            continue;
        if (got < top)
            out.shortfalls.push_back({attribute, value, got, top});
        if (got > 0)
            out.factors.push_back({std::string(attribute) + ": " + value,
                                   m_policy.fitWeight * 100 * got / best, field->second.evidence});
        else
            out.rationale.push_back(
                value.empty() ? std::string(attribute) + " is unknown: no fit points"
                              : std::string(attribute) + " " + value + " earns no fit points");
    }
    out.fit = 100 * earned / best;
}

void ScoringAgent::scoreEngagement(const std::vector<EventFact> &events, TimePoint now,
                                   ScoreResult &out, bool withFactors) const
{
    struct Sum
    {
        double points = 0;
        std::vector<std::pair<double, std::int64_t>> events; // (decayed points, id)
    };
    std::map<std::string, Sum, std::less<>> byType;
    double raw = 0;
    for (const EventFact &e : events) {
        const std::string_view type = eventKind(e);
        const auto weight = m_policy.eventWeights.find(type);
        if (weight == m_policy.eventWeights.end() || weight->second == 0)
            continue;
        const double ageDays =
            std::max(0.0, std::chrono::duration<double>(now - e.occurredAt).count() / 86400.0);
        const double points = weight->second * std::pow(0.5, ageDays / m_policy.halfLifeDays);
        raw += points;
        if (!withFactors)
            continue;
        Sum &sum = util::slot(byType, type);
        sum.points += points;
        sum.events.emplace_back(points, e.id);
        EventCount &count = util::slot(out.eventCounts, type);
        if (inSignalWindow(e, now))
            ++count.inWindow;
        else if (e.occurredAt < now)
            ++count.earlier;
    }
    out.engagement = std::clamp(100 * raw / m_policy.engagementCap, 0.0, 100.0);
    if (raw > m_policy.engagementCap)
        out.rationale.push_back("engagement is capped: " + fixed(raw) + " decayed points, " +
                                fixed(m_policy.engagementCap) + " make 100");
    if (raw < 0)
        out.rationale.push_back("engagement floors at 0: negative signals outweigh the rest");
    if (!withFactors)
        return;
    // Scale each type's share so the factors add up to the (capped, floored) score.
    const double scale = raw != 0 ? (out.engagement / 100 * m_policy.engagementCap) / raw : 0;
    for (auto &[type, sum] : byType) {
        std::sort(sum.events.begin(), sum.events.end(),
                  [](auto &a, auto &b) { return std::abs(a.first) > std::abs(b.first); });
        ScoreFactor factor{countedFactorName(type, out.eventCounts[type]),
                           m_policy.engagementWeight * 100 * sum.points * scale /
                               m_policy.engagementCap,
                           {}};
        for (std::size_t i = 0; i < sum.events.size() && i < kEvidencePerFactor; ++i)
            factor.evidence.push_back("event#" + std::to_string(sum.events[i].second));
        if (sum.points < 0 && scale == 0) // floored: still worth showing as a negative reason
            factor.contribution =
                m_policy.engagementWeight * 100 * sum.points / m_policy.engagementCap;
        out.factors.push_back(std::move(factor));
    }
}

ScoreResult ScoringAgent::run(const EnrichedProfile &profile, const std::vector<EventFact> &events,
                              TimePoint now, const scoring::BinRow *facts) const
{
    ScoreResult out;
    out.version = m_policy.version;
    // A candidate's reasons are its parts: explain() gives them, to the leads that get a brief.
    const bool reasons = !m_candidate;
    if (reads("profile"))
        scoreFit(profile, out, reasons);
    else
        out.escalations.push_back("the policy does not let scoring read the profile");
    if (reads("events")) {
        if (!m_candidate) // a candidate's score does not use it: explain() shows it
            scoreEngagement(events, now, out, true);
    } else if (!events.empty())
        out.escalations.push_back("the policy does not let scoring read events");

    out.score = m_policy.fitWeight * out.fit + m_policy.engagementWeight * out.engagement;
    const char letter = out.fit >= m_policy.fitA ? 'A' : out.fit >= m_policy.fitB ? 'B' : 'C';
    const char digit = out.engagement >= m_policy.engagement1   ? '1'
                       : out.engagement >= m_policy.engagement2 ? '2'
                                                                : '3';
    out.grid = std::string{letter, digit};
    out.qualifies = out.score >= m_policy.qualifyThreshold;
    double threshold = m_policy.qualifyThreshold;
    if (m_candidate) {
        if (!facts)
            throw std::logic_error("scoring with an additive model needs the lead's facts");
        scoreWithCandidate(*facts, out);
        threshold = 100 * m_candidate->threshold.probability;
    } else if (m_model) {
        scoreWithModel(profile, events, now, out);
        threshold = 100 * m_model->qualifyProbability;
    } else {
        out.rationale.push_back(
            "score " + fixed(out.score) + " = " + fixed(m_policy.fitWeight) + " x fit " +
            fixed(out.fit) + " + " + fixed(m_policy.engagementWeight) + " x engagement " +
            fixed(out.engagement) + "; " + (out.qualifies ? "qualifies" : "does not qualify") +
            " at " + fixed(m_policy.qualifyThreshold));
    }
    std::stable_sort(out.factors.begin(), out.factors.end(), [](auto &a, auto &b) {
        return std::abs(a.contribution) > std::abs(b.contribution);
    });
    if (std::abs(out.score - threshold) <= m_policy.ambiguityBand &&
        m_policy.escalateWhen.count("score_in_ambiguity_band"))
        out.escalations.push_back("score " + fixed(out.score) + " is within " +
                                  fixed(m_policy.ambiguityBand) + " of the threshold " +
                                  fixed(threshold));
    return out;
}

void ScoringAgent::useCandidate(std::shared_ptr<const scoring::ScoringCandidate> candidate)
{
    m_model.reset();
    m_modelVersion = candidate ? candidate->version : std::string();
    m_table = candidate ? std::make_shared<const scoring::ScoringTable>(candidate->model) : nullptr;
    m_candidate = std::move(candidate);
}

// The policy's fit and engagement stay, as does the grid's letter (who the lead is); the
// score is the model's chance of conversion in percent and its digit the model's conviction.
// The parts, the fit's reasons and the engagement come with explain(): only a lead that gets a
// brief needs them.
void ScoringAgent::scoreWithCandidate(const scoring::BinRow &facts, ScoreResult &out) const
{
    const scoring::ScoringCandidate &c = *m_candidate;
    const double p = m_table->probability(facts);
    const double need = c.threshold.probability;
    out.score = 100 * p;
    out.qualifies = p >= need;
    out.grid[1] = out.qualifies ? '1' : p >= need / 2 ? '2' : '3';
}

void ScoringAgent::explain(const EnrichedProfile &profile, const std::vector<EventFact> &events,
                           TimePoint now, const scoring::BinRow &facts, ScoreResult &out) const
{
    if (!m_candidate)
        return;
    // The policy's fit reasons and engagement first, as run() gives them without a candidate.
    ScoreResult policy;
    if (reads("profile"))
        scoreFit(profile, policy, true);
    if (reads("events"))
        scoreEngagement(events, now, policy, false);
    out.engagement = policy.engagement;
    out.rationale = std::move(policy.rationale);
    const scoring::ScoringCandidate &c = *m_candidate;
    const double need = c.threshold.probability;
    out.rationale.push_back("score " + fixed(out.score) +
                            " = the chance of conversion in percent by model " + c.version +
                            " (held-out AUC " + fixed(100 * c.auc) + "%)");
    out.rationale.push_back(std::string(out.qualifies ? "qualifies" : "does not qualify") +
                            " at a chance of " + fixed(100 * need) + "%: " + c.threshold.reason);
    const scoring::Explanation x = c.model.explain(facts, kListedParts);
    out.points = ScoreResult::Points{x.base, x.score};
    out.factors.clear();
    for (const scoring::Contribution &part : x.parts)
        out.factors.push_back({part.feature + " = " + part.bin, part.points,
                               part.evidence.empty() ? std::vector<std::string>{}
                                                     : std::vector<std::string>{part.evidence}});
    if (x.restCount > 0)
        out.factors.push_back(
            {std::to_string(x.restCount) + " smaller parts together", x.rest, {}});
    out.rationale.push_back(fixed(x.score) + " points = " + fixed(x.base) +
                            " for the average lead + the parts (20 points double the odds, 50 "
                            "are even odds)");
}

const scoring::FactFilter *ScoringAgent::factFilter() const
{
    return m_candidate ? &m_candidate->filter : nullptr;
}

void ScoringAgent::useModel(std::shared_ptr<const FittedModel> model, std::string version)
{
    m_candidate.reset();
    m_table.reset();
    const FeatureSpace space(m_policy);
    if (model && model->features != space.names())
        throw std::invalid_argument("scoring model " + version +
                                    " was fitted on other features than this policy defines; "
                                    "fit it again under this policy");
    m_model = std::move(model);
    m_modelVersion = std::move(version);
}

void ScoringAgent::scoreWithModel(const EnrichedProfile &profile,
                                  const std::vector<EventFact> &events, TimePoint now,
                                  ScoreResult &out) const
{
    const FeatureSpace space(m_policy);
    const auto x = space.features(profile, events, now);
    const double p = m_model->probability(x);
    out.score = 100 * p;
    out.qualifies = p >= m_model->qualifyProbability;
    // The letter stays the policy's fit (who they are); the digit becomes the model's
    // conviction (how likely they convert): 1 qualifies, 2 half-way there, 3 below that.
    out.grid[1] = out.qualifies ? '1' : p >= m_model->qualifyProbability / 2 ? '2' : '3';
    // Each feature's effect on the log-odds, in score points to first order: what the score
    // would lose, near here, without it. Only features the lead has get a factor; the rest
    // (attributes it lacks, events it never had) are summed in the rationale.
    const double pointsPerLogOdd = 100 * p * (1 - p);
    double others = 0;
    out.factors.clear();
    out.eventCounts.clear();
    for (std::size_t j = 0; j < x.size(); ++j) {
        const double points =
            pointsPerLogOdd * m_model->weights[j] * (x[j] - m_model->mean[j]) / m_model->scale[j];
        const std::string &name = space.names()[j];
        if (x[j] == 0) {
            others += points;
            continue;
        }
        ScoreFactor factor{name, points, {}};
        if (name.rfind("events:", 0) == 0) {
            const std::string type = name.substr(7);
            std::vector<const EventFact *> matching;
            EventCount &count = out.eventCounts[type];
            for (const auto &e : events)
                if (e.occurredAt <= now && eventKind(e) == type) {
                    matching.push_back(&e);
                    ++(inSignalWindow(e, now) ? count.inWindow : count.earlier);
                }
            std::sort(matching.begin(), matching.end(),
                      [](auto *a, auto *b) { return a->occurredAt > b->occurredAt; });
            for (std::size_t i = 0; i < matching.size() && i < kEvidencePerFactor; ++i)
                factor.evidence.push_back("event#" + std::to_string(matching[i]->id));
            factor.name = countedFactorName(type, count);
        } else if (const auto eq = name.find('='); eq != std::string::npos) {
            const auto field = profile.fields.find(name.substr(0, eq));
            if (field != profile.fields.end())
                factor.evidence = field->second.evidence;
            factor.name = name.substr(0, eq) + ": " + name.substr(eq + 1);
        }
        out.factors.push_back(std::move(factor));
    }
    out.rationale.push_back("score " + fixed(out.score) + " = 100 x the chance of conversion by " +
                            "model " + m_modelVersion + " (held-out AUC " +
                            fixed(m_model->auc * 100) + "%, the policy's points " +
                            fixed(m_model->baselineAuc * 100) + "%); " +
                            (out.qualifies ? "qualifies" : "does not qualify") + " at " +
                            fixed(100 * m_model->qualifyProbability) +
                            ", the model's threshold that qualifies as many training leads as "
                            "the policy's " +
                            fixed(m_policy.qualifyThreshold) + " did");
    out.rationale.push_back("features the lead lacks move the score by " + fixed(others) +
                            " points together");
}

} // namespace baton::agents
