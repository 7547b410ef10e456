#pragma once

#include "governance/Actor.h"

#include <cstdint>
#include <string>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}

namespace baton::crm {

// What people do to the outbox by hand, checked and audited like a review action: send an
// operation again now, or cancel it with a reason. Throws governance::ActionError (Forbidden,
// WrongState, NotFound, InvalidInput).
class OutboxActions
{
public:
    OutboxActions(store::Database &db, const Clock &clock);

    // A failed or pending operation is due at once. One in flight is not: another worker
    // may be sending it, and it is looked up when its lease ends.
    void retryNow(const governance::Actor &who, std::int64_t operationId);
    // A pending or failed operation is never sent; its brief ends push_failed.
    void cancel(const governance::Actor &who, std::int64_t operationId, const std::string &reason);

private:
    void audit(const governance::Actor &who, const char *action, std::int64_t id,
               const std::string &before, const std::string &after, const std::string &detail);

    store::Database &m_db;
    const Clock &m_clock;
};

} // namespace baton::crm
