#include "scoring/ModelCatalog.h"

#include "store/Database.h"

namespace baton::scoring {

ModelCatalog readModelCatalog(store::Database &db)
{
    ModelCatalog catalog;
    catalog.deployment = ScoringDeployment(db).current();
    auto st = db.prepare("SELECT version, created_at, auc, baseline_auc, train_count, test_count "
                         "FROM scoring_models ORDER BY id DESC");
    while (st.step())
        catalog.models.push_back({st.textAt(0), st.textAt(1), st.doubleAt(2), st.doubleAt(3),
                                  st.int64At(4), st.int64At(5), std::nullopt});
    for (ModelEntry &m : catalog.models) {
        if (!isAdditiveVersion(m.version))
            continue;
        try {
            m.candidate = loadCandidate(db, m.version);
        } catch (const std::invalid_argument &) {
            // listed without its charts: `baton model list` says the same
        }
    }
    return catalog;
}

} // namespace baton::scoring
