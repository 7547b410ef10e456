#include "sandbox/CrmSandbox.h"

#include "crm/WebhookConnector.h"
#include "util/Text.h"

#include <QEventLoop>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <deque>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

namespace baton::app {

namespace {

using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

using Reply = SandboxReply;

// Which API a path belongs to: faults and limits answer in its shape.
enum class Dialect
{
    HubSpot,
    Salesforce,
    Webhook,
    Collector // where lineage and traces go: Marquez's /api/v1/lineage, OTLP/HTTP's /v1/traces
};

Dialect dialectOf(const std::string &path)
{
    if (path.rfind("/services/", 0) == 0)
        return Dialect::Salesforce;
    if (path == "/webhook")
        return Dialect::Webhook;
    if (path == "/api/v1/lineage" || path == "/v1/traces")
        return Dialect::Collector;
    return Dialect::HubSpot;
}

json error(const std::string &category, const std::string &message)
{
    return {{"status", "error"},
            {"message", message},
            {"correlationId", "9a3e8b1c-0000-4000-8000-sandbox"},
            {"category", category}};
}

std::string isoNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
}

} // namespace

struct CrmSandbox::State
{
    struct Engagement
    {
        std::string id;
        json properties;
        std::string contactId;
    };

    mutable std::mutex mutex;
    CrmSandboxConfig config;
    std::mt19937 rng{1};
    std::deque<Clock::time_point> window;
    long long nextId = 1001;
    std::map<std::string, std::pair<std::string, json>> contacts; // email -> (id, properties)
    std::vector<Engagement> notes, tasks;
    int requests = 0, rateLimited = 0, faults = 0;
    SalesforceSandboxApi salesforce;
    std::string baseUrl;
    std::set<std::string> webhookIds;
    int webhookRedeliveries = 0, webhookBadSignatures = 0, webhookRetractions = 0;
    int lineageEvents = 0, traceRequests = 0, traceSpans = 0;

    // Marquez answers 201 to a RunEvent; an OTLP/HTTP collector 200 with partialSuccess.
    Reply collect(const std::string &path, const std::string &body)
    {
        const auto parsed = json::parse(body, nullptr, false);
        if (path == "/api/v1/lineage") {
            if (!parsed.is_object() || !parsed.contains("eventTime") || !parsed.contains("run") ||
                !parsed["run"].contains("runId"))
                return {422, {{"code", 422}, {"message", "not a RunEvent"}}, {}};
            ++lineageEvents;
            return {201, json::object(), {}};
        }
        if (!parsed.is_object() || !parsed.contains("resourceSpans"))
            return {400, {{"code", 3}, {"message", "no resourceSpans"}}, {}};
        ++traceRequests;
        for (const auto &rs : parsed["resourceSpans"])
            for (const auto &ss : rs.value("scopeSpans", json::array()))
                traceSpans += static_cast<int>(ss.value("spans", json::array()).size());
        return {200, {{"partialSuccess", json::object()}}, {}};
    }

    // A webhook delivery: the signature checked over the exact body, the id remembered.
    Reply receiveWebhook(const std::string &signature, const std::string &body)
    {
        if (signature != crm::WebhookConnector::signature(config.webhookSecret, body)) {
            ++webhookBadSignatures;
            return {401, {{"error", "signature does not match"}}, {}};
        }
        const auto parsed = json::parse(body, nullptr, false);
        if (!parsed.is_object() || !parsed.contains("delivery_id"))
            return {400, {{"error", "no delivery_id"}}, {}};
        const std::string id = parsed.value("delivery_id", "");
        if (!webhookIds.insert(id).second)
            ++webhookRedeliveries;
        else if (parsed.value("event", "") == "brief.retracted")
            ++webhookRetractions;
        return {200, {{"received", id}}, {}};
    }

    // What a fault looks like in each API.
    Reply serverError(Dialect dialect) const
    {
        const bool odd = requests % 2;
        if (dialect == Dialect::Salesforce)
            return odd ? SalesforceSandboxApi::error(500, "UNKNOWN_EXCEPTION",
                                                     "An unexpected error occurred. Please "
                                                     "include this ErrorId if you contact "
                                                     "support: 1234567-89 (-1234567)")
                       : SalesforceSandboxApi::error(503, "SERVER_UNAVAILABLE",
                                                     "Server temporarily unavailable");
        if (dialect == Dialect::Webhook)
            return {odd ? 500 : 502, {{"error", "upstream failed"}}, {}};
        return {odd ? 500 : 503, error("INTERNAL_ERROR", "internal error, please retry"), {}};
    }

