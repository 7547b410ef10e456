#pragma once

#include "agents/Policy.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace baton::agents {

using TimePoint = std::chrono::system_clock::time_point;

struct LeadFacts
{
    std::int64_t id = 0;
    std::optional<std::string> email, jobTitle, company, companyDomain, country;
    std::optional<std::string> firstName, lastName;
    bool optedOut = false;
};

struct AccountFacts
{
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> domain, industry, country;
    std::optional<std::int64_t> employees;
    std::optional<double> annualRevenue;
    bool strategic = false;
};

// One enrichment_record: what a provider said about the account (key: domain) or the
// lead (key: email), and when.
struct Observation
{
    std::int64_t id = 0;
    std::string provider;
    std::string subjectKind; // "account" or "lead"
    TimePoint observedAt;
    std::optional<double> confidence;
    nlohmann::json fields;
};

struct EnrichmentInput
{
    LeadFacts lead;
    std::optional<AccountFacts> account;
    std::vector<Observation> observations;
    TimePoint now;
};

// A value in the profile, where it came from, and the records it rests on ("lead#7",
// "account#3", "enrichment#42").
struct ProfileField
{
    nlohmann::json value;
    std::string source; // "crm" or a provider name, or "derived"
    std::vector<std::string> evidence;
    bool stale = false;
    std::string rule; // why this value: the rule that chose or derived it
};

struct Candidate
{
    nlohmann::json value;
    std::string source;
    std::string evidence;
    bool stale = false;
    double confidence = 1.0;
    std::optional<TimePoint> observedAt;
};

struct FieldConflict
{
    std::string field;
    std::vector<Candidate> candidates;
    nlohmann::json chosen;
    std::string rule;
    bool matters = false;
};

struct EnrichedProfile
{
    std::map<std::string, ProfileField> fields;
    std::vector<FieldConflict> conflicts;
    std::vector<std::string> staleFields;
    std::vector<std::string> escalations; // reasons, empty when the agent decided alone
    std::vector<std::string> rationale;   // its decisions, in words
    std::vector<std::string> inputs;      // every record it considered
    // Without `fields`, the rest: what a step keeps when the brief carries the fields.
    nlohmann::json toJson(bool withFields = true) const;
};

// Agent 1: joins a lead with its account and the providers' observations, normalises
// country, title (seniority, department, persona) and company size, chooses between
// providers that disagree by the policy's rule and records the conflict, flags stale
// data, and escalates instead of deciding where the policy says so. Pure: the same
// input and policy give the same profile.
class EnrichmentAgent
{
public:
    explicit EnrichmentAgent(EnrichmentPolicy policy);

    static constexpr const char *Name = "enrichment";
    const std::string &version() const { return m_policy.version; }

    EnrichedProfile run(const EnrichmentInput &input) const;

private:
    bool mayRead(const std::string &what) const;
    Candidate const *choose(const std::vector<Candidate> &candidates, std::string &rule) const;
    void resolve(const std::string &field, std::vector<Candidate> candidates,
                 EnrichedProfile &out) const;

    EnrichmentPolicy m_policy;
};

} // namespace baton::agents
