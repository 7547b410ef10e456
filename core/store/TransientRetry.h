#pragma once

#include "store/StoreError.h"

#include <chrono>
#include <thread>

namespace baton::store {

// PostgreSQL gave up a transaction to break a deadlock (40P01) or keep serializable order
// (40001): nothing of it happened, and the same work tried again may well succeed.
inline bool isTransient(const StoreError &e)
{
    return e.sqlState() == "40001" || e.sqlState() == "40P01";
}

// Runs `work`, which opens and commits its own transaction and has no effect outside the
// database before it commits, again when the server gave it up as transient; up to
// `attempts` times, a little longer apart each time.
template <typename Work> auto retryTransient(Work &&work, int attempts = 5)
{
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const StoreError &e) {
            if (attempt >= attempts || !isTransient(e))
                throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt));
        }
    }
}

} // namespace baton::store
