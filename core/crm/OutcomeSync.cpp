#include "crm/OutcomeSync.h"

#include "crm/Connector.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <algorithm>
#include <map>

namespace baton::crm {

OutcomeSummary pullOutcomes(store::Database &db, Connector &crm, HttpTransport &transport,
                            const Clock &clock)
{
    OutcomeSummary summary;
    if (!crm.hasAccessToken())
        if (const auto refresh = crm.refreshRequest())
            if (auto error = crm.acceptRefresh(transport.send(*refresh)); !error.empty()) {
                summary.error = error;
                return summary;
            }
    std::map<std::string, std::int64_t> leadOf; // contact id -> lead
    {
        auto &st = db.cached(
            "SELECT DISTINCT crm_id, json_extract(payload, '$.lead_id') FROM outbox WHERE "
            "kind = 'upsert_person' AND status = 'done' AND crm_system = ?");
        st.bind(1, crm.system());
        while (st.step())
            leadOf[st.textAt(0)] = st.int64At(1);
        st.reset();
    }
    summary.contacts = static_cast<std::int64_t>(leadOf.size());
    std::vector<std::string> ids;
    for (const auto &[id, lead] : leadOf)
        ids.push_back(id);
    const std::string now = util::formatUtcMillis(clock.now());
    const std::size_t size = std::max<std::size_t>(1, crm.outcomeBatch());
    for (std::size_t at = 0; at < ids.size(); at += size) {
        const std::vector<std::string> batch(
            ids.begin() + static_cast<std::ptrdiff_t>(at),
            ids.begin() + static_cast<std::ptrdiff_t>(std::min(at + size, ids.size())));
        const auto request = crm.outcomesRequest(batch);
        if (!request) {
            summary.error = crm.system() + " reports no outcomes";
            return summary;
        }
        HttpResponse response;
        for (int attempt = 0; attempt < 5; ++attempt) {
            response = transport.send(*request);
            const auto verdict = crm.verdict(response);
            if (!verdict || verdict->outcome == DeliveryResult::Outcome::Permanent)
                break;
            clock.sleepFor(verdict->retryAfter.value_or(std::chrono::milliseconds(500 << attempt)));
        }
        if (const auto verdict = crm.verdict(response)) {
            summary.error = verdict->error;
            return summary;
        }
        store::Transaction tx(db);
        auto &save = db.cached(
            "INSERT INTO crm_outcomes (lead_id, crm_system, crm_id, lifecycle_stage, lead_status, "
            "opportunity_seen_at, pulled_at) VALUES (?1, ?7, ?2, nullif(?3, ''), "
            "nullif(?4, ''), CASE WHEN ?5 THEN ?6 END, ?6) "
            "ON CONFLICT (lead_id, crm_system) DO UPDATE SET crm_id = excluded.crm_id, "
            "lifecycle_stage = excluded.lifecycle_stage, lead_status = excluded.lead_status, "
            "opportunity_seen_at = coalesce(crm_outcomes.opportunity_seen_at, "
            "excluded.opportunity_seen_at), pulled_at = excluded.pulled_at");
        for (const auto &o : crm.readOutcomes(response)) {
            const auto lead = leadOf.find(o.crmId);
            if (lead == leadOf.end())
                continue;
            const bool opportunity = o.opportunity;
            save.bindAll(lead->second, o.crmId, o.stage, o.status,
                         static_cast<std::int64_t>(opportunity), now, crm.system());
            save.run();
            ++summary.read;
            summary.opportunities += opportunity;
        }
        tx.commit();
    }
    return summary;
}

} // namespace baton::crm
