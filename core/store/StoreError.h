#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace baton::store {

// A PostgreSQL SQLSTATE saying the connection broke or the server shut it down.
inline bool isConnectionLostState(std::string_view state) noexcept
{
    return state.starts_with("08") || state == "57P01" || state == "57P02" || state == "57P03";
}

// Every failure of the store surfaces as this, carrying a SQLite result code so callers can
// tell "busy" from "corrupt" from "not a database" without parsing messages. PostgreSQL's
// errors carry the nearest SQLite code (a unique violation is SQLITE_CONSTRAINT_UNIQUE, a
// serialization failure or deadlock SQLITE_BUSY) and the SQLSTATE itself.
class StoreError : public std::runtime_error
{
public:
    StoreError(int code, const std::string &message, std::string sqlState = {})
        : std::runtime_error(message), m_code(code), m_sqlState(std::move(sqlState))
    {
    }
    int code() const noexcept { return m_code; }
    // Another writer held the store past the busy timeout (SQLITE_BUSY), or PostgreSQL gave
    // the statement up to a deadlock, serialization or lock timeout: the statement did
    // nothing (on PostgreSQL, nor did its transaction).
    bool busy() const noexcept { return (m_code & 0xff) == kSqliteBusy; }
    static constexpr int kSqliteBusy = 5;
    // Five characters on PostgreSQL ("40001"), empty on SQLite.
    const std::string &sqlState() const noexcept { return m_sqlState; }
    // The team database's connection broke (or the server shut it down): the work may be
    // tried again on a new connection once the server is back.
    bool connectionLost() const noexcept { return isConnectionLostState(m_sqlState); }

private:
    int m_code;
    std::string m_sqlState;
};

} // namespace baton::store
