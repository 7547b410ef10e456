#include "agents/HandoffAgent.h"

#include "agents/InputsConsidered.h"
#include "contracts/ContractRegistry.h"
#include "contracts/RecordListCheck.h"
#include "contracts/SchemaValidator.h"
#include "util/Decimal.h"
#include "util/Time.h"

#include <algorithm>
#include <cmath>

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
    return util::fixedDecimals(fraction * 100, 0) + "%";
}

std::string day(TimePoint t)
{
    return util::formatUtc(t).substr(0, 10);
}

// The intent an action answers, from typed events of the signal window (as the summary and
// the score count them): the newest first, at most five cited.
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
        if (!inSignalWindow(e, now))
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
                (intent.pricingViews.size() == 1 ? " time" : " times") + " in the last " +
                std::to_string(kSignalWindowDays) + " days, last on " +
                day(Intent::newest(intent.pricingViews)),
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

// Reasons to escalate, kept for the criteria the policy names and dropped for the others.
class Escalations
{
public:
    Escalations(const HandoffPolicy &policy, std::vector<std::string> &reasons)
        : m_policy(policy), m_reasons(reasons)
    {
    }
    void when(const char *criterion, std::string reason) const
    {
        if (m_policy.escalateWhen.count(criterion))
            m_reasons.push_back(std::move(reason));
    }

private:
    const HandoffPolicy &m_policy;
    std::vector<std::string> &m_reasons;
};

struct Routing
{
    const Route *route = nullptr; // none: the fallback owner
    std::string rule;
    std::string country;
    bool strategic = false;
};

// The first rule whose every condition holds.
Routing routeOf(const HandoffPolicy &policy, const EnrichedProfile &profile)
{
    Routing out;
    out.country = text(profile, "country");
    const std::string band = text(profile, "size_band");
    out.strategic =
        profile.fields.count("strategic") && profile.fields.at("strategic").value == true;
    for (const Route &r : policy.routes) {
        if (!r.countries.empty() && !contains(r.countries, out.country))
            continue;
        if (!r.sizeBands.empty() && !contains(r.sizeBands, band))
            continue;
        if (r.strategic && *r.strategic != out.strategic)
            continue;
        out.route = &r;
        break;
    }
    const Route *route = out.route;
    out.rule = route ? "rule " + std::to_string(route - policy.routes.data() + 1) +
                           (route->team.empty() ? "" : " (" + route->team + ")")
                     : "no rule matched: fallback owner";
    return out;
}

// What about the lead itself needs a person: no route, a strategic account, a suspected
// duplicate, or a hot lead without its LLM summary.
void escalateOnLead(const HandoffInput &in, const Routing &routing, const Escalations &escalate)
{
    if (!routing.route)
        escalate.when("no_route",
                      "no routing rule matches this lead (country " +
                          (routing.country.empty() ? std::string("unknown") : routing.country) +
                          ")");
    if (routing.strategic)
        escalate.when("strategic_account", "strategic account: a manager reviews the handoff");
    if (in.duplicateOf)
        escalate.when("suspected_duplicate", "suspected duplicate of " + *in.duplicateOf);
    // A hot lead is one the rep should call today: where a missing LLM summary costs most.
    if (in.summaryFallback &&
        (in.score.grid == "A1" || in.score.grid == "A2" || in.score.grid == "B1"))
        escalate.when("llm_fallback_on_hot_lead",
                      "LLM summary fell back to the deterministic one on a hot lead (" +
                          in.score.grid + "): " + *in.summaryFallback);
}

double slaHoursFor(const HandoffPolicy &policy, const std::string &grid)
{
    return policy.slaHours.count(grid) ? policy.slaHours.at(grid) : policy.slaHours.at("default");
}

std::string dueIn(TimePoint now, double hours)
{
    return util::formatUtc(now + std::chrono::seconds(static_cast<long long>(hours * 3600)));
}

// Completeness of what a rep needs.
struct Completeness
{
    double fraction = 1.0;
    std::vector<std::string> missing;
};

