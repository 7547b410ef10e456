#include "crm/OutboxPlanner.h"

#include "agents/Consent.h"
#include "util/Text.h"

#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace baton::crm {

namespace {

std::string firstWord(const std::string &name, bool first)
{
    const auto space = name.find(' ');
    if (space == std::string::npos)
        return first ? name : std::string();
    return first ? name.substr(0, space) : name.substr(space + 1);
}

// The note a rep reads in the CRM: what the brief says, in plain text with a line per item,
// and the link back to the brief in Baton.
std::string noteBody(std::int64_t briefId, const nlohmann::json &brief)
{
    std::string out;
    const auto &score = brief.value("score", nlohmann::json::object());
    if (score.contains("score"))
        out += "Baton score " + std::to_string(std::lround(score["score"].get<double>())) + " (" +
               util::stringField(score, "grid") + ")\n";
    const auto list = [&](const char *title, const nlohmann::json &items, const char *field) {
        if (!items.is_array() || items.empty())
            return;
        out += std::string("\n") + title + ":\n";
        for (const auto &item : items)
            out += "- " + util::stringField(item, field) + "\n";
    };
    const auto &summary = brief.value("summary", nlohmann::json::object());
    list("Intent signals", summary.value("intent_signals", nlohmann::json()), "text");
    list("Talking points", summary.value("talking_points", nlohmann::json()), "text");
    list("Risks", summary.value("risks", nlohmann::json()), "text");
    if (score.contains("top_positive") || score.contains("top_negative")) {
        out += "\nScore factors:\n";
        for (const char *side : {"top_positive", "top_negative"})
            for (const auto &f : score.value(side, nlohmann::json::array())) {
                const double c = f.value("contribution", 0.0);
                char buf[32];
                std::snprintf(buf, sizeof buf, "%+.1f", c);
                out += "- " + util::stringField(f, "name") + " " + buf + "\n";
            }
    }
    const auto &actions = brief.value("recommended_actions", nlohmann::json::array());
    if (actions.is_array() && !actions.empty()) {
        out += "\nRecommended actions:\n";
        for (const auto &a : actions)
            out += "- " + util::stringField(a, "action") + " by " + util::stringField(a, "due") +
                   ": " + util::stringField(a, "reason") + "\n";
    }
    out += "\nBaton brief #" + std::to_string(briefId) + " (" + briefExternalId(briefId, "brief") +
           ")";
    return out;
}

} // namespace

std::string personExternalId(std::int64_t leadId)
{
    return "baton-lead-" + std::to_string(leadId);
}

std::string briefExternalId(std::int64_t briefId, const std::string &object)
{
    return "baton-brief-" + std::to_string(briefId) + "-" + object;
}

std::vector<PlannedOperation> planApproval(std::int64_t briefId, const nlohmann::json &brief,
                                           const std::string &owner, const agents::Consent *consent)
{
    const auto &lead = brief.value("lead", nlohmann::json::object());
    if (!lead.contains("id") || !lead["id"].is_number_integer())
        throw std::invalid_argument("brief #" + std::to_string(briefId) + " names no lead");
    // No email is planned all the same: a CRM that matches people by email refuses that
    // operation with its own message, visible in the outbox, and the approval stands.
    const std::string email = util::stringField(lead, "email");
    const std::int64_t leadId = lead["id"].get<std::int64_t>();
    const std::string name = util::stringField(lead, "name");
    const auto &profile = brief.value("profile", nlohmann::json::object());
    const auto value = [&](const char *field) {
        const auto it = profile.find(field);
        return it != profile.end() && it->contains("value") && (*it)["value"].is_string()
                   ? (*it)["value"].get<std::string>()
                   : std::string();
    };
    const std::string prefix = "brief:" + std::to_string(briefId) + ":";

    std::vector<PlannedOperation> ops;
    ops.push_back({util::nameString(OpKind::UpsertPerson),
                   prefix + util::nameString(OpKind::UpsertPerson),
                   {{"external_id", personExternalId(leadId)},
                    {"lead_id", leadId},
                    {"email", email},
                    {"first_name", firstWord(name, true)},
                    {"last_name", firstWord(name, false)},
                    {"company", util::stringField(lead, "company")},
                    {"job_title", util::stringField(lead, "job_title")},
                    {"country", value("country")},
                    {"owner", owner}},
                   std::nullopt});
    const auto &routing = brief.value("routing", nlohmann::json::object());
    const std::string created =
        util::stringField(brief.value("provenance", nlohmann::json::object()), "created_at");
    ops.push_back({util::nameString(OpKind::CreateNote),
                   prefix + util::nameString(OpKind::CreateNote),
                   {{"external_id", briefExternalId(briefId, "note")},
                    {"brief_id", briefId},
                    {"body", noteBody(briefId, brief)},
                    {"timestamp", created}},
                   0});
    const auto &actions = brief.value("recommended_actions", nlohmann::json::array());
    if (actions.is_array() && !actions.empty()) {
        const auto &first = actions.front();
        if (consent)
            if (const auto why =
                    agents::consentRefusal(*consent, util::stringField(first, "action")))
                throw std::invalid_argument("brief #" + std::to_string(briefId) +
                                            ": no CRM task planned: " + *why);
        ops.push_back({util::nameString(OpKind::CreateTask),
                       prefix + util::nameString(OpKind::CreateTask),
                       {{"external_id", briefExternalId(briefId, "task")},
                        {"brief_id", briefId},
                        {"subject", util::stringField(first, "action") + ": " + name},
                        {"action", util::stringField(first, "action")},
                        {"body", util::stringField(first, "reason")},
                        {"due", util::stringField(first, "due").empty()
                                    ? util::stringField(routing, "sla_due")
                                    : util::stringField(first, "due")},
                        {"owner", owner}},
                       0});
    }
    return ops;
}

std::string deliveryKind(Target target)
{
    return util::nameString(target == Target::Webhook ? OpKind::PostWebhook : OpKind::AppendJsonl);
}

std::vector<PlannedOperation> planDeliveries(std::int64_t briefId, const nlohmann::json &brief,
                                             const std::vector<std::string> &targets,
                                             const std::string &at)
{
    std::vector<PlannedOperation> ops;
    for (const auto &target : targets) {
        const auto known = util::parseName<Target>(target);
        if (!known || !isDeliveryTarget(*known))
            continue;
        const std::string kind = deliveryKind(*known);
        ops.push_back({kind,
                       "brief:" + std::to_string(briefId) + ":" + kind,
                       {{"event", "brief.approved"},
                        {"delivery_id", briefExternalId(briefId, target + "-approved")},
                        {"brief_id", briefId},
                        {"occurred_at", at},
                        {"brief", brief}},
                       std::nullopt});
    }
    return ops;
}

} // namespace baton::crm
