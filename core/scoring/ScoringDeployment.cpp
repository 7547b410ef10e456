#include "scoring/ScoringDeployment.h"

#include "governance/Actor.h"
#include "governance/AuditLog.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Sha256.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace baton::scoring {

namespace {

constexpr const char *kKey = "scoring.deployment";

nlohmann::json toJson(const Deployment &d)
{
    return {{"live", d.live},
            {"canary", d.canary},
            {"canary_share", d.canaryShare},
            {"previous", d.previous}};
}

// A value someone wrote by hand that does not read is the policy's points, not a crash.
Deployment fromJson(const std::string &text)
{
    Deployment d;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object())
        return d;
    const auto str = [&](const char *key) {
        const auto it = j.find(key);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    d.live = str("live");
    d.canary = str("canary");
    if (const auto s = j.find("canary_share"); s != j.end() && s->is_number())
        d.canaryShare = std::clamp(s->get<double>(), 0.0, 1.0);
    if (d.canary.empty())
        d.canaryShare = 0;
    if (const auto p = j.find("previous"); p != j.end() && p->is_array())
        for (const auto &v : *p)
            if (v.is_string())
                d.previous.push_back(v.get<std::string>());
    return d;
}

} // namespace

ScoringDeployment::ScoringDeployment(store::Database &db) : m_db(db)
{
}

Deployment ScoringDeployment::current()
{
    auto &st = m_db.cached("SELECT value FROM store_settings WHERE key = ?");
    st.bind(1, std::string(kKey));
    Deployment d;
    if (st.step())
        d = fromJson(st.textAt(0));
    st.reset();
    return d;
}

void ScoringDeployment::save(const governance::Actor &who, const char *action,
                             const Deployment &before, const Deployment &after, util::TimePoint now)
{
    const std::string text = toJson(after).dump();
    auto &set = m_db.cached("INSERT INTO store_settings (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    set.bindAll(std::string(kKey), text);
    set.run();
    auto entry = governance::AuditEntry::by(who, action, std::string("setting#") + kKey,
                                            util::formatUtc(now));
    entry.beforeHash = util::sha256Hex(toJson(before).dump());
    entry.afterHash = util::sha256Hex(text);
    entry.detail = nlohmann::json({{"before", toJson(before)}, {"after", toJson(after)}}).dump();
    governance::AuditLog(m_db).append(entry);
}

void ScoringDeployment::promote(const governance::Actor &who, const std::string &version,
                                util::TimePoint now)
{
    governance::requireGranted(who, governance::Action::ManageScoring,
                               "choose which scoring version is live");
    store::Transaction tx(m_db);
    const Deployment before = current();
    Deployment after = before;
    if (before.live == version)
        throw governance::ActionError(governance::ActionError::Kind::WrongState,
                                      "scoring version " + version + " is already live");
    after.previous.push_back(before.live);
    after.live = version;
    if (after.canary == version) {
        after.canary.clear();
        after.canaryShare = 0;
    }
    save(who, "scoring_promote", before, after, now);
    tx.commit();
}

void ScoringDeployment::setCanary(const governance::Actor &who, const std::string &version,
                                  double share, util::TimePoint now)
{
    governance::requireGranted(who, governance::Action::ManageScoring,
                               "send leads to a candidate scoring version");
    if (!(share >= 0 && share <= 1))
        throw governance::ActionError(governance::ActionError::Kind::InvalidInput,
                                      "a canary's share is 0 to 100%");
    store::Transaction tx(m_db);
    const Deployment before = current();
    if (share > 0 && version == before.live)
        throw governance::ActionError(governance::ActionError::Kind::WrongState,
                                      "scoring version " + version +
                                          " is live: a canary tests a candidate beside it");
    Deployment after = before;
    after.canary = share > 0 ? version : std::string();
    after.canaryShare = share > 0 ? share : 0;
    save(who, "scoring_canary", before, after, now);
    tx.commit();
}

std::string ScoringDeployment::rollback(const governance::Actor &who, util::TimePoint now)
{
    governance::requireGranted(who, governance::Action::ManageScoring,
                               "roll back the live scoring version");
    store::Transaction tx(m_db);
    const Deployment before = current();
    if (before.previous.empty())
        throw governance::ActionError(governance::ActionError::Kind::WrongState,
                                      "no scoring version was live before this one");
    Deployment after = before;
    after.live = after.previous.back();
    after.previous.pop_back();
    save(who, "scoring_rollback", before, after, now);
    tx.commit();
    return after.live;
}

} // namespace baton::scoring
