#include "sandbox/SalesforceSandboxApi.h"

#include "util/Text.h"

#include <QUrlQuery>
#include <algorithm>
#include <cstdio>
#include <regex>

namespace baton::app {

namespace {

using json = nlohmann::json;

json recordError(const std::string &code, const std::string &message,
                 const json &fields = json::array())
{
    return {{"success", false},
            {"errors",
             json::array({{{"statusCode", code}, {"message", message}, {"fields", fields}}})}};
}

// The values of "IN ('a', 'b\\'c')".
std::vector<std::string> soqlValues(const std::string &list)
{
    std::vector<std::string> out;
    std::string current;
    bool inside = false;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const char c = list[i];
        if (!inside) {
            if (c == '\'') {
                inside = true;
                current.clear();
            }
            continue;
        }
        if (c == '\\' && i + 1 < list.size()) {
            current += list[++i];
        } else if (c == '\'') {
            inside = false;
            out.push_back(current);
        } else {
            current += c;
        }
    }
    return out;
}

} // namespace

SandboxReply SalesforceSandboxApi::error(int status, const std::string &code,
                                         const std::string &message)
{
    return {status, json::array({{{"message", message}, {"errorCode", code}}}), {}};
}

void SalesforceSandboxApi::setConfig(const Config &config, const std::string &baseUrl)
{
    m_config = config;
    m_baseUrl = baseUrl;
}

std::string SalesforceSandboxApi::newId(const char *prefix)
{
    // 18 characters like a real record id: the key prefix names the object (00Q Lead, 002
    // Note, 00T Task, 005 User, 006 Opportunity).
    char buf[19];
    std::snprintf(buf, sizeof buf, "%s%015lld", prefix, m_next++);
    return buf;
}

SandboxReply SalesforceSandboxApi::token(const std::string &form)
{
    const QUrlQuery q(QString::fromStdString(form));
    const auto value = [&](const char *name) {
        return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded).toStdString();
    };
    if (value("grant_type") != "refresh_token" || value("client_id") != m_config.clientId ||
        value("refresh_token") != m_config.refreshToken)
        return {400,
                {{"error", "invalid_grant"}, {"error_description", "expired access/refresh token"}},
                {}};
    const std::string access = "00DSANDBOX!" + std::to_string(++m_tokensIssued);
    m_tokens.insert(access);
    return {200,
            {{"access_token", access},
             {"instance_url", m_baseUrl},
             {"id", m_baseUrl + "/id/00DSANDBOX/005SANDBOX"},
             {"token_type", "Bearer"},
             {"issued_at", "1764000000000"},
             {"signature", "sandbox"}},
            {}};
}

