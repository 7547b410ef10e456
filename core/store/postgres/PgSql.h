#pragma once

#include <string>
#include <string_view>

namespace baton::store::pg {

// Baton's SQL is written once with SQLite's parameters: `?` (the next number after the
// highest so far) and `?N`. PostgreSQL numbers them `$N`. Quoted text, quoted names and
// comments are copied as they are.
struct ParameterizedSql
{
    std::string text;
    int parameterCount = 0;
};
ParameterizedSql numberParameters(std::string_view sql);

// The nearest SQLite result code to a SQLSTATE, so callers branch on one set of codes.
int sqliteCodeFor(std::string_view sqlState);

// A location for messages: a URI's password, if someone wrote one into it, left out.
std::string redactedLocation(std::string_view location);

} // namespace baton::store::pg