    Reply limited(Dialect dialect, bool retryAfter) const
    {
        if (dialect == Dialect::Salesforce)
            return SalesforceSandboxApi::error(403, "REQUEST_LIMIT_EXCEEDED",
                                               "ConcurrentPerOrgLongTxn Limit exceeded.");
        if (dialect == Dialect::Webhook) {
            Reply r{429, {{"error", "slow down"}}, {}};
            if (retryAfter)
                r.headers.emplace_back("Retry-After", "1");
            return r;
        }
        return rateLimitReply(retryAfter);
    }

    std::string newId() { return std::to_string(nextId++); }

    std::vector<std::pair<QByteArray, QByteArray>> limitHeaders() const
    {
        const int remaining = std::max(0, config.rateLimit - static_cast<int>(window.size()));
        return {{"X-HubSpot-RateLimit-Max", QByteArray::number(config.rateLimit)},
                {"X-HubSpot-RateLimit-Remaining", QByteArray::number(remaining)},
                {"X-HubSpot-RateLimit-Interval-Milliseconds", QByteArray::number(config.windowMs)}};
    }

    Reply rateLimitReply(bool retryAfter) const
    {
        Reply r{429,
                {{"status", "error"},
                 {"message", "You have reached your ten_secondly_rolling limit."},
                 {"errorType", "RATE_LIMIT"},
                 {"correlationId", "9a3e8b1c-0000-4000-8000-sandbox"},
                 {"policyName", "TEN_SECONDLY_ROLLING"},
                 {"groupName", "publicapi:private-app:sandbox"}},
                limitHeaders()};
        if (retryAfter)
            r.headers.emplace_back("Retry-After", "1");
        return r;
    }

    Reply upsertContacts(const json &body)
    {
        const auto &inputs = body.value("inputs", json::array());
        for (const auto &in : inputs)
            if (in.value("idProperty", "") != "email" ||
                util::lowercase(in.value("id", "")).find('@') == std::string::npos)
                return {400,
                        error("VALIDATION_ERROR", "Property values were not valid: email '" +
                                                      in.value("id", "") +
                                                      "' is not a valid email address"),
                        {}};
        json results = json::array();
        for (const auto &in : inputs) {
            const std::string email = util::lowercase(in["id"].get<std::string>());
            auto it = contacts.find(email);
            const bool created = it == contacts.end();
            if (created)
                it = contacts.emplace(email, std::pair{newId(), json::object()}).first;
            const json properties = in.value("properties", json::object());
            for (const auto &[k, v] : properties.items())
                it->second.second[k] = v;
            it->second.second["email"] = email;
            results.push_back({{"id", it->second.first},
                               {"properties", it->second.second},
                               {"createdAt", isoNow()},
                               {"updatedAt", isoNow()},
                               {"archived", false},
                               {"new", created}});
        }
        return {200,
                {{"status", "COMPLETE"},
                 {"results", results},
                 {"startedAt", isoNow()},
                 {"completedAt", isoNow()}},
                {}};
    }

    Reply createEngagements(const std::string &object, const json &body)
    {
        const int type = object == "notes" ? 202 : 204;
        const auto &inputs = body.value("inputs", json::array());
        std::set<std::string> contactIds;
        for (const auto &[email, c] : contacts)
            contactIds.insert(c.first);
        // Checked first: HubSpot refuses a batch create as a whole.
        for (const auto &in : inputs) {
            bool associated = false;
            for (const auto &a : in.value("associations", json::array())) {
                const std::string to = a.value("to", json::object()).value("id", "");
                for (const auto &t : a.value("types", json::array()))
                    associated =
                        associated || (t.value("associationTypeId", 0) == type &&
                                       t.value("associationCategory", "") == "HUBSPOT_DEFINED" &&
                                       contactIds.count(to));
            }
            if (!associated)
                return {400,
                        error("VALIDATION_ERROR",
                              "One or more associations are invalid: expected association "
                              "type " +
                                  std::to_string(type) + " to an existing contact"),
                        {}};
            if (!in.value("properties", json::object()).contains("hs_timestamp"))
                return {400,
                        error("VALIDATION_ERROR", "Property values were not valid: "
                                                  "hs_timestamp is required"),
                        {}};
        }
        auto &list = object == "notes" ? notes : tasks;
        json results = json::array();
        for (const auto &in : inputs) {
            Engagement e{newId(), in["properties"],
                         in["associations"][0]["to"]["id"].get<std::string>()};
            results.push_back({{"id", e.id},
                               {"properties", e.properties},
                               {"createdAt", isoNow()},
                               {"archived", false}});
            list.push_back(std::move(e));
        }
        return {201,
                {{"status", "COMPLETE"},
                 {"results", results},
                 {"startedAt", isoNow()},
                 {"completedAt", isoNow()}},
                {}};
    }

