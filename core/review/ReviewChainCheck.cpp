#include "review/ReviewChainCheck.h"

#include "review/ReviewService.h"
#include "store/Database.h"
#include "util/JsonParse.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace baton::review {

namespace {

struct Recorded
{
    std::string action, actor, before, after, afterHash;
};

// The review entries of the chain, by review_actions id, and each brief's newest.
struct ChainView
{
    std::map<std::int64_t, Recorded> byAction;
    std::map<std::int64_t, Recorded> newestByBrief;
};

ChainView readChain(store::Database &db)
{
    ChainView out;
    auto st = db.prepare("SELECT action, actor, object, after_hash, detail FROM audit_log WHERE "
                         "object LIKE 'brief#%' ORDER BY seq");
    while (st.step()) {
        nlohmann::json detail;
        if (!util::parseJson(st.textViewAt(4), detail) || !detail.is_object())
            continue;
        const auto id = detail.find("review_action");
        const auto status = detail.find("status");
        if (id == detail.end() || !id->is_number_integer() || status == detail.end() ||
            !status->is_array() || status->size() != 2)
            continue;
        if (!(*status)[0].is_string() || !(*status)[1].is_string())
            continue;
        Recorded r{st.textAt(0), st.textAt(1), (*status)[0].get<std::string>(),
                   (*status)[1].get<std::string>(), st.textAt(3)};
        out.byAction[id->get<std::int64_t>()] = r;
        std::int64_t brief = 0;
        const std::string object = st.textAt(2);
        if (std::from_chars(object.data() + 6, object.data() + object.size(), brief).ec ==
            std::errc())
            out.newestByBrief[brief] = r;
    }
    return out;
}

// Before schema v14 a retraction and a request to re-run were recorded as resolutions; the
// migration renamed the review rows, and the chain keeps what it recorded then.
bool sameAction(const std::string &audited, const std::string &reviewed)
{
    return audited == reviewed || (audited == util::nameOf(ReviewAction::Resolve) &&
                                   (reviewed == util::nameOf(ReviewAction::Retract) ||
                                    reviewed == util::nameOf(ReviewAction::Rerun)));
}

std::optional<std::string> actionsDisagree(store::Database &db, const ChainView &chain)
{
    auto st = db.prepare("SELECT id, brief_id, action, actor, status_before, status_after FROM "
                         "review_actions ORDER BY id");
    while (st.step()) {
        const std::string row = "review action #" + std::to_string(st.int64At(0)) + " (brief #" +
                                std::to_string(st.int64At(1)) + ")";
        const auto it = chain.byAction.find(st.int64At(0));
        if (it == chain.byAction.end())
            return row + " has no audit entry: it was added outside Baton";
        const Recorded &r = it->second;
        if (!sameAction(r.action, st.textAt(2)) || r.actor != st.textAt(3) ||
            r.before != st.textAt(4) || r.after != st.textAt(5))
            return row + " differs from its audit entry (" + r.action + " by " + r.actor + ", " +
                   r.before + " -> " + r.after + "): it was altered";
    }
    return std::nullopt;
}

// The status the chain would have recorded for a brief whose status is now `status`: the
// push worker moves approved briefs on, and a run supersedes open ones, without review.
BriefStatus reviewedStatus(BriefStatus status, const std::string &recorded)
{
    using enum BriefStatus;
    if (status == Queued || status == Pushed || status == PushFailed)
        return Approved;
    const auto was = util::parseName<BriefStatus>(recorded);
    if (status == Superseded && (was == PendingReview || was == Escalated))
        return *was;
    return status;
}

} // namespace

std::optional<std::string> firstReviewDisagreement(store::Database &db)
{
    const ChainView chain = readChain(db);
    if (auto problem = actionsDisagree(db, chain))
        return problem;
    std::vector<std::int64_t> ids;
    auto st = db.prepare("SELECT id, version, status FROM briefs ORDER BY id");
    while (st.step()) {
        const std::int64_t id = st.int64At(0);
        const auto it = chain.newestByBrief.find(id);
        if (it == chain.newestByBrief.end()) {
            const std::string status = st.textAt(2);
            const auto unreviewed = {BriefStatus::PendingReview, BriefStatus::Escalated,
                                     BriefStatus::Superseded};
            if (st.int64At(1) != 1 ||
                std::none_of(unreviewed.begin(), unreviewed.end(),
                             [&](BriefStatus s) { return util::nameOf(s) == status; }))
                return "brief #" + std::to_string(id) + " is " + status + ", version " +
                       std::to_string(st.int64At(1)) +
                       ", but the audit log records no review of it: it was changed outside "
                       "Baton";
            continue;
        }
        ids.push_back(id);
    }
    for (const std::int64_t id : ids) {
        BriefState b = readBriefState(db, id);
        const Recorded &r = chain.newestByBrief.at(id);
        const std::string now = util::nameString(b.status);
        b.status = reviewedStatus(b.status, r.after);
        if (stateHash(b) != r.afterHash)
            return "brief #" + std::to_string(id) + " (" + now + ", version " +
                   std::to_string(b.version) + ") is not as its last audit entry (" + r.action +
                   " by " + r.actor + ") left it: it was changed outside Baton";
    }
    return std::nullopt;
}

} // namespace baton::review
