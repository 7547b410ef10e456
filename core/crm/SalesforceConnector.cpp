#include "crm/SalesforceConnector.h"

#include "util/Backoff.h"
#include "util/JsonParse.h"
#include "util/Text.h"
#include "util/Url.h"

#include <algorithm>
#include <cctype>

namespace baton::crm {

namespace {

using Outcome = DeliveryResult::Outcome;
using json = nlohmann::json;

bool updates(const std::string &kind)
{
    return is(kind, OpKind::CloseTask) || is(kind, OpKind::RetractNote);
}

const char *sobject(const std::string &kind)
{
    if (is(kind, OpKind::UpsertPerson))
        return "Lead";
    if (is(kind, OpKind::CreateNote) || is(kind, OpKind::RetractNote))
        return "Note";
    return "Task";
}

// A string literal in SOQL: quotes and backslashes escaped.
std::string soqlLiteral(const std::string &value)
{
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

std::string soqlList(const std::vector<std::string> &values)
{
    std::string out;
    for (const auto &v : values)
        out += (out.empty() ? "" : ", ") + soqlLiteral(v);
    return "(" + out + ")";
}

// Salesforce's request-level error body: [{"message": ..., "errorCode": ...}].
std::string errorOf(const HttpResponse &r, std::string *code = nullptr)
{
    const auto body = util::parseUntrustedJson(r.body);
    const json first = body.is_array() && !body.empty() && body[0].is_object() ? body[0]
                       : body.is_object()                                      ? body
                                                                               : json::object();
    std::string errorCode = util::stringField(first, "errorCode");
    std::string message = util::stringField(first, "message");
    if (message.empty())
        message = r.body.substr(0, 200);
    if (code)
        *code = errorCode;
    return "Salesforce " + std::to_string(r.status) + (errorCode.empty() ? "" : " " + errorCode) +
           ": " + message;
}

// A record's refusal: {"statusCode": ..., "message": ..., "fields": [...]}.
DeliveryResult recordError(const json &errors)
{
    const json first =
        errors.is_array() && !errors.empty() && errors[0].is_object() ? errors[0] : json::object();
    const std::string code = util::stringField(first, "statusCode");
    std::string message = "Salesforce " + code + ": " + util::stringField(first, "message");
    // Locks and long-running requests pass; the record was not saved, so sending it again
    // is safe.
    const bool transient = code == "UNABLE_TO_LOCK_ROW" || code == "REQUEST_RUNNING_TOO_LONG";
    return {transient ? Outcome::Retry : Outcome::Permanent, {}, message, {}};
}

std::string externalIdOf(const Delivery &d)
{
    return util::stringField(d.payload, "external_id");
}

} // namespace

SalesforceConnector::SalesforceConnector(Config config) : m_config(std::move(config))
{
}

std::string SalesforceConnector::noteTitle(const Delivery &d)
{
    return "Baton brief #" + std::to_string(d.payload.value("brief_id", std::int64_t(0))) + " (" +
           externalIdOf(d) + ")";
}

std::optional<DeliveryResult> SalesforceConnector::refuse(const Delivery &d) const
{
    if (updates(d.kind) && d.personCrmId.empty())
        return DeliveryResult{Outcome::Permanent, {}, "what it undoes is not in Salesforce", {}};
    if (!is(d.kind, OpKind::UpsertPerson) && d.personCrmId.empty())
        return DeliveryResult{Outcome::Permanent, {}, "the lead was not created", {}};
    return std::nullopt;
}

HttpRequest SalesforceConnector::request(const std::string &method, const std::string &path,
                                         const json &body) const
{
    return bearerJsonRequest(method, m_config.instanceUrl + path, m_config.accessToken, body,
                             m_config.timeoutMs);
}

HttpRequest SalesforceConnector::query(const std::string &soql, bool all) const
{
    return request("GET",
                   dataPath() + (all ? "/queryAll" : "/query") + "?q=" + util::percentEncode(soql),
                   nullptr);
}

HttpRequest SalesforceConnector::build(const std::string &kind,
                                       const std::vector<Delivery> &batch) const
{
    json records = json::array();
    for (const auto &d : batch) {
        const auto &p = d.payload;
        json r = {{"attributes", {{"type", sobject(kind)}}}};
        if (is(kind, OpKind::UpsertPerson)) {
            r[m_config.leadExternalIdField] = util::stringField(p, "external_id");
            // LastName and Company are required on a Lead: what the brief lacks is said so,
            // rather than refused.
            const std::string last = util::stringField(p, "last_name");
            const std::string first = util::stringField(p, "first_name");
            r["LastName"] = !last.empty()    ? last
                            : !first.empty() ? first
                                             : std::string("[not provided]");
            if (!last.empty() && !first.empty())
                r["FirstName"] = first;
            r["Company"] = util::stringField(p, "company").empty()
                               ? std::string("[not provided]")
                               : util::stringField(p, "company");
            for (const auto &[ours, theirs] :
                 {std::pair{"email", "Email"}, std::pair{"job_title", "Title"},
                  std::pair{"country", "Country"}})
                if (!util::stringField(p, ours)
                         .empty()) // an empty string would clear what the CRM has
                    r[theirs] = util::stringField(p, ours);
            r["LeadSource"] = "Baton";
        } else if (is(kind, OpKind::CreateNote)) {
            r["ParentId"] = d.personCrmId;
            r["Title"] = noteTitle(d);
            r["Body"] = util::stringField(p, "body");
        } else if (is(kind, OpKind::CreateTask)) {
            r["WhoId"] = d.personCrmId;
            r["Subject"] = util::stringField(p, "subject").substr(0, 255);
            r["Description"] = util::stringField(p, "body");
            r["ActivityDate"] =
                util::stringField(p, "due").substr(0, 10); // a date, not a date-time
            r["Status"] = "Not Started";
            r["Priority"] = "High";
            r[m_config.taskExternalIdField] = util::stringField(p, "external_id");
            if (const auto owner =
                    m_config.ownerIds.find(util::lowercase(util::stringField(p, "owner")));
                owner != m_config.ownerIds.end())
                r["OwnerId"] = owner->second;
        } else if (is(kind, OpKind::CloseTask)) {
            r["id"] = d.personCrmId;
            r["Status"] = "Completed";
        } else { // retract_note
            r["id"] = d.personCrmId;
            r["Body"] = util::stringField(p, "body");
        }
        records.push_back(std::move(r));
    }
    const json body = {{"allOrNone", false}, {"records", records}};
    if (is(kind, OpKind::UpsertPerson))
        return request(
            "PATCH", dataPath() + "/composite/sobjects/Lead/" + m_config.leadExternalIdField, body);
    return request(updates(kind) ? "PATCH" : "POST", dataPath() + "/composite/sobjects", body);
}

std::optional<DeliveryResult> SalesforceConnector::classify(const HttpResponse &r,
                                                            bool creates) const
{
    if (r.status == 0)
        return noAnswer(r, "Salesforce");
    if (r.status >= 200 && r.status < 300)
        return std::nullopt;
    std::string code;
    const std::string error = errorOf(r, &code);
    if (code == "REQUEST_LIMIT_EXCEEDED" || r.status == 429) {
        DeliveryResult out{
            Outcome::Retry, {}, error, util::parseRetryAfter(r.header("Retry-After"))};
        // The org's rolling 24-hour allowance does not come back in seconds; a concurrency
        // limit does, and the backoff handles it.
        if (error.find("TotalRequests") != std::string::npos)
            out.retryAfter = m_config.dailyLimitWait;
        return out;
    }
    if (r.status >= 500)
        return DeliveryResult{creates ? Outcome::Unknown : Outcome::Retry, {}, error, {}};
    return DeliveryResult{Outcome::Permanent, {}, error, {}};
}

std::vector<DeliveryResult> SalesforceConnector::read(const std::string &kind,
                                                      const std::vector<Delivery> &batch,
                                                      const HttpResponse &response) const
{
    if (const auto whole = classify(response, !idempotent(kind)))
        return std::vector<DeliveryResult>(batch.size(), *whole);
    // One result per record, in the order sent.
    const auto body = util::parseUntrustedJson(response.body);
    if (!body.is_array() || body.size() != batch.size()) {
        const DeliveryResult unclear{idempotent(kind) ? Outcome::Retry : Outcome::Unknown,
                                     {},
                                     "Salesforce's answer did not list every record",
                                     {}};
        return std::vector<DeliveryResult>(batch.size(), unclear);
    }
    std::vector<DeliveryResult> out;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto &res = body[i];
        if (res.is_object() && res.value("success", false) && !util::stringField(res, "id").empty())
            out.push_back({Outcome::Done, util::stringField(res, "id"), {}, {}});
        else if (res.is_object())
            out.push_back(recordError(res.value("errors", json::array())));
        else
            out.push_back({Outcome::Unknown, {}, "Salesforce's answer is not a record", {}});
    }
    return out;
}

HttpRequest SalesforceConnector::lookup(const std::string &kind,
                                        const std::vector<Delivery> &batch) const
{
    std::vector<std::string> values;
    for (const auto &d : batch)
        values.push_back(is(kind, OpKind::CreateNote) ? noteTitle(d) : externalIdOf(d));
    if (is(kind, OpKind::CreateNote))
        return query("SELECT Id, Title FROM Note WHERE Title IN " + soqlList(values), true);
    if (is(kind, OpKind::UpsertPerson))
        return query("SELECT Id, " + m_config.leadExternalIdField + " FROM Lead WHERE " +
                         m_config.leadExternalIdField + " IN " + soqlList(values),
                     true);
    return query("SELECT Id, " + m_config.taskExternalIdField + " FROM Task WHERE " +
                     m_config.taskExternalIdField + " IN " + soqlList(values),
                 true);
}

std::vector<DeliveryResult> SalesforceConnector::readLookup(const std::string &kind,
                                                            const std::vector<Delivery> &batch,
                                                            const HttpResponse &response) const
{
    if (auto whole = classify(response, false)) {
        if (whole->outcome != Outcome::Permanent)
            whole->outcome = Outcome::Unknown; // a query changes nothing: ask again
        return std::vector<DeliveryResult>(batch.size(), *whole);
    }
    const std::string field = is(kind, OpKind::CreateNote)     ? "Title"
                              : is(kind, OpKind::UpsertPerson) ? m_config.leadExternalIdField
                                                               : m_config.taskExternalIdField;
    std::map<std::string, std::string> found;
    const auto body = util::parseUntrustedJson(response.body);
    if (body.is_object())
        for (const auto &rec : body.value("records", json::array()))
            if (rec.is_object())
                found[util::stringField(rec, field.c_str())] = util::stringField(rec, "Id");
    std::vector<DeliveryResult> out;
    for (const auto &d : batch) {
        const std::string key = is(kind, OpKind::CreateNote) ? noteTitle(d) : externalIdOf(d);
        if (const auto it = found.find(key); it != found.end() && !it->second.empty())
            out.push_back({Outcome::Done, it->second, {}, {}});
        else
            out.push_back({Outcome::Retry, {}, "not in Salesforce: sending it", {}});
    }
    return out;
}

std::optional<HttpRequest> SalesforceConnector::refreshRequest() const
{
    if (m_config.refreshToken.empty())
        return std::nullopt;
    return refreshTokenRequest(m_config.loginUrl + "/services/oauth2/token", m_config.clientId,
                               m_config.clientSecret, m_config.refreshToken, m_config.timeoutMs);
}

std::string SalesforceConnector::acceptRefresh(const HttpResponse &response)
{
    const auto body = util::parseUntrustedJson(response.body);
    if (response.status == 200 && body.is_object() &&
        !util::stringField(body, "access_token").empty()) {
        // Every later request carries the token to instance_url: an answer naming a plain
        // http (or unparsable) instance is refused, whoever wrote it.
        const auto instance = util::stringField(body, "instance_url");
        if (!instance.empty() && !util::isSecureOrLoopback(instance))
            return "Salesforce's token answer names an instance_url that is not https: " +
                   instance.substr(0, 200);
        m_config.accessToken = util::stringField(body, "access_token");
        if (!instance.empty())
            m_config.instanceUrl = instance;
        return {};
    }
    if (response.status == 0)
        return "no answer from Salesforce's token endpoint: " + response.error;
    // OAuth's error shape: {"error": "invalid_grant", "error_description": "..."}.
    if (body.is_object() && !util::stringField(body, "error").empty())
        return "Salesforce refused the refresh token: " + util::stringField(body, "error") + ": " +
               util::stringField(body, "error_description");
    return "Salesforce refused the refresh token: HTTP " + std::to_string(response.status);
}

std::optional<HttpRequest> SalesforceConnector::ownersQuery() const
{
    return query("SELECT Id, Email FROM User WHERE IsActive = true");
}

void SalesforceConnector::learnOwners(const HttpResponse &response)
{
    if (classify(response, false))
        return;
    const auto body = util::parseUntrustedJson(response.body);
    if (!body.is_object())
        return;
    for (const auto &rec : body.value("records", json::array()))
        if (rec.is_object() && !util::stringField(rec, "Email").empty())
            m_config.ownerIds[util::lowercase(util::stringField(rec, "Email"))] =
                util::stringField(rec, "Id");
}

std::optional<HttpRequest>
SalesforceConnector::outcomesRequest(const std::vector<std::string> &ids) const
{
    return query("SELECT Id, Status, IsConverted, ConvertedOpportunityId FROM Lead WHERE Id IN " +
                 soqlList(ids));
}

std::vector<PersonOutcome> SalesforceConnector::readOutcomes(const HttpResponse &response) const
{
    std::vector<PersonOutcome> out;
    const auto body = util::parseUntrustedJson(response.body);
    if (classify(response, false) || !body.is_object())
        return out;
    for (const auto &rec : body.value("records", json::array())) {
        if (!rec.is_object())
            continue;
        const bool converted = rec.value("IsConverted", false);
        const bool opportunity = !util::stringField(rec, "ConvertedOpportunityId").empty();
        out.push_back({util::stringField(rec, "Id"), converted ? "converted" : "open",
                       util::stringField(rec, "Status"), opportunity});
    }
    return out;
}

} // namespace baton::crm
