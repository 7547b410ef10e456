#include "agents/Consent.h"

#include "util/Time.h"

#include <algorithm>
#include <array>

namespace baton::agents {

namespace {

std::size_t slot(Channel c)
{
    return static_cast<std::size_t>(c);
}

// Each source's own name for the flag, so a fact cites what a person would look up there.
struct FlagNames
{
    std::string_view source, email, phone, any;
};

constexpr std::array<FlagNames, 4> kFlagNames = {{
    {"hubspot", "Unsubscribed from all email (hs_email_optout)", "do_not_call", "do_not_contact"},
    {"marketo", "unsubscribed", "doNotCall", "blackListed"},
    {"salesforce", "HasOptedOutOfEmail", "DoNotCall", "do_not_contact"},
    {"baton", "opted_out", "do_not_call", "do_not_contact"},
}};

const FlagNames &namesFor(const std::string &source)
{
    for (const auto &n : kFlagNames)
        if (n.source == source)
            return n;
    return kFlagNames.back();
}

bool truthy(std::string_view value)
{
    return value == "true" || value == "1" || value == "True" || value == "TRUE" || value == "yes";
}

bool falsy(std::string_view value)
{
    return value == "false" || value == "0" || value == "False" || value == "FALSE" ||
           value == "no";
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x | 0x20) == (y | 0x20);
           });
}

// The declared table: which channel each recommended action uses.
struct ActionChannel
{
    std::string_view action;
    std::optional<Channel> channel;
};

constexpr std::array<ActionChannel, 8> kActionChannels = {{
    {"call", Channel::Phone},
    {"email", Channel::Email},
    {"send_pricing", Channel::Email},
    {"nurture", Channel::Email},
    {"book_demo", Channel::Any},
    {"linkedin", Channel::Any},
    {"verify_data", std::nullopt},
    {"do_not_contact", std::nullopt},
}};

} // namespace

std::string_view channelName(Channel channel)
{
    switch (channel) {
    case Channel::Email:
        return "email";
    case Channel::Phone:
        return "phone";
    case Channel::Any:
        return "any";
    }
    return "any";
}

std::vector<ConsentFact> consentFacts(const LeadConsentFlags &flags,
                                      const std::vector<EventFact> &events)
{
    std::vector<ConsentFact> out;
    const std::string leadRef = "lead#" + std::to_string(flags.leadId);
    const FlagNames &names = namesFor(flags.sourceSystem);
    const auto flag = [&](Channel channel, std::string_view field) {
        out.push_back(
            {channel, true, flags.at, leadRef, flags.sourceSystem + ": " + std::string(field)});
    };
    if (flags.emailOptOut)
        flag(Channel::Email, names.email);
    for (const auto &subscription : flags.emailSubscriptionOptOuts)
        flag(Channel::Email, "opted out of email: " + subscription);
    if (flags.doNotCall)
        flag(Channel::Phone, names.phone);
    if (flags.doNotContact)
        flag(Channel::Any, names.any);
    for (const EventFact &e : events) {
        const std::string ref = "event#" + std::to_string(e.id);
        if (e.type == "unsubscribe") {
            out.push_back({Channel::Email, true, e.occurredAt, ref, "Unsubscribe Email"});
        } else if (e.type == "data_change" && equalsIgnoringCase(e.asset, "Unsubscribed")) {
            if (truthy(e.detail))
                out.push_back(
                    {Channel::Email, true, e.occurredAt, ref, "Change Data Value: Unsubscribed"});
            else if (falsy(e.detail))
                out.push_back({Channel::Email, false, e.occurredAt, ref,
                               "Change Data Value: Unsubscribed set to false"});
        }
    }
    return out;
}

Consent::Consent(const std::vector<ConsentFact> &facts)
{
    for (const ConsentFact &f : facts) {
        if (f.fromRecord()) {
            if (f.optedOut)
                m_record[slot(f.channel)] = f;
            continue;
        }
        auto &newest = m_newest[slot(f.channel)];
        if (!newest || f.at > newest->at || (f.at == newest->at && f.optedOut && !newest->optedOut))
            newest = f;
    }
}

bool Consent::allows(Channel channel) const
{
    return !closedBy(channel);
}

bool Consent::noContact() const
{
    return closedBy(Channel::Any) || (closedBy(Channel::Email) && closedBy(Channel::Phone));
}

const ConsentFact *Consent::closedBy(Channel channel) const
{
    for (const Channel c : {Channel::Any, channel}) {
        if (const auto &record = m_record[slot(c)])
            return &*record;
        if (const auto &event = m_newest[slot(c)]; event && event->optedOut)
            return &*event;
    }
    return nullptr;
}

std::vector<const ConsentFact *> Consent::standing() const
{
    // Per channel the fact that decides it: the record's opt-out, else the newest event.
    std::vector<const ConsentFact *> out;
    for (std::size_t c = 0; c < 3; ++c)
        if (m_record[c])
            out.push_back(&*m_record[c]);
        else if (m_newest[c])
            out.push_back(&*m_newest[c]);
    return out;
}

std::optional<Channel> channelOfAction(std::string_view action)
{
    for (const auto &entry : kActionChannels)
        if (entry.action == action)
            return entry.channel;
    return Channel::Any;
}

std::string describeFact(const ConsentFact &fact)
{
    std::string what;
    if (!fact.optedOut)
        what = "opted back in to " + std::string(channelName(fact.channel));
    else if (fact.channel == Channel::Phone)
        what = "is on do-not-call";
    else if (fact.channel == Channel::Any)
        what = "opted out of all contact";
    else
        what = "opted out of email";
    return fact.evidence + " " + what + " (" + fact.source + ", " +
           util::formatUtc(fact.at).substr(0, 10) + ")";
}

std::optional<std::string> consentRefusal(const Consent &consent, std::string_view action)
{
    const auto channel = channelOfAction(action);
    if (!channel)
        return std::nullopt;
    if (*channel == Channel::Any) {
        if (!consent.noContact())
            return std::nullopt;
        const ConsentFact *why = consent.closedBy(Channel::Any);
        if (!why)
            why = consent.closedBy(Channel::Email);
        std::string message = std::string(action) + ": " + describeFact(*why);
        if (const ConsentFact *phone = consent.closedBy(Channel::Phone); phone && phone != why)
            message += " and " + describeFact(*phone);
        return message;
    }
    if (const ConsentFact *why = consent.closedBy(*channel))
        return std::string(action) + ": " + describeFact(*why);
    return std::nullopt;
}

} // namespace baton::agents
