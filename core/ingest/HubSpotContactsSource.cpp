#include "ingest/HubSpotContactsSource.h"

#include "util/Time.h"

#include <array>
#include <optional>

namespace baton::ingest {

namespace {

struct Alias
{
    std::string_view field;
    std::array<std::string_view, 5> names; // label first, then internal names
};

// Labels as HubSpot's export writes them, then the internal property names an API-based
// export uses. The first name is what error messages show.
constexpr std::array<Alias, 17> kAliases = {{
    {"source_id", {"Record ID", "Contact ID", "hs_object_id", "vid"}},
    {"email", {"Email", "Email Address", "email"}},
    {"first_name", {"First Name", "firstname"}},
    {"last_name", {"Last Name", "lastname"}},
    {"job_title", {"Job Title", "jobtitle"}},
    {"phone", {"Phone Number", "Phone", "phone"}},
    {"company", {"Associated Company", "Company Name", "Company", "company"}},
    {"company_domain", {"Company Domain Name", "domain", "hs_email_domain", "Email Domain"}},
    {"country", {"Country/Region", "Country", "country"}},
    {"lifecycle_stage", {"Lifecycle Stage", "lifecyclestage"}},
    {"lead_status", {"Lead Status", "hs_lead_status"}},
    {"original_source", {"Original Source", "Original Traffic Source", "hs_analytics_source"}},
    {"owner", {"Contact owner", "Contact Owner", "hubspot_owner_id"}},
    {"created_at", {"Create Date", "Created Date", "createdate"}},
    {"converted_at",
     {"Became an Opportunity Date", "hs_lifecyclestage_opportunity_date",
      "Date entered \"Opportunity (Lifecycle Stage Pipeline)\""}},
    {"opted_out", {"Unsubscribed from all email", "Opted out of all email", "hs_email_optout"}},
    {"marketo_id", {"Marketo Lead ID", "marketo_lead_id"}},
}};

// A per-subscription opt-out column: "Opted out of email: Product news" as exported with
// labels, hs_email_optout_<subscription id> with internal names. The subscription's name.
std::optional<std::string> subscriptionOptOut(std::string_view column)
{
    constexpr std::string_view label = "Opted out of email: ", internal = "hs_email_optout_";
    if (column.size() > label.size() && column.substr(0, label.size()) == label)
        return std::string(column.substr(label.size()));
    if (column.size() > internal.size() && column.substr(0, internal.size()) == internal)
        return std::string(column);
    return std::nullopt;
}

// HubSpot exports show a stage's label; the API and contract use its internal value.
std::string lifecycleValue(std::string_view text)
{
    std::string key = lowerTrimmed(text);
    std::string compact;
    for (char c : key)
        if (c != ' ' && c != '-' && c != '_')
            compact += c;
    return compact;
}

bool parseBool(std::string_view text, bool &out)
{
    const std::string v = lowerTrimmed(text);
    if (v == "true" || v == "yes" || v == "1") {
        out = true;
        return true;
    }
    if (v == "false" || v == "no" || v == "0") {
        out = false;
        return true;
    }
    return false;
}

std::string trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return std::string(text);
}

} // namespace

bool HubSpotContactsSource::looksLike(std::string_view headerLine)
{
    const std::string h = lowerTrimmed(headerLine);
    return (h.find("record id") != std::string::npos ||
            h.find("hs_object_id") != std::string::npos) &&
           (h.find("email") != std::string::npos);
}

HubSpotContactsSource::HubSpotContactsSource(std::string_view data, const SourceOptions &options)
    : CsvSource(data, options, "a HubSpot contacts export")
{
    m_id = requireColumn({"Record ID", "Contact ID", "hs_object_id", "vid"});
    requireColumn({"Email", "Email Address", "email"});
    std::vector<bool> used(header().size(), false);
    for (const Alias &alias : kAliases) {
        for (std::string_view name : alias.names) {
            if (name.empty())
                continue;
            const int c = column({name});
            if (c >= 0 && !used[c]) {
                used[c] = true;
                m_columns.push_back({c, std::string(alias.field)});
                m_labels.emplace("/" + std::string(alias.field), header()[c]);
                break;
            }
        }
    }
    for (std::size_t c = 0; c < header().size(); ++c) {
        if (!used[c]) {
            m_columns.push_back({static_cast<int>(c), ""});
            m_labels.emplace("/properties/" + header()[c], header()[c]);
        }
    }
    m_labels.emplace("/identities", "Marketo Lead ID");
}

std::string HubSpotContactsSource::labelFor(std::string_view pointer) const
{
    // The longest known prefix names the column: "/identities/0/source_id" is the
    // Marketo Lead ID column.
    for (std::string_view p = pointer; p.size() > 1 && p.front() == '/';) {
        if (auto it = m_labels.find(p); it != m_labels.end())
            return it->second;
        const auto slash = p.rfind('/');
        if (slash == 0 || slash == std::string_view::npos)
            break;
        p = p.substr(0, slash);
    }
    return std::string(pointer);
}

void HubSpotContactsSource::mapRow(const std::vector<std::string_view> &fields,
                                   ParsedItem &item) const
{
    item.contract = "lead";
    nlohmann::json &r = item.record;
    r = nlohmann::json::object();
    r["source_system"] = "hubspot";
    nlohmann::json properties = nlohmann::json::object();
    for (const Mapped &m : m_columns) {
        const std::string value = trimmed(fields[m.column]);
        if (m.field.empty()) {
            if (value.empty())
                continue;
            properties[header()[m.column]] = value;
            if (auto subscription = subscriptionOptOut(header()[m.column]); subscription) {
                bool b = false;
                if (parseBool(value, b) && b)
                    r["email_opt_outs"].push_back(std::move(*subscription));
            }
            continue;
        }
        if (value.empty())
            continue; // HubSpot writes an unset property as an empty cell
        if (m.field == "lifecycle_stage") {
            r[m.field] = lifecycleValue(value);
        } else if (m.field == "created_at" || m.field == "converted_at") {
            if (auto t = util::parseExportDateTime(value, m_options.utcOffsetMinutes))
                r[m.field] = util::formatUtc(*t);
            else
                r[m.field] = value; // the contract names the problem with the field
        } else if (m.field == "opted_out") {
            bool b = false;
            if (parseBool(value, b))
                r[m.field] = b;
            else
                item.errors.push_back(
                    {"/opted_out", "expected true or false, got \"" + value + "\""});
        } else if (m.field == "marketo_id") {
            r["identities"] =
                nlohmann::json::array({{{"source_system", "marketo"}, {"source_id", value}}});
        } else if (m.field == "email" || m.field == "company_domain") {
            r[m.field] = lowerTrimmed(value); // HubSpot itself compares emails case-insensitively
        } else {
            r[m.field] = value;
        }
    }
    if (!properties.empty())
        r["properties"] = std::move(properties);
}

} // namespace baton::ingest
