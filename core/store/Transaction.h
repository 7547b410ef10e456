#pragma once

namespace baton::store {

class Database;

// A writing transaction from construction (Database::beginWrite: on SQLite it takes the
// write lock up front, so a writer learns about a competing one within the busy timeout
// rather than failing half-way); rolls back unless committed.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();
    void rollback();
    bool isOpen() const { return m_open; }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace baton::store
