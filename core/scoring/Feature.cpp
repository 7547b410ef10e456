#include "scoring/Feature.h"

#include "util/Decimal.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace baton::scoring {

namespace {

struct KindName
{
    FeatureKind kind;
    const char *name;
};

constexpr std::array kKindNames{KindName{FeatureKind::Categorical, "categorical"},
                                KindName{FeatureKind::Numeric, "numeric"},
                                KindName{FeatureKind::Boolean, "boolean"}};

std::string lowered(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const unsigned char c : text)
        if (!std::isspace(c))
            out += static_cast<char>(std::tolower(c));
    return out;
}

// A cut point as people write it: 12, 2.5, 0.125; no trailing zeros.
std::string shown(double value)
{
    std::string text = util::fixedDecimals(value, 3);
    while (!text.empty() && text.back() == '0')
        text.pop_back();
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text == "-0" ? "0" : text;
}

} // namespace

const char *nameOf(FeatureKind kind)
{
    for (const auto &k : kKindNames)
        if (k.kind == kind)
            return k.name;
    return "categorical";
}

std::optional<FeatureKind> featureKindFrom(const std::string &name)
{
    for (const auto &k : kKindNames)
        if (name == k.name)
            return k.kind;
    return std::nullopt;
}

std::optional<bool> booleanFrom(std::string_view text)
{
    const std::string t = lowered(text);
    if (t == "true" || t == "yes" || t == "y" || t == "1")
        return true;
    if (t == "false" || t == "no" || t == "n" || t == "0")
        return false;
    return std::nullopt;
}

int Feature::binCount() const
{
    switch (kind) {
    case FeatureKind::Categorical:
        return static_cast<int>(levels.size()) + 2;
    case FeatureKind::Numeric:
        return static_cast<int>(edges.size()) + 2;
    case FeatureKind::Boolean:
        return 3;
    }
    return 1;
}

int Feature::binOf(const Fact *fact) const
{
    return fact ? binOf(fact->text, fact->number) : missingBin();
}

int Feature::binOf(std::string_view text, std::optional<double> number) const
{
    switch (kind) {
    case FeatureKind::Categorical: {
        const auto it = std::find(levels.begin(), levels.end(), text);
        return static_cast<int>(it - levels.begin()); // levels.size(): "other"
    }
    case FeatureKind::Numeric:
        if (!number)
            return missingBin();
        return static_cast<int>(std::upper_bound(edges.begin(), edges.end(), *number) -
                                edges.begin());
    case FeatureKind::Boolean: {
        const auto b = number ? std::optional<bool>(*number != 0) : booleanFrom(text);
        return b ? (*b ? 1 : 0) : missingBin();
    }
    }
    return missingBin();
}

std::string BinRow::evidence(std::size_t feature) const
{
    const Source &s = sources[feature];
    if (s.record == Source::kEvent)
        return "event#" + std::to_string(s.eventId);
    return s.record >= 0 ? records[static_cast<std::size_t>(s.record)] : std::string();
}

std::string Feature::binLabel(int bin) const
{
    if (bin == missingBin())
        return "missing";
    switch (kind) {
    case FeatureKind::Categorical:
        return bin < static_cast<int>(levels.size()) ? levels[static_cast<std::size_t>(bin)]
                                                     : "other";
    case FeatureKind::Numeric: {
        const auto i = static_cast<std::size_t>(bin);
        if (edges.empty())
            return "any";
        if (i == 0)
            return "below " + shown(edges.front());
        if (i == edges.size())
            return shown(edges.back()) + " or more";
        return shown(edges[i - 1]) + " to " + shown(edges[i]);
    }
    case FeatureKind::Boolean:
        return bin == 1 ? "yes" : "no";
    }
    return "?";
}

} // namespace baton::scoring
