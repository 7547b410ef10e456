#include "pipeline/ModelFitter.h"

#include "pipeline/LeadInputReader.h"
#include "scoring/ModelVersions.h"
#include "store/Database.h"
#include "util/Time.h"

#include <algorithm>
#include <functional>
#include <stdexcept>

namespace baton::pipeline {

ModelFitter::ModelFitter(store::Database &db, const agents::Policy &policy)
    : m_db(db), m_policy(policy)
{
}

FitResult ModelFitter::fit(agents::TimePoint asOf, int matureDays, int windowDays)
{
    const agents::EnrichmentAgent enrichment(m_policy.enrichment);
    const agents::ScoringAgent scoring(m_policy.scoring);
    const agents::FeatureSpace space(m_policy.scoring);
    LeadInputReader reader(m_db);
    std::vector<agents::Example> train, test;
    FitResult result;
    const auto day = std::chrono::hours(24);
    for (const auto id : reader.leadIds()) {
        auto inputs = reader.read(id, asOf);
        if (!inputs || !inputs->createdAt)
            continue;
        const auto created = util::parseRfc3339(*inputs->createdAt);
        if (!created || *created > asOf - day * matureDays)
            continue; // too young to know how it turned out
        const auto cutoff = windowDays > 0 ? std::min(asOf, *created + day * windowDays) : asOf;
        std::vector<agents::EventFact> before;
        for (const auto &e : inputs->events)
            if (e.occurredAt <= cutoff)
                before.push_back(e);
        inputs->enrichment.now = cutoff;
        const auto profile = enrichment.run(inputs->enrichment);
        agents::Example example;
        example.x = space.features(profile, before, cutoff);
        example.y = inputs->convertedAt.has_value() ? 1 : 0;
        example.baseline = scoring.run(profile, before, cutoff).score;
        result.positives += example.y;
        // A fixed split by id: the same store always holds out the same leads.
        const auto bucket = (static_cast<std::uint64_t>(id) * 2654435761u) % 10;
        (bucket < 7 ? train : test).push_back(std::move(example));
    }
    result.model = agents::fitLogistic(space.names(), train, test);
    // The model qualifies the same share of the training leads as the policy's threshold.
    std::vector<double> probabilities;
    std::size_t qualifying = 0;
    for (const auto &e : train) {
        probabilities.push_back(result.model.probability(e.x));
        qualifying += e.baseline >= m_policy.scoring.qualifyThreshold;
    }
    std::sort(probabilities.begin(), probabilities.end(), std::greater<>());
    result.model.qualifyProbability =
        qualifying == 0 ? 1.0 : probabilities[std::min(qualifying, probabilities.size()) - 1];
    std::int64_t existing = 0;
    {
        auto &count = m_db.cached("SELECT count(*) FROM scoring_models");
        count.step();
        existing = count.int64At(0);
        count.reset();
    }
    result.version = m_policy.scoring.version + "+fit." + std::to_string(existing + 1);
    return result;
}

void ModelFitter::save(const FitResult &r, const std::string &createdAt)
{
    auto &st =
        m_db.cached("INSERT INTO scoring_models (version, created_at, policy_sha256, model, auc, "
                    "baseline_auc, train_count, test_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st.bindAll(r.version, createdAt, m_policy.sha256, r.model.toJson().dump(), r.model.auc,
               r.model.baselineAuc, r.model.trainCount, r.model.testCount);
    st.run();
}

std::optional<agents::FittedModel> ModelFitter::load(const std::string &version)
{
    if (scoring::isAdditiveVersion(version))
        return std::nullopt; // scoring::loadCandidate reads those
    auto &st = m_db.cached("SELECT model FROM scoring_models WHERE version = ?");
    st.bindAll(version);
    std::optional<agents::FittedModel> out;
    if (st.step())
        out = agents::FittedModel::fromJson(nlohmann::json::parse(st.textAt(0)));
    st.reset();
    return out;
}

std::vector<ModelRow> ModelFitter::models()
{
    std::vector<ModelRow> out;
    auto &st = m_db.cached("SELECT version, created_at, auc, baseline_auc, train_count, test_count "
                           "FROM scoring_models ORDER BY id");
    while (st.step())
        out.push_back(
            {st.textAt(0), st.textAt(1), st.doubleAt(2), st.doubleAt(3), st.intAt(4), st.intAt(5)});
    st.reset();
    return out;
}

} // namespace baton::pipeline
