#include "pipeline/RunChunks.h"

#include "store/Database.h"
#include "store/ServerClock.h"
#include "store/StoreError.h"

#include <cerrno>
#include <climits>
#include <csignal>
#include <unistd.h>

namespace baton::pipeline {

namespace {

std::string thisHost()
{
    char name[HOST_NAME_MAX + 1] = {};
    if (::gethostname(name, sizeof name) != 0)
        return "unknown";
    return name;
}

// Candidates first that are free or whose lease ran out, then the rest (some may be held by
// a process of this machine that is gone); a bounded page, so a claim stays cheap on a run
// of many chunks.
std::string candidatesSql(store::Engine engine)
{
    const std::string now(store::serverMillisSql(engine));
    return "SELECT seq, coalesce(worker, ''), CASE WHEN worker IS NULL OR lease_until < " + now +
           " THEN 1 ELSE 0 END AS free FROM run_chunks WHERE run_id = ? AND done = 0 AND "
           "coalesce(worker, '') <> ? ORDER BY free DESC, seq LIMIT 64";
}

// The compare-and-set that takes a chunk: only from the holder seen. On PostgreSQL a chunk
// another worker is taking or completing right now is skipped, not waited for.
std::string claimSql(store::Engine engine)
{
    const std::string now(store::serverMillisSql(engine));
    const std::string lock = engine == store::Engine::Postgres ? " FOR UPDATE SKIP LOCKED" : "";
    return "UPDATE run_chunks SET worker = ?3, lease_until = " + now +
           " + ?4 WHERE run_id = ?1 AND seq = (SELECT seq FROM run_chunks WHERE run_id = ?1 AND "
           "seq = ?2 AND done = 0 AND coalesce(worker, '') = ?5" +
           lock + ") RETURNING first_lead, last_lead";
}

} // namespace

RunChunks::RunChunks(store::Database &db, std::string runId, std::string worker,
                     std::chrono::milliseconds lease)
    : m_db(db), m_runId(std::move(runId)), m_worker(std::move(worker)), m_leaseMs(lease.count())
{
}

std::string RunChunks::workerName(const std::string &nonce)
{
    return thisHost() + "/" + std::to_string(::getpid()) + "/" + nonce;
}

bool RunChunks::hasChunks()
{
    auto &st = m_db.cached("SELECT 1 FROM run_chunks WHERE run_id = ? LIMIT 1");
    st.bind(1, m_runId);
    const bool any = st.step();
    st.reset();
    return any;
}

void RunChunks::create(const std::vector<std::int64_t> &leads, std::size_t size)
{
    auto &st = m_db.cached(
        "INSERT INTO run_chunks (run_id, seq, first_lead, last_lead) VALUES (?, ?, ?, ?)");
    size = std::max<std::size_t>(size, 1);
    std::int64_t seq = 0;
    for (std::size_t first = 0; first < leads.size(); first += size) {
        const std::size_t last = std::min(first + size, leads.size()) - 1;
        st.bindAll(m_runId, seq++, leads[first], leads[last]);
        st.run();
    }
}

RunChunks::Next RunChunks::claimNext(ClaimedChunk &out)
{
    struct Candidate
    {
        std::int64_t seq;
        std::string holder;
        bool expired;
    };
    std::vector<Candidate> candidates;
    auto &st = m_db.cached(candidatesSql(m_db.engine()));
    st.bindAll(m_runId, m_worker);
    while (st.step())
        candidates.push_back({st.int64At(0), st.textAt(1), st.int64At(2) != 0});
    st.reset();
    if (candidates.empty())
        return Next::NoneLeft;
    // A claim is a write: while another writer holds the store past the busy timeout, this
    // worker waits as it does for a live holder, rather than give the run up.
    try {
        for (const Candidate &c : candidates) {
            if (holderGone(c.holder, c.expired) && claim(c.seq, c.holder, out))
                return Next::Claimed;
        }
    } catch (const store::StoreError &e) {
        if (!e.busy())
            throw;
    }
    return Next::Wait;
}

bool RunChunks::claim(std::int64_t seq, const std::string &holder, ClaimedChunk &out)
{
    auto &st = m_db.cached(claimSql(m_db.engine()));
    st.bindAll(m_runId, seq, m_worker, m_leaseMs, holder);
    const bool taken = st.step();
    if (taken) {
        out.seq = seq;
        out.firstLead = st.int64At(0);
        out.lastLead = st.int64At(1);
    }
    st.reset();
    return taken;
}

bool RunChunks::complete(std::int64_t seq)
{
    auto &st = m_db.cached("UPDATE run_chunks SET done = 1, lease_until = NULL WHERE run_id = ? "
                           "AND seq = ? AND worker = ? AND done = 0");
    st.bindAll(m_runId, seq, m_worker);
    st.run();
    return m_db.changes() == 1;
}

void RunChunks::renew()
{
    auto &st = m_db.cached("UPDATE run_chunks SET lease_until = " +
                           std::string(store::serverMillisSql(m_db.engine())) +
                           " + ? WHERE run_id = ? AND worker = ? AND done = 0");
    st.bindAll(m_leaseMs, m_runId, m_worker);
    st.run();
}

void RunChunks::release()
{
    auto &st = m_db.cached("UPDATE run_chunks SET worker = NULL, lease_until = NULL WHERE "
                           "run_id = ? AND worker = ? AND done = 0");
    st.bindAll(m_runId, m_worker);
    st.run();
}

bool RunChunks::othersAtWork()
{
    auto &st = m_db.cached("SELECT DISTINCT worker FROM run_chunks WHERE run_id = ? AND done = 0 "
                           "AND worker <> ? AND lease_until >= " +
                           std::string(store::serverMillisSql(m_db.engine())));
    st.bindAll(m_runId, m_worker);
    bool busy = false;
    while (!busy && st.step())
        busy = !holderGone(st.textAt(0), false);
    st.reset();
    return busy;
}

std::int64_t RunChunks::openCount()
{
    auto &st = m_db.cached("SELECT count(*) FROM run_chunks WHERE run_id = ? AND done = 0");
    st.bind(1, m_runId);
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

// A lease ends with its time, or on this machine with its process: a run killed here is
// taken over at once by the next, as before leases.
bool RunChunks::holderGone(const std::string &holder, bool expired) const
{
    if (holder.empty() || expired)
        return true;
    const auto slash = holder.find('/');
    if (slash == std::string::npos || holder.compare(0, slash, thisHost()) != 0)
        return false;
    const auto pidEnd = holder.find('/', slash + 1);
    const std::string pidText = holder.substr(slash + 1, pidEnd - slash - 1);
    char *end = nullptr;
    const long pid = std::strtol(pidText.c_str(), &end, 10);
    if (end == pidText.c_str() || pid <= 0)
        return true;
    if (pid == ::getpid()) // an earlier run of this process that left without releasing
        return holder != m_worker;
    return ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH;
}

} // namespace baton::pipeline
