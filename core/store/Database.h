#pragma once

#include "store/Engine.h"
#include "store/Statement.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;

namespace baton::store {

class ConnectionBackend;

// One connection to a Baton store: a SQLite file in WAL mode, or a team's PostgreSQL
// database. Not thread-safe; give each thread its own Database on the same store (WAL lets
// readers run beside one writer; PostgreSQL serves many connections).
class Database
{
public:
    struct Options
    {
        bool readOnly = false;
        bool create = true;
        int busyTimeoutMs = 5000;
        // quick_check reads every page: skip it only on hot paths that reopen a store that
        // another connection in the same process has just checked.
        bool quickCheck = true;
        // ...and only up to this size: on a 15 GB store it read for 2.5 minutes before the
        // console could open. A bigger store gets the header and schema checks here, and the
        // page-by-page one from `baton check`.
        std::uintmax_t quickCheckUpToBytes = std::uintmax_t(256) << 20;
    };

    // Opens (creating if allowed) and verifies the file; throws StoreError with a message
    // that names the file for a corrupt store or a SQLite file that is not Baton's. A
    // PostgreSQL location (isPostgresLocation) connects to that database instead.
    static Database open(const std::filesystem::path &path, Options options);
    static Database open(const std::filesystem::path &path) { return open(path, Options{}); }
    static Database openInMemory();

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    // Prepared once per connection and reused; returned reset with bindings cleared.
    Statement &cached(std::string_view sql);

    // SQLite's last_insert_rowid, for the import's upsert that tells an insert from an
    // update by it; elsewhere INSERT ... RETURNING id, which both engines speak.
    std::int64_t lastInsertRowId() const;
    void setLastInsertRowId(std::int64_t id);
    // Starts a writing transaction; Transaction is how callers use it.
    void beginWrite();
    int changes() const;
    // The store's schema version (SQLite's user_version; a table on PostgreSQL).
    int userVersion();
    bool inTransaction() const;
    // Every page read and checked: quick_check, or integrity_check (indexes against their
    // tables too) when `thorough`. Empty when the store is sound, else SQLite's findings.
    std::vector<std::string> checkIntegrity(bool thorough);
    // PostgreSQL's LISTEN on this connection, and the payloads heard since the last call
    // (nothing on SQLite).
    void listen(std::string_view channel);
    // PostgreSQL's COPY ... FROM STDIN with `data` in its text format (rows of tab-separated
    // values, \N for null); SQLite has no COPY and refuses.
    void copyIn(std::string_view copySql, std::string_view data);
    std::vector<std::string> takeNotifications();

    Engine engine() const;
    // The file, or the PostgreSQL location as given (passwords are never part of it: libpq
    // reads them from ~/.pgpass, PGPASSFILE or a service file).
    const std::filesystem::path &path() const { return m_path; }
    // The SQLite connection, for SQLite-only tuning (WAL hooks); null on PostgreSQL.
    sqlite3 *sqliteHandle() const;

    // 'BATN' in the header, so we can tell a foreign SQLite file from an empty store.
    static constexpr std::int32_t ApplicationId = 0x4241544E;

private:
    Database(std::unique_ptr<ConnectionBackend> connection, std::filesystem::path path);

    std::unique_ptr<ConnectionBackend> m_connection;
    std::filesystem::path m_path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> m_cache;
};

} // namespace baton::store
