#pragma once

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace baton::ingest {

// Copies WAL frames into the store file from a second connection while an import writes,
// so the writer (the one serial stage of an import) never stops for a checkpoint, and the
// copying overlaps with parsing and validation instead of following them.
class BackgroundCheckpointer
{
public:
    explicit BackgroundCheckpointer(
        std::filesystem::path store,
        std::chrono::milliseconds interval = std::chrono::milliseconds(250));
    ~BackgroundCheckpointer();
    BackgroundCheckpointer(const BackgroundCheckpointer &) = delete;
    BackgroundCheckpointer &operator=(const BackgroundCheckpointer &) = delete;

private:
    void run(std::filesystem::path store, std::chrono::milliseconds interval);

    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace baton::ingest
