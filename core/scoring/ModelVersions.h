#pragma once

#include "scoring/AdditiveFit.h"
#include "scoring/FactBuilder.h"
#include "scoring/QualifyRule.h"

#include <optional>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::scoring {

// A fitted additive model as a scoring version: the model, the probability at which a lead
// qualifies under it, and the figures it was fitted with.
struct ScoringCandidate
{
    std::string version;
    AdditiveModel model;
    Threshold threshold;
    double auc = 0;
    nlohmann::json report; // held-out figures, calibration, features, what was left out
    FactFilter filter{};   // the facts the model reads
};

// Saves a fitted additive model as a candidate scoring version, "<policy version>+additive.N",
// with its threshold and report; returns the version. Its baseline is the best single
// feature's held-out AUC.
std::string saveCandidate(store::Database &db, const AdditiveFit &fit, const Threshold &threshold,
                          const std::string &policyVersion, const std::string &policySha256,
                          const std::string &createdAt);

bool isAdditiveVersion(const std::string &version);

// The saved model of that version; nothing when there is none or it is not additive.
// Throws std::invalid_argument when what is saved is not a model.
std::optional<ScoringCandidate> loadCandidate(store::Database &db, const std::string &version);

// The team's flow as the store shows it at `asOf`: leads created a week over the last four
// weeks, and the reps among its users.
Capacity capacityAt(store::Database &db, const std::string &asOf);

} // namespace baton::scoring
