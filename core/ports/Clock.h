#pragma once

#include <chrono>
#include <thread>

namespace baton {

// Time is a port so tests can pin "now" (contract sunsets, staleness, SLAs, durations).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual std::chrono::system_clock::time_point now() const = 0;
    // Monotonic, for durations only.
    virtual std::chrono::steady_clock::time_point steadyNow() const
    {
        return std::chrono::steady_clock::now();
    }
    // Waiting is part of time: a retry's backoff goes through here.
    virtual void sleepFor(std::chrono::milliseconds duration) const
    {
        std::this_thread::sleep_for(duration);
    }
};

class SystemClock final : public Clock
{
public:
    std::chrono::system_clock::time_point now() const override
    {
        return std::chrono::system_clock::now();
    }
};

// Starts at a given moment and runs on from there: a command run with `--now` still sees
// time pass while it waits for a retry or measures a duration.
class StartedClock final : public Clock
{
public:
    explicit StartedClock(std::chrono::system_clock::time_point at)
        : m_at(at), m_started(std::chrono::steady_clock::now())
    {
    }
    std::chrono::system_clock::time_point now() const override
    {
        return m_at + std::chrono::duration_cast<std::chrono::system_clock::duration>(
                          std::chrono::steady_clock::now() - m_started);
    }

private:
    std::chrono::system_clock::time_point m_at;
    std::chrono::steady_clock::time_point m_started;
};

// A clock that stays where it is put; for tests and reproducible demos.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(std::chrono::system_clock::time_point at) : m_at(at) {}
    std::chrono::system_clock::time_point now() const override { return m_at; }
    void set(std::chrono::system_clock::time_point at) { m_at = at; }

private:
    std::chrono::system_clock::time_point m_at;
};

} // namespace baton
