#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace baton::util {

// Exponential backoff with jitter: the wait before retry n (n >= 1) is drawn uniformly
// from [d/2, d], d = min(cap, base * 2^(n-1)). Half the wait stays certain, so retries
// spread out without ever hammering immediately ("equal jitter").
struct Backoff
{
    int maxAttempts = 4; // attempts in all, the first included
    std::chrono::milliseconds base{500};
    std::chrono::milliseconds cap{8000};

    std::chrono::milliseconds delayBefore(int retry) const;
};

// The longest wait a server can ask for: a misconfigured or hostile endpoint answering
// "Retry-After: 86400" must not park a worker for a day.
inline constexpr std::chrono::milliseconds kMaxRetryAfter = std::chrono::minutes(10);

// A Retry-After header in delta-seconds form ("120"), capped at kMaxRetryAfter; HTTP-dates
// and garbage give nothing, and the caller falls back to its own backoff.
std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value);

} // namespace baton::util
