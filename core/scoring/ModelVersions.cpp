#include "scoring/ModelVersions.h"

#include "store/Database.h"
#include "util/Time.h"

#include <algorithm>

namespace baton::scoring {

namespace {

constexpr const char *kTag = "+additive.";

nlohmann::json reportOf(const AdditiveFit &fit)
{
    nlohmann::json calibration = nlohmann::json::array();
    for (const auto &bin : fit.test.calibration)
        calibration.push_back({bin.predicted, bin.observed, bin.count});
    nlohmann::json features = nlohmann::json::array();
    for (const auto &f : fit.features)
        features.push_back(
            {{"name", f.name}, {"importance", f.importance}, {"auc_alone", f.aucAlone}});
    nlohmann::json excluded = nlohmann::json::array();
    for (const auto &x : fit.excluded)
        excluded.push_back({{"name", x.name}, {"why", x.why}});
    return {{"test",
             {{"auc", fit.test.auc},
              {"log_loss", fit.test.logLoss},
              {"brier", fit.test.brier},
              {"positive_rate", fit.test.positiveRate},
              {"count", fit.test.count},
              {"calibration", calibration}}},
            {"features", features},
            {"excluded", excluded},
            {"l2", fit.l2},
            {"rounds", fit.rounds},
            {"train", fit.trainCount},
            {"stop", fit.stopCount}};
}

} // namespace

bool isAdditiveVersion(const std::string &version)
{
    return version.find(kTag) != std::string::npos;
}

std::string saveCandidate(store::Database &db, const AdditiveFit &fit, const Threshold &threshold,
                          const std::string &policyVersion, const std::string &policySha256,
                          const std::string &createdAt)
{
    auto &count = db.cached("SELECT count(*) FROM scoring_models");
    count.step();
    const std::string version = policyVersion + kTag + std::to_string(count.int64At(0) + 1);
    count.reset();
    double bestAlone = 0.5;
    for (const auto &f : fit.features)
        bestAlone = std::max(bestAlone, f.aucAlone);
    nlohmann::json model = fit.model.toJson();
    model["report"] = reportOf(fit);
    model["qualify"] = {{"probability", threshold.probability},
                        {"expected_share", threshold.expectedShare},
                        {"reason", threshold.reason}};
    auto &st = db.cached("INSERT INTO scoring_models (version, created_at, policy_sha256, model, "
                         "auc, baseline_auc, train_count, test_count) VALUES (?, ?, ?, ?, ?, ?, "
                         "?, ?)");
    st.bindAll(version, createdAt, policySha256, model.dump(), fit.test.auc, bestAlone,
               static_cast<std::int64_t>(fit.trainCount), static_cast<std::int64_t>(fit.testCount));
    st.run();
    return version;
}

std::optional<ScoringCandidate> loadCandidate(store::Database &db, const std::string &version)
{
    if (!isAdditiveVersion(version))
        return std::nullopt;
    auto &st = db.cached("SELECT model, auc FROM scoring_models WHERE version = ?");
    st.bind(1, version);
    std::optional<std::string> text;
    double auc = 0;
    if (st.step()) {
        text = st.textAt(0);
        auc = st.doubleAt(1);
    }
    st.reset();
    if (!text)
        return std::nullopt;
    const auto json = nlohmann::json::parse(*text, nullptr, false);
    if (!json.is_object())
        throw std::invalid_argument("scoring version " + version + ": its model is not JSON");
    ScoringCandidate c{
        version, AdditiveModel::fromJson(json), {}, auc, json.value("report", nlohmann::json())};
    const auto q = json.value("qualify", nlohmann::json::object());
    if (!q.is_object() || !q.contains("probability") || !q["probability"].is_number())
        throw std::invalid_argument("scoring version " + version +
                                    " has no qualifying threshold: fit it again");
    c.threshold = {q["probability"].get<double>(), q.value("expected_share", 0.0),
                   q.value("reason", std::string())};
    c.filter = FactFilter::of(c.model.features);
    return c;
}

Capacity capacityAt(store::Database &db, const std::string &asOf)
{
    Capacity c;
    const auto at = util::parseRfc3339(asOf);
    if (!at)
        return c;
    const std::string since = util::formatUtc(*at - std::chrono::hours(24 * 28));
    auto &leads = db.cached("SELECT count(*) FROM leads WHERE created_at >= ? AND created_at <= ?");
    leads.bindAll(since, asOf);
    if (leads.step())
        c.leadsPerWeek = static_cast<double>(leads.int64At(0)) / 4;
    leads.reset();
    auto &reps = db.cached("SELECT count(*) FROM users WHERE role = 'rep'");
    if (reps.step())
        c.reps = static_cast<int>(reps.int64At(0));
    reps.reset();
    return c;
}

} // namespace baton::scoring
