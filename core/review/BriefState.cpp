#include "review/BriefState.h"

#include "agents/InputsConsidered.h"
#include "governance/Actor.h"
#include "review/ReviewService.h"
#include "store/Database.h"
#include "store/Engine.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

namespace baton::review {

std::string stateHash(const BriefState &b)
{
    const nlohmann::json state = {{"status", util::nameOf(b.status)},
                                  {"version", b.version},
                                  {"owner", b.owner},
                                  {"escalated_to", b.escalatedTo},
                                  {"brief_sha256", util::sha256Hex(b.text)}};
    return util::sha256Hex(state.dump());
}

namespace {

constexpr const char *kBriefState =
    "SELECT id, lead_id, status, version, owner, coalesce(escalated_to, ''), "
    "coalesce(edited, brief), edited IS NOT NULL, CASE WHEN edited IS NULL THEN inputs END "
    "FROM briefs WHERE id = ?";

BriefState readBriefState(store::Database &db, std::int64_t id, const std::string &sql)
{
    auto &st = db.cached(sql);
    st.bind(1, id);
    if (!st.step()) {
        st.reset();
        throw governance::ActionError(governance::ActionError::Kind::NotFound,
                                      "there is no brief #" + std::to_string(id));
    }
    BriefState b;
    b.id = st.int64At(0);
    b.leadId = st.int64At(1);
    // The store's CHECK admits only the vocabulary's statuses.
    b.status = util::parseName<BriefStatus>(st.textViewAt(2)).value_or(BriefStatus::PendingReview);
    b.version = st.int64At(3);
    b.owner = st.textAt(4);
    b.escalatedTo = st.textAt(5);
    b.text = agents::storedBrief(st.textAt(6),
                                 st.isNull(8) ? std::nullopt : std::optional(st.blobViewAt(8)));
    b.edited = st.int64At(7) != 0;
    st.reset();
    return b;
}

} // namespace

BriefState readBriefState(store::Database &db, std::int64_t id)
{
    return readBriefState(db, id, kBriefState);
}

BriefState lockBriefState(store::Database &db, std::int64_t id)
{
    // A row lock, not a key lock: the review path never changes a brief's id, and outbox rows
    // that reference it may still be written meanwhile.
    return readBriefState(db, id,
                          db.engine() == store::Engine::Postgres
                              ? std::string(kBriefState) + " FOR NO KEY UPDATE"
                              : std::string(kBriefState));
}

bool mayRead(store::Database &db, const Actor &who, std::int64_t briefId)
{
    if (governance::grant(who.role, governance::Action::ViewAllBriefs) != governance::Grant::No)
        return true;
    auto &st = db.cached("SELECT owner = ?2 OR EXISTS (SELECT 1 FROM review_actions WHERE "
                         "brief_id = ?1 AND actor = ?2) FROM briefs WHERE id = ?1");
    st.bindAll(briefId, who.user);
    const bool may = st.step() && st.int64At(0) != 0;
    st.reset();
    return may;
}

} // namespace baton::review
