#include "store/postgres/PgSql.h"

#include "store/StoreError.h"

#include <algorithm>
#include <sqlite3.h>

namespace baton::store::pg {

namespace {

// Copies a quoted run starting at sql[i] (the quote) through its closing quote; a doubled
// quote inside is an escaped one and simply continues the run.
std::size_t copyQuoted(std::string_view sql, std::size_t i, std::string &out)
{
    const char quote = sql[i];
    out += quote;
    for (++i; i < sql.size(); ++i) {
        out += sql[i];
        if (sql[i] == quote)
            return i + 1;
    }
    return i;
}

std::size_t copyComment(std::string_view sql, std::size_t i, std::string &out)
{
    const bool line = sql[i] == '-';
    const std::size_t end = line ? sql.find('\n', i) : sql.find("*/", i + 2);
    const std::size_t stop = end == std::string_view::npos ? sql.size() : end + (line ? 1 : 2);
    out.append(sql.substr(i, stop - i));
    return stop;
}

} // namespace

ParameterizedSql numberParameters(std::string_view sql)
{
    ParameterizedSql result;
    result.text.reserve(sql.size() + 16);
    int highest = 0;
    std::size_t i = 0;
    while (i < sql.size()) {
        const char c = sql[i];
        if (c == '\'' || c == '"') {
            i = copyQuoted(sql, i, result.text);
        } else if ((c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') ||
                   (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*')) {
            i = copyComment(sql, i, result.text);
        } else if (c == '?') {
            int number = 0;
            std::size_t j = i + 1;
            for (; j < sql.size() && sql[j] >= '0' && sql[j] <= '9'; ++j)
                number = number * 10 + (sql[j] - '0');
            if (j == i + 1)
                number = highest + 1;
            highest = std::max(highest, number);
            result.text += '$';
            result.text += std::to_string(number);
            i = j;
        } else {
            result.text += c;
            ++i;
        }
    }
    result.parameterCount = highest;
    return result;
}

int sqliteCodeFor(std::string_view state)
{
    if (state == "23505")
        return SQLITE_CONSTRAINT_UNIQUE;
    if (state == "23503")
        return SQLITE_CONSTRAINT_FOREIGNKEY;
    if (state == "23514")
        return SQLITE_CONSTRAINT_CHECK;
    if (state == "23502")
        return SQLITE_CONSTRAINT_NOTNULL;
    if (state.starts_with("23"))
        return SQLITE_CONSTRAINT;
    if (state == "40001" || state == "40P01" || state == "55P03")
        return SQLITE_BUSY;
    if (state == "53100")
        return SQLITE_FULL;
    if (isConnectionLostState(state))
        return SQLITE_IOERR;
    if (state == "42501")
        return SQLITE_PERM;
    if (state == "XX001" || state == "XX002")
        return SQLITE_CORRUPT;
    return SQLITE_ERROR;
}

std::string redactedLocation(std::string_view location)
{
    const auto scheme = location.find("://");
    if (scheme == std::string_view::npos)
        return std::string(location);
    const auto at = location.find('@', scheme + 3);
    const auto slash = location.find('/', scheme + 3);
    if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at))
        return std::string(location);
    const auto colon = location.find(':', scheme + 3);
    if (colon == std::string_view::npos || colon > at)
        return std::string(location);
    return std::string(location.substr(0, colon)) + ":***" + std::string(location.substr(at));
}

} // namespace baton::store::pg
