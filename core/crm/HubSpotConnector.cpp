#include "crm/HubSpotConnector.h"

#include "util/Backoff.h"
#include "util/JsonParse.h"
#include "util/Text.h"
#include "util/UntrustedText.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace baton::crm {

namespace {

using Outcome = DeliveryResult::Outcome;

const char *objectPath(const std::string &kind)
{
    if (is(kind, OpKind::UpsertPerson))
        return "contacts";
    if (is(kind, OpKind::CreateNote) || is(kind, OpKind::RetractNote))
        return "notes";
    return "tasks";
}

// Compensations change an object Baton made: found by its CRM id, not by a property.
bool updates(const std::string &kind)
{
    return is(kind, OpKind::CloseTask) || is(kind, OpKind::RetractNote);
}

// The property a delivery is found by: contacts by email, notes and tasks by Baton's id.
std::string matchProperty(const std::string &kind)
{
    return is(kind, OpKind::UpsertPerson) ? "email" : "baton_external_id";
}

std::string matchValue(const Delivery &d)
{
    if (updates(d.kind))
        return d.personCrmId;
    return is(d.kind, OpKind::UpsertPerson) ? util::lowercase(d.payload.value("email", ""))
                                            : d.payload.value("external_id", "");
}

// HubSpot's error body: {"status":"error","message":...,"category":...,"correlationId":...}.
std::string errorOf(const HttpResponse &r)
{
    const auto body = util::parseUntrustedJson(r.body);
    std::string message = body.is_object() ? util::stringField(body, "message") : std::string();
    const std::string category =
        body.is_object() ? util::stringField(body, "category") : std::string();
    if (message.empty())
        message = r.body.substr(0, 200);
    return "HubSpot " + std::to_string(r.status) + (category.empty() ? "" : " " + category) + ": " +
           message;
}

nlohmann::json association(const std::string &personId, int type)
{
    return nlohmann::json::array(
        {{{"to", {{"id", personId}}},
          {"types", nlohmann::json::array({{{"associationCategory", "HUBSPOT_DEFINED"},
                                            {"associationTypeId", type}}})}}});
}

} // namespace

HubSpotConnector::HubSpotConnector(Config config) : m_config(std::move(config))
{
}

std::size_t HubSpotConnector::batchLimit(const std::string &) const
{
    return 100; // batch upsert, batch create and search all take up to 100 inputs
}

std::optional<DeliveryResult> HubSpotConnector::refuse(const Delivery &d) const
{
    if (is(d.kind, OpKind::UpsertPerson) && util::stringField(d.payload, "email").empty())
        return DeliveryResult{Outcome::Permanent,
                              {},
                              "HubSpot matches contacts by email, and this lead has none",
                              {}};
    if (updates(d.kind) && d.personCrmId.empty())
        return DeliveryResult{Outcome::Permanent, {}, "what it undoes is not in HubSpot", {}};
    if (!is(d.kind, OpKind::UpsertPerson) && d.personCrmId.empty())
        return DeliveryResult{Outcome::Permanent, {}, "the contact was not created", {}};
    return std::nullopt;
}

HttpRequest HubSpotConnector::request(const std::string &method, const std::string &path,
                                      const nlohmann::json &body) const
{
    return bearerJsonRequest(method, m_config.baseUrl + path, m_config.accessToken, body,
                             m_config.timeoutMs);
}

std::optional<HttpRequest> HubSpotConnector::refreshRequest() const
{
    if (m_config.refreshToken.empty())
        return std::nullopt;
    return refreshTokenRequest(m_config.baseUrl + "/oauth/v1/token", m_config.clientId,
                               m_config.clientSecret, m_config.refreshToken, m_config.timeoutMs);
}

std::string HubSpotConnector::acceptRefresh(const HttpResponse &response)
{
    const auto body = util::parseUntrustedJson(response.body);
    if (response.status == 200 && body.is_object() &&
        !util::stringField(body, "access_token").empty()) {
        m_config.accessToken = util::stringField(body, "access_token");
        if (!util::stringField(body, "refresh_token").empty())
            m_config.refreshToken = util::stringField(body, "refresh_token");
        return {};
    }
    if (response.status == 0)
        return "no answer from HubSpot's token endpoint: " + response.error;
    return "HubSpot refused the refresh token: " + errorOf(response);
}

namespace {

// HubSpot shows note and task bodies as HTML. Baton's bodies are plain text (generated
// sentences among them): escaped, so markup shows as the characters it is, and each line
// break kept as one.
std::string htmlBody(const std::string &plain)
{
    std::string out;
    for (const char c : util::htmlEscape(plain))
        out += c == '\n' ? std::string("<br>") : std::string(1, c);
    return out;
}

} // namespace

