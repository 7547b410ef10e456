#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace baton::store {

class Database;

// Copies a local store into a team's PostgreSQL database, table by table in batches, each
// batch a transaction of its own: killed half-way, run again and it carries on from the rows
// already there. Then every table is checked by row count and a content hash over its rows
// in key order, computed alike on both sides. After synapse_port_db.
class StorePort
{
public:
    struct Progress
    {
        std::string table;
        std::int64_t done = 0, total = 0;
    };
    struct TableCheck
    {
        std::string table;
        std::int64_t sourceRows = 0, targetRows = 0;
        std::string sourceHash, targetHash;
        bool matches() const { return sourceRows == targetRows && sourceHash == targetHash; }
    };
    struct Result
    {
        std::int64_t rowsCopied = 0;
        bool resumed = false;
        std::vector<TableCheck> checks;
        bool ok() const;
    };

    // `from` is a SQLite store, `to` a PostgreSQL one, both at the same schema version.
    StorePort(Database &from, Database &to, std::string sourceName);

    // Throws StoreError when the target holds other data, or a row cannot be written (naming
    // the table and the row's key).
    Result run(const std::function<void(const Progress &)> &progress);
    // The checks alone, as run() ends with.
    std::vector<TableCheck> check();

    // A table as the port copies it (StorePort.cpp lists them).
    struct Table;

private:
    std::int64_t copy(const Table &table, const std::function<void(const Progress &)> &progress);
    void finish();
    void requireEmptyOrOurs(bool &resumed);

    Database &m_from;
    Database &m_to;
    std::string m_sourceName;
};

} // namespace baton::store
