#pragma once

#include "scoring/AdditiveModel.h"

#include <cstdint>
#include <vector>

namespace baton::scoring {

// An additive model laid out for scoring many leads: every feature's shape and every pair's
// cells in one array, so that a lead's log-odds read one block of memory instead of a vector
// per feature and the features themselves. The same sums in the same order as
// AdditiveModel::logOdds, so the same probability to the last bit.
class ScoringTable
{
public:
    explicit ScoringTable(const AdditiveModel &model);

    // Throws std::invalid_argument for a row of another model's features.
    double probability(const BinRow &row) const;

private:
    struct Pair
    {
        std::uint32_t first = 0, second = 0, at = 0, secondBins = 0;
    };
    std::vector<double> m_cells;
    std::vector<std::uint32_t> m_shapeAt; // where each feature's shape starts in m_cells
    std::vector<Pair> m_pairs;
    double m_intercept = 0, m_slope = 1, m_offset = 0;
};

} // namespace baton::scoring
