#pragma once

#include <cstdint>

struct sqlite3;

namespace baton::store {

class Database;

// While alive, keeps a writer connection's WAL from growing past `frames` frames: after a
// commit that leaves more, the writer checkpoints in RESTART mode, so its next commit
// writes from the start of the WAL file again instead of appending to it.
//
// For writers beside long-lived readers: SQLite starts a WAL over by itself only when the
// writer finds it fully copied and no reader on its frames, which a pipeline run's workers
// never allow. Appended past the end of the file, every 4,120-byte frame write made Linux
// (ext4, large folios) zero the rest of a fresh page-cache folio again: 1.2 s of a
// 100,000-lead run in the kernel's memset. Rewriting pages already cached costs the copy.
// An import has no readers and a background checkpointer that keeps up, so SQLite's own
// restarts suffice there; this would only move copying into its serial writer (measured:
// 4.7 s -> 5.4 s for 1M events).
//
// Replaces the connection's automatic checkpoints while alive (one WAL hook per connection)
// and restores them, at SQLite's default of 1,000 pages, when destroyed.
class WalRestarts
{
public:
    // 16 MiB of 4 KiB pages: small enough to stay in the page cache between restarts, large
    // enough that waiting for readers is rare (33 restarts in a 100,000-lead run).
    static constexpr int kDefaultFrames = 4096;

    // A restart waits up to `waitMs` for readers on old frames (the pipeline's workers let
    // go within milliseconds; a reader that holds on, such as a console page mid-query,
    // must not stall the writer for the connection's whole busy timeout), then the
    // connection's busy timeout is set back to `busyTimeoutMs`.
    WalRestarts(Database &db, int frames, int waitMs = 250, int busyTimeoutMs = 5000);
    ~WalRestarts();
    WalRestarts(const WalRestarts &) = delete;
    WalRestarts &operator=(const WalRestarts &) = delete;

    // Restarts made so far, and attempts readers held off. After one, the next attempt
    // waits for the WAL to grow by twice as much as before: a reader that never lets go
    // costs a few waits per run, not one per `frames`.
    std::int64_t restarts() const { return m_restarts; }
    std::int64_t busy() const { return m_busy; }

private:
    static int onCommit(void *self, sqlite3 *db, const char *name, int frames);

    sqlite3 *m_db;
    int m_frames;
    int m_waitMs;
    int m_busyTimeoutMs;
    int m_nextAttempt;
    int m_backoff;
    std::int64_t m_restarts = 0;
    std::int64_t m_busy = 0;
};

} // namespace baton::store
