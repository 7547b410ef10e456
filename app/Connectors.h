#pragma once

#include "crm/Target.h"

#include <memory>
#include <string>

namespace baton::crm {
class Connector;
}

namespace baton::app {

// Where `baton push` and the console deliver: which kind of target and how to reach it.
// Secrets are not here: makeConnector() reads them from the environment (for CI and one-off
// runs) or the OS keychain, never from settings or the store.
struct PushTarget
{
    crm::Target kind = crm::Target::HubSpot;
    std::string url; // API base, Salesforce instance or webhook URL
    std::string loginUrl = "https://login.salesforce.com";
    std::string clientId; // OAuth client (HubSpot app or Salesforce connected app)
    std::string file;     // the JSONL file
    int rateLimit = 100;  // HubSpot: requests per 10 seconds
    int timeoutMs = 30000;
};

// The keychain names and environment variables each target reads:
//   hubspot:    BATON_HUBSPOT_TOKEN / hubspot-token, or for an OAuth app
//               BATON_HUBSPOT_REFRESH_TOKEN / hubspot-refresh-token with
//               BATON_HUBSPOT_CLIENT_SECRET / hubspot-client-secret
//   salesforce: BATON_SALESFORCE_REFRESH_TOKEN / salesforce-refresh-token, and
//               BATON_SALESFORCE_CLIENT_SECRET / salesforce-client-secret when the
//               connected app has one
//   webhook:    BATON_WEBHOOK_SECRET / webhook-secret
// nullptr with `error` when the target is unknown or a secret it needs is missing. JSONL has
// no connector (see crm::JsonlSink).
std::unique_ptr<crm::Connector> makeConnector(const PushTarget &target, std::string &error);

// A human name for the target, for the CLI and the log: "HubSpot at https://...".
std::string describeTarget(const PushTarget &target);

// What `--target NAME` says when NAME is none of crm::Target's: "no target 'ftp': there are
// hubspot, salesforce, webhook and jsonl".
std::string unknownTargetError(const std::string &name);

} // namespace baton::app
