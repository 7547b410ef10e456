#pragma once

#include "crm/Connector.h"
#include "crm/Target.h"

#include <map>

namespace baton::crm {

// Salesforce REST: people are Leads upserted in sObject Collections (up to 200 a request) by
// an external id field Baton owns; notes are classic Notes on the Lead (ParentId), tasks are
// Tasks on it (WhoId) carrying Baton's external id in a custom Activity field. Notes cannot
// have custom fields, so a note is found after a lost answer by its title, which names the
// brief's external id; tasks by their field; both through SOQL (queryAll, so a task a rep
// deleted is not made again). Errors are read as Salesforce writes them: a JSON array of
// {message, errorCode} for the request, {statusCode, message, fields} per record; 401
// INVALID_SESSION_ID renews the access token with the OAuth refresh token; 403
// REQUEST_LIMIT_EXCEEDED waits (an hour for the org's daily TotalRequests allowance).
class SalesforceConnector final : public Connector
{
public:
    struct Config
    {
        std::string instanceUrl;                               // https://MyDomain.my.salesforce.com
        std::string loginUrl = "https://login.salesforce.com"; // the token endpoint's host
        std::string apiVersion = "v60.0";
        std::string accessToken;
        std::string refreshToken, clientId, clientSecret; // OAuth web-server or connected app
        int timeoutMs = 30000;
        std::string leadExternalIdField = "Baton_Lead_Id__c";
        std::string taskExternalIdField = "Baton_External_Id__c";
        std::map<std::string, std::string> ownerIds; // Baton user email -> Salesforce user id
        std::chrono::milliseconds dailyLimitWait = std::chrono::hours(1);
    };

    explicit SalesforceConnector(Config config);

    std::string system() const override { return util::nameString(Target::Salesforce); }
    std::size_t batchLimit(const std::string &) const override { return 200; }
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
    HttpRequest build(const std::string &kind, const std::vector<Delivery> &batch) const override;
    std::vector<DeliveryResult> read(const std::string &kind, const std::vector<Delivery> &batch,
                                     const HttpResponse &response) const override;
    HttpRequest lookup(const std::string &kind, const std::vector<Delivery> &batch) const override;
    std::vector<DeliveryResult> readLookup(const std::string &kind,
                                           const std::vector<Delivery> &batch,
                                           const HttpResponse &response) const override;

    bool hasAccessToken() const override { return !m_config.accessToken.empty(); }
    std::optional<HttpRequest> refreshRequest() const override;
    std::string acceptRefresh(const HttpResponse &response) override;

    std::optional<HttpRequest> ownersQuery() const override;
    void learnOwners(const HttpResponse &response) override;

    std::size_t outcomeBatch() const override { return 200; }
    std::optional<HttpRequest> outcomesRequest(const std::vector<std::string> &ids) const override;
    std::vector<PersonOutcome> readOutcomes(const HttpResponse &response) const override;
    std::optional<DeliveryResult> verdict(const HttpResponse &response) const override
    {
        return classify(response, false);
    }

    // The part of an answer that decides for the whole request; nullopt for a 2xx to read
    // record by record.
    std::optional<DeliveryResult> classify(const HttpResponse &response, bool creates) const;
    // The title a note carries, by which it is found again.
    static std::string noteTitle(const Delivery &delivery);
    // A SOQL query as a GET on /query (or /queryAll).
    HttpRequest query(const std::string &soql, bool all = false) const;
    const std::string &instanceUrl() const { return m_config.instanceUrl; }

private:
    HttpRequest request(const std::string &method, const std::string &path,
                        const nlohmann::json &body) const;
    std::string dataPath() const { return "/services/data/" + m_config.apiVersion; }

    Config m_config;
};

} // namespace baton::crm
