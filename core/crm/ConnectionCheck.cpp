#include "crm/ConnectionCheck.h"

#include "crm/Connector.h"
#include "ports/HttpTransport.h"

namespace baton::crm {

namespace {

std::string noAnswerText(const HttpResponse &response)
{
    return "no answer (" +
           (response.error.empty() ? std::string("connection failed") : response.error) + ")";
}

std::string statusText(const HttpResponse &response, const std::string &error)
{
    return "HTTP " + std::to_string(response.status) + (error.empty() ? "" : ": " + error);
}

} // namespace

ConnectionCheck checkConnection(Connector &connector, HttpTransport &transport)
{
    ConnectionCheck out;
    if (!connector.hasAccessToken()) {
        const auto refresh = connector.refreshRequest();
        if (!refresh) {
            out.detail = "no access token and no way to get one";
            return out;
        }
        const auto answer = transport.send(*refresh);
        if (answer.status == 0) {
            out.detail = "the token endpoint gave " + noAnswerText(answer);
            return out;
        }
        if (const auto error = connector.acceptRefresh(answer); !error.empty()) {
            out.detail = "the refresh token was refused: " + error;
            return out;
        }
    }
    const auto query = connector.ownersQuery();
    if (!query) {
        out.ok = true;
        out.detail = "signed in (" + connector.system() + " offers nothing to read back)";
        return out;
    }
    const auto response = transport.send(*query);
    if (response.status == 0) {
        out.detail = noAnswerText(response);
        return out;
    }
    if (connector.authExpired(response)) {
        out.detail = "the credentials were refused (" +
                     statusText(response, response.body.substr(0, 300)) + ")";
        return out;
    }
    if (const auto verdict = connector.verdict(response)) {
        out.detail = statusText(response, verdict->error);
        return out;
    }
    out.ok = true;
    out.detail = "HTTP " + std::to_string(response.status) + ", the users list read";
    return out;
}

} // namespace baton::crm
