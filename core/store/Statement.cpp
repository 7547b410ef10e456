#include "store/Statement.h"

#include "store/StoreError.h"

#include <sqlite3.h>
#include <utility>

namespace baton::store {

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        throw StoreError(rc, std::string("cannot prepare statement: ") + sqlite3_errmsg(db) +
                                 " in: " + std::string(sql));
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr))
{
}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

void Statement::fail(int rc) const
{
    throw StoreError(rc, std::string(sqlite3_errmsg(m_db)) + " in: " + std::string(sql()));
}

Statement &Statement::bind(int index, std::int64_t value)
{
    if (const int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (const int rc = sqlite3_bind_double(m_stmt, index, value); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text)
{
    // SQLITE_TRANSIENT: callers routinely bind temporaries; one copy is cheaper than a bug.
    if (const int rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(),
                                           SQLITE_TRANSIENT, SQLITE_UTF8);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bindStatic(int index, std::string_view text)
{
    if (const int rc = sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_STATIC,
                                           SQLITE_UTF8);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bind(int index, std::nullptr_t)
{
    if (const int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK)
        fail(rc);
    return *this;
}

Statement &Statement::bindBlob(int index, std::span<const std::uint8_t> bytes)
{
    if (const int rc =
            sqlite3_bind_blob64(m_stmt, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
        rc != SQLITE_OK)
        fail(rc);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    fail(rc);
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64At(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::doubleAt(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

std::string_view Statement::textViewAt(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!text)
        return {};
    return {text, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

std::string Statement::textAt(int column) const
{
    return std::string(textViewAt(column));
}

std::optional<std::string> Statement::optionalTextAt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return textAt(column);
}

std::optional<double> Statement::optionalDoubleAt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return doubleAt(column);
}

std::optional<std::int64_t> Statement::optionalInt64At(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64At(column);
}

std::vector<std::uint8_t> Statement::blobAt(int column) const
{
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>{};
}

std::span<const std::uint8_t> Statement::blobViewAt(int column) const
{
    const auto *data = static_cast<const std::uint8_t *>(sqlite3_column_blob(m_stmt, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column));
    return data ? std::span<const std::uint8_t>(data, size) : std::span<const std::uint8_t>{};
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

std::string_view Statement::sql() const
{
    const char *text = m_stmt ? sqlite3_sql(m_stmt) : nullptr;
    return text ? std::string_view(text) : std::string_view();
}

} // namespace baton::store
