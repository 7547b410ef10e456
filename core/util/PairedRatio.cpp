#include "util/PairedRatio.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace baton::util {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

PairedRatio pairedRatio(const std::vector<double> &a, const std::vector<double> &b, double coverage,
                        int resamples, std::uint64_t seed)
{
    if (a.size() != b.size() || a.empty() || resamples < 1 || !(coverage > 0 && coverage < 1))
        throw std::invalid_argument("paired ratio: as many times of each, at least one pair");
    std::vector<double> ratios;
    PairedRatio out;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] > 0))
            throw std::invalid_argument("paired ratio: a time of A is not above zero");
        ratios.push_back(b[i] / a[i] - 1);
        out.slower += b[i] > a[i];
    }
    out.pairs = static_cast<int>(ratios.size());
    std::vector<double> sample(ratios.size()), medians;
    // std::mt19937_64's sequence is fixed by the standard; the index is drawn by hand, as
    // std::uniform_int_distribution may differ between standard libraries.
    std::mt19937_64 rng(seed);
    for (int r = 0; r < resamples; ++r) {
        for (double &x : sample)
            x = ratios[rng() % ratios.size()];
        medians.push_back(median(sample));
    }
    std::sort(medians.begin(), medians.end());
    const double tail = (1 - coverage) / 2 * resamples;
    const auto at = [&](double position) {
        const auto i = static_cast<std::size_t>(
            std::clamp(std::floor(position), 0.0, static_cast<double>(resamples - 1)));
        return medians[i];
    };
    out.low = at(tail);
    out.high = at(resamples - 1 - tail);
    out.median = median(ratios);
    return out;
}

} // namespace baton::util
