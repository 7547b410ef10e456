#include "pipeline/LeadInputBatch.h"

#include "pipeline/LeadInputRows.h"
#include "store/Database.h"

#include <map>
#include <nlohmann/json.hpp>

namespace baton::pipeline {

namespace {

using Batch = std::unordered_map<std::int64_t, LeadInputs>;

// A batch's keys travel as one JSON array that json_each opens on either engine (a
// PostgreSQL function of the same name stands in for SQLite's).
constexpr const char *kIdsIn = " IN (SELECT CAST(value AS BIGINT) FROM json_each(?))";
constexpr const char *kKeysIn = " IN (SELECT value FROM json_each(?))";

void readLeads(store::Database &db, const std::string &ids, agents::TimePoint now, bool withRecords,
               Batch &batch)
{
    auto &st =
        db.cached(std::string("SELECT ") + rows::kLeadColumns +
                  (withRecords ? rows::kRecordColumn : "") + " FROM leads WHERE id" + kIdsIn);
    st.bind(1, ids);
    while (st.step()) {
        LeadInputs &in = batch[st.int64At(0)];
        in.enrichment.now = now;
        rows::leadInto(st, in);
        if (withRecords)
            rows::leadRecordInto(st, rows::kLeadRecordAt, in);
    }
    st.reset();
}

// Each lead's domain's account with the lowest id, as the per-lead query's ORDER BY id
// LIMIT 1.
void readAccounts(store::Database &db,
                  const std::map<std::string, std::vector<LeadInputs *>> &byDomain,
                  bool withRecords)
{
    nlohmann::json keys = nlohmann::json::array();
    for (const auto &[domain, leads] : byDomain)
        keys.push_back(domain);
    auto &st = db.cached(std::string("SELECT ") + rows::kAccountColumns +
                         (withRecords ? rows::kRecordColumn : "") + " FROM accounts WHERE domain" +
                         kKeysIn + " ORDER BY id");
    st.bind(1, keys.dump());
    std::map<std::string, bool, std::less<>> found;
    while (st.step()) {
        const auto domain = st.textViewAt(2);
        const auto leads = byDomain.find(std::string(domain));
        if (leads == byDomain.end() || !found.emplace(std::string(domain), true).second)
            continue;
        for (LeadInputs *in : leads->second) {
            rows::accountInto(st, *in);
            if (withRecords)
                rows::accountRecordInto(st, rows::kAccountRecordAt, *in);
        }
    }
    st.reset();
}

void readObservations(store::Database &db,
                      const std::map<std::string, std::vector<LeadInputs *>> &byDomain,
                      const std::map<std::string, std::vector<LeadInputs *>> &byEmail)
{
    nlohmann::json domains = nlohmann::json::array(), emails = nlohmann::json::array();
    for (const auto &entry : byDomain)
        domains.push_back(entry.first);
    for (const auto &entry : byEmail)
        emails.push_back(entry.first);
    const std::string select = std::string("SELECT ") + rows::kObservationColumns +
                               ", subject_kind, subject_key FROM enrichment WHERE subject_kind = ";
    auto &st = db.cached(select + "'account' AND subject_key" + kKeysIn + " UNION ALL " + select +
                         "'lead' AND subject_key" + kKeysIn);
    st.bindAll(domains.dump(), emails.dump());
    std::map<LeadInputs *, std::vector<rows::SeenObservation>> seen;
    while (st.step()) {
        const bool account = st.textViewAt(5) == "account";
        const auto &subjects = account ? byDomain : byEmail;
        const auto leads = subjects.find(st.textAt(6));
        if (leads == subjects.end())
            continue;
        const auto observation = rows::observationAt(st, account ? "account" : "lead");
        for (LeadInputs *in : leads->second)
            seen[in].push_back(observation);
    }
    st.reset();
    for (auto &[in, observations] : seen)
        rows::addObservations(std::move(observations), *in);
}

void readEvents(store::Database &db, const std::string &ids, agents::TimePoint now,
                bool withRecords, const std::unordered_set<std::string> *attributeTypes,
                Batch &batch)
{
    auto &st = db.cached(std::string("SELECT ") + rows::kEventColumns + ", li.lead_id" +
                         (withRecords ? rows::eventRecordColumns(attributeTypes) : std::string()) +
                         " FROM lead_identities li JOIN events e ON e.lead_system = "
                         "li.source_system AND e.lead_ref = li.source_id WHERE li.lead_id" +
                         kIdsIn);
    st.bind(1, ids);
    std::unordered_map<std::int64_t,
                       std::pair<std::vector<agents::EventFact>, std::vector<util::Digest>>>
        read;
    while (st.step()) {
        auto &[events, digests] = read[st.int64At(6)];
        rows::addEvent(st, now, events, digests, withRecords ? rows::kEventRecordAt + 1 : -1,
                       attributeTypes);
    }
    st.reset();
    for (auto &[leadId, in] : batch) {
        auto &[events, digests] = read[leadId];
        rows::addEvents(std::move(events), digests, in);
    }
}

} // namespace

Batch readLeadInputBatch(store::Database &db, std::span<const std::int64_t> leadIds,
                         agents::TimePoint now, bool withRecords,
                         const std::unordered_set<std::string> *attributeTypes)
{
    Batch batch;
    if (leadIds.empty())
        return batch;
    const std::string ids = nlohmann::json(std::vector(leadIds.begin(), leadIds.end())).dump();
    readLeads(db, ids, now, withRecords, batch);
    std::map<std::string, std::vector<LeadInputs *>> byDomain, byEmail;
    for (auto &[leadId, in] : batch) {
        if (const auto domain = rows::domainOf(in.enrichment.lead))
            byDomain[*domain].push_back(&in);
        if (in.enrichment.lead.email)
            byEmail[*in.enrichment.lead.email].push_back(&in);
    }
    if (!byDomain.empty())
        readAccounts(db, byDomain, withRecords);
    readObservations(db, byDomain, byEmail);
    readEvents(db, ids, now, withRecords, attributeTypes, batch);
    return batch;
}

} // namespace baton::pipeline
