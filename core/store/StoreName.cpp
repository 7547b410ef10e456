#include "store/StoreName.h"

#include "store/Engine.h"

#include <filesystem>

namespace baton::store {

namespace {

// "postgresql://host/db?opts" -> "db"; "service=team" -> "team"; else the location.
std::string postgresName(std::string_view location)
{
    if (location.starts_with("service="))
        return std::string(location.substr(8, location.find(' ') - 8));
    const auto scheme = location.find("://");
    const auto slash = location.find('/', scheme + 3);
    if (slash == std::string_view::npos)
        return std::string(location);
    const auto end = location.find('?', slash);
    const auto name =
        location.substr(slash + 1, end == std::string_view::npos ? end : end - slash - 1);
    return name.empty() ? std::string(location.substr(0, end)) : std::string(name);
}

} // namespace

std::string storeDisplayName(std::string_view location)
{
    if (isPostgresLocation(location))
        return postgresName(location);
    return std::filesystem::path(location).filename().string();
}

} // namespace baton::store
