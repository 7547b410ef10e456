#pragma once

#include "ingest/RecordRow.h"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::ingest {

enum class UpsertOutcome
{
    Inserted,
    Updated,
    Unchanged
};

struct BatchCounts
{
    std::int64_t read = 0;
    std::int64_t accepted = 0; // passed the contract: inserted + updated + unchanged
    std::int64_t inserted = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t quarantined = 0;
    std::int64_t deprecated = 0; // accepted under a deprecated contract version
};

struct BatchStart
{
    std::string sourceSystem;
    std::string format;
    std::string fileName;
    std::string filePath;
    std::string sha256;
    std::int64_t fileSize = 0;
    std::string startedAt;
};

struct QuarantineEntry
{
    std::string fileName;
    std::optional<std::int64_t> line;
    std::optional<std::int64_t> recordIndex;
    std::optional<std::string> contract;
    std::string field;
    std::string message;
    std::string errorsJson; // [{"pointer": .., "field": .., "message": ..}, ...]
    std::string raw;
};

// The writes of an import. Every statement is prepared once and reused; callers wrap
// calls in transactions (see Importer) so a batch's records commit in large groups.
class ImportStore
{
public:
    explicit ImportStore(store::Database &db);

    std::int64_t beginBatch(const BatchStart &start);
    UpsertOutcome upsert(const RecordRow &row, std::int64_t batchId, const std::string &now);
    // Many events in one statement (they are the bulk of every import, and per-statement
    // overhead was a third of the writer's time); adds the outcomes to `counts`.
    void upsertEvents(const std::vector<const RecordRow *> &rows, std::int64_t batchId,
                      const std::string &now, BatchCounts &counts);
    static constexpr std::size_t kEventsPerStatement = 64;
    // How many events the importer gathers before upsertEvents: a statement's worth on
    // SQLite; on PostgreSQL as many as it has (a chunk), for COPY's staging costs a few
    // round trips whatever it carries (64 a time: 31,000 events/s).
    std::size_t eventsPerUpsert() const;
    // How many events a writer may hold across chunks to send them together: on PostgreSQL
    // a COPY and an upsert cost a few round trips and plans whatever their size.
    std::size_t eventsHeldAcrossChunks() const;
    void quarantine(std::int64_t batchId, const QuarantineEntry &entry, const std::string &now);
    // Committed with the rows that caused them, so an interrupted batch's changes count too.
    void recordTouches(std::int64_t batchId, const std::vector<Touch> &touches);
    void finishBatch(std::int64_t batchId, const BatchCounts &counts,
                     const std::map<std::string, std::int64_t> &contractUsage,
                     const std::map<std::string, std::int64_t> &drift,
                     const std::string &finishedAt, std::int64_t durationMs);
    void failBatch(std::int64_t batchId, const std::string &error, const std::string &finishedAt,
                   std::int64_t durationMs);

    // A completed batch of the same file content, if any.
    std::optional<std::int64_t> findCompletedBatch(const std::string &sha256);
    // Batches left 'running' by a process that died are marked 'interrupted'; their
    // quarantine entries are dropped when the same file is imported again.
    int markInterruptedBatches();
    void dropQuarantineOfInterrupted(const std::string &sha256);

private:
    struct Written
    {
        bool changed = false;
        std::int64_t insertedId = 0; // 0 for an update
    };
    Written writeRow(const RecordRow &row, std::int64_t batchId, const std::string &now);
    // One statement over rows that name each record once (see upsertEvents).
    void upsertDistinctEvents(std::span<const RecordRow *const> rows, std::int64_t batchId,
                              const std::string &now, BatchCounts &counts);

    store::Database &m_db;
};

} // namespace baton::ingest