Completeness completenessOf(const HandoffPolicy &policy, const HandoffInput &in)
{
    Completeness out;
    for (const auto &field : policy.requiredFields) {
        const bool present =
            field == "email" ? in.lead.email.has_value() : !text(in.profile, field.c_str()).empty();
        if (!present)
            out.missing.push_back(field);
    }
    out.fraction = policy.requiredFields.empty()
                       ? 1.0
                       : 1.0 - static_cast<double>(out.missing.size()) /
                                   static_cast<double>(policy.requiredFields.size());
    return out;
}

void escalateOnCompleteness(const HandoffPolicy &policy, const Completeness &quality,
                            const Escalations &escalate)
{
    if (quality.fraction < policy.completenessThreshold) {
        std::string list;
        for (const auto &m : quality.missing)
            list += (list.empty() ? "" : ", ") + m;
        escalate.when("data_quality_below_threshold",
                      "data quality " + percent(quality.fraction) + " is below " +
                          percent(policy.completenessThreshold) + " (missing: " + list + ")");
    }
}

// Someone who closed every channel gets no outreach at all: the standing opt-outs are cited,
// and a person looks at it.
template <typename Act>
void recommendNoContact(const Consent &consent, double sla, Act &&act, const Escalations &escalate)
{
    std::string why;
    std::vector<std::string> evidence;
    for (const ConsentFact *f : consent.standing())
        if (f->optedOut) {
            why += (why.empty() ? "" : "; ") + describeFact(*f);
            evidence.push_back(f->evidence);
        }
    act("do_not_contact", sla, "consent: " + why, evidence);
    escalate.when("consent_problem", "consent problem: " + why);
}

std::vector<std::string> conflictAndStalenessEvidence(const EnrichedProfile &profile)
{
    std::vector<std::string> evidence;
    for (const auto &c : profile.conflicts)
        for (const auto &cand : c.candidates)
            evidence.push_back(cand.evidence);
    for (const auto &f : profile.staleFields)
        for (const auto &e : profile.fields.at(f).evidence)
            evidence.push_back(e);
    return evidence;
}

// Consent first: a channel the person closed is never recommended. Each action cites its
// evidence, or the lead itself when there is nothing more specific.
nlohmann::json recommendActions(const HandoffInput &in, double sla, const Escalations &escalate)
{
    const std::string leadRef = "lead#" + std::to_string(in.lead.id);
    nlohmann::json actions = nlohmann::json::array();
    const auto act = [&](const char *action, double hours, std::string reason,
                         std::vector<std::string> evidence) {
        actions.push_back(
            {{"action", action},
             {"due", dueIn(in.now, hours)},
             {"reason", std::move(reason)},
             {"evidence", evidence.empty() ? std::vector<std::string>{leadRef} : evidence}});
    };
    if (in.consent.noContact())
        recommendNoContact(in.consent, sla, act, escalate);
    else
        recommendOutreach(in, in.consent, sla, act);
    if (!in.profile.conflicts.empty() || !in.profile.staleFields.empty())
        act("verify_data", sla, "conflicting or stale company data",
            conflictAndStalenessEvidence(in.profile));
    return actions;
}

nlohmann::json leadSection(const HandoffInput &in)
{
    std::string name;
    if (in.lead.firstName)
        name = *in.lead.firstName;
    if (in.lead.lastName)
        name += (name.empty() ? "" : " ") + *in.lead.lastName;
    return {{"id", in.lead.id},
            {"email", in.lead.email ? nlohmann::json(*in.lead.email) : nlohmann::json()},
            {"name", name.empty() ? nlohmann::json() : nlohmann::json(name)},
            {"job_title", text(in.profile, "job_title")},
            {"company", text(in.profile, "company")}};
}

nlohmann::json profileSection(const HandoffInput &in)
{
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
    return profile;
}

nlohmann::json scoreSection(const HandoffInput &in)
{
    auto score = in.score.toJson();
    nlohmann::json out = {{"fit", std::move(score["fit"])},
                          {"engagement", std::move(score["engagement"])},
                          {"score", std::move(score["score"])},
                          {"grid", std::move(score["grid"])},
                          {"qualifies", std::move(score["qualifies"])},
                          {"top_positive", std::move(score["top_positive"])},
                          {"top_negative", std::move(score["top_negative"])},
                          {"factors", std::move(score["factors"])}};
    if (in.trigger)
        out["trigger"] = *in.trigger;
    if (score.contains("points"))
        out["points"] = std::move(score["points"]);
    return out;
}

