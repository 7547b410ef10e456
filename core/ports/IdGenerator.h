#pragma once

#include <chrono>
#include <cstdint>
#include <random>
#include <string>

namespace baton {

// Ids are a port so tests can make them predictable.
class IdGenerator
{
public:
    virtual ~IdGenerator() = default;
    // RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then randomness; sorts by time.
    virtual std::string uuidV7(std::chrono::system_clock::time_point at) = 0;
    // Lower-case hex of `bytes` random bytes (trace ids: 16, span ids: 8).
    virtual std::string randomHex(int bytes) = 0;
};

class RandomIdGenerator final : public IdGenerator
{
public:
    RandomIdGenerator() : m_engine(std::random_device{}()) {}
    explicit RandomIdGenerator(std::uint64_t seed) : m_engine(seed) {}

    std::string uuidV7(std::chrono::system_clock::time_point at) override
    {
        const auto ms = static_cast<std::uint64_t>(
            std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count());
        std::uint64_t hi = (ms << 16) | 0x7000 | (m_engine() & 0x0fff);
        std::uint64_t lo = (m_engine() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
        std::string hex = toHex(hi, 16) + toHex(lo, 16);
        return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
               hex.substr(16, 4) + "-" + hex.substr(20);
    }

    std::string randomHex(int bytes) override
    {
        std::string out;
        while (static_cast<int>(out.size()) < bytes * 2)
            out += toHex(m_engine(), 16);
        return out.substr(0, static_cast<std::size_t>(bytes) * 2);
    }

private:
    static std::string toHex(std::uint64_t v, int digits)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string s(static_cast<std::size_t>(digits), '0');
        for (int i = digits - 1; i >= 0; --i, v >>= 4)
            s[static_cast<std::size_t>(i)] = kHex[v & 0xf];
        return s;
    }

    std::mt19937_64 m_engine;
};

} // namespace baton