    // Batch update of notes or tasks by id: 200 with what was updated, or 207 naming the ids
    // HubSpot does not have.
    Reply updateEngagements(const std::string &object, const json &body)
    {
        auto &list = object == "notes" ? notes : tasks;
        json results = json::array(), errors = json::array();
        for (const auto &in : body.value("inputs", json::array())) {
            const std::string id = in.value("id", "");
            auto it = std::find_if(list.begin(), list.end(),
                                   [&](const Engagement &e) { return e.id == id; });
            if (it == list.end()) {
                errors.push_back({{"status", "error"},
                                  {"category", "OBJECT_NOT_FOUND"},
                                  {"message", "Could not get some " + object + " objects"},
                                  {"context", {{"ids", json::array({id})}}}});
                continue;
            }
            const json properties = in.value("properties", json::object());
            for (const auto &[k, v] : properties.items())
                it->properties[k] = v;
            results.push_back({{"id", it->id}, {"properties", it->properties}});
        }
        json reply = {{"status", "COMPLETE"}, {"results", results}};
        if (!errors.empty()) {
            reply["errors"] = errors;
            reply["numErrors"] = errors.size();
        }
        return {errors.empty() ? 200 : 207, reply, {}};
    }

    // Contacts by id, with the properties asked for (HubSpot sets lifecyclestage "lead" on
    // creation unless told otherwise).
    Reply readContacts(const json &body)
    {
        json results = json::array();
        const auto wanted = body.value("properties", json::array());
        for (const auto &in : body.value("inputs", json::array())) {
            const std::string id = in.value("id", "");
            for (const auto &[email, c] : contacts) {
                if (c.first != id)
                    continue;
                json properties = {{"hs_object_id", id}};
                for (const auto &p : wanted) {
                    const std::string name = p.get<std::string>();
                    properties[name] = c.second.contains(name)
                                           ? c.second[name]
                                           : (name == "lifecyclestage" ? json("lead") : json());
                }
                results.push_back({{"id", id}, {"properties", properties}});
            }
        }
        return {200, {{"status", "COMPLETE"}, {"results", results}}, {}};
    }

    Reply search(const std::string &object, const json &body)
    {
        const auto &groups = body.value("filterGroups", json::array());
        if (groups.empty() || groups[0].value("filters", json::array()).empty())
            return {400, error("VALIDATION_ERROR", "filterGroups needs a filter"), {}};
        const auto &f = groups[0]["filters"][0];
        const std::string property = f.value("propertyName", "");
        std::set<std::string> values;
        for (const auto &v : f.value("values", json::array()))
            values.insert(property == "email" ? util::lowercase(v.get<std::string>())
                                              : v.get<std::string>());
        json results = json::array();
        if (object == "contacts") {
            for (const auto &[email, c] : contacts)
                if (values.count(util::lowercase(c.second.value(property, ""))))
                    results.push_back({{"id", c.first}, {"properties", c.second}});
        } else {
            for (const auto &e : object == "notes" ? notes : tasks)
                if (values.count(e.properties.value(property, "")))
                    results.push_back({{"id", e.id}, {"properties", e.properties}});
        }
        return {200, {{"total", results.size()}, {"results", results}}, {}};
    }

    // The refusal a request meets before anything else, with the mutex held: HubSpot's
    // without a bearer token, or over the sliding window's limit.
    std::optional<Reply> refuse(Dialect dialect, const QByteArray &authorization)
    {
        if (dialect == Dialect::HubSpot &&
            (!authorization.startsWith("Bearer ") || authorization.size() <= 7))
            return Reply{401,
                         error("INVALID_AUTHENTICATION",
                               "Authentication credentials not found. This API supports OAuth "
                               "2.0 authentication and you can find more details at "
                               "https://developers.hubspot.com/docs/methods/auth/oauth-overview"),
                         {}};
        const auto now = Clock::now();
        const auto windowLength = std::chrono::milliseconds(config.windowMs);
        while (!window.empty() && now - window.front() >= windowLength)
            window.pop_front();
        if (dialect == Dialect::HubSpot) {
            if (static_cast<int>(window.size()) >= config.rateLimit) {
                ++rateLimited;
                return rateLimitReply(false);
            }
            window.push_back(now);
        }
        return std::nullopt;
    }

