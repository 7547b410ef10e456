#include "agents/HandoffAgent.h"

#include "agents/InputsConsidered.h"
#include "contracts/ContractRegistry.h"
#include "contracts/RecordListCheck.h"
#include "contracts/SchemaValidator.h"
#include "util/Time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace baton::agents {

namespace {

std::string text(const EnrichedProfile &p, const char *field)
{
    const auto it = p.fields.find(field);
    if (it == p.fields.end() || it->second.value.is_null())
        return {};
    return it->second.value.is_string() ? it->second.value.get<std::string>()
                                        : it->second.value.dump();
}

bool contains(const std::vector<std::string> &list, const std::string &value)
{
    return std::find(list.begin(), list.end(), value) != list.end();
}

std::string percent(double fraction)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f%%", fraction * 100);
    return buf;
}

std::string day(TimePoint t)
{
    return util::formatUtc(t).substr(0, 10);
}

// The intent an action answers, from typed events of the last 30 days (as the summary counts
// them): the newest first, at most five cited.
struct Intent
{
    std::vector<const EventFact *> demoRequests, pricingViews;
    static std::vector<std::string> refs(std::vector<const EventFact *> list)
    {
        std::sort(list.begin(), list.end(),
                  [](auto *a, auto *b) { return a->occurredAt > b->occurredAt; });
        std::vector<std::string> out;
        for (std::size_t i = 0; i < list.size() && i < 5; ++i)
            out.push_back("event#" + std::to_string(list[i]->id));
        return out;
    }
    static TimePoint newest(const std::vector<const EventFact *> &list)
    {
        TimePoint t{};
        for (const auto *e : list)
            t = std::max(t, e->occurredAt);
        return t;
    }
};

Intent intentOf(const std::vector<EventFact> *events, TimePoint now)
{
    Intent out;
    if (!events)
        return out;
    for (const EventFact &e : *events) {
        const double age = std::chrono::duration<double>(now - e.occurredAt).count() / 86400.0;
        if (age < 0 || age > 30)
            continue;
        const std::string_view kind = eventKind(e);
        if (kind == "demo_request")
            out.demoRequests.push_back(&e);
        else if (kind == "pricing_page_view")
            out.pricingViews.push_back(&e);
    }
    return out;
}

} // namespace

struct HandoffAgent::SplitGate
{
    contracts::RecordListCheck inputs;
    contracts::SchemaValidator rest;
};

HandoffAgent::HandoffAgent(HandoffPolicy policy, const contracts::ContractRegistry &registry)
    : m_policy(std::move(policy)), m_registry(registry)
{
    if (const auto *contract = registry.find("brief", 1)) {
        const auto schema = nlohmann::json::parse(contract->schemaText);
        if (auto list =
                contracts::RecordListCheck::compile(schema, "inputs_considered", "ref", "sha256")) {
            auto rest = contracts::SchemaValidator(list->schemaForTheRest(schema));
            m_split =
                std::make_shared<const SplitGate>(SplitGate{std::move(*list), std::move(rest)});
        }
    }
}

HandoffAgent::~HandoffAgent() = default;
HandoffAgent::HandoffAgent(HandoffAgent &&) noexcept = default;

nlohmann::json HandoffResult::completeBrief() const
{
    nlohmann::json b = brief;
    if (inputsConsidered) {
        auto &list = b["inputs_considered"] = nlohmann::json::array();
        for (const auto &[ref, sha] : *inputsConsidered)
            list.push_back({{"ref", ref}, {"sha256", sha}});
    }
    return b;
}

std::string HandoffResult::briefText() const
{
    if (!inputsConsidered)
        return brief.dump();
    if (auto text = withInputs(brief.dump(), inputsJson(*inputsConsidered)))
        return std::move(*text);
    return completeBrief().dump(); // cannot happen: the member is set
}

