#pragma once

#include "store/Engine.h"

#include <string>
#include <string_view>

namespace baton::review::search {

// Brief search is where the engines differ most: FTS5 on SQLite (briefs_fts, a virtual table
// keyed by rowid), a tsvector with a GIN index on PostgreSQL (briefs_fts keyed by id). All of
// it lives here; both index the text of the brief_search_text view.

// What a person typed, as the engine's query: every word a prefix, all of them required.
// Empty when there is nothing to search for.
std::string queryOf(store::Engine engine, const std::string &typed);
// "id IN (...)" with one parameter, the query.
std::string_view matchClause(store::Engine engine);
// Removes brief ?1 from the index if the index has reached it.
std::string_view dropDocument(store::Engine engine);
// Indexes brief ?1.
std::string_view addDocument(store::Engine engine);
// Indexes the briefs with ?1 < id <= ?2.
std::string_view addDocuments(store::Engine engine);
// Where a search's rows are counted and chosen: SQLite is told to use the narrow index led
// by id (its planner prefers the primary key); PostgreSQL's planner chooses by itself.
std::string_view searchSource(store::Engine engine);

} // namespace baton::review::search
