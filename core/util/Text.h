#pragma once

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

namespace baton::util {

// ASCII lower case: emails, header names, vendor codes. Leaves other bytes as they are.
inline std::string lowercase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// A JSON object's string member, or "" when it is absent or not a string: what a connector
// reads from an answer whose shape it does not control.
inline std::string stringField(const nlohmann::json &object, const std::string &key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace baton::util