    // A fault for this request, drawn at the configured rate (seeded: the same run draws the
    // same faults).
    std::optional<CrmFault> drawFault()
    {
        if (!config.faults.empty() && config.faultRate > 0 &&
            std::uniform_real_distribution<double>(0, 1)(rng) < config.faultRate) {
            const CrmFault fault = config.faults[std::uniform_int_distribution<std::size_t>(
                0, config.faults.size() - 1)(rng)];
            ++faults;
            return fault;
        }
        return std::nullopt;
    }

    Reply answer(Dialect dialect, const std::string &method, const std::string &path,
                 const QHttpServerRequest &request)
    {
        switch (dialect) {
        case Dialect::Salesforce:
            return answerSalesforce(method, path, request);
        case Dialect::Collector:
            return collect(path, request.body().toStdString());
        case Dialect::Webhook:
            return receiveWebhook(request.value("X-Baton-Signature-256").toStdString(),
                                  request.body().toStdString());
        case Dialect::HubSpot:
            break;
        }
        return answerHubSpot(method, path, request.body());
    }

    Reply answerSalesforce(const std::string &method, const std::string &path,
                           const QHttpServerRequest &request)
    {
        try {
            return salesforce.handle(method, path, request.value("Authorization").toStdString(),
                                     request.query()
                                         .queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded)
                                         .toStdString(),
                                     request.body().toStdString());
        } catch (const std::exception &e) {
            return SalesforceSandboxApi::error(400, "MALFORMED_QUERY", e.what());
        }
    }

    // Every HubSpot answer carries the rate-limit headers, as HubSpot's do.
    Reply answerHubSpot(const std::string &method, const std::string &path,
                        const QByteArray &requestBody)
    {
        const json body =
            requestBody.isEmpty() ? json() : json::parse(requestBody.toStdString(), nullptr, false);
        Reply reply;
        try {
            reply = body.is_discarded()
                        ? Reply{400, error("VALIDATION_ERROR", "Invalid input JSON"), {}}
                        : handle(method, path, body);
        } catch (const std::exception &e) { // a shape the sandbox did not expect
            reply = {400, error("VALIDATION_ERROR", e.what()), {}};
        }
        auto limits = limitHeaders();
        reply.headers.insert(reply.headers.end(), limits.begin(), limits.end());
        return reply;
    }

    // Salesforce's users default to the owners; its token answer names the instance to call:
    // this server.
    void configureSalesforce()
    {
        auto sf = config.salesforce;
        if (sf.users.isEmpty())
            sf.users = config.owners;
        salesforce.setConfig(sf, baseUrl);
    }

    Reply handle(const std::string &method, const std::string &path, const json &body)
    {
        const auto objectOf = [&](const std::string &prefix) {
            const auto rest = path.substr(prefix.size());
            return rest.substr(0, rest.find('/'));
        };
        const std::string objects = "/crm/v3/objects/";
        if (method == "GET" && path.rfind("/crm/v3/owners", 0) == 0) {
            json results = json::array();
            int id = 31;
            for (const auto &email : config.owners)
                results.push_back({{"id", std::to_string(id++)},
                                   {"email", email.toStdString()},
                                   {"type", "PERSON"}});
            return {200, {{"results", results}}, {}};
        }
        if (method == "POST" && path.rfind(objects, 0) == 0) {
            const std::string object = objectOf(objects);
            const std::string tail = path.substr(objects.size() + object.size());
            if (object == "contacts" && tail == "/batch/upsert")
                return upsertContacts(body);
            if (object == "contacts" && tail == "/batch/read")
                return readContacts(body);
            if ((object == "notes" || object == "tasks") && tail == "/batch/create")
                return createEngagements(object, body);
            if ((object == "notes" || object == "tasks") && tail == "/batch/update")
                return updateEngagements(object, body);
            if ((object == "contacts" || object == "notes" || object == "tasks") &&
                tail == "/search")
                return search(object, body);
        }
        return {404, error("OBJECT_NOT_FOUND", "no such endpoint: " + method + " " + path), {}};
    }
};

