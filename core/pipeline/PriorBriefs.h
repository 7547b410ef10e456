#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::pipeline {

// The briefs a batch of leads already has, read in one statement: what a run asks of each
// lead before evaluating it (a brief with the same fingerprint? when was the last?) without
// two statements per lead, each a round trip on PostgreSQL.
class PriorBriefs
{
public:
    void load(store::Database &db, std::span<const std::int64_t> leadIds);
    void clear() { m_leads.clear(); }
    // Whether load() read this lead: only then do the answers below stand for the store.
    bool holds(std::int64_t leadId) const { return m_leads.contains(leadId); }
    // The lowest id of the lead's briefs with this fingerprint.
    std::optional<std::int64_t> withFingerprint(std::int64_t leadId,
                                                const std::string &fingerprint) const;
    // The latest created_at of the lead's briefs, as SQLite's max() orders text.
    std::optional<std::string> lastTime(std::int64_t leadId) const;

private:
    struct Lead
    {
        std::vector<std::pair<std::string, std::int64_t>> fingerprints;
        std::optional<std::string> last;
    };
    std::unordered_map<std::int64_t, Lead> m_leads;
};

} // namespace baton::pipeline
