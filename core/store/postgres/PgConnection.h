#pragma once

#include "store/ConnectionBackend.h"

#include <string>

struct pg_conn;
struct pg_result;

namespace baton::store {

// A connection to a team's PostgreSQL database through libpq. The location is any libpq
// URI or connection string; passwords and TLS come from where libpq looks for them
// (~/.pgpass, PGPASSFILE, a service file, sslmode in the location).
class PgConnection final : public ConnectionBackend
{
public:
    // The server must be PostgreSQL 13 or newer. Throws StoreError naming the location (never
    // a password) for a wrong login, an unreachable server or an older server.
    static std::unique_ptr<PgConnection> open(const std::string &location);
    ~PgConnection() override;
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    Engine engine() const override { return Engine::Postgres; }
    void exec(std::string_view sql) override;
    std::unique_ptr<StatementBackend> prepare(std::string_view sql, bool persistent) override;
    void beginWrite() override;
    bool inTransaction() const override;
    int changes() const override { return m_changes; }
    int schemaVersion() override;
    std::vector<std::string> checkIntegrity(bool thorough) override;
    void listen(std::string_view channel) override;
    void copyIn(std::string_view copySql, std::string_view data) override;
    std::vector<std::string> takeNotifications() override;

    pg_conn *handle() const { return m_conn; }
    void noteChanges(int rows) { m_changes = rows; }
    std::string nextStatementName() { return "baton_" + std::to_string(++m_statements); }
    // The server's message, its detail and hint, in one line.
    std::string lastError() const;
    // The SQLSTATE of a failed result; 08006 when the connection itself is gone (libpq then
    // often has no result to carry one).
    std::string errorState(const pg_result *result) const;
    const std::string &location() const { return m_location; }

private:
    PgConnection(pg_conn *conn, std::string location);

    pg_conn *m_conn = nullptr;
    std::string m_location; // redacted, for messages
    int m_changes = 0;
    int m_statements = 0;
};

} // namespace baton::store
