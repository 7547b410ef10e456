#pragma once

#include "scoring/Feature.h"

#include <string>
#include <vector>

namespace baton::scoring {

struct DiscoveryOptions
{
    std::size_t maxLevels = 24;   // a categorical feature's frequent levels, at most
    double minLevelShare = 0.005; // ...each on at least this share of the leads
    int minLevelCount = 20;       // ...and at least this many
    int numericBins = 12;         // quantile ranges of a number, at most
    // Names the policy leaves out or keeps whatever the rules say; a trailing '*' matches a
    // prefix ("lead.hs_*").
    std::vector<std::string> exclude, pin;
};

struct ExcludedFeature
{
    std::string name;
    std::string why;
};

struct Discovered
{
    std::vector<Feature> features; // by name
    std::vector<ExcludedFeature> excluded;
};

// Looks at every fact name in `leads` and decides what each can be: a boolean when every
// value reads as one, a number when nearly every value does, else categories. Facts that
// sales sets after the handoff (lifecycle stage, lead status, "became a ... date", owner,
// conversion and deal fields) are left out unless pinned; so are values no two leads share
// (ids, names) and facts the same for everyone.
Discovered discoverFeatures(const std::vector<const Facts *> &leads,
                            const DiscoveryOptions &options = {});

// Why `name` is set by sales after the handoff, or empty when nothing says so.
std::string afterHandoffReason(const std::string &name);

bool matchesAny(const std::string &name, const std::vector<std::string> &patterns);

} // namespace baton::scoring
