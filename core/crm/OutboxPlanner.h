#pragma once

#include "crm/OutboxVocabulary.h"
#include "crm/Target.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace baton::agents {
class Consent;
}

namespace baton::crm {

// One operation the CRM must receive, in Baton's terms; connectors map it to their API.
struct PlannedOperation
{
    std::string kind;  // upsert_person, create_note, create_task
    std::string opKey; // unique per brief and kind: the outbox's idempotency key
    nlohmann::json payload;
    std::optional<std::size_t> dependsOn; // index of the operation delivered first
};

// What approving a brief sends to the CRM: the person (upserted by email, and by the external
// id Baton owns for the lead), a note carrying the brief, and a task for the first
// recommended action with its due time and owner, both associated with the person. Every
// object carries an external id derived from the brief, so a retry finds or upserts it.
// Throws std::invalid_argument when the brief names no lead, or when its task would use a
// channel `consent` rules out (review refuses such an approval first; this is the second
// line).
std::vector<PlannedOperation> planApproval(std::int64_t briefId, const nlohmann::json &brief,
                                           const std::string &owner,
                                           const agents::Consent *consent);

// Delivery beyond the CRM: for each enabled target ("webhook", "jsonl") one operation carrying
// the approved brief itself, with a delivery id that stays the same across retries so a
// receiver can drop a redelivery.
std::vector<PlannedOperation> planDeliveries(std::int64_t briefId, const nlohmann::json &brief,
                                             const std::vector<std::string> &targets,
                                             const std::string &at);
// The operation kind that delivers to a delivery target: post_webhook, append_jsonl.
std::string deliveryKind(Target target);

// The external ids Baton stores on CRM objects.
std::string personExternalId(std::int64_t leadId);
std::string briefExternalId(std::int64_t briefId, const std::string &object);

} // namespace baton::crm