SandboxReply SalesforceSandboxApi::handle(const std::string &method, const std::string &path,
                                          const std::string &authorization, const std::string &soql,
                                          const std::string &body)
{
    if (method == "POST" && path == "/services/oauth2/token")
        return token(body);
    if (authorization.rfind("Bearer ", 0) != 0 || !m_tokens.count(authorization.substr(7)))
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    if (++m_requests > m_config.dailyLimit) {
        ++m_limitExceeded;
        return error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }
    const std::string data = "/services/data/";
    if (path.rfind(data, 0) != 0)
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    const std::string rest = path.substr(path.find('/', data.size()));
    SandboxReply reply;
    if (method == "GET" && (rest == "/query" || rest == "/queryAll")) {
        reply = query(soql);
    } else {
        const json parsed = json::parse(body, nullptr, false);
        if (!parsed.is_object() || !parsed.contains("records") || !parsed["records"].is_array())
            return error(400, "JSON_PARSER_ERROR",
                         "Unexpected parameter encountered during "
                         "deserialization: the body needs records");
        if (parsed["records"].size() > 200)
            return error(400, "EXCEEDED_ID_LIMIT",
                         "record limit reached. cannot submit more "
                         "than 200 records into this call");
        if (method == "PATCH" && rest == "/composite/sobjects/Lead/" + m_config.leadExternalIdField)
            reply = upsertLeads(parsed);
        else if (method == "POST" && rest == "/composite/sobjects")
            reply = create(parsed);
        else if (method == "PATCH" && rest == "/composite/sobjects")
            reply = update(parsed);
        else
            return error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    reply.headers.emplace_back("Sforce-Limit-Info", "api-usage=" + QByteArray::number(m_requests) +
                                                        "/" +
                                                        QByteArray::number(m_config.dailyLimit));
    return reply;
}

SandboxReply SalesforceSandboxApi::upsertLeads(const json &body)
{
    json results = json::array();
    const std::string key = m_config.leadExternalIdField;
    for (const auto &rec : body["records"]) {
        if (util::stringField(rec.value("attributes", json::object()), "type") != "Lead") {
            results.push_back(recordError("INVALID_TYPE", "sObject type must be Lead"));
            continue;
        }
        if (rec.contains("Id") || rec.contains("id")) {
            results.push_back(recordError("INVALID_FIELD", "Only external ids are supported"));
            continue;
        }
        const std::string ext = util::stringField(rec, key);
        if (ext.empty()) {
            results.push_back(
                recordError("MISSING_ARGUMENT", key + " not specified", json::array({key})));
            continue;
        }
        auto it = m_leads.find(ext);
        const bool created = it == m_leads.end();
        json merged = created ? json{{"Status", "Open - Not Contacted"},
                                     {"IsConverted", false},
                                     {"ConvertedOpportunityId", nullptr}}
                              : it->second.fields;
        for (const auto &[k, v] : rec.items())
            if (k != "attributes")
                merged[k] = v;
        std::vector<std::string> missing;
        for (const char *required : {"LastName", "Company"})
            if (util::stringField(merged, required).empty())
                missing.push_back(required);
        if (!missing.empty()) {
            results.push_back(recordError("REQUIRED_FIELD_MISSING",
                                          "Required fields are missing: [" + missing.front() + "]",
                                          json(missing)));
            continue;
        }
        const std::string email = util::stringField(merged, "Email");
        if (!email.empty() && email.find('@') == std::string::npos) {
            results.push_back(recordError("INVALID_EMAIL_ADDRESS",
                                          "Email: invalid email address: " + email,
                                          json::array({"Email"})));
            continue;
        }
        if (created)
            it = m_leads.emplace(ext, Record{newId("00Q"), json::object()}).first;
        it->second.fields = merged;
        results.push_back({{"id", it->second.id},
                           {"success", true},
                           {"errors", json::array()},
                           {"created", created}});
    }
    return {200, results, {}};
}

SandboxReply SalesforceSandboxApi::create(const json &body)
{
    std::set<std::string> leadIds;
    for (const auto &[ext, lead] : m_leads)
        leadIds.insert(lead.id);
    json results = json::array();
    for (const auto &rec : body["records"]) {
        const std::string type = util::stringField(rec.value("attributes", json::object()), "type");
        const bool note = type == "Note";
        if (!note && type != "Task") {
            results.push_back(recordError("INVALID_TYPE", "sandbox creates Notes and Tasks only"));
            continue;
        }
        const std::string parentField = note ? "ParentId" : "WhoId";
        if (!leadIds.count(util::stringField(rec, parentField))) {
            results.push_back(recordError(
                "FIELD_INTEGRITY_EXCEPTION",
                std::string(note ? "Parent ID" : "Name ID") +
                    ": id value of incorrect type: " + util::stringField(rec, parentField),
                json::array({parentField})));
            continue;
        }
        if (note && util::stringField(rec, "Title").empty()) {
            results.push_back(recordError("REQUIRED_FIELD_MISSING",
                                          "Required fields are missing: [Title]",
                                          json::array({"Title"})));
            continue;
        }
        json fields = rec;
        fields.erase("attributes");
        Record r{newId(note ? "002" : "00T"), fields};
        results.push_back({{"id", r.id}, {"success", true}, {"errors", json::array()}});
        (note ? m_notes : m_tasks).push_back(std::move(r));
    }
    return {200, results, {}};
}

SandboxReply SalesforceSandboxApi::update(const json &body)
{
    json results = json::array();
    for (const auto &rec : body["records"]) {
        const std::string type = util::stringField(rec.value("attributes", json::object()), "type");
        auto &list = type == "Note" ? m_notes : m_tasks;
        const std::string id = util::stringField(rec, "id");
        auto it =
            std::find_if(list.begin(), list.end(), [&](const Record &r) { return r.id == id; });
        if ((type != "Note" && type != "Task") || it == list.end()) {
            results.push_back(recordError("ENTITY_IS_DELETED", "entity is deleted"));
            continue;
        }
        for (const auto &[k, v] : rec.items())
            if (k != "attributes" && k != "id")
                it->fields[k] = v;
        results.push_back({{"id", id}, {"success", true}, {"errors", json::array()}});
    }
    return {200, results, {}};
}

SandboxReply SalesforceSandboxApi::query(const std::string &soql) const
{
    static const std::regex shape(
        R"(^SELECT\s+(.+?)\s+FROM\s+(\w+)\s+WHERE\s+(\w+)\s*(?:IN\s*\((.*)\)|=\s*(\w+))\s*$)",
        std::regex::icase);
    std::smatch m;
    if (!std::regex_match(soql, m, shape))
        return error(400, "MALFORMED_QUERY", "unexpected token in: " + soql.substr(0, 120));
    std::vector<std::string> fields;
    {
        std::string list = m[1].str();
        std::size_t at = 0;
        while (at <= list.size()) {
            const auto comma = list.find(',', at);
            std::string f = list.substr(at, comma == std::string::npos ? comma : comma - at);
            f.erase(0, f.find_first_not_of(' '));
            f.erase(f.find_last_not_of(' ') + 1);
            fields.push_back(f);
            if (comma == std::string::npos)
                break;
            at = comma + 1;
        }
    }
    const std::string object = m[2].str();
    const std::string where = m[3].str();
    const auto values = soqlValues(m[4].str());
    std::vector<std::pair<std::string, json>> rows; // id, fields
    if (object == "Lead") {
        for (const auto &[ext, r] : m_leads)
            rows.emplace_back(r.id, r.fields);
    } else if (object == "Note" || object == "Task") {
        for (const auto &r : object == "Note" ? m_notes : m_tasks)
            rows.emplace_back(r.id, r.fields);
    } else if (object == "User") {
        int n = 0;
        for (const auto &email : m_config.users)
            rows.emplace_back("005SANDBOX0000" + std::to_string(1000 + n++),
                              json{{"Email", email.toStdString()}, {"IsActive", true}});
    } else {
        return error(400, "INVALID_TYPE", "sObject type '" + object + "' is not supported.");
    }
    json records = json::array();
    for (auto &[id, f] : rows) {
        f["Id"] = id;
        const bool match = m[5].matched
                               ? (util::lowercase(m[5].str()) == "true") == f.value(where, false)
                               : std::find(values.begin(), values.end(),
                                           util::stringField(f, where)) != values.end();
        if (!match)
            continue;
        json out = {
            {"attributes",
             {{"type", object}, {"url", "/services/data/v60.0/sobjects/" + object + "/" + id}}}};
        for (const auto &field : fields) {
            if (!f.contains(field) && field != "Id")
                out[field] = nullptr;
            else
                out[field] = f[field];
        }
        records.push_back(out);
    }
    return {200, {{"totalSize", records.size()}, {"done", true}, {"records", records}}, {}};
}

bool SalesforceSandboxApi::convertLead(const std::string &email)
{
    for (auto &[ext, lead] : m_leads)
        if (util::lowercase(util::stringField(lead.fields, "Email")) == util::lowercase(email)) {
            lead.fields["IsConverted"] = true;
            lead.fields["Status"] = "Closed - Converted";
            lead.fields["ConvertedOpportunityId"] = newId("006");
            return true;
        }
    return false;
}

SalesforceSandboxApi::Counts SalesforceSandboxApi::counts() const
{
    Counts c;
    c.leads = static_cast<int>(m_leads.size());
    c.notes = static_cast<int>(m_notes.size());
    c.tasks = static_cast<int>(m_tasks.size());
    std::set<std::string> leadIds;
    for (const auto &[ext, lead] : m_leads)
        leadIds.insert(lead.id);
    std::set<std::string> titles, externals;
    for (const auto &n : m_notes) {
        c.duplicateNotes += !titles.insert(util::stringField(n.fields, "Title")).second;
        c.unassociatedNotes += !leadIds.count(util::stringField(n.fields, "ParentId"));
        c.retractedNotes += util::stringField(n.fields, "Body").rfind("[Retracted", 0) == 0;
    }
    for (const auto &t : m_tasks) {
        c.duplicateTasks +=
            !externals.insert(util::stringField(t.fields, m_config.taskExternalIdField)).second;
        c.unassociatedTasks += !leadIds.count(util::stringField(t.fields, "WhoId"));
        c.completedTasks += util::stringField(t.fields, "Status") == "Completed";
    }
    c.tokensIssued = m_tokensIssued;
    c.limitExceeded = m_limitExceeded;
    return c;
}

} // namespace baton::app