namespace {

// The outreach actions for a person with at least one channel open: a demo and pricing when
// they asked, then the rep's first move (a call for a buyer, else an e-mail; the other channel
// when that one is closed) or nurture, each citing the events or the score behind it.
template <typename Act>
void recommendOutreach(const HandoffInput &in, const Consent &consent, double sla, Act &&act)
{
    const Intent intent = intentOf(in.events, in.now);
    if (!intent.demoRequests.empty())
        act("book_demo", sla, "requested a demo on " + day(Intent::newest(intent.demoRequests)),
            Intent::refs(intent.demoRequests));
    if (!intent.pricingViews.empty() && consent.allows(Channel::Email))
        act("send_pricing", sla,
            "viewed pricing " + std::to_string(intent.pricingViews.size()) +
                (intent.pricingViews.size() == 1 ? " time" : " times") +
                " in the last 30 days, last on " + day(Intent::newest(intent.pricingViews)),
            Intent::refs(intent.pricingViews));
    const auto top = in.score.topPositive(1);
    std::vector<std::string> why = top.empty() ? std::vector<std::string>{} : top.front().evidence;
    if (in.score.qualifies) {
        const std::string persona = text(in.profile, "persona");
        const bool buyer = persona == "economic_buyer" || persona == "technical_buyer";
        const Channel preferred = buyer ? Channel::Phone : Channel::Email;
        const Channel other = buyer ? Channel::Email : Channel::Phone;
        const Channel channel = consent.allows(preferred) ? preferred : other;
        std::string reason =
            "qualified at score " + std::to_string(static_cast<int>(std::lround(in.score.score))) +
            " (" + in.score.grid + ")" + (top.empty() ? "" : ", mostly " + top.front().name);
        if (const ConsentFact *closed = consent.closedBy(preferred)) {
            reason +=
                "; not by " + std::string(channelName(preferred)) + ": " + describeFact(*closed);
            why.push_back(closed->evidence);
        }
        act(channel == Channel::Phone ? "call" : "email", sla, std::move(reason), why);
    } else if (consent.allows(Channel::Email)) {
        act("nurture", 24 * 7, "below the qualification threshold: keep in nurture", why);
    }
}

} // namespace