CrmSandbox::CrmSandbox() : m_state(std::make_shared<State>())
{
}

CrmSandbox::~CrmSandbox()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void CrmSandbox::setConfig(const CrmSandboxConfig &config)
{
    std::lock_guard lock(m_state->mutex);
    m_state->config = config;
    m_state->rng.seed(config.seed);
    m_state->configureSalesforce();
}

bool CrmSandbox::convertSalesforceLead(const QString &email)
{
    std::lock_guard lock(m_state->mutex);
    return m_state->salesforce.convertLead(email.toStdString());
}

void CrmSandbox::expireSalesforceTokens()
{
    std::lock_guard lock(m_state->mutex);
    m_state->salesforce.expireTokens();
}

CrmSandbox::Counts CrmSandbox::counts() const
{
    std::lock_guard lock(m_state->mutex);
    Counts c;
    c.contacts = static_cast<int>(m_state->contacts.size());
    c.notes = static_cast<int>(m_state->notes.size());
    c.tasks = static_cast<int>(m_state->tasks.size());
    std::set<std::string> contactIds;
    for (const auto &[email, contact] : m_state->contacts)
        contactIds.insert(contact.first);
    for (auto [list, duplicates, unassociated] :
         {std::tuple{&m_state->notes, &c.duplicateNotes, &c.unassociatedNotes},
          std::tuple{&m_state->tasks, &c.duplicateTasks, &c.unassociatedTasks}}) {
        std::set<std::string> seen;
        for (const auto &e : *list) {
            if (!seen.insert(e.properties.value("baton_external_id", "")).second)
                ++*duplicates;
            if (!contactIds.count(e.contactId))
                ++*unassociated;
        }
    }
    for (const auto &t : m_state->tasks)
        c.completedTasks += t.properties.value("hs_task_status", "") == "COMPLETED";
    for (const auto &n : m_state->notes)
        c.retractedNotes += n.properties.value("hs_note_body", "").rfind("[Retracted", 0) == 0;
    c.requests = m_state->requests;
    c.rateLimited = m_state->rateLimited;
    c.faults = m_state->faults;
    c.salesforce = m_state->salesforce.counts();
    c.webhookDeliveries = static_cast<int>(m_state->webhookIds.size());
    c.webhookRedeliveries = m_state->webhookRedeliveries;
    c.webhookBadSignatures = m_state->webhookBadSignatures;
    c.webhookRetractions = m_state->webhookRetractions;
    c.lineageEvents = m_state->lineageEvents;
    c.traceRequests = m_state->traceRequests;
    c.traceSpans = m_state->traceSpans;
    return c;
}

bool CrmSandbox::setContactProperty(const QString &email, const QString &name, const QString &value)
{
    std::lock_guard lock(m_state->mutex);
    const auto it = m_state->contacts.find(util::lowercase(email.toStdString()));
    if (it == m_state->contacts.end())
        return false;
    it->second.second[name.toStdString()] = value.toStdString();
    return true;
}

QString CrmSandbox::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

namespace {

using State = CrmSandbox::State;

void writeReply(QHttpServerResponder &to, const Reply &r)
{
    const QByteArray body = QByteArray::fromStdString(r.body.dump());
    to.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(r.status));
    to.writeHeader("Content-Type", "application/json;charset=utf-8");
    to.writeHeader("Content-Length", QByteArray::number(body.size()));
    for (const auto &[name, value] : r.headers)
        to.writeHeader(name, value);
    to.writeBody(body);
}

std::string methodName(QHttpServerRequest::Method m)
{
    return m == QHttpServerRequest::Method::Get     ? "GET"
           : m == QHttpServerRequest::Method::Patch ? "PATCH"
                                                    : "POST";
}

