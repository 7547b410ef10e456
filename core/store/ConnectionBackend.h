#pragma once

#include "store/Engine.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace baton::store {

class StatementBackend;

// What an engine implements for Database: one connection, used by one thread at a time.
class ConnectionBackend
{
public:
    virtual ~ConnectionBackend() = default;

    virtual Engine engine() const = 0;
    // One or more statements without parameters or rows (DDL, settings).
    virtual void exec(std::string_view sql) = 0;
    // `persistent`: the statement is kept and reused (Database::cached).
    virtual std::unique_ptr<StatementBackend> prepare(std::string_view sql, bool persistent) = 0;
    // Starts a transaction that writes: SQLite takes the write lock up front.
    virtual void beginWrite() = 0;
    virtual bool inTransaction() const = 0;
    // Rows the last INSERT, UPDATE or DELETE changed.
    virtual int changes() const = 0;
    // The schema version the store records, 0 for an empty one.
    virtual int schemaVersion() = 0;
    // Empty when sound; else the engine's findings.
    virtual std::vector<std::string> checkIntegrity(bool thorough) = 0;
    // Sends `data` in PostgreSQL's COPY text format to `copySql` (COPY ... FROM STDIN).
    virtual void copyIn(std::string_view copySql, std::string_view data);
    // Asynchronous notifications on `channel` (PostgreSQL's LISTEN); SQLite has none.
    virtual void listen(std::string_view) {}
    // The payloads that arrived since the last call, without waiting.
    virtual std::vector<std::string> takeNotifications() { return {}; }
};

} // namespace baton::store
