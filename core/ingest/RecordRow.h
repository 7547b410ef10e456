#pragma once

#include "util/Sha256.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace baton::ingest {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

enum class RecordTable
{
    Lead,
    Account,
    Event,
    Enrichment
};

std::optional<RecordTable> tableForContract(std::string_view contract);

// A validated record flattened for its table: the columns the console and the agents
// query, plus the canonical JSON it came from. Built on worker threads so the writer only
// binds values.
struct RecordRow
{
    RecordTable table = RecordTable::Lead;
    std::string contractKey; // "lead@2"
    int contractVersion = 0;
    util::Digest contentHash{};
    std::vector<SqlValue> columns; // in the order ImportStore's upsert for `table` expects
    std::vector<std::pair<std::string, std::string>> identities; // leads: (system, id)
};

// What a record can change for the leads that read it: the keys the pipeline finds them by
// (see batch_touches in the schema): ("lead", system, id), ("domain", d, ""), ("email", e, "").
struct Touch
{
    std::string kind, a, b;
    bool operator==(const Touch &) const = default;
};
std::optional<Touch> touchOf(const RecordRow &row);

// `record` must already satisfy its contract. The content hash covers a canonical form
// (sorted keys, no whitespace; for events, the stored columns with times in UTC), so a
// re-export with reordered columns or another time zone is still "unchanged".
// Takes the record: strings are moved into the row, not copied.
RecordRow makeRecordRow(RecordTable table, std::string contractKey, int contractVersion,
                        nlohmann::json &&record);

} // namespace baton::ingest
