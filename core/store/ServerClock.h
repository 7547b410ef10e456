#pragma once

#include "store/Engine.h"

#include <string_view>

namespace baton::store {

// The database's own clock, in milliseconds since the epoch, as an SQL expression. Leases
// that workers on several machines compare are measured on it: one clock they all share,
// whatever each machine's says, and not the run's as-of time, which `--now` can hold still.
constexpr std::string_view serverMillisSql(Engine engine)
{
    return engine == Engine::Postgres
               ? "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)"
               : "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)";
}

} // namespace baton::store
