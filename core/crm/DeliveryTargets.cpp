#include "crm/DeliveryTargets.h"

#include "governance/AuditLog.h"
#include "governance/Permissions.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::crm {

using governance::ActionError;

DeliveryTargets::DeliveryTargets(store::Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{
}

const std::vector<std::string> &DeliveryTargets::known()
{
    static const std::vector<std::string> targets = [] {
        std::vector<std::string> names;
        for (Target t : kDeliveryTargets)
            names.push_back(util::nameString(t));
        return names;
    }();
    return targets;
}

std::vector<std::string> DeliveryTargets::enabled()
{
    return enabledIn(m_db);
}

std::vector<std::string> DeliveryTargets::enabledIn(store::Database &db)
{
    auto &st = db.cached("SELECT target FROM delivery_targets ORDER BY target");
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.textAt(0));
    st.reset();
    return out;
}

void DeliveryTargets::setEnabled(const governance::Actor &who, const std::string &target, bool on)
{
    governance::requireGranted(who, governance::Action::ManageOutbox,
                               "change where approved briefs are delivered");
    static_assert(kDeliveryTargets.size() == 2, "the message below names both");
    const auto named = util::parseName<Target>(target);
    if (!named || !isDeliveryTarget(*named))
        throw ActionError(ActionError::Kind::InvalidInput,
                          "no delivery target '" + target + "': there are " +
                              util::nameString(kDeliveryTargets[0]) + " and " +
                              util::nameString(kDeliveryTargets[1]));
    const std::string now = util::formatUtc(m_clock.now());
    store::Transaction tx(m_db);
    if (on) {
        auto &add = m_db.cached("INSERT INTO delivery_targets (target, enabled_at, enabled_by) "
                                "VALUES (?1, ?2, ?3) ON CONFLICT (target) DO NOTHING");
        add.bindAll(target, now, who.user);
        add.run();
    } else {
        auto &remove = m_db.cached("DELETE FROM delivery_targets WHERE target = ?1");
        remove.bind(1, target);
        remove.run();
    }
    if (m_db.changes() > 0) {
        auto entry = governance::AuditEntry::by(who, on ? "target_enable" : "target_disable",
                                                "target#" + target, now);
        entry.beforeHash = on ? "disabled" : "enabled";
        entry.afterHash = on ? "enabled" : "disabled";
        entry.detail = nlohmann::json({{"target", target}}).dump();
        governance::AuditLog(m_db).append(entry);
    }
    tx.commit();
}

} // namespace baton::crm
