#pragma once

#include "util/EnumNames.h"

// Where Baton delivers approved briefs: a CRM (HubSpot, Salesforce) or a delivery target
// beyond it (a webhook, a JSONL file). The string forms are what `baton push --target`, the
// outbox's crm_system and the delivery_targets table hold.
namespace baton::crm {

enum class Target
{
    HubSpot,
    Salesforce,
    Webhook,
    Jsonl
};

// The targets that get every approved brief once enabled (DeliveryTargets), besides the CRM.
inline constexpr std::array<Target, 2> kDeliveryTargets = {Target::Webhook, Target::Jsonl};

constexpr bool isDeliveryTarget(Target target)
{
    for (Target t : kDeliveryTargets)
        if (t == target)
            return true;
    return false;
}

} // namespace baton::crm

template <> struct baton::util::EnumNames<baton::crm::Target>
{
    static constexpr std::array<std::string_view, 4> names = {"hubspot", "salesforce", "webhook",
                                                              "jsonl"};
};
