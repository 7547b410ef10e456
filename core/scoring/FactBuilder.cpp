#include "scoring/FactBuilder.h"

#include "util/JsonParse.h"

#include <array>
#include <cctype>
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

// "Campaign Run ID", "webinar_id", "primaryAttributeValueId", "Choice Number": numbers that
// name things; their sum measures nothing about the lead.
bool namesAnIdentifier(std::string_view name)
{
    for (const std::string_view word : {std::string_view("id"), std::string_view("number")}) {
        if (name.size() <= word.size())
            continue;
        const auto tail = name.substr(name.size() - word.size());
        bool same = true;
        for (std::size_t i = 0; i < word.size(); ++i)
            same = same && std::tolower(static_cast<unsigned char>(tail[i])) == word[i];
        if (!same)
            continue;
        const auto before = static_cast<unsigned char>(name[name.size() - word.size() - 1]);
        const auto first = static_cast<unsigned char>(tail[0]);
        // A word of its own ("Step ID", "webinar_id"), or camel case ("valueId", "StepID"),
        // not the end of another word ("Paid").
        if (!std::isalpha(before) || (std::isupper(first) && std::islower(before)) || tail == "ID")
            return true;
    }
    return name == "id" || name == "ID";
}

} // namespace

FactFilter FactFilter::of(const std::vector<std::string> &names)
{
    FactFilter f;
    for (const auto &name : names) {
        f.names.insert(name);
        if (name.rfind("events.", 0) != 0)
            continue;
        const auto dot = name.find('.', 7);
        if (dot == std::string::npos)
            continue;
        const std::string key = name.substr(0, dot);
        f.engagement.insert(key);
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".sum") == 0)
            f.summed.insert(key);
    }
    return f;
}

FactBuilder::FactBuilder(TimePoint cutoff, double halfLifeDays, const FactFilter *filter)
    : m_cutoff(cutoff), m_halfLifeDays(halfLifeDays), m_filter(filter)
{
}

void FactBuilder::addScalar(const std::string &name, const nlohmann::json &v,
                            const std::string &evidence)
{
    if (!wanted(name))
        return;
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

void FactBuilder::count(const std::string &key, std::int64_t id, TimePoint at,
                        std::string_view text)
{
    if (m_filter && !m_filter->engagement.count(key))
        return;
    Engagement &e = m_engagement[key];
    ++e.count;
    if (at >= e.last) {
        e.last = at;
        e.lastId = id;
    }
    e.decayed += std::exp2(-daysBetween(at, m_cutoff) / m_halfLifeDays);
    if (text.size() <= 2 || (m_filter && !m_filter->summed.count(key)))
        return;
    util::forEachNumericField(text, [&](std::string_view name, double value) {
        if (namesAnIdentifier(name))
            return;
        std::string sum = key;
        sum.append(1, '.').append(name).append(".sum");
        if (wanted(sum))
            e.sums[std::string(name)] += value;
    });
}

void FactBuilder::addEvent(std::int64_t id, const std::string &type,
                           const std::optional<std::string> &activityType, TimePoint at,
                           std::string_view attributes)
{
    if (at > m_cutoff)
        return;
    count("events." + type, id, at, attributes);
    if (activityType)
        count("events.activity_" + *activityType, id, at, {});
}

Facts FactBuilder::finish()
{
    for (const auto &[key, e] : m_engagement) {
        const std::string evidence = "event#" + std::to_string(e.lastId);
        // The text only for a fact kept: formatting numbers is most of a fact's cost.
        const auto add = [&](std::string name, double value, bool whole) {
            if (wanted(name))
                m_facts[std::move(name)] = Fact{
                    whole ? std::to_string(static_cast<long long>(value)) : std::to_string(value),
                    value, evidence};
        };
        add(key + ".count", e.count, true);
        add(key + ".days_since_last", std::floor(daysBetween(e.last, m_cutoff)), false);
        add(key + ".decayed", e.decayed, false);
        for (const auto &[attribute, sum] : e.sums)
            add(key + "." + attribute + ".sum", sum, false);
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
