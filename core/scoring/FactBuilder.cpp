#include "scoring/FactBuilder.h"

#include "util/Decimal.h"
#include "util/JsonParse.h"
#include "util/MapSlot.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>

namespace baton::scoring {

namespace {

using util::TimePoint;

// Who the lead is and the clock, not facts about its intent.
constexpr std::array<std::string_view, 13> kNotFacts{
    "email",         "first_name", "last_name",  "phone",   "source_id",
    "source_system", "identities", "created_at", "company", "company_domain",
    "domain",        "name",       "subject"};

bool isNotAFact(std::string_view key)
{
    return std::find(kNotFacts.begin(), kNotFacts.end(), key) != kNotFacts.end();
}

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

std::optional<TimePoint> dateIn(std::string_view text)
{
    if (text.size() == 10 && text[4] == '-' && text[7] == '-')
        return util::parseRfc3339(std::string(text) + "T00:00:00Z");
    if (text.size() >= 20 && text[10] == 'T')
        return util::parseRfc3339(text);
    return std::nullopt;
}

// An activity type id as fact names write it: std::to_string's digits ("6", not "06").
std::optional<std::int64_t> activityTypeIn(std::string_view text)
{
    std::int64_t value = 0;
    const auto end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::to_string(value) == text ? std::optional(value)
                                                                            : std::nullopt;
}

// std::to_string(double)'s text ("%f"), which facts have always had, without printf.
std::string fixedText(double value)
{
    return util::fixedDecimals(value, 6);
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
    f.names = names;
    f.textRead.assign(names.size(), true);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string &name = names[i];
        const int position = static_cast<int>(i);
        if (name.rfind("events.", 0) != 0) {
            const auto dot = name.find('.');
            // Who the lead is never becomes a fact (kNotFacts): such a name reads nothing.
            if (dot != std::string::npos && !isNotAFact(std::string_view(name).substr(dot + 1)))
                f.byRecord[name.substr(0, dot + 1)].add(name.substr(dot + 1), position);
            continue;
        }
        const auto dot = name.find('.', 7);
        if (dot == std::string::npos)
            continue;
        const std::string_view type = std::string_view(name).substr(7, dot - 7);
        Engagement *placed = nullptr;
        if (type.starts_with("activity_")) {
            // Activity type ids are integers (RecordRow); a name that is not one reads none.
            const auto id = activityTypeIn(type.substr(9));
            if (!id)
                continue;
            placed = &f.byActivityType[*id];
        } else {
            placed = &f.byType[std::string(type)];
        }
        Engagement &e = *placed;
        const std::string_view rest = std::string_view(name).substr(dot + 1);
        if (rest == "count")
            e.count = position;
        else if (rest == "days_since_last")
            e.daysSinceLast = position;
        else if (rest == "decayed")
            e.decayed = position;
        else if (rest.size() > 4 && rest.ends_with(".sum"))
            e.sums.emplace(std::string(rest.substr(0, rest.size() - 4)), position);
    }
    return f;
}

std::uint64_t FactFilter::RecordFields::bitOf(std::string_view key)
{
    const unsigned first = key.empty() ? 0 : static_cast<unsigned char>(key.front());
    return std::uint64_t(1) << ((key.size() * 7 + first) & 63);
}

void FactFilter::RecordFields::add(std::string key, int position)
{
    sketch |= bitOf(key);
    byKey.emplace(std::move(key), position);
}

int FactFilter::RecordFields::find(std::string_view key) const
{
    if (!(sketch & bitOf(key)))
        return -1;
    const auto it = byKey.find(key);
    return it == byKey.end() ? -1 : it->second;
}

FactFilter FactFilter::of(const std::vector<Feature> &features)
{
    std::vector<std::string> names;
    for (const auto &feature : features)
        names.push_back(feature.name);
    FactFilter f = of(names);
    f.features = features;
    for (const Feature &feature : features)
        f.missingBins.push_back(feature.missingBin());
    for (std::size_t i = 0; i < features.size(); ++i)
        f.textRead[i] = features[i].kind != FeatureKind::Numeric;
    return f;
}

Facts FactFilter::factsOf(FactRow row) const
{
    Facts facts;
    for (std::size_t i = 0; i < row.size() && i < names.size(); ++i)
        if (row[i])
            facts.emplace(names[i], std::move(*row[i]));
    return facts;
}

FactBuilder::FactBuilder(TimePoint cutoff, double halfLifeDays, const FactFilter *filter)
    : m_cutoff(cutoff), m_halfLifeDays(halfLifeDays), m_filter(filter)
{
    if (m_filter) {
        m_row.resize(m_filter->names.size());
        m_placed.reserve(m_filter->byType.size() + m_filter->byActivityType.size());
    }
}

FactBuilder FactBuilder::binning(TimePoint cutoff, const FactFilter &filter)
{
    if (filter.features.size() != filter.names.size())
        throw std::logic_error("FactBuilder::binning needs a model's filter");
    FactBuilder builder(cutoff, kEngagementHalfLifeDays, nullptr); // keeps no row of facts
    builder.m_filter = &filter;
    builder.m_binning = true;
    builder.m_bins.bins = filter.missingBins;
    builder.m_bins.sources.resize(filter.features.size());
    builder.m_placed.reserve(filter.byType.size() + filter.byActivityType.size());
    return builder;
}

void FactBuilder::place(const std::string &name, int position, std::string_view text,
                        std::optional<double> number, const std::string &evidence,
                        std::optional<std::int64_t> eventId)
{
    if (m_binning) {
        const auto j = static_cast<std::size_t>(position);
        m_bins.bins[j] = m_filter->features[j].binOf(text, number);
        m_bins.sources[j] = eventId ? BinRow::Source{BinRow::Source::kEvent, *eventId}
                                    : BinRow::Source{m_record, 0};
        if (m_capture)
            m_capture->emplace_back(position, m_bins.bins[j]);
        return;
    }
    Fact fact{std::string(text), number, evidence};
    if (m_filter)
        m_row[static_cast<std::size_t>(position)] = std::move(fact);
    else
        m_facts[name] = std::move(fact);
}

void FactBuilder::readingRecord(const std::string &evidence)
{
    if (!m_binning)
        return;
    if (m_bins.records.empty() || m_bins.records.back() != evidence)
        m_bins.records.push_back(evidence);
    m_record = static_cast<int>(m_bins.records.size()) - 1;
}

void FactBuilder::addRecordBins(const RecordBins &bins, const std::string &evidence)
{
    if (!m_binning)
        throw std::logic_error("FactBuilder::addRecordBins needs binning()");
    if (bins.empty())
        return;
    readingRecord(evidence);
    for (const auto &[position, bin] : bins) {
        const auto j = static_cast<std::size_t>(position);
        m_bins.bins.at(j) = bin;
        m_bins.sources[j] = BinRow::Source{m_record, 0};
    }
}

void FactBuilder::addText(const std::string &name, int position, std::string_view text,
                          const std::string &evidence)
{
    if (text.empty())
        return;
    if (const auto at = dateIn(text)) {
        if (*at <= m_cutoff)
            place(name, position, {}, std::floor(daysBetween(*at, m_cutoff)), evidence);
        return;
    }
    place(name, position, text, numberIn(text), evidence);
}

const FactFilter::RecordFields *FactBuilder::fieldsRead(std::string_view prefix) const
{
    static const FactFilter::RecordFields every;
    if (!m_filter)
        return &every;
    const auto record = m_filter->byRecord.find(prefix);
    return record == m_filter->byRecord.end() ? nullptr : &record->second;
}

int FactBuilder::fieldPosition(const FactFilter::RecordFields &read, std::string_view key) const
{
    if (m_filter)
        return read.find(key); // most keys miss here, at once; it holds no kNotFacts
    return isNotAFact(key) ? -1 : 0;
}

void FactBuilder::addScalar(const std::string &name, int position, const nlohmann::json &v,
                            const std::string &evidence)
{
    if (v.is_boolean())
        place(name, position, v.get<bool>() ? "true" : "false", std::nullopt, evidence);
    else if (v.is_number())
        place(name, position, textFor(position) ? v.dump() : std::string(), v.get<double>(),
              evidence);
    else if (v.is_string())
        addText(name, position, v.get_ref<const std::string &>(), evidence);
}

void FactBuilder::addRecord(const std::string &prefix, const nlohmann::json &record,
                            const std::string &evidence)
{
    const FactFilter::RecordFields *read = fieldsRead(prefix);
    if (!record.is_object() || !read)
        return;
    readingRecord(evidence);
    for (const auto &[key, value] : record.items()) {
        if (key == "properties" || key == "fields") {
            addRecord(prefix, value, evidence);
            continue;
        }
        if (const int position = fieldPosition(*read, key); position >= 0)
            addScalar(prefix + key, position, value, evidence);
    }
}

void FactBuilder::addRecordText(std::string_view prefix, std::string_view record,
                                const std::string &evidence)
{
    using Kind = util::JsonScalar::Kind;
    const FactFilter::RecordFields *fields = fieldsRead(prefix);
    if (!fields)
        return; // the model reads nothing of such records
    readingRecord(evidence);
    const bool read = util::forEachScalarField(
        record, {"properties", "fields"}, [&](std::string_view key, const util::JsonScalar &v) {
            const int position = fieldPosition(*fields, key);
            if (position < 0)
                return;
            if (!m_filter)
                m_name.assign(prefix).append(key);
            // The text nlohmann would dump, so a level reads the same as addRecord's.
            switch (v.kind) {
            case Kind::Boolean:
                place(m_name, position, v.boolean ? "true" : "false", std::nullopt, evidence);
                break;
            case Kind::Int64:
                place(m_name, position, textFor(position) ? std::to_string(v.int64) : std::string(),
                      v.real, evidence);
                break;
            case Kind::UInt64:
                place(m_name, position,
                      textFor(position) ? std::to_string(v.uint64) : std::string(), v.real,
                      evidence);
                break;
            case Kind::Real:
                place(m_name, position,
                      textFor(position) ? nlohmann::json(v.real).dump() : std::string(), v.real,
                      evidence);
                break;
            case Kind::Text:
                addText(m_name, position, v.text, evidence);
                break;
            }
        });
    // What simdjson does not read (an integer past 64 bits) nlohmann may.
    nlohmann::json document;
    if (!read && util::parseJson(record, document))
        addRecord(std::string(prefix), document, evidence);
}

const FactBuilder::Slot &FactBuilder::slotFor(const std::string &type,
                                              std::optional<std::int64_t> activityType)
{
    // A lead has a handful of pairs: the activity type rules most out at once.
    for (const Slot &slot : m_slots)
        if (slot.activityType == activityType && slot.type == type)
            return slot;
    Slot slot{type, activityType, nullptr, nullptr, false};
    slot.byType = engagementForType(type, &slot.summed);
    if (activityType)
        slot.byActivity = engagementForActivity(*activityType);
    return m_slots.emplace_back(std::move(slot));
}

FactBuilder::Engagement *FactBuilder::engagementForType(const std::string &type, bool *summed)
{
    if (!m_filter) {
        *summed = true;
        return &m_engagement["events." + type];
    }
    const auto it = m_filter->byType.find(type);
    if (it == m_filter->byType.end())
        return nullptr; // the model reads none of it
    *summed = !it->second.sums.empty();
    return placed(it->second);
}

FactBuilder::Engagement *FactBuilder::engagementForActivity(std::int64_t activityType)
{
    if (!m_filter)
        return &m_engagement["events.activity_" + std::to_string(activityType)];
    const auto it = m_filter->byActivityType.find(activityType);
    return it == m_filter->byActivityType.end() ? nullptr : placed(it->second);
}

FactBuilder::Engagement *FactBuilder::placed(const FactFilter::Engagement &positions)
{
    for (Engagement &e : m_placed)
        if (e.positions == &positions)
            return &e;
    if (m_placed.size() == m_placed.capacity()) // slots point into it: it must not move
        throw std::logic_error("FactBuilder: more engagements than its filter places");
    Engagement &e = m_placed.emplace_back();
    e.positions = &positions;
    return &e;
}

void FactBuilder::count(Engagement *engagement, bool summed, std::int64_t id, TimePoint at,
                        double weight, std::string_view text)
{
    if (!engagement)
        return;
    Engagement &e = *engagement;
    ++e.count;
    if (at >= e.last) {
        e.last = at;
        e.lastId = id;
    }
    e.decayed += weight;
    if (text.size() <= 2 || !summed)
        return;
    util::forEachNumericField(text, [&](std::string_view name, double value) {
        if (namesAnIdentifier(name))
            return;
        if (e.positions && !e.positions->sums.contains(name))
            return;
        util::slot(e.sums, name) += value;
    });
}

void FactBuilder::addEvent(std::int64_t id, const std::string &type,
                           std::optional<std::int64_t> activityType, TimePoint at,
                           std::string_view attributes)
{
    if (at > m_cutoff)
        return;
    const Slot &slot = slotFor(type, activityType);
    if (!slot.byType && !slot.byActivity)
        return;
    const double weight = std::exp2(-daysBetween(at, m_cutoff) / m_halfLifeDays);
    count(slot.byType, slot.summed, id, at, weight, attributes);
    count(slot.byActivity, false, id, at, weight, {});
}

void FactBuilder::finishEngagement(const std::string &key, const Engagement &e)
{
    // Binning cites the event by its id, and writes its evidence only for a brief.
    const std::string evidence = m_binning ? std::string() : "event#" + std::to_string(e.lastId);
    // Text only where it is read: formatting numbers is most of a fact's cost.
    const auto add = [&](int position, const auto &name, double value, bool whole) {
        if (m_filter && position < 0)
            return;
        std::string text;
        if (textFor(position))
            text = whole ? std::to_string(static_cast<long long>(value)) : fixedText(value);
        place(m_filter ? std::string() : name(), position, text, value, evidence, e.lastId);
    };
    const auto *at = e.positions;
    add(
        at ? at->count : 0, [&] { return key + ".count"; }, e.count, true);
    add(
        at ? at->daysSinceLast : 0, [&] { return key + ".days_since_last"; },
        std::floor(daysBetween(e.last, m_cutoff)), false);
    add(
        at ? at->decayed : 0, [&] { return key + ".decayed"; }, e.decayed, false);
    for (const auto &[attribute, sum] : e.sums) {
        int position = 0;
        if (at) {
            const auto it = at->sums.find(attribute);
            position = it == at->sums.end() ? -1 : it->second;
        }
        add(
            position, [&] { return key + "." + attribute + ".sum"; }, sum, false);
    }
}

void FactBuilder::finishEngagement()
{
    for (const auto &[key, e] : m_engagement)
        finishEngagement(key, e);
    const std::string unnamed; // a filter places facts by position
    for (const Engagement &e : m_placed)
        finishEngagement(unnamed, e);
    m_slots.clear();
    m_engagement.clear();
    m_placed.clear();
}

Facts FactBuilder::finish()
{
    if (m_filter)
        return m_filter->factsOf(finishRow());
    finishEngagement();
    return std::move(m_facts);
}

FactRow FactBuilder::finishRow()
{
    if (!m_filter || m_binning)
        throw std::logic_error("FactBuilder::finishRow needs a filter, and keeps facts");
    finishEngagement();
    return std::move(m_row);
}

BinRow FactBuilder::finishBins()
{
    if (!m_binning)
        throw std::logic_error("FactBuilder::finishBins needs binning()");
    finishEngagement();
    return std::move(m_bins);
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
