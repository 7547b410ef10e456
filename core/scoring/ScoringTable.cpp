#include "scoring/ScoringTable.h"

#include <stdexcept>

namespace baton::scoring {

ScoringTable::ScoringTable(const AdditiveModel &model)
    : m_intercept(model.intercept), m_slope(model.calibrationSlope),
      m_offset(model.calibrationOffset)
{
    for (const auto &shape : model.shapes) {
        m_shapeAt.push_back(static_cast<std::uint32_t>(m_cells.size()));
        m_cells.insert(m_cells.end(), shape.begin(), shape.end());
    }
    for (const auto &pair : model.interactions) {
        m_pairs.push_back({static_cast<std::uint32_t>(pair.first),
                           static_cast<std::uint32_t>(pair.second),
                           static_cast<std::uint32_t>(m_cells.size()),
                           static_cast<std::uint32_t>(model.features[pair.second].binCount())});
        m_cells.insert(m_cells.end(), pair.values.begin(), pair.values.end());
    }
}

double ScoringTable::probability(const BinRow &row) const
{
    if (row.bins.size() != m_shapeAt.size())
        throw std::invalid_argument("a row of bins for another model");
    const auto &bins = row.bins;
    double sum = m_intercept;
    for (std::size_t j = 0; j < m_shapeAt.size(); ++j)
        sum += m_cells[m_shapeAt[j] + static_cast<std::size_t>(bins[j])];
    for (const Pair &pair : m_pairs)
        sum += m_cells[pair.at + static_cast<std::size_t>(bins[pair.first]) * pair.secondBins +
                       static_cast<std::size_t>(bins[pair.second])];
    return sigmoid(m_slope * sum + m_offset);
}

} // namespace baton::scoring