HandoffResult HandoffAgent::run(HandoffInput in) const
{
    HandoffResult out;
    std::vector<std::string> &reasons = out.reasons;
    reasons = in.upstreamEscalations;
    const auto escalateWhen = [&](const char *criterion, std::string reason) {
        if (m_policy.escalateWhen.count(criterion))
            reasons.push_back(std::move(reason));
    };
    const std::string leadRef = "lead#" + std::to_string(in.lead.id);

    // Routing: the first rule whose every condition holds.
    const std::string country = text(in.profile, "country"), band = text(in.profile, "size_band");
    const bool strategic =
        in.profile.fields.count("strategic") && in.profile.fields.at("strategic").value == true;
    const Route *route = nullptr;
    for (const Route &r : m_policy.routes) {
        if (!r.countries.empty() && !contains(r.countries, country))
            continue;
        if (!r.sizeBands.empty() && !contains(r.sizeBands, band))
            continue;
        if (r.strategic && *r.strategic != strategic)
            continue;
        route = &r;
        break;
    }
    out.owner = route ? route->owner : m_policy.fallbackOwner;
    std::string routeRule = route ? "rule " + std::to_string(route - m_policy.routes.data() + 1) +
                                        (route->team.empty() ? "" : " (" + route->team + ")")
                                  : "no rule matched: fallback owner";
    if (!route)
        escalateWhen("no_route", "no routing rule matches this lead (country " +
                                     (country.empty() ? std::string("unknown") : country) + ")");
    if (strategic)
        escalateWhen("strategic_account", "strategic account: a manager reviews the handoff");
    if (in.duplicateOf)
        escalateWhen("suspected_duplicate", "suspected duplicate of " + *in.duplicateOf);
    // A hot lead is one the rep should call today: where a missing LLM summary costs most.
    if (in.summaryFallback &&
        (in.score.grid == "A1" || in.score.grid == "A2" || in.score.grid == "B1"))
        escalateWhen("llm_fallback_on_hot_lead",
                     "LLM summary fell back to the deterministic one on a hot lead (" +
                         in.score.grid + "): " + *in.summaryFallback);

    const auto sla = m_policy.slaHours.count(in.score.grid) ? m_policy.slaHours.at(in.score.grid)
                                                            : m_policy.slaHours.at("default");
    const auto due = [&](double hours) {
        return util::formatUtc(in.now + std::chrono::seconds(static_cast<long long>(hours * 3600)));
    };

    // Completeness of what a rep needs.
    std::vector<std::string> missing;
    for (const auto &field : m_policy.requiredFields) {
        const bool present =
            field == "email" ? in.lead.email.has_value() : !text(in.profile, field.c_str()).empty();
        if (!present)
            missing.push_back(field);
    }
    const double completeness = m_policy.requiredFields.empty()
                                    ? 1.0
                                    : 1.0 - static_cast<double>(missing.size()) /
                                                static_cast<double>(m_policy.requiredFields.size());
    if (completeness < m_policy.completenessThreshold) {
        std::string list;
        for (const auto &m : missing)
            list += (list.empty() ? "" : ", ") + m;
        escalateWhen("data_quality_below_threshold",
                     "data quality " + percent(completeness) + " is below " +
                         percent(m_policy.completenessThreshold) + " (missing: " + list + ")");
    }

    nlohmann::json actions = nlohmann::json::array();
    const auto act = [&](const char *action, double hours, std::string reason,
                         std::vector<std::string> evidence) {
        actions.push_back(
            {{"action", action},
             {"due", due(hours)},
             {"reason", std::move(reason)},
             {"evidence", evidence.empty() ? std::vector<std::string>{leadRef} : evidence}});
    };
    // Consent first: a channel the person closed is never recommended, and someone who
    // closed every channel gets no outreach at all.
    const Consent &consent = in.consent;
    if (consent.noContact()) {
        std::string why;
        std::vector<std::string> evidence;
        for (const ConsentFact *f : consent.standing())
            if (f->optedOut) {
                why += (why.empty() ? "" : "; ") + describeFact(*f);
                evidence.push_back(f->evidence);
            }
        act("do_not_contact", sla, "consent: " + why, evidence);
        escalateWhen("consent_problem", "consent problem: " + why);
    } else {
        recommendOutreach(in, consent, sla, act);
    }
    if (!in.profile.conflicts.empty() || !in.profile.staleFields.empty()) {
        std::vector<std::string> evidence;
        for (const auto &c : in.profile.conflicts)
            for (const auto &cand : c.candidates)
                evidence.push_back(cand.evidence);
        for (const auto &f : in.profile.staleFields)
            for (const auto &e : in.profile.fields.at(f).evidence)
                evidence.push_back(e);
        act("verify_data", sla, "conflicting or stale company data", evidence);
    }

    nlohmann::json profile = nlohmann::json::object();
    for (const auto &[name, field] : in.profile.fields)
        profile[name] = {{"value", field.value},
                         {"source", field.source},
                         {"evidence", field.evidence},
                         {"stale", field.stale},
                         {"rule", field.rule}};
    // Where the person stands on contact, cited like any other value; not a reviewer's to
    // edit (review reads the facts from the store again).
    for (const ConsentFact *f : in.consent.standing())
        profile["consent_" + std::string(channelName(f->channel))] = {
            {"value", f->optedOut ? "opted_out" : "opted_in"},
            {"source", f->source},
            {"evidence", {f->evidence}},
            {"stale", false},
            {"rule", "the newest consent fact for this channel: " + describeFact(*f)}};
    nlohmann::json steps = nlohmann::json::array();
    for (const auto &s : in.steps)
        steps.push_back({{"agent", s.agent},
                         {"version", s.version},
                         {"decision", s.decision},
                         {"duration_ms", s.durationMs}});
    steps.push_back({{"agent", Name},
                     {"version", m_policy.version},
                     {"decision", std::string(reasons.empty() ? "ready for review" : "escalate") +
                                      ", route to " + out.owner}});
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto &c : in.profile.conflicts)
        conflicts.push_back(c.field);
    std::string name;
    if (in.lead.firstName)
        name = *in.lead.firstName;
    if (in.lead.lastName)
        name += (name.empty() ? "" : " ") + *in.lead.lastName;
    auto summary = in.summary.toJson(); // the brief's summary section, as it is
    auto score = in.score.toJson();

    nlohmann::json &b = out.brief;
    b = {{"lead",
          {{"id", in.lead.id},
           {"email", in.lead.email ? nlohmann::json(*in.lead.email) : nlohmann::json()},
           {"name", name.empty() ? nlohmann::json() : nlohmann::json(name)},
           {"job_title", text(in.profile, "job_title")},
           {"company", text(in.profile, "company")}}},
         {"profile", std::move(profile)},
         {"summary", std::move(summary)},
         {"score",
          {{"fit", std::move(score["fit"])},
           {"engagement", std::move(score["engagement"])},
           {"score", std::move(score["score"])},
           {"grid", std::move(score["grid"])},
           {"qualifies", std::move(score["qualifies"])},
           {"top_positive", std::move(score["top_positive"])},
           {"top_negative", std::move(score["top_negative"])},
           {"factors", std::move(score["factors"])}}},
         {"recommended_actions", std::move(actions)},
         {"data_quality",
          {{"completeness", completeness},
           {"missing", missing},
           {"stale", in.profile.staleFields},
           {"conflicts", std::move(conflicts)}}},
         {"routing",
          {{"owner", out.owner},
           {"team", route && !route->team.empty() ? nlohmann::json(route->team) : nlohmann::json()},
           {"rule", routeRule},
           {"sla_due", due(sla)},
           {"sla_hours", sla}}},
         {"inputs_considered", nullptr},
         {"steps", std::move(steps)},
         {"provenance",
          {{"run_id", in.runId},
           {"trace_id", in.traceId},
           {"contract", "brief@1"},
           {"policy_sha256", in.policySha256},
           {"config_hash", in.configHash},
           {"agent_versions", in.agentVersions},
           {"created_at", util::formatUtc(in.now)}}}};

    if (in.trigger)
        b["score"]["trigger"] = *in.trigger;
    // The last gate: the brief satisfies its contract, or it is escalated saying why.
    b["escalation"] = {{"required", !reasons.empty()}, {"reasons", reasons}};
    // The yes/no pass first: collecting errors costs more, and valid briefs have none.
    bool valid = false;
    if (m_split) {
        valid =
            m_split->rest.validate(b, nullptr) && m_split->inputs.check(in.inputHashes, nullptr);
        out.inputsConsidered = std::move(in.inputHashes);
    } else {
        const auto *validator = m_registry.validator("brief", 1);
        out.inputsConsidered = std::move(in.inputHashes);
        b = out.completeBrief();
        out.inputsConsidered.reset();
        valid = validator && validator->validate(b, nullptr);
    }
    if (!valid) {
        // Errors in the words and pointers of the full validator, over the whole brief.
        if (out.inputsConsidered) {
            b = out.completeBrief();
            out.inputsConsidered.reset();
        }
    }
    if (!valid && !m_registry.validate("brief", 1, b, out.contractErrors)) {
        for (const auto &e : out.contractErrors)
            reasons.push_back("brief contract: " + e.pointer + ": " + e.message);
        b["escalation"] = {{"required", true}, {"reasons", reasons}};
    }
    out.escalated = !reasons.empty();
    return out;
}

} // namespace baton::agents
