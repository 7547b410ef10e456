#pragma once

#include "crm/Target.h"
#include "governance/Actor.h"

#include <string>
#include <vector>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}

namespace baton::crm {

// Which targets beyond the CRM get each approved brief ("webhook", "jsonl"): a property of
// the store, since approvals plan their operations from it, whoever approves and wherever.
// Changing it is marketing ops' or an admin's, and audited; it applies to approvals from then
// on (briefs approved before are not delivered again).
class DeliveryTargets
{
public:
    DeliveryTargets(store::Database &db, const Clock &clock);

    static const std::vector<std::string> &known(); // kDeliveryTargets' names
    std::vector<std::string> enabled();
    static std::vector<std::string> enabledIn(store::Database &db);
    // Throws governance::ActionError: Forbidden, InvalidInput (an unknown target).
    void setEnabled(const governance::Actor &who, const std::string &target, bool on);

private:
    store::Database &m_db;
    const Clock &m_clock;
};

} // namespace baton::crm
