#pragma once

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

// A CRM's API without I/O: requests built from deliveries, answers read into results. The
// push worker moves the bytes through the HttpTransport port and records what came back.
class Connector
{
public:
    virtual ~Connector() = default;
    virtual std::string system() const = 0;
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
};

} // namespace baton::crm
