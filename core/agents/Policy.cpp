#include "agents/Policy.h"

#include "contracts/ContractRegistry.h"
#include "contracts/EmbeddedContracts.h"
#include "util/JsonParse.h"
#include "util/Sha256.h"

#include <fstream>
#include <sstream>

namespace baton::agents {

namespace {

std::vector<std::string> strings(const nlohmann::json &array)
{
    return array.get<std::vector<std::string>>();
}

ConflictRule conflictRuleFrom(const std::string &name)
{
    if (name == "priority")
        return ConflictRule::Priority;
    if (name == "highest_confidence")
        return ConflictRule::HighestConfidence;
    return ConflictRule::FreshThenPriority;
}

} // namespace

std::size_t EnrichmentPolicy::rankOf(std::string_view provider) const
{
    for (std::size_t i = 0; i < providerPriority.size(); ++i)
        if (providerPriority[i] == provider)
            return i;
    return providerPriority.size();
}

namespace {

// The contract has checked the shape: one rule in "qualify", strings in the lists.
ModelPolicy modelPolicy(const nlohmann::json &m)
{
    ModelPolicy out;
    if (const auto q = m.find("qualify"); q != m.end() && !q->empty()) {
        out.qualify.by = scoring::qualifyByFrom(q->begin().key()).value();
        out.qualify.value = q->begin().value().get<double>();
        out.qualify.stated = true;
    }
    out.excludeFeatures = strings(m.value("exclude_features", nlohmann::json::array()));
    out.pinFeatures = strings(m.value("pin_features", nlohmann::json::array()));
    out.handoffWindowDays = m.value("handoff_window_days", out.handoffWindowDays);
    return out;
}

} // namespace

Policy parsePolicy(std::string_view text, std::string origin,
                   const contracts::ContractRegistry &registry)
{
    Policy policy;
    policy.origin = std::move(origin);
    std::string parseError;
    if (!util::parseJson(text, policy.document, &parseError))
        throw PolicyError("policy " + policy.origin + ": " + parseError);
    std::vector<contracts::ValidationError> errors;
    // policy@2 is policy@1 with optional heartbeats, policy@3 policy@2 with an optional
    // scoring.model: every older policy is a v3 one.
    if (!registry.validate("policy", 3, policy.document, errors)) {
        std::string message = "policy " + policy.origin + " does not satisfy contract policy@3:";
        for (const auto &e : errors)
            message += "\n  " + (e.pointer.empty() ? std::string("(policy)") : e.pointer) + ": " +
                       e.message;
        throw PolicyError(message);
    }
    policy.sha256 = util::sha256Hex(policy.document.dump());
    policy.name = policy.document.at("name").get<std::string>();

    if (const auto h = policy.document.find("heartbeats"); h != policy.document.end()) {
        policy.heartbeats.syncHours = h->value("sync_hours", policy.heartbeats.syncHours);
        policy.heartbeats.enrichmentHours =
            h->value("enrichment_hours", policy.heartbeats.enrichmentHours);
    }

    const auto &e = policy.document.at("enrichment");
    EnrichmentPolicy &p = policy.enrichment;
    p.version = e.at("version").get<std::string>();
    p.scope = {strings(e.at("scope").at("reads")), strings(e.at("scope").at("writes")),
               strings(e.at("scope").at("decides"))};
    for (const auto &when : e.at("escalate_when"))
        p.escalateWhen.insert(when.get<std::string>());
    p.staleAfterDays = e.at("stale_after_days").get<int>();
    p.providerPriority = strings(e.at("provider_priority"));
    p.conflictRule = conflictRuleFrom(e.at("conflict_rule").get<std::string>());
    for (const auto &field : e.at("fields_that_matter"))
        p.fieldsThatMatter.insert(field.get<std::string>());
    p.employeeTolerance = e.at("employee_tolerance").get<double>();

    const auto &sc = policy.document.at("scoring");
    ScoringPolicy &q = policy.scoring;
    q.version = sc.at("version").get<std::string>();
    q.scope = {strings(sc.at("scope").at("reads")), strings(sc.at("scope").at("writes")),
               strings(sc.at("scope").at("decides"))};
    for (const auto &when : sc.at("escalate_when"))
        q.escalateWhen.insert(when.get<std::string>());
    for (const auto &[attribute, points] : sc.at("icp").items())
        q.icp[attribute] = points.get<std::map<std::string, double>>();
    const auto &engagement = sc.at("engagement");
    q.halfLifeDays = engagement.at("half_life_days").get<double>();
    q.eventWeights = engagement.at("weights").get<std::map<std::string, double, std::less<>>>();
    q.engagementCap = engagement.at("cap").get<double>();
    q.fitWeight = sc.at("weights").at("fit").get<double>();
    q.engagementWeight = sc.at("weights").at("engagement").get<double>();
    q.qualifyThreshold = sc.at("qualify_threshold").get<double>();
    q.ambiguityBand = sc.at("ambiguity_band").get<double>();
    q.triggerWindowDays = sc.value("trigger_window_days", 14);
    const auto &grid = sc.at("grid");
    q.fitA = grid.at("fit_a").get<double>();
    q.fitB = grid.at("fit_b").get<double>();
    q.engagement1 = grid.at("engagement_1").get<double>();
    q.engagement2 = grid.at("engagement_2").get<double>();
    if (const auto m = sc.find("model"); m != sc.end())
        q.model = modelPolicy(*m);

    const auto &h = policy.document.at("handoff");
    HandoffPolicy &r = policy.handoff;
    r.version = h.at("version").get<std::string>();
    r.scope = {strings(h.at("scope").at("reads")), strings(h.at("scope").at("writes")),
               strings(h.at("scope").at("decides"))};
    for (const auto &when : h.at("escalate_when"))
        r.escalateWhen.insert(when.get<std::string>());
    for (const auto &route : h.at("routes")) {
        Route rule;
        rule.countries = route.value("countries", std::vector<std::string>{});
        rule.sizeBands = route.value("size_bands", std::vector<std::string>{});
        if (route.contains("strategic"))
            rule.strategic = route.at("strategic").get<bool>();
        rule.owner = route.at("owner").get<std::string>();
        rule.team = route.value("team", std::string());
        r.routes.push_back(std::move(rule));
    }
    r.fallbackOwner = h.at("fallback_owner").get<std::string>();
    r.slaHours = h.at("sla_hours").get<std::map<std::string, double>>();
    r.completenessThreshold = h.at("completeness_threshold").get<double>();
    r.requiredFields = strings(h.at("required_fields"));
    return policy;
}

Policy defaultPolicy(const contracts::ContractRegistry &registry)
{
    for (const auto &file : contracts::embeddedPolicyFiles())
        if (file.path == "default.json")
            return parsePolicy(file.text, "built-in default", registry);
    throw PolicyError("the built-in default policy is missing from this build");
}

Policy loadPolicyFile(const std::filesystem::path &file,
                      const contracts::ContractRegistry &registry)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw PolicyError("policy " + file.string() + ": cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return parsePolicy(text.str(), file.string(), registry);
}

} // namespace baton::agents
