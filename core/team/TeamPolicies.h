#pragma once

#include <string>

namespace baton::team {

// What `baton team init` runs on a team's PostgreSQL database, as its owner, in one
// transaction: the group roles (baton_rep, baton_manager, baton_marketing_ops, baton_admin),
// their GRANTs, and row-level security that mirrors core's permission matrix and review
// transition table. Generated from those tables, so the database and core never disagree.
// Running it again brings an existing database up to date (it drops and recreates what it
// owns, never data).
std::string teamInitSql();

// The group role of a Baton role: "baton_rep" for "rep".
std::string groupRole(const std::string &role);

} // namespace baton::team
