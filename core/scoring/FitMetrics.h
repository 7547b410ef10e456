#pragma once

#include <cstddef>
#include <vector>

namespace baton::scoring {

// Area under the ROC curve (Mann-Whitney, ties counted half): the chance that a random
// positive scores above a random negative. 0.5 when one class is empty.
double rocAuc(const std::vector<double> &scores, const std::vector<int> &labels);

struct CalibrationBin
{
    double predicted = 0; // mean predicted probability
    double observed = 0;  // share that converted
    int count = 0;
};

// How well probabilities fit outcomes: ranking (AUC), log loss, Brier score, and ten bins of
// predicted probability (0-10%, ..., 90-100%) with the share that converted in each.
struct FitMetrics
{
    std::size_t count = 0;
    double positiveRate = 0;
    double auc = 0.5, logLoss = 0, brier = 0;
    std::vector<CalibrationBin> calibration;
};

FitMetrics measure(const std::vector<double> &probabilities, const std::vector<int> &labels);

} // namespace baton::scoring
