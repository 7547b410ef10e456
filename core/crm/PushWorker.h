#pragma once

#include "crm/Connector.h"
#include "util/Backoff.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>

namespace baton {
class Clock;
class HttpTransport;
} // namespace baton
namespace baton::store {
class Database;
}

namespace baton::crm {

struct PushOptions
{
    // Retries of a transient failure before the operation fails; each waits per the backoff
    // unless the CRM said how long (Retry-After, its rate-limit headers).
    util::Backoff backoff{10, std::chrono::milliseconds(1000), std::chrono::minutes(5)};
    std::size_t batchSize = 0; // 0: the connector's limit
    const std::atomic<bool> *cancel = nullptr;
    // Called after every request with the outbox's counts so far.
    std::function<void(std::int64_t settled, std::int64_t total)> onProgress;
};

struct PushSummary
{
    std::int64_t requests = 0, lookups = 0, done = 0, failed = 0, retried = 0, unknown = 0;
    std::int64_t rateLimited = 0; // requests answered 429
    std::int64_t refreshes = 0;   // OAuth access tokens renewed
    double seconds = 0;
};

// Delivers the outbox through a connector: operations in id order with their dependencies
// first, batched per kind, each marked in flight (with the request) in a committed
// transaction before it is sent, so a crash at any point leaves either a pending operation or
// one whose outcome is looked up before anything is sent again. Paces itself to the
// connector's rate limit. Runs on its own connection, on whatever thread calls it.
class PushWorker
{
public:
    PushWorker(store::Database &db, Connector &connector, HttpTransport &transport,
               const Clock &clock, PushOptions options = {});

    // One pass over what is due now; returns what it did.
    PushSummary runOnce();
    // Until nothing is pending or in flight (waiting for what is due later), or cancelled.
    PushSummary runUntilIdle();
    // Asks the CRM who tasks can be assigned to (through the same token handling as a push);
    // false when it could not say, and tasks then go unassigned.
    bool learnOwners();

private:
    HttpResponse send(const HttpRequest &request);
    // Sends what `build` makes with the current access token; an answer saying the token
    // expired gets one refresh and one resend (a 401 changed nothing in the CRM).
    // `sent` counts the requests sent.
    HttpResponse sendAuthorized(const std::function<HttpRequest()> &build, PushSummary &summary,
                                std::int64_t &sent);
    void deliver(const std::string &kind, std::vector<Delivery> batch, bool lookupFirst,
                 PushSummary &summary);
    void record(const Delivery &d, const DeliveryResult &r, const std::string &response,
                std::int64_t attempts, PushSummary &summary);

    store::Database &m_db;
    Connector &m_connector;
    std::string m_refreshError; // the token endpoint's refusal, for the items it stops
    int m_refreshStatus = 0;    // its HTTP status: 0 or 5xx is worth another try later
    HttpTransport &m_transport;
    const Clock &m_clock;
    PushOptions m_options;
    std::deque<std::chrono::steady_clock::time_point> m_sent; // within the rate window
    std::map<std::int64_t, std::int64_t> m_attempts;          // per operation, this pass
};

} // namespace baton::crm
