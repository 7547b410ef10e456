#pragma once

#include "scoring/FactBuilder.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace baton::scoring {

// The bins each account's record and provider record gave the last lead that read them, so
// that the next lead of the same account does not parse them again (an account has a few
// leads; its record is most of what a lead's facts cost after its own). Kept per worker
// thread, for one model's filter and one cutoff at a time; not thread-safe.
class RecordBinsMemo
{
public:
    // Forgets everything when the filter or the cutoff is another than before.
    void use(const FactFilter &filter, util::TimePoint cutoff);
    // The bins of the record of `kind` and `id` if it was read with the same content: `digest`
    // is its SHA-256 as read (a few bytes to compare, where the record is hundreds).
    const RecordBins *find(char kind, std::int64_t id, std::string_view digest) const;
    void keep(char kind, std::int64_t id, std::string digest, RecordBins bins);
    std::size_t size() const { return m_kept.size(); }

private:
    struct Kept
    {
        std::string digest;
        RecordBins bins;
    };
    static std::uint64_t keyOf(char kind, std::int64_t id);
    const FactFilter *m_filter = nullptr;
    util::TimePoint m_cutoff{};
    std::unordered_map<std::uint64_t, Kept> m_kept;
};

} // namespace baton::scoring
