#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace baton::demo {

// SplitMix64's finaliser: a stateless, well-mixed hash of a 64-bit value. Used where a
// decision must not depend on how many random numbers were drawn before it (which records
// are malformed, id scrambling), so a dry run and the real run agree.
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

constexpr std::uint64_t mix64(std::uint64_t a, std::uint64_t b)
{
    return mix64(a ^ mix64(b + 0x632BE59BD9B4E019ull));
}

// The demo's random source. std::mt19937_64's output sequence is fixed by the C++ standard,
// but std::uniform_*_distribution and friends are not (libstdc++, libc++ and MSVC differ),
// so every distribution here is written out by hand: same seed, same bytes, everywhere.
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    std::uint64_t next() { return m_engine(); }

    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

    // Uniform integer in [0, n), unbiased (rejects the top partial block). n > 0.
    std::uint64_t below(std::uint64_t n)
    {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t x = next();
        while (x >= limit)
            x = next();
        return x % n;
    }
    // Uniform integer in [lo, hi], inclusive.
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool chance(double p) { return uniform() < p; }

    // Standard normal (Marsaglia's polar method: no trigonometry).
    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u, v, s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        const double f = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * f;
        m_hasSpare = true;
        return u * f;
    }
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double logNormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }

    // Poisson: Knuth's product method for small means, a rounded normal beyond.
    int poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean < 30) {
            const double limit = std::exp(-mean);
            int k = 0;
            double p = uniform();
            while (p > limit) {
                ++k;
                p *= uniform();
            }
            return k;
        }
        const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
        return x < 0 ? 0 : static_cast<int>(x);
    }

    // Index drawn with probability proportional to weights[i].
    std::size_t weighted(std::span<const double> weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double r = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (r < weights[i])
                return i;
            r -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T, std::size_t N> const T &pick(const T (&items)[N])
    {
        return items[below(N)];
    }
    template <typename T> const T &pick(std::span<const T> items)
    {
        return items[below(items.size())];
    }

private:
    std::mt19937_64 m_engine;
    double m_spare = 0;
    bool m_hasSpare = false;
};

// Cumulative weights for repeated draws from a fixed table in O(log n).
class WeightedTable
{
public:
    WeightedTable() = default;
    template <typename Range, typename Weight> WeightedTable(const Range &items, Weight weight)
    {
        double total = 0;
        for (const auto &item : items) {
            total += weight(item);
            m_cumulative.push_back(total);
        }
    }
    std::size_t draw(Rng &rng) const
    {
        const double r = rng.uniform() * m_cumulative.back();
        std::size_t lo = 0, hi = m_cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (r < m_cumulative[mid])
                hi = mid;
            else
                lo = mid + 1;
        }
        return lo;
    }
    std::size_t size() const { return m_cumulative.size(); }

private:
    std::vector<double> m_cumulative;
};

inline double sigmoid(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

} // namespace baton::demo
