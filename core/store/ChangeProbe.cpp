#include "store/ChangeProbe.h"

#include "store/Database.h"

#include <sqlite3.h>
#include <string_view>

namespace baton::store {

namespace {

// One row that differs whenever the area's rows do. Every sub-select is a single min/max or
// a LIMIT 1 on an index, so a stamp costs a few page reads however large the store.
// clang-format off
constexpr std::array<std::string_view, kStoreAreaCount> kStampSql = {
    // Briefs: a new brief, a review action (every approve, edit, escalation, comment ...).
    "SELECT (SELECT max(id) FROM briefs), (SELECT max(id) FROM review_actions)",
    // Outbox: a new operation, an update of one (the push moves the brief's status too).
    "SELECT (SELECT max(id) FROM outbox), (SELECT max(updated_at) FROM outbox), "
    "(SELECT count(*) FROM outbox WHERE status IN ('pending', 'in_flight'))",
    // Audit: append-only.
    "SELECT (SELECT max(seq) FROM audit_log)",
    // Ingest: a new batch, the newest batch's progress, new quarantined records.
    "SELECT (SELECT max(id) FROM quarantine), id, status, records_read, records_quarantined "
    "FROM ingest_batches ORDER BY id DESC LIMIT 1",
    // Runs: a new run, the newest run's progress.
    "SELECT rowid, status, leads_done, briefs_written FROM pipeline_runs "
    "ORDER BY rowid DESC LIMIT 1",
};
// clang-format on

} // namespace

ChangeProbe::ChangeProbe(Database &db) : m_db(db)
{
    if (m_db.engine() == Engine::Postgres)
        m_db.listen(kChangeChannel);
}

StoreAreas ChangeProbe::heard()
{
    StoreAreas changed;
    for (const auto &payload : m_db.takeNotifications())
        for (std::size_t i = 0; i < kStoreAreaCount; ++i)
            if (payload == kStoreAreaNames[i])
                changed.set(i);
    if (m_first)
        changed.set();
    m_first = false;
    return changed;
}

std::int64_t ChangeProbe::dataVersion()
{
    auto &st = m_db.cached("PRAGMA data_version");
    const std::int64_t version = st.step() ? st.int64At(0) : 0;
    st.reset();
    return version;
}

std::string ChangeProbe::stamp(StoreArea area)
{
    auto &st = m_db.cached(kStampSql[areaBit(area)]);
    std::string out;
    if (st.step())
        for (int c = 0; c < st.columnCount(); ++c)
            out += st.textAt(c) + '|';
    st.reset();
    return out;
}

StoreAreas ChangeProbe::poll()
{
    if (m_db.engine() == Engine::Postgres)
        return heard();
    const std::int64_t version = dataVersion();
    const std::int64_t own = sqlite3_total_changes64(m_db.sqliteHandle());
    if (!m_first && version == m_dataVersion && own == m_ownChanges)
        return {};
    m_dataVersion = version;
    m_ownChanges = own;
    StoreAreas changed;
    for (std::size_t i = 0; i < kStoreAreaCount; ++i) {
        std::string now = stamp(static_cast<StoreArea>(i));
        if (m_first || now != m_stamps[i])
            changed.set(i);
        m_stamps[i] = std::move(now);
    }
    m_first = false;
    return changed;
}

} // namespace baton::store
