#pragma once

#include <cstdint>
#include <vector>

namespace baton::util {

// The middle value, or the mean of the two middle ones; 0 for none.
double median(std::vector<double> values);

// How much longer B takes than A, from timings taken in pairs (one of each, one after the
// other): each pair's B / A - 1, their median, and a bootstrap interval of that median. A
// shared VM slows both runs of a pair alike, so a pair's ratio keeps little of it, where
// the medians of each side keep all of it.
struct PairedRatio
{
    double median = 0;
    double low = 0, high = 0; // the interval holding `coverage` of the resampled medians
    int slower = 0;           // pairs in which B took longer
    int pairs = 0;
};

// Deterministic for a given seed. Throws std::invalid_argument unless a and b are as long as
// each other, not empty, and every time in a is above zero.
PairedRatio pairedRatio(const std::vector<double> &a, const std::vector<double> &b,
                        double coverage = 0.9, int resamples = 2000, std::uint64_t seed = 1);

} // namespace baton::util
