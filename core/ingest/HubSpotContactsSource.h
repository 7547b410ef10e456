#pragma once

#include "ingest/CsvSource.h"

#include <map>

namespace baton::ingest {

// A contacts export from HubSpot's CRM (Contacts > Export, CSV). Columns are found by their
// label or internal property name; columns Baton has no field for are kept in
// `properties`. Produces lead@2 records with source_system "hubspot".
class HubSpotContactsSource final : public CsvSource
{
public:
    HubSpotContactsSource(std::string_view data, const SourceOptions &options);

    SourceFormat format() const override { return SourceFormat::HubSpotContacts; }
    std::string sourceSystem() const override { return "hubspot"; }
    std::string labelFor(std::string_view pointer) const override;

    // True if the header line looks like a HubSpot contacts export.
    static bool looksLike(std::string_view headerLine);

private:
    void mapRow(const std::vector<std::string_view> &fields, ParsedItem &item) const override;

    struct Mapped
    {
        int column;
        std::string field; // record field, or "" for an extra property
    };
    std::vector<Mapped> m_columns;
    std::map<std::string, std::string, std::less<>> m_labels; // "/field" -> column label
    int m_id = -1;
};

} // namespace baton::ingest