// `reply` is the answer the request got, for the faults that still give it.
void deliverFault(State &state, const std::shared_ptr<QHttpServerResponder> &responder,
                  Dialect dialect, CrmFault fault, const Reply &reply)
{
    switch (fault) {
    case CrmFault::ServerError: {
        std::lock_guard lock(state.mutex);
        writeReply(*responder, state.serverError(dialect));
        return;
    }
    case CrmFault::RateLimited:
    case CrmFault::RateLimitedBare: {
        std::lock_guard lock(state.mutex);
        ++state.rateLimited;
        writeReply(*responder, state.limited(dialect, fault == CrmFault::RateLimited));
        return;
    }
    case CrmFault::Timeout:
        // Silent until long after the client gave up; then the connection closes.
        // The client may hang up first, and the server then deletes the socket.
        QTimer::singleShot(state.config.timeoutHoldMs,
                           [responder, socket = QPointer<QTcpSocket>(responder->socket())] {
                               if (socket)
                                   socket->abort();
                           });
        return;
    case CrmFault::Reset:
    case CrmFault::LostResponse:
        if (auto *socket = responder->socket())
            socket->abort();
        return;
    case CrmFault::Slow:
        QTimer::singleShot(state.config.slowMs,
                           [responder, reply, socket = QPointer<QTcpSocket>(responder->socket())] {
                               if (socket)
                                   writeReply(*responder, reply);
                           });
        return;
    }
}

// Every route is served alike: the path says which API answers.
void serve(State &state, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto shared = std::make_shared<QHttpServerResponder>(std::move(responder));
    const std::string method = methodName(request.method());
    const std::string path = request.url().path().toStdString();
    const Dialect dialect = dialectOf(path);
    Reply reply;
    std::optional<CrmFault> fault;
    {
        std::lock_guard lock(state.mutex);
        ++state.requests;
        if (const auto refusal = state.refuse(dialect, request.value("Authorization"))) {
            writeReply(*shared, *refusal);
            return;
        }
        fault = state.drawFault();
        // These two apply the request: one answers late, the other never.
        if (!fault || *fault == CrmFault::Slow || *fault == CrmFault::LostResponse)
            reply = state.answer(dialect, method, path, request);
    }
    if (fault)
        deliverFault(state, shared, dialect, *fault, reply);
    else
        writeReply(*shared, reply);
}

// A route handler for a path with one placeholder per `Args`, which `serve` reads from the
// path itself.
template <typename... Args> auto handler(const std::shared_ptr<State> &state)
{
    return
        [state](const Args &..., const QHttpServerRequest &request,
                QHttpServerResponder &&responder) { serve(*state, request, std::move(responder)); };
}

void addRoutes(QHttpServer &server, const std::shared_ptr<State> &state)
{
    using Method = QHttpServerRequest::Method;
    server.route(QStringLiteral("/crm/v3/objects/<arg>/batch/<arg>"), Method::Post,
                 handler<QString, QString>(state));
    server.route(QStringLiteral("/crm/v3/objects/<arg>/search"), Method::Post,
                 handler<QString>(state));
    server.route(QStringLiteral("/services/oauth2/token"), Method::Post, handler<>(state));
    server.route(QStringLiteral("/services/data/<arg>/composite/sobjects"),
                 Method::Post | Method::Patch, handler<QString>(state));
    server.route(QStringLiteral("/services/data/<arg>/composite/sobjects/<arg>/<arg>"),
                 Method::Patch, handler<QString, QString, QString>(state));
    server.route(QStringLiteral("/services/data/<arg>/query"), Method::Get,
                 handler<QString>(state));
    server.route(QStringLiteral("/services/data/<arg>/queryAll"), Method::Get,
                 handler<QString>(state));
    server.route(QStringLiteral("/webhook"), Method::Post, handler<>(state));
    server.route(QStringLiteral("/api/v1/lineage"), Method::Post, handler<>(state));
    server.route(QStringLiteral("/v1/traces"), Method::Post, handler<>(state));
    server.route(QStringLiteral("/crm/v3/owners"), Method::Get, handler<>(state));
}

} // namespace

quint16 CrmSandbox::start(quint16 port, const CrmSandboxConfig &config)
{
    setConfig(config);
    std::promise<quint16> ready;
    auto listening = ready.get_future();
    m_thread.reset(QThread::create([state = m_state, port, &ready] {
        QHttpServer server;
        addRoutes(server, state);
        ready.set_value(server.listen(QHostAddress::LocalHost, port));
        QEventLoop loop;
        loop.exec();
    }));
    m_thread->setObjectName(QStringLiteral("crm-sandbox"));
    m_thread->start();
    m_port = listening.get();
    if (m_port) {
        std::lock_guard lock(m_state->mutex);
        m_state->baseUrl = baseUrl().toStdString();
        m_state->configureSalesforce();
    }
    return m_port;
}

} // namespace baton::app