HttpRequest HubSpotConnector::build(const std::string &kind,
                                    const std::vector<Delivery> &batch) const
{
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto &d : batch) {
        const auto &p = d.payload;
        if (is(kind, OpKind::CloseTask)) {
            inputs.push_back(
                {{"id", d.personCrmId}, {"properties", {{"hs_task_status", "COMPLETED"}}}});
        } else if (is(kind, OpKind::RetractNote)) {
            inputs.push_back(
                {{"id", d.personCrmId},
                 {"properties", {{"hs_note_body", htmlBody(util::stringField(p, "body"))}}}});
        } else if (is(kind, OpKind::UpsertPerson)) {
            nlohmann::json props = {{"email", util::stringField(p, "email")},
                                    {"baton_lead_id", util::stringField(p, "external_id")}};
            for (const auto &[ours, theirs] :
                 {std::pair{"first_name", "firstname"}, std::pair{"last_name", "lastname"},
                  std::pair{"company", "company"}, std::pair{"job_title", "jobtitle"},
                  std::pair{"country", "country"}})
                if (!util::stringField(p, ours)
                         .empty()) // an empty string would clear what the CRM has
                    props[theirs] = util::stringField(p, ours);
            inputs.push_back({{"idProperty", "email"},
                              {"id", util::stringField(p, "email")},
                              {"properties", props}});
        } else if (is(kind, OpKind::CreateNote)) {
            inputs.push_back({{"properties",
                               {{"hs_timestamp", util::stringField(p, "timestamp")},
                                {"hs_note_body", htmlBody(util::stringField(p, "body"))},
                                {"baton_external_id", util::stringField(p, "external_id")}}},
                              {"associations", association(d.personCrmId, 202)}});
        } else {
            nlohmann::json props = {{"hs_timestamp", util::stringField(p, "due")},
                                    {"hs_task_subject", util::stringField(p, "subject")},
                                    {"hs_task_body", htmlBody(util::stringField(p, "body"))},
                                    {"hs_task_status", "NOT_STARTED"},
                                    {"hs_task_priority", "HIGH"},
                                    {"hs_task_type", "TODO"},
                                    {"baton_external_id", util::stringField(p, "external_id")}};
            if (const auto owner =
                    m_config.ownerIds.find(util::lowercase(util::stringField(p, "owner")));
                owner != m_config.ownerIds.end())
                props["hubspot_owner_id"] = owner->second;
            inputs.push_back(
                {{"properties", props}, {"associations", association(d.personCrmId, 204)}});
        }
    }
    const std::string verb = is(kind, OpKind::UpsertPerson) ? "upsert"
                             : updates(kind)                ? "update"
                                                            : "create";
    return request("POST", "/crm/v3/objects/" + std::string(objectPath(kind)) + "/batch/" + verb,
                   {{"inputs", inputs}});
}

std::optional<DeliveryResult> HubSpotConnector::classify(const HttpResponse &r, bool creates)
{
    if (r.status == 0)
        return noAnswer(r, "HubSpot");
    if (r.status >= 200 && r.status < 300)
        return std::nullopt;
    if (r.status == 429) {
        DeliveryResult out{
            Outcome::Retry, {}, errorOf(r), util::parseRetryAfter(r.header("Retry-After"))};
        const auto body = util::parseUntrustedJson(r.body);
        if (body.is_object() && util::stringField(body, "policyName") == "DAILY")
            out.retryAfter = std::chrono::hours(1); // the day's allowance is gone
        else if (!out.retryAfter) {
            const auto interval = r.header("X-HubSpot-RateLimit-Interval-Milliseconds");
            long long ms = 0;
            const auto [end, ec] =
                std::from_chars(interval.data(), interval.data() + interval.size(), ms);
            if (!interval.empty() && ec == std::errc() &&
                end == interval.data() + interval.size() && ms >= 0)
                out.retryAfter = std::min<std::chrono::milliseconds>(
                    std::chrono::milliseconds(ms / 10), util::kMaxRetryAfter);
        }
        return out;
    }
    if (r.status >= 500)
        // A create that failed at the gateway may have happened: look before sending again.
        // An upsert by email is safe to repeat.
        return DeliveryResult{creates ? Outcome::Unknown : Outcome::Retry, {}, errorOf(r), {}};
    return DeliveryResult{Outcome::Permanent, {}, errorOf(r), {}};
}

std::vector<DeliveryResult> HubSpotConnector::read(const std::string &kind,
                                                   const std::vector<Delivery> &batch,
                                                   const HttpResponse &response) const
{
    if (const auto whole = classify(response, !idempotent(kind)))
        return std::vector<DeliveryResult>(batch.size(), *whole);
    // 200/201, or 207 multi-status: results carry the objects made, errors the refusals
    // (with the inputs' ids in context.ids for upserts).
    const auto body = util::parseUntrustedJson(response.body);
    std::map<std::string, std::string> made;
    std::map<std::string, std::string> refused;
    const std::string match = matchProperty(kind);
    if (body.is_object()) {
        for (const auto &res : body.value("results", nlohmann::json::array()))
            if (res.is_object() && res.contains("properties"))
                made[updates(kind)
                         ? util::stringField(res, "id")
                         : util::lowercase(util::stringField(res["properties"], match.c_str()))] =
                    util::stringField(res, "id");
        for (const auto &err : body.value("errors", nlohmann::json::array())) {
            if (!err.is_object())
                continue;
            const std::string message = "HubSpot " + util::stringField(err, "category") + ": " +
                                        util::stringField(err, "message");
            const auto &ids = err.value("context", nlohmann::json::object())
                                  .value("ids", nlohmann::json::array());
            for (const auto &id : ids)
                if (id.is_string())
                    refused[util::lowercase(id.get<std::string>())] = message;
        }
    }
    std::vector<DeliveryResult> out;
    for (const auto &d : batch) {
        const std::string key = util::lowercase(matchValue(d));
        if (const auto it = made.find(key); it != made.end() && !it->second.empty())
            out.push_back({Outcome::Done, it->second, {}, {}});
        else if (const auto bad = refused.find(key); bad != refused.end())
            out.push_back({Outcome::Permanent, {}, bad->second, {}});
        else // answered, but not about this one: find out before sending it again
            out.push_back({Outcome::Unknown, {}, "HubSpot's answer did not mention it", {}});
    }
    return out;
}

