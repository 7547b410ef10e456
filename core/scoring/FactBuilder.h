#pragma once

#include "scoring/Feature.h"
#include "util/Time.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace baton::scoring {

// Engagement's decayed sums halve over this many days, in the fit and at run time alike.
inline constexpr double kEngagementHalfLifeDays = 30;

// The facts a model reads, so that scoring a lead builds those and no others: their names,
// the engagement keys ("events.<type>") they are under, and the keys whose attributes they sum.
struct FactFilter
{
    std::unordered_set<std::string> names, engagement, summed;
    static FactFilter of(const std::vector<std::string> &names);
};

// One lead's facts as of a moment, from the records the store keeps: the fit reads each lead
// as of its handoff, the pipeline as of the run, both through this, so a model reads at run
// time the facts it learned from.
class FactBuilder
{
public:
    // With `filter`, only the facts it names (the fit reads every one: no filter).
    explicit FactBuilder(util::TimePoint cutoff, double halfLifeDays = kEngagementHalfLifeDays,
                         const FactFilter *filter = nullptr);

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
                  const std::optional<std::string> &activityType, util::TimePoint at,
                  std::string_view attributes);
    // Engagement per type: its count, days since the last one, a decayed sum, and the sums
    // of its numeric attributes. Call once.
    Facts finish();

private:
    struct Engagement
    {
        int count = 0;
        util::TimePoint last{};
        std::int64_t lastId = 0;
        double decayed = 0;
        std::map<std::string, double, std::less<>> sums;
    };
    // Where events of a type (or activity type) are counted, looked up once per type and
    // lead rather than once per event; null when the filter wants none of its facts.
    struct Slot
    {
        std::string type;
        bool activity = false;
        Engagement *engagement = nullptr;
        bool summed = false;
    };
    const Slot &slotFor(std::string_view type, bool activity);
    void count(const Slot &slot, std::int64_t id, util::TimePoint at, std::string_view attributes);
    void addScalar(const std::string &name, const nlohmann::json &value,
                   const std::string &evidence);
    void addText(const std::string &name, std::string_view text, const std::string &evidence);
    bool wanted(const std::string &name) const
    {
        return !m_filter || m_filter->names.count(name) > 0;
    }

    util::TimePoint m_cutoff;
    double m_halfLifeDays;
    const FactFilter *m_filter;
    Facts m_facts;
    std::map<std::string, Engagement> m_engagement; // "events.<type>", "events.activity_<id>"
    std::vector<Slot> m_slots;
    std::string m_name; // a fact's name being built, kept to reuse its buffer
};

// The domain a lead's account and enrichment are found by: its company's, else its email's.
std::optional<std::string> accountDomain(const std::optional<std::string> &companyDomain,
                                         const std::optional<std::string> &email);

} // namespace baton::scoring
