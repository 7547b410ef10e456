#include "scoring/LeadFacts.h"

#include "scoring/FactBuilder.h"
#include "store/Database.h"

#include <map>
#include <nlohmann/json.hpp>

namespace baton::scoring {

namespace {

using util::TimePoint;

struct Lead
{
    std::int64_t id = 0;
    bool convertedBeforeHandoff = false;
    Example example;
    std::optional<std::string> domain, email;
    FactBuilder facts;
};

std::vector<Lead> readLeads(store::Database &db, TimePoint asOf, const HistoryOptions &o,
                            History &history)
{
    std::vector<Lead> out;
    std::int64_t converts = 0;
    const auto day = std::chrono::hours(24);
    auto st = db.prepare("SELECT id, record, created_at, converted_at, company_domain, email "
                         "FROM leads ORDER BY id");
    while (st.step()) {
        const auto created = util::parseRfc3339(st.optionalTextAt(2).value_or(""));
        if (!created || *created > asOf - day * o.matureDays)
            continue; // too young to know how it turned out
        const auto converted = util::parseRfc3339(st.optionalTextAt(3).value_or(""));
        TimePoint cutoff = asOf;
        bool early = false;
        if (o.windowDays > 0) {
            cutoff = *created + day * o.windowDays;
            early = converted && *converted <= cutoff;
            if (early)
                cutoff = *converted - std::chrono::seconds(1);
        }
        Lead lead{st.int64At(0), early, {}, {}, {}, FactBuilder(cutoff, o.halfLifeDays)};
        lead.example.leadId = lead.id;
        lead.example.label = converted && *converted <= asOf ? 1 : 0;
        lead.example.at = util::formatUtc(*created); // older leads fit, newer ones test
        lead.email = st.optionalTextAt(5);
        lead.domain = accountDomain(st.optionalTextAt(4), lead.email);
        lead.facts.addRecordText("lead.", st.textViewAt(1), "lead#" + std::to_string(lead.id));
        history.convertedBeforeHandoff += early;
        converts += lead.example.label;
        out.push_back(std::move(lead));
    }
    history.keptConvertedBeforeHandoff =
        history.convertedBeforeHandoff > 0 && 2 * history.convertedBeforeHandoff >= converts;
    if (!history.keptConvertedBeforeHandoff)
        std::erase_if(out, [](const Lead &lead) { return lead.convertedBeforeHandoff; });
    return out;
}

void addAccounts(store::Database &db, std::vector<Lead> &leads)
{
    std::map<std::string, std::pair<std::int64_t, std::string>> byDomain;
    auto st = db.prepare("SELECT id, domain, record FROM accounts ORDER BY id DESC");
    while (st.step())
        byDomain[st.textAt(1)] = {st.int64At(0), st.textAt(2)}; // the lowest id stays
    for (Lead &lead : leads)
        if (lead.domain)
            if (const auto it = byDomain.find(*lead.domain); it != byDomain.end())
                lead.facts.addRecordText("account.", it->second.second,
                                         "account#" + std::to_string(it->second.first));
}

// Each lead gets its subject's newest observation made by its handoff moment.
void addEnrichment(store::Database &db, std::vector<Lead> &leads)
{
    std::map<std::pair<std::string, std::string>, std::vector<std::pair<std::int64_t, std::string>>>
        observed;
    auto st = db.prepare(
        "SELECT id, subject_kind, subject_key, record FROM enrichment ORDER BY observed_at, id");
    while (st.step())
        observed[{st.textAt(1), st.textAt(2)}].emplace_back(st.int64At(0), st.textAt(3));
    for (Lead &lead : leads)
        for (const auto &[kind, key] :
             {std::pair{"account", lead.domain}, std::pair{"lead", lead.email}}) {
            const auto it = key ? observed.find({kind, *key}) : observed.end();
            if (it == observed.end())
                continue;
            for (auto o = it->second.rbegin(); o != it->second.rend(); ++o) {
                const auto record = nlohmann::json::parse(o->second, nullptr, false);
                if (!record.is_object())
                    continue;
                const auto at = util::parseRfc3339(record.value("observed_at", ""));
                if (at && *at > lead.facts.cutoff())
                    continue;
                lead.facts.addRecord("enrichment.", record.value("fields", nlohmann::json()),
                                     "enrichment#" + std::to_string(o->first));
                break;
            }
        }
}

void addEvents(store::Database &db, std::vector<Lead> &leads)
{
    std::map<std::pair<std::string, std::string>, std::vector<Lead *>> byIdentity;
    std::map<std::int64_t, Lead *> byId;
    for (Lead &lead : leads)
        byId[lead.id] = &lead;
    auto ids = db.prepare("SELECT id, source_system, source_id FROM leads UNION "
                          "SELECT lead_id, source_system, source_id FROM lead_identities");
    while (ids.step())
        if (const auto it = byId.find(ids.int64At(0)); it != byId.end())
            byIdentity[{ids.textAt(1), ids.textAt(2)}].push_back(it->second);
    auto st = db.prepare("SELECT id, lead_system, lead_ref, type, activity_type_id, occurred_at, "
                         "attributes FROM events");
    while (st.step()) {
        const auto it = byIdentity.find({st.textAt(1), st.textAt(2)});
        if (it == byIdentity.end())
            continue;
        const auto at = util::parseRfc3339(st.textAt(5));
        if (!at)
            continue;
        const auto attributes = st.isNull(6) ? std::string_view() : st.textViewAt(6);
        const auto activityType = st.optionalInt64At(4);
        for (Lead *lead : it->second)
            lead->facts.addEvent(st.int64At(0), st.textAt(3), activityType, *at, attributes);
    }
}

} // namespace

History readHistory(store::Database &db, TimePoint asOf, const HistoryOptions &o)
{
    History history;
    auto leads = readLeads(db, asOf, o, history);
    addAccounts(db, leads);
    addEnrichment(db, leads);
    addEvents(db, leads);
    history.examples.reserve(leads.size());
    for (Lead &lead : leads) {
        lead.example.facts = lead.facts.finish();
        history.examples.push_back(std::move(lead.example));
    }
    return history;
}

} // namespace baton::scoring
