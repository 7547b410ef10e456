#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace baton::contracts {

enum class ContractStatus { Active, Deprecated, Sunset };

const char *toString(ContractStatus status);

// One version of a named data contract: a draft-07 JSON Schema plus its lifecycle.
struct ContractVersion
{
    std::string name; // "lead", "account", "engagement_event", "enrichment_record"
    int version = 0;
    std::string schemaText;
    std::string schemaSha256;
    std::optional<std::chrono::system_clock::time_point> deprecatedSince;
    std::optional<std::chrono::system_clock::time_point> sunsetAt;

    // Status is a function of time: a version becomes deprecated and later sunset on the
    // dates its manifest names, without anyone editing the store.
    ContractStatus statusAt(std::chrono::system_clock::time_point now) const;
    std::string key() const { return name + "@" + std::to_string(version); }
};

// One problem with one record: where (JSON pointer into the record) and what was expected.
struct ValidationError
{
    std::string pointer; // "" for the record itself, "/email", "/lead/source_id", ...
    std::string message;
};

} // namespace baton::contracts
