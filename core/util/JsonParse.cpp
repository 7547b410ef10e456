#include "util/JsonParse.h"

#include <nlohmann/json.hpp>
#include <simdjson.h>

namespace baton::util {

namespace {

// nlohmann keeps the last of duplicate keys; assigning (not emplacing) does the same.
nlohmann::json convert(simdjson::dom::element element)
{
    using simdjson::dom::element_type;
    switch (element.type()) {
    case element_type::OBJECT: {
        nlohmann::json object = nlohmann::json::object();
        auto &map = object.get_ref<nlohmann::json::object_t &>();
        for (const auto field : simdjson::dom::object(element))
            map[std::string(field.key)] = convert(field.value);
        return object;
    }
    case element_type::ARRAY: {
        nlohmann::json array = nlohmann::json::array();
        auto &vector = array.get_ref<nlohmann::json::array_t &>();
        for (const auto item : simdjson::dom::array(element))
            vector.push_back(convert(item));
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

} // namespace

bool parseJson(std::string_view text, nlohmann::json &out, std::string *error)
{
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(text.data(), text.size(), true).get(root) == simdjson::SUCCESS) {
        out = convert(root);
        return true;
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

} // namespace baton::util