HttpRequest HubSpotConnector::lookup(const std::string &kind,
                                     const std::vector<Delivery> &batch) const
{
    nlohmann::json values = nlohmann::json::array();
    for (const auto &d : batch)
        values.push_back(matchValue(d));
    const std::string match = matchProperty(kind);
    return request(
        "POST", "/crm/v3/objects/" + std::string(objectPath(kind)) + "/search",
        {{"filterGroups",
          nlohmann::json::array({{{"filters", nlohmann::json::array({{{"propertyName", match},
                                                                      {"operator", "IN"},
                                                                      {"values", values}}})}}})},
         {"properties", nlohmann::json::array({match})},
         {"limit", 100}});
}

std::vector<DeliveryResult> HubSpotConnector::readLookup(const std::string &kind,
                                                         const std::vector<Delivery> &batch,
                                                         const HttpResponse &response) const
{
    if (auto whole = classify(response, false)) {
        // A lookup changes nothing: whatever went wrong, it can simply be asked again.
        if (whole->outcome != Outcome::Permanent)
            whole->outcome = Outcome::Unknown;
        return std::vector<DeliveryResult>(batch.size(), *whole);
    }
    const auto body = util::parseUntrustedJson(response.body);
    std::map<std::string, std::string> found;
    const std::string match = matchProperty(kind);
    if (body.is_object())
        for (const auto &res : body.value("results", nlohmann::json::array()))
            if (res.is_object() && res.contains("properties"))
                found[util::lowercase(util::stringField(res["properties"], match.c_str()))] =
                    util::stringField(res, "id");
    std::vector<DeliveryResult> out;
    for (const auto &d : batch) {
        if (const auto it = found.find(util::lowercase(matchValue(d))); it != found.end())
            out.push_back({Outcome::Done, it->second, {}, {}});
        else
            out.push_back({Outcome::Retry, {}, "not in HubSpot: sending it", {}});
    }
    return out;
}

HttpRequest HubSpotConnector::readContacts(const std::vector<std::string> &ids) const
{
    nlohmann::json inputs = nlohmann::json::array();
    for (const auto &id : ids)
        inputs.push_back({{"id", id}});
    return request("POST", "/crm/v3/objects/contacts/batch/read",
                   {{"properties", nlohmann::json::array({"lifecyclestage", "hs_lead_status"})},
                    {"inputs", inputs}});
}

std::vector<HubSpotConnector::ContactOutcome>
HubSpotConnector::readContactsAnswer(const HttpResponse &response)
{
    std::vector<ContactOutcome> out;
    if (response.status != 200 && response.status != 207)
        return out;
    const auto body = util::parseUntrustedJson(response.body);
    if (!body.is_object())
        return out;
    for (const auto &res : body.value("results", nlohmann::json::array())) {
        if (!res.is_object())
            continue;
        const auto props = res.value("properties", nlohmann::json::object());
        out.push_back({util::stringField(res, "id"), util::stringField(props, "lifecyclestage"),
                       util::stringField(props, "hs_lead_status")});
    }
    return out;
}

std::vector<PersonOutcome> HubSpotConnector::readOutcomes(const HttpResponse &response) const
{
    std::vector<PersonOutcome> out;
    for (const auto &c : readContactsAnswer(response)) {
        // HubSpot's default lifecycle stages from the opportunity on.
        const bool opportunity = c.lifecycleStage == "opportunity" ||
                                 c.lifecycleStage == "customer" || c.lifecycleStage == "evangelist";
        out.push_back({c.crmId, c.lifecycleStage, c.leadStatus, opportunity});
    }
    return out;
}

HttpRequest HubSpotConnector::ownersRequest() const
{
    auto r = request("GET", "/crm/v3/owners?limit=500", nullptr);
    return r;
}

std::map<std::string, std::string> HubSpotConnector::readOwners(const HttpResponse &response)
{
    std::map<std::string, std::string> out;
    if (response.status != 200)
        return out;
    const auto body = util::parseUntrustedJson(response.body);
    if (!body.is_object())
        return out;
    for (const auto &o : body.value("results", nlohmann::json::array()))
        if (o.is_object() && !util::stringField(o, "email").empty())
            out[util::lowercase(util::stringField(o, "email"))] = util::stringField(o, "id");
    return out;
}

} // namespace baton::crm
