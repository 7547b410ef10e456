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

class Connector;

struct OutcomeSummary
{
    std::int64_t contacts = 0;      // pushed contacts asked about
    std::int64_t read = 0;          // answered
    std::int64_t opportunities = 0; // of them now at the opportunity stage or beyond
    std::string error;              // set when the CRM could not be asked
};

// `baton crm pull`: reads back what became of every person Baton pushed to this connector's
// CRM (HubSpot: lifecycle stage and lead status; Salesforce: the lead's status and whether it
// was converted to an opportunity) into crm_outcomes, noting when a lead was first seen as an
// opportunity (what the dashboard's post-handoff accuracy counts). Read-only towards the
// CRM; idempotent here.
// A connector without an access token gets one with its refresh token first.
OutcomeSummary pullOutcomes(store::Database &db, Connector &crm, HttpTransport &transport,
                            const Clock &clock);

} // namespace baton::crm
