#pragma once

#include "ingest/CsvSource.h"

#include <optional>
#include <string_view>

namespace baton::ingest {

// Marketo's Bulk Activity Extract CSV: marketoGUID, leadId, activityDate, activityTypeId,
// campaignId, primaryAttributeValueId, primaryAttributeValue, attributes (a JSON object in
// a quoted field). Produces engagement_event@2 records with source_system "marketo".
class MarketoActivitySource final : public CsvSource
{
public:
    MarketoActivitySource(std::string_view data, const SourceOptions &options);

    SourceFormat format() const override { return SourceFormat::MarketoActivities; }
    std::string sourceSystem() const override { return "marketo"; }
    std::string labelFor(std::string_view pointer) const override;

    static bool looksLike(std::string_view headerLine);
    // Baton's event type for a Marketo activity type id; nullopt for ids Baton does not
    // map (kept as type "other" with the id).
    static std::optional<std::string_view> eventTypeFor(long long activityTypeId);

private:
    void mapRow(const std::vector<std::string_view> &fields, ParsedItem &item) const override;

    int m_guid = -1, m_lead = -1, m_date = -1, m_type = -1;
    int m_campaign = -1, m_valueId = -1, m_value = -1, m_attributes = -1;
};

} // namespace baton::ingest
