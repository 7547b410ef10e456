#pragma once

#include "scoring/Feature.h"
#include "util/Time.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace baton::scoring {

// Engagement's decayed sums halve over this many days, in the fit and at run time alike.
inline constexpr double kEngagementHalfLifeDays = 30;

// Looks a std::string key up by a std::string_view, without a copy.
struct TextHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept
    {
        return std::hash<std::string_view>{}(text);
    }
};
template <class T> using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

// The facts a model reads, so that scoring a lead builds those and no others, each at its
// position in the lead's FactRow (the order of `names`, the model's features).
struct FactFilter
{
    // Where an event type's facts go; -1: not read.
    struct Engagement
    {
        int count = -1, daysSinceLast = -1, decayed = -1;
        TextMap<int> sums; // by attribute
    };
    std::vector<std::string> names;
    // A model's features (of(features)), in the order of `names`: how each fact is binned,
    // and each one's missing bin, where a lead's row starts.
    std::vector<Feature> features;
    std::vector<int> missingBins;
    // Whether the fact's text is read, not only its number: a numeric feature reads none.
    std::vector<bool> textRead;
    // The fields of one kind of record a model reads, by key.
    struct RecordFields
    {
        TextMap<int> byKey;
        // One bit per (length, first letter) of a key read: most of a record's keys are not,
        // and this rules them out before any hashing.
        std::uint64_t sketch = 0;
        static std::uint64_t bitOf(std::string_view key);
        void add(std::string key, int position);
        int find(std::string_view key) const; // -1: not read
    };
    // A record field's position by its prefix ("lead.", "account.", "enrichment.") and key.
    TextMap<RecordFields> byRecord;
    // By the bare type ("web_visit" for events.web_visit.*) and by Marketo's activity type id
    // (6 for events.activity_6.*).
    TextMap<Engagement> byType;
    std::unordered_map<std::int64_t, Engagement> byActivityType;

    // Every fact's text read.
    static FactFilter of(const std::vector<std::string> &names);
    // A model's: a numeric feature's text is not read.
    static FactFilter of(const std::vector<Feature> &features);
    // The same facts by name.
    Facts factsOf(FactRow row) const;
};

// What a record placed in a lead's bins, (position, bin) in order: given again to another
// lead that shares the record (an account's leads), it gives what reading it would.
using RecordBins = std::vector<std::pair<int, int>>;

// One lead's facts as of a moment, from the records the store keeps: the fit reads each lead
// as of its handoff, the pipeline as of the run, both through this, so a model reads at run
// time the facts it learned from.
class FactBuilder
{
public:
    // With `filter`, only the facts it names (the fit reads every one: no filter).
    explicit FactBuilder(util::TimePoint cutoff, double halfLifeDays = kEngagementHalfLifeDays,
                         const FactFilter *filter = nullptr);
    // Bins the facts of a model's filter (FactFilter::of(features)) as they are read, for
    // finishBins(): what a run scores with. Throws std::logic_error without the features.
    static FactBuilder binning(util::TimePoint cutoff, const FactFilter &filter);

