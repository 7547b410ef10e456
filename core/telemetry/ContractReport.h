#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::telemetry {

// What the Contracts page shows: every contract version with its status and path, what the
// store has seen under it, the fields records brought that it does not declare, and how
// often each field was violated, day by day.
struct ContractVersionRow
{
    std::string name;
    int version = 0;
    std::string status; // active, deprecated, sunset (as of now)
    std::string deprecatedSince, sunsetAt;
    std::string successor; // the version to move to, when this one is deprecated or sunset
    std::int64_t records = 0, quarantined = 0;
};

struct DriftRow
{
    std::string contract; // name@version
    std::string field;
    std::int64_t records = 0;
    std::string lastSeen; // the newest batch that brought it
};

struct FieldViolationRow
{
    std::string contract, field, day;
    std::int64_t violations = 0;
    std::int64_t records = 0; // the contract's records that day, accepted or not
    double rate() const { return records ? double(violations) / double(records) : 0; }
};

struct ContractReport
{
    std::vector<ContractVersionRow> versions;
    std::vector<DriftRow> drift;
    std::vector<FieldViolationRow> violations;
};

ContractReport contractReport(store::Database &db, const contracts::ContractRegistry &registry,
                              std::chrono::system_clock::time_point now);

} // namespace baton::telemetry
