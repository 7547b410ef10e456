#pragma once

#include <string>

namespace baton {
class HttpTransport;
}

namespace baton::crm {

class Connector;

struct ConnectionCheck
{
    bool ok = false;
    std::string detail; // what answered, or what failed and why, in the CRM's words
};

// Whether the CRM answers with the credentials as they are: the OAuth refresh a connector
// without an access token needs, then one read-only request (its users, as the push reads
// them before sending). Nothing is written to the CRM.
ConnectionCheck checkConnection(Connector &connector, HttpTransport &transport);

} // namespace baton::crm
