#include "scoring/LeadFacts.h"

#include "store/Database.h"

#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>

namespace baton::scoring {

namespace {

using util::TimePoint;

// Who the lead is and the clock, not facts about its intent.
constexpr std::array<std::string_view, 13> kNotFacts{
    "email",         "first_name", "last_name",  "phone",   "source_id",
    "source_system", "identities", "created_at", "company", "company_domain",
    "domain",        "name",       "subject"};

double daysBetween(TimePoint from, TimePoint to)
{
    return std::chrono::duration<double>(to - from).count() / 86400.0;
}

std::optional<double> numberIn(std::string_view text)
{
    double value = 0;
    const auto end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value) ? std::optional(value)
                                                                   : std::nullopt;
}

std::optional<TimePoint> dateIn(const std::string &text)
{
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        return util::parseRfc3339(text + "T00:00:00Z");
    if (text.size() >= 20 && text[10] == 'T')
        return util::parseRfc3339(text);
    return std::nullopt;
}

void addScalar(Facts &facts, const std::string &name, const nlohmann::json &v, TimePoint cutoff,
               const std::string &evidence)
{
    if (v.is_boolean()) {
        facts[name] = Fact{v.get<bool>() ? "true" : "false", std::nullopt, evidence};
    } else if (v.is_number()) {
        facts[name] = Fact{v.dump(), v.get<double>(), evidence};
    } else if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        if (s.empty())
            return;
        if (const auto at = dateIn(s)) {
            if (*at <= cutoff) // a date after the handoff was not known at it
                facts[name] = Fact{{}, std::floor(daysBetween(*at, cutoff)), evidence};
            return;
        }
        facts[name] = Fact{s, numberIn(s), evidence};
    }
}

void addRecord(Facts &facts, const std::string &prefix, const nlohmann::json &record,
               TimePoint cutoff, const std::string &evidence)
{
    if (!record.is_object())
        return;
    for (const auto &[key, value] : record.items()) {
        if (key == "properties" || key == "fields") {
            addRecord(facts, prefix, value, cutoff, evidence);
            continue;
        }
        bool skip = false;
        for (const auto notFact : kNotFacts)
            skip = skip || key == notFact;
        if (!skip)
            addScalar(facts, prefix + key, value, cutoff, evidence);
    }
}

struct Engagement
{
    int count = 0;
    TimePoint last{};
    std::int64_t lastId = 0;
    double decayed = 0;
    std::map<std::string, double> sums;
};

struct Lead
{
    std::int64_t id = 0;
    TimePoint cutoff{};
    Example example;
    std::string domain, email;
    std::map<std::string, Engagement> engagement; // "events.<type>", "events.activity_<id>"
};

std::vector<Lead> readLeads(store::Database &db, TimePoint asOf, const HistoryOptions &o)
{
    std::vector<Lead> out;
    const auto day = std::chrono::hours(24);
    auto st = db.prepare("SELECT id, record, created_at, converted_at, company_domain, email "
                         "FROM leads ORDER BY id");
    while (st.step()) {
        const auto created = util::parseRfc3339(st.optionalTextAt(2).value_or(""));
        if (!created || *created > asOf - day * o.matureDays)
            continue; // too young to know how it turned out
        const auto converted = util::parseRfc3339(st.optionalTextAt(3).value_or(""));
        Lead lead;
        lead.id = st.int64At(0);
        lead.example.leadId = lead.id;
        lead.cutoff = asOf;
        if (o.windowDays > 0) {
            lead.cutoff = *created + day * o.windowDays;
            if (converted && *converted <= lead.cutoff)
                lead.cutoff = *converted - std::chrono::seconds(1);
        }
        lead.example.label = converted && *converted <= asOf ? 1 : 0;
        lead.example.at = util::formatUtc(*created); // older leads fit, newer ones test
        lead.domain = st.optionalTextAt(4).value_or("");
        lead.email = st.optionalTextAt(5).value_or("");
        addRecord(lead.example.facts, "lead.", nlohmann::json::parse(st.textAt(1), nullptr, false),
                  lead.cutoff, "lead#" + std::to_string(lead.id));
        out.push_back(std::move(lead));
    }
    return out;
}

