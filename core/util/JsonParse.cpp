#include "util/JsonParse.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace baton::util {

namespace {

// Thrown by convert() past the limit: simdjson's own depth count has a margin, ours is exact.
struct TooDeep
{
};

// nlohmann keeps the last of duplicate keys; assigning (not emplacing) does the same.
nlohmann::json convert(simdjson::dom::element element, int depth)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::OBJECT: {
        if (depth >= kMaxJsonDepth)
            throw TooDeep{};
        nlohmann::json object = nlohmann::json::object();
        auto &map = object.get_ref<nlohmann::json::object_t &>();
        for (const auto field : simdjson::dom::object(element))
            map[std::string(field.key)] = convert(field.value, depth + 1);
        return object;
    }
    case element_type::ARRAY: {
        if (depth >= kMaxJsonDepth)
            throw TooDeep{};
        nlohmann::json array = nlohmann::json::array();
        auto &vector = array.get_ref<nlohmann::json::array_t &>();
        for (const auto item : simdjson::dom::array(element))
            vector.push_back(convert(item, depth + 1));
        return array;
    }
    case element_type::STRING:
        return std::string(std::string_view(element));
    case element_type::INT64:
        return std::int64_t(element);
    case element_type::UINT64:
        return std::uint64_t(element);
    case element_type::DOUBLE:
        return double(element);
    case element_type::BOOL:
        return bool(element);
    case element_type::NULL_VALUE:
        return nullptr;
    }
    return nullptr;
}

simdjson::dom::parser &threadParser()
{
    // simdjson refuses deep documents itself (a little past our limit, so its off-by-one
    // conventions never refuse what we allow) before building its tape for them.
    thread_local simdjson::dom::parser parser;
    thread_local bool sized = false;
    if (!sized) {
        sized = parser.allocate(simdjson::SIMDJSON_PADDING, kMaxJsonDepth + 2) == simdjson::SUCCESS;
    }
    return parser;
}

// The text as a JSON object, in the thread's parser (valid until its next parse).
bool parseObject(std::string_view text, simdjson::dom::object &object)
{
    simdjson::dom::element root;
    return threadParser().parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS &&
           root.get(object) == simdjson::SUCCESS;
}

std::string tooDeep(std::size_t column)
{
    return "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels at column " +
           std::to_string(column);
}

} // namespace

std::size_t columnPastDepth(std::string_view text, int limit)
{
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limit)
                return i + 1;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return 0;
}

void forEachNumericField(std::string_view text,
                         const std::function<void(std::string_view key, double value)> &fn)
{
    simdjson::dom::object object;
    if (!parseObject(text, object))
        return;
    for (const auto field : object) {
        double number = 0;
        std::string_view s;
        if (field.value.is_number()) {
            if (field.value.get_double().get(number) == simdjson::SUCCESS)
                fn(field.key, number);
        } else if (field.value.get_string().get(s) == simdjson::SUCCESS && !s.empty()) {
            const auto end = s.data() + s.size();
            const auto [ptr, ec] = std::from_chars(s.data(), end, number);
            if (ec == std::errc() && ptr == end && std::isfinite(number))
                fn(field.key, number);
        }
    }
}

namespace {

void scalarFields(simdjson::dom::object object, std::initializer_list<std::string_view> descend,
                  const std::function<void(std::string_view, const JsonScalar &)> &fn)
{
    using simdjson::dom::element_type;
    for (const auto field : object) {
        // A key to descend into names a container, never a scalar of its own.
        if (std::find(descend.begin(), descend.end(), field.key) != descend.end()) {
            if (field.value.is_object())
                scalarFields(simdjson::dom::object(field.value), descend, fn);
            continue;
        }
        JsonScalar v;
        switch (field.value.type()) {
        case element_type::OBJECT:
        case element_type::ARRAY:
        case element_type::NULL_VALUE:
            continue;
        case element_type::BOOL:
            v.kind = JsonScalar::Kind::Boolean;
            v.boolean = bool(field.value);
            break;
        case element_type::INT64:
            v.kind = JsonScalar::Kind::Int64;
            v.int64 = std::int64_t(field.value);
            v.real = static_cast<double>(v.int64);
            break;
        case element_type::UINT64:
            v.kind = JsonScalar::Kind::UInt64;
            v.uint64 = std::uint64_t(field.value);
            v.real = static_cast<double>(v.uint64);
            break;
        case element_type::DOUBLE:
            v.kind = JsonScalar::Kind::Real;
            v.real = double(field.value);
            break;
        case element_type::STRING:
            v.text = std::string_view(field.value);
            break;
        }
        fn(field.key, v);
    }
}

} // namespace

bool forEachScalarField(std::string_view text, std::initializer_list<std::string_view> descend,
                        const std::function<void(std::string_view key, const JsonScalar &)> &fn)
{
    simdjson::dom::object object;
    if (!parseObject(text, object))
        return false;
    scalarFields(object, descend, fn);
    return true;
}

bool parseJson(std::string_view text, nlohmann::json &out, std::string *error)
{
    simdjson::dom::element root;
    if (threadParser().parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS) {
        try {
            out = convert(root, 0);
            return true;
        } catch (const TooDeep &) {
            // fall through: the scan below names the column
        }
    }
    if (const auto column = columnPastDepth(text, kMaxJsonDepth)) {
        if (error)
            *error = tooDeep(column);
        return false;
    }
    try {
        out = nlohmann::json::parse(text);
        return true;
    } catch (const nlohmann::json::parse_error &e) {
        if (error)
            *error = "not valid JSON at column " + std::to_string(e.byte);
        return false;
    }
}

nlohmann::json parseUntrustedJson(std::string_view text, std::string *error)
{
    nlohmann::json out;
    if (!parseJson(text, out, error))
        return nlohmann::json(nlohmann::json::value_t::discarded);
    return out;
}

} // namespace baton::util
