#include "contracts/RecordListCheck.h"

#include "contracts/SchemaSupport.h"

#include <algorithm>
#include <initializer_list>
#include <nlohmann/json.hpp>

namespace baton::contracts {

namespace {

bool onlyKeys(const nlohmann::json &schema, std::initializer_list<const char *> allowed)
{
    if (!schema.is_object())
        return false;
    for (const auto &[key, value] : schema.items()) {
        static_cast<void>(value);
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char *a) { return key == a; }))
            return false;
    }
    return true;
}

std::optional<std::uint64_t> count(const nlohmann::json &schema, const char *key, bool &ok)
{
    if (!schema.contains(key))
        return std::nullopt;
    const auto &v = schema[key];
    if (!v.is_number_integer() || v.get<std::int64_t>() < 0) {
        ok = false;
        return std::nullopt;
    }
    return v.get<std::uint64_t>();
}

} // namespace

std::optional<RecordListCheck> RecordListCheck::compile(const nlohmann::json &schema,
                                                        const std::string &property,
                                                        std::string first, std::string second)
{
    if (!schema.is_object() || !schema.contains("properties") ||
        !schema["properties"].is_object() || !schema["properties"].contains(property))
        return std::nullopt;
    const auto &list = schema["properties"][property];
    if (!onlyKeys(list, {"type", "minItems", "maxItems", "items", "description"}) ||
        list.value("type", "") != "array" || !list.contains("items"))
        return std::nullopt;
    const auto &items = list["items"];
    if (!onlyKeys(items,
                  {"type", "required", "additionalProperties", "properties", "description"}) ||
        items.value("type", "") != "object" || items.value("additionalProperties", true) != false ||
        !items.contains("properties") || !items["properties"].is_object() ||
        items["properties"].size() != 2)
        return std::nullopt;
    if (items.contains("required")) {
        if (!items["required"].is_array())
            return std::nullopt;
        for (const auto &name : items["required"])
            if (!name.is_string() || (name != first && name != second))
                return std::nullopt;
    }

    RecordListCheck out;
    out.m_property = property;
    bool ok = true;
    out.m_minItems = count(list, "minItems", ok);
    out.m_maxItems = count(list, "maxItems", ok);
    if (!ok)
        return std::nullopt;
    for (auto [field, name] :
         {std::pair{&out.m_first, &first}, std::pair{&out.m_second, &second}}) {
        if (!items["properties"].contains(*name))
            return std::nullopt;
        const auto &s = items["properties"][*name];
        if (!onlyKeys(s, {"type", "pattern", "description"}) || s.value("type", "") != "string")
            return std::nullopt;
        field->name = std::move(*name);
        if (s.contains("pattern")) {
            if (!s["pattern"].is_string())
                return std::nullopt;
            field->patternText = s["pattern"].get<std::string>();
            field->pattern = SimplePattern::compile(*field->patternText);
            if (!field->pattern)
                return std::nullopt;
        }
    }
    return out;
}

nlohmann::json RecordListCheck::schemaForTheRest(const nlohmann::json &schema) const
{
    nlohmann::json rest = schema;
    rest["properties"][m_property] = true;
    return rest;
}

bool RecordListCheck::checkField(const Field &field, const std::string &value, std::size_t row,
                                 std::vector<ValidationError> *errors) const
{
    if (!field.pattern)
        return true;
    const auto matched = field.pattern->search(value);
    if (matched == true)
        return true;
    if (!matched) {
        // Text SimplePattern cannot decide (non-ASCII against a byte-sensitive pattern): the
        // contract's patterns for these lists have no such class, so this is a defect, and
        // saying so beats guessing.
        if (errors)
            errors->push_back({"/" + m_property + "/" + std::to_string(row) + "/" + field.name,
                               "cannot check " + detail::quoteText(value) + " against " +
                                   *field.patternText + " without a full regex"});
        return false;
    }
    if (errors)
        errors->push_back({"/" + m_property + "/" + std::to_string(row) + "/" + field.name,
                           "expected a string matching " + *field.patternText + ", got " +
                               detail::quoteText(value)});
    return false;
}

bool RecordListCheck::check(const std::vector<Row> &rows,
                            std::vector<ValidationError> *errors) const
{
    bool valid = true;
    if (m_minItems && rows.size() < *m_minItems) {
        if (!errors)
            return false;
        valid = false;
        errors->push_back({"/" + m_property, "expected at least " +
                                                 detail::counted(*m_minItems, "item", "items") +
                                                 ", got " + std::to_string(rows.size())});
    }
    if (m_maxItems && rows.size() > *m_maxItems) {
        if (!errors)
            return false;
        valid = false;
        errors->push_back({"/" + m_property, "expected at most " +
                                                 detail::counted(*m_maxItems, "item", "items") +
                                                 ", got " + std::to_string(rows.size())});
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!checkField(m_first, rows[i].first, i, errors)) {
            if (!errors)
                return false;
            valid = false;
        }
        if (!checkField(m_second, rows[i].second, i, errors)) {
            if (!errors)
                return false;
            valid = false;
        }
    }
    return valid;
}

} // namespace baton::contracts