nlohmann::json dataQualitySection(const Completeness &quality, const EnrichedProfile &profile)
{
    nlohmann::json conflicts = nlohmann::json::array();
    for (const auto &c : profile.conflicts)
        conflicts.push_back(c.field);
    return {{"completeness", quality.fraction},
            {"missing", quality.missing},
            {"stale", profile.staleFields},
            {"conflicts", std::move(conflicts)}};
}

nlohmann::json routingSection(const Routing &routing, const std::string &owner, double sla,
                              TimePoint now)
{
    const Route *route = routing.route;
    return {
        {"owner", owner},
        {"team", route && !route->team.empty() ? nlohmann::json(route->team) : nlohmann::json()},
        {"rule", routing.rule},
        {"sla_due", dueIn(now, sla)},
        {"sla_hours", sla}};
}

// The agents before this one as they recorded themselves, then this one's decision.
nlohmann::json stepsSection(const HandoffInput &in, const std::string &version,
                            std::string decision)
{
    nlohmann::json steps = nlohmann::json::array();
    for (const auto &s : in.steps)
        steps.push_back({{"agent", s.agent},
                         {"version", s.version},
                         {"decision", s.decision},
                         {"duration_ms", s.durationMs}});
    steps.push_back(
        {{"agent", HandoffAgent::Name}, {"version", version}, {"decision", std::move(decision)}});
    return steps;
}

nlohmann::json provenanceSection(const HandoffInput &in)
{
    return {{"run_id", in.runId},
            {"trace_id", in.traceId},
            {"contract", "brief@1"},
            {"policy_sha256", in.policySha256},
            {"config_hash", in.configHash},
            {"agent_versions", in.agentVersions},
            {"created_at", util::formatUtc(in.now)}};
}

} // namespace

HandoffResult HandoffAgent::run(HandoffInput in) const
{
    HandoffResult out;
    out.reasons = in.upstreamEscalations;
    const Escalations escalate(m_policy, out.reasons);
    const Routing routing = routeOf(m_policy, in.profile);
    out.owner = routing.route ? routing.route->owner : m_policy.fallbackOwner;
    escalateOnLead(in, routing, escalate);
    const double sla = slaHoursFor(m_policy, in.score.grid);
    const Completeness quality = completenessOf(m_policy, in);
    escalateOnCompleteness(m_policy, quality, escalate);
    nlohmann::json actions = recommendActions(in, sla, escalate);
    // Every escalation but the contract's is in by now: the step's decision says so.
    std::string decision = std::string(out.reasons.empty() ? "ready for review" : "escalate") +
                           ", route to " + out.owner;

    out.brief = {{"lead", leadSection(in)},
                 {"profile", profileSection(in)},
                 {"summary", in.summary.toJson()}, // the brief's summary section, as it is
                 {"score", scoreSection(in)},
                 {"recommended_actions", std::move(actions)},
                 {"data_quality", dataQualitySection(quality, in.profile)},
                 {"routing", routingSection(routing, out.owner, sla, in.now)},
                 {"inputs_considered", nullptr},
                 {"steps", stepsSection(in, m_policy.version, std::move(decision))},
                 {"provenance", provenanceSection(in)}};
    checkBriefContract(std::move(in.inputHashes), out);
    return out;
}

// The last gate: the brief satisfies its contract, or it is escalated saying why.
void HandoffAgent::checkBriefContract(
    std::vector<std::pair<std::string, std::string>> &&inputHashes, HandoffResult &out) const
{
    nlohmann::json &b = out.brief;
    std::vector<std::string> &reasons = out.reasons;
    b["escalation"] = {{"required", !reasons.empty()}, {"reasons", reasons}};
    // The yes/no pass first: collecting errors costs more, and valid briefs have none.
    bool valid = false;
    if (m_split) {
        valid = m_split->rest.validate(b, nullptr) && m_split->inputs.check(inputHashes, nullptr);
        out.inputsConsidered = std::move(inputHashes);
    } else {
        const auto *validator = m_registry.validator("brief", 1);
        out.inputsConsidered = std::move(inputHashes);
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
}

} // namespace baton::agents
