#include "store/Transaction.h"

#include "store/Database.h"

namespace baton::store {

Transaction::Transaction(Database &db) : m_db(db)
{
    m_db.beginWrite();
    m_open = true;
}

Transaction::~Transaction()
{
    if (m_open) {
        try {
            m_db.exec("ROLLBACK");
        } catch (...) {
            // The connection may already have rolled back (e.g. after SQLITE_FULL).
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_open = false;
}

void Transaction::rollback()
{
    m_db.exec("ROLLBACK");
    m_open = false;
}

} // namespace baton::store
