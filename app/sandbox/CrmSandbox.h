#pragma once

#include "sandbox/SalesforceSandboxApi.h"

#include <QString>
#include <QStringList>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

class QThread;

namespace baton::app {

// What can go wrong between Baton and a CRM, injected by the sandbox.
enum class CrmFault
{
    ServerError,     // 500 or 503, nothing applied
    RateLimited,     // 429 with Retry-After
    RateLimitedBare, // 429 with only the rate-limit headers, as HubSpot's burst limit answers
    Timeout,         // nothing applied, no answer until long after the client gave up
    Reset,           // connection closed before anything is applied
    Slow,            // the right answer, late
    LostResponse     // applied, then the connection closed without an answer
};

struct CrmSandboxConfig
{
    int rateLimit = 100; // requests per window, as HubSpot's default burst limit
    int windowMs = 10000;
    double faultRate = 0; // the share of requests given a fault, drawn from `faults`
    std::vector<CrmFault> faults = {
        CrmFault::ServerError, CrmFault::RateLimited, CrmFault::RateLimitedBare, CrmFault::Timeout,
        CrmFault::Reset,       CrmFault::Slow,        CrmFault::LostResponse};
    std::uint32_t seed = 1;
    int slowMs = 300;
    int timeoutHoldMs = 5000; // how long a "timeout" keeps the connection silent
    QStringList owners = {};  // emails the owners endpoint lists (and Salesforce's users)
    SalesforceSandboxApi::Config salesforce = {};
    std::string webhookSecret = "sandbox-webhook-secret";
};

// A local server speaking the part of HubSpot's CRM v3 API Baton uses (contact batch upsert
// by email, note and task batch create with associations, search, owners) under /crm/v3,
// with HubSpot's error bodies and rate-limit headers and a sliding-window rate limit; the
// part of Salesforce's REST API Baton uses under /services (SalesforceSandboxApi); a
// webhook receiver at /webhook that checks each delivery's signature and counts
// redeliveries; and, for `baton export --url`, Marquez's /api/v1/lineage and an OTLP/HTTP
// collector's /v1/traces. Faults are injected by configuration into all three, each in its API's
// own shape. Creates are not deduplicated, as the CRMs' are not: counts() shows any object created
// twice. It runs on a thread of its own, so a caller may block on it.
class CrmSandbox
{
public:
    CrmSandbox();
    ~CrmSandbox();

    // Listens on 127.0.0.1 (0: any free port); returns the port, 0 on failure.
    quint16 start(quint16 port = 0, const CrmSandboxConfig &config = {});
    QString baseUrl() const; // http://127.0.0.1:PORT
    void setConfig(const CrmSandboxConfig &config);

    struct Counts
    {
        int contacts = 0, notes = 0, tasks = 0;
        int duplicateNotes = 0, duplicateTasks = 0; // same baton_external_id twice
        int unassociatedNotes = 0, unassociatedTasks = 0;
        int completedTasks = 0, retractedNotes = 0; // by compensations
        int requests = 0, rateLimited = 0, faults = 0;
        SalesforceSandboxApi::Counts salesforce;
        int webhookDeliveries = 0;   // distinct delivery ids received, signature good
        int webhookRedeliveries = 0; // the same delivery id again
        int webhookBadSignatures = 0;
        int webhookRetractions = 0; // brief.retracted events among the deliveries
        int lineageEvents = 0, traceRequests = 0, traceSpans = 0; // received as a collector
    };
    Counts counts() const;
    // What sales did in the CRM since: sets a contact's property (lifecyclestage, ...).
    bool setContactProperty(const QString &email, const QString &name, const QString &value);
    // Salesforce: the lead converted to an opportunity; access tokens expired.
    bool convertSalesforceLead(const QString &email);
    void expireSalesforceTokens();

    struct State;

private:
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<State> m_state;
    quint16 m_port = 0;
};

} // namespace baton::app