    util::TimePoint cutoff() const { return m_cutoff; }
    // A record's fields, and those of its "properties" or "fields" object, as facts named
    // prefix + key; who the lead is (name, email, ids) is not a fact about its intent. A
    // date becomes its age in days at the cutoff; a date after it was not known yet.
    void addRecord(const std::string &prefix, const nlohmann::json &record,
                   const std::string &evidence);
    // The same from the record's JSON text, without building a document.
    void addRecordText(std::string_view prefix, std::string_view record,
                       const std::string &evidence);
    // An event of the lead's, counted per type and per Marketo activity type; one after the
    // cutoff is what the lead did next, not what was known, and is ignored. `attributes`:
    // its JSON as stored, read only when its numbers are summed.
    void addEvent(std::int64_t id, const std::string &type,
                  std::optional<std::int64_t> activityType, util::TimePoint at,
                  std::string_view attributes);
    // Engagement per type: its count, days since the last one, a decayed sum, and the sums
    // of its numeric attributes. Call one of them once; finishRow() only with a filter.
    Facts finish();
    FactRow finishRow();
    BinRow finishBins(); // only from binning()
    // Binning: until null, what the records read place goes to `out` as well.
    void captureInto(RecordBins *out) { m_capture = out; }
    // Binning: a record's bins as it placed them for another lead (captureInto).
    void addRecordBins(const RecordBins &bins, const std::string &evidence);

private:
    struct Engagement
    {
        int count = 0;
        util::TimePoint last{};
        std::int64_t lastId = 0;
        double decayed = 0;
        std::map<std::string, double, std::less<>> sums;
        const FactFilter::Engagement *positions = nullptr; // with a filter
    };
    // Where events of a type and Marketo activity type are counted, found once per pair and
    // lead rather than once per event; null where the filter wants none.
    struct Slot
    {
        std::string type;
        std::optional<std::int64_t> activityType;
        Engagement *byType = nullptr, *byActivity = nullptr;
        bool summed = false; // its type's attributes are summed
    };
    const Slot &slotFor(const std::string &type, std::optional<std::int64_t> activityType);
    Engagement *engagementForType(const std::string &type, bool *summed);
    Engagement *engagementForActivity(std::int64_t activityType);
    Engagement *placed(const FactFilter::Engagement &positions);
    void finishEngagement(const std::string &key, const Engagement &e);
    // Whether the fact at `position` needs its text (always, without a filter).
    bool textFor(int position) const
    {
        return !m_filter || m_filter->textRead[static_cast<std::size_t>(position)];
    }
    // `weight`: the event's part of the decayed sum.
    void count(Engagement *e, bool summed, std::int64_t id, util::TimePoint at, double weight,
               std::string_view attributes);
    // The fields of records under `prefix` the filter reads, by key; null when it reads none
    // (without a filter, an empty map: every field is read).
    const FactFilter::RecordFields *fieldsRead(std::string_view prefix) const;
    // Where a record's field goes: -1 when it is not a fact about intent (kNotFacts) or the
    // filter does not read it (`read`: fieldsRead's); 0 without a filter.
    int fieldPosition(const FactFilter::RecordFields &read, std::string_view key) const;
    void addScalar(const std::string &name, int position, const nlohmann::json &value,
                   const std::string &evidence);
    void addText(const std::string &name, int position, std::string_view text,
                 const std::string &evidence);
    // A fact, kept by name or position, or binned (binning()): `evidence` is its record's,
    // or with `eventId` the event's, written only when facts are kept.
    void place(const std::string &name, int position, std::string_view text,
               std::optional<double> number, const std::string &evidence,
               std::optional<std::int64_t> eventId = std::nullopt);
    // Binning: the record whose facts follow, by its evidence.
    void readingRecord(const std::string &evidence);
    void finishEngagement();

    util::TimePoint m_cutoff;
    double m_halfLifeDays;
    const FactFilter *m_filter;
    Facts m_facts; // without a filter
    FactRow m_row; // with one
    bool m_binning = false;
    BinRow m_bins;     // binning
    int m_record = -1; // binning: the record being read, in m_bins.records
    RecordBins *m_capture = nullptr;
    // Without a filter, by name ("events.<type>", "events.activity_<id>"); with one, each
    // where the filter places it (slots keep pointers to them: reserved for as many as the
    // filter places, it never moves them).
    std::map<std::string, Engagement> m_engagement;
    std::vector<Engagement> m_placed;
    std::vector<Slot> m_slots;
    std::string m_name; // a fact's name being built, kept to reuse its buffer
};

// The domain a lead's account and enrichment are found by: its company's, else its email's.
std::optional<std::string> accountDomain(const std::optional<std::string> &companyDomain,
                                         const std::optional<std::string> &email);

} // namespace baton::scoring
