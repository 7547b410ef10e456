#pragma once

#include "governance/Permissions.h"
#include "review/Vocabulary.h"

#include <cstdint>
#include <optional>
#include <string_view>

// The review workflow as one declared table: for each action, where it may start, where it
// ends, the permission it needs and what it takes. ReviewService applies it; the console and
// the CLI ask it what is possible; tests walk it. Adding an action starts here.
namespace baton::review {

// A set of statuses, as bits in BriefStatus order.
class StatusSet
{
public:
    constexpr StatusSet() = default;
    constexpr StatusSet(std::initializer_list<BriefStatus> statuses)
    {
        for (BriefStatus s : statuses)
            m_bits |= bit(s);
    }
    static constexpr StatusSet allBut(BriefStatus excluded)
    {
        StatusSet s;
        for (BriefStatus status : util::allOf<BriefStatus>())
            if (status != excluded)
                s.m_bits |= bit(status);
        return s;
    }
    constexpr bool contains(BriefStatus s) const { return (m_bits & bit(s)) != 0; }
    constexpr bool empty() const { return m_bits == 0; }
    constexpr bool operator==(const StatusSet &) const = default;

private:
    static constexpr std::uint32_t bit(BriefStatus s) { return 1u << static_cast<unsigned>(s); }
    std::uint32_t m_bits = 0;
};

// What an action takes besides the brief and the version the actor saw.
using Inputs = std::uint8_t;
struct Input
{
    static constexpr Inputs None = 0;
    static constexpr Inputs Note = 1 << 0;       // free text for the record
    static constexpr Inputs Reason = 1 << 1;     // why: an edit's, a retraction's, a rejection's
    static constexpr Inputs Patch = 1 << 2;      // RFC 6902 against the brief as it now reads
    static constexpr Inputs Category = 1 << 3;   // an EscalationCategory
    static constexpr Inputs TargetUser = 1 << 4; // who it goes to
    static constexpr Inputs Resolution = 1 << 5; // how an escalation closes
};

struct Transition
{
    ReviewAction action;
    governance::Action permission;
    StatusSet from;        // where it may start, for a role granted it on any brief
    StatusSet fromWhenOwn; // where it may start, for a role granted it on its own briefs only
    // Where it ends: a status, or unset when the status stays (or, for resolve, the
    // resolution decides: see resolutionOutcome()).
    std::optional<BriefStatus> to;
    Inputs takes;          // what it may be given
    Inputs needs;          // what it must be given
    bool bumpsVersion;     // changes the brief (a comment does not)
    std::string_view done; // "only escalated briefs can be <done>"
};

// How each resolution of an escalation ends, and what it must be given.
struct ResolutionOutcome
{
    Resolution resolution;
    BriefStatus to;
    Inputs needs;
};

const Transition &transition(ReviewAction action);
const ResolutionOutcome &resolutionOutcome(Resolution resolution);

// Where `action` may start for `role`: empty when the role is not granted it at all.
StatusSet startStates(ReviewAction action, governance::Role role);

// Whether `role`, acting as `owner` or not, may take `action` on a brief in `status`: the
// table's answer, before inputs, versions and consent are checked. What the console
// enables and disables.
bool permitted(ReviewAction action, governance::Role role, bool owner, BriefStatus status);

} // namespace baton::review
