#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::scoring {

// How a fitted model decides who qualifies, as the policy states it (scoring.model.qualify):
// by the team's capacity, never by copying the share the points policy happened to qualify.
enum class QualifyBy
{
    TopPercent,         // the best N% of leads
    MinProbability,     // every lead at least this likely to convert
    BriefsPerRepPerWeek // as many leads as the reps can work: reps x N a week
};

const char *nameOf(QualifyBy by); // "top_percent", ...: the policy's key
std::optional<QualifyBy> qualifyByFrom(std::string_view name);

struct QualifyRule
{
    QualifyBy by = QualifyBy::TopPercent;
    double value = 20;
    bool stated = false; // false: the default, as the policy says nothing
};

// What the rule comes to for one model: the probability a lead needs, the share of recent
// leads that reach it, and why, in words.
struct Threshold
{
    double probability = 0.5;
    double expectedShare = 0;
    std::string reason;
};

// What the team's flow is: new leads a week, and reps to work them.
struct Capacity
{
    double leadsPerWeek = 0;
    int reps = 0;
};

// `recent`: the model's probabilities for the newest leads of the history (its held-out
// ones), the flow a threshold will meet. Throws std::invalid_argument when capacity is the
// rule and the store has no reps or no recent leads to divide among them.
Threshold thresholdFor(const QualifyRule &rule, std::vector<double> recent,
                       const Capacity &capacity);

} // namespace baton::scoring
