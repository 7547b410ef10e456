#include "agents/EnrichmentAgent.h"

#include "agents/Normalization.h"
#include "util/Time.h"

#include <algorithm>
#include <cmath>

namespace baton::agents {

namespace {

std::string ref(const char *table, std::int64_t id)
{
    return std::string(table) + "#" + std::to_string(id);
}

std::string show(const nlohmann::json &value)
{
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// Company facts come from the account and from account observations; person facts from
// the lead and lead observations.
constexpr const char *kCompanyFields[] = {"industry", "employees", "country", "annual_revenue"};
constexpr const char *kPersonFields[] = {"job_title"};

} // namespace

nlohmann::json EnrichedProfile::toJson(bool withFields) const
{
    nlohmann::json out = nlohmann::json::object();
    if (withFields) {
        nlohmann::json f = nlohmann::json::object();
        for (const auto &[name, field] : fields)
            f[name] = {{"value", field.value},
                       {"source", field.source},
                       {"evidence", field.evidence},
                       {"stale", field.stale},
                       {"rule", field.rule}};
        out["fields"] = std::move(f);
    }
    nlohmann::json c = nlohmann::json::array();
    for (const auto &conflict : conflicts) {
        nlohmann::json candidates = nlohmann::json::array();
        for (const auto &cand : conflict.candidates)
            candidates.push_back({{"value", cand.value},
                                  {"source", cand.source},
                                  {"evidence", cand.evidence},
                                  {"stale", cand.stale}});
        c.push_back({{"field", conflict.field},
                     {"candidates", candidates},
                     {"chosen", conflict.chosen},
                     {"rule", conflict.rule},
                     {"matters", conflict.matters}});
    }
    out["conflicts"] = std::move(c);
    out["stale_fields"] = staleFields;
    out["escalations"] = escalations;
    out["rationale"] = rationale;
    out["inputs"] = inputs;
    return out;
}

EnrichmentAgent::EnrichmentAgent(EnrichmentPolicy policy) : m_policy(std::move(policy))
{
}

bool EnrichmentAgent::mayRead(const std::string &what) const
{
    return std::find(m_policy.scope.reads.begin(), m_policy.scope.reads.end(), what) !=
           m_policy.scope.reads.end();
}

const Candidate *EnrichmentAgent::choose(const std::vector<Candidate> &candidates,
                                         std::string &rule) const
{
    std::vector<const Candidate *> pool;
    for (const auto &c : candidates)
        pool.push_back(&c);
    const bool anyFresh = std::any_of(pool.begin(), pool.end(), [](auto *c) { return !c->stale; });
    if (m_policy.conflictRule == ConflictRule::FreshThenPriority && anyFresh) {
        pool.erase(std::remove_if(pool.begin(), pool.end(), [](auto *c) { return c->stale; }),
                   pool.end());
        rule = "fresh data first, then provider priority";
    } else if (m_policy.conflictRule == ConflictRule::HighestConfidence) {
        rule = "highest confidence";
    } else {
        rule = "provider priority";
    }
    // Ties go to the provider ranked first, then to the newest observation.
    const auto better = [&](const Candidate *a, const Candidate *b) {
        if (m_policy.conflictRule == ConflictRule::HighestConfidence &&
            a->confidence != b->confidence)
            return a->confidence > b->confidence;
        const auto ra = m_policy.rankOf(a->source), rb = m_policy.rankOf(b->source);
        if (ra != rb)
            return ra < rb;
        return a->observedAt.value_or(TimePoint::max()) > b->observedAt.value_or(TimePoint::max());
    };
    return *std::min_element(pool.begin(), pool.end(), better);
}

void EnrichmentAgent::resolve(const std::string &field, std::vector<Candidate> candidates,
                              EnrichedProfile &out) const
{
    if (candidates.empty())
        return;
    std::string rule;
    const Candidate *chosen = choose(candidates, rule);

    // Do the candidates disagree? Employee counts within the policy's tolerance do not.
    const auto same = [&](const nlohmann::json &a, const nlohmann::json &b) {
        if (field == "employees" && a.is_number() && b.is_number()) {
            const double x = a.get<double>(), y = b.get<double>();
            return std::abs(x - y) <= m_policy.employeeTolerance * std::max(x, y);
        }
        if (a.is_string() && b.is_string()) {
            std::string s = a.get<std::string>(), t = b.get<std::string>();
            std::transform(s.begin(), s.end(), s.begin(), ::tolower);
            std::transform(t.begin(), t.end(), t.begin(), ::tolower);
            return s == t;
        }
        return a == b;
    };
    const bool disagree =
        std::any_of(candidates.begin(), candidates.end(),
                    [&](const Candidate &c) { return !same(c.value, chosen->value); });

    ProfileField value{chosen->value,
                       chosen->source,
                       {chosen->evidence},
                       chosen->stale,
                       candidates.size() == 1 ? "the only source" : rule};
    for (const auto &c : candidates)
        if (&c != chosen && same(c.value, chosen->value))
            value.evidence.push_back(c.evidence); // agreeing sources back the value too
    out.fields[field] = value;

    const bool matters = m_policy.fieldsThatMatter.count(field) != 0;
    if (chosen->stale) {
        out.staleFields.push_back(field);
        if (matters && m_policy.escalateWhen.count("stale_on_field_that_matters"))
            out.escalations.push_back(field + " rests on stale data (" + chosen->evidence +
                                      ", older than " + std::to_string(m_policy.staleAfterDays) +
                                      " days)");
    }
    if (!disagree)
        return;
    FieldConflict conflict{field, candidates, chosen->value, rule, matters};
    std::string says;
    for (const auto &c : candidates)
        says += (says.empty() ? "" : ", ") + c.source + " says " + show(c.value) + " (" +
                c.evidence + ")";
    out.rationale.push_back(field + ": " + says + "; chose " + show(chosen->value) + " from " +
                            chosen->source + " by " + rule);
    if (matters && m_policy.escalateWhen.count("conflict_on_field_that_matters"))
        out.escalations.push_back("conflicting " + field + ": " + says);
    out.conflicts.push_back(std::move(conflict));
}

EnrichedProfile EnrichmentAgent::run(const EnrichmentInput &in) const
{
    EnrichedProfile out;
    const auto staleBefore = in.now - std::chrono::hours(24) * m_policy.staleAfterDays;
    out.inputs.push_back(ref("lead", in.lead.id));

    std::map<std::string, std::vector<Candidate>> candidates;
    const auto crm = [&](const char *field, nlohmann::json value, std::string evidence) {
        candidates[field].push_back(
            {std::move(value), "crm", std::move(evidence), false, 1.0, std::nullopt});
    };
    const std::string leadRef = ref("lead", in.lead.id);
    if (in.lead.jobTitle)
        crm("job_title", *in.lead.jobTitle, leadRef);
    if (in.account && mayRead("accounts")) {
        const AccountFacts &a = *in.account;
        const std::string accountRef = ref("account", a.id);
        out.inputs.push_back(accountRef);
        if (a.industry)
            crm("industry", *a.industry, accountRef);
        if (a.employees)
            crm("employees", *a.employees, accountRef);
        if (a.country)
            crm("country", *a.country, accountRef);
        if (a.annualRevenue)
            crm("annual_revenue", *a.annualRevenue, accountRef);
        out.fields["company"] = {a.name, "crm", {accountRef}, false, "the account's name"};
        out.fields["strategic"] = {a.strategic, "crm", {accountRef}, false, "the account's flag"};
    } else if (in.account) {
        out.escalations.push_back("the policy does not let enrichment read accounts");
    }
    if (!out.fields.count("company") && in.lead.company)
        out.fields["company"] = {*in.lead.company, "crm", {leadRef}, false, "the lead's company"};
    if (!in.account && in.lead.country)
        crm("country", *in.lead.country, leadRef);

    if (!in.observations.empty() && !mayRead("enrichment")) {
        out.escalations.push_back("the policy does not let enrichment read provider data");
    } else {
        for (const Observation &o : in.observations) {
            const std::string evidence = ref("enrichment", o.id);
            out.inputs.push_back(evidence);
            const bool stale = o.observedAt < staleBefore;
            const auto take = [&](const char *field) {
                const auto it = o.fields.find(field);
                if (it != o.fields.end() && !it->is_null())
                    candidates[field].push_back({*it, o.provider, evidence, stale,
                                                 o.confidence.value_or(0.5), o.observedAt});
            };
            if (o.subjectKind == "account")
                for (const char *field : kCompanyFields)
                    take(field);
            else
                for (const char *field : kPersonFields)
                    take(field);
        }
    }
    for (auto &[field, list] : candidates) {
        if (field == "country") // compare countries as ISO codes, whatever the spelling
            for (auto &c : list)
                if (c.value.is_string())
                    if (auto code = countryCode(c.value.get<std::string>()))
                        c.value = *code;
        resolve(field, std::move(list), out);
    }

    const bool companyKnown = out.fields.count("industry") || out.fields.count("employees");
    if (!companyKnown && m_policy.escalateWhen.count("no_company_data"))
        out.escalations.push_back(
            "no company data: neither an account nor a provider describes the company");

    if (const auto it = out.fields.find("employees");
        it != out.fields.end() && it->second.value.is_number()) {
        const auto band = sizeBand(it->second.value.get<std::int64_t>());
        out.fields["size_band"] = {band, "derived", it->second.evidence, it->second.stale,
                                   "from employees " + show(it->second.value)};
    }
    if (const auto it = out.fields.find("country");
        it != out.fields.end() && it->second.value.is_string() &&
        !countryCode(it->second.value.get<std::string>())) {
        out.rationale.push_back("country \"" + show(it->second.value) +
                                "\" is not one Baton can name in ISO 3166");
    }
    if (const auto it = out.fields.find("job_title");
        it != out.fields.end() && it->second.value.is_string()) {
        const TitleReading t = readTitle(it->second.value.get<std::string>());
        const auto &evidence = it->second.evidence;
        out.fields["seniority"] = {t.seniority, "derived", evidence, false, t.seniorityRule};
        out.fields["department"] = {t.department, "derived", evidence, false, t.departmentRule};
        out.fields["persona"] = {t.persona, "derived", evidence, false,
                                 "from seniority " + t.seniority + " and department " +
                                     t.department};
    }
    return out;
}

} // namespace baton::agents
