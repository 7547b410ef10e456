#pragma once

#include "scoring/Feature.h"
#include "util/Time.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace baton::scoring {

// One lead's facts as of a moment, from the records the store keeps: the fit reads each lead
// as of its handoff, the pipeline as of the run, both through this, so a model reads at run
// time the facts it learned from.
// Engagement's decayed sums halve over this many days, in the fit and at run time alike.
inline constexpr double kEngagementHalfLifeDays = 30;

class FactBuilder
{
public:
    explicit FactBuilder(util::TimePoint cutoff, double halfLifeDays = kEngagementHalfLifeDays);

    util::TimePoint cutoff() const { return m_cutoff; }
    // A record's fields, and those of its "properties" or "fields" object, as facts named
    // prefix + key; who the lead is (name, email, ids) is not a fact about its intent. A
    // date becomes its age in days at the cutoff; a date after it was not known yet.
    void addRecord(const std::string &prefix, const nlohmann::json &record,
                   const std::string &evidence);
    // An event of the lead's, counted per type and per Marketo activity type; one after the
    // cutoff is what the lead did next, not what was known, and is ignored.
    void addEvent(std::int64_t id, const std::string &type,
                  const std::optional<std::string> &activityType, util::TimePoint at,
                  const nlohmann::json &attributes);
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
        std::map<std::string, double> sums;
    };
    void count(Engagement &e, std::int64_t id, util::TimePoint at,
               const nlohmann::json &attributes) const;
    void addScalar(const std::string &name, const nlohmann::json &value,
                   const std::string &evidence);

    util::TimePoint m_cutoff;
    double m_halfLifeDays;
    Facts m_facts;
    std::map<std::string, Engagement> m_engagement; // "events.<type>", "events.activity_<id>"
};

// The domain a lead's account and enrichment are found by: its company's, else its email's.
std::optional<std::string> accountDomain(const std::optional<std::string> &companyDomain,
                                         const std::optional<std::string> &email);

} // namespace baton::scoring
