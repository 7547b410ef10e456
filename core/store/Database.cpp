#include "store/Database.h"

#include "store/ConnectionBackend.h"
#include "store/StatementBackend.h"
#include "store/StoreError.h"
#include "store/postgres/PgConnection.h"
#include "store/sqlite/SqliteConnection.h"

#include <sqlite3.h>
#include <utility>

namespace baton::store {

void ConnectionBackend::copyIn(std::string_view, std::string_view)
{
    throw StoreError(SQLITE_MISUSE, "COPY is PostgreSQL's");
}

Database::Database(std::unique_ptr<ConnectionBackend> connection, std::filesystem::path path)
    : m_connection(std::move(connection)), m_path(std::move(path))
{
}

Database::Database(Database &&other) noexcept
    : m_connection(std::move(other.m_connection)), m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        m_cache.clear();
        m_connection = std::move(other.m_connection);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Database::~Database()
{
    m_cache.clear(); // statements must be finalized before the connection closes
}

Database Database::open(const std::filesystem::path &path, Options options)
{
    if (isPostgresLocation(path.native()))
        return Database(PgConnection::open(path.native()), path);
    return Database(SqliteConnection::open(path, options), path);
}

Database Database::openInMemory()
{
    return Database(SqliteConnection::openInMemory(), ":memory:");
}

Engine Database::engine() const
{
    return m_connection->engine();
}

sqlite3 *Database::sqliteHandle() const
{
    if (m_connection->engine() != Engine::Sqlite)
        return nullptr;
    return static_cast<const SqliteConnection &>(*m_connection).handle();
}

std::vector<std::string> Database::checkIntegrity(bool thorough)
{
    return m_connection->checkIntegrity(thorough);
}

void Database::copyIn(std::string_view copySql, std::string_view data)
{
    m_connection->copyIn(copySql, data);
}

void Database::listen(std::string_view channel)
{
    m_connection->listen(channel);
}

std::vector<std::string> Database::takeNotifications()
{
    return m_connection->takeNotifications();
}

void Database::exec(std::string_view sql)
{
    m_connection->exec(sql);
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(m_connection->prepare(sql, false));
}

Statement &Database::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end())
        it = m_cache
                 .emplace(std::string(sql),
                          std::make_unique<Statement>(m_connection->prepare(sql, true)))
                 .first;
    it->second->reset();
    return *it->second;
}

std::int64_t Database::lastInsertRowId() const
{
    if (!sqliteHandle())
        throw StoreError(SQLITE_MISUSE, "last_insert_rowid is SQLite's: use RETURNING id");
    return sqlite3_last_insert_rowid(sqliteHandle());
}

void Database::setLastInsertRowId(std::int64_t id)
{
    if (sqliteHandle())
        sqlite3_set_last_insert_rowid(sqliteHandle(), id);
}

void Database::beginWrite()
{
    m_connection->beginWrite();
}

int Database::changes() const
{
    return m_connection->changes();
}

int Database::userVersion()
{
    return m_connection->schemaVersion();
}

bool Database::inTransaction() const
{
    return m_connection->inTransaction();
}

} // namespace baton::store
