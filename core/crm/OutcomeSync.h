#pragma once

#include <cstdint>
#include <string>

namespace baton {
class Clock;
class HttpTransport;
} // namespace baton
namespace baton::store {
class Database;
}

namespace baton::crm {

class HubSpotConnector;

struct OutcomeSummary
{
    std::int64_t contacts = 0;      // pushed contacts asked about
    std::int64_t read = 0;          // answered
    std::int64_t opportunities = 0; // of them now at the opportunity stage or beyond
    std::string error;              // set when HubSpot could not be asked
};

// `baton crm pull`: reads back the lifecycle stage and lead status of every contact Baton
// pushed, into crm_outcomes, noting when a lead was first seen as an opportunity (what the
// dashboard's post-handoff accuracy counts). Read-only towards the CRM; idempotent here.
OutcomeSummary pullOutcomes(store::Database &db, const HubSpotConnector &hubspot,
                            HttpTransport &transport, const Clock &clock);

} // namespace baton::crm
