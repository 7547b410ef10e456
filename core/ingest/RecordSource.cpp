#include "ingest/RecordSource.h"

#include "ingest/CsvSource.h"
#include "ingest/HubSpotContactsSource.h"
#include "ingest/JsonlSource.h"
#include "ingest/MarketoActivitySource.h"

namespace baton::ingest {

const char *toString(SourceFormat format)
{
    switch (format) {
    case SourceFormat::Auto:
        return "auto";
    case SourceFormat::HubSpotContacts:
        return "hubspot";
    case SourceFormat::MarketoActivities:
        return "marketo";
    case SourceFormat::BatonJsonl:
        return "jsonl";
    }
    return "auto";
}

std::optional<SourceFormat> sourceFormatFromString(std::string_view name)
{
    for (SourceFormat f : {SourceFormat::Auto, SourceFormat::HubSpotContacts,
                           SourceFormat::MarketoActivities, SourceFormat::BatonJsonl})
        if (name == toString(f))
            return f;
    return std::nullopt;
}

SourceFormat detectFormat(std::string_view data)
{
    if (data.substr(0, 3) == "\xEF\xBB\xBF")
        data.remove_prefix(3);
    const auto start = data.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos)
        return SourceFormat::Auto;
    if (data[start] == '{')
        return SourceFormat::BatonJsonl;
    const auto end = data.find_first_of("\r\n", start);
    const std::string_view header =
        data.substr(start, end == std::string_view::npos ? data.size() - start : end - start);
    if (MarketoActivitySource::looksLike(header))
        return SourceFormat::MarketoActivities;
    if (HubSpotContactsSource::looksLike(header))
        return SourceFormat::HubSpotContacts;
    return SourceFormat::Auto;
}

std::unique_ptr<RecordSource> makeSource(std::string_view data, SourceFormat format,
                                         const SourceOptions &options)
{
    if (format == SourceFormat::Auto) {
        format = detectFormat(data);
        if (format == SourceFormat::Auto) {
            if (data.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string_view::npos)
                throw FileError{1, {}, "the file is empty"};
            throw FileError{1,
                            {},
                            "unrecognised file: expected a HubSpot contacts export "
                            "(Record ID, Email, ...), a Marketo activity export "
                            "(marketoGUID, leadId, ...) or Baton JSONL"};
        }
    }
    switch (format) {
    case SourceFormat::HubSpotContacts:
        return std::make_unique<HubSpotContactsSource>(data, options);
    case SourceFormat::MarketoActivities:
        return std::make_unique<MarketoActivitySource>(data, options);
    case SourceFormat::BatonJsonl:
        return std::make_unique<JsonlSource>(data, options);
    case SourceFormat::Auto:
        break;
    }
    throw FileError{1, {}, "no reader for this format"};
}

} // namespace baton::ingest
