#pragma once

#include "agents/ScoringModel.h"

#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::pipeline {

struct FitResult
{
    std::string version; // the scoring version the model is saved as
    agents::FittedModel model;
    int positives = 0;
};

struct ModelRow
{
    std::string version;
    std::string createdAt;
    double auc = 0, baselineAuc = 0;
    int train = 0, test = 0;
};

// Fits a scoring model on the store's historical outcomes: every lead created at least
// `matureDays` before `asOf` is an example, its label whether it became an opportunity.
// Its features are read as of `windowDays` after it was created, or, with 0, as of `asOf`.
// The first keeps later events (those after a conversion, say) out of the features; the
// second uses everything, which suits stores whose engagement history is not aligned to
// creation, like the demo's. Leads are split 70/30 by id, deterministically; the held-out
// 30% give the AUC of the model and of the policy's own points, and the calibration table.
class ModelFitter
{
public:
    ModelFitter(store::Database &db, const agents::Policy &policy);

    FitResult fit(agents::TimePoint asOf, int matureDays = 60, int windowDays = 0);
    void save(const FitResult &result, const std::string &createdAt);
    std::vector<ModelRow> models();
    // A saved model by its scoring version; nothing when there is none of that name.
    std::optional<agents::FittedModel> load(const std::string &version);

private:
    store::Database &m_db;
    const agents::Policy &m_policy;
};

} // namespace baton::pipeline
