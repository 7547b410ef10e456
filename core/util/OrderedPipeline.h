#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace baton::util {

// Producer -> workers -> one writer, handing chunks to the writer in the order they were
// produced (`Chunk::seq`, from 0). Bounded by `maxInFlight` chunks so a large input never
// sits in memory twice. One condition variable per kind of waiter: with more threads than
// cores, waking everyone on every hand-off cost a fifth of an import's throughput.
template <typename Chunk> class OrderedPipeline
{
public:
    explicit OrderedPipeline(std::size_t maxInFlight) : m_maxInFlight(maxInFlight) {}

    // Producer: blocks while too many chunks are in flight. False if aborted.
    bool submit(Chunk chunk)
    {
        std::unique_lock lock(m_mutex);
        m_spaceCv.wait(lock, [&] { return m_aborted || m_inFlight < m_maxInFlight; });
        if (m_aborted)
            return false;
        ++m_inFlight;
        m_work.push_back(std::move(chunk));
        lock.unlock();
        m_workCv.notify_one();
        return true;
    }

    // Producer: no more chunks after `count`.
    void finishProducing(std::size_t count)
    {
        {
            std::lock_guard lock(m_mutex);
            m_total = count;
        }
        m_workCv.notify_all();
        m_doneCv.notify_all();
    }

    // Worker: the next chunk to work on, or nullopt when there is no more. Chunks the
    // writer has finished are destroyed here, off the writer's thread.
    std::optional<Chunk> takeWork()
    {
        std::vector<Chunk> garbage;
        std::unique_lock lock(m_mutex);
        m_workCv.wait(lock, [&] { return m_aborted || !m_work.empty() || m_total; });
        garbage.swap(m_garbage);
        std::optional<Chunk> chunk;
        if (!m_aborted && !m_work.empty()) {
            chunk = std::move(m_work.front());
            m_work.pop_front();
        }
        lock.unlock();
        garbage.clear();
        return chunk;
    }

    // Worker: a finished chunk.
    void putDone(Chunk chunk)
    {
        bool wakeWriter;
        {
            std::lock_guard lock(m_mutex);
            wakeWriter = chunk.seq == m_nextSeq;
            m_done.emplace(chunk.seq, std::move(chunk));
        }
        if (wakeWriter)
            m_doneCv.notify_one();
    }

    // Writer: the next chunk in order, or nullopt at the end or on abort.
    std::optional<Chunk> takeNext()
    {
        std::unique_lock lock(m_mutex);
        m_doneCv.wait(lock, [&] {
            return m_aborted || m_done.count(m_nextSeq) || (m_total && m_nextSeq >= *m_total);
        });
        const auto it = m_done.find(m_nextSeq);
        if (m_aborted || it == m_done.end())
            return std::nullopt;
        Chunk chunk = std::move(it->second);
        m_done.erase(it);
        ++m_nextSeq;
        --m_inFlight;
        lock.unlock();
        m_spaceCv.notify_one();
        return chunk;
    }

    // Writer: a written chunk, to be freed by a worker.
    void dispose(Chunk chunk)
    {
        std::lock_guard lock(m_mutex);
        m_garbage.push_back(std::move(chunk));
    }

    void abort()
    {
        {
            std::lock_guard lock(m_mutex);
            m_aborted = true;
        }
        m_spaceCv.notify_all();
        m_workCv.notify_all();
        m_doneCv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_spaceCv, m_workCv, m_doneCv;
    std::deque<Chunk> m_work;
    std::map<std::size_t, Chunk> m_done;
    std::vector<Chunk> m_garbage;
    std::size_t m_inFlight = 0;
    std::size_t m_maxInFlight;
    std::size_t m_nextSeq = 0;
    std::optional<std::size_t> m_total;
    bool m_aborted = false;
};

} // namespace baton::util
