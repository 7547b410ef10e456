#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baton::agents {

// ISO 3166-1 alpha-2 for a country as exports write it ("United States", "USA", "U.S.",
// "Deutschland", "gb", "UK"); nullopt if it is not one Baton knows.
std::optional<std::string> countryCode(std::string_view country);

// What a job title says about the person. Keyword rules, checked in order; the rule that
// matched is returned so a brief can say why ("'VP' in 'VP Engineering'").
struct TitleReading
{
    std::string seniority;  // owner, cxo, vp, director, manager, individual, entry
    std::string department; // engineering, it, data, product, marketing, sales,
                            // revenue_operations, customer_success, finance, operations,
                            // procurement, hr, legal, executive, other
    std::string persona;    // economic_buyer, technical_buyer, champion, end_user, influencer
    std::string seniorityRule;
    std::string departmentRule;
};

TitleReading readTitle(std::string_view title);

// What an event means for buying intent, beyond its recorded type: a web visit to a
// pricing page is a pricing_page_view, a form named like a demo request is a demo_request.
// Marketo records both as plain visits and form fills.
std::string effectiveEventType(std::string_view type, std::string_view asset);

// "1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+".
std::string sizeBand(std::int64_t employees);

} // namespace baton::agents
