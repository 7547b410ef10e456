#pragma once

// Baton's schema on PostgreSQL (team mode), as one script of DDL.
#include <string_view>

namespace baton::store::pg {

// The schema version baselineSchema() leaves a new database at.
inline constexpr int BaselineVersion = 16;

// Creates every table, index and view of a new team database in the public schema, and the
// rows a new store starts with: baton_schema at BaselineVersion with Baton's application id
// (SQLite keeps both in PRAGMAs), search_index_state at nothing indexed. Run it in one
// transaction.
std::string_view baselineSchema();

} // namespace baton::store::pg
