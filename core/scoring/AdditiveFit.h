#pragma once

#include "scoring/AdditiveModel.h"
#include "scoring/FeatureDiscovery.h"
#include "scoring/FitMetrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace baton::scoring {

// A lead from the team's history: its facts as of its handoff moment, whether it converted,
// and when it was handed off (RFC 3339), which orders training before testing.
struct Example
{
    Facts facts;
    int label = 0;
    std::string at;
    std::int64_t leadId = 0;
};

struct FitOptions
{
    DiscoveryOptions discovery;
    double testShare = 0.2;  // the newest leads, held out to measure the model
    double stopShare = 0.15; // the newest of the rest: when to stop, and calibration
    int maxRounds = 1500;
    double learningRate = 0.3;
    int patience = 30;                    // rounds without a better log loss before stopping
    std::vector<double> l2Grid{1, 8, 64}; // chosen by cross-validation on the older leads
    int folds = 3;
    std::size_t foldRowsAtMost = 20000;
    double leakageAuc = 0.95; // a feature this good alone is suspected of leaking the outcome
    std::size_t maxInteractions = 10;       // pairs of features, at most, where they earn it
    std::size_t interactionCandidates = 12; // ...among this many most important features
};

struct FeatureReport
{
    std::string name;
    double importance = 0; // mean |points| over the training leads
    double aucAlone = 0.5; // on the held-out leads, the feature's bins' training rates
};

struct AdditiveFit
{
    AdditiveModel model;
    FitMetrics test;
    std::vector<FeatureReport> features; // most important first
    std::vector<ExcludedFeature> excluded;
    std::vector<std::string> suspectedLeaks; // left out: see leakageAuc
    std::vector<std::int64_t> testLeads;     // the held-out leads' ids
    std::vector<double> testProbabilities;   // ...and the model's probability for each
    double l2 = 0;
    int rounds = 0; // the single shapes'; the pairs boost on after them
    std::size_t trainCount = 0, stopCount = 0, testCount = 0;
};

// Discovers the features, leaves out suspected leaks, chooses the regularisation by
// cross-validation, fits by cyclic boosting on the older leads until the next-newer ones
// stop improving, calibrates on those, and measures on the newest. Deterministic: the same
// examples give the same model. Throws std::invalid_argument when there is too little to fit.
AdditiveFit fitAdditive(std::vector<Example> examples, const FitOptions &options = {});

} // namespace baton::scoring
