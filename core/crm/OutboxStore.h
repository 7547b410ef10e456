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
    std::string lastRequest, lastResponse, cancelReason, updatedAt;
};

// An operation due for delivery, with what its dependency became.
struct DueOperation
{
    std::int64_t id = 0;
    std::string kind, payload, status; // status: pending, or in_flight (to look up first)
    std::int64_t attempts = 0;
    std::string dependencyStatus; // done or failed; empty without a dependency
    std::string dependencyCrmId;
    std::string dependencySystem; // where the dependency went: hubspot, salesforce, ...
};

// The outbox table. Writes join the caller's transaction: an approval and its operations
// commit together or not at all.
class OutboxStore
{
public:
    explicit OutboxStore(store::Database &db);

    // Inserts the operations, due at `now` but not sent before `heldUntil` when given (an
    // approval's grace period); an operation already queued for the brief (same key) is left
    // as it is, so approving twice never queues twice. One cancelled before it was ever
    // sent (an approval undone) is queued again as planned now.
    void enqueue(std::int64_t briefId, const std::vector<PlannedOperation> &ops,
                 const std::string &now, const std::optional<std::string> &heldUntil = {});
    // An approval undone: its operations, none sent yet, are cancelled. Returns how many.
    int cancelHeld(std::int64_t briefId, const std::string &reason, const std::string &now);
    // How many pending operations of `kinds` are held past `now`, and until when the first
    // of them is.
    struct Held
    {
        std::int64_t count = 0;
        std::string until;
    };
    Held held(const std::string &now, const std::vector<std::string> &kinds = {});
    std::vector<OutboxRow> forBrief(std::int64_t briefId);
    // Every operation, newest first, for the outbox page: by status when given.
    std::vector<OutboxRow> list(const std::string &status, std::size_t limit);
    std::vector<OutboxRow> page(const std::string &status, std::int64_t offset, std::int64_t limit);
    std::int64_t count(const std::string &status);
    OutboxRow row(std::int64_t id);

    // Pending or in-flight operations of `kinds` (all when empty) due by `now`, not held past
    // it, whose dependency is settled (done, or failed: they then fail too), in id order.
    std::vector<DueOperation> due(const std::string &now, std::size_t limit,
                                  const std::vector<std::string> &kinds = {});
    // The next time anything of `kinds` becomes due; nullopt when nothing waits but what is
    // held past `now` (an approval that may still be undone is not waited for).
    std::optional<std::string> nextDue(const std::string &now,
                                       const std::vector<std::string> &kinds = {});
    // Before sending: takes the operation if it is still as this worker read it (same
    // attempts, pending or in flight), in flight with one attempt more and leased until
    // `leaseUntil`: no other worker sends or looks it up before then. False when another
    // worker took it first.
    bool claim(std::int64_t id, std::int64_t seenAttempts, const std::string &now,
               const std::string &leaseUntil);
    // The request as sent (masked), for the outbox page.
    void setLastRequest(std::int64_t id, const std::string &request);
    void markDone(std::int64_t id, const std::string &system, const std::string &crmId,
                  const std::string &response, const std::string &now);
    // Back to pending (or in flight, when the outcome is unknown) until `nextAttempt`.
    void markRetry(std::int64_t id, bool unknownOutcome, const std::string &error,
                   const std::string &response, const std::string &nextAttempt,
                   const std::string &now);
    void markFailed(std::int64_t id, const std::string &error, const std::string &response,
                    const std::string &now);
    // Why the pending operations of `kinds` due by `now` were not sent although their time
    // had come: their target could not be reached as configured (no token, no URL). Kept as
    // their last error, so the outbox says so beside them; attempts and schedule stay as they
    // are. Returns how many operations it changed.
    int noteNotSent(const std::vector<std::string> &kinds, const std::string &why,
                    const std::string &now);
    // A retracted brief: what was never sent is cancelled; what reached the CRM (or may
    // have) gets its compensation queued after it: the task closed, the note marked
    // retracted. Returns how many compensations were queued.
    int queueRetraction(std::int64_t briefId, const std::string &reason, const std::string &now);
    // Operator actions from the outbox page: due now (pending or failed ones), or never
    // (with a reason).
    bool retryNow(std::int64_t id, const std::string &now);
    bool cancel(std::int64_t id, const std::string &reason, const std::string &now);
    // Sets approved briefs whose operations are all settled to pushed or push_failed;
    // returns how many changed.
    int settleBriefs();
    struct Counts
    {
        std::int64_t pending = 0, inFlight = 0, done = 0, failed = 0, cancelled = 0;
    };
    Counts counts(const std::vector<std::string> &kinds = {});

private:
    store::Database &m_db;
};

} // namespace baton::crm
