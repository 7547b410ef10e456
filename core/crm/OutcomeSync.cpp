#include "crm/OutcomeSync.h"

#include "crm/HubSpotConnector.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <map>

namespace baton::crm {

namespace {

// HubSpot's default lifecycle stages from the opportunity on.
bool opportunityOrBeyond(const std::string &stage)
{
    return stage == "opportunity" || stage == "customer" || stage == "evangelist";
}

} // namespace

OutcomeSummary pullOutcomes(store::Database &db, const HubSpotConnector &hubspot,
                            HttpTransport &transport, const Clock &clock)
{
    OutcomeSummary summary;
    std::map<std::string, std::int64_t> leadOf; // contact id -> lead
    {
        auto &st = db.cached("SELECT DISTINCT crm_id, payload ->> '$.lead_id' FROM outbox WHERE "
                             "kind = 'upsert_person' AND status = 'done' AND crm_system = "
                             "'hubspot'");
        while (st.step())
            leadOf[st.textAt(0)] = st.int64At(1);
        st.reset();
    }
    summary.contacts = static_cast<std::int64_t>(leadOf.size());
    std::vector<std::string> ids;
    for (const auto &[id, lead] : leadOf)
        ids.push_back(id);
    const std::string now = util::formatUtcMillis(clock.now());
    for (std::size_t at = 0; at < ids.size(); at += 100) {
        const std::vector<std::string> batch(
            ids.begin() + static_cast<std::ptrdiff_t>(at),
            ids.begin() + static_cast<std::ptrdiff_t>(std::min(at + 100, ids.size())));
        HttpResponse response;
        for (int attempt = 0; attempt < 5; ++attempt) {
            response = transport.send(hubspot.readContacts(batch));
            const auto verdict = HubSpotConnector::classify(response, false);
            if (!verdict || verdict->outcome == DeliveryResult::Outcome::Permanent)
                break;
            clock.sleepFor(verdict->retryAfter.value_or(std::chrono::milliseconds(500 << attempt)));
        }
        if (const auto verdict = HubSpotConnector::classify(response, false)) {
            summary.error = verdict->error;
            return summary;
        }
        store::Transaction tx(db);
        auto &save = db.cached(
            "INSERT INTO crm_outcomes (lead_id, crm_system, crm_id, lifecycle_stage, lead_status, "
            "opportunity_seen_at, pulled_at) VALUES (?1, 'hubspot', ?2, nullif(?3, ''), "
            "nullif(?4, ''), CASE WHEN ?5 THEN ?6 END, ?6) "
            "ON CONFLICT (lead_id, crm_system) DO UPDATE SET crm_id = excluded.crm_id, "
            "lifecycle_stage = excluded.lifecycle_stage, lead_status = excluded.lead_status, "
            "opportunity_seen_at = coalesce(crm_outcomes.opportunity_seen_at, "
            "excluded.opportunity_seen_at), pulled_at = excluded.pulled_at");
        for (const auto &o : HubSpotConnector::readContactsAnswer(response)) {
            const auto lead = leadOf.find(o.crmId);
            if (lead == leadOf.end())
                continue;
            const bool opportunity = opportunityOrBeyond(o.lifecycleStage);
            save.bindAll(lead->second, o.crmId, o.lifecycleStage, o.leadStatus,
                         static_cast<std::int64_t>(opportunity), now);
            save.run();
            ++summary.read;
            summary.opportunities += opportunity;
        }
        tx.commit();
    }
    return summary;
}

} // namespace baton::crm
