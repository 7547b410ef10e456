#pragma once

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

} // namespace baton::review
