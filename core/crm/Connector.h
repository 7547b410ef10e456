#pragma once

#include "crm/OutboxVocabulary.h"
#include "ports/HttpTransport.h"

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace baton::crm {

// One outbox operation on its way to a CRM.
struct Delivery
{
    std::int64_t id = 0;
    std::string kind; // upsert_person, create_note, create_task, close_task, retract_note
    nlohmann::json payload;
    // The CRM id of what it depends on: a note's or task's contact, or the note or task a
    // compensation undoes.
    std::string personCrmId;
};

// What the CRM's answer means for one delivery.
struct DeliveryResult
{
    enum class Outcome
    {
        Done,      // crmId is the object's id
        Retry,     // transient (429, 5xx, timeout before sending): try again later
        Permanent, // the CRM refused it (validation, auth): error says why, in its words
        Unknown    // may or may not have happened: look it up before sending again
    };
    Outcome outcome = Outcome::Unknown;
    std::string crmId;
    std::string error;
    std::optional<std::chrono::milliseconds> retryAfter; // what the CRM asked for, if it did
};

// What became of a person Baton pushed, as the CRM reports it (`baton crm pull`).
struct PersonOutcome
{
    std::string crmId, stage, status;
    bool opportunity = false; // at the opportunity stage or beyond, or converted to one
};

// The operation kinds the CRM connectors deliver, dependencies first (a note or task needs
// its person's id; a compensation the object it undoes).
inline const std::vector<std::string> &crmKinds()
{
    static const std::vector<std::string> kinds = {
        util::nameString(OpKind::UpsertPerson), util::nameString(OpKind::CreateNote),
        util::nameString(OpKind::CreateTask), util::nameString(OpKind::CloseTask),
        util::nameString(OpKind::RetractNote)};
    return kinds;
}

// An answer that is no answer (status 0): Retry when the transport says nothing was sent
// (refused, no such host), Unknown otherwise, since a timeout or reset may follow a request
// the server acted on. `who` names the other side in the error.
DeliveryResult noAnswer(const HttpResponse &response, const std::string &who);

// A JSON request under a bearer token: what both CRMs' REST APIs take (no body when null).
HttpRequest bearerJsonRequest(const std::string &method, const std::string &url,
                              const std::string &accessToken, const nlohmann::json &body,
                              int timeoutMs);

// OAuth 2.0's refresh-token grant (RFC 6749, section 6) as a form POST to `tokenUrl`; the
// client secret is left out when there is none (a public client).
HttpRequest refreshTokenRequest(const std::string &tokenUrl, const std::string &clientId,
                                const std::string &clientSecret, const std::string &refreshToken,
                                int timeoutMs);

// A CRM's API without I/O: requests built from deliveries, answers read into results. The
// push worker moves the bytes through the HttpTransport port and records what came back.
class Connector
{
public:
    virtual ~Connector() = default;
    virtual std::string system() const = 0;
    // The outbox kinds this connector delivers, in the order they are delivered.
    virtual const std::vector<std::string> &kinds() const { return crmKinds(); }
    // How many deliveries of `kind` one request may carry.
    virtual std::size_t batchLimit(const std::string &kind) const = 0;
    // Whether sending `kind` twice does no harm (an upsert, an update): an answer lost on
    // such an operation is simply sent again, without a lookup.
    virtual bool idempotent(const std::string &) const { return false; }
    // A delivery this CRM can never accept as it is (a contact without an email, for a CRM
    // that matches people by email): refused before sending, with the reason.
    virtual std::optional<DeliveryResult> refuse(const Delivery &) const { return std::nullopt; }
    virtual HttpRequest build(const std::string &kind,
                              const std::vector<Delivery> &batch) const = 0;
    virtual std::vector<DeliveryResult> read(const std::string &kind,
                                             const std::vector<Delivery> &batch,
                                             const HttpResponse &response) const = 0;
    // Finds objects a lost answer may have created, by the external id Baton stored on
    // them: one request for the batch; read as Done (found) or Retry (not there: send).
    virtual HttpRequest lookup(const std::string &kind,
                               const std::vector<Delivery> &batch) const = 0;
    virtual std::vector<DeliveryResult> readLookup(const std::string &kind,
                                                   const std::vector<Delivery> &batch,
                                                   const HttpResponse &response) const = 0;
    // The CRM's request allowance: at most `requests` per `window` (0: none known). The
    // push worker paces itself to it rather than learning it from 429s.
    struct RateLimit
    {
        int requests = 0;
        std::chrono::milliseconds window{0};
    };
    virtual RateLimit rateLimit() const { return {}; }
    // How long one request may take: an operation in flight is leased for longer than
    // this, so a second worker (the console and `baton push` at once) leaves it alone.
    virtual std::chrono::milliseconds requestTimeout() const { return std::chrono::seconds(30); }
    // The request with its secrets masked, for the outbox's "last request".
    virtual std::string describe(const HttpRequest &request) const;

    // OAuth: whether an answer says the access token is no longer good (it expired or was
    // revoked), and the request that trades the refresh token for a new one. Connectors with
    // a fixed token offer no refresh. acceptRefresh() keeps the new token; it returns the
    // token endpoint's error, empty on success.
    virtual bool authExpired(const HttpResponse &response) const { return response.status == 401; }
    virtual bool hasAccessToken() const { return true; }
    virtual std::optional<HttpRequest> refreshRequest() const { return std::nullopt; }
    virtual std::string acceptRefresh(const HttpResponse &) { return "no refresh token"; }

    // Who tasks can be assigned to: a request listing the CRM's users, read into the
    // connector's map from Baton user emails to CRM owner ids. None by default.
    virtual std::optional<HttpRequest> ownersQuery() const { return std::nullopt; }
    virtual void learnOwners(const HttpResponse &) {}

    // Outcome sync: a read-only request for what became of pushed people (at most
    // outcomeBatch() ids per request), and its answer.
    virtual std::size_t outcomeBatch() const { return 100; }
    virtual std::optional<HttpRequest> outcomesRequest(const std::vector<std::string> &) const
    {
        return std::nullopt;
    }
    virtual std::vector<PersonOutcome> readOutcomes(const HttpResponse &) const { return {}; }
    // The part of a read-only answer that decides for the whole request: nullopt when it is
    // a success to read.
    virtual std::optional<DeliveryResult> verdict(const HttpResponse &response) const = 0;
};

} // namespace baton::crm
