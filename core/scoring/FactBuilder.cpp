#include "scoring/FactBuilder.h"

#include <array>
#include <charconv>
#include <cmath>
#include <string_view>

namespace baton::scoring {

namespace {

using util::TimePoint;

// Who the lead is and the clock, not facts about its intent.
constexpr std::array<std::string_view, 13> kNotFacts{
    "email",         "first_name", "last_name",  "phone",   "source_id",
    "source_system", "identities", "created_at", "company", "company_domain",
    "domain",        "name",       "subject"};

double daysBetween(TimePoint from, TimePoint to)
{
    return std::chrono::duration<double>(to - from).count() / 86400.0;
}

std::optional<double> numberIn(std::string_view text)
{
    double value = 0;
    const auto end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value) ? std::optional(value)
                                                                   : std::nullopt;
}

std::optional<TimePoint> dateIn(const std::string &text)
{
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        return util::parseRfc3339(text + "T00:00:00Z");
    if (text.size() >= 20 && text[10] == 'T')
        return util::parseRfc3339(text);
    return std::nullopt;
}

} // namespace

FactBuilder::FactBuilder(TimePoint cutoff, double halfLifeDays)
    : m_cutoff(cutoff), m_halfLifeDays(halfLifeDays)
{
}

void FactBuilder::addScalar(const std::string &name, const nlohmann::json &v,
                            const std::string &evidence)
{
    if (v.is_boolean()) {
        m_facts[name] = Fact{v.get<bool>() ? "true" : "false", std::nullopt, evidence};
    } else if (v.is_number()) {
        m_facts[name] = Fact{v.dump(), v.get<double>(), evidence};
    } else if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        if (s.empty())
            return;
        if (const auto at = dateIn(s)) {
            if (*at <= m_cutoff)
                m_facts[name] = Fact{{}, std::floor(daysBetween(*at, m_cutoff)), evidence};
            return;
        }
        m_facts[name] = Fact{s, numberIn(s), evidence};
    }
}

void FactBuilder::addRecord(const std::string &prefix, const nlohmann::json &record,
                            const std::string &evidence)
{
    if (!record.is_object())
        return;
    for (const auto &[key, value] : record.items()) {
        if (key == "properties" || key == "fields") {
            addRecord(prefix, value, evidence);
            continue;
        }
        bool skip = false;
        for (const auto notFact : kNotFacts)
            skip = skip || key == notFact;
        if (!skip)
            addScalar(prefix + key, value, evidence);
    }
}

void FactBuilder::count(Engagement &e, std::int64_t id, TimePoint at,
                        const nlohmann::json &attributes) const
{
    ++e.count;
    if (at >= e.last) {
        e.last = at;
        e.lastId = id;
    }
    e.decayed += std::exp2(-daysBetween(at, m_cutoff) / m_halfLifeDays);
    if (attributes.is_object())
        for (const auto &[key, value] : attributes.items()) {
            const auto n = value.is_number()   ? std::optional(value.get<double>())
                           : value.is_string() ? numberIn(value.get_ref<const std::string &>())
                                               : std::nullopt;
            if (n)
                e.sums[key] += *n;
        }
}

void FactBuilder::addEvent(std::int64_t id, const std::string &type,
                           const std::optional<std::string> &activityType, TimePoint at,
                           const nlohmann::json &attributes)
{
    if (at > m_cutoff)
        return;
    count(m_engagement["events." + type], id, at, attributes);
    if (activityType)
        count(m_engagement["events.activity_" + *activityType], id, at, nlohmann::json());
}

Facts FactBuilder::finish()
{
    for (const auto &[key, e] : m_engagement) {
        const std::string evidence = "event#" + std::to_string(e.lastId);
        m_facts[key + ".count"] = Fact{std::to_string(e.count), e.count, evidence};
        const double since = std::floor(daysBetween(e.last, m_cutoff));
        m_facts[key + ".days_since_last"] = Fact{std::to_string(since), since, evidence};
        m_facts[key + ".decayed"] = Fact{std::to_string(e.decayed), e.decayed, evidence};
        for (const auto &[attribute, sum] : e.sums)
            m_facts[key + "." + attribute + ".sum"] = Fact{std::to_string(sum), sum, evidence};
    }
    m_engagement.clear();
    return std::move(m_facts);
}

std::optional<std::string> accountDomain(const std::optional<std::string> &companyDomain,
                                         const std::optional<std::string> &email)
{
    if (companyDomain)
        return companyDomain;
    if (!email)
        return std::nullopt;
    const auto at = email->rfind('@');
    return at == std::string::npos ? std::nullopt : std::optional(email->substr(at + 1));
}

} // namespace baton::scoring
