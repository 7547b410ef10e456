#pragma once

#include "scoring/AdditiveFit.h"

#include <optional>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::scoring {

// Saves a fitted additive model as a candidate scoring version, "<policy version>+additive.N",
// with its report (held-out figures, calibration, features, what was left out); returns the
// version. Its baseline is the best single feature's held-out AUC.
std::string saveCandidate(store::Database &db, const AdditiveFit &fit,
                          const std::string &policyVersion, const std::string &policySha256,
                          const std::string &createdAt);

bool isAdditiveVersion(const std::string &version);

// The saved model of that version; nothing when there is none or it is not additive.
std::optional<AdditiveModel> loadCandidate(store::Database &db, const std::string &version);

} // namespace baton::scoring