void addAccounts(store::Database &db, std::vector<Lead> &leads)
{
    std::map<std::string, std::pair<std::int64_t, std::string>> byDomain;
    auto st = db.prepare("SELECT id, domain, record FROM accounts ORDER BY id DESC");
    while (st.step())
        byDomain[st.textAt(1)] = {st.int64At(0), st.textAt(2)}; // the lowest id stays
    for (Lead &lead : leads)
        if (const auto it = byDomain.find(lead.domain); it != byDomain.end())
            addRecord(lead.example.facts, "account.",
                      nlohmann::json::parse(it->second.second, nullptr, false), lead.cutoff,
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
        for (const auto &key : {std::pair<std::string, std::string>{"account", lead.domain},
                                std::pair<std::string, std::string>{"lead", lead.email}}) {
            const auto it = observed.find(key);
            if (it == observed.end())
                continue;
            for (auto o = it->second.rbegin(); o != it->second.rend(); ++o) {
                const auto record = nlohmann::json::parse(o->second, nullptr, false);
                if (!record.is_object())
                    continue;
                const auto at = util::parseRfc3339(record.value("observed_at", ""));
                if (at && *at > lead.cutoff)
                    continue;
                addRecord(lead.example.facts, "enrichment.",
                          record.value("fields", nlohmann::json()), lead.cutoff,
                          "enrichment#" + std::to_string(o->first));
                break;
            }
        }
}

void count(Engagement &e, std::int64_t id, TimePoint at, TimePoint cutoff, double halfLife,
           const nlohmann::json &attributes)
{
    ++e.count;
    if (at >= e.last) {
        e.last = at;
        e.lastId = id;
    }
    e.decayed += std::exp2(-daysBetween(at, cutoff) / halfLife);
    if (attributes.is_object())
        for (const auto &[key, value] : attributes.items()) {
            const auto n = value.is_number()   ? std::optional(value.get<double>())
                           : value.is_string() ? numberIn(value.get_ref<const std::string &>())
                                               : std::nullopt;
            if (n)
                e.sums[key] += *n;
        }
}

void addEvents(store::Database &db, std::vector<Lead> &leads, double halfLife)
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
        const auto text = st.optionalTextAt(6).value_or("");
        const auto attributes =
            text.size() > 2 ? nlohmann::json::parse(text, nullptr, false) : nlohmann::json();
        for (Lead *lead : it->second) {
            if (*at > lead->cutoff)
                continue; // after the handoff: what the lead did next, not what we knew
            count(lead->engagement["events." + st.textAt(3)], st.int64At(0), *at, lead->cutoff,
                  halfLife, attributes);
            if (const auto type = st.optionalTextAt(4))
                count(lead->engagement["events.activity_" + *type], st.int64At(0), *at,
                      lead->cutoff, halfLife, nlohmann::json());
        }
    }
}

void engagementFacts(Lead &lead)
{
    for (const auto &[key, e] : lead.engagement) {
        const std::string evidence = "event#" + std::to_string(e.lastId);
        auto &facts = lead.example.facts;
        facts[key + ".count"] = Fact{std::to_string(e.count), e.count, evidence};
        const double since = std::floor(daysBetween(e.last, lead.cutoff));
        facts[key + ".days_since_last"] = Fact{std::to_string(since), since, evidence};
        facts[key + ".decayed"] = Fact{std::to_string(e.decayed), e.decayed, evidence};
        for (const auto &[attribute, sum] : e.sums)
            facts[key + "." + attribute + ".sum"] = Fact{std::to_string(sum), sum, evidence};
    }
}

} // namespace

std::vector<Example> readHistory(store::Database &db, TimePoint asOf, const HistoryOptions &o)
{
    auto leads = readLeads(db, asOf, o);
    addAccounts(db, leads);
    addEnrichment(db, leads);
    addEvents(db, leads, o.halfLifeDays);
    std::vector<Example> out;
    out.reserve(leads.size());
    for (Lead &lead : leads) {
        engagementFacts(lead);
        out.push_back(std::move(lead.example));
    }
    return out;
}

} // namespace baton::scoring
