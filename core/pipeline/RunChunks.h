#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::pipeline {

struct ClaimedChunk
{
    std::int64_t seq = 0;
    std::int64_t firstLead = 0, lastLead = 0; // the run's leads in this range, both included
};

// A run's leads in chunks that workers (threads of `baton run` processes on any machine)
// claim under leases: the run_chunks table. Whoever holds a chunk's lease evaluates it and
// marks it done in the transaction that writes its items, if it still holds it then. A lease
// ends when its time on the database's clock is up or, on this machine, at once when its
// process is gone. One object per connection; the SQL is prepared once on each.
class RunChunks
{
public:
    // `worker`: this process's name as a lease holder (workerName()).
    RunChunks(store::Database &db, std::string runId, std::string worker,
              std::chrono::milliseconds lease);

    // This machine, this process and a nonce, since process ids are reused.
    static std::string workerName(const std::string &nonce);

    bool hasChunks();
    // Splits the run's leads (sorted, unique) into chunks of `size`; in the caller's
    // transaction.
    void create(const std::vector<std::int64_t> &leads, std::size_t size);

    enum class Next
    {
        Claimed,  // `out` is this worker's now
        Wait,     // every open chunk is another live worker's, or the store is busy
        NoneLeft, // every chunk is done or this worker's
    };
    Next claimNext(ClaimedChunk &out);
    // In the chunk's writing transaction, before its items: false when another worker has
    // taken it over (this one's lease ended), and the transaction must roll back.
    bool complete(std::int64_t seq);
    // This worker's open chunks: their leases start over, or end now.
    void renew();
    void release();
    // Another live worker holds a lease on an open chunk.
    bool othersAtWork();
    std::int64_t openCount();

private:
    bool holderGone(const std::string &holder, bool expired) const;
    bool claim(std::int64_t seq, const std::string &holder, ClaimedChunk &out);

    store::Database &m_db;
    const std::string m_runId;
    const std::string m_worker;
    const std::int64_t m_leaseMs;
};

} // namespace baton::pipeline
