#pragma once

#include "store/Engine.h"
#include "store/StorePort.h"

#include <QString>
#include <string>

class QCommandLineParser;
class QTemporaryDir;

namespace baton::store {
class Database;
}

namespace baton::app {

// Removes every run, brief and step, so that the next run is a cold one again.
void clearPipelineOutput(store::Database &db);

// A bench's working directory: --dir when given, else `temporary` (removed when it goes);
// created if missing.
QString benchDirectory(const QCommandLineParser &parser, const QTemporaryDir &temporary);

// Where a bench puts a store: a SQLite file in its directory, or (with --pg SERVER) a
// database of its own on that PostgreSQL server, created fresh and dropped WITH (FORCE) when
// this goes. Either way the bench opens location() with store::openStore, so the same work
// runs on both engines.
class BenchStore
{
public:
    static BenchStore file(const QString &path);
    // The database bench_<pid>[_<suffix>] on the server that `serverUri` connects to (any
    // database there, as a superuser or a role that may create databases).
    static BenchStore postgres(const std::string &serverUri, const std::string &suffix = {});
    BenchStore(BenchStore &&other) noexcept;
    BenchStore &operator=(BenchStore &&) = delete;
    BenchStore(const BenchStore &) = delete;
    BenchStore &operator=(const BenchStore &) = delete;
    ~BenchStore();

    // Empties the location (the file and its WAL removed; the database dropped and created
    // anew) and returns it.
    std::string fresh();
    const std::string &location() const { return m_location; }
    // Empties the location and fills it with the SQLite store at `sqlitePath` as `baton store
    // port` does, then has the server gather statistics, so both engines bench the same rows.
    store::StorePort::Result portFrom(const std::string &sqlitePath);
    store::Engine engine() const { return m_engine; }
    // "SQLite" or "PostgreSQL", for the columns side by side.
    QString engineName() const;
    // The same database as the login `login` connects to it (PostgreSQL only).
    std::string locationAs(const std::string &login) const;
    // Runs one statement on the server outside any database of ours (CREATE/DROP ROLE).
    void onServer(const std::string &sql) const;
    // Drops the database now (the destructor does it otherwise); nothing on SQLite.
    void dropDatabase();

private:
    BenchStore(store::Engine engine, std::string location, std::string server,
               std::string database);

    store::Engine m_engine;
    std::string m_location;
    std::string m_server;
    std::string m_database;
};

} // namespace baton::app
