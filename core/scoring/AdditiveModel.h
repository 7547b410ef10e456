#pragma once

#include "scoring/Feature.h"

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace baton::scoring {

// Score points, as scorecards count them: 20 points double the odds of converting, and 50
// points are even odds.
inline constexpr double kPointsPerDoubling = 20;
inline constexpr double kEvenOddsPoints = 50;
double pointsOf(double logOdds);

// One reason in a score: "Lead Source = Reference: +12", with the record it rests on.
struct Contribution
{
    std::string feature;
    std::string bin;
    double points = 0;
    std::string evidence;
};

// A score as a sum anyone can check: base + the parts = score.
struct Explanation
{
    double base = 0;
    std::vector<Contribution> parts; // largest effect first
    // The parts past explain()'s limit, summed: base + parts + rest = score.
    double rest = 0;
    std::size_t restCount = 0;
    double score = 0;
    double probability = 0;
};

// An additive model on binned features (as InterpretML's EBM): each feature contributes a
// learned value per bin, in log-odds, centred so that the average training lead gets 0 from
// it; a lead's log-odds are the intercept plus its bins' values. Calibration (Platt) maps
// them to a probability: sigmoid(slope * log-odds + offset).
class AdditiveModel
{
public:
    std::vector<Feature> features;
    std::vector<std::vector<double>> shapes; // [feature][bin]
    // A pair of features whose joint effect is more than the sum of theirs (a plan and the
    // usage it covers): a value per pair of bins, [first's bin * second's bins + second's].
    struct Interaction
    {
        std::size_t first = 0, second = 0;
        std::vector<double> values;
    };
    std::vector<Interaction> interactions;
    double intercept = 0;
    double calibrationSlope = 1, calibrationOffset = 0;

    std::vector<int> binsOf(const Facts &facts) const;
    // The same as a run builds it (FactBuilder::binning), each fact's record its evidence.
    BinRow binRowOf(const Facts &facts) const;
    std::size_t cellOf(const Interaction &pair, const std::vector<int> &bins) const;
    double logOdds(const std::vector<int> &bins) const;
    double probability(const std::vector<int> &bins) const;
    double probability(const Facts &facts) const { return probability(binsOf(facts)); }
    // Every feature's part, in calibrated points; parts of 0 are left out, and past the
    // `maxParts` largest the rest are summed in `rest` (a brief lists the ones that matter).
    Explanation explain(const Facts &facts, std::size_t maxParts = SIZE_MAX) const;
    // A run's row (FactBuilder::binning); throws std::invalid_argument for another model's.
    Explanation explain(const BinRow &row, std::size_t maxParts = SIZE_MAX) const;

    nlohmann::json toJson() const;
    // Throws std::invalid_argument naming what is missing or inconsistent.
    static AdditiveModel fromJson(const nlohmann::json &json);

private:
    // `evidenceOf(j)`: the record feature j's fact came from.
    Explanation explainBins(const std::vector<int> &bins,
                            const std::function<std::string(std::size_t)> &evidenceOf,
                            std::size_t maxParts) const;
};

double sigmoid(double x);

} // namespace baton::scoring
