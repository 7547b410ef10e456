#pragma once

#include <string_view>

namespace baton::store {

// The two storage engines of one storage layer: SQLite for one person's file (and the
// demo), PostgreSQL for a team's shared database. SQL is written once with `?` parameters;
// what differs between the engines lives in one place per area, branching on this.
enum class Engine
{
    Sqlite,
    Postgres
};

// A PostgreSQL database is named by a libpq URI ("postgresql://...", "postgres://...") or
// a connection string naming a service ("service=team"); any other location is a file.
bool isPostgresLocation(std::string_view location);

} // namespace baton::store
