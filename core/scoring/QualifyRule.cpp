#include "scoring/QualifyRule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

namespace baton::scoring {

namespace {

constexpr std::array<std::pair<QualifyBy, const char *>, 3> kNames{{
    {QualifyBy::TopPercent, "top_percent"},
    {QualifyBy::MinProbability, "min_probability"},
    {QualifyBy::BriefsPerRepPerWeek, "briefs_per_rep_per_week"},
}};

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// The probability the best `share` of `sorted` (descending) reach.
double cutFor(const std::vector<double> &sorted, double share)
{
    if (sorted.empty())
        return 0.5;
    const auto n = static_cast<double>(sorted.size());
    const auto k = static_cast<std::size_t>(std::clamp(std::ceil(share * n), 1.0, n));
    return sorted[k - 1];
}

double shareAtLeast(const std::vector<double> &sorted, double probability)
{
    const auto reached =
        std::count_if(sorted.begin(), sorted.end(), [&](double p) { return p >= probability; });
    return sorted.empty() ? 0 : static_cast<double>(reached) / static_cast<double>(sorted.size());
}

} // namespace

const char *nameOf(QualifyBy by)
{
    for (const auto &[value, name] : kNames)
        if (value == by)
            return name;
    return "";
}

std::optional<QualifyBy> qualifyByFrom(std::string_view name)
{
    for (const auto &[value, text] : kNames)
        if (name == text)
            return value;
    return std::nullopt;
}

Threshold thresholdFor(const QualifyRule &rule, std::vector<double> recent,
                       const Capacity &capacity)
{
    std::sort(recent.begin(), recent.end(), std::greater<>());
    Threshold t;
    const std::string of = " of the " + std::to_string(recent.size()) + " newest leads";
    switch (rule.by) {
    case QualifyBy::MinProbability:
        t.probability = rule.value;
        t.expectedShare = shareAtLeast(recent, t.probability);
        t.reason = "a chance of converting of at least " + fixed(rule.value, 2) + ": " +
                   fixed(100 * t.expectedShare, 1) + "%" + of + " reach it";
        break;
    case QualifyBy::TopPercent:
        t.probability = cutFor(recent, rule.value / 100);
        t.expectedShare = shareAtLeast(recent, t.probability);
        t.reason = "the top " + fixed(rule.value, 1) + "%" + of + ": a chance of at least " +
                   fixed(t.probability, 3);
        break;
    case QualifyBy::BriefsPerRepPerWeek: {
        if (capacity.reps <= 0 || capacity.leadsPerWeek <= 0)
            throw std::invalid_argument(
                "scoring.model.qualify.briefs_per_rep_per_week needs reps (baton users) and "
                "leads created in the last four weeks; the store has " +
                std::to_string(capacity.reps) + " reps and " + fixed(capacity.leadsPerWeek, 1) +
                " new leads a week");
        const double briefs = capacity.reps * rule.value;
        const double share = std::min(1.0, briefs / capacity.leadsPerWeek);
        t.probability = cutFor(recent, share);
        t.expectedShare = shareAtLeast(recent, t.probability);
        t.reason = std::to_string(capacity.reps) + " reps x " + fixed(rule.value, 0) +
                   " briefs a week for " + fixed(capacity.leadsPerWeek, 0) +
                   " new leads a week: the top " + fixed(100 * share, 1) + "%" + of +
                   ", a chance of at least " + fixed(t.probability, 3);
        break;
    }
    }
    if (!rule.stated)
        t.reason += " (the default: state scoring.model.qualify in the policy)";
    return t;
}

} // namespace baton::scoring
