#pragma once

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace baton::agents {
class Consent;
}

namespace baton::review {

// Each recommended action of `brief` that `consent` rules out, as "pointer: consent: why".
std::vector<std::string> consentProblems(const nlohmann::json &brief,
                                         const agents::Consent &consent);

// Whether a reviewer may change what is at `path` (JSON Pointer) of a brief.
bool isEditable(const std::string &path);

// The lead a brief is about, or 0.
std::int64_t leadOf(const nlohmann::json &brief);

} // namespace baton::review
