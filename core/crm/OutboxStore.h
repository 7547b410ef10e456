#pragma once

#include "crm/OutboxPlanner.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::crm {

struct OutboxRow
{
    std::int64_t id = 0;
    std::int64_t briefId = 0;
    std::string kind, opKey, payload, status;
    std::optional<std::int64_t> dependsOn;
    std::int64_t attempts = 0;
    std::string nextAttemptAt, lastError, crmSystem, crmId;
};

// The outbox table. Writes join the caller's transaction: an approval and its operations
// commit together or not at all.
class OutboxStore
{
public:
    explicit OutboxStore(store::Database &db);

    // Inserts the operations, due at `now`; an operation already queued for the brief (same
    // key) is left as it is, so approving twice never queues twice.
    void enqueue(std::int64_t briefId, const std::vector<PlannedOperation> &ops,
                 const std::string &now);
    std::vector<OutboxRow> forBrief(std::int64_t briefId);

private:
    store::Database &m_db;
};

} // namespace baton::crm
