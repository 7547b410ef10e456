#pragma once

#include <map>
#include <string>
#include <string_view>

namespace baton::util {

// map[key] for a string-keyed map with a transparent comparator, without building a
// std::string unless the key is new: for counting by names that are usually present.
template <typename Value>
Value &slot(std::map<std::string, Value, std::less<>> &map, std::string_view key)
{
    auto it = map.find(key);
    if (it == map.end())
        it = map.emplace(std::string(key), Value{}).first;
    return it->second;
}

} // namespace baton::util
