#include "scoring/RecordBinsMemo.h"

namespace baton::scoring {

namespace {
// A worker reads a run's leads in order of id, and an account's leads come and go across it:
// enough for every account of a large store, and a bound on what is kept.
constexpr std::size_t kMostKept = 1 << 16;
} // namespace

void RecordBinsMemo::use(const FactFilter &filter, util::TimePoint cutoff)
{
    if (m_filter == &filter && m_cutoff == cutoff)
        return;
    m_kept.clear();
    m_filter = &filter;
    m_cutoff = cutoff;
}

std::uint64_t RecordBinsMemo::keyOf(char kind, std::int64_t id)
{
    // Ids are row ids, well below 2^56; the kind takes the top byte.
    return (static_cast<std::uint64_t>(static_cast<unsigned char>(kind)) << 56) ^
           static_cast<std::uint64_t>(id);
}

const RecordBins *RecordBinsMemo::find(char kind, std::int64_t id, std::string_view digest) const
{
    const auto it = m_kept.find(keyOf(kind, id));
    return it != m_kept.end() && it->second.digest == digest ? &it->second.bins : nullptr;
}

void RecordBinsMemo::keep(char kind, std::int64_t id, std::string digest, RecordBins bins)
{
    if (m_kept.size() >= kMostKept)
        m_kept.clear();
    m_kept.insert_or_assign(keyOf(kind, id), Kept{std::move(digest), std::move(bins)});
}

} // namespace baton::scoring
