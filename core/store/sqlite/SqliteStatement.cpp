#include "store/sqlite/SqliteStatement.h"

#include "store/StoreError.h"

#include <sqlite3.h>
#include <string>

namespace baton::store {

SqliteStatement::SqliteStatement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        throw StoreError(rc, std::string("cannot prepare statement: ") + sqlite3_errmsg(db) +
                                 " in: " + std::string(sql));
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

void SqliteStatement::fail(int rc) const
{
    throw StoreError(rc, std::string(sqlite3_errmsg(m_db)) + " in: " + std::string(sql()));
}

void SqliteStatement::check(int rc) const
{
    if (rc != SQLITE_OK)
        fail(rc);
}

void SqliteStatement::bindInt64(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, index, value));
}

void SqliteStatement::bindDouble(int index, double value)
{
    check(sqlite3_bind_double(m_stmt, index, value));
}

void SqliteStatement::bindText(int index, std::string_view text, bool copy)
{
    // SQLITE_TRANSIENT: callers routinely bind temporaries; one copy is cheaper than a bug.
    check(sqlite3_bind_text64(m_stmt, index, text.data(), text.size(),
                              copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8));
}

void SqliteStatement::bindNull(int index)
{
    check(sqlite3_bind_null(m_stmt, index));
}

void SqliteStatement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    check(sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

bool SqliteStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    fail(rc);
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t SqliteStatement::int64At(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::doubleAt(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view SqliteStatement::textViewAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::span<const std::uint8_t> SqliteStatement::blobViewAt(int column) const
{
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    return data ? std::span<const std::uint8_t>(data, size) : std::span<const std::uint8_t>{};
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string_view SqliteStatement::sql() const
{
    const char *text = m_stmt ? sqlite3_sql(m_stmt) : nullptr;
    return text ? std::string_view(text) : std::string_view();
}

} // namespace baton::store
