#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::ingest {

struct BatchSummary
{
    std::int64_t id = 0;
    std::string sourceSystem;
    std::string format;
    std::string fileName;
    std::string filePath;
    std::string sha256;
    std::int64_t fileSize = 0;
    std::string status; // running, done, failed, interrupted
    std::string startedAt;
    std::optional<std::string> finishedAt;
    std::optional<std::int64_t> durationMs;
    std::int64_t read = 0, accepted = 0, inserted = 0, updated = 0, unchanged = 0, quarantined = 0,
                 deprecated = 0;
    std::optional<std::string> error;
};

struct QuarantineRow
{
    std::int64_t id = 0;
    std::int64_t batchId = 0;
    std::string fileName;
    std::optional<std::int64_t> line;
    std::optional<std::string> contract;
    std::string field;
    std::string message;
    std::string errorsJson;
    std::string raw;
    std::string createdAt;
};

struct QuarantineFilter
{
    std::optional<std::int64_t> batchId;
    std::string text; // matched against file name, field, message and contract
};

struct TableCount
{
    std::string table;
    std::int64_t rows = 0;
};

struct ContractSeen
{
    std::string contract;
    int version = 0;
    std::int64_t records = 0;
    std::int64_t batches = 0;
};

struct QuarantineSummary
{
    std::string field;
    std::string sampleMessage;
    std::int64_t records = 0;
};

// Read-side queries over the ingest tables, paged so views never load a whole table.
// Newest first everywhere.
class IngestQueries
{
public:
    explicit IngestQueries(store::Database &db);

    std::int64_t batchCount(const std::string &text = {});
    std::vector<BatchSummary> batches(std::int64_t offset, std::int64_t limit,
                                      const std::string &text = {});
    std::optional<BatchSummary> batch(std::int64_t id);

    std::int64_t quarantineCount(const QuarantineFilter &filter);
    std::vector<QuarantineRow> quarantine(const QuarantineFilter &filter, std::int64_t offset,
                                          std::int64_t limit);

    std::vector<TableCount> tableCounts();
    std::vector<ContractSeen> contractsSeen();
    std::vector<QuarantineSummary> quarantineByField(int limit = 10);

private:
    store::Database &m_db;
};

} // namespace baton::ingest
