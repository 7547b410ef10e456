#pragma once

#include "ingest/ImportStore.h"
#include "ingest/ParsedItem.h"
#include "ingest/RecordRow.h"

#include <chrono>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace baton::contracts {
class ContractRegistry;
}

namespace baton::ingest {

class RecordSource;

// The contract gate at ingress: one parsed record in, either a row to upsert or a
// quarantine entry out. Pure and thread-safe, so import workers run it in parallel.
struct GateResult
{
    bool accepted = false;
    bool deprecated = false; // accepted under a deprecated contract version
    RecordRow row;
    QuarantineEntry quarantine;
    // Fields the record carries that its contract does not declare ("properties/Favorite
    // Color" in an open bag): contract drift, counted per batch.
    std::vector<std::string> unknownFields;
};

class RecordGate
{
public:
    RecordGate(const contracts::ContractRegistry &registry, const RecordSource &source,
               std::string fileName, std::chrono::system_clock::time_point now);

    void check(ParsedItem &item, GateResult &out) const;

    // Raw text kept in quarantine is capped: the file itself (named, hashed) holds the rest.
    static constexpr std::size_t kMaxRawBytes = 64 * 1024;

private:
    void reject(const ParsedItem &item, const std::string &contract,
                const std::vector<contracts::ValidationError> &errors, GateResult &out) const;

    void findUnknown(const std::string &contractKey, const nlohmann::json &record,
                     std::vector<std::string> &out) const;

    const contracts::ContractRegistry &m_registry;
    const RecordSource &m_source;
    // Per contract version: its declared top-level fields, and those of its open "properties"
    // bag (empty: the bag is free-form), each sorted for a merge walk.
    struct Known
    {
        std::vector<std::string> fields, properties;
        bool propertiesDeclared = false;
    };
    std::map<std::string, Known> m_known;
    std::string m_fileName;
    std::chrono::system_clock::time_point m_now;
};

} // namespace baton::ingest
