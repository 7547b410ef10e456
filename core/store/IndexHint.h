#pragma once

#include "store/Engine.h"

#include <string>
#include <string_view>

namespace baton::store {

// `table INDEXED BY index` on SQLite, whose planner a query pins to the index it was written
// for; the table alone on PostgreSQL, which has no such hint (its planner keeps statistics).
// `table` may carry its alias ("briefs b").
std::string indexedBy(Engine engine, std::string_view table, std::string_view index);

} // namespace baton::store
