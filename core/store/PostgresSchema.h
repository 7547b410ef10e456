#pragma once
#include <string_view>
namespace baton::store::pg {
std::string_view baselineSchema();
}
