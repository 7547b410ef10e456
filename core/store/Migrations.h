#pragma once

#include <string_view>
#include <vector>

namespace baton::store {

class Database;

struct Migration
{
    int version;            // the user_version the store has after this step
    std::string_view title; // shown in logs and errors
    std::string_view sql;
    // The step rebuilds a table others reference (SQLite's 12-step ALTER): it runs with
    // foreign keys off, and the keys are checked before it commits.
    bool rebuildsTables = false;
    // The same step on PostgreSQL. Steps up to pg::BaselineVersion have none: a PostgreSQL
    // store starts from that version's whole schema (PostgresSchema.h) in one step.
    std::string_view postgresSql = {};
};

// The ordered steps from an empty file to the current schema. Append only: a released
// step never changes what it leaves behind (schema and rows), a change is a new step. Only
// how a step gets there may be improved: v8's two backfill passes became one, same rows.
const std::vector<Migration> &migrations();
int latestSchemaVersion();

// Brings the store to `target` (default: latest), one transaction per step. Throws
// StoreError if the store is newer than this build knows.
void migrate(Database &db, int target = -1);

} // namespace baton::store
