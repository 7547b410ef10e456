#include "scoring/FeatureDiscovery.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>

namespace baton::scoring {

namespace {

// What sales sets once a lead is theirs, as CRMs name it (HubSpot's lifecyclestage,
// hs_lead_status, hubspot_owner_id, hs_lifecyclestage_*_date "became a ... date"; Marketo's
// and Salesforce's Status, Owner, Converted*, opportunity and deal fields). Matched on the
// property's name lowered with everything but letters and digits removed.
struct AfterHandoff
{
    std::string_view part;
    std::string_view why;
};

constexpr std::array kAfterHandoff{
    AfterHandoff{"lifecyclestage", "lifecycle stage is set by sales after the handoff"},
    AfterHandoff{"leadstatus", "lead status is set by sales after the handoff"},
    AfterHandoff{"becamea", "a \"became a ...\" date is set when the stage changes"},
    AfterHandoff{"owner", "the owner is assigned at the handoff"},
    AfterHandoff{"converted", "conversion is the outcome itself"},
    AfterHandoff{"closedate", "a close date belongs to the deal"},
    AfterHandoff{"dealstage", "deal fields come after the handoff"},
    AfterHandoff{"opportunit", "opportunity fields come after the handoff"},
};

std::string squeezed(std::string_view name)
{
    std::string out;
    for (const unsigned char c : name)
        if (std::isalnum(c))
            out += static_cast<char>(std::tolower(c));
    return out;
}

struct Profile
{
    std::size_t present = 0, numeric = 0, boolean = 0;
    std::map<std::string, std::size_t> levels;
    std::vector<double> numbers;
};

std::map<std::string, Profile> profiles(const std::vector<const Facts *> &leads)
{
    std::map<std::string, Profile> out;
    for (const Facts *facts : leads)
        for (const auto &[name, fact] : *facts) {
            Profile &p = out[name];
            ++p.present;
            if (fact.number) {
                ++p.numeric;
                p.numbers.push_back(*fact.number);
            }
            if (booleanFrom(fact.text) || (fact.number && (*fact.number == 0 || *fact.number == 1)))
                ++p.boolean;
            ++p.levels[fact.text];
        }
    return out;
}

// Cut points at quantiles of the values, each distinct: a number with few values gets one
// range per value.
std::vector<double> quantileEdges(std::vector<double> values, int bins)
{
    std::sort(values.begin(), values.end());
    std::vector<double> edges;
    for (int q = 1; q < bins; ++q) {
        const auto at = static_cast<std::size_t>(static_cast<double>(values.size()) * q / bins);
        const double cut = values[std::min(at, values.size() - 1)];
        if (cut > values.front() && (edges.empty() || cut > edges.back()))
            edges.push_back(cut);
    }
    return edges;
}

std::vector<std::string> frequentLevels(const Profile &p, std::size_t leads,
                                        const DiscoveryOptions &o)
{
    std::vector<std::pair<std::string, std::size_t>> byCount(p.levels.begin(), p.levels.end());
    std::stable_sort(byCount.begin(), byCount.end(),
                     [](const auto &a, const auto &b) { return a.second > b.second; });
    const auto needed = std::max<std::size_t>(
        static_cast<std::size_t>(o.minLevelCount),
        static_cast<std::size_t>(std::ceil(o.minLevelShare * static_cast<double>(leads))));
    std::vector<std::string> out;
    for (const auto &[level, count] : byCount)
        if (count >= needed && out.size() < o.maxLevels)
            out.push_back(level);
    return out;
}

// The feature a fact can be, or why it cannot be one.
std::optional<Feature> featureFor(const std::string &name, const Profile &p, std::size_t leads,
                                  const DiscoveryOptions &o, std::string &why)
{
    Feature f;
    f.name = name;
    const bool someMissing = p.present < leads;
    if (p.boolean == p.present) {
        f.kind = FeatureKind::Boolean;
    } else if (p.numeric >= p.present * 95 / 100 && p.levels.size() > 2) {
        f.kind = FeatureKind::Numeric;
        f.edges = quantileEdges(p.numbers, o.numericBins);
    } else {
        f.kind = FeatureKind::Categorical;
        f.levels = frequentLevels(p, leads, o);
        if (f.levels.empty() && p.levels.size() * 2 > p.present) {
            why = "almost every lead has a value of its own (an id, a name or free text)";
            return std::nullopt;
        }
    }
    const bool oneValue = (f.kind == FeatureKind::Categorical && p.levels.size() <= 1) ||
                          (f.kind == FeatureKind::Numeric && f.edges.empty()) ||
                          (f.kind == FeatureKind::Boolean && p.levels.size() <= 1);
    if (oneValue && !someMissing) {
        why = "the same for every lead";
        return std::nullopt;
    }
    return f;
}

} // namespace

bool matchesAny(const std::string &name, const std::vector<std::string> &patterns)
{
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string &p) {
        if (!p.empty() && p.back() == '*')
            return name.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0;
        return name == p;
    });
}

std::string afterHandoffReason(const std::string &name)
{
    // Only what a record says of itself; engagement counts are the lead's own doing.
    if (name.rfind("lead.", 0) != 0 && name.rfind("account.", 0) != 0)
        return {};
    const std::string s = squeezed(name.substr(name.find('.') + 1));
    for (const auto &rule : kAfterHandoff)
        if (s.find(rule.part) != std::string::npos)
            return std::string(rule.why);
    return {};
}

Discovered discoverFeatures(const std::vector<const Facts *> &leads,
                            const DiscoveryOptions &options)
{
    Discovered out;
    for (const auto &[name, profile] : profiles(leads)) {
        const bool pinned = matchesAny(name, options.pin);
        if (!pinned && matchesAny(name, options.exclude)) {
            out.excluded.push_back({name, "excluded by the policy"});
            continue;
        }
        if (const auto why = afterHandoffReason(name); !pinned && !why.empty()) {
            out.excluded.push_back({name, why});
            continue;
        }
        std::string why;
        if (auto feature = featureFor(name, profile, leads.size(), options, why))
            out.features.push_back(std::move(*feature));
        else
            out.excluded.push_back({name, why});
    }
    return out;
}

} // namespace baton::scoring
