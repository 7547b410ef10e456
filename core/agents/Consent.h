#pragma once

#include "agents/ScoringAgent.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baton::agents {

// How Baton may reach a person. `Any` is every channel at once: "do not contact".
enum class Channel
{
    Email,
    Phone,
    Any
};

std::string_view channelName(Channel channel); // "email", "phone", "any"

// One structured fact about contacting a person: a source's flag or an event, never a
// sentence. `optedOut` false is an explicit opt-in (Marketo's Unsubscribed set back to
// false); a flag that is merely unset is no fact at all.
struct ConsentFact
{
    Channel channel = Channel::Email;
    bool optedOut = true;
    TimePoint at;
    std::string evidence; // "lead#3", "event#55"
    std::string source;   // "hubspot: Unsubscribed from all email (hs_email_optout)"

    // A fact citing the lead's own record is what its source says now.
    bool fromRecord() const { return evidence.rfind("lead#", 0) == 0; }
};

// The consent columns of a lead as its source wrote them (leads.opted_out, do_not_call,
// do_not_contact, email_opt_outs) and when the source last said so.
struct LeadConsentFlags
{
    std::int64_t leadId = 0;
    std::string sourceSystem;
    bool emailOptOut = false;
    bool doNotCall = false;
    bool doNotContact = false;
    std::vector<std::string> emailSubscriptionOptOuts; // HubSpot's per-subscription opt-outs
    TimePoint at;
};

// The facts a lead's flags and events state, in no particular order. Events: Marketo's
// Unsubscribe Email (activity 9, type "unsubscribe") and a Change Data Value of its
// Unsubscribed field (type "data_change", asset "Unsubscribed", the new value in `detail`).
std::vector<ConsentFact> consentFacts(const LeadConsentFlags &flags,
                                      const std::vector<EventFact> &events);

// Where a person stands on each channel, and a channel is closed when it or `Any` is. An
// opt-out the lead's record holds now stands: it is what that source says today, and an
// event from another system (a resubscribe in Marketo) does not lift it. Among events the
// newest wins, an opt-out winning a tie.
class Consent
{
public:
    Consent() = default;
    explicit Consent(const std::vector<ConsentFact> &facts);

    bool allows(Channel channel) const;
    // No channel left: opted out of all contact, or of both e-mail and phone.
    bool noContact() const;
    // The fact that closes the channel, when it is closed.
    const ConsentFact *closedBy(Channel channel) const;
    // Every fact that stands (the newest per channel), for citing.
    std::vector<const ConsentFact *> standing() const;

private:
    std::optional<ConsentFact> m_record[3]; // an opt-out the lead's record holds
    std::optional<ConsentFact> m_newest[3]; // the newest event
};

// The channel a recommended action uses, from one declared table: call -> phone; email,
// send_pricing, nurture -> email; book_demo, linkedin -> any channel left; verify_data and
// do_not_contact use none. Unknown actions are treated as needing every channel.
std::optional<Channel> channelOfAction(std::string_view action);

// Why `action` may not be recommended to this person ("call: lead#7 is on do-not-call
// (salesforce: DoNotCall, 2026-11-02)"), or nothing when it may.
std::optional<std::string> consentRefusal(const Consent &consent, std::string_view action);

// "lead#7 opted out of email (hubspot: hs_email_optout, 2026-11-02)"
std::string describeFact(const ConsentFact &fact);

} // namespace baton::agents
