#pragma once

#include "crm/Connector.h"
#include "crm/Target.h"

#include <map>

namespace baton::crm {

// HubSpot CRM v3: contacts upserted in batches by email (`idProperty`), notes and tasks
// created in batches and associated with their contact at creation (association types 202
// note-to-contact and 204 task-to-contact, HUBSPOT_DEFINED). Notes and tasks carry Baton's
// external id in a `baton_external_id` property, contacts `baton_lead_id`; a lost answer is
// followed by a search on them. 429s are read for Retry-After, the rate-limit interval
// header and `policyName` (a DAILY limit waits an hour, not seconds).
class HubSpotConnector final : public Connector
{
public:
    struct Config
    {
        std::string baseUrl = "https://api.hubapi.com";
        std::string accessToken; // private app token or OAuth access token
        // OAuth apps: the refresh token and the app's credentials get a new access token
        // when HubSpot answers 401 (access tokens last 30 minutes).
        std::string refreshToken, clientId, clientSecret;
        int timeoutMs = 30000;
        std::map<std::string, std::string> ownerIds; // Baton user email -> HubSpot owner id
        // A private app's default burst allowance; Professional and Enterprise accounts
        // allow 190 per 10 seconds.
        RateLimit limit{100, std::chrono::seconds(10)};
    };

    explicit HubSpotConnector(Config config);

    std::string system() const override { return util::nameString(Target::HubSpot); }
    std::size_t batchLimit(const std::string &kind) const override;
    RateLimit rateLimit() const override { return m_config.limit; }
    std::chrono::milliseconds requestTimeout() const override
    {
        return std::chrono::milliseconds(m_config.timeoutMs);
    }
    bool idempotent(const std::string &kind) const override
    {
        return is(kind, OpKind::UpsertPerson) || is(kind, OpKind::CloseTask) ||
               is(kind, OpKind::RetractNote);
    }
    std::optional<DeliveryResult> refuse(const Delivery &delivery) const override;
    bool hasAccessToken() const override { return !m_config.accessToken.empty(); }
    std::optional<HttpRequest> refreshRequest() const override;
    std::string acceptRefresh(const HttpResponse &response) override;
    HttpRequest build(const std::string &kind, const std::vector<Delivery> &batch) const override;
    std::vector<DeliveryResult> read(const std::string &kind, const std::vector<Delivery> &batch,
                                     const HttpResponse &response) const override;
    HttpRequest lookup(const std::string &kind, const std::vector<Delivery> &batch) const override;
    std::vector<DeliveryResult> readLookup(const std::string &kind,
                                           const std::vector<Delivery> &batch,
                                           const HttpResponse &response) const override;

    // What became of contacts Baton made: their lifecycle stage and lead status, up to 100
    // per request (POST /crm/v3/objects/contacts/batch/read).
    struct ContactOutcome
    {
        std::string crmId, lifecycleStage, leadStatus;
    };
    HttpRequest readContacts(const std::vector<std::string> &ids) const;
    static std::vector<ContactOutcome> readContactsAnswer(const HttpResponse &response);

    std::optional<HttpRequest> ownersQuery() const override { return ownersRequest(); }
    void learnOwners(const HttpResponse &response) override { setOwnerIds(readOwners(response)); }
    std::optional<HttpRequest> outcomesRequest(const std::vector<std::string> &ids) const override
    {
        return readContacts(ids);
    }
    std::vector<PersonOutcome> readOutcomes(const HttpResponse &response) const override;
    std::optional<DeliveryResult> verdict(const HttpResponse &response) const override
    {
        return classify(response, false);
    }

    // GET /crm/v3/owners: who tasks can be assigned to, by email.
    HttpRequest ownersRequest() const;
    static std::map<std::string, std::string> readOwners(const HttpResponse &response);
    void setOwnerIds(std::map<std::string, std::string> ids) { m_config.ownerIds = std::move(ids); }

    // The part of an answer that decides for the whole request: nullopt when it is a 2xx to
    // read item by item. Public for the sandbox's tests of the error shapes.
    static std::optional<DeliveryResult> classify(const HttpResponse &response, bool creates);

private:
    HttpRequest request(const std::string &method, const std::string &path,
                        const nlohmann::json &body) const;

    Config m_config;
};

} // namespace baton::crm
