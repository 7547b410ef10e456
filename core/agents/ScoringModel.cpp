#include "agents/ScoringModel.h"

#include "agents/Normalization.h"
#include "util/MapSlot.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace baton::agents {

FeatureSpace::FeatureSpace(const ScoringPolicy &policy) : m_policy(policy)
{
    for (const auto &[attribute, table] : policy.icp)
        for (const auto &[value, points] : table)
            m_names.push_back(attribute + "=" + value);
    for (const auto &[type, weight] : policy.eventWeights)
        m_names.push_back("events:" + type);
}

std::vector<double> FeatureSpace::features(const EnrichedProfile &profile,
                                           const std::vector<EventFact> &events,
                                           TimePoint asOf) const
{
    std::vector<double> x;
    x.reserve(m_names.size());
    for (const auto &[attribute, table] : m_policy.icp) {
        const auto field = profile.fields.find(attribute);
        const std::string value = field != profile.fields.end() && field->second.value.is_string()
                                      ? field->second.value.get<std::string>()
                                      : std::string();
        for (const auto &entry : table)
            x.push_back(entry.first == value ? 1.0 : 0.0);
    }
    std::map<std::string, double, std::less<>> decayed;
    for (const auto &e : events) {
        if (e.occurredAt > asOf)
            continue;
        const double ageDays = std::chrono::duration<double>(asOf - e.occurredAt).count() / 86400.0;
        util::slot(decayed, eventKind(e)) += std::pow(0.5, ageDays / m_policy.halfLifeDays);
    }
    for (const auto &entry : m_policy.eventWeights)
        x.push_back(std::log1p(decayed.count(entry.first) ? decayed.at(entry.first) : 0.0));
    return x;
}

double FittedModel::probability(const std::vector<double> &x) const
{
    double z = bias;
    for (std::size_t i = 0; i < weights.size(); ++i)
        z += weights[i] * (x[i] - mean[i]) / scale[i];
    return 1.0 / (1.0 + std::exp(-z));
}

nlohmann::json FittedModel::toJson() const
{
    nlohmann::json bins = nlohmann::json::array();
    for (const auto &b : calibration)
        bins.push_back({{"predicted", b.predicted}, {"observed", b.observed}, {"count", b.count}});
    return {{"features", features},
            {"mean", mean},
            {"scale", scale},
            {"weights", weights},
            {"bias", bias},
            {"auc", auc},
            {"baseline_auc", baselineAuc},
            {"train", trainCount},
            {"test", testCount},
            {"calibration", bins},
            {"qualify_probability", qualifyProbability}};
}

FittedModel FittedModel::fromJson(const nlohmann::json &j)
{
    FittedModel m;
    try {
        m.features = j.at("features").get<std::vector<std::string>>();
        m.mean = j.at("mean").get<std::vector<double>>();
        m.scale = j.at("scale").get<std::vector<double>>();
        m.weights = j.at("weights").get<std::vector<double>>();
        m.bias = j.at("bias").get<double>();
        m.auc = j.value("auc", 0.0);
        m.baselineAuc = j.value("baseline_auc", 0.0);
        m.trainCount = j.value("train", 0);
        m.testCount = j.value("test", 0);
        m.qualifyProbability = j.value("qualify_probability", 0.5);
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("scoring model: ") + e.what());
    }
    const auto d = m.features.size();
    if (m.mean.size() != d || m.scale.size() != d || m.weights.size() != d)
        throw std::invalid_argument("scoring model: features, mean, scale and weights differ in "
                                    "length");
    return m;
}

FittedModel fitLogistic(const std::vector<std::string> &features, const std::vector<Example> &train,
                        const std::vector<Example> &test, double l2, int iterations)
{
    FittedModel m;
    m.features = features;
    const std::size_t d = features.size();
    m.mean.assign(d, 0);
    m.scale.assign(d, 1);
    m.weights.assign(d, 0);
    m.trainCount = static_cast<int>(train.size());
    m.testCount = static_cast<int>(test.size());
    if (train.empty())
        return m;
    const double n = static_cast<double>(train.size());
    for (const auto &e : train)
        for (std::size_t j = 0; j < d; ++j)
            m.mean[j] += e.x[j] / n;
    for (std::size_t j = 0; j < d; ++j) {
        double var = 0;
        for (const auto &e : train)
            var += (e.x[j] - m.mean[j]) * (e.x[j] - m.mean[j]) / n;
        m.scale[j] = var > 1e-12 ? std::sqrt(var) : 1.0; // a constant feature stays inert
    }
    const double rate = std::accumulate(train.begin(), train.end(), 0.0,
                                        [](double s, const Example &e) { return s + e.y; }) /
                        n;
    m.bias = std::log(std::max(rate, 1e-6) / std::max(1 - rate, 1e-6));
    const double step = 0.5;
    std::vector<double> grad(d);
    for (int it = 0; it < iterations; ++it) {
        std::fill(grad.begin(), grad.end(), 0.0);
        double gradBias = 0;
        for (const auto &e : train) {
            const double err = m.probability(e.x) - e.y;
            gradBias += err / n;
            for (std::size_t j = 0; j < d; ++j)
                grad[j] += err * (e.x[j] - m.mean[j]) / m.scale[j] / n;
        }
        m.bias -= step * gradBias;
        for (std::size_t j = 0; j < d; ++j)
            m.weights[j] -= step * (grad[j] + l2 * m.weights[j]);
    }

    std::vector<double> predicted, baseline;
    std::vector<int> labels;
    for (const auto &e : test) {
        predicted.push_back(m.probability(e.x));
        baseline.push_back(e.baseline);
        labels.push_back(e.y);
    }
    const auto measured = scoring::measure(predicted, labels);
    m.auc = measured.auc;
    m.baselineAuc = rocAuc(baseline, labels);
    m.calibration = measured.calibration;
    return m;
}

} // namespace baton::agents
