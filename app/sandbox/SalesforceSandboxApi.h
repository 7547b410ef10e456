#pragma once

#include "sandbox/SandboxReply.h"

#include <QStringList>
#include <map>
#include <set>
#include <string>

namespace baton::app {

// The part of Salesforce's REST API Baton uses, for the CRM sandbox: the OAuth refresh-token
// grant, Lead upsert by an external id field, Note and Task create and update in sObject
// Collections, and SOQL of the one shape Baton sends (SELECT fields FROM object WHERE field
// IN (...)), with Salesforce's error bodies. Creates are not deduplicated, as Salesforce's
// are not. Not thread-safe: the sandbox holds its lock around every call.
class SalesforceSandboxApi
{
public:
    struct Config
    {
        std::string clientId = "sandbox-client";
        std::string refreshToken = "sandbox-refresh";
        std::string leadExternalIdField = "Baton_Lead_Id__c";
        std::string taskExternalIdField = "Baton_External_Id__c";
        int dailyLimit = 15000; // the org's API requests per 24 hours
        QStringList users;      // emails of active users, for task owners
    };

    void setConfig(const Config &config, const std::string &baseUrl);
    // path is the request's path, query its decoded q parameter for SOQL.
    SandboxReply handle(const std::string &method, const std::string &path,
                        const std::string &authorization, const std::string &soql,
                        const std::string &body);
    // Access tokens issued so far stop working, as when a session times out.
    void expireTokens() { m_tokens.clear(); }
    // Sales converted the lead (found by email) into an opportunity.
    bool convertLead(const std::string &email);

    struct Counts
    {
        int leads = 0, notes = 0, tasks = 0;
        int duplicateNotes = 0, duplicateTasks = 0; // same title / external id twice
        int unassociatedNotes = 0, unassociatedTasks = 0;
        int completedTasks = 0, retractedNotes = 0;
        int tokensIssued = 0, limitExceeded = 0;
    };
    Counts counts() const;
    static SandboxReply error(int status, const std::string &code, const std::string &message);

private:
    struct Record
    {
        std::string id;
        nlohmann::json fields;
    };
    std::string newId(const char *prefix);
    SandboxReply token(const std::string &form);
    SandboxReply upsertLeads(const nlohmann::json &body);
    SandboxReply create(const nlohmann::json &body);
    SandboxReply update(const nlohmann::json &body);
    SandboxReply query(const std::string &soql) const;

    Config m_config;
    std::string m_baseUrl;
    std::set<std::string> m_tokens;
    std::map<std::string, Record> m_leads; // by external id
    std::vector<Record> m_notes, m_tasks;
    long long m_next = 1;
    int m_requests = 0, m_tokensIssued = 0, m_limitExceeded = 0;
};

} // namespace baton::app
