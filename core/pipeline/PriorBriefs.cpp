#include "pipeline/PriorBriefs.h"

#include "store/Database.h"

#include <nlohmann/json.hpp>

namespace baton::pipeline {

void PriorBriefs::load(store::Database &db, std::span<const std::int64_t> leadIds)
{
    m_leads.clear();
    for (const auto id : leadIds)
        m_leads[id];
    auto &st = db.cached("SELECT lead_id, id, fingerprint, created_at FROM briefs WHERE lead_id IN "
                         "(SELECT CAST(value AS BIGINT) FROM json_each(?))");
    st.bind(1, nlohmann::json(std::vector(leadIds.begin(), leadIds.end())).dump());
    while (st.step()) {
        Lead &lead = m_leads[st.int64At(0)];
        if (!st.isNull(2))
            lead.fingerprints.emplace_back(st.textAt(2), st.int64At(1));
        if (!st.isNull(3) && (!lead.last || st.textViewAt(3) > *lead.last))
            lead.last = st.textAt(3);
    }
    st.reset();
}

std::optional<std::int64_t> PriorBriefs::withFingerprint(std::int64_t leadId,
                                                         const std::string &fingerprint) const
{
    const auto lead = m_leads.find(leadId);
    if (lead == m_leads.end())
        return std::nullopt;
    std::optional<std::int64_t> lowest;
    for (const auto &[fp, id] : lead->second.fingerprints)
        if (fp == fingerprint && (!lowest || id < *lowest))
            lowest = id;
    return lowest;
}

std::optional<std::string> PriorBriefs::lastTime(std::int64_t leadId) const
{
    const auto lead = m_leads.find(leadId);
    return lead == m_leads.end() ? std::nullopt : lead->second.last;
}

} // namespace baton::pipeline
