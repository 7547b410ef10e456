#include "store/Engine.h"

namespace baton::store {

bool isPostgresLocation(std::string_view location)
{
    return location.starts_with("postgresql://") || location.starts_with("postgres://") ||
           location.starts_with("service=");
}

} // namespace baton::store
