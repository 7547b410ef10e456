#pragma once

#include "agents/EnrichmentAgent.h"
#include "agents/Policy.h"
#include "agents/ScoringAgent.h"
#include "scoring/FitMetrics.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace baton::agents {

using scoring::rocAuc;

// The features a fitted model reads: one per ICP attribute value the policy names, and the
// log of decayed engagement per event type it weighs.
class FeatureSpace
{
public:
    explicit FeatureSpace(const ScoringPolicy &policy);
    const std::vector<std::string> &names() const { return m_names; }
    std::vector<double> features(const EnrichedProfile &profile,
                                 const std::vector<EventFact> &events, TimePoint asOf) const;

private:
    const ScoringPolicy &m_policy;
    std::vector<std::string> m_names;
};

struct Example
{
    std::vector<double> x;
    int y = 0;
    double baseline = 0; // the policy's own score for the same lead at the same time
};

using scoring::CalibrationBin;

// L2-regularised logistic regression on standardised features, fitted by full-batch
// gradient descent (deterministic: the same examples give the same model).
struct FittedModel
{
    std::vector<std::string> features;
    std::vector<double> mean, scale, weights;
    double bias = 0;
    double auc = 0, baselineAuc = 0;
    int trainCount = 0, testCount = 0;
    std::vector<CalibrationBin> calibration; // on the held-out examples, ten bins
    // The probability at which a lead qualifies: chosen on the training leads so that the
    // model qualifies as many of them as the policy's own threshold does.
    double qualifyProbability = 0.5;

    double probability(const std::vector<double> &x) const;
    nlohmann::json toJson() const;
    // Throws std::invalid_argument naming what is missing or inconsistent.
    static FittedModel fromJson(const nlohmann::json &json);
};

FittedModel fitLogistic(const std::vector<std::string> &features, const std::vector<Example> &train,
                        const std::vector<Example> &test, double l2 = 1e-3, int iterations = 400);

} // namespace baton::agents
