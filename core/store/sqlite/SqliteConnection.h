#pragma once

#include "store/ConnectionBackend.h"
#include "store/Database.h"

#include <filesystem>

struct sqlite3;

namespace baton::store {

// A SQLite file in WAL mode, checked on open: the embedded engine.
class SqliteConnection final : public ConnectionBackend
{
public:
    static std::unique_ptr<SqliteConnection> open(const std::filesystem::path &path,
                                                  const Database::Options &options);
    static std::unique_ptr<SqliteConnection> openInMemory();
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    Engine engine() const override { return Engine::Sqlite; }
    void exec(std::string_view sql) override;
    std::unique_ptr<StatementBackend> prepare(std::string_view sql, bool persistent) override;
    void beginWrite() override;
    bool inTransaction() const override;
    int changes() const override;
    int schemaVersion() override;
    std::vector<std::string> checkIntegrity(bool thorough) override;

    sqlite3 *handle() const { return m_db; }

private:
    SqliteConnection(sqlite3 *db, std::filesystem::path path);
    void configure(const Database::Options &options);
    void verify(bool everyPage);
    std::int64_t pragmaValue(const char *sql);

    sqlite3 *m_db = nullptr;
    std::filesystem::path m_path;
};

} // namespace baton::store
