#include "scoring/FitMetrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace baton::scoring {

double rocAuc(const std::vector<double> &scores, const std::vector<int> &labels)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] < scores[b]; });
    // Rank-sum of the positives, ties given their mean rank.
    double rankSum = 0;
    std::size_t positives = 0;
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && scores[order[j]] == scores[order[i]])
            ++j;
        const double meanRank = (static_cast<double>(i) + static_cast<double>(j - 1)) / 2.0 + 1.0;
        for (std::size_t k = i; k < j; ++k)
            if (labels[order[k]]) {
                rankSum += meanRank;
                ++positives;
            }
        i = j;
    }
    const std::size_t negatives = scores.size() - positives;
    if (positives == 0 || negatives == 0)
        return 0.5;
    const double p = static_cast<double>(positives), n = static_cast<double>(negatives);
    return (rankSum - p * (p + 1) / 2) / (p * n);
}

FitMetrics measure(const std::vector<double> &probabilities, const std::vector<int> &labels)
{
    FitMetrics m;
    m.count = probabilities.size();
    m.calibration.assign(10, {});
    if (probabilities.empty())
        return m;
    m.auc = rocAuc(probabilities, labels);
    constexpr double kEpsilon = 1e-12; // a certain, wrong answer costs much, not infinitely
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        const double p = std::clamp(probabilities[i], kEpsilon, 1 - kEpsilon);
        const int y = labels[i];
        m.positiveRate += y;
        m.logLoss -= y ? std::log(p) : std::log(1 - p);
        m.brier += (p - y) * (p - y);
        auto &bin = m.calibration[std::min<std::size_t>(9, static_cast<std::size_t>(p * 10))];
        bin.predicted += p;
        bin.observed += y;
        ++bin.count;
    }
    const auto n = static_cast<double>(m.count);
    m.positiveRate /= n;
    m.logLoss /= n;
    m.brier /= n;
    for (auto &bin : m.calibration)
        if (bin.count > 0) {
            bin.predicted /= bin.count;
            bin.observed /= bin.count;
        }
    return m;
}

} // namespace baton::scoring
