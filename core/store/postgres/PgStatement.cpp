#include "store/postgres/PgStatement.h"

#include "store/StoreError.h"
#include "store/postgres/PgConnection.h"
#include "store/postgres/PgSql.h"

#include <charconv>
#include <cstdlib>
#include <libpq-fe.h>

namespace baton::store {

namespace {

constexpr Oid kByteaOid = 17;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 0;
}

} // namespace

PgStatement::PgStatement(PgConnection &connection, std::string_view sql, bool persistent)
    : m_connection(connection), m_original(sql), m_persistent(persistent)
{
    auto numbered = pg::numberParameters(sql);
    m_text = std::move(numbered.text);
    m_values.resize(static_cast<std::size_t>(numbered.parameterCount));
    m_null.assign(m_values.size(), 1);
    m_formats.assign(m_values.size(), 0);
}

PgStatement::~PgStatement()
{
    PQclear(m_result);
}

std::string &PgStatement::slot(int index, int format)
{
    if (index < 1 || static_cast<std::size_t>(index) > m_values.size())
        throw StoreError(25 /* SQLITE_RANGE */,
                         "parameter " + std::to_string(index) + " out of range in: " + m_original);
    const auto i = static_cast<std::size_t>(index - 1);
    m_null[i] = 0;
    m_formats[i] = format;
    return m_values[i];
}

void PgStatement::bindInt64(int index, std::int64_t value)
{
    slot(index, 0) = std::to_string(value);
}

void PgStatement::bindDouble(int index, double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    slot(index, 0).assign(buffer, end);
}

void PgStatement::bindText(int index, std::string_view text, bool)
{
    slot(index, 0).assign(text);
}

void PgStatement::bindNull(int index)
{
    slot(index, 0).clear();
    m_null[static_cast<std::size_t>(index - 1)] = 1;
}

void PgStatement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    slot(index, 1).assign(reinterpret_cast<const char *>(bytes.data()), bytes.size());
}

void PgStatement::fail(pg_result *result)
{
    const std::string sqlState = m_connection.errorState(result);
    PQclear(result);
    throw StoreError(pg::sqliteCodeFor(sqlState), m_connection.lastError() + " in: " + m_original,
                     sqlState);
}

pg_result *PgStatement::execute()
{
    PGconn *conn = m_connection.handle();
    const int count = static_cast<int>(m_values.size());
    std::vector<const char *> values(m_values.size());
    std::vector<int> lengths(m_values.size());
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        values[i] = m_null[i] ? nullptr : m_values[i].c_str();
        lengths[i] = static_cast<int>(m_values[i].size());
    }
    if (!m_persistent)
        return PQexecParams(conn, m_text.c_str(), count, nullptr, values.data(), lengths.data(),
                            m_formats.data(), 0);
    if (!m_prepared) {
        m_name = m_connection.nextStatementName();
        PGresult *prepared = PQprepare(conn, m_name.c_str(), m_text.c_str(), count, nullptr);
        if (PQresultStatus(prepared) != PGRES_COMMAND_OK)
            fail(prepared);
        PQclear(prepared);
        m_prepared = true;
    }
    return PQexecPrepared(conn, m_name.c_str(), count, values.data(), lengths.data(),
                          m_formats.data(), 0);
}

bool PgStatement::step()
{
    if (!m_result) {
        PGresult *result = execute();
        const auto status = PQresultStatus(result);
        if (status == PGRES_COMMAND_OK) {
            const char *tuples = PQcmdTuples(result);
            m_connection.noteChanges(tuples && *tuples ? std::atoi(tuples) : 0);
        } else if (status != PGRES_TUPLES_OK) {
            fail(result);
        } else if (const char *tuples = PQcmdTuples(result); tuples && *tuples) {
            m_connection.noteChanges(std::atoi(tuples)); // INSERT ... RETURNING
        }
        m_result = result;
        m_rows = PQntuples(result);
        m_row = -1;
    }
    m_blobs.clear();
    if (m_row + 1 >= m_rows) {
        m_row = m_rows;
        return false;
    }
    ++m_row;
    return true;
}

void PgStatement::reset()
{
    PQclear(m_result);
    m_result = nullptr;
    m_rows = 0;
    m_row = -1;
    m_blobs.clear();
    for (std::size_t i = 0; i < m_values.size(); ++i) {
        m_null[i] = 1;
        m_formats[i] = 0;
    }
}

bool PgStatement::isNull(int column) const
{
    return !m_result || m_row < 0 || m_row >= m_rows || PQgetisnull(m_result, m_row, column);
}

std::string_view PgStatement::textViewAt(int column) const
{
    if (isNull(column))
        return {};
    return {PQgetvalue(m_result, m_row, column),
            static_cast<std::size_t>(PQgetlength(m_result, m_row, column))};
}

std::int64_t PgStatement::int64At(int column) const
{
    const std::string_view text = textViewAt(column);
    if (text.empty())
        return 0;
    if (text == "t" || text == "f") // a boolean expression, as SQLite's 1 and 0
        return text == "t" ? 1 : 0;
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size())
        return value;
    return static_cast<std::int64_t>(doubleAt(column)); // numeric, as SQLite truncates
}

double PgStatement::doubleAt(int column) const
{
    if (isNull(column))
        return 0.0;
    return std::strtod(PQgetvalue(m_result, m_row, column), nullptr);
}

std::span<const std::uint8_t> PgStatement::blobViewAt(int column) const
{
    const std::string_view text = textViewAt(column);
    if (PQftype(m_result, column) != kByteaOid || !text.starts_with("\\x")) {
        return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
    }
    if (m_blobs.size() <= static_cast<std::size_t>(column))
        m_blobs.resize(static_cast<std::size_t>(column) + 1);
    auto &bytes = m_blobs[static_cast<std::size_t>(column)];
    bytes.resize((text.size() - 2) / 2);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] =
            static_cast<std::uint8_t>(hexValue(text[2 + 2 * i]) << 4 | hexValue(text[3 + 2 * i]));
    return bytes;
}

int PgStatement::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

} // namespace baton::store
