#include "util/Backoff.h"

#include <algorithm>
#include <charconv>
#include <random>

namespace baton::util {

std::chrono::milliseconds Backoff::delayBefore(int retry) const
{
    thread_local std::mt19937_64 engine{std::random_device{}()};
    const int doublings = std::clamp(retry - 1, 0, 30);
    const auto full = std::min<long long>(cap.count(), base.count() << doublings);
    std::uniform_int_distribution<long long> jitter(full / 2, std::max(full / 2, full));
    return std::chrono::milliseconds(jitter(engine));
}

std::optional<std::chrono::milliseconds> parseRetryAfter(std::string_view value)
{
    while (!value.empty() && value.front() == ' ')
        value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ')
        value.remove_suffix(1);
    long long seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc::result_out_of_range && end == value.data() + value.size() &&
        value.front() != '-')
        return kMaxRetryAfter; // more digits than a long long: asked for far too long
    if (ec != std::errc() || end != value.data() + value.size() || seconds < 0)
        return std::nullopt;
    return std::min<std::chrono::milliseconds>(kMaxRetryAfter,
                                               std::chrono::seconds(std::min<long long>(seconds, 86400)));
}

} // namespace baton::util
