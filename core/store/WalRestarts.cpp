#include "store/WalRestarts.h"

#include "store/Database.h"

#include <sqlite3.h>

namespace baton::store {

WalRestarts::WalRestarts(Database &db, int frames, int waitMs, int busyTimeoutMs)
    : m_db(db.sqliteHandle()), m_frames(frames), m_waitMs(waitMs), m_busyTimeoutMs(busyTimeoutMs),
      m_nextAttempt(frames), m_backoff(frames)
{
    if (m_db) // PostgreSQL has no WAL of ours to keep
        sqlite3_wal_hook(m_db, &WalRestarts::onCommit, this);
}

WalRestarts::~WalRestarts()
{
    // Also removes our hook: automatic checkpoints are a WAL hook of SQLite's own.
    if (m_db)
        sqlite3_wal_autocheckpoint(m_db, 1000);
}

int WalRestarts::onCommit(void *self, sqlite3 *db, const char *name, int frames)
{
    auto &s = *static_cast<WalRestarts *>(self);
    if (frames < s.m_nextAttempt) {
        if (frames < s.m_frames) // restarted by another connection meanwhile
            s.m_nextAttempt = s.m_frames;
        return SQLITE_OK;
    }
    // Runs after the commit, its write lock released (SQLite allows checkpoints here). A
    // checkpoint that fails or is held off by a reader leaves the data as it was: the
    // commit stands either way, so its outcome is not the statement's.
    sqlite3_busy_timeout(db, s.m_waitMs);
    const int rc = sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    sqlite3_busy_timeout(db, s.m_busyTimeoutMs);
    if (rc == SQLITE_OK) {
        ++s.m_restarts;
        s.m_backoff = s.m_frames;
        s.m_nextAttempt = s.m_frames;
    } else {
        ++s.m_busy;
        s.m_backoff = s.m_backoff > (1 << 29) ? s.m_backoff : 2 * s.m_backoff;
        s.m_nextAttempt = frames + s.m_backoff;
    }
    return SQLITE_OK;
}

} // namespace baton::store
