#include "review/EditCheck.h"

#include "agents/Consent.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/LeadInputReader.h"
#include "review/ReviewService.h"

#include <nlohmann/json.hpp>

namespace baton::review {

std::vector<std::string> consentProblems(const nlohmann::json &brief,
                                         const agents::Consent &consent)
{
    std::vector<std::string> problems;
    const auto actions = brief.find("recommended_actions");
    if (actions == brief.end() || !actions->is_array())
        return problems;
    for (std::size_t i = 0; i < actions->size(); ++i) {
        const auto &a = (*actions)[i];
        const std::string action = a.is_object() && a.contains("action") && a["action"].is_string()
                                       ? a["action"].get<std::string>()
                                       : std::string();
        if (const auto why = agents::consentRefusal(consent, action))
            problems.push_back("/recommended_actions/" + std::to_string(i) +
                               "/action: consent: " + *why);
    }
    return problems;
}

namespace {

// The lead a brief is about, or 0.
std::int64_t leadOf(const nlohmann::json &brief)
{
    const auto lead = brief.find("lead");
    if (lead == brief.end() || !lead->is_object() || !lead->contains("id") ||
        !(*lead)["id"].is_number_integer())
        return 0;
    return (*lead)["id"].get<std::int64_t>();
}

// Whether a reviewer may change what is at `path` (JSON Pointer) of a brief.
bool isEditable(const std::string &path)
{
    // Consent is the store's facts, read again at every edit and approval: not an opinion.
    if (path.rfind("/profile/consent_", 0) == 0)
        return false;
    for (const auto &prefix : ReviewService::editablePaths()) {
        if (prefix.back() == '*') { // "/profile/*/value": one field's value
            const auto stem = prefix.substr(0, prefix.size() - 1);
            if (path.rfind(stem, 0) == 0) {
                const auto rest = path.substr(stem.size());
                const auto slash = rest.find('/');
                if (slash != std::string::npos && rest.substr(slash) == "/value")
                    return true;
            }
        } else if (path == prefix || path.rfind(prefix + "/", 0) == 0) {
            return true;
        }
    }
    return false;
}

} // namespace

const std::vector<std::string> &ReviewService::editablePaths()
{
    static const std::vector<std::string> paths = {"/summary/intent_signals",
                                                   "/summary/talking_points", "/summary/risks",
                                                   "/recommended_actions", "/profile/*"};
    return paths;
}

std::vector<std::string> ReviewService::checkEdit(const nlohmann::json &current,
                                                  const nlohmann::json &edited) const
{
    std::vector<std::string> problems;
    for (const auto &op : nlohmann::json::diff(current, edited)) {
        const std::string path = op.at("path").get<std::string>();
        if (!isEditable(path))
            problems.push_back(path + ": not editable (only summary sentences, recommended "
                                      "actions and profile values are)");
    }
    if (const std::int64_t lead = leadOf(edited); lead > 0) {
        const agents::Consent consent(pipeline::LeadInputReader(m_db).consentFacts(lead));
        for (auto &p : consentProblems(edited, consent))
            problems.push_back(std::move(p));
    }
    std::vector<contracts::ValidationError> errors;
    if (!m_registry.validate("brief", 1, edited, errors))
        for (const auto &e : errors)
            problems.push_back((e.pointer.empty() ? std::string("/") : e.pointer) + ": " +
                               e.message);
    return problems;
}

} // namespace baton::review
