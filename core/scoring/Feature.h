#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace baton::scoring {

// One thing the store knew about a lead at its handoff moment: a property's value, an
// engagement figure, an enrichment field. `number` is set when the value reads as one;
// `evidence` names the record it came from ("lead#12", "event#7").
struct Fact
{
    std::string text;
    std::optional<double> number;
    std::string evidence;
};

// A lead's facts by feature name: "lead.Lead Source", "account.industry",
// "events.webinar_attended.count", "enrichment.employees". A name missing is a value missing.
using Facts = std::unordered_map<std::string, Fact>;
// A lead's facts for one model, at its features' positions (FactFilter), kept whole. Empty
// where the lead has none. A run keeps only their bins (BinRow).
using FactRow = std::vector<std::optional<Fact>>;

enum class FeatureKind
{
    Categorical,
    Numeric,
    Boolean
};

const char *nameOf(FeatureKind kind);
std::optional<FeatureKind> featureKindFrom(const std::string &name);

// A fact turned into bins the model learns one value per: a categorical fact's frequent
// levels, then "other", then "missing"; a number's ranges between `edges`, then "missing";
// a boolean's no, yes, "missing".
struct Feature
{
    std::string name;
    FeatureKind kind = FeatureKind::Categorical;
    std::vector<std::string> levels; // categorical: the frequent ones, most frequent first
    std::vector<double> edges;       // numeric: ascending cut points; bin i holds < edges[i]

    int binCount() const;
    int missingBin() const { return binCount() - 1; }
    int binOf(const Fact *fact) const;
    // The same for a value not kept as a Fact: its text and, when it reads as one, its number.
    int binOf(std::string_view text, std::optional<double> number) const;
    // What a person reads for a bin: "Google", "other", "missing", "20 to 40", "40 or more".
    std::string binLabel(int bin) const;
};

// A lead's facts as one model reads them: each feature's bin, and where its fact came from.
// What a run scores and explains with, built straight from the records (FactBuilder::
// binning): no fact is kept as text, and evidence is written only for the parts a brief lists.
struct BinRow
{
    std::vector<int> bins; // in the model's order; a missing fact is its feature's missing bin
    // Per feature: an index into `records`, or kEvent for the event `eventId`, or -1 (none).
    struct Source
    {
        static constexpr int kEvent = -2;
        int record = -1;
        std::int64_t eventId = 0;
    };
    std::vector<Source> sources;
    std::vector<std::string> records; // the evidence of the records read ("lead#12")
    // "event#7", "lead#12", or empty: the record feature j's fact came from.
    std::string evidence(std::size_t feature) const;
};

// Reads a boolean the way exports write one; nullopt when it is not one.
std::optional<bool> booleanFrom(std::string_view text);

} // namespace baton::scoring
