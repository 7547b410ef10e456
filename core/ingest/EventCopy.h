#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::ingest {

struct BatchCounts;
struct RecordRow;

// Events into a team's PostgreSQL database by COPY into a session's staging table, then one
// upsert from it: what SQLite's multi-row upsert does, with the rows sent as one stream
// instead of as bound parameters. The rows must hold each (source_system, source_id) once.
void copyEvents(store::Database &db, std::span<const RecordRow *const> rows, std::int64_t batchId,
                const std::string &now, BatchCounts &counts);

} // namespace baton::ingest
