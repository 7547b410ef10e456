#include "ingest/MarketoActivitySource.h"

#include "util/JsonParse.h"
#include "util/Time.h"

#include <charconv>

namespace baton::ingest {

namespace {

// Marketo writes an absent value as an empty cell or as the word null.
bool isNull(std::string_view v)
{
    return v.empty() || v == "null" || v == "NULL";
}

struct TypeMapping
{
    long long id;
    std::string_view type;
};

// Marketo's standard activity type ids (GET /rest/v1/activities/types.json).
constexpr TypeMapping kTypes[] = {
    {1, "web_visit"},       {2, "form_submit"},     {3, "link_click"},   {6, "email_sent"},
    {7, "email_delivered"}, {8, "bounce"},          {9, "unsubscribe"},  {10, "email_open"},
    {11, "email_click"},    {12, "lead_created"},   {13, "data_change"}, {22, "score_change"},
    {24, "list_add"},       {104, "status_change"},
};

nlohmann::json attributesFromPairs(const nlohmann::json &pairs)
{
    nlohmann::json out = nlohmann::json::object();
    for (const auto &pair : pairs) {
        if (!pair.is_object() || !pair.contains("name") || !pair["name"].is_string())
            return nlohmann::json(nlohmann::json::value_t::discarded);
        out[pair["name"].get<std::string>()] = pair.value("value", nlohmann::json());
    }
    return out;
}

} // namespace

std::optional<std::string_view> MarketoActivitySource::eventTypeFor(long long id)
{
    for (const TypeMapping &m : kTypes)
        if (m.id == id)
            return m.type;
    return std::nullopt;
}

bool MarketoActivitySource::looksLike(std::string_view headerLine)
{
    const std::string h = lowerTrimmed(headerLine);
    return h.find("marketoguid") != std::string::npos &&
           h.find("activitytypeid") != std::string::npos;
}

MarketoActivitySource::MarketoActivitySource(std::string_view data, const SourceOptions &options)
    : CsvSource(data, options, "a Marketo activity export")
{
    m_guid = requireColumn({"marketoGUID"});
    m_lead = requireColumn({"leadId"});
    m_date = requireColumn({"activityDate"});
    m_type = requireColumn({"activityTypeId"});
    m_campaign = column({"campaignId"});
    m_valueId = column({"primaryAttributeValueId"});
    m_value = column({"primaryAttributeValue"});
    m_attributes = column({"attributes"});
}

std::string MarketoActivitySource::labelFor(std::string_view pointer) const
{
    if (pointer == "/source_id")
        return "marketoGUID";
    if (pointer.starts_with("/lead"))
        return "leadId";
    if (pointer == "/occurred_at")
        return "activityDate";
    if (pointer == "/activity_type_id" || pointer == "/type")
        return "activityTypeId";
    if (pointer == "/campaign_id")
        return "campaignId";
    if (pointer == "/asset")
        return "primaryAttributeValue";
    if (pointer.starts_with("/attributes"))
        return "attributes";
    return std::string(pointer);
}

void MarketoActivitySource::mapRow(const std::vector<std::string_view> &f, ParsedItem &item) const
{
    item.contract = "engagement_event";
    // Built straight into the object's map in key order (each insert lands at the end):
    // this runs once per activity, and map lookups per key showed in profiles.
    nlohmann::json::object_t r;
    auto put = [&r](const char *key, nlohmann::json value) {
        r.emplace_hint(r.end(), key, std::move(value));
    };

    const std::string_view typeText = f[m_type];
    long long typeId = -1;
    const auto [end, ec] =
        std::from_chars(typeText.data(), typeText.data() + typeText.size(), typeId);
    const bool typeOk =
        ec == std::errc() && end == typeText.data() + typeText.size() && typeId >= 0;
    if (!typeOk)
        item.errors.push_back(
            {"/activity_type_id", "expected a Marketo activity type id (a whole number), got \"" +
                                      std::string(typeText) + "\""});
    else
        put("activity_type_id", typeId);

    put("asset",
        m_value >= 0 && !isNull(f[m_value]) ? nlohmann::json(f[m_value]) : nlohmann::json(nullptr));

    nlohmann::json attributes = nlohmann::json::object();
    if (m_attributes >= 0 && !isNull(f[m_attributes])) {
        std::string parseError;
        attributes = util::parseUntrustedJson(f[m_attributes], &parseError);
        if (attributes.is_array()) // the older [{"name":..,"value":..}] form
            attributes = attributesFromPairs(attributes);
        if (attributes.is_discarded() || !attributes.is_object()) {
            item.errors.push_back(
                {"/attributes", "expected a JSON object in the attributes "
                                "column, got \"" +
                                    std::string(f[m_attributes].substr(0, 80)) + "\"" +
                                    (parseError.empty() ? "" : ": " + parseError)});
            attributes = nlohmann::json::object();
        }
    }
    if (m_valueId >= 0 && !isNull(f[m_valueId]))
        attributes["primaryAttributeValueId"] = f[m_valueId];
    put("attributes", std::move(attributes));

    put("campaign_id", m_campaign >= 0 && !isNull(f[m_campaign]) ? nlohmann::json(f[m_campaign])
                                                                 : nlohmann::json(nullptr));
    if (!isNull(f[m_lead]))
        put("lead",
            nlohmann::json::object_t{{"source_id", f[m_lead]}, {"source_system", "marketo"}});
    if (auto t = util::parseExportDateTime(f[m_date]))
        put("occurred_at", util::formatUtc(*t));
    else if (!isNull(f[m_date]))
        put("occurred_at", f[m_date]);
    if (!isNull(f[m_guid]))
        put("source_id", f[m_guid]);
    put("source_system", "marketo");
    if (typeOk)
        put("type", std::string(eventTypeFor(typeId).value_or("other")));
    item.record = std::move(r);
}

} // namespace baton::ingest
