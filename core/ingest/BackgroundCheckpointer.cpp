#include "ingest/BackgroundCheckpointer.h"

#include "store/Database.h"

#include <pthread.h>

namespace baton::ingest {

BackgroundCheckpointer::BackgroundCheckpointer(std::filesystem::path store,
                                               std::chrono::milliseconds interval)
    : m_thread([this, store = std::move(store), interval] { run(store, interval); })
{
}

BackgroundCheckpointer::~BackgroundCheckpointer()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
    m_thread.join();
}

void BackgroundCheckpointer::run(std::filesystem::path store, std::chrono::milliseconds interval)
{
    pthread_setname_np(pthread_self(), "baton-ckpt");
    try {
        store::Database::Options options;
        options.create = false;
        options.quickCheck = false; // the importing connection checked the file just now
        auto db = store::Database::open(store, options);
        std::unique_lock lock(m_mutex);
        while (!m_cv.wait_for(lock, interval, [&] { return m_stop; })) {
            lock.unlock();
            // PASSIVE: copies what it can without blocking the writer or readers.
            db.exec("PRAGMA wal_checkpoint(PASSIVE)");
            lock.lock();
        }
    } catch (const std::exception &) {
        // A missed checkpoint only delays copying: the importer checkpoints at its end.
    }
}

} // namespace baton::ingest
